// tests/engine/io/io_test_util.h — fixtures the import/export tests share.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <string>

#include "pactgraph/database.h"
#include "pactgraph/import_export.h"

namespace pactgraph::testing {

// A database at `path` (created), or a failed REQUIRE.
inline std::unique_ptr<Database> NewDb(const std::string& path) {
  auto db = Database::Open(path, {});
  REQUIRE(db.ok());
  return std::move(db).value();
}

// The JSON export of the whole database.
inline std::string ExportJson(Database& db) {
  std::ostringstream out;
  REQUIRE(ExportGraph(*db.NewReader(), ExportFormat::kJson, out).ok());
  return out.str();
}

}  // namespace pactgraph::testing

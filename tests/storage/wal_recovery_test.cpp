// A damaged write-ahead log is never silent: the open refuses (Corruption, exit 3) unless the
// caller asks to recover, and a recovered open is recorded so that `check` reports it. A log
// whose last record is cut short (a crash in the middle of an unacknowledged write) still
// opens, keeping every complete record.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "pactgraph/database.h"
#include "tests/test_util.h"

namespace pactgraph::testing {
namespace {

namespace fs = std::filesystem;

uint64_t CountNodes(Database* db) {
  auto r = db->NewReader();
  GraphStats st;
  REQUIRE(r->GetStats(&st).ok());
  return st.nodes;
}

// Writes `n` committed transactions of one node each; they stay in the log (no flush).
void WriteNodes(const std::string& path, int n) {
  auto db = std::move(Database::Open(path, Options())).value();
  for (int i = 0; i < n; ++i) {
    auto w = std::move(db->BeginWrite()).value();
    REQUIRE(w->CreateNode({"Organization"}, {{"name", Value("Body " + std::to_string(i))}}).ok());
    REQUIRE(w->Commit().ok());
  }
}

fs::path LargestLog(const std::string& path) {
  fs::path best;
  for (const auto& e : fs::directory_iterator(path)) {
    if (e.path().extension() == ".log" &&
        (best.empty() || fs::file_size(e.path()) > fs::file_size(best))) {
      best = e.path();
    }
  }
  REQUIRE(!best.empty());
  return best;
}

TEST_CASE("WAL: a log damaged in the middle refuses to open until recovery is asked for",
          "[storage][wal]") {
  TempDir dir;
  const std::string path = dir / "db";
  WriteNodes(path, 200);
  const fs::path log = LargestLog(path);
  const auto size = fs::file_size(log);
  REQUIRE(size > 4096);
  {
    std::fstream f(log, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const std::string junk(64, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto refused = Database::Open(path, Options());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kCorruption);
  CHECK(refused.status().ExitCode() == 3);
  CHECK(refused.status().message().find("write-ahead log") != std::string::npos);
  CHECK(refused.status().message().find("--recover") != std::string::npos);
  // Refusing changed nothing: a second refusal says the same.
  CHECK(Database::Open(path, Options()).status().code() == Status::Code::kCorruption);

  Options recover;
  recover.recover = true;
  {
    auto db = std::move(Database::Open(path, recover)).value();
    const uint64_t kept = CountNodes(db.get());
    CHECK(kept > 0);
    CHECK(kept < 200);
    CheckReport report;
    REQUIRE(db->Check(&report).ok());
    bool noted = false;
    for (const auto& n : report.notes) noted |= n.find("recover") != std::string::npos;
    CHECK(noted);
  }
  // Afterwards it opens normally and still says it was recovered.
  auto db = std::move(Database::Open(path, Options())).value();
  CheckReport report;
  REQUIRE(db->Check(&report).ok());
  bool noted = false;
  for (const auto& n : report.notes) noted |= n.find("recover") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("WAL: a log whose last record is cut short opens with every complete record",
          "[storage][wal]") {
  TempDir dir;
  const std::string path = dir / "db";
  WriteNodes(path, 50);
  const fs::path log = LargestLog(path);
  fs::resize_file(log, fs::file_size(log) - 5);  // the last write torn by a crash
  auto db = Database::Open(path, Options());
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  CHECK(CountNodes(db->get()) == 49);
  CheckReport report;
  REQUIRE((*db)->Check(&report).ok());
  CHECK(report.sound());
}

}  // namespace
}  // namespace pactgraph::testing

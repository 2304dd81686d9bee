// fuzz/fuzz_db.h — a scratch database for fuzz targets that need one (one per process, in a
// fresh temporary directory removed at exit), and a scratch file to hand inputs to importers.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "pactgraph/database.h"

namespace pactgraph::fuzz {

class Scratch {
 public:
  Scratch() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "pactgraph-fuzz-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data()) ? tmpl : std::string();
    auto db = Database::Open(dir_ + "/db", Options{});
    if (db.ok()) db_ = std::move(db).value();
  }
  ~Scratch() {
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Database* db() { return db_.get(); }
  std::string Write(const std::string& name, std::string_view bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary).write(bytes.data(), bytes.size());
    return path;
  }

 private:
  std::string dir_;
  std::unique_ptr<Database> db_;
};

inline Scratch& GetScratch() {
  static Scratch* s = new Scratch();  // never destroyed: libFuzzer exits with _exit
  return *s;
}

}  // namespace pactgraph::fuzz

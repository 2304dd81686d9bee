// Security: database files private to their owner, nothing listening on the network.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "tests/reliability/workload.h"
#include "tests/test_util.h"

using namespace pactgraph;
namespace fs = std::filesystem;

namespace {

// Every entry under `dir` (and `dir` itself) whose permissions give anything to group/others.
std::vector<std::string> PublicEntries(const std::string& dir) {
  std::vector<std::string> out;
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0 && (st.st_mode & 077) != 0) out.push_back(dir);
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (::stat(e.path().c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
      out.push_back(e.path().string());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("security: a reading command does not create a database", "[reliability][security]") {
  testing::TempDir dir;
  // `check` on a missing database must not create it; any writing command creates it. Use
  // the shell to run the binary under a permissive umask, as a user would.
  auto r = testing::RunProgram(
      {"sh", "-c", "umask 022; exec \"$0\" --db \"$1\" check", PACTGRAPH_BIN, dir / "db"});
  CHECK(r.exit_code != 0);
  CHECK_FALSE(fs::exists(dir / "db"));
}

TEST_CASE("security: the library creates the database directory 0700 whatever the umask",
          "[reliability][security]") {
  testing::TempDir dir;
  const mode_t old = ::umask(022);
  {
    auto db = Database::Open(dir / "db", Options{});
    REQUIRE(db.ok());
    REQUIRE(reliability::ApplyTxn(db->get(), 1).ok());
  }
  ::umask(old);
  struct stat st;
  REQUIRE(::stat((dir / "db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("security: an existing empty directory is made private when a database is created in it",
          "[reliability][security]") {
  testing::TempDir dir;
  fs::create_directory(dir / "db");
  ::chmod((dir / "db").c_str(), 0755);
  {
    auto db = Database::Open(dir / "db", Options{});
    REQUIRE(db.ok());
  }
  struct stat st;
  REQUIRE(::stat((dir / "db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("security: with umask 077 (as the CLI sets) every file is 0600",
          "[reliability][security]") {
  testing::TempDir dir;
  const mode_t old = ::umask(077);
  {
    auto db = Database::Open(dir / "db", Options{});
    REQUIRE(db.ok());
    for (uint64_t k = 1; k <= 6; ++k) REQUIRE(reliability::ApplyTxn(db->get(), k).ok());
  }
  ::umask(old);
  auto pub = PublicEntries(dir / "db");
  for (const auto& p : pub) FAIL_CHECK("readable by others: " << p);
}

TEST_CASE("security: the binary has no network server code", "[reliability][security]") {
  // Nothing listens on a port: the binary does not even import bind/listen/accept.
  auto r = testing::RunProgram({"sh", "-c", "nm -D --undefined-only \"$0\"", PACTGRAPH_BIN});
  REQUIRE(r.exit_code == 0);
  for (const char* sym : {" listen", " accept", " bind"}) {
    INFO(sym);
    bool found = false;
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
      auto at = line.find(sym);
      if (at != std::string::npos) {
        std::string name = line.substr(at + 1);
        name = name.substr(0, name.find('@'));
        if (name == std::string(sym + 1)) found = true;
      }
    }
    CHECK_FALSE(found);
  }
}

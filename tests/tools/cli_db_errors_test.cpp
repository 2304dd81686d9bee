// End to end: every command reports a missing, unreadable or corrupt database with the
// documented exit code 3 (issue 14, item 7), and commands that only read never create one.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/test_util.h"

using pactgraph::testing::RunPactgraph;
using pactgraph::testing::RunProgram;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

// Commands that read the database, with the arguments they need.
const std::vector<std::vector<std::string>> kReadCommands = {
    {"stats"},
    {"check"},
    {"query", "MATCH (n) RETURN count(n)"},
    {"export", "--format", "json"},
    {"node", "Kenya"},
    {"path", "Kenya", "Japan"},
    {"algo", "pagerank"},
    {"evidence", "Kenya", "Japan"},
};

std::vector<std::string> With(const std::string& db, std::vector<std::string> cmd,
                              bool read_only = false) {
  std::vector<std::string> args{"--db", db};
  if (read_only) args.push_back("--read-only");
  args.insert(args.end(), cmd.begin(), cmd.end());
  return args;
}

std::string MakeDatabase(const TempDir& dir, const std::string& name) {
  const std::string db = dir / name;
  REQUIRE(RunPactgraph({"--db", db, "-q", "query", "CREATE (:Nation {name: 'Kenya'})"}).exit_code ==
          0);
  return db;
}

}  // namespace

TEST_CASE("db errors (CLI): a missing database is exit 3 for every command, never created",
          "[e2e][dberrors]") {
  TempDir dir;
  const std::string db = dir / "mistyped.db";
  for (bool ro : {false, true}) {
    for (const auto& cmd : kReadCommands) {
      auto r = RunPactgraph(With(db, cmd, ro));
      INFO(cmd[0] << (ro ? " --read-only" : "") << ": " << r.err);
      CHECK(r.exit_code == 3);
      CHECK_THAT(r.err, Catch::Contains("no database at " + db));
      CHECK_FALSE(fs::exists(db));
    }
  }
  // A query file of reads only does not create it either; a writing query does.
  WriteFile(dir / "reads.cypher", "MATCH (n) RETURN n; RETURN 1");
  CHECK(RunPactgraph({"--db", db, "query", "-f", dir / "reads.cypher"}).exit_code == 3);
  CHECK_FALSE(fs::exists(db));
  CHECK(RunPactgraph({"--db", db, "-q", "query", "CREATE (:N)"}).exit_code == 0);
  CHECK(fs::exists(db));
}

TEST_CASE("db errors (CLI): a corrupt CURRENT or MANIFEST is 'corrupt', exit 3",
          "[e2e][dberrors]") {
  TempDir dir;
  auto expect_corrupt = [](const std::string& db, const char* what) {
    for (bool ro : {false, true}) {
      for (const auto& cmd : kReadCommands) {
        auto r = RunPactgraph(With(db, cmd, ro));
        INFO(what << ", " << cmd[0] << (ro ? " --read-only" : "") << ": " << r.err);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("corrupt") || Catch::Contains("damaged"));
        CHECK_THAT(r.err, !Catch::Contains("not a pactgraph database"));
      }
    }
  };
  {
    const std::string db = MakeDatabase(dir, "current.db");
    WriteFile(db + "/CURRENT", "garbage");
    expect_corrupt(db, "CURRENT overwritten");
  }
  {
    const std::string db = MakeDatabase(dir, "missing-manifest.db");
    WriteFile(db + "/CURRENT", "MANIFEST-999999\n");
    expect_corrupt(db, "CURRENT naming a missing MANIFEST");
  }
  {
    const std::string db = MakeDatabase(dir, "manifest.db");
    for (const auto& e : fs::directory_iterator(db)) {
      if (e.path().filename().string().rfind("MANIFEST-", 0) == 0) {
        WriteFile(e.path().string(), std::string(300, '\x5a'));
      }
    }
    expect_corrupt(db, "MANIFEST overwritten");
  }
}

TEST_CASE("db errors (CLI): a directory the user cannot read is exit 3, not an abort",
          "[e2e][dberrors]") {
  TempDir dir;
  // A --db below a regular file: the path cannot be a directory.
  WriteFile(dir / "afile", "x");
  for (const auto& cmd : kReadCommands) {
    auto r = RunPactgraph(With(dir / "afile/db", cmd));
    INFO(cmd[0] << ": " << r.err);
    CHECK(r.exit_code == 3);
  }
  auto w = RunPactgraph({"--db", dir / "afile/db", "query", "CREATE (:N)"});
  CHECK(w.exit_code == 3);
  // Permissions: root reads everything, so drop to nobody with setpriv (util-linux).
  if (geteuid() != 0 || access("/usr/bin/setpriv", X_OK) != 0) {
    WARN("skipped the permission case: needs root and setpriv to run as another user");
    return;
  }
  const std::string db = MakeDatabase(dir, "private.db");  // 0700, owned by root
  fs::permissions(dir.path(), fs::perms::all, fs::perm_options::add);
  for (bool ro : {false, true}) {
    for (const auto& cmd : kReadCommands) {
      std::vector<std::string> args{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                    PACTGRAPH_BIN};
      auto rest = With(db, cmd, ro);
      args.insert(args.end(), rest.begin(), rest.end());
      auto r = RunProgram(args);
      INFO(cmd[0] << (ro ? " --read-only" : "") << ": " << r.err);
      CHECK(r.exit_code == 3);
      CHECK_THAT(r.err, Catch::Contains("ermission denied") || Catch::Contains("not writable"));
    }
  }
}

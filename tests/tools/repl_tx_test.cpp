// End-to-end tests of the shell's transactions (:begin/:commit/:rollback) and of the write
// lock: an idle shell holds none (issue 14 item 8), an open transaction holds it.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "tests/test_util.h"
#include "tests/tools/pty_harness.h"

namespace pactgraph::testing {
namespace {

struct TxFixture {
  TempDir dir;
  std::string db = dir / "db";
  TxFixture() {
    REQUIRE(RunPactgraph({"--db", db, "query", "CREATE (:Nation {name: 'Kenya'})"}).exit_code == 0);
  }
  std::unique_ptr<PtySession> Start() const {
    auto s = std::make_unique<PtySession>(
        std::vector<std::string>{PACTGRAPH_BIN, "--db", db},
        std::vector<std::string>{"HOME=" + dir.path(), "PACTGRAPH_HISTORY=", "TERM=xterm",
                                 "NO_COLOR=1", "PAGER="});
    REQUIRE(s->WaitFor("pactgraph> "));
    return s;
  }
  // The node count another process sees.
  std::string Count() const {
    auto r = RunPactgraph(
        {"--db", db, "--read-only", "query", "MATCH (n) RETURN count(n) AS n", "--format", "csv"});
    REQUIRE(r.exit_code == 0);
    return r.out;
  }
};

void Pause() { std::this_thread::sleep_for(std::chrono::milliseconds(200)); }

TEST_CASE("repl: an idle shell holds no lock, other commands write beside it", "[repl][tx]") {
  TxFixture f;
  auto s = f.Start();
  // Before the fix the shell kept the writer open: this failed with "in use by another process".
  auto w = RunPactgraph({"--db", f.db, "query", "CREATE (:Nation {name: 'Chad'})"});
  CHECK(w.exit_code == 0);
  INFO(w.err);
  // The shell sees the other process's commit, and writes itself.
  s->Send("MATCH (n:Nation) RETURN count(n) AS nations;\r");
  REQUIRE(s->WaitFor("│       2 │"));
  s->Send("CREATE (:Nation {name: 'Mali'});\r");
  REQUIRE(s->WaitFor("1 node created"));
  REQUIRE(s->WaitFor("pactgraph> "));
  CHECK(f.Count() == "n\n3\n");
  // A second shell works beside the first.
  auto second = f.Start();
  second->Send("CREATE (:Nation {name: 'Togo'});\r");
  REQUIRE(second->WaitFor("1 node created"));
  CHECK(f.Count() == "n\n4\n");
  Pause();
  s->Send("\x04");
  CHECK(s->WaitExit() == 0);
}

TEST_CASE("repl: :begin … :commit is one atomic batch, the prompt shows it", "[repl][tx]") {
  TxFixture f;
  auto s = f.Start();
  s->Send(":begin\r");
  REQUIRE(s->WaitFor("pactgraph*> "));
  s->Send("CREATE (:Nation {name: 'Chad'});\r");
  REQUIRE(s->WaitFor("1 node created"));
  REQUIRE(s->WaitFor("pactgraph*> "));
  // Reads in the transaction see its writes; other processes do not yet.
  s->Send("MATCH (n) RETURN count(n) AS inside;\r");
  REQUIRE(s->WaitFor("│      2 │"));
  CHECK(f.Count() == "n\n1\n");
  // The open transaction holds the writer: a writing command is told to use --read-only.
  auto busy = RunPactgraph({"--db", f.db, "query", "CREATE (:Nation {name: 'Mali'})"});
  CHECK(busy.exit_code == 3);
  CHECK(busy.err.find("in use by another process") != std::string::npos);
  CHECK(busy.err.find("--read-only") != std::string::npos);
  s->Send("CREATE (:Nation {name: 'Niger'});\r:commit\r");
  REQUIRE(s->WaitFor("committed 3 statements"));  // the read counts too
  REQUIRE(s->WaitFor("pactgraph> "));
  CHECK(f.Count() == "n\n3\n");
  // :rollback drops everything the transaction wrote.
  s->Send(":begin\rMATCH (n) DETACH DELETE n;\r");
  REQUIRE(s->WaitFor("3 nodes deleted"));
  s->Send(":rollback\r");
  REQUIRE(s->WaitFor("transaction rolled back"));
  REQUIRE(s->WaitFor("pactgraph> "));
  CHECK(f.Count() == "n\n3\n");
  // Leaving with a transaction open warns first; leaving again rolls it back.
  s->Send(":begin\rCREATE (:Nation {name: 'Benin'});\r");
  REQUIRE(s->WaitFor("1 node created"));
  REQUIRE(s->WaitFor("pactgraph*> "));
  Pause();
  s->Send("\x04");
  REQUIRE(s->WaitFor("a transaction is open (1 statement)"));
  REQUIRE(s->WaitFor("pactgraph*> "));
  Pause();
  s->Send(":quit\r");
  REQUIRE(s->WaitFor("rolled back"));
  CHECK(s->WaitExit() == 0);
  CHECK(f.Count() == "n\n3\n");
}

TEST_CASE("repl: a failing statement rolls the whole transaction back", "[repl][tx]") {
  TxFixture f;
  // From a script: the error stops the run (exit 2) and nothing of the batch is kept.
  auto r = RunPactgraph({"--db", f.db},
                        ":begin\nCREATE (:Nation {name: 'Chad'});\n"
                        "UNWIND [1, 0] AS x RETURN 1 / x;\n:commit\n");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("transaction rolled back") != std::string::npos);
  CHECK(f.Count() == "n\n1\n");
  // A statement that does not parse never ran: the transaction goes on.
  auto k = RunPactgraph({"--db", f.db, "--keep-going"},
                        ":begin\nCREATE (:Nation {name: 'Chad'});\nMATCH (n RETURN n;\n"
                        "CREATE (:Nation {name: 'Mali'});\n:commit\n");
  CHECK(k.exit_code == 2);
  CHECK(k.err.find("committed 2 statements") != std::string::npos);
  CHECK(f.Count() == "n\n3\n");
  // A script that ends inside :begin keeps nothing and says so.
  auto open = RunPactgraph({"--db", f.db}, ":begin\nCREATE (:Nation {name: 'Togo'});\n");
  CHECK(open.exit_code == 0);
  CHECK(open.err.find("rolled back") != std::string::npos);
  CHECK(f.Count() == "n\n3\n");
  // :commit without :begin is a usage error.
  auto none = RunPactgraph({"--db", f.db}, ":commit\n");
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("no transaction is open") != std::string::npos);
}

}  // namespace
}  // namespace pactgraph::testing

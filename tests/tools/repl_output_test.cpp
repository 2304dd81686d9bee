// End-to-end tests of the shell's output: line and vertical modes, a table too wide for the
// terminal drawn vertical, the pager, `query --timer`, lists in CSV as JSON, the readable
// history file and alias-aware :node completion.
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include "tests/test_util.h"
#include "tests/tools/pty_harness.h"

namespace pactgraph::testing {
namespace {

struct OutputFixture {
  TempDir dir;
  std::string db = dir / "db";
  OutputFixture() {
    auto r = RunPactgraph({"--db", db, "query",
                           "CREATE (:Nation {name: 'Kenya', aliases: ['Kenyan', 'Republic of "
                           "Kenya']}), (:Nation {name: 'Kenitra Free Zone'})"});
    REQUIRE(r.exit_code == 0);
  }
  std::unique_ptr<PtySession> Start(const std::string& pager = "") const {
    auto s = std::make_unique<PtySession>(
        std::vector<std::string>{PACTGRAPH_BIN, "--db", db},
        std::vector<std::string>{"HOME=" + dir.path(), "PACTGRAPH_HISTORY=" + dir / "history",
                                 "TERM=xterm", "NO_COLOR=1", "PAGER=" + pager});
    REQUIRE(s->WaitFor("pactgraph> "));
    return s;
  }
};

void Quit(PtySession& s) {
  REQUIRE(s.WaitFor("pactgraph> "));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  s.Send("\x04");
  CHECK(s.WaitExit() == 0);
}

TEST_CASE("repl: :mode line and :mode vertical", "[repl][output]") {
  OutputFixture f;
  auto s = f.Start();
  s->Send(":mode line\rRETURN 'Kenya' AS name, 42 AS answer;\r");
  REQUIRE(s->WaitFor("  name = Kenya\r\nanswer = 42\r\n"));
  s->Send(":mode vertical\rUNWIND [1, 2] AS i RETURN i, 'x' AS tag;\r");
  REQUIRE(s->WaitFor("-[ RECORD 1 ]"));
  REQUIRE(s->WaitFor("i   | 1\r\ntag | x\r\n"));
  REQUIRE(s->WaitFor("-[ RECORD 2 ]"));
  REQUIRE(s->WaitFor("(2 rows"));
  s->Send(":mode\r");
  REQUIRE(s->WaitFor("vertical"));
  Quit(*s);
}

TEST_CASE("repl: a table wider than the terminal is shown vertical", "[repl][output]") {
  OutputFixture f;
  auto s = f.Start();
  // Three 40-column cells make a table of 130 columns: the terminal has 120.
  const std::string w(40, 'w');
  s->Send("RETURN '" + w + "' AS a, '" + w + "' AS b, '" + w + "' AS c;\r");
  REQUIRE(s->WaitFor("-[ RECORD 1 ]"));
  REQUIRE(s->WaitFor("a | " + w));
  // A narrow one stays a table.
  s->Send("RETURN 'short' AS a, 'also' AS b;\r");
  REQUIRE(s->WaitFor("│ short │ also │"));
  Quit(*s);
}

TEST_CASE("repl: a long result goes through $PAGER, :pager off prints it", "[repl][output]") {
  OutputFixture f;
  // The "pager" marks each line it is given: proof that the result went through it.
  auto s = f.Start("sed s/^/paged:/");
  s->Send("UNWIND range(1, 100) AS i RETURN i;\r");
  REQUIRE(s->WaitFor("paged:│   1 │"));
  REQUIRE(s->WaitFor("paged:(100 rows"));
  s->Send("RETURN 'brief' AS b;\r");
  REQUIRE(s->WaitFor("│ brief │"));
  CHECK(s->pending().find("paged:") == std::string::npos);  // short: no pager
  s->Send(":pager off\rUNWIND range(1, 100) AS i RETURN i * 2 AS d;\r");
  REQUIRE(s->WaitFor("│ 200 │"));
  REQUIRE(s->WaitFor("(100 rows"));
  CHECK(s->output().find("paged:│ 200 │") == std::string::npos);
  Quit(*s);
  // Not on a terminal: never paged.
  auto piped = RunPactgraph({"--db", f.db}, "UNWIND range(1, 100) AS i RETURN i;\n");
  CHECK(piped.out.find("paged:") == std::string::npos);
}

TEST_CASE("query: --timer, and lists in CSV as JSON arrays", "[output]") {
  OutputFixture f;
  auto t = RunPactgraph({"--db", f.db, "query", "RETURN 1 AS one", "--timer"});
  CHECK(t.exit_code == 0);
  CHECK(t.out.find("(1 row, ") != std::string::npos);
  CHECK(t.out.find(" ms)") != std::string::npos);
  auto csv = RunPactgraph({"--db", f.db, "query",
                           "MATCH (n {name: 'Kenya'}) RETURN n.aliases AS a, [1, null] AS l",
                           "--format", "csv"});
  CHECK(csv.out == "a,l\n\"[\"\"Kenyan\"\",\"\"Republic of Kenya\"\"]\",\"[1,null]\"\n");
  // The table of `query` is the shell's: box drawing.
  auto table = RunPactgraph({"--db", f.db, "query", "RETURN 1 AS one"});
  CHECK(table.out.find("┌─────┐") == 0);
}

TEST_CASE("repl: the history file is readable and loads again", "[repl][output]") {
  OutputFixture f;
  {
    auto s = f.Start();
    s->Send("RETURN 'two words'\r");
    REQUIRE(s->WaitFor("...> "));
    s->Send("  AS x;\r");
    REQUIRE(s->WaitFor("│ two words │"));
    Quit(*s);
  }
  const std::string saved = ReadFile(f.dir / "history");
  // One statement per line, the lines of a multi-line statement joined, no \040 escapes.
  CHECK(saved.find("RETURN 'two words'   AS x;\n") != std::string::npos);
  CHECK(saved.find("\\040") == std::string::npos);
  auto s = f.Start();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  s->Send("\x1b[A\r");  // libedit loaded it: Up recalls the statement
  REQUIRE(s->WaitFor("│ two words │"));
  Quit(*s);
}

TEST_CASE("repl: :node completion shows which candidates are aliases", "[repl][output]") {
  OutputFixture f;
  REQUIRE(RunPactgraph({"--db", f.db, "query", "CREATE (:Nation {name: 'Republic of Korea'})"})
              .exit_code == 0);
  auto s = f.Start();
  // "Republic" starts Korea's name and one of Kenya's aliases: both are listed, the alias as
  // what it is (before, Kenya was offered as if its name started with "Republic").
  s->Send(":node Republic\t");
  REQUIRE(s->WaitFor("\"Republic of Korea\""));  // listed in candidate order
  REQUIRE(s->WaitFor("Republic of Kenya → Kenya"));
  s->Send("\x15\r");  // Ctrl-U drops the line
  REQUIRE(s->WaitFor("pactgraph> "));
  // A prefix only an alias matches completes to the node's own name.
  s->Send(":node Kenyan\t\r");
  REQUIRE(s->WaitFor("Kenya (Nation, id"));
  Quit(*s);
}

TEST_CASE("repl: :help aligns its columns by display width", "[repl][output]") {
  OutputFixture f;
  auto r = RunPactgraph({"--db", f.db, "repl", "--no-rc"}, ":help\n");
  REQUIRE(r.exit_code == 0);
  // Each summary starts in the same display column (":ingest PATH… [options]" has a 3-byte
  // "…": counted in bytes, its row was one column short).
  std::istringstream in(r.out);
  std::set<size_t> columns;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  :", 0) != 0) continue;
    size_t gap = line.find("  ", 2);
    size_t start = line.find_first_not_of(' ', gap);
    // Display columns before the summary: bytes minus the continuation bytes of UTF-8.
    size_t cols = 0;
    for (size_t i = 0; i < start; ++i) cols += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    columns.insert(cols);
  }
  CHECK(columns.size() == 1);
}

}  // namespace
}  // namespace pactgraph::testing

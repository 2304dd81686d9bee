// End-to-end tests of the REPL: the real binary on a pseudo-terminal (pty_harness.h), and
// non-interactive runs from a file and from a pipe.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/test_util.h"
#include "tests/tools/pty_harness.h"

namespace pactgraph::testing {
namespace {

// A small database: two countries, an organisation, one MOU.
struct ReplFixture {
  TempDir dir;
  std::string db = dir / "db";
  ReplFixture() {
    auto r = RunPactgraph({"--db", db, "query",
                           "CREATE (r:Country {name: 'Rwanda'}), (k:Country {name: 'Kenya'}), "
                           "(o:Organization {name: 'East African Community'}), "
                           "(r)-[:MOU {date: '2020-01-02'}]->(k), (r)-[:MEMBER_OF]->(o)"});
    REQUIRE(r.exit_code == 0);
  }
  std::vector<std::string> Env() const {
    return {"HOME=" + dir.path(), "PACTGRAPH_HISTORY=" + dir / "history", "TERM=xterm",
            "NO_COLOR=1"};
  }
  std::unique_ptr<PtySession> Start(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {PACTGRAPH_BIN, "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    auto s = std::make_unique<PtySession>(args, Env());
    REQUIRE(s->WaitFor("pactgraph> "));
    return s;
  }
};

// Control keys typed before libedit has switched the terminal to raw mode are taken by the
// kernel's line discipline (^D: end of file, ^R: reprint, ^C: SIGINT before the read), as in
// any line-editing program; a person never types that fast, a test can. So before a control
// key, after the prompt appeared, give the editor a moment.
void LetEditorRead() { std::this_thread::sleep_for(std::chrono::milliseconds(200)); }

void Quit(PtySession& s) {
  REQUIRE(s.WaitFor("pactgraph> "));
  LetEditorRead();
  s.Send("\x04");  // Ctrl-D
  int code = s.WaitExit();
  INFO("terminal after Ctrl-D: " << s.pending());
  CHECK(code == 0);
}

TEST_CASE("repl: a statement over several lines uses the continuation prompt", "[repl]") {
  ReplFixture f;
  auto s = f.Start();
  s->Send("MATCH (c:Country)\r");
  REQUIRE(s->WaitFor("...> "));
  s->Send("RETURN c.name AS name\r");
  REQUIRE(s->WaitFor("...> "));
  s->Send("ORDER BY name;\r");
  REQUIRE(s->WaitFor("│ name   │"));  // cells are padded to the column width
  REQUIRE(s->WaitFor("│ Kenya  │"));
  REQUIRE(s->WaitFor("│ Rwanda │"));
  REQUIRE(s->WaitFor("(2 rows"));
  Quit(*s);
}

TEST_CASE("repl: Tab completes labels, relationship types and node names", "[repl]") {
  ReplFixture f;
  auto s = f.Start();
  // The terminal only redraws the completed tail, so the results prove the completions:
  // without them these statements would find nothing or fail to parse.
  s->Send("MATCH (c:Cou\t) RETURN count(c) AS countries;\r");
  REQUIRE(s->WaitFor("│         2 │"));
  s->Send("MATCH ()-[r:MO\t]->() RETURN r.date AS d;\r");
  REQUIRE(s->WaitFor("2020-01-02"));
  // Inside a string literal: node names, quoted; "east" finds "East African Community".
  s->Send("MATCH (n {name: 'east\t}) RETURN labels(n) AS l;\r");
  REQUIRE(s->WaitFor("Organization"));
  REQUIRE(s->WaitFor("(1 row"));
  // Meta-commands complete too.
  s->Send(":sch\t\r");
  REQUIRE(s->WaitFor("Node labels:"));
  REQUIRE(s->WaitFor(":Country  (2)"));
  // ... and so do the names of the limits :set takes ("max_m" has one completion; without it
  // the shell would say there is no limit 'max_m').
  s->Send(":set max_m\t\r");
  REQUIRE(s->WaitFor("1024"));
  Quit(*s);
}

TEST_CASE("repl: Ctrl-C cancels a long query and the shell carries on", "[repl]") {
  ReplFixture f;
  REQUIRE(RunPactgraph({"--db", f.db, "query", "UNWIND range(1, 300) AS i CREATE (:N {i: i})"})
              .exit_code == 0);
  auto s = f.Start({"repl", "--max-rows", "100000000000"});
  // 300^4 = 8.1e9 rows: minutes of work, unless cancelled.
  s->Send("MATCH (a:N), (b:N), (c:N), (d:N) RETURN count(*) AS n;\r");
  REQUIRE(s->WaitFor("count(*) AS n;"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let it start
  s->Send("\x03");
  // The query needs minutes; being cancelled well within 20 s is the property (no tighter
  // wall-clock bound: CI machines are shared).
  REQUIRE(s->WaitFor("query cancelled", 20000));
  REQUIRE(s->WaitFor("pactgraph> "));
  s->Send("RETURN 40 + 2 AS answer;\r");
  REQUIRE(s->WaitFor("│     42 │"));
  // Ctrl-C at the prompt drops the half-typed statement.
  s->Send("MATCH (n)\r");
  REQUIRE(s->WaitFor("...> "));
  LetEditorRead();
  s->Send("\x03");
  REQUIRE(s->WaitFor("pactgraph> "));
  s->Send("RETURN 'fresh' AS x;\r");
  REQUIRE(s->WaitFor("│ fresh │"));
  Quit(*s);
}

TEST_CASE("repl: history persists across sessions, Up and Ctrl-R recall it", "[repl]") {
  ReplFixture f;
  {
    auto s = f.Start();
    s->Send("RETURN 'remember me'\r");
    REQUIRE(s->WaitFor("...> "));
    s->Send("AS x;\r");
    REQUIRE(s->WaitFor("│ remember me │"));
    s->Send("RETURN 'latest' AS y;\r");
    REQUIRE(s->WaitFor("│ latest │"));
    Quit(*s);
  }
  std::string saved = ReadFile(f.dir / "history");
  CHECK(saved.find("remember") != std::string::npos);
  auto s = f.Start();
  LetEditorRead();
  s->Send("\x1b[A\r");  // Up, Enter: the last statement again
  REQUIRE(s->WaitFor("│ latest │"));
  REQUIRE(s->WaitFor("pactgraph> "));
  LetEditorRead();
  s->Send("\x12remember");  // Ctrl-R, then type: the older statement
  REQUIRE(s->WaitFor("RETURN 'remember me' AS x;"));
  s->Send("\r");
  REQUIRE(s->WaitFor("│ remember me │"));
  s->Send(":history\r");
  REQUIRE(s->WaitFor("RETURN 'latest' AS y;"));
  Quit(*s);
}

TEST_CASE("repl: an error shows the caret diagnostic and the next query runs", "[repl]") {
  ReplFixture f;
  auto s = f.Start();
  s->Send("MATCH (n RETURN n;\r");
  REQUIRE(s->WaitFor("error: "));
  REQUIRE(s->WaitFor("line 1, column"));
  REQUIRE(s->WaitFor("^"));
  s->Send(":shema\r");
  REQUIRE(s->WaitFor("did you mean ':schema'?"));
  s->Send("MATCH (n:Country) RETURN count(n) AS c;\r");
  REQUIRE(s->WaitFor("│ 2 │"));
  Quit(*s);
}

TEST_CASE("repl: every output mode, :maxrows, :param and :output", "[repl]") {
  ReplFixture f;
  auto s = f.Start();
  const std::string q = "MATCH (c:Country) RETURN c.name AS name ORDER BY name;\r";
  s->Send(":mode json\r" + q);
  REQUIRE(s->WaitFor("[{\"name\":\"Kenya\"},\r\n {\"name\":\"Rwanda\"}]"));
  s->Send(":mode jsonl\r" + q);
  REQUIRE(s->WaitFor("{\"name\":\"Kenya\"}\r\n{\"name\":\"Rwanda\"}\r\n"));
  s->Send(":mode csv\r" + q);
  REQUIRE(s->WaitFor("name\r\nKenya\r\nRwanda\r\n"));
  s->Send(":mode markdown\r" + q);
  REQUIRE(s->WaitFor("| name |\r\n| --- |\r\n| Kenya |\r\n| Rwanda |"));
  s->Send(":mode table\r:maxrows 1\r" + q);
  REQUIRE(s->WaitFor("│ Kenya │"));
  REQUIRE(s->WaitFor("(showing 1 of 2 rows"));
  CHECK(s->pending().find("Rwanda") == std::string::npos);
  // Columns are sized by display width: 日本 takes four columns, é one.
  s->Send("RETURN '日本' AS wide, 'é' AS e, 'x' AS narrow;\r");
  REQUIRE(s->WaitFor("│ wide │ e │ narrow │"));
  REQUIRE(s->WaitFor("│ 日本 │ é │ x      │"));
  s->Send(":mode yaml\r");
  REQUIRE(s->WaitFor("unknown format 'yaml'"));
  s->Send(":param who \"Kenya\"\rMATCH (c {name: $who}) RETURN labels(c) AS l;\r");
  REQUIRE(s->WaitFor("Country"));
  const std::string out = f.dir / "out.csv";
  s->Send(":maxrows 0\r:mode csv\r:output " + out + "\r" + q + ":output\rRETURN 'back' AS b;\r");
  REQUIRE(s->WaitFor("b\r\nback\r\n"));
  CHECK(ReadFile(out) == "name\nKenya\nRwanda\n");
  Quit(*s);
}

TEST_CASE("repl: :node, :path, :stats and :source run the commands' code", "[repl]") {
  ReplFixture f;
  WriteFile(f.dir / "q.cypher", ":mode csv\nMATCH (c:Country) RETURN count(c) AS n;\n");
  auto s = f.Start();
  s->Send(":node Rwa\t\r");
  REQUIRE(s->WaitFor("Rwanda (Country, id"));
  REQUIRE(s->WaitFor("-[MOU]->"));
  s->Send(":path \"Kenya\" \"East African Community\"\r");
  REQUIRE(s->WaitFor("2 hops"));
  s->Send(":path Kenya Atlantis\r");
  REQUIRE(s->WaitFor("Atlantis"));
  s->Send(":stats\r");
  REQUIRE(s->WaitFor("relationships  2"));
  s->Send(":source " + f.dir / "q.cy\t\r");  // file paths complete too
  REQUIRE(s->WaitFor("n\r\n2\r\n"));
  // The database is open again after the commands ran.
  s->Send("CREATE (:Country {name: 'Chad'});\rMATCH (c:Country) RETURN count(c) AS n;\r");
  REQUIRE(s->WaitFor("n\r\n3\r\n"));
  Quit(*s);
}

TEST_CASE("repl: colour on a terminal unless NO_COLOR, wide cells are cut", "[repl]") {
  ReplFixture f;
  std::vector<std::string> env = f.Env();
  env.back() = "NO_COLOR=";  // set but empty: colour stays on
  PtySession s({PACTGRAPH_BIN, "--db", f.db}, env);
  REQUIRE(s.WaitFor("\033[1;32mpactgraph>\033[0m "));
  s.Send("RETURN 1 +;\r");
  REQUIRE(s.WaitFor("\033[1;31merror:\033[0m"));
  s.Send("RETURN '" + std::string(60, 'w') + "' AS long;\r");
  REQUIRE(s.WaitFor(std::string(47, 'w') + "… │"));
  REQUIRE(s.WaitFor("pactgraph>\033[0m "));
  LetEditorRead();
  s.Send("\x04");
  CHECK(s.WaitExit() == 0);
}

TEST_CASE("repl: statements from a file run in order, the first error stops", "[repl]") {
  ReplFixture f;
  const std::string script =
      "// a comment\n"
      "MATCH (c:Country)\n  RETURN c.name AS name ORDER BY name;\n"
      ":mode csv\n"
      "RETURN 1 AS one; RETURN 2 AS two;\n"
      "RETURN nosuchfunction(1);\n"
      "RETURN 'after' AS a;\n";
  auto r = RunPactgraph({"--db", f.db}, script);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("│ Kenya") != std::string::npos);
  CHECK(r.out.find("one\n1\ntwo\n2\n") != std::string::npos);
  CHECK(r.out.find("after") == std::string::npos);
  CHECK(r.err.find("stdin:6") != std::string::npos);
  CHECK(r.out.find("pactgraph>") == std::string::npos);  // no prompts

  auto k = RunPactgraph({"--db", f.db, "--keep-going"}, script);
  CHECK(k.exit_code == 2);
  CHECK(k.out.find("a\nafter\n") != std::string::npos);

  auto ok = RunPactgraph({"--db", f.db, "repl", "--format", "jsonl"},
                         "MATCH (c:Country {name: 'Rwanda'})\nRETURN c.name AS n");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == "{\"n\":\"Rwanda\"}\n");
}

TEST_CASE("repl: statements from a pipe, and the start-up file", "[repl]") {
  ReplFixture f;
  WriteFile(f.dir / ".pactgraphrc", ":mode markdown\n");
  auto r = RunProgram({"sh", "-c",
                       "printf 'RETURN 1 AS x;\\nRETURN 2 AS y;\\n' | HOME='" + f.dir.path() +
                           "' '" + PACTGRAPH_BIN + "' --db '" + f.db + "'"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "| x |\n| --- |\n| 1 |\n| y |\n| --- |\n| 2 |\n");
  auto bad = RunProgram({"sh", "-c",
                         "echo 'RETURN 1 +;' | '" + std::string(PACTGRAPH_BIN) + "' --db '" + f.db +
                             "' repl --no-rc"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("line 1, column") != std::string::npos);
}

TEST_CASE("repl: :set shows and changes the query limits, and errors name :set", "[repl]") {
  ReplFixture f;
  auto run = [&](std::vector<std::string> flags, const std::string& input) {
    std::vector<std::string> args = {"--db", f.db, "repl", "--no-rc", "-k"};
    args.insert(args.end(), flags.begin(), flags.end());
    return RunPactgraph(args, input);
  };
  // Listed with their values; a flag of the shell sets the starting value.
  auto shown = run({"--max-depth", "7"}, ":set\n:set max_depth\n");
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.find("max_memory_mb") != std::string::npos);
  CHECK(shown.out.find("timeout_ms") != std::string::npos);
  CHECK(shown.out.find("max_depth      7") != std::string::npos);
  CHECK(shown.out.substr(shown.out.rfind('\n', shown.out.size() - 2) + 1) == "7\n");

  // A lowered row limit stops a query that passed before, and the message says how to raise
  // it in the shell, not with a flag of `query`.
  const std::string rows = "UNWIND range(1, 100) AS x RETURN count(x) AS n;\n";
  auto before = run({}, rows);
  CHECK(before.exit_code == 0);
  auto limited = run({}, ":set max_rows 10\n" + rows);
  CHECK(limited.exit_code == 5);
  CHECK(limited.err.find("limit max_rows") != std::string::npos);
  CHECK(limited.err.find(":set max_rows N") != std::string::npos);
  CHECK(limited.err.find("query --") == std::string::npos);
  auto raised = run({}, ":set max_rows 10\n:set max_rows 1000\n" + rows);
  CHECK(raised.exit_code == 0);
  CHECK(raised.out.find("100") != std::string::npos);

  // The depth of an unbounded * follows :set max_depth: every path from Rwanda is one hop
  // long, so a depth of 1 is enough; after a second hop is added it is not.
  const std::string reach = "MATCH (a {name: 'Rwanda'})-[*]->(b) RETURN count(b) AS n;\n";
  auto shallow = run({}, ":set max-depth 1\n" + reach);
  CHECK(shallow.exit_code == 0);
  CHECK(shallow.out.find("2") != std::string::npos);
  REQUIRE(run({}, "MATCH (k {name: 'Kenya'}), (o:Organization) CREATE (k)-[:COOPERATION]->(o);\n")
              .exit_code == 0);
  auto deep = run({}, ":set max-depth 1\n" + reach);
  CHECK(deep.exit_code == 5);
  CHECK(deep.err.find(":set max_depth N") != std::string::npos);
  auto deeper = run({}, ":set max_depth 2\n" + reach);
  CHECK(deeper.exit_code == 0);
  CHECK(deeper.out.find("3") != std::string::npos);

  // The memory limit: a string doubled past 1 MiB.
  std::string doubling = "WITH 'abcdefgh' AS s";
  for (int i = 0; i < 20; ++i) doubling += " WITH s + s AS s";
  doubling += " RETURN size(s);\n";
  CHECK(run({}, doubling).exit_code == 0);
  auto mem = run({}, ":set max_memory_mb 1\n" + doubling);
  CHECK(mem.exit_code == 5);
  CHECK(mem.err.find(":set max_memory_mb N") != std::string::npos);

  // Bad names and values are refused with the names that exist.
  auto bad = run({}, ":set maxrows 5\n:set max_rows 0\n:set max_rows ten\n:set max_rows -1\n");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("no limit 'maxrows' (did you mean 'max_rows'?)") != std::string::npos);
  CHECK(bad.err.find("the limits are timeout_ms, max_rows, max_memory_mb, max_depth") !=
        std::string::npos);
  size_t count = 0;
  for (size_t at = 0; (at = bad.err.find("takes a whole number", at)) != std::string::npos; ++at)
    ++count;
  CHECK(count == 3);
}

TEST_CASE("bash completion offers commands, options and formats", "[repl]") {
  const std::string script =
      std::string(PACTGRAPH_SOURCE_DIR) + "/scripts/pactgraph-completion.bash";
  auto complete = [&](const std::string& words, int cword) {
    auto r = RunProgram({"bash", "-c",
                         "complete() { :; }; source '" + script + "'; COMP_WORDS=(" + words +
                             "); COMP_CWORD=" + std::to_string(cword) +
                             "; _pactgraph; echo \"${COMPREPLY[*]}\""});
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  CHECK(complete("pactgraph qu", 1) == "query\n");
  CHECK(complete("pactgraph --db x.db re", 3) == "repl\n");
  CHECK(complete("pactgraph query --format j", 3) == "json jsonl\n");
  CHECK(complete("pactgraph algo page", 2) == "pagerank\n");
  CHECK(complete("pactgraph path A B --max", 4) == "--max-hops\n");
}

}  // namespace
}  // namespace pactgraph::testing

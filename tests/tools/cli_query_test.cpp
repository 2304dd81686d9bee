// End-to-end tests of `pactgraph query`: formats, parameters, files, exit codes.
#include <catch2/catch.hpp>

#include "tests/test_util.h"

using pactgraph::testing::RunPactgraph;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

TEST_CASE("query: pactgraph query prints tables, JSON, JSONL, CSV and markdown", "[query][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  auto w = RunPactgraph({"--db", db, "-q", "query",
                         "CREATE (:Country {name: 'Rwanda'})<-[:MOU {year: 2020}]-(:Org {name: "
                         "'JICA, Japan'})"});
  REQUIRE(w.exit_code == 0);
  const std::string q = "MATCH (o)-[r:MOU]->(c) RETURN o.name AS org, r.year AS year, c";
  auto json = RunPactgraph({"--db", db, "query", q, "--format", "json"});
  REQUIRE(json.exit_code == 0);
  CHECK(json.out ==
        "[{\"org\":\"JICA, Japan\",\"year\":2020,\"c\":{\"id\":1,\"labels\":[\"Country\"],"
        "\"properties\":{\"name\":\"Rwanda\"}}}]\n");
  auto jsonl =
      RunPactgraph({"--db", db, "query", "UNWIND [1, 2] AS x RETURN x", "--format", "jsonl"});
  CHECK(jsonl.out == "{\"x\":1}\n{\"x\":2}\n");
  auto csv = RunPactgraph({"--db", db, "query", q, "--format", "csv"});
  CHECK(csv.out ==
        "org,year,c\n\"JICA, Japan\",2020,\"{\"\"id\"\":1,\"\"labels\"\":[\"\"Country\"\"],"
        "\"\"properties\"\":{\"\"name\"\":\"\"Rwanda\"\"}}\"\n");
  auto md = RunPactgraph({"--db", db, "query", "RETURN 'a|b' AS x", "--format", "markdown"});
  CHECK(md.out == "| x |\n| --- |\n| a\\|b |\n");
  auto table = RunPactgraph({"--db", db, "query", "RETURN 'Rwanda' AS name, 1 AS n"});
  // The same table as the shell draws (one renderer for both), numbers right-aligned.
  CHECK(table.out ==
        "┌────────┬───┐\n│ name   │ n │\n├────────┼───┤\n│ Rwanda │ 1 │\n└────────┴───┘\n"
        "(1 row)\n");
  auto timed = RunPactgraph({"--db", db, "query", "RETURN 1 AS n", "--format", "json", "--timer"});
  CHECK(timed.out == "[{\"n\":1}]\n");
  CHECK(timed.err.find(" ms)") != std::string::npos);
}

TEST_CASE("query: --param and -f FILE", "[query][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  WriteFile(dir / "q.cypher",
            "// curation script\nCREATE (:Country {name: 'Kenya'});\n"
            "MATCH (c:Country {name: $name}) SET c.iso = $iso;\n"
            "MATCH (c:Country) RETURN c.name, c.iso, $n + 1 AS n;\n");
  auto r = RunPactgraph({"--db", db, "-q", "query", "-f", dir / "q.cypher", "--param", "name=Kenya",
                         "--param", "iso=\"KE\"", "--param", "n=41", "--format", "jsonl"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "{\"c.name\":\"Kenya\",\"c.iso\":\"KE\",\"n\":42}\n");
}

TEST_CASE("query: errors give a caret, a non-zero exit and no change", "[query][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunPactgraph({"--db", db, "-q", "query", "CREATE (:A)"}).exit_code == 0);
  auto bad = RunPactgraph({"--db", db, "query", "MATCH (a:A)\nRETURN a.x +"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("at line 2, column 13") != std::string::npos);
  CHECK(bad.err.find("^") != std::string::npos);
  auto fail = RunPactgraph({"--db", db, "query", "MATCH (a:A) CREATE (:B) WITH a RETURN 1 / 0"});
  CHECK(fail.exit_code == 2);
  CHECK(fail.err.find("/ by zero") != std::string::npos);
  auto count =
      RunPactgraph({"--db", db, "query", "MATCH (n) RETURN count(n) AS n", "--format", "csv"});
  CHECK(count.out == "n\n1\n");
  auto fmt = RunPactgraph({"--db", db, "query", "RETURN 1", "--format", "xml"});
  CHECK(fmt.exit_code == 2);
  CHECK(fmt.err.find("unknown format 'xml'") != std::string::npos);
}

// Regression: `query -f DIRECTORY` used to exit 0 silently.
TEST_CASE("query: -f with a directory or a missing file is an error", "[query][cli]") {
  pactgraph::testing::TempDir dir;
  auto r = pactgraph::testing::RunPactgraph({"--db", dir / "db", "query", "-f", dir.path()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("is a directory"));
  auto m =
      pactgraph::testing::RunPactgraph({"--db", dir / "db", "query", "-f", dir / "none.cypher"});
  CHECK(m.exit_code == 2);
  CHECK_THAT(m.err, Catch::Contains("no such file"));
}

TEST_CASE("CLI: invalid UTF-8 in a query or a parameter exits 2 and stores nothing",
          "[e2e][utf8]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunPactgraph({"--db", db, "query", "CREATE (:Organization {name: 'Kept'})"}).exit_code ==
          0);
  auto in_text = RunPactgraph({"--db", db, "query",
                               "CREATE (:A {name: 'a\xFF"
                               "b'})"});
  CHECK(in_text.exit_code == 2);
  CHECK(in_text.err.find("invalid UTF-8 in the query (byte 0xFF) at line 1, column 21") !=
        std::string::npos);
  auto in_param =
      RunPactgraph({"--db", db, "query", "CREATE (:A {name: $p})", "--param", "p=z\xFE"});
  CHECK(in_param.exit_code == 2);
  CHECK(in_param.err.find("parameter $p: invalid UTF-8 (byte 0xFE at offset 1)") !=
        std::string::npos);
  // Nothing was stored, so every JSON writer still works and sees one node.
  auto exported = RunPactgraph({"--db", db, "export", "--format", "json"});
  REQUIRE(exported.exit_code == 0);
  CHECK(exported.out.find("Kept") != std::string::npos);
  auto counted =
      RunPactgraph({"--db", db, "query", "MATCH (n) RETURN count(n) AS c", "--format", "json"});
  REQUIRE(counted.exit_code == 0);
  CHECK(counted.out.find("1") != std::string::npos);
}

TEST_CASE("query: nodes without labels work end to end (query, check, path, export, import)",
          "[query][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  auto w = RunPactgraph({"--db", db, "-q", "query",
                         "CREATE ({name: 'Alpha'})-[:MOU]->(:Country {name: 'Beta'})"
                         "<-[:MOU]-({name: 'Gamma'})"});
  REQUIRE(w.exit_code == 0);
  // REMOVE of the last label leaves a node without labels.
  REQUIRE(
      RunPactgraph({"--db", db, "-q", "query", "MATCH (c:Country) REMOVE c:Country"}).exit_code ==
      0);
  auto q = RunPactgraph({"--db", db, "query",
                         "MATCH (n) RETURN labels(n) AS l, n.name AS name "
                         "ORDER BY name",
                         "--format", "jsonl"});
  CHECK(q.out ==
        "{\"l\":[],\"name\":\"Alpha\"}\n{\"l\":[],\"name\":\"Beta\"}\n{\"l\":[],\"name\":"
        "\"Gamma\"}\n");
  CHECK(RunPactgraph({"--db", db, "check"}).exit_code == 0);
  auto path = RunPactgraph({"--db", db, "path", "Alpha", "Gamma"});
  CHECK(path.exit_code == 0);
  CHECK(path.out.find("2 hops") != std::string::npos);
  auto node = RunPactgraph({"--db", db, "node", "Alpha"});
  CHECK(node.out.find("Alpha (no label, id 1)") != std::string::npos);
  REQUIRE(
      RunPactgraph({"--db", db, "export", "--format", "json", "--out", dir / "g.json"}).exit_code ==
      0);
  const std::string db2 = dir / "db2";
  REQUIRE(RunPactgraph({"--db", db2, "-q", "import", "--json", dir / "g.json"}).exit_code == 0);
  auto back = RunPactgraph({"--db", db2, "query",
                            "MATCH (n)-[r]->(m) RETURN count(*) AS c, "
                            "size(collect(labels(m)[0])) AS labelled",
                            "--format", "jsonl"});
  CHECK(back.out == "{\"c\":2,\"labelled\":0}\n");
}

TEST_CASE("query: unknown labels, types and property keys give warnings with a did-you-mean",
          "[query][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunPactgraph({"--db", db, "-q", "query",
                        "CREATE (:Nation {name: 'Kenya'})-[:FUNDS]->(:Org {name: 'JICA'})"})
              .exit_code == 0);
  auto r = RunPactgraph({"--db", db, "query",
                         "MATCH (c:Natoin)<-[:FUND]-(o) WHERE c.nmae = 'Kenya' RETURN o.name",
                         "--format", "jsonl"});
  CHECK(r.exit_code == 0);  // the query still runs
  CHECK(r.out.empty());
  CHECK(r.err ==
        "warning: no label :Natoin in this database; did you mean :Nation?\n"
        "warning: no relationship type :FUND in this database; did you mean :FUNDS?\n"
        "warning: no property key `nmae` in this database; did you mean `name`?\n");
  // Names the query itself writes, and names that exist, are not reported.
  auto w = RunPactgraph({"--db", db, "query",
                         "MATCH (n:Nation) SET n.iso = 'KE' RETURN n.iso AS iso, n.name AS name",
                         "--format", "jsonl"});
  CHECK(w.out == "{\"iso\":\"KE\",\"name\":\"Kenya\"}\n");
  CHECK(w.err.find("warning") == std::string::npos);
}

// `pactgraph dump` / `pactgraph restore` end to end: an ingested database (articles, evidence,
// aliases) survives the round trip byte for byte; bad dumps exit 2 and leave the target empty.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

using namespace pactgraph::testing;

namespace {

std::string DataDir() { return std::string(PACTGRAPH_SOURCE_DIR) + "/data"; }

nlohmann::json Stats(const std::string& db) {
  auto r = RunPactgraph({"--db", db, "stats", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("CLI: dump -> restore -> dump of an ingested database", "[e2e][dump]") {
  TempDir dir;
  const std::string db = dir / "news.db", copy = dir / "copy.db";
  auto in = RunPactgraph({"--db", db, "--quiet", "ingest", DataDir() + "/articles"});
  INFO(in.err);
  REQUIRE(in.exit_code == 0);
  auto d1 = RunPactgraph({"--db", db, "dump", "--out", dir / "a.dump"});
  INFO(d1.err);
  REQUIRE(d1.exit_code == 0);
  CHECK_THAT(d1.err, Catch::Contains("dumped"));
  auto r = RunPactgraph({"--db", copy, "restore", dir / "a.dump"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The second dump goes to standard output: the same bytes as the first.
  auto d2 = RunPactgraph({"--db", copy, "dump"});
  REQUIRE(d2.exit_code == 0);
  CHECK(d2.out == ReadFile(dir / "a.dump"));
  auto check = RunPactgraph({"--db", copy, "check"});
  INFO(check.out);
  CHECK(check.exit_code == 0);
  auto a = Stats(db), b = Stats(copy);
  CHECK(a["articles"].get<int>() > 0);
  CHECK(a["evidence"].get<int>() > 0);
  for (const char* k : {"nodes", "relationships", "articles", "evidence", "labels", "types"}) {
    CHECK(a[k] == b[k]);
  }
  // Evidence sentences and aliases work on the copy as on the original.
  auto e1 = RunPactgraph({"--db", db, "evidence", "Rwandan", "Japan", "--format", "json"});
  auto e2 = RunPactgraph({"--db", copy, "evidence", "Rwandan", "Japan", "--format", "json"});
  CHECK(e1.exit_code == 0);
  CHECK(e2.out == e1.out);
  // Restoring from standard input works too, and a second restore into the copy is refused.
  auto again = RunPactgraph({"--db", copy, "restore", "-"}, ReadFile(dir / "a.dump"));
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("restore needs an empty database"));
  auto piped = RunPactgraph({"--db", dir / "piped.db", "restore", "-"}, ReadFile(dir / "a.dump"));
  CHECK(piped.exit_code == 0);
}

TEST_CASE("CLI: restore refuses a truncated dump with exit 2", "[e2e][dump]") {
  TempDir dir;
  WriteFile(dir / "n.csv", "id,name,kind\n1,Kenya,nation\n2,Rwanda,nation\n");
  WriteFile(dir / "e.csv", "src,dst,type\n1,2,cooperation\n");
  REQUIRE(RunPactgraph({"--db", dir / "db", "--quiet", "import", "--nodes", dir / "n.csv",
                        "--edges", dir / "e.csv"})
              .exit_code == 0);
  REQUIRE(RunPactgraph({"--db", dir / "db", "dump", "--out", dir / "x.dump"}).exit_code == 0);
  std::string text = ReadFile(dir / "x.dump");
  text.resize(text.rfind("{\"end\""));  // drop the end record
  WriteFile(dir / "cut.dump", text);
  auto r = RunPactgraph({"--db", dir / "copy", "restore", dir / "cut.dump"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("cut.dump:5 (byte ") && Catch::Contains("truncated dump") &&
                        Catch::Contains("nothing was restored"));
  CHECK(Stats(dir / "copy")["nodes"] == 0);
  auto missing = RunPactgraph({"--db", dir / "copy", "restore", dir / "nope.dump"});
  CHECK(missing.exit_code == 2);
}

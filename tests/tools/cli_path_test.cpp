// End-to-end tests of `pactgraph path` and `pactgraph algo` on a small stored graph.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "pactgraph/database.h"
#include "tests/test_util.h"

namespace pactgraph {
namespace {

using pactgraph::testing::RunPactgraph;
using pactgraph::testing::TempDir;

// Kenya -MOU-> ICT Authority -COOPERATION-> Japan; Kenya -TRADE-> Japan (2010);
// two nodes named "Georgia"; Iceland alone.
std::string MakeDb(const TempDir& dir) {
  std::string path = dir / "db";
  auto db = Database::Open(path, Options());
  REQUIRE(db.ok());
  auto w = (*db)->BeginWrite();
  REQUIRE(w.ok());
  auto node = [&](const char* label, const char* name) {
    auto id = (*w)->CreateNode({label}, {{"name", Value(name)}});
    REQUIRE(id.ok());
    return *id;
  };
  NodeId kenya = node("Country", "Kenya"), ict = node("Organization", "ICT Authority"),
         japan = node("Country", "Japan");
  node("Country", "Georgia");
  node("Place", "Georgia");
  node("Country", "Iceland");
  auto rel = [&](NodeId a, NodeId b, const char* type, ValueMap props) {
    auto id = (*w)->CreateRelationship(a, b, type, props);
    REQUIRE(id.ok());
    return *id;
  };
  RelId mou = rel(kenya, ict, "MOU", {{"weight", Value(1.0)}, {"date", Value("2021-03-04")}});
  rel(ict, japan, "COOPERATION", {{"weight", Value(1.0)}, {"date", Value("2022-05-01")}});
  rel(kenya, japan, "TRADE", {{"weight", Value(5.0)}, {"date", Value("2010-01-01")}});
  Article a;
  a.title = "Kenya signs ICT pact";
  a.source = "example.org";
  a.date = "2021-03-04";
  a.text = "Kenya signed an MOU with the ICT Authority.";
  a.content_hash = std::string(64, 'a');
  auto aid = (*w)->AddArticle(a);
  REQUIRE(aid.ok());
  Evidence e;
  e.relationship = mou;
  e.article = *aid;
  e.sentence = "Kenya signed an MOU with the ICT Authority.";
  e.end = static_cast<uint32_t>(e.sentence.size());
  e.modality = "actual";
  e.date = "2021-03-04";
  REQUIRE((*w)->AddEvidence(e).ok());
  REQUIRE((*w)->Commit().ok());
  return path;
}

TEST_CASE("CLI: pactgraph path finds, filters and explains paths", "[graph][cli]") {
  TempDir dir;
  std::string db = MakeDb(dir);
  auto r = RunPactgraph({"--db", db, "path", "Kenya", "Japan"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("1 hop") != std::string::npos);
  CHECK(r.out.find("TRADE") != std::string::npos);

  r = RunPactgraph(
      {"--db", db, "path", "kenya", "japan", "--types", "mou,cooperation", "--explain"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("2 hops") != std::string::npos);
  CHECK(r.out.find("Kenya signed an MOU") != std::string::npos);
  CHECK(r.out.find("Kenya signs ICT pact") != std::string::npos);

  r = RunPactgraph(
      {"--db", db, "path", "Kenya", "Japan", "--since", "2020-01-01", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["paths"].size() == 1);
  CHECK(j["paths"][0]["length"] == 2);
  CHECK(j["paths"][0]["nodes"][1]["name"] == "ICT Authority");
  CHECK(j["paths"][0]["relationships"][0]["type"] == "MOU");
  CHECK(j["paths"][0]["relationships"][0]["evidence"].size() == 1);

  r = RunPactgraph({"--db", db, "path", "Kenya", "Japan", "--weighted", "weight", "--k", "3",
                    "--format", "json"});
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  REQUIRE(j["paths"].size() == 2);
  CHECK(j["paths"][0]["cost"] == 2.0);
  CHECK(j["paths"][1]["cost"] == 5.0);

  r = RunPactgraph({"--db", db, "path", "Japan", "Kenya", "--directed", "--format", "dot"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no path") != std::string::npos);
  r = RunPactgraph({"--db", db, "path", "Kenya", "Japan", "--format", "dot"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("digraph") != std::string::npos);
  CHECK(r.out.find("-> n") != std::string::npos);

  r = RunPactgraph({"--db", db, "path", "Kenya", "Iceland"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no path") != std::string::npos);
}

TEST_CASE("CLI: pactgraph path reports bad input", "[graph][cli]") {
  TempDir dir;
  std::string db = MakeDb(dir);
  auto r = RunPactgraph({"--db", db, "path", "Kenya", "Georgia"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ambiguous") != std::string::npos);
  CHECK(r.err.find("Place") != std::string::npos);
  r = RunPactgraph({"--db", db, "path", "Kenya", "Atlantis"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no node named 'Atlantis'") != std::string::npos);
  r = RunPactgraph({"--db", db, "path", "Kenya", "Japan", "--types", "NOPE"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("NOPE") != std::string::npos);
  r = RunPactgraph({"--db", db, "path", "Kenya", "Japan", "--since", "2020-13-45"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--since") != std::string::npos);
  r = RunPactgraph({"--db", db, "path", "Kenya", "Japan", "--format", "xml"});
  CHECK(r.exit_code == 2);
}

TEST_CASE("CLI: pactgraph evidence lists the sentences behind two actors' relationships",
          "[graph][cli]") {
  TempDir dir;
  std::string db = MakeDb(dir);
  // Named from either end: the direction printed is the stored one.
  for (const auto& [a, b] : {std::pair{"Kenya", "ICT Authority"}, {"ict authority", "kenya"}}) {
    auto r = RunPactgraph({"--db", db, "evidence", a, b});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Kenya -[MOU]-> ICT Authority") != std::string::npos);
    CHECK(r.out.find("[2021-03-04, actual] Kenya signed an MOU with the ICT Authority.") !=
          std::string::npos);
    CHECK(r.out.find("Kenya signs ICT pact (example.org, 2021-03-04) (bytes 0-43)") !=
          std::string::npos);
  }
  auto r = RunPactgraph({"--db", db, "evidence", "Kenya", "Japan", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);  // TRADE, without evidence
  CHECK(j[0]["type"] == "TRADE");
  CHECK(j[0]["evidence"].is_null());
  // Not adjacent: exit 1; unknown: exit 1; ambiguous: exit 2 with the candidates; ids work.
  r = RunPactgraph({"--db", db, "evidence", "Kenya", "Iceland"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("no relationships between Kenya and Iceland") != std::string::npos);
  r = RunPactgraph({"--db", db, "evidence", "Kenya", "Atlantis"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no node named 'Atlantis'") != std::string::npos);
  r = RunPactgraph({"--db", db, "evidence", "Kenya", "Georgia"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ambiguous") != std::string::npos);
  r = RunPactgraph({"--db", db, "evidence", "1", "2"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Kenya -[MOU]-> ICT Authority") != std::string::npos);
}

TEST_CASE("CLI: pactgraph path --svg renders with graphviz", "[graph][cli]") {
  TempDir dir;
  std::string db = MakeDb(dir);
  auto r = RunPactgraph({"--db", db, "path", "Kenya", "Japan", "--svg", dir / "p.svg"});
  REQUIRE(r.exit_code == 0);
  std::string svg = pactgraph::testing::ReadFile(dir / "p.svg");
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Kenya") != std::string::npos);
}

TEST_CASE("CLI: pactgraph path draws endpoints, lanes and hops from the first actor",
          "[graph][cli]") {
  TempDir dir;
  std::string db = MakeDb(dir);
  // Japan -> Kenya runs against the stored TRADE (Kenya -> Japan): drawn from Japan, the
  // arrow pointing back; labels are names only; the endpoints are outlined.
  auto r = RunPactgraph({"--db", db, "path", "Japan", "Kenya", "--format", "dot"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("n3 -> n1 [label=\"TRADE\\n2010-01-01\", dir=back]") != std::string::npos);
  CHECK(r.out.find("n3 [label=\"Japan\"") != std::string::npos);
  for (size_t at = 0; (at = r.out.find("Country", at)) != std::string::npos; ++at) {
    CHECK(r.out.compare(at - 9, 9, "tooltip=\"") == 0);  // the kind is in tooltips only
  }
  CHECK(r.out.find("{ rank=min; n3; }") != std::string::npos);
  CHECK(r.out.find("{ rank=max; n1; }") != std::string::npos);
  CHECK(r.out.find("n1 [label=\"Kenya\", fillcolor=\"#cfe2ff\", tooltip=\"Country 1\", "
                   "penwidth=3") != std::string::npos);
  // Two paths: each in its own lane, the inner node drawn per lane, the endpoints once.
  r = RunPactgraph({"--db", db, "path", "Kenya", "Japan", "--k", "2", "--format", "dot"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("subgraph cluster_p1") != std::string::npos);
  CHECK(r.out.find("subgraph cluster_p2") != std::string::npos);
  CHECK(r.out.find("n2_p2 [label=\"ICT Authority\"") != std::string::npos);
  CHECK(r.out.find("n1 -> n2_p2 [label=\"MOU\\n2021-03-04\\n1 sentence\"]") != std::string::npos);
  CHECK(r.out.find("n2_p2 -> n3") != std::string::npos);
  CHECK(r.out.find("n1 -> n3 [label=\"TRADE") != std::string::npos);
  size_t kenya_nodes = 0;
  for (size_t at = 0; (at = r.out.find("[label=\"Kenya\"", at)) != std::string::npos; ++at) {
    ++kenya_nodes;
  }
  CHECK(kenya_nodes == 1);
}

TEST_CASE("CLI: pactgraph algo runs the algorithms", "[graph][cli]") {
  TempDir dir;
  std::string db = MakeDb(dir);
  auto r = RunPactgraph({"--db", db, "algo", "wcc", "--format", "json", "--limit", "0"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["groups"] == 4);  // {Kenya, ICT, Japan}, Georgia, Georgia, Iceland
  CHECK(j["rows"].size() == 6);
  CHECK(j["rows"][0]["group_size"] == 3);

  r = RunPactgraph({"--db", db, "algo", "degree", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["rows"][0]["value"] == 2.0);

  r = RunPactgraph({"--db", db, "algo", "pagerank", "--format", "csv", "--limit", "1"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("id,name,labels,value\n", 0) == 0);

  for (const char* name : {"scc", "betweenness", "community", "kcore"}) {
    r = RunPactgraph({"--db", db, "algo", name});
    CHECK(r.exit_code == 0);
  }
  r = RunPactgraph({"--db", db, "algo", "magic"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown algorithm") != std::string::npos);
  r = RunPactgraph({"--db", db, "algo", "pagerank", "--damping", "1.5"});
  CHECK(r.exit_code == 2);
}

}  // namespace
}  // namespace pactgraph

namespace pactgraph {
namespace {

using pactgraph::testing::ReadFile;
using pactgraph::testing::RunPactgraph;
using pactgraph::testing::RunResult;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

TEST_CASE("CLI: path and algo keep a snapshot file that check verifies", "[graph][cli]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  const std::string file = db + "/snapshots/topology.pgsnap";
  RunResult first = RunPactgraph({"--db", db, "path", "Kenya", "Japan"});
  REQUIRE(first.exit_code == 0);
  REQUIRE(std::filesystem::exists(file));
  // A second process answers the same from the file.
  RunResult second = RunPactgraph({"--db", db, "path", "Kenya", "Japan"});
  CHECK(second.out == first.out);
  RunResult ok = RunPactgraph({"--db", db, "check"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("note:") == std::string::npos);

  // A write makes it stale: noted, not a problem; the next search rebuilds it.
  REQUIRE(RunPactgraph({"--db", db, "query", "CREATE (:Country {name: 'Peru'})"}).exit_code == 0);
  RunResult stale = RunPactgraph({"--db", db, "check"});
  CHECK(stale.exit_code == 0);
  CHECK(stale.out.find("note: snapshots/topology.pgsnap: of an older state") != std::string::npos);
  REQUIRE(RunPactgraph({"--db", db, "algo", "wcc"}).exit_code == 0);
  CHECK(RunPactgraph({"--db", db, "check"}).out.find("note:") == std::string::npos);

  // A damaged file is a problem for check; searches rebuild over it and still answer.
  std::string bytes = ReadFile(file);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x11);
  WriteFile(file, bytes);
  RunResult damaged = RunPactgraph({"--db", db, "check"});
  CHECK(damaged.exit_code == 3);
  CHECK(damaged.out.find("damaged") != std::string::npos);
  RunResult again = RunPactgraph({"--db", db, "path", "Kenya", "Japan"});
  CHECK(again.out == first.out);
  CHECK(RunPactgraph({"--db", db, "check"}).exit_code == 0);
}

}  // namespace
}  // namespace pactgraph

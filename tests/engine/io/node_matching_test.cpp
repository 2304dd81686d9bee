// Ids kept from files, external_id for the rest, and re-import matching (node_matching.h).
#include "engine/io/node_matching.h"

#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "engine/io/graph_export.h"
#include "pactgraph/paths.h"
#include "tests/engine/io/io_test_util.h"
#include "tests/test_util.h"

using namespace pactgraph;
using namespace pactgraph::io;
using pactgraph::testing::ExportJson;
using pactgraph::testing::NewDb;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

namespace {

GraphStats Stats(Database& db) {
  GraphStats st;
  REQUIRE(db.NewReader()->GetStats(&st).ok());
  return st;
}

std::string NameAt(Database& db, NodeId id) {
  Node n;
  REQUIRE(db.NewReader()->GetNode(id, &n).ok());
  return n.properties.at("name").as_string();
}

Status Csv(Database& db, const TempDir& dir, const std::string& nodes, const std::string& edges,
           ImportOptions options = {}, ImportSummary* summary = nullptr) {
  WriteFile(dir / "n.csv", nodes);
  WriteFile(dir / "e.csv", edges);
  return ImportCsv(db, dir / "n.csv", edges.empty() ? "" : dir / "e.csv", options, {}, summary);
}

}  // namespace

TEST_CASE("Ids: only canonical whole numbers from 1 can be kept", "[io][ids]") {
  CHECK(KeepableId("1") == NodeId{1});
  CHECK(KeepableId("3007") == NodeId{3007});
  for (const char* no : {"0", "007", "-4", "+4", "4.0", "4e2", " 4", "", "n17", "１２"}) {
    INFO(no);
    CHECK_FALSE(KeepableId(no));
  }
  CHECK_FALSE(KeepableId("99999999999999999999"));
}

TEST_CASE("Ids: whole-number file ids become node ids, in any order, gaps kept", "[io][ids]") {
  TempDir dir;
  for (const std::string order : {"ascending", "shuffled"}) {
    INFO(order);
    auto db = NewDb(dir / ("db-" + order));
    const std::string nodes = order == "ascending"
                                  ? "id,name,kind\n5,Alpha,nation\n40,Beta,nation\n41,Gamma,firm\n"
                                  : "id,name,kind\n41,Gamma,firm\n5,Alpha,nation\n40,Beta,nation\n";
    ImportSummary sum;
    REQUIRE(Csv(*db, dir, nodes, "src,dst,type\n5,41,mou\n41,40,fund\n", {}, &sum).ok());
    CHECK(sum.nodes == 3);
    CHECK(sum.external_ids == 0);
    CHECK(NameAt(*db, 5) == "Alpha");
    CHECK(NameAt(*db, 40) == "Beta");
    CHECK(NameAt(*db, 41) == "Gamma");
    auto r = db->NewReader();
    CHECK(r->NodeIdBound() == 42);
    CHECK(*ResolveNode(*r, "41") == 41);
    std::vector<NodeId> out;
    REQUIRE(r->Neighbors(5, Direction::kOut, {}, [&](const NeighborEntry& e) {
               out.push_back(e.other);
               return true;
             }).ok());
    CHECK(out == std::vector<NodeId>{41});
  }
}

TEST_CASE("Ids: other file ids get new ids after the kept ones and stay as external_id",
          "[io][ids]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  // A GraphFrames-style 0-based file, a word id and a number with a leading zero.
  ImportSummary sum;
  REQUIRE(Csv(*db, dir,
              "id,name,kind\n0,Zero,nation\n1,One,nation\nke,Kenya,nation\n007,Bond,person\n"
              "9,Nine,nation\n",
              "src,dst,type\n0,ke,mou\n007,9,visit\n", {}, &sum)
              .ok());
  CHECK(sum.nodes == 5);
  CHECK(sum.external_ids == 3);
  CHECK(NameAt(*db, 1) == "One");
  CHECK(NameAt(*db, 9) == "Nine");
  // New ids follow the largest kept id, in file order.
  CHECK(NameAt(*db, 10) == "Zero");
  CHECK(NameAt(*db, 11) == "Kenya");
  CHECK(NameAt(*db, 12) == "Bond");
  auto r = db->NewReader();
  CHECK(*ResolveNode(*r, "0") == 10);
  CHECK(*ResolveNode(*r, "007") == 12);
  CHECK(*FindNodeByExternalId(*r, "ke") == 11);
  CHECK(*FindNodeByExternalId(*r, "nope") == 0);
  // Export writes the file's ids back, never the new ones.
  const std::string json = ExportJson(*db);
  CHECK(json.find("\"id\": \"ke\"") != std::string::npos);
  CHECK(json.find("\"id\": \"0\"") != std::string::npos);
  CHECK(json.find("\"id\": 10") == std::string::npos);
  CHECK(json.find("external_id") == std::string::npos);
}

TEST_CASE("Re-import: the same files twice change nothing (CSV and JSON)", "[io][reimport]") {
  TempDir dir;
  const std::string nodes =
      "id,name,kind,score\n3,Kenya,nation,7\nrw,Rwanda,nation,2\n8,Acme Labs,organization,\n";
  // Two identical parallel rows: each stored relationship matches one row.
  const std::string edges =
      "src,dst,type,weight\n3,rw,mou,0.5\n8,3,fund,1\n8,3,fund,1\n8,3,fund,2\n";
  auto db = NewDb(dir / "db");
  REQUIRE(Csv(*db, dir, nodes, edges).ok());
  const std::string before = ExportJson(*db);
  const GraphStats st1 = Stats(*db);
  ImportSummary sum;
  REQUIRE(Csv(*db, dir, nodes, edges, {}, &sum).ok());
  CHECK(sum.nodes == 0);
  CHECK(sum.relationships == 0);
  CHECK(sum.nodes_matched == 3);
  CHECK(sum.relationships_matched == 4);
  CHECK(sum.nodes_differing == 0);
  CHECK(Stats(*db).nodes == st1.nodes);
  CHECK(Stats(*db).relationships == st1.relationships);
  CHECK(ExportJson(*db) == before);

  // The JSON export of it, imported into a fresh database twice.
  WriteFile(dir / "g.json", before);
  auto j = NewDb(dir / "j");
  REQUIRE(ImportJson(*j, dir / "g.json", {}, {}, nullptr).ok());
  REQUIRE(ImportJson(*j, dir / "g.json", {}, {}, &sum).ok());
  CHECK(sum.nodes == 0);
  CHECK(sum.relationships == 0);
  CHECK(ExportJson(*j) == before);

  // A file with one more row and one more relationship adds exactly those.
  REQUIRE(Csv(*db, dir, nodes + "tz,Tanzania,nation,\n", edges + "tz,3,visit,\n", {}, &sum).ok());
  CHECK(sum.nodes == 1);
  CHECK(sum.relationships == 1);
  CHECK(sum.relationships_matched == 4);
  CHECK(Stats(*db).nodes == st1.nodes + 1);
}

TEST_CASE("Re-import: a changed row is matched, counted as differing and kept as stored",
          "[io][reimport]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  REQUIRE(Csv(*db, dir, "id,name,kind,score\n1,Kenya,nation,7\n2,Peru,nation,1\n", "").ok());
  ImportSummary sum;
  REQUIRE(
      Csv(*db, dir, "id,name,kind,score\n1,Kenya,nation,8\n2,Peru,nation,1\n", "", {}, &sum).ok());
  CHECK(sum.nodes == 0);
  CHECK(sum.nodes_matched == 2);
  CHECK(sum.nodes_differing == 1);
  CHECK(sum.differing_examples == std::vector<NodeId>{1});
  Node n;
  REQUIRE(db->NewReader()->GetNode(1, &n).ok());
  CHECK(n.properties.at("score") == Value(int64_t{7}));
}

TEST_CASE("Re-import: rows never match nodes that no import made", "[io][reimport]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  {  // Nodes 1 and 2 made by a query, as ingest or Cypher would.
    auto w = *db->BeginWrite();
    REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Chile")}}).ok());
    REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Ghana")}}).ok());
    REQUIRE(w->Commit().ok());
  }
  ImportSummary sum;
  REQUIRE(Csv(*db, dir, "id,name,kind\n1,Fiji,nation\n5,Oman,nation\n", "src,dst,type\n1,5,mou\n",
              {}, &sum)
              .ok());
  CHECK(sum.nodes_matched == 0);
  CHECK(sum.nodes == 2);
  CHECK(NameAt(*db, 1) == "Chile");  // untouched
  CHECK(NameAt(*db, 5) == "Oman");   // free: kept
  CHECK(NameAt(*db, 6) == "Fiji");   // 1 was taken: a new id, its file id kept as external_id
  CHECK(*FindNodeByExternalId(*db->NewReader(), "1") == 6);
  // Export: node 1 keeps "1"; Fiji's external "1" gives way to its own id.
  REQUIRE(ExportCsv(*db->NewReader(), dir / "out").ok());
  const std::string csv = testing::ReadFile(dir / "out/nodes.csv");
  CHECK(csv.find("\n1,Chile,") != std::string::npos);
  CHECK(csv.find("\n6,Fiji,") != std::string::npos);
  // And a second import of the same file still matches Fiji and Oman.
  REQUIRE(Csv(*db, dir, "id,name,kind\n1,Fiji,nation\n5,Oman,nation\n", "src,dst,type\n1,5,mou\n",
              {}, &sum)
              .ok());
  CHECK(sum.nodes == 0);
  CHECK(sum.nodes_matched == 2);
  CHECK(sum.relationships == 0);
}

TEST_CASE("Re-import: --mode append adds every row again", "[io][reimport]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  const std::string nodes = "id,name,kind\n1,Kenya,nation\n2,Peru,nation\n";
  const std::string edges = "src,dst,type\n1,2,mou\n";
  REQUIRE(Csv(*db, dir, nodes, edges).ok());
  ImportOptions append;
  append.mode = ImportMode::kAppend;
  ImportSummary sum;
  REQUIRE(Csv(*db, dir, nodes, edges, append, &sum).ok());
  CHECK(sum.nodes == 2);
  CHECK(sum.relationships == 1);
  CHECK(sum.nodes_matched == 0);
  CHECK(Stats(*db).nodes == 4);
  CHECK(Stats(*db).relationships == 2);
  // Appended rows carry no external_id, so the next merge still matches only the first two.
  REQUIRE(Csv(*db, dir, nodes, edges, {}, &sum).ok());
  CHECK(sum.nodes == 0);
  CHECK(sum.nodes_matched == 2);
  CHECK(Stats(*db).nodes == 4);
}

TEST_CASE("Re-import: --match-on name matches name and labels", "[io][reimport]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  REQUIRE(Csv(*db, dir,
              "id,name,labels\n1,Kenya,Nation\n2,Mercury,Planet;Body\n"
              "3,Mercury,Element\n",
              "")
              .ok());
  ImportOptions by_name;
  by_name.match_on = ImportMatch::kName;
  ImportSummary sum;
  // Other ids, the same actors: matched by name; a label narrows "Mercury" to one node.
  REQUIRE(Csv(*db, dir, "id,name,labels\nk,Kenya,Nation\nm,Mercury,Planet\nq,Quito,City\n",
              "src,dst,type\nk,q,visit\n", by_name, &sum)
              .ok());
  CHECK(sum.nodes_matched == 2);
  CHECK(sum.nodes == 1);
  CHECK(sum.relationships == 1);
  std::vector<NodeId> out;
  REQUIRE(db->NewReader()
              ->Neighbors(1, Direction::kOut, {},
                          [&](const NeighborEntry& e) {
                            out.push_back(e.other);
                            return true;
                          })
              .ok());
  REQUIRE(out.size() == 1);
  CHECK(NameAt(*db, out[0]) == "Quito");
  // Without a label, "Mercury" is two nodes: an error naming both, and nothing stored.
  const GraphStats before = Stats(*db);
  Status s = Csv(*db, dir, "id,name\nx,Mercury\ny,Lima\n", "", by_name);
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message().find("ids 2 and 3") != std::string::npos);
  CHECK(Stats(*db).nodes == before.nodes);
  // A different label is not the same node.
  REQUIRE(Csv(*db, dir, "id,name,kind\nz,Kenya,person\n", "", by_name, &sum).ok());
  CHECK(sum.nodes == 1);
  CHECK(sum.nodes_matched == 0);
}

TEST_CASE("Re-import: bad ids are refused and leave a non-empty database as it was",
          "[io][reimport]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  REQUIRE(Csv(*db, dir, "id,name,kind\n1,Kenya,nation\n", "").ok());
  const std::string before = ExportJson(*db);
  struct Case {
    std::string nodes, edges, expect;
  };
  for (const Case& c : std::vector<Case>{
           {"id,name\n1,Kenya\n7,Peru\n1,Chile\n", "", "n.csv:4:1: duplicate node id '1'"},
           {"id,name\nz,Peru\n", "src,dst,type\nz,q,mou\n", "e.csv:2:3: unknown node id 'q'"},
           {"id,name\n1,Kenya\n", "src,dst,type\n2,1,mou\n", "e.csv:2:1: unknown node id '2'"},
       }) {
    INFO(c.nodes << c.edges);
    Status s = Csv(*db, dir, c.nodes, c.edges);
    CHECK(s.code() == Status::Code::kInvalidArgument);
    CHECK(s.message().find(c.expect) != std::string::npos);
    CHECK(ExportJson(*db) == before);
  }
}

// Random files mixing kept, taken, zero and word ids in random order: importing twice adds
// nothing the second time, and export -> import -> export is the identity.
TEST_CASE("Re-import: random files are idempotent and round-trip", "[io][reimport]") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 25; ++trial) {
    TempDir dir;
    const int n = 2 + static_cast<int>(rng() % 30);
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      switch (rng() % 4) {
        case 0:
          ids.push_back("w" + std::to_string(i));
          break;
        case 1:
          ids.push_back(std::to_string(i));
          break;  // 0 among them
        default:
          ids.push_back(std::to_string(1 + i * 3 + static_cast<int>(rng() % 3)));
          break;
      }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::shuffle(ids.begin(), ids.end(), rng);
    std::string nodes = "id,name,kind\n", edges = "src,dst,type,weight\n";
    for (size_t i = 0; i < ids.size(); ++i) {
      nodes += ids[i] + ",N" + std::to_string(i) + (rng() % 2 ? ",nation\n" : ",firm\n");
    }
    for (int e = 0; e < 3 * n; ++e) {
      edges += ids[rng() % ids.size()] + "," + ids[rng() % ids.size()] + "," +
               (rng() % 2 ? "mou" : "fund") + "," + std::to_string(rng() % 3) + "\n";
    }
    INFO("trial " << trial << "\n" << nodes << edges);
    auto db = NewDb(dir / "db");
    if (trial % 3 == 0) {  // sometimes beside nodes no import made
      auto w = *db->BeginWrite();
      for (int i = 0; i < 5; ++i) REQUIRE(w->CreateNode({"Place"}, {}).ok());
      REQUIRE(w->Commit().ok());
    }
    REQUIRE(Csv(*db, dir, nodes, edges).ok());
    const std::string first = ExportJson(*db);
    ImportSummary sum;
    REQUIRE(Csv(*db, dir, nodes, edges, {}, &sum).ok());
    CHECK(sum.nodes == 0);
    CHECK(sum.relationships == 0);
    CHECK(sum.nodes_matched == ids.size());
    CHECK(ExportJson(*db) == first);

    WriteFile(dir / "g.json", first);
    auto copy = NewDb(dir / "copy");
    REQUIRE(ImportJson(*copy, dir / "g.json", {}, {}, nullptr).ok());
    CHECK(ExportJson(*copy) == first);
    REQUIRE(ExportCsv(*db->NewReader(), dir / "csv1").ok());
    auto c2 = NewDb(dir / "c2");
    REQUIRE(ImportCsv(*c2, dir / "csv1/nodes.csv", dir / "csv1/edges.csv", {}, {}, nullptr).ok());
    REQUIRE(ExportCsv(*c2->NewReader(), dir / "csv2").ok());
    CHECK(testing::ReadFile(dir / "csv1/nodes.csv") == testing::ReadFile(dir / "csv2/nodes.csv"));
    CHECK(testing::ReadFile(dir / "csv1/edges.csv") == testing::ReadFile(dir / "csv2/edges.csv"));
  }
}

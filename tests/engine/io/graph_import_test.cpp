#include "engine/io/graph_import.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "engine/io/graph_export.h"
#include "tests/engine/io/io_test_util.h"
#include "tests/test_util.h"

using namespace pactgraph;
using namespace pactgraph::io;
using pactgraph::testing::ExportJson;
using pactgraph::testing::NewDb;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

namespace {

const char* kNodes =
    "id,name,kind,aliases,founded,score,active\n"
    "ke,Kenya,nation,Kenyan;KE,1963-12-12,7,true\n"
    "rw,Rwanda,nation,,,2.5,false\n"
    "hw,\"Huawei, Ltd\",organization,Huawei Technologies,,,\n";
const char* kEdges =
    "src,dst,type,date,weight,note\n"
    "ke,rw,cooperation,2024-05-01,0.5,\"joint \"\"AI\"\" work\"\n"
    "hw,ke,member of,,1,\n";

}  // namespace

TEST_CASE("Import: CSV columns become typed properties, kinds labels, types upper case",
          "[io][import]") {
  TempDir dir;
  WriteFile(dir / "n.csv", kNodes);
  WriteFile(dir / "e.csv", kEdges);
  auto db = NewDb(dir / "db");
  ImportSummary sum;
  REQUIRE(ImportCsv(*db, dir / "n.csv", dir / "e.csv", {}, &sum).ok());
  CHECK(sum.nodes == 3);
  CHECK(sum.relationships == 2);
  auto r = db->NewReader();
  std::vector<NodeId> ids;
  REQUIRE(r->FindNodesByName("kenyan", &ids).ok());
  REQUIRE(ids.size() == 1);
  Node n;
  REQUIRE(r->GetNode(ids[0], &n).ok());
  CHECK(n.labels == std::vector<std::string>{"Nation"});
  CHECK(n.properties.at("founded") == Value(*Date::Parse("1963-12-12")));
  CHECK(n.properties.at("score") == Value(int64_t{7}));
  CHECK(n.properties.at("active") == Value(true));
  CHECK(n.properties.at("aliases") == Value(ValueList{Value("Kenyan"), Value("KE")}));
  GraphStats st;
  REQUIRE(r->GetStats(&st).ok());
  CHECK(st.types == std::map<std::string, uint64_t>{{"COOPERATION", 1}, {"MEMBER_OF", 1}});
  std::vector<RelId> rels;
  REQUIRE(r->Neighbors(ids[0], Direction::kOut, {}, [&](const NeighborEntry& e) {
             rels.push_back(e.rel);
             return true;
           }).ok());
  REQUIRE(rels.size() == 1);
  Relationship rel;
  REQUIRE(r->GetRelationship(rels[0], &rel).ok());
  CHECK(rel.properties.at("weight") == Value(0.5));
  CHECK(rel.properties.at("note") == Value("joint \"AI\" work"));
}

TEST_CASE("Import: export -> import -> export is the identity (JSON and CSV)", "[io][export]") {
  TempDir dir;
  WriteFile(dir / "n.csv", kNodes);
  WriteFile(dir / "e.csv", kEdges);
  auto a = NewDb(dir / "a");
  REQUIRE(ImportCsv(*a, dir / "n.csv", dir / "e.csv", {}, nullptr).ok());
  // Deleting a node leaves a hole in the ids; exports renumber, so round-trips still agree.
  {
    auto w = *a->BeginWrite();
    NodeId extra = *w->CreateNode({"Place"}, {{"name", Value("Lamu")}});
    REQUIRE(w->DeleteNode(extra, false).ok());
    REQUIRE(w->CreateNode({"Place"}, {{"name", Value("Kigali")}, {"pop", Value(1.5)}}).ok());
    REQUIRE(w->Commit().ok());
  }
  const std::string json1 = ExportJson(*a);
  WriteFile(dir / "g.json", json1);
  auto b = NewDb(dir / "b");
  REQUIRE(ImportJson(*b, dir / "g.json", {}, nullptr).ok());
  CHECK(ExportJson(*b) == json1);

  REQUIRE(ExportCsv(*a->NewReader(), dir / "csv1").ok());
  auto c = NewDb(dir / "c");
  REQUIRE(ImportCsv(*c, dir / "csv1/nodes.csv", dir / "csv1/edges.csv", {}, nullptr).ok());
  REQUIRE(ExportCsv(*c->NewReader(), dir / "csv2").ok());
  CHECK(testing::ReadFile(dir / "csv1/nodes.csv") == testing::ReadFile(dir / "csv2/nodes.csv"));
  CHECK(testing::ReadFile(dir / "csv1/edges.csv") == testing::ReadFile(dir / "csv2/edges.csv"));
  CHECK(ExportJson(*c) == json1);
}

TEST_CASE("Import: every bad input is refused with its place, and nothing is written",
          "[io][import]") {
  struct Case {
    std::string nodes, edges, expect;
  };
  const std::vector<Case> cases = {
      {"name,kind\nA,nation\n", "", "n.csv:1: missing required column 'id'"},
      {"id,name,kind\n1,A,nation\n1,B,nation\n", "",
       "n.csv:3:1: duplicate node id '1' (first defined on line 2)"},
      {"id,name,kind\n1,A,nation\n", "src,dst,type\n1,2,mou\n", "e.csv:2:3: unknown node id '2'"},
      {"id,name,kind\n1,A,nation\n", "src,dst,type,weight\n1,1,mou,heavy\n",
       "e.csv:2:9: bad number 'heavy'"},
      {"id,name,kind\n1,A,nation\n", "src,dst,type,date\n1,1,mou,2024-13-01\n",
       "e.csv:2:9: bad date '2024-13-01'"},
      {"id,name,kind\n1,A,nation,extra\n", "", "n.csv:2: expected 3 fields, found 4"},
      {"id,name,kind\n1,\"A,nation\n", "", "n.csv:2:3: unbalanced quote"},
      {"", "", "n.csv:1:1: empty file"},
      {"id,name,kind\n1,\xC3(,nation\n", "", "n.csv:2:3: invalid UTF-8"},
      {std::string("\x7f"
                   "ELF\x02\x01\x00\x00",
                   8),
       "", "NUL byte"},
      {"id,name,kind\n1,A,nation\n", "src,dst,type\n1,1,\n", "e.csv:2:5: empty relationship type"},
      {"id,id,kind\n", "", "n.csv:1:4: duplicate column 'id'"},
  };
  for (const auto& c : cases) {
    TempDir dir;
    WriteFile(dir / "n.csv", c.nodes);
    if (!c.edges.empty()) WriteFile(dir / "e.csv", c.edges);
    auto db = NewDb(dir / "db");
    Status s = ImportCsv(*db, dir / "n.csv", c.edges.empty() ? "" : dir / "e.csv", {}, nullptr);
    INFO(c.expect);
    CHECK(s.code() == Status::Code::kInvalidArgument);
    CHECK_THAT(s.message(), Catch::Contains(c.expect));
    GraphStats st;
    REQUIRE(db->NewReader()->GetStats(&st).ok());
    CHECK(st.nodes == 0);
    CHECK(st.relationships == 0);
  }
}

TEST_CASE("Import: JSON errors name the line and the element", "[io][import]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  auto check = [&](const std::string& json, const std::string& expect) {
    WriteFile(dir / "g.json", json);
    Status s = ImportJson(*db, dir / "g.json", {}, nullptr);
    INFO(json);
    CHECK(s.code() == Status::Code::kInvalidArgument);
    CHECK_THAT(s.message(), Catch::Contains(expect));
  };
  check(
      "{\"nodes\": [\n  {\"id\": 1, \"name\": \"A\", \"kind\": \"nation\"},\n  {\"id\": 2, "
      "\"name\": \"B\", \"labels\": \"Nation\"}\n]}",
      "g.json:3: nodes[1]: \"labels\" must be an array");
  check(
      "{\"nodes\": [{\"id\": 1, \"name\": \"A\", \"kind\": \"nation\"}],\n \"edges\": [\n "
      "{\"src\": 1, \"dst\": 5, \"type\": \"mou\"}]}",
      "g.json:3: edges[0]: unknown node id '5'");
  check("{\"nodes\": [\n  {\"id\": 1,, }]}", "g.json:2:");
  check("   \n", "empty file");
  check("[1,2]", "expected an object with a \"nodes\" array");
  check(
      "{\"nodes\": [{\"id\": 1, \"name\": \"A\", \"kind\": \"x\"}], \"edges\": [{\"src\": 1, "
      "\"dst\": 1, \"type\": \"t\", \"weight\": \"x\"}]}",
      "\"weight\" must be a number");
  GraphStats st;
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  CHECK(st.nodes == 0);
}

TEST_CASE("Import: name mapping helpers are inverse", "[io]") {
  CHECK(KindToLabel("nation") == "Nation");
  CHECK(KindToLabel("research_lab") == "ResearchLab");
  CHECK(LabelToKind("ResearchLab") == "research_lab");
  CHECK(TypeFromCsv("member of") == "MEMBER_OF");
  CHECK(TypeToCsv("MEMBER_OF") == "member_of");
  CHECK(InferValue("007") == Value(int64_t{7}));
  CHECK(InferValue("1e3") == Value(1000.0));
  CHECK(InferValue("inf") == Value("inf"));
  CHECK(InferValue("2024-02-30") == Value("2024-02-30"));
}

TEST_CASE("Import: nodes without labels come in from CSV and JSON and go out again",
          "[io][import]") {
  TempDir dir;
  // CSV: an empty kind (and no labels column) is a node without labels.
  WriteFile(dir / "n.csv", "id,name,kind\n1,Alpha,\n2,Beta,nation\n");
  WriteFile(dir / "e.csv", "src,dst,type\n1,2,mou\n");
  auto db = NewDb(dir / "db");
  REQUIRE(ImportCsv(*db, dir / "n.csv", dir / "e.csv", {}, nullptr).ok());
  auto r = db->NewReader();
  std::vector<NodeId> ids;
  REQUIRE(r->FindNodesByName("alpha", &ids).ok());
  REQUIRE(ids.size() == 1);
  Node n;
  REQUIRE(r->GetNode(ids[0], &n).ok());
  CHECK(n.labels.empty());
  // The JSON export writes "labels": [] and a JSON import of it keeps the node unlabelled.
  std::string json = ExportJson(*db);
  CHECK_THAT(json, Catch::Contains("\"labels\": []"));
  WriteFile(dir / "g.json", json);
  auto db2 = NewDb(dir / "db2");
  REQUIRE(ImportJson(*db2, dir / "g.json", {}, nullptr).ok());
  CHECK(ExportJson(*db2) == json);
  // No "labels" and no "kind" at all is a node without labels too.
  WriteFile(dir / "h.json", "{\"nodes\": [{\"id\": 7, \"name\": \"Solo\"}]}");
  auto db3 = NewDb(dir / "db3");
  REQUIRE(ImportJson(*db3, dir / "h.json", {}, nullptr).ok());
  ids.clear();
  REQUIRE(db3->NewReader()->FindNodesByName("solo", &ids).ok());
  REQUIRE(ids.size() == 1);
  REQUIRE(db3->NewReader()->GetNode(ids[0], &n).ok());
  CHECK(n.labels.empty());
}

TEST_CASE("Import: temporal properties survive a JSON and a CSV export and import",
          "[io][import]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  {
    auto w = db->BeginWrite();
    REQUIRE(w.ok());
    ValueMap props{{"name", Value("Summit")},
                   {"at", Value(*DateTime::Parse("2022-05-01T09:30:15.5+03:00"))},
                   {"local", Value(*LocalDateTime::Parse("2022-05-01T09:30"))},
                   {"opens", Value(*LocalTime::Parse("09:30:00"))},
                   {"tz", Value(*Time::Parse("09:30-05:00"))},
                   {"length", Value(*Duration::Parse("P1DT2H"))},
                   {"day", Value(*Date::Parse("2022-05-01"))},
                   {"code", Value("12:30")}};  // a plain string that looks like a time stays one
    REQUIRE((*w)->CreateNode({"Event"}, props).ok());
    REQUIRE((*w)->Commit().ok());
  }
  const std::string json = ExportJson(*db);
  WriteFile(dir / "g.json", json);
  auto db2 = NewDb(dir / "db2");
  REQUIRE(ImportJson(*db2, dir / "g.json", {}, nullptr).ok());
  CHECK(ExportJson(*db2) == json);
  std::vector<NodeId> ids;
  REQUIRE(db2->NewReader()->FindNodesByName("summit", &ids).ok());
  REQUIRE(ids.size() == 1);
  Node n;
  REQUIRE(db2->NewReader()->GetNode(ids[0], &n).ok());
  CHECK(n.properties.at("at").is_datetime());
  CHECK(n.properties.at("opens").is_local_time());
  CHECK(n.properties.at("tz").is_time());
  CHECK(n.properties.at("length").as_duration() == Duration{0, 1, 7200, 0});
  CHECK(n.properties.at("code").is_string());
  // CSV: the same cells come back typed.
  const std::string csv_dir = dir / "csv";
  REQUIRE(ExportCsv(*db->NewReader(), csv_dir).ok());
  auto db3 = NewDb(dir / "db3");
  REQUIRE(ImportCsv(*db3, csv_dir + "/nodes.csv", csv_dir + "/edges.csv", {}, nullptr).ok());
  CHECK(ExportJson(*db3) == json);
}

// CSV, Neo4j and JSON export: typed headers, one column per key, export -> import -> export
// equal, and the Neo4j files checked against neo4j-admin's documented header rules.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "engine/io/csv_reader.h"
#include "pactgraph/import_export.h"
#include "tests/engine/io/io_test_util.h"
#include "tests/test_util.h"

using namespace pactgraph;
using pactgraph::testing::ExportJson;
using pactgraph::testing::NewDb;
using pactgraph::testing::ReadFile;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

namespace {

Value Temporal(const char* text) {
  auto v = ParseTemporalText(text);
  REQUIRE(v.has_value());
  return *v;
}

// Shaped like an ingested database: every node has a `kind` property beside its label.
void Populate(Database& db) {
  auto w = db.BeginWrite();
  REQUIRE(w.ok());
  GraphWriter& g = **w;
  auto ke = g.CreateNode({"Nation"}, {{"name", Value("Kenya")},
                                      {"kind", Value("nation")},
                                      {"aliases", Value(ValueList{Value("Kenyan"), Value("KE")})},
                                      {"founded", Value(*Date::Parse("1963-12-12"))},
                                      {"score", Value(int64_t{7})},
                                      {"ratio", Value(2.0)}});
  auto hw = g.CreateNode({"Organization"}, {{"name", Value("Huawei, \"Ltd\"")},
                                            {"kind", Value("organization")},
                                            {"score", Value(int64_t{3})},
                                            {"ratio", Value(0.25)},
                                            {"meta", Value(ValueMap{{"x", Value(int64_t{1})}})}});
  auto both = g.CreateNode(
      {"Nation", "Member"},
      {{"name", Value("Rwanda")}, {"opened", Temporal("10:35:00")}, {"mixed", Value(int64_t{1})}});
  auto other = g.CreateNode({"Place"}, {{"name", Value("Kigali")}, {"mixed", Value("one")}});
  REQUIRE((ke.ok() && hw.ok() && both.ok() && other.ok()));
  REQUIRE(
      g.CreateRelationship(*hw, *ke, "MEMBER_OF",
                           {{"weight", Value(1.0)}, {"since", Value(*Date::Parse("2020-01-02"))}})
          .ok());
  REQUIRE(g.CreateRelationship(*ke, *both, "MOU", {{"weight", Value(0.5)}, {"note", Value("a, b")}})
              .ok());
  REQUIRE(g.CreateRelationship(*other, *both, "LOCATED_IN", {}).ok());
  REQUIRE(g.Commit().ok());
}

std::vector<std::vector<std::string>> Rows(const std::string& path) {
  auto csv = io::CsvReader::Open(path);
  REQUIRE(csv.ok());
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  while (csv->Next(&row)) rows.push_back(row);
  REQUIRE(csv->status().ok());
  return rows;
}

}  // namespace

TEST_CASE("CSV export: typed headers, one column per key, round trip", "[io][export]") {
  TempDir dir;
  auto db = NewDb(dir / "a");
  Populate(*db);
  REQUIRE(ExportCsv(*db->NewReader(), dir / "one").ok());
  const auto nodes = Rows(dir / "one/nodes.csv");
  std::set<std::string> seen;
  for (const auto& h : nodes[0]) CHECK(seen.insert(h).second);  // no column twice
  CHECK(nodes[0] == std::vector<std::string>{
                        "id", "name", "labels", "aliases:string[]", "founded:date", "kind:string",
                        "meta:json", "mixed:json", "opened:localtime", "ratio:float", "score:int"});
  CHECK(Rows(dir / "one/edges.csv")[0] == std::vector<std::string>{"src", "dst", "type",
                                                                   "note:string", "since:date",
                                                                   "weight:float"});
  auto copy = NewDb(dir / "b");
  Status s = ImportCsv(*copy, dir / "one/nodes.csv", dir / "one/edges.csv", {}, nullptr);
  INFO(s.message());
  REQUIRE(s.ok());
  REQUIRE(ExportCsv(*copy->NewReader(), dir / "two").ok());
  CHECK(ReadFile(dir / "two/nodes.csv") == ReadFile(dir / "one/nodes.csv"));
  CHECK(ReadFile(dir / "two/edges.csv") == ReadFile(dir / "one/edges.csv"));
  // The types came back, not just the text.
  auto r = copy->NewReader();
  std::vector<NodeId> ids;
  REQUIRE(r->FindNodesByName("Kenyan", &ids).ok());
  REQUIRE(ids.size() == 1);
  Node ke;
  REQUIRE(r->GetNode(ids[0], &ke).ok());
  CHECK(ke.properties.at("ratio").is_float());
  CHECK(ke.properties.at("kind") == Value("nation"));
  CHECK(ke.labels == std::vector<std::string>{"Nation"});
}

TEST_CASE("CSV import: typed header errors name the column", "[io][import]") {
  TempDir dir;
  auto db = NewDb(dir / "db");
  WriteFile(dir / "bad_type.csv", "id,name,kind,size:huge\n1,A,nation,3\n");
  Status s = ImportCsv(*db, dir / "bad_type.csv", "", {}, nullptr);
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK_THAT(s.message(),
             Catch::Contains("bad_type.csv:1:14") && Catch::Contains("unknown column type 'huge'"));
  WriteFile(dir / "bad_cell.csv", "id,name,kind,size:int\n1,A,nation,3.5\n");
  s = ImportCsv(*db, dir / "bad_cell.csv", "", {}, nullptr);
  CHECK_THAT(s.message(), Catch::Contains("bad_cell.csv:2:") && Catch::Contains("not a int"));
  CHECK(db->NewReader()->NodeIdBound() == 1);
}

TEST_CASE("Neo4j export: the files follow neo4j-admin's header rules", "[io][export][neo4j]") {
  TempDir dir;
  auto db = NewDb(dir / "a");
  Populate(*db);
  REQUIRE(ExportNeo4j(*db->NewReader(), dir / "neo").ok());
  // neo4j-admin database import full: a header row per file; node files have one :ID column
  // (optionally `name:ID` or with an ID space) and may have :LABEL; relationship files have
  // :START_ID, :END_ID and :TYPE; every other column is `name:type` with one of the
  // documented types, `type[]` for arrays; fields are RFC 4180 quoted ('"' doubled).
  const std::regex property(
      R"(^[^:]+:(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?$)");
  const std::regex id_column(R"(^[^:]*:ID(\([^)]+\))?$)");
  const auto nodes = Rows(dir / "neo/nodes.csv");
  const auto rels = Rows(dir / "neo/relationships.csv");
  size_t id_col = SIZE_MAX, label_col = SIZE_MAX;
  for (size_t i = 0; i < nodes[0].size(); ++i) {
    const auto& h = nodes[0][i];
    if (std::regex_match(h, id_column)) {
      CHECK(id_col == SIZE_MAX);
      id_col = i;
    } else if (h == ":LABEL") {
      label_col = i;
    } else {
      INFO(h);
      CHECK(std::regex_match(h, property));
    }
  }
  REQUIRE(id_col != SIZE_MAX);
  REQUIRE(label_col != SIZE_MAX);
  std::set<std::string> node_ids;
  const std::regex integer(R"(^-?[0-9]+$)"), label(R"(^[^;]+(;[^;]+)*$)");
  for (size_t r = 1; r < nodes.size(); ++r) {
    REQUIRE(nodes[r].size() == nodes[0].size());
    CHECK(node_ids.insert(nodes[r][id_col]).second);  // ids are unique
    CHECK(std::regex_match(nodes[r][label_col], label));
    for (size_t i = 0; i < nodes[0].size(); ++i) {
      const auto& h = nodes[0][i];
      const auto& cell = nodes[r][i];
      if (cell.empty()) continue;  // an empty field sets no property
      if (h.ends_with(":long")) CHECK(std::regex_match(cell, integer));
      if (h.ends_with(":double")) CHECK_NOTHROW(std::stod(cell));
      if (h.ends_with(":date")) CHECK(std::regex_match(cell, std::regex(R"(^\d{4}-\d{2}-\d{2}$)")));
      if (h.ends_with(":string[]")) CHECK(cell.find(';') != std::string::npos);
    }
  }
  CHECK(rels[0][0] == ":START_ID");
  CHECK(rels[0][1] == ":END_ID");
  CHECK(rels[0][2] == ":TYPE");
  for (size_t i = 3; i < rels[0].size(); ++i) CHECK(std::regex_match(rels[0][i], property));
  for (size_t r = 1; r < rels.size(); ++r) {
    REQUIRE(rels[r].size() == rels[0].size());
    CHECK(node_ids.count(rels[r][0]));
    CHECK(node_ids.count(rels[r][1]));
    CHECK(!rels[r][2].empty());
  }
  // The quoting: the comma and the quotes of "Huawei, "Ltd"" are quoted, quotes doubled.
  CHECK_THAT(ReadFile(dir / "neo/nodes.csv"), Catch::Contains("\"Huawei, \"\"Ltd\"\"\""));

  // And import reads the Neo4j form back: the same graph.
  auto copy = NewDb(dir / "b");
  Status s = ImportCsv(*copy, dir / "neo/nodes.csv", dir / "neo/relationships.csv", {}, nullptr);
  INFO(s.message());
  REQUIRE(s.ok());
  REQUIRE(ExportNeo4j(*copy->NewReader(), dir / "neo2").ok());
  CHECK(ReadFile(dir / "neo2/nodes.csv") == ReadFile(dir / "neo/nodes.csv"));
  CHECK(ReadFile(dir / "neo2/relationships.csv") == ReadFile(dir / "neo/relationships.csv"));
}

TEST_CASE("JSON export -> import -> export is equal", "[io][export]") {
  TempDir dir;
  auto db = NewDb(dir / "a");
  Populate(*db);
  const std::string first = ExportJson(*db);
  WriteFile(dir / "g.json", first);
  auto copy = NewDb(dir / "b");
  REQUIRE(ImportJson(*copy, dir / "g.json", {}, nullptr).ok());
  CHECK(ExportJson(*copy) == first);
}

// Tests of IngestArticle (engine/extract/ingest.cpp) against a real database.
#include "pactgraph/ingest.h"

#include "pactgraph/database.h"
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

namespace {

std::unique_ptr<Database> OpenDb(const std::string& path) {
  auto db = Database::Open(path, Options());
  REQUIRE(db.ok());
  return std::move(db).value();
}

Status Ingest(Database* db, const std::string& body, const std::string& date, IngestStats* st) {
  Article a;
  a.file = "t.txt";
  a.text = body;
  a.date = date;
  Extraction x;
  PG_RETURN_IF_ERROR(SharedExtractor().Extract(a, &x));
  return IngestArticle(db, a, x, st);
}

}  // namespace

TEST_CASE("Extract: ingest merges actors and relationships across articles", "[extract]") {
  pactgraph::testing::TempDir dir;
  auto db = OpenDb(dir / "db");
  IngestStats st;
  REQUIRE(
      Ingest(db.get(), "Kenya and Ghana signed an MoU on digital trade.", "2023-05-01", &st).ok());
  REQUIRE(Ingest(db.get(), "The Ghanaian government and Kenya signed an MoU on data.", "2024-02-01",
                 &st)
              .ok());
  CHECK(st.articles_added == 2);
  auto r = db->NewReader();
  std::vector<NodeId> ghana, ghanaian;
  REQUIRE(r->FindNodesByName("Ghana", &ghana).ok());
  REQUIRE(ghana.size() == 1);
  Node n;
  REQUIRE(r->GetNode(ghana[0], &n).ok());
  CHECK(n.labels == std::vector<std::string>{"Nation"});
  std::vector<NodeId> kenya;
  REQUIRE(r->FindNodesByName("Kenya", &kenya).ok());
  REQUIRE(kenya.size() == 1);
  std::vector<NeighborEntry> rels;
  REQUIRE(r->Neighbors(kenya[0], Direction::kBoth, {}, [&](const NeighborEntry& e) {
             rels.push_back(e);
             return true;
           }).ok());
  REQUIRE(rels.size() == 1);  // one MOU relationship, evidence merged
  Relationship rel;
  REQUIRE(r->GetRelationship(rels[0].rel, &rel).ok());
  CHECK(rel.type == "MOU");
  CHECK(rel.properties.at("evidence_count").as_int() == 2);
  // Full dates are stored as DATE values, so queries can compare them with date(…).
  CHECK(rel.properties.at("first_date") == Value(*Date::Parse("2023-05-01")));
  CHECK(rel.properties.at("last_date") == Value(*Date::Parse("2024-02-01")));
  std::vector<Evidence> ev;
  REQUIRE(r->GetEvidence(rels[0].rel, &ev).ok());
  REQUIRE(ev.size() == 2);
  CHECK(ev[0].sentence == "Kenya and Ghana signed an MoU on digital trade.");
  CHECK(ev[0].modality == "actual");
}

TEST_CASE("Extract: ingesting the same article twice changes nothing", "[extract]") {
  pactgraph::testing::TempDir dir;
  auto db = OpenDb(dir / "db");
  IngestStats st;
  const std::string body = "Rwanda and Japan held talks in Kigali.";
  REQUIRE(Ingest(db.get(), body, "", &st).ok());
  GraphStats before;
  REQUIRE(db->NewReader()->GetStats(&before).ok());
  REQUIRE(Ingest(db.get(), body, "", &st).ok());
  GraphStats after;
  REQUIRE(db->NewReader()->GetStats(&after).ok());
  CHECK(st.articles_added == 1);
  CHECK(st.articles_skipped == 1);
  CHECK(after.nodes == before.nodes);
  CHECK(after.relationships == before.relationships);
  CHECK(after.articles == 1);
  CHECK(after.evidence == before.evidence);
}

TEST_CASE("Ingest: one body named differently across articles is one node", "[extract]") {
  pactgraph::testing::TempDir dir;
  auto db = OpenDb(dir / "db");
  IngestStats st;
  // The full name with its acronym, the acronym alone, the full name alone, and initials only.
  REQUIRE(Ingest(db.get(), "The Zanbar Space Agency (ZSA) signed an MoU with Peru.", "", &st).ok());
  REQUIRE(Ingest(db.get(), "ZSA and Chile held talks in Santiago.", "", &st).ok());
  REQUIRE(Ingest(db.get(), "Norway partnered with the Zanbar Space Agency on satellites.", "", &st)
              .ok());
  REQUIRE(Ingest(db.get(), "The Halvorsen Ocean Research Council met Ghana.", "", &st).ok());
  REQUIRE(Ingest(db.get(), "HORC and Benin signed a deal.", "", &st).ok());
  auto r = db->NewReader();
  for (const char* name :
       {"Zanbar Space Agency", "ZSA", "Halvorsen Ocean Research Council", "HORC"}) {
    std::vector<NodeId> ids;
    REQUIRE(r->FindNodesByName(name, &ids).ok());
    INFO(name);
    CHECK(ids.size() == 1);
  }
  std::vector<NodeId> a, b;
  REQUIRE(r->FindNodesByName("ZSA", &a).ok());
  REQUIRE(r->FindNodesByName("Zanbar Space Agency", &b).ok());
  REQUIRE(a.size() == 1);
  CHECK(a == b);
  Node n;
  REQUIRE(r->GetNode(a[0], &n).ok());
  CHECK(n.properties.at("name").as_string() == "Zanbar Space Agency");
  // Its three relationships all hang on the one node.
  size_t rels = 0;
  REQUIRE(r->Neighbors(a[0], Direction::kBoth, {}, [&](const NeighborEntry&) {
             ++rels;
             return true;
           }).ok());
  CHECK(rels == 3);
}

TEST_CASE("Ingest: ministries of two countries stay two nodes", "[extract]") {
  pactgraph::testing::TempDir dir;
  auto db = OpenDb(dir / "db");
  IngestStats st;
  REQUIRE(Ingest(db.get(), "Ghana's Ministry of Energy met Voltrix.", "", &st).ok());
  REQUIRE(Ingest(db.get(), "Peru's Ministry of Energy met Voltrix.", "", &st).ok());
  auto r = db->NewReader();
  std::vector<NodeId> g, p;
  REQUIRE(r->FindNodesByName("Ministry of Energy (Ghana)", &g).ok());
  REQUIRE(r->FindNodesByName("Ministry of Energy (Peru)", &p).ok());
  REQUIRE(g.size() == 1);
  REQUIRE(p.size() == 1);
  CHECK(g != p);
}

}  // namespace pactgraph::extract

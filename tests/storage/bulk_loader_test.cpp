#include <catch2/catch.hpp>
#include <filesystem>

#include "pactgraph/database.h"
#include "tests/test_util.h"

using namespace pactgraph;
using pactgraph::testing::TempDir;

TEST_CASE("BulkLoader: loads nodes and relationships atomically", "[storage][bulk]") {
  TempDir dir;
  auto db = std::move(Database::Open(dir / "db", {})).value();
  {
    auto w = *db->BeginWrite();
    REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Existing")}}).ok());
    REQUIRE(w->Commit().ok());
  }
  auto loader = std::move(db->BeginBulkLoad()).value();
  std::vector<NodeId> ids;
  for (int i = 0; i < 1000; ++i) {
    ids.push_back(*loader->AddNode({i % 2 ? "Nation" : "Organization"},
                                   {{"name", Value("node " + std::to_string(i))}}));
  }
  for (int i = 0; i < 5000; ++i) {
    REQUIRE(loader
                ->AddRelationship(ids[i % 1000], ids[(i * 7 + 3) % 1000], i % 3 ? "MOU" : "FUND",
                                  {{"weight", Value(0.5)}})
                .ok());
  }
  REQUIRE(loader->AddRelationship(1, ids[0], "MOU", {}).ok());  // to an existing node
  CHECK(loader->AddRelationship(ids[0], 999999, "MOU", {}).status().code() ==
        Status::Code::kInvalidArgument);
  // Nothing is visible before Finish.
  GraphStats st;
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  CHECK(st.nodes == 1);
  REQUIRE(loader->Finish().ok());
  loader.reset();
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  CHECK(st.nodes == 1001);
  CHECK(st.relationships == 5001);
  CHECK(st.labels["Nation"] == 501);
  CHECK(st.types["FUND"] == 1667);
  auto r = db->NewReader();
  std::vector<NodeId> found;
  REQUIRE(r->FindNodesByName("NODE 17", &found).ok());
  CHECK(found == std::vector<NodeId>{ids[17]});
  uint64_t degree = 0;
  REQUIRE(r->Neighbors(ids[0], Direction::kBoth, {}, [&](const NeighborEntry&) {
             ++degree;
             return true;
           }).ok());
  CHECK(degree > 0);
  // A normal transaction after the load continues the id sequence.
  auto w = *db->BeginWrite();
  NodeId next = *w->CreateNode({"Place"}, {});
  CHECK(next == ids.back() + 1);
  REQUIRE(w->Commit().ok());
  // Staging files are gone.
  for (const auto& e : std::filesystem::directory_iterator(dir / "db")) {
    CHECK(e.path().filename().string().rfind("import-staging-", 0) != 0);
  }
}

TEST_CASE("BulkLoader: abandoned load changes nothing", "[storage][bulk]") {
  TempDir dir;
  auto db = std::move(Database::Open(dir / "db", {})).value();
  {
    auto loader = std::move(db->BeginBulkLoad()).value();
    REQUIRE(loader->AddNode({"Nation"}, {{"name", Value("Ghost")}}).ok());
  }
  GraphStats st;
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  CHECK(st.nodes == 0);
  auto w = *db->BeginWrite();
  CHECK(*w->CreateNode({"Nation"}, {}) == 1);
}

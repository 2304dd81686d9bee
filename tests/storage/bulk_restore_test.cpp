// tests/storage/bulk_restore_test.cpp — the bulk loader's restoring side (BulkRestore): ids
// kept across holes (in memory and spilled), articles and evidence, and what it refuses.
#include "pactgraph/bulk_restore.h"

#include <catch2/catch.hpp>

#include "pactgraph/database.h"
#include "tests/test_util.h"

using namespace pactgraph;
using pactgraph::testing::TempDir;

namespace {

constexpr NodeId kNodes = 20000;  // enough keys to spill under a 1 MB budget
constexpr RelId kRels = 40000;

void LoadWithHoles(Database& db) {
  auto loader = std::move(db.BeginBulkLoad()).value();
  auto* restore = dynamic_cast<BulkRestore*>(loader.get());
  REQUIRE(restore != nullptr);
  // Nodes 1..kNodes but every tenth id skipped; relationships 1, 5, 9, …
  for (NodeId id = 1; id <= kNodes; ++id) {
    if (id % 10 == 0) continue;
    REQUIRE(restore->AdvanceIds(id, 0, 0).ok());
    REQUIRE(loader->AddNode({"N"}, {{"name", Value("n" + std::to_string(id))}}).value() == id);
  }
  // A relationship to a skipped id is refused: that node does not exist.
  CHECK(loader->AddRelationship(1, 10, "T", {}).status().code() == Status::Code::kInvalidArgument);
  for (RelId id = 1; id <= kRels; id += 4) {
    REQUIRE(restore->AdvanceIds(0, id, 0).ok());
    const NodeId a = id % kNodes + 1, b = (id * 7) % kNodes + 1;
    if (a % 10 == 0 || b % 10 == 0) continue;
    REQUIRE(loader->AddRelationship(a, b, "T", {}).value() == id);
  }
  REQUIRE(restore->AdvanceIds(0, 0, 5).ok());
  Article art;
  art.title = "t";
  art.text = "Some text here.";
  art.content_hash = "h1";
  REQUIRE(restore->AddArticle(art).value() == 5);
  CHECK(restore->AddArticle(art).status().code() == Status::Code::kInvalidArgument);  // hash
  Evidence ev;
  ev.relationship = 1;
  ev.article = 5;
  ev.sentence = "Some text here.";
  ev.end = 15;
  REQUIRE(restore->AddEvidence(ev).ok());
  ev.article = 4;  // skipped
  CHECK(restore->AddEvidence(ev).code() == Status::Code::kInvalidArgument);
  ev.article = 5;
  ev.relationship = 2;  // skipped
  CHECK(restore->AddEvidence(ev).code() == Status::Code::kInvalidArgument);
  REQUIRE(restore->AdvanceIds(kNodes + 100, kRels + 100, 0).ok());
  REQUIRE(loader->Finish().ok());
}

void Verify(Database& db) {
  auto r = db.NewReader();
  CHECK(r->NodeIdBound() == kNodes + 100);
  CHECK(r->RelIdBound() == kRels + 100);
  CHECK(!r->NodeExists(10).value());
  Node n;
  REQUIRE(r->GetNode(1999, &n).ok());
  CHECK(n.properties.at("name") == Value("n1999"));
  std::vector<NodeId> ids;
  REQUIRE(r->FindNodesByName("n1234", &ids).ok());
  CHECK(ids == std::vector<NodeId>{1234});
  std::vector<Evidence> ev;
  REQUIRE(r->GetEvidence(1, &ev).ok());
  CHECK(ev.size() == 1);
  ArticleId a;
  REQUIRE(r->FindArticleByHash("h1", &a).ok());
  CHECK(a == 5);
  CheckReport report;
  REQUIRE(db.Check(&report).ok());
  INFO((report.problems.empty() ? "" : report.problems[0]));
  CHECK(report.sound());
  CHECK(report.articles == 1);
  CHECK(report.evidence == 1);
}

}  // namespace

TEST_CASE("BulkRestore: ids with holes, articles and evidence, in memory", "[storage][bulk]") {
  TempDir dir;
  auto db = std::move(Database::Open(dir / "db", {})).value();
  LoadWithHoles(*db);
  Verify(*db);
}

TEST_CASE("BulkRestore: the same through spilled runs", "[storage][bulk]") {
  TempDir dir;
  Options o;
  o.bulk_load_memory_mb = 1;  // a few hundred KB of keys: several spills
  auto db = std::move(Database::Open(dir / "db", o)).value();
  LoadWithHoles(*db);
  Verify(*db);
}

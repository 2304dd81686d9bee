// EvidenceBetween (pactgraph/paths.h): every relationship joining two nodes, once each, with
// its evidence and the cited articles.
#include <catch2/catch.hpp>

#include "pactgraph/database.h"
#include "pactgraph/paths.h"
#include "tests/test_util.h"

namespace pactgraph {
namespace {

TEST_CASE("Evidence: relationships between two nodes, both directions, self-loops once",
          "[graph][evidence]") {
  testing::TempDir dir;
  auto db = Database::Open(dir / "db", Options());
  REQUIRE(db.ok());
  auto w = (*db)->BeginWrite();
  REQUIRE(w.ok());
  NodeId a = *(*w)->CreateNode({"Nation"}, {{"name", Value("A")}});
  NodeId b = *(*w)->CreateNode({"Nation"}, {{"name", Value("B")}});
  NodeId c = *(*w)->CreateNode({"Nation"}, {{"name", Value("C")}});
  RelId ab = *(*w)->CreateRelationship(a, b, "MOU", {});
  RelId ba = *(*w)->CreateRelationship(b, a, "VISIT", {});
  RelId aa = *(*w)->CreateRelationship(a, a, "SUPPORT", {});
  (void)*(*w)->CreateRelationship(a, c, "MOU", {});
  Article art;
  art.title = "T";
  art.text = "A and B signed. B visited A.";
  art.content_hash = std::string(64, 'b');
  ArticleId aid = *(*w)->AddArticle(art);
  for (auto [rel, sentence] :
       {std::pair{ab, "A and B signed."}, {ba, "B visited A."}, {ab, "They signed again."}}) {
    Evidence e;
    e.relationship = rel;
    e.article = aid;
    e.sentence = sentence;
    REQUIRE((*w)->AddEvidence(e).ok());
  }
  REQUIRE((*w)->Commit().ok());
  auto r = (*db)->NewReader();

  EvidenceAnswer ans;
  REQUIRE(EvidenceBetween(*r, a, b, &ans).ok());
  CHECK(NodeName(ans.a) == "A");
  CHECK(NodeName(ans.b) == "B");
  REQUIRE(ans.relationships.size() == 2);
  CHECK(ans.relationships[0].relationship.id == ab);  // outgoing first
  CHECK(ans.relationships[0].evidence.size() == 2);
  CHECK(ans.relationships[0].evidence[1].sentence == "They signed again.");
  CHECK(ans.relationships[1].relationship.id == ba);
  CHECK(ans.relationships[1].relationship.start == b);
  REQUIRE(ans.articles.size() == 1);
  CHECK(ans.articles.at(aid).title == "T");
  CHECK(ans.articles.at(aid).text.empty());

  REQUIRE(EvidenceBetween(*r, a, a, &ans).ok());
  REQUIRE(ans.relationships.size() == 1);  // the self-loop, though the scan sees it twice
  CHECK(ans.relationships[0].relationship.id == aa);
  CHECK(ans.relationships[0].evidence.empty());
  CHECK(ans.articles.empty());

  REQUIRE(EvidenceBetween(*r, b, c, &ans).ok());
  CHECK(ans.relationships.empty());
  CHECK(EvidenceBetween(*r, a, 999, &ans).code() == Status::Code::kNotFound);
}

}  // namespace
}  // namespace pactgraph

// engine/graph/evidence.cpp — the public EvidenceBetween (pactgraph/paths.h): the
// relationships joining two actors with the sentences and articles behind them.
//
// One adjacency scan of `a` restricted to the neighbour `b`, then the stored relationship,
// its evidence and each cited article once. A self-loop shows up in both directions of the
// scan, so relationships are kept once each by id.
#include <set>

#include "pactgraph/paths.h"

namespace pactgraph {

Status EvidenceBetween(const GraphReader& reader, NodeId a, NodeId b, EvidenceAnswer* out) {
  *out = EvidenceAnswer();
  PG_RETURN_IF_ERROR(reader.GetNode(a, &out->a));
  PG_RETURN_IF_ERROR(reader.GetNode(b, &out->b));
  std::vector<RelId> rels;
  std::set<RelId> seen;
  PG_RETURN_IF_ERROR(reader.Neighbors(a, Direction::kBoth, {}, [&](const NeighborEntry& n) {
    if (n.other == b && seen.insert(n.rel).second) rels.push_back(n.rel);
    return true;
  }));
  for (RelId id : rels) {
    RelationshipEvidence item;
    PG_RETURN_IF_ERROR(reader.GetRelationship(id, &item.relationship));
    PG_RETURN_IF_ERROR(reader.GetEvidence(id, &item.evidence));
    for (const Evidence& e : item.evidence) {
      if (out->articles.count(e.article) != 0) continue;
      Article article;
      PG_RETURN_IF_ERROR(reader.GetArticle(e.article, &article));
      article.text.clear();  // the sentence is in the evidence; bodies can be large
      out->articles.emplace(e.article, std::move(article));
    }
    out->relationships.push_back(std::move(item));
  }
  return Status::OK();
}

}  // namespace pactgraph

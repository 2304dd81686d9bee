// engine/graph/store_view.cpp — reading adjacency, vertices and weights for StoreView.
#include "engine/graph/store_view.h"

namespace pactgraph::graph {

std::shared_ptr<const std::vector<StoreEdge>> StoreView::Incident(NodeId v, bool in) const {
  auto edges = std::make_shared<std::vector<StoreEdge>>();
  const bool entering = in != reversed_;
  Direction dir = !directed_ ? Direction::kBoth : (entering ? Direction::kIn : Direction::kOut);
  Status s = reader_->Neighbors(v, dir, types_, [&](const NeighborEntry& n) {
    if (in) {  // walked from n.other to v: along the relationship when it enters v
      edges->push_back(StoreEdge{n.rel, n.other, v, n.type,
                                 n.dir == Direction::kIn ? Direction::kOut : Direction::kIn});
    } else {
      edges->push_back(StoreEdge{n.rel, v, n.other, n.type, n.dir});
    }
    return true;
  });
  if (!s.ok()) {
    Record(s.WithContext("adjacency of node " + std::to_string(v)));
    edges->clear();
  }
  return edges;
}

const std::vector<NodeId>& StoreView::Vertices() const {
  if (listed_) return vertices_;
  listed_ = true;
  index_.assign(reader_->NodeIdBound(), UINT32_MAX);
  Status s = reader_->ScanNodes("", [&](NodeId id) {
    if (id >= index_.size()) index_.resize(id + 1, UINT32_MAX);
    index_[id] = static_cast<uint32_t>(vertices_.size());
    vertices_.push_back(id);
    return true;
  });
  Record(s);
  return vertices_;
}

size_t StoreView::Index(NodeId v) const {
  Vertices();
  if (v < index_.size() && index_[v] != UINT32_MAX) return index_[v];
  Record(Status::NotFound("node " + std::to_string(v) + " is not in the graph"));
  return 0;
}

double StoreView::Weight(const StoreEdge& e) const {
  auto it = weights_.find(e.rel);
  if (it != weights_.end()) return it->second;
  Relationship rel;
  double w = 1.0;
  Status s = reader_->GetRelationship(e.rel, &rel);
  if (!s.ok()) {
    Record(s);
  } else {
    auto p = rel.properties.find(weight_property_);
    if (p != rel.properties.end() && p->second.is_number()) w = p->second.as_number();
  }
  weights_.emplace(e.rel, w);
  return w;
}

}  // namespace pactgraph::graph

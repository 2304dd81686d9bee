// engine/graph/store_view.h — the stored graph as a Boost.Graph graph (internal header).
//
// StoreView adapts a GraphReader (one snapshot) to Boost.Graph's IncidenceGraph,
// BidirectionalGraph and VertexListGraph concepts, with vertex_index and edge_weight property
// maps, so BGL algorithms run on the store directly, reading adjacency on demand instead of
// copying the graph first. Vertices are NodeIds; an edge is a StoreEdge (relationship id,
// endpoints as walked, type). In undirected mode (the default) every relationship is an edge
// both ways: out_edges(v) and in_edges(v) both list all relationships at v.
//
// Cost: out_edges/in_edges run one GraphReader::Neighbors scan and hold its entries in a
// shared vector the iterators point into; vertices() scans the node list once per view; the
// weight map reads each relationship once (cached). Use GraphSnapshot for whole-graph work.
//
// Errors: BGL iterators cannot return a Status, so a storage error met while iterating or
// reading a weight is recorded (the first one) and the iteration sees no entries; callers
// check status() after the algorithm. Not thread-safe (one view per thread, like a reader).
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "pactgraph/graph.h"

namespace pactgraph::graph {

struct StoreEdge {
  RelId rel = 0;
  NodeId source = 0;  // as walked: out_edges(v) have source v, in_edges(v) have target v
  NodeId target = 0;
  TypeId type = 0;
  Direction dir = Direction::kOut;  // the relationship's direction as walked (kIn: against it)
  bool operator==(const StoreEdge& o) const {
    return rel == o.rel && source == o.source && target == o.target;
  }
  bool operator!=(const StoreEdge& o) const { return !(*this == o); }
};

class StoreEdgeIterator : public boost::iterator_facade<StoreEdgeIterator, const StoreEdge,
                                                        boost::random_access_traversal_tag> {
 public:
  StoreEdgeIterator() = default;
  StoreEdgeIterator(std::shared_ptr<const std::vector<StoreEdge>> edges, size_t pos)
      : edges_(std::move(edges)), pos_(pos) {}

 private:
  friend class boost::iterator_core_access;
  const StoreEdge& dereference() const { return (*edges_)[pos_]; }
  bool equal(const StoreEdgeIterator& o) const { return pos_ == o.pos_; }
  void increment() { ++pos_; }
  void decrement() { --pos_; }
  void advance(std::ptrdiff_t n) { pos_ += n; }
  std::ptrdiff_t distance_to(const StoreEdgeIterator& o) const {
    return static_cast<std::ptrdiff_t>(o.pos_) - static_cast<std::ptrdiff_t>(pos_);
  }
  std::shared_ptr<const std::vector<StoreEdge>> edges_;
  size_t pos_ = 0;
};

class StoreView {
 public:
  // `reader` must outlive the view. `types`: relationship types to follow (empty: all).
  // `weight_property`: the numeric relationship property edge_weight reads (missing: 1).
  StoreView(const GraphReader* reader, bool directed, std::vector<TypeId> types = {},
            std::string weight_property = "weight")
      : reader_(reader),
        directed_(directed),
        types_(std::move(types)),
        weight_property_(std::move(weight_property)) {}

  const GraphReader* reader() const { return reader_; }
  bool directed() const { return directed_; }
  // Directed views only: walk relationships backwards (out_edges(v) lists the relationships
  // entering v, as walked from v; in_edges the ones leaving it).
  void set_reversed(bool reversed) { reversed_ = reversed; }
  // The first storage error met by an iterator or property map; OK when none.
  const Status& status() const { return status_; }

  // Relationships at `v`: leaving it (`in` false) or entering it (`in` true).
  std::shared_ptr<const std::vector<StoreEdge>> Incident(NodeId v, bool in) const;
  // Every live node, in id order (scanned on first use).
  const std::vector<NodeId>& Vertices() const;
  // Dense index of a vertex in [0, Vertices().size()).
  size_t Index(NodeId v) const;
  double Weight(const StoreEdge& e) const;

 private:
  void Record(const Status& s) const {
    if (status_.ok() && !s.ok()) status_ = s;
  }
  const GraphReader* reader_;
  bool directed_;
  bool reversed_ = false;
  std::vector<TypeId> types_;
  std::string weight_property_;
  mutable Status status_;
  mutable bool listed_ = false;
  mutable std::vector<NodeId> vertices_;
  mutable std::vector<uint32_t> index_;  // by NodeId
  mutable std::unordered_map<RelId, double> weights_;
};

// --- Boost.Graph free functions (found by argument-dependent lookup) ---------------------------
inline NodeId source(const StoreEdge& e, const StoreView&) { return e.source; }
inline NodeId target(const StoreEdge& e, const StoreView&) { return e.target; }
inline std::pair<StoreEdgeIterator, StoreEdgeIterator> out_edges(NodeId v, const StoreView& g) {
  auto edges = g.Incident(v, false);
  size_t n = edges->size();
  return {StoreEdgeIterator(edges, 0), StoreEdgeIterator(edges, n)};
}
inline std::pair<StoreEdgeIterator, StoreEdgeIterator> in_edges(NodeId v, const StoreView& g) {
  auto edges = g.Incident(v, true);
  size_t n = edges->size();
  return {StoreEdgeIterator(edges, 0), StoreEdgeIterator(edges, n)};
}
inline size_t out_degree(NodeId v, const StoreView& g) { return g.Incident(v, false)->size(); }
inline size_t in_degree(NodeId v, const StoreView& g) { return g.Incident(v, true)->size(); }
inline size_t degree(NodeId v, const StoreView& g) {
  return g.directed() ? out_degree(v, g) + in_degree(v, g) : out_degree(v, g);
}
inline std::pair<std::vector<NodeId>::const_iterator, std::vector<NodeId>::const_iterator> vertices(
    const StoreView& g) {
  return {g.Vertices().begin(), g.Vertices().end()};
}
inline size_t num_vertices(const StoreView& g) { return g.Vertices().size(); }

// vertex_index: NodeId -> dense index.
struct StoreVertexIndexMap {
  using key_type = NodeId;
  using value_type = size_t;
  using reference = size_t;
  using category = boost::readable_property_map_tag;
  const StoreView* g = nullptr;
};
inline size_t get(const StoreVertexIndexMap& m, NodeId v) { return m.g->Index(v); }

// edge_weight: the relationship's weight property.
struct StoreWeightMap {
  using key_type = StoreEdge;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  const StoreView* g = nullptr;
};
inline double get(const StoreWeightMap& m, const StoreEdge& e) { return m.g->Weight(e); }

inline StoreVertexIndexMap get(boost::vertex_index_t, const StoreView& g) {
  return StoreVertexIndexMap{&g};
}
inline StoreWeightMap get(boost::edge_weight_t, const StoreView& g) { return StoreWeightMap{&g}; }
inline size_t get(boost::vertex_index_t, const StoreView& g, NodeId v) { return g.Index(v); }
inline double get(boost::edge_weight_t, const StoreView& g, const StoreEdge& e) {
  return g.Weight(e);
}

}  // namespace pactgraph::graph

namespace boost {

template <>
struct graph_traits<pactgraph::graph::StoreView> {
  using vertex_descriptor = pactgraph::NodeId;
  using edge_descriptor = pactgraph::graph::StoreEdge;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : bidirectional_graph_tag, vertex_list_graph_tag {};
  using out_edge_iterator = pactgraph::graph::StoreEdgeIterator;
  using in_edge_iterator = pactgraph::graph::StoreEdgeIterator;
  using vertex_iterator = std::vector<pactgraph::NodeId>::const_iterator;
  using adjacency_iterator = void;
  using edge_iterator = void;
  using degree_size_type = size_t;
  using vertices_size_type = size_t;
  using edges_size_type = size_t;
  static vertex_descriptor null_vertex() { return 0; }  // node ids start at 1
};

template <>
struct property_map<pactgraph::graph::StoreView, vertex_index_t> {
  using type = pactgraph::graph::StoreVertexIndexMap;
  using const_type = pactgraph::graph::StoreVertexIndexMap;
};
template <>
struct property_map<pactgraph::graph::StoreView, edge_weight_t> {
  using type = pactgraph::graph::StoreWeightMap;
  using const_type = pactgraph::graph::StoreWeightMap;
};

}  // namespace boost

// engine/graph/graph_path_finder.cpp — shortestPath() and allShortestPaths() over the query's
// own reader: the searches of bfs_search.h on the store's adjacency, with the query's
// predicates as the searches' filters.
#include "engine/graph/graph_path_finder.h"

#include <unordered_map>

#include "engine/graph/bfs_search.h"

namespace pactgraph::graph {
namespace {

Direction Flip(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
}

// A GraphReader as a bfs:: graph. Side 0 walks from the start along the requested direction,
// side 1 from the end against it; the query's predicates are the filters, each asked once per
// node and once per (relationship, direction walked).
class StoreGraph {
 public:
  using Vertex = NodeId;
  using Edge = RelId;

  explicit StoreGraph(const query::PathRequest& req)
      : req_(req), dirs_{req.direction, Flip(req.direction)} {}

  template <class Fn>
  Status ForEachStep(NodeId u, int side, Fn&& fn) {
    steps_.clear();
    PG_RETURN_IF_ERROR(req_.reader->Neighbors(u, dirs_[side], req_.types,
                                              [&](const NeighborEntry& e) {
                                                steps_.push_back(e);
                                                return true;
                                              }));
    for (const NeighborEntry& e : steps_) {
      // A self-loop is listed once per direction; it is never on a shortest path anyway.
      if (e.other == u) continue;
      current_ = &e;
      fn(e.other, e.rel);
    }
    return Status::OK();
  }

  // rel_ok sees the step as walked from the start towards the end. The searches ask about the
  // step ForEachStep is reporting, so `current_` is its entry.
  Result<bool> StepOk(NodeId from, NodeId to, RelId rel, int side) {
    if (!req_.rel_ok) return true;
    NeighborEntry forward = *current_;
    NodeId origin = from;
    if (side == 1) {
      forward.other = from;
      forward.dir = Flip(forward.dir);
      origin = to;
    }
    const uint64_t key = rel * 2 + (forward.dir == Direction::kIn ? 1 : 0);
    auto [it, fresh] = rel_memo_.try_emplace(key, false);
    if (fresh) {
      PG_ASSIGN_OR_RETURN(it->second, req_.rel_ok(forward, origin));
    }
    return it->second;
  }

  Result<bool> VertexOk(NodeId w) {
    if (!req_.node_ok || w == req_.start || w == req_.end) return true;
    auto [it, fresh] = node_memo_.try_emplace(w, false);
    if (fresh) {
      PG_ASSIGN_OR_RETURN(it->second, req_.node_ok(w));
    }
    return it->second;
  }

  Status Check() const { return req_.check ? req_.check() : Status::OK(); }

 private:
  const query::PathRequest& req_;
  const Direction dirs_[2];
  std::vector<NeighborEntry> steps_;
  const NeighborEntry* current_ = nullptr;  // the step being reported
  std::unordered_map<uint64_t, bool> rel_memo_;
  std::unordered_map<NodeId, bool> node_memo_;
};

// Per-side search state in hash maps: the store's node ids are sparse and a query's search
// touches few of them.
class HashMarks {
 public:
  void Clear() {
    side_[0].clear();
    side_[1].clear();
  }
  bool Seen(int side, NodeId v) const { return side_[side].count(v) != 0; }
  uint32_t Depth(int side, NodeId v) const { return side_[side].at(v).depth; }
  void Mark(int side, NodeId v, uint32_t depth, NodeId parent, RelId rel) {
    side_[side][v] = {depth, parent, rel};
  }
  NodeId Parent(int side, NodeId v) const { return side_[side].at(v).parent; }
  RelId ParentEdge(int side, NodeId v) const { return side_[side].at(v).rel; }

 private:
  struct Visit {
    uint32_t depth;
    NodeId parent;
    RelId rel;
  };
  std::unordered_map<NodeId, Visit> side_[2];
};

query::FoundPath ToFound(bfs::SearchPath<NodeId, RelId>&& p) {
  return {std::move(p.vertices), std::move(p.edges)};
}

}  // namespace

Status GraphPathFinder::FindShortestPaths(const query::PathRequest& req,
                                          std::vector<query::FoundPath>* out) {
  out->clear();
  if (req.min_hops > 1) {
    return Status::NotSupported("shortestPath() with a minimum length above 1");
  }
  if (req.start == req.end) {
    // The zero-length path when a length of 0 is allowed; a start node is never its own
    // shortest path of length >= 1 (the search does not revisit it).
    if (req.min_hops == 0) out->push_back({{req.start}, {}});
    return Status::OK();
  }
  StoreGraph graph(req);
  HashMarks marks;
  if (req.mode == query::PathRequest::Mode::kAll) {
    std::vector<bfs::SearchPath<NodeId, RelId>> found;
    bool complete = true;
    PG_RETURN_IF_ERROR(
        bfs::AllShortest(graph, marks, req.start, req.end, req.max_hops, SIZE_MAX, &found,
                         &complete));
    for (auto& p : found) out->push_back(ToFound(std::move(p)));
    return Status::OK();
  }
  bfs::SearchPath<NodeId, RelId> p;
  PG_ASSIGN_OR_RETURN(bool found, bfs::BidirectionalShortest(graph, marks, req.start, req.end,
                                                             req.max_hops, &p));
  if (found) out->push_back(ToFound(std::move(p)));
  return Status::OK();
}

}  // namespace pactgraph::graph

// engine/graph/graph_path_finder.cpp — shortestPath() and allShortestPaths() over the store.
#include "engine/graph/graph_path_finder.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/property_map.hpp>
#include <unordered_map>

#include "engine/graph/store_view.h"

namespace pactgraph::graph {

namespace {

Direction Flip(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
}

struct Visit {
  uint32_t depth;
  NodeId parent;  // towards this side's root
  RelId rel;
};

// Thrown by the visitor to end the breadth-first search early (the BGL idiom); caught below.
struct StopSearch {};

// The query's predicates as filtered_graph filters over a StoreView. Results are memoised
// (filtered_graph may ask twice) and the first error is kept in `*error`.
struct Predicates {
  const query::PathRequest* req;
  Status* error;
  std::shared_ptr<std::unordered_map<NodeId, bool>> nodes =
      std::make_shared<std::unordered_map<NodeId, bool>>();
  std::shared_ptr<std::unordered_map<uint64_t, bool>> rels =
      std::make_shared<std::unordered_map<uint64_t, bool>>();

  bool Node(NodeId v) const {
    if (v == req->start || v == req->end || !req->node_ok || !error->ok()) return error->ok();
    auto [it, fresh] = nodes->try_emplace(v, false);
    if (fresh) {
      Result<bool> ok = req->node_ok(v);
      if (!ok.ok()) *error = ok.status();
      it->second = ok.ok() && *ok;
    }
    return it->second;
  }
  // The walked step source -> target, shown to rel_ok as walked from start towards end.
  bool Rel(const StoreEdge& e) const {
    if (!error->ok()) return false;
    if (!req->rel_ok) return true;
    const uint64_t key = e.rel * 2 + (e.dir == Direction::kIn ? 1 : 0);
    auto [it, fresh] = rels->try_emplace(key, false);
    if (fresh) {
      Result<bool> ok = req->rel_ok(NeighborEntry{e.rel, e.target, e.type, e.dir}, e.source);
      if (!ok.ok()) *error = ok.status();
      it->second = ok.ok() && *ok;
    }
    return it->second;
  }
};
struct EdgeFilter {
  Predicates p;
  bool operator()(const StoreEdge& e) const {
    if (e.source == e.target) return false;  // never on a shortest path between two nodes
    return p.Rel(e);
  }
};
struct VertexFilter {
  Predicates p;
  bool operator()(NodeId v) const { return p.Node(v); }
};

// Records, for every node reached, its depth and every (parent, relationship) one step
// shallower -- the DAG of shortest paths -- and stops once the depth of `end` is settled.
struct LayerRecorder : boost::default_bfs_visitor {
  struct Node {
    uint32_t depth = 0;
    std::vector<std::pair<NodeId, StoreEdge>> parents;
  };
  std::unordered_map<NodeId, Node>* nodes;
  NodeId end;
  uint32_t max_hops;
  const query::PathRequest* req;
  Status* error;

  template <typename G>
  void examine_vertex(NodeId u, const G&) const {
    if (req->check) {
      Status st = req->check();
      if (!st.ok()) {
        *error = st;
        throw StopSearch{};
      }
    }
    const uint32_t d = nodes->at(u).depth;
    auto found = nodes->find(end);
    if (d >= max_hops || (found != nodes->end() && d >= found->second.depth)) throw StopSearch{};
  }
  template <typename G>
  void tree_edge(const StoreEdge& e, const G&) const {
    Node& n = (*nodes)[e.target];
    n.depth = nodes->at(e.source).depth + 1;
    n.parents.push_back({e.source, e});
  }
  template <typename G>
  void non_tree_edge(const StoreEdge& e, const G&) const {
    auto it = nodes->find(e.target);
    if (it != nodes->end() && it->second.depth == nodes->at(e.source).depth + 1) {
      it->second.parents.push_back({e.source, e});
    }
  }
};

// allShortestPaths: Boost.Graph's breadth_first_visit over the store (a StoreView, filtered
// by the query's predicates), recording the shortest-path DAG, then every path of it.
Status AllShortestPathsBgl(const query::PathRequest& req, std::vector<query::FoundPath>* out) {
  out->clear();
  StoreView view(req.reader, req.direction != Direction::kBoth, req.types);
  view.set_reversed(req.direction == Direction::kIn);
  Status error;
  Predicates preds{&req, &error};
  boost::filtered_graph<StoreView, EdgeFilter, VertexFilter> g(view, EdgeFilter{preds},
                                                               VertexFilter{preds});
  std::unordered_map<NodeId, LayerRecorder::Node> nodes;
  nodes[req.start] = {};
  std::unordered_map<NodeId, boost::default_color_type> colors;
  boost::associative_property_map<decltype(colors)> color(colors);
  boost::queue<NodeId> queue;
  LayerRecorder recorder;
  recorder.nodes = &nodes;
  recorder.end = req.end;
  recorder.max_hops = req.max_hops;
  recorder.req = &req;
  recorder.error = &error;
  try {
    boost::breadth_first_visit(g, req.start, queue, recorder, color);
  } catch (const StopSearch&) {
  }
  PG_RETURN_IF_ERROR(error);
  PG_RETURN_IF_ERROR(view.status());
  if (nodes.find(req.end) == nodes.end()) return Status::OK();
  // Every path of the DAG, walked back from end.
  std::vector<std::pair<NodeId, RelId>> stack;  // (node, relationship into it) from end
  std::function<Status(NodeId)> walk = [&](NodeId v) -> Status {
    if (v == req.start) {
      query::FoundPath p;
      p.nodes.push_back(req.start);
      for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        p.rels.push_back(it->second);
        p.nodes.push_back(it->first);
      }
      out->push_back(std::move(p));
      return req.check ? req.check() : Status::OK();
    }
    for (const auto& [parent, edge] : nodes.at(v).parents) {
      stack.push_back({v, edge.rel});
      PG_RETURN_IF_ERROR(walk(parent));
      stack.pop_back();
    }
    return Status::OK();
  };
  PG_RETURN_IF_ERROR(walk(req.end));
  std::sort(out->begin(), out->end(), [](const query::FoundPath& a, const query::FoundPath& b) {
    return std::tie(a.nodes, a.rels) < std::tie(b.nodes, b.rels);
  });
  return Status::OK();
}

}  // namespace

Status GraphPathFinder::FindShortestPaths(const query::PathRequest& req,
                                          std::vector<query::FoundPath>* out) {
  if (req.start == req.end || req.min_hops > 1) return fallback_.FindShortestPaths(req, out);
  if (req.mode == query::PathRequest::Mode::kAll) return AllShortestPathsBgl(req, out);
  out->clear();
  // Side 0 walks from start along `direction`; side 1 walks from end against it.
  std::unordered_map<NodeId, Visit> seen[2];
  seen[0][req.start] = {0, 0, 0};
  seen[1][req.end] = {0, 0, 0};
  std::vector<NodeId> frontier[2] = {{req.start}, {req.end}}, next;
  uint32_t depth[2] = {0, 0};
  const Direction dirs[2] = {req.direction, Flip(req.direction)};
  uint32_t best = UINT32_MAX;
  NodeId meet_from = 0, meet_to = 0;  // the meeting relationship, oriented start -> end
  RelId meet_rel = 0;
  std::vector<NeighborEntry> steps;
  while (!frontier[0].empty() && !frontier[1].empty() && depth[0] + depth[1] < req.max_hops &&
         best == UINT32_MAX) {
    const int k = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    next.clear();
    for (NodeId u : frontier[k]) {
      if (req.check) PG_RETURN_IF_ERROR(req.check());
      steps.clear();
      PG_RETURN_IF_ERROR(req.reader->Neighbors(u, dirs[k], req.types, [&](const NeighborEntry& e) {
        steps.push_back(e);
        return true;
      }));
      for (const NeighborEntry& e : steps) {
        if (dirs[k] == Direction::kBoth && e.dir == Direction::kIn && e.other == u) continue;
        const NodeId w = e.other;
        auto mine = seen[k].find(w);
        if (mine != seen[k].end() && mine->second.depth <= depth[k]) continue;
        auto theirs = seen[1 - k].find(w);
        // The node entered, seen from the start side (endpoints are not tested).
        const NodeId entered = w;
        if (entered != req.start && entered != req.end && theirs == seen[1 - k].end() &&
            mine == seen[k].end() && req.node_ok) {
          PG_ASSIGN_OR_RETURN(bool ok, req.node_ok(entered));
          if (!ok) continue;
        }
        if (req.rel_ok) {
          // rel_ok sees the step as walked from start towards end.
          NeighborEntry forward = e;
          NodeId from = u;
          if (k == 1) {
            forward.other = u;
            forward.dir = Flip(e.dir);
            from = w;
          }
          PG_ASSIGN_OR_RETURN(bool ok, req.rel_ok(forward, from));
          if (!ok) continue;
        }
        if (theirs != seen[1 - k].end()) {
          uint32_t len = depth[k] + 1 + theirs->second.depth;
          if (len < best) {
            best = len;
            meet_from = k == 0 ? u : w;
            meet_to = k == 0 ? w : u;
            meet_rel = e.rel;
          }
          continue;
        }
        if (mine == seen[k].end()) {
          seen[k][w] = {depth[k] + 1, u, e.rel};
          next.push_back(w);
        }
      }
    }
    ++depth[k];
    frontier[k].swap(next);
  }
  if (best == UINT32_MAX) return Status::OK();
  query::FoundPath p;
  for (NodeId v = meet_from; v != req.start; v = seen[0][v].parent) {
    p.nodes.push_back(v);
    p.rels.push_back(seen[0][v].rel);
  }
  p.nodes.push_back(req.start);
  std::reverse(p.nodes.begin(), p.nodes.end());
  std::reverse(p.rels.begin(), p.rels.end());
  p.rels.push_back(meet_rel);
  for (NodeId v = meet_to; v != req.end; v = seen[1][v].parent) {
    p.nodes.push_back(v);
    p.rels.push_back(seen[1][v].rel);
  }
  p.nodes.push_back(req.end);
  out->push_back(std::move(p));
  return Status::OK();
}

}  // namespace pactgraph::graph

// engine/graph/graph_path_finder.cpp — bidirectional BFS over a GraphReader for shortestPath().
#include "engine/graph/graph_path_finder.h"

#include <algorithm>
#include <unordered_map>

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

}  // namespace

Status GraphPathFinder::FindShortestPaths(const query::PathRequest& req,
                                          std::vector<query::FoundPath>* out) {
  if (req.mode != query::PathRequest::Mode::kOne || req.start == req.end || req.min_hops > 1) {
    return fallback_.FindShortestPaths(req, out);
  }
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

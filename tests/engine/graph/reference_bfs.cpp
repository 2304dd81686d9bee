// The test oracle for shortestPath(): a plain breadth-first search, layer by layer, over
// GraphReader::Neighbors, written for obviousness rather than speed.
#include "tests/engine/graph/reference_bfs.h"

#include <algorithm>
#include <unordered_map>

namespace pactgraph::testing {
namespace {

using query::FoundPath;
using query::PathRequest;

struct Pred {
  NodeId node;
  RelId rel;
};

}  // namespace

Status ReferenceBfs::FindShortestPaths(const PathRequest& req, std::vector<FoundPath>* out) {
  out->clear();
  if (req.start == req.end && req.min_hops == 0) {
    out->push_back({{req.start}, {}});
    return Status::OK();
  }
  // parents[v]: every (predecessor, rel) reaching v at its BFS depth (several only for kAll).
  std::unordered_map<NodeId, std::vector<Pred>> parents;
  std::unordered_map<NodeId, uint32_t> depth{{req.start, 0}};
  std::vector<NodeId> frontier{req.start};
  bool found = false;
  for (uint32_t d = 1; d <= req.max_hops && !frontier.empty() && !found; ++d) {
    std::vector<NodeId> next;
    for (NodeId u : frontier) {
      if (req.check) PG_RETURN_IF_ERROR(req.check());
      std::vector<NeighborEntry> steps;
      PG_RETURN_IF_ERROR(
          req.reader->Neighbors(u, req.direction, req.types, [&](const NeighborEntry& e) {
            steps.push_back(e);
            return true;
          }));
      for (const auto& e : steps) {
        if (req.direction == Direction::kBoth && e.dir == Direction::kIn && e.other == u) continue;
        auto it = depth.find(e.other);
        if (it != depth.end() && it->second < d) continue;
        if (e.other != req.end && req.node_ok) {
          PG_ASSIGN_OR_RETURN(bool ok, req.node_ok(e.other));
          if (!ok) continue;
        }
        if (req.rel_ok) {
          PG_ASSIGN_OR_RETURN(bool ok, req.rel_ok(e, u));
          if (!ok) continue;
        }
        if (it == depth.end()) {
          depth[e.other] = d;
          next.push_back(e.other);
        }
        auto& ps = parents[e.other];
        if (ps.empty() || req.mode == PathRequest::Mode::kAll) ps.push_back({u, e.rel});
        if (e.other == req.end) found = true;
      }
    }
    frontier = std::move(next);
  }
  if (!found || depth[req.end] < req.min_hops) return Status::OK();
  // Walk the predecessor DAG back from end, enumerating every shortest path.
  std::vector<FoundPath> partial{{{req.end}, {}}};
  for (uint32_t d = depth[req.end]; d > 0; --d) {
    std::vector<FoundPath> grown;
    for (auto& p : partial) {
      for (const Pred& pr : parents[p.nodes.back()]) {
        if (req.check) PG_RETURN_IF_ERROR(req.check());
        FoundPath q = p;
        q.nodes.push_back(pr.node);
        q.rels.push_back(pr.rel);
        grown.push_back(std::move(q));
        if (req.mode == PathRequest::Mode::kOne) break;
      }
      if (req.mode == PathRequest::Mode::kOne && !grown.empty()) break;
    }
    partial = std::move(grown);
  }
  for (auto& p : partial) {
    std::reverse(p.nodes.begin(), p.nodes.end());
    std::reverse(p.rels.begin(), p.rels.end());
  }
  std::sort(partial.begin(), partial.end(), [](const FoundPath& a, const FoundPath& b) {
    return std::tie(a.nodes, a.rels) < std::tie(b.nodes, b.rels);
  });
  *out = std::move(partial);
  return Status::OK();
}

}  // namespace pactgraph::testing

// engine/graph/paths.h — path searches between two vertices of a GraphSnapshot.
//
//   ShortestPath        bidirectional breadth-first search: one path with the fewest hops.
//   AllShortestPaths    every path with the fewest hops (a BFS layering from the source, then
//                       a walk back from the target through the layers).
//   WeightedShortestPath  bidirectional Dijkstra (lazy, on cost-sorted rows) on the snapshot's
//                       relationship costs; when the cheapest path is longer than the hop bound,
//                       an A* over (vertex, hops) labels finds the cheapest bounded one.
//   KShortestPaths      Yen's k shortest loopless paths, by cost (weighted) or hops.
//
// All searches honour a CompiledFilter while they run and never return paths longer than its
// max_hops. Paths are sequences of relationships, so parallel relationships give distinct
// paths. A search from a vertex to itself finds the empty path (length 0, cost 0).
// Searches keep O(vertices) thread-local scratch memory and are safe to run concurrently on
// one snapshot.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "engine/graph/path_filter.h"
#include "pactgraph/paths.h"
#include "pactgraph/status.h"

namespace pactgraph::graph {

struct GraphPath {
  std::vector<VertexIndex> vertices;  // vertices.size() == rels.size() + 1
  std::vector<RelIndex> rels;         // rels[i] joins vertices[i] and vertices[i + 1]
  double cost = 0;                    // hops, or the sum of relationship costs when weighted
  size_t hops() const { return rels.size(); }
  bool operator==(const GraphPath& o) const { return vertices == o.vertices && rels == o.rels; }
};

// PathMode and PathOptions are the public API's (pactgraph/paths.h). A search honours
// options.filter and, for kKShortest, ranks by cost when options.weight is set; the costs
// themselves are the snapshot's (SnapshotOptions::weight, chosen when it was built).

// Runs the search from `source` to `target` (vertex indices of `snapshot`). `out` receives the
// paths found, best first; empty when there is none. Errors: InvalidArgument for a bad filter,
// negative costs or k == 0.
Status FindPaths(const GraphSnapshot& snapshot, VertexIndex source, VertexIndex target,
                 const PathOptions& options, std::vector<GraphPath>* out,
                 bool* truncated = nullptr);

// The individual searches (the filter was compiled with `source`/`target` as endpoints).
bool ShortestPath(const GraphSnapshot& snapshot, VertexIndex source, VertexIndex target,
                  const CompiledFilter& filter, GraphPath* out);
// Returns false when more than `limit` paths exist (the first `limit` are in `out`).
bool AllShortestPaths(const GraphSnapshot& snapshot, VertexIndex source, VertexIndex target,
                      const CompiledFilter& filter, size_t limit, std::vector<GraphPath>* out);
// The tie-break every fewest-hop search shares (kShortest, kAllShortest's order, kKShortest's
// first path when unweighted): among the paths of `hops` relationships from `source` to
// `target`, the one whose relationship sequence is least. False when there is none.
bool CanonicalShortestPath(const GraphSnapshot& snapshot, VertexIndex source, VertexIndex target,
                           const CompiledFilter& filter, uint32_t hops, GraphPath* out);
// `unit_cost`: every relationship costs 1 (cost == hops).
bool WeightedShortestPath(const GraphSnapshot& snapshot, VertexIndex source, VertexIndex target,
                          const CompiledFilter& filter, bool unit_cost, GraphPath* out);
// `check` (may be empty) runs before each spur search; its first error stops the search and is
// returned (`out` then holds the paths found so far).
Status KShortestPaths(const GraphSnapshot& snapshot, VertexIndex source, VertexIndex target,
                      const CompiledFilter& filter, uint32_t k, bool unit_cost,
                      std::vector<GraphPath>* out, const std::function<Status()>& check = nullptr);

}  // namespace pactgraph::graph

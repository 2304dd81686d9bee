// query/procedure/path_finder.h — the hook behind shortestPath() and allShortestPaths().
//
// The query engine plans `shortestPath((a)-[:T1|T2*min..max]-(b))` as: bind a and b, then ask
// the current PathFinder for the shortest path(s) between them. Predicates of the query's WHERE
// that concern the path's nodes or relationships (`all(n IN nodes(p) WHERE …)`, `none(r IN
// relationships(p) WHERE …)`) are handed to the finder as callbacks and must be applied during
// the search, not to its results.
//
// The finder comes with the query's QueryServices (query/query_services.h): the engine's is
// the bidirectional search of engine/graph (graph_path_finder.h), the same code that answers
// `pactgraph path` and CALL algo.shortestPath. The plain breadth-first search the tests
// compare it with lives in tests/engine/graph/reference_bfs.h.
//
// Contract of FindShortestPaths:
//  - a path is a node sequence n0 = start … nk = end and relationships r1 … rk, rk joining
//    n(k-1) and nk in the allowed direction; no relationship repeats within a path;
//  - only paths with min_hops <= k <= max_hops; when start == end and min_hops == 0 the answer is
//    the zero-length path; Neo4j's rule that shortestPath needs min_hops <= 1 is enforced by
//    the caller;
//  - mode kOne: at most one path of minimal length (any one); kAll: every path of minimal
//    length, ordered deterministically (by node ids, then rel ids);
//  - node_ok is called for every node entered except `start` and `end`; rel_ok for every
//    relationship traversed; returning false prunes it. A non-ok Result aborts the search with
//    that Status. Either callback may be empty (= accept everything);
//  - call `check` regularly (it enforces the query timeout and caps) and return its error;
//  - no path: ok Status and an empty `out`.
#pragma once

#include <functional>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph::query {

struct PathRequest {
  enum class Mode { kOne, kAll };
  const GraphReader* reader = nullptr;
  NodeId start = 0;
  NodeId end = 0;
  Direction direction = Direction::kBoth;  // relative to walking from start to end
  std::vector<TypeId> types;               // empty: every type
  uint32_t min_hops = 1;
  uint32_t max_hops = 10;
  Mode mode = Mode::kOne;
  std::function<Result<bool>(NodeId)> node_ok;
  std::function<Result<bool>(const NeighborEntry& step, NodeId from)> rel_ok;
  std::function<Status()> check;
};

struct FoundPath {
  std::vector<NodeId> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelId> rels;
};

class PathFinder {
 public:
  virtual ~PathFinder() = default;
  virtual Status FindShortestPaths(const PathRequest& request, std::vector<FoundPath>* out) = 0;
};

}  // namespace pactgraph::query

// tests/engine/graph/reference_bfs.h — the brute-force oracle for shortest-path searches.
//
// ReferenceBfs implements query::PathFinder with the simplest correct algorithm: a one-sided
// breadth-first search from the start that records every predecessor at each node's depth,
// then walks that DAG back from the end. The engine's search (engine/graph) must return the
// same lengths and, for allShortestPaths, the same path sets.
#pragma once

#include <vector>

#include "query/procedure/path_finder.h"

namespace pactgraph::testing {

class ReferenceBfs : public query::PathFinder {
 public:
  Status FindShortestPaths(const query::PathRequest& request,
                           std::vector<query::FoundPath>* out) override;
};

}  // namespace pactgraph::testing

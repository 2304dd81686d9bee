// engine/graph/graph_path_finder.h — the shortestPath() hook of the query language.
//
// GraphPathFinder implements query::PathFinder (query/procedure/path_finder.h) with a
// bidirectional breadth-first search over the query's own GraphReader: the two frontiers grow
// level by level, always the smaller one, until they meet, so a search touches roughly the
// square root of what a one-sided BFS reaches. The query's node and relationship predicates
// are called as the search enters each node and follows each relationship.
// allShortestPaths runs Boost.Graph's breadth_first_visit on a StoreView (store_view.h)
// filtered by the same predicates, recording the DAG of shortest paths, then lists its paths.
// start == end and min_hops > 1 go to query::BfsPathFinder.
// RegisterGraphProcedures installs it with query::SetPathFinder.
#pragma once

#include <vector>

#include "query/procedure/path_finder.h"

namespace pactgraph::graph {

class GraphPathFinder : public query::PathFinder {
 public:
  Status FindShortestPaths(const query::PathRequest& request,
                           std::vector<query::FoundPath>* out) override;

 private:
  query::BfsPathFinder fallback_;
};

}  // namespace pactgraph::graph

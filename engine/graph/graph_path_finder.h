// engine/graph/graph_path_finder.h — the search behind Cypher's shortestPath() and
// allShortestPaths().
//
// GraphPathFinder implements query::PathFinder (query/procedure/path_finder.h) with the
// searches of bfs_search.h — the same code `pactgraph path` and the public FindPaths run on
// the snapshot — over the query's own GraphReader, so it sees the query's uncommitted writes.
// The query's node and relationship predicates are the searches' filters, asked as the search
// enters each node and follows each relationship (each at most once). It keeps no state between
// calls: one instance serves every query (engine/query_services.cpp).
#pragma once

#include <vector>

#include "query/procedure/path_finder.h"

namespace pactgraph::graph {

class GraphPathFinder : public query::PathFinder {
 public:
  // NotSupported for min_hops > 1 (the binder refuses such patterns before they get here).
  Status FindShortestPaths(const query::PathRequest& request,
                           std::vector<query::FoundPath>* out) override;
};

}  // namespace pactgraph::graph

// engine/query_services.h — the procedures and the path search every query is given.
//
// DefaultQueryServices() is what a Session hands to the query pipeline: one procedure registry
// holding the built-in procedures (db.*, pactgraph.evidence) and the graph algorithms
// (algo.*, engine/graph/procedures.h), and engine/graph's path search (graph_path_finder.h)
// behind shortestPath() and allShortestPaths(). Built on first use, immutable afterwards, and
// safe to share between threads (the finder keeps no state between calls).
#pragma once

#include "query/query_services.h"

namespace pactgraph::engine {

const query::QueryServices& DefaultQueryServices();

}  // namespace pactgraph::engine

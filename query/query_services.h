// query/query_services.h — what the layers above hand to the query pipeline.
//
// The pipeline (parse → bind → plan → execute) knows the graph only through GraphReader and
// GraphWriter; two things it needs come from above, injected per query rather than installed
// in globals: the procedures a CALL may name (binding checks signatures, execution runs the
// bodies) and the search behind shortestPath() / allShortestPaths(). The engine's Session
// builds one QueryServices with the built-in procedures, the graph algorithms and its path
// search (engine/query_services.h); tests may build their own (a fake path finder, a registry
// with test procedures). Both pointers must outlive every query that uses them.
#pragma once

namespace pactgraph::query {

class ProcedureRegistry;
class PathFinder;

struct QueryServices {
  const ProcedureRegistry* procedures = nullptr;  // null: every CALL is an unknown procedure
  PathFinder* path_finder = nullptr;  // null: shortestPath() fails with NotSupported
};

}  // namespace pactgraph::query

// engine/graph/procedures.h — the graph algorithms as query procedures.
//
// RegisterGraphProcedures adds, to a query::ProcedureRegistry:
//   CALL algo.degree({config})        YIELD node, value    (likewise algo.wcc, algo.scc,
//   algo.pageRank, algo.betweenness, algo.community, algo.kcore)
//   CALL algo.shortestPath(a, b, {config}) YIELD path, cost
// Config keys (all optional): types (list of relationship types), labels (nodes allowed),
// avoid (labels to avoid, paths), directed (bool), since / until (date or ISO string),
// direction ('out' | 'in' | 'both', degree), damping, iterations, tolerance (pageRank),
// samples, normalized (betweenness), seed; for shortestPath also maxHops (default 6),
// weight (property name, 'evidence' or 'recency'), k (Yen's k shortest), all (bool).
// Each call copies the query's snapshot into a GraphSnapshot first (O(graph)), so results
// see exactly what the query sees, including a write query's own changes.
// engine/query_services.cpp calls it once, when it builds the registry every Session uses.
#pragma once

namespace pactgraph::query {
class ProcedureRegistry;
}

namespace pactgraph::graph {

void RegisterGraphProcedures(query::ProcedureRegistry* registry);

}  // namespace pactgraph::graph

// The query services of the engine: built-in and graph procedures, and the graph path search.
#include "engine/query_services.h"

#include "engine/graph/graph_path_finder.h"
#include "engine/graph/procedures.h"
#include "query/procedure/procedure_registry.h"

namespace pactgraph::engine {

const query::QueryServices& DefaultQueryServices() {
  // Leaked on purpose: queries may run on other threads while the process exits.
  static const query::QueryServices* services = [] {
    auto* registry = new query::ProcedureRegistry();
    query::RegisterBuiltinProcedures(registry);
    graph::RegisterGraphProcedures(registry);
    auto* s = new query::QueryServices();
    s->procedures = registry;
    s->path_finder = new graph::GraphPathFinder();
    return s;
  }();
  return *services;
}

}  // namespace pactgraph::engine

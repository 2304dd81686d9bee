// query/notifications.h — warnings about names the database does not have.
//
// Like Neo4j's UnknownLabelWarning / UnknownRelationshipTypeWarning /
// UnknownPropertyKeyWarning: a query that reads a label, relationship type or property key
// absent from the database still runs (and returns nothing for it), but the result carries a
// warning, with the closest existing name when one is near (case-insensitive, or at most two
// edits away): "no label :Country in this database; did you mean :Nation?". Names the same
// query writes (CREATE, MERGE, SET) are not reported. Cost: one walk over the query and the
// label, type and key lists of the reader (which keeps them in memory). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "pactgraph/graph.h"
#include "query/parser/ast.h"

namespace pactgraph::query {

// The warnings for `query` read against `reader`, in query order, each once.
std::vector<std::string> UnknownNameWarnings(const Query& query, const GraphReader& reader);

}  // namespace pactgraph::query

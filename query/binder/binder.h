// query/binder/binder.h — resolves names in a parsed query.
//
// Checks, with the position of the culprit: undefined variables, a variable reused with another
// kind (a relationship used as a node), unknown functions and procedures, wrong argument
// counts, aggregates where they are not allowed, missing parameters, clause order (RETURN
// last, a query ending in RETURN or an update), UNION column names, and constructs outside the
// subset. Annotates the AST in place (slots, functions) and returns the BoundQuery.
#pragma once

#include <string_view>

#include "pactgraph/status.h"
#include "query/binder/bound_query.h"
#include "query/query_services.h"

namespace pactgraph::query {

// Procedures named by CALL are looked up in `services.procedures`.
Result<BoundQuery> Bind(Query* query, const ValueMap& params, std::string_view text,
                        const QueryServices& services);

}  // namespace pactgraph::query

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

namespace pactgraph::query {

Result<BoundQuery> Bind(Query* query, const ValueMap& params, std::string_view text);

}  // namespace pactgraph::query

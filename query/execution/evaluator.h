// query/execution/evaluator.h — evaluates bound expressions over a row.
//
// Implements Cypher's expression semantics: three-valued logic, null propagation, integer
// overflow and division-by-zero errors, list/map/property access, CASE, comprehensions and
// quantifiers. Comprehension variables live in row slots the binder reserved, so `row` is
// mutable. Errors carry the expression's position in the query.
#pragma once

#include "query/execution/exec_context.h"
#include "query/parser/ast.h"

namespace pactgraph::query {

Result<Value> Evaluate(const Expr& e, Row& row, ExecContext& ctx);
// Evaluates a predicate: true only for boolean true; a non-boolean, non-null value is an error.
Result<bool> EvaluatePredicate(const Expr& e, Row& row, ExecContext& ctx);

}  // namespace pactgraph::query

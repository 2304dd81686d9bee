// query/binder/grouping_keys.h — expressions that mix aggregates with grouping keys.
//
// `RETURN n.name, n.age + count(*)` or `WITH me, count(*) AS c ORDER BY me.age + count(*)`: an
// expression around an aggregate may use the grouping keys of its projection, because they are
// constant within a group. The binder rewrites every such use (a projected variable, or a
// projected property access like `me.age`, matched by its text) into a read of the key's output
// slot, which the aggregation fills for each group; whatever other variable is left is
// ambiguous (SyntaxError (AmbiguousAggregationExpression)). Larger projected expressions are not
// matched, as openCypher specifies. Pure functions over the AST; not thread-safe per tree.
#pragma once

#include <map>
#include <set>
#include <string>

#include "query/parser/ast.h"

namespace pactgraph::query {

struct GroupingKeys {
  std::map<int, int> var_slots;      // input slot of a projected variable -> output slot
  std::map<std::string, int> texts;  // text of a projected property access -> output slot
};

// Replaces, outside aggregate calls, each use of a grouping key in `*e` by its output slot.
void RewriteToKeys(ExprPtr* e, const GroupingKeys& keys);

// The slots `e` reads (aggregate results included), without its comprehension variables.
std::set<int> FreeSlots(const Expr& e);

// Whether `e` contains an aggregate call (bound: an aggregate reference).
bool HasAggregate(const Expr& e);

}  // namespace pactgraph::query

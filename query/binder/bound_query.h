// query/binder/bound_query.h — a query after name resolution, ready for planning.
//
// Rows are flat vectors of Values; the binder gives every variable (pattern variables,
// projection aliases, UNWIND/YIELD names, comprehension variables and a few hidden helpers) its
// own slot, never reused within one single query, so operators address values by index. A
// WITH/RETURN starts a new scope: only its items stay visible, in new slots.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "query/function/functions.h"
#include "query/parser/ast.h"
#include "query/procedure/procedure_registry.h"

namespace pactgraph::query {

struct BoundPart {
  const PatternPart* pattern = nullptr;
  std::vector<int> node_slots;  // per node pattern
  std::vector<int> rel_slots;   // per relationship pattern
  // Per relationship pattern: for variable-length ones, a hidden slot holding the list of nodes
  // the segment passes through (excluding its first node), for building paths; else -1.
  std::vector<int> segment_node_slots;
  int path_slot = -1;
};

struct BoundMatch {
  std::vector<BoundPart> parts;
  std::vector<ExprPtr> predicates;  // WHERE conjuncts plus inline property equalities
  std::set<int> new_slots;          // slots this clause binds (nulled by OPTIONAL MATCH)
  std::set<int> bound_before;       // slots bound before the clause
};

struct AggregateSpec {
  const AggregateFunction* function = nullptr;
  bool distinct = false;
  bool star = false;  // count(*)
  ExprPtr arg;        // null for count(*)
  int slot = -1;      // where the group's result goes
  std::string text;
};

struct BoundProjection {
  bool is_return = false;
  bool distinct = false;
  std::vector<ExprPtr> exprs;  // per item; aggregates replaced by kAggregateRef to their slot
  std::vector<int> slots;      // per item: its output slot
  std::vector<std::string> names;
  std::vector<bool> is_key;               // per item: grouping key (no aggregate inside)
  std::vector<AggregateSpec> aggregates;  // empty: not an aggregation
  ExprPtr where;
  std::vector<std::pair<ExprPtr, bool>> order_by;  // (expr, descending)
  ExprPtr skip;
  ExprPtr limit;
};

struct BoundSetItem {
  SetItem::Kind kind;
  int slot = -1;
  std::string key;  // kProperty
  ExprPtr value;
  std::vector<std::string> labels;
  bool remove = false;  // REMOVE n:Label
  size_t pos = 0;
};

struct BoundClause {
  const Clause* clause = nullptr;
  Clause::Kind kind = Clause::Kind::kMatch;
  BoundMatch match;                                          // MATCH, CREATE, MERGE
  BoundProjection projection;                                // WITH, RETURN
  ExprPtr expr;                                              // UNWIND
  int slot = -1;                                             // UNWIND
  std::vector<BoundSetItem> set_items, on_create, on_match;  // SET, REMOVE, MERGE
  std::vector<ExprPtr> exprs;                                // DELETE
  const Procedure* procedure = nullptr;                      // CALL
  std::vector<ExprPtr> call_args;
  std::vector<int> yield_slots;  // per procedure column; -1 when not yielded
  ExprPtr where;                 // CALL … YIELD … WHERE
};

struct BoundSingleQuery {
  std::vector<BoundClause> clauses;
  std::vector<std::string> columns;  // result columns
  std::vector<int> column_slots;
  int num_slots = 0;
};

struct BoundQuery {
  Query::Mode mode = Query::Mode::kRun;
  std::vector<BoundSingleQuery> parts;
  bool union_all = false;
  bool writes = false;  // needs a write transaction
  std::vector<std::string> columns;
};

}  // namespace pactgraph::query

// query/planner/planner.h — turns a BoundQuery into pipelines of operators.
//
// One pipeline per UNION part, each a chain StartOp -> … -> ResultSinkOp. MATCH planning
// (match_planner.cpp) processes pattern parts greedily from their most selective node: a node
// already bound, else one with an equality on `name` (the name index), else one with a label
// (the label index), else an all-nodes scan; it then expands outwards along the pattern and
// places each WHERE conjunct as soon as all its variables are bound.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "query/binder/bound_query.h"
#include "query/execution/operator.h"

namespace pactgraph::query {

struct Pipeline {
  std::vector<OperatorPtr> ops;  // ops.front() is the StartOp; linked in order
  int width = 0;                 // row width (slots)
};

struct Plan {
  std::vector<Pipeline> pipelines;
  std::vector<std::string> columns;
  bool union_distinct = false;
  std::vector<Row> rows;  // filled by the result sinks
};

Result<std::unique_ptr<Plan>> PlanQuery(const BoundQuery& query, ExecContext* ctx);

// Appends the operators matching `match` to `ops` (linked). `bound` holds the slots bound
// before and is updated.
Status PlanMatchInto(const BoundMatch& match, ExecContext* ctx, std::set<int>* bound,
                     std::vector<OperatorPtr>* ops);

// Slots an expression reads (comprehension variables excluded).
void CollectSlots(const Expr& e, std::set<int>* slots);

// Lines describing the plan: one per operator, nested sub-plans indented.
std::vector<std::string> DescribePlan(const Plan& plan);

}  // namespace pactgraph::query

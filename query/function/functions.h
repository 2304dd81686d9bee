// query/function/functions.h — the scalar and aggregate functions queries can call.
//
// Functions are looked up by lower-cased name (Cypher function names are case-insensitive).
// A scalar function receives evaluated arguments; argument-count checks happen in the binder
// (FunctionArity), type checks at run time. Errors are InvalidArgument statuses whose message
// starts "Type mismatch:" or names the function; the evaluator adds the query position.
// Aggregates keep per-group state created by `make_state`; DISTINCT is handled by the caller.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"
#include "query/function/value_size.h"

namespace pactgraph::query {

struct FunctionContext {
  const GraphReader* reader = nullptr;
  // Where functions that build large values (range, replace, split) charge them before
  // building, and tick in their loops; null in tests that call functions directly.
  BuildBudget* budget = nullptr;
  Status Charge(int64_t bytes) { return budget ? budget->ChargeBuilt(bytes) : Status::OK(); }
  Status Tick() { return budget ? budget->Tick() : Status::OK(); }
};

struct ScalarFunction {
  std::string name;  // as documented, e.g. "toLower"
  int min_args = 0;
  int max_args = 0;  // -1: variadic
  std::function<Result<Value>(const std::vector<Value>& args, FunctionContext& ctx)> fn;
};

class AggregateState {
 public:
  virtual ~AggregateState() = default;
  virtual Status Add(const Value& v) = 0;  // never called with null (nulls are skipped)
  virtual Value Finish() = 0;
};

struct AggregateFunction {
  std::string name;
  std::function<std::unique_ptr<AggregateState>()> make_state;
};

// Null when unknown.
const ScalarFunction* FindScalarFunction(const std::string& name);
const AggregateFunction* FindAggregateFunction(const std::string& name);

// "toLower() expects STRING, got INTEGER" style message.
Status TypeMismatch(const std::string& function, const std::string& expected, const Value& got);

}  // namespace pactgraph::query

// query/query_engine.h — the query pipeline end to end: parse, bind, plan, execute.
//
// PrepareQuery parses and binds (errors with position); the caller then picks a GraphReader
// snapshot or, when `writes()`, a GraphWriter, and calls RunPrepared. The caller commits the
// writer only if RunPrepared succeeded. EXPLAIN returns the plan as rows (column "plan")
// without running; PROFILE runs and returns one row per operator (operator, rows, time_ms).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/binder/bound_query.h"
#include "query/execution/exec_context.h"
#include "query/query_services.h"

namespace pactgraph::query {

class PreparedQuery {
 public:
  bool writes() const { return bound_.writes && bound_.mode != Query::Mode::kExplain; }
  Query::Mode mode() const { return bound_.mode; }
  const std::string& text() const { return text_; }
  const Query& ast() const { return ast_; }

 private:
  friend Result<std::unique_ptr<PreparedQuery>> PrepareQuery(std::string_view text,
                                                             const ValueMap& params,
                                                             const QueryServices& services);
  friend struct QueryRunner;
  std::string text_;
  Query ast_;
  BoundQuery bound_;
};

struct QueryOutput {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  QueryStats stats;
  std::vector<std::string> warnings;  // unknown labels, types, property keys (notifications.h)
};

// Parses and binds; procedures named by CALL are looked up in `services.procedures`.
Result<std::unique_ptr<PreparedQuery>> PrepareQuery(std::string_view text, const ValueMap& params,
                                                    const QueryServices& services);

// `writer` must be non-null when prepared.writes(); it is then also the reader. `services`
// must be the ones the query was prepared with.
Result<QueryOutput> RunPrepared(const PreparedQuery& prepared, const GraphReader* reader,
                                GraphWriter* writer, const ValueMap& params,
                                const SessionOptions& limits, const QueryServices& services);

}  // namespace pactgraph::query

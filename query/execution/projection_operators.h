// query/execution/projection_operators.h — WITH/RETURN machinery and result sinks.
//
// Project computes items into their slots; Prune keeps only the new scope's slots;
// Aggregate groups by key items (orderability equality: null groups with null, 1 with 1.0)
// and emits one row per group in Finish (one row with no keys even for no input); Distinct,
// Sort (stable; ORDER BY), SkipLimit; ResultSink collects the result rows.
#pragma once

#include <map>
#include <set>

#include "query/binder/bound_query.h"
#include "query/execution/operator.h"
#include "query/function/value_ops.h"

namespace pactgraph::query {

class ProjectOp : public Operator {
 public:
  ProjectOp(ExecContext* ctx, std::vector<std::pair<ExprPtr, int>> items, std::string text)
      : Operator(ctx), items_(std::move(items)), text_(std::move(text)) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return "Projection " + text_; }

 private:
  std::vector<std::pair<ExprPtr, int>> items_;
  std::string text_;
};

class PruneOp : public Operator {
 public:
  PruneOp(ExecContext* ctx, std::vector<int> keep) : Operator(ctx), keep_(std::move(keep)) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return "Prune"; }

 private:
  std::vector<int> keep_;
};

class AggregateOp : public Operator {
 public:
  AggregateOp(ExecContext* ctx, std::vector<std::pair<ExprPtr, int>> keys,
              std::vector<AggregateSpec> aggs, size_t width, std::string text)
      : Operator(ctx),
        keys_(std::move(keys)),
        aggs_(std::move(aggs)),
        text_(std::move(text)),
        width_(width) {}
  Status Push(Row& row) override;
  Status Finish() override;
  bool WantsMore() const override { return true; }
  std::string Describe() const override { return "Aggregate " + text_; }

 private:
  struct Group {
    std::vector<std::unique_ptr<AggregateState>> states;
    std::vector<std::set<Value, ValueLess>> seen;  // DISTINCT aggregates
  };
  Group NewGroup() const;
  std::vector<std::pair<ExprPtr, int>> keys_;
  std::vector<AggregateSpec> aggs_;
  std::string text_;
  std::map<std::vector<Value>, Group, RowLess> groups_;
  size_t width_ = 0;
};

class DistinctOp : public Operator {
 public:
  DistinctOp(ExecContext* ctx, std::vector<int> slots) : Operator(ctx), slots_(std::move(slots)) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return "Distinct"; }

 private:
  std::vector<int> slots_;
  std::set<std::vector<Value>, RowLess> seen_;
};

// ORDER BY. With a LIMIT after it (and SKIP), keeps only the first skip+limit rows in a bounded
// heap (top-k) instead of the whole input; otherwise sorts everything in Finish, in blocks so
// that cancellation and the time limit are checked while it sorts. Ties keep input order.
class SortOp : public Operator {
 public:
  SortOp(ExecContext* ctx, std::vector<std::pair<ExprPtr, bool>> keys, std::string text,
         ExprPtr skip = nullptr, ExprPtr limit = nullptr)
      : Operator(ctx),
        keys_(std::move(keys)),
        text_(std::move(text)),
        skip_expr_(std::move(skip)),
        limit_expr_(std::move(limit)) {}
  Status Push(Row& row) override;
  Status Finish() override;
  bool WantsMore() const override { return true; }
  std::string Describe() const override;

 private:
  struct Entry {
    std::vector<Value> key;
    Row row;
    uint64_t seq = 0;
    int64_t bytes = 0;
  };
  bool Less(const Entry& a, const Entry& b) const;
  void InitTopK(Row& row);
  Status SortAll();
  std::vector<std::pair<ExprPtr, bool>> keys_;
  std::string text_;
  ExprPtr skip_expr_, limit_expr_;
  bool init_ = false;
  int64_t top_k_ = -1;  // rows kept when a LIMIT follows; -1: all
  uint64_t seq_ = 0;
  std::vector<Entry> rows_;  // a max-heap under Less when top_k_ >= 0
};

class SkipLimitOp : public Operator {
 public:
  SkipLimitOp(ExecContext* ctx, ExprPtr skip, ExprPtr limit)
      : Operator(ctx), skip_expr_(std::move(skip)), limit_expr_(std::move(limit)) {}
  Status Push(Row& row) override;
  bool WantsMore() const override;
  std::string Describe() const override;

 private:
  Status Init(Row& row);
  ExprPtr skip_expr_, limit_expr_;
  bool init_ = false;
  int64_t skip_ = 0, limit_ = -1, seen_ = 0, passed_ = 0;
};

// The end of a pipeline: copies the result columns of each row into `rows`.
class ResultSinkOp : public Operator {
 public:
  ResultSinkOp(ExecContext* ctx, std::vector<int> slots, std::vector<Row>* rows, bool distinct)
      : Operator(ctx), slots_(std::move(slots)), out_(rows), distinct_(distinct) {}
  Status Push(Row& row) override;
  Status Finish() override { return Status::OK(); }
  bool WantsMore() const override { return true; }
  std::string Describe() const override { return distinct_ ? "Union (distinct)" : "Result"; }

 private:
  std::vector<int> slots_;
  std::vector<Row>* out_;
  bool distinct_;
  std::set<std::vector<Value>, RowLess> seen_;
};

}  // namespace pactgraph::query

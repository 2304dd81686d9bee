// Projection, aggregation, DISTINCT, ORDER BY, SKIP/LIMIT and the result sink.
#include "query/execution/projection_operators.h"

#include <algorithm>

#include "query/execution/evaluator.h"

namespace pactgraph::query {

Status ProjectOp::Push(Row& row) {
  // Evaluate every item before storing any, so items can read the same input slots.
  std::vector<Value> values;
  values.reserve(items_.size());
  for (const auto& [expr, slot] : items_) {
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*expr, row, *ctx_));
    values.push_back(std::move(v));
  }
  for (size_t i = 0; i < items_.size(); ++i) row[items_[i].second] = std::move(values[i]);
  return Emit(row);
}

Status PruneOp::Push(Row& row) {
  Row out(row.size());
  for (int s : keep_) out[s] = std::move(row[s]);
  return Emit(out);
}

AggregateOp::Group AggregateOp::NewGroup() const {
  Group g;
  for (const auto& a : aggs_) {
    g.states.push_back(a.function->make_state());
    g.seen.emplace_back();
  }
  return g;
}

Status AggregateOp::Push(Row& row) {
  std::vector<Value> key;
  for (const auto& [expr, slot] : keys_) {
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*expr, row, *ctx_));
    key.push_back(std::move(v));
  }
  auto it = groups_.find(key);
  if (it == groups_.end()) {
    PG_RETURN_IF_ERROR(ctx_->ChargeMemory(ExecContext::EstimateBytes(key) + 64 * aggs_.size()));
    it = groups_.emplace(std::move(key), NewGroup()).first;
  }
  Group& g = it->second;
  for (size_t i = 0; i < aggs_.size(); ++i) {
    const AggregateSpec& a = aggs_[i];
    if (a.star) {
      PG_RETURN_IF_ERROR(g.states[i]->Add(Value(true)));
      continue;
    }
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*a.arg, row, *ctx_));
    if (v.is_null()) continue;
    if (a.distinct && !g.seen[i].insert(v).second) continue;
    if (a.function->name == "collect") {
      PG_RETURN_IF_ERROR(ctx_->ChargeMemory(ExecContext::EstimateBytes({v})));
    }
    Status st = g.states[i]->Add(v);
    if (!st.ok()) return ctx_->ErrorAt(a.arg->pos, st);
  }
  return Status::OK();
}

Status AggregateOp::Finish() {
  if (groups_.empty() && keys_.empty()) groups_.emplace(std::vector<Value>{}, NewGroup());
  for (auto& [key, g] : groups_) {
    if (!WantsMoreDownstream()) break;
    Row out(width_);
    for (size_t i = 0; i < keys_.size(); ++i) out[keys_[i].second] = key[i];
    for (size_t i = 0; i < aggs_.size(); ++i) out[aggs_[i].slot] = g.states[i]->Finish();
    PG_RETURN_IF_ERROR(Emit(out));
  }
  groups_.clear();
  return FinishNext();
}

Status DistinctOp::Push(Row& row) {
  std::vector<Value> key;
  for (int s : slots_) key.push_back(row[s]);
  if (!seen_.insert(key).second) return Status::OK();
  PG_RETURN_IF_ERROR(ctx_->ChargeMemory(ExecContext::EstimateBytes(key)));
  return Emit(row);
}

Status SkipLimitOp::Init(Row& row) {
  init_ = true;
  auto eval = [&](const ExprPtr& e, const char* what, int64_t* out) -> Status {
    if (!e) return Status::OK();
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*e, row, *ctx_));
    if (!v.is_int() || v.as_int() < 0) {
      const char* category = v.is_int() ? "SyntaxError (NegativeIntegerArgument): "
                                        : "SyntaxError (InvalidArgumentType): ";
      return ctx_->ErrorAt(
          e->pos, Status::InvalidArgument(category + std::string(what) +
                                          " must be a non-negative integer, got " + v.ToString()));
    }
    *out = v.as_int();
    return Status::OK();
  };
  PG_RETURN_IF_ERROR(eval(skip_expr_, "SKIP", &skip_));
  return eval(limit_expr_, "LIMIT", &limit_);
}

Status SkipLimitOp::Push(Row& row) {
  if (!init_) PG_RETURN_IF_ERROR(Init(row));
  if (seen_++ < skip_) return Status::OK();
  if (limit_ >= 0 && passed_ >= limit_) return Status::OK();
  ++passed_;
  return Emit(row);
}

bool SkipLimitOp::WantsMore() const {
  if (init_ && limit_ >= 0 && passed_ >= limit_) return false;
  return next_->WantsMore();
}

std::string SkipLimitOp::Describe() const {
  return std::string(skip_expr_ ? "Skip" : "") + (skip_expr_ && limit_expr_ ? "+" : "") +
         (limit_expr_ ? "Limit" : "");
}

Status ResultSinkOp::Push(Row& row) {
  ++rows_;
  if (!out_) return Status::OK();
  Row out;
  out.reserve(slots_.size());
  for (int s : slots_) out.push_back(row[s]);
  if (distinct_ && !seen_.insert(out).second) return Status::OK();
  PG_RETURN_IF_ERROR(ctx_->ChargeMemory(ExecContext::EstimateBytes(out)));
  out_->push_back(std::move(out));
  return Status::OK();
}

}  // namespace pactgraph::query

// Emit/Finish plumbing shared by all operators, with optional timing.
#include "query/execution/operator.h"

#include <chrono>

namespace pactgraph::query {

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Status Operator::Emit(Row& row) {
  ++rows_;
  PG_RETURN_IF_ERROR(ctx_->CountRow());
  // What the downstream operators build for this row is gone once it has passed (what they
  // keep is charged as buffered memory).
  struct BuiltScope {
    ExecContext* ctx;
    int64_t saved;
    ~BuiltScope() { ctx->set_built(saved); }
  } scope{ctx_, ctx_->built()};
  if (!ctx_->profiling()) return next_->Push(row);
  int64_t t0 = NowNs();
  Status st = next_->Push(row);
  int64_t dt = NowNs() - t0;
  next_->add_inclusive_ns(dt);
  child_ns_ += dt;
  return st;
}

Status Operator::FinishNext() {
  if (!next_) return Status::OK();
  if (!ctx_->profiling()) return next_->Finish();
  int64_t t0 = NowNs();
  Status st = next_->Finish();
  int64_t dt = NowNs() - t0;
  next_->add_inclusive_ns(dt);
  child_ns_ += dt;
  return st;
}

}  // namespace pactgraph::query

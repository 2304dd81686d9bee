// query/execution/operator.h — the push-based operator interface.
//
// A plan is a chain of operators. The runner pushes one empty row into the first; every
// operator transforms each input row into zero or more output rows that it Emit()s to the next
// one. Blocking operators (sort, aggregation, writes) buffer rows in Push and emit them in
// Finish. WantsMore() lets a satisfied LIMIT stop the scans above it early. When profiling,
// Emit times the downstream call, so each operator's self time is its inclusive time minus the
// time spent downstream.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/execution/exec_context.h"

namespace pactgraph::query {

class Operator {
 public:
  explicit Operator(ExecContext* ctx) : ctx_(ctx) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  virtual Status Push(Row& row) = 0;
  virtual Status Finish() { return FinishNext(); }
  virtual bool WantsMore() const { return next_ ? next_->WantsMore() : true; }
  // For blocking operators, whose own WantsMore() is always true toward upstream.
  bool WantsMoreDownstream() const { return next_ ? next_->WantsMore() : true; }
  // One line for EXPLAIN / PROFILE, e.g. "NodeByLabelScan (n:Country)".
  virtual std::string Describe() const = 0;

  void set_next(Operator* next) { next_ = next; }
  Operator* next() const { return next_; }
  uint64_t rows_out() const { return rows_; }
  double self_ms() const { return static_cast<double>(inclusive_ns_ - child_ns_) / 1e6; }
  void add_inclusive_ns(int64_t ns) { inclusive_ns_ += ns; }

 protected:
  Status Emit(Row& row);
  Status FinishNext();

  ExecContext* ctx_;
  Operator* next_ = nullptr;
  uint64_t rows_ = 0;
  int64_t inclusive_ns_ = 0;
  int64_t child_ns_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

// Writes `ns` spent in `op` (used by the runner for the first operator).
int64_t NowNs();

}  // namespace pactgraph::query

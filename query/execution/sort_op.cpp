// ORDER BY: a bounded heap when a LIMIT follows (top-k), else a blockwise sort (see
// projection_operators.h).
#include <algorithm>

#include "query/execution/evaluator.h"
#include "query/execution/projection_operators.h"

namespace pactgraph::query {
namespace {

// Rows sorted between two checks of cancellation and the clock.
constexpr size_t kSortBlock = 1 << 15;

}  // namespace

bool SortOp::Less(const Entry& a, const Entry& b) const {
  for (size_t i = 0; i < keys_.size(); ++i) {
    int c = OrderCompare(a.key[i], b.key[i]);
    if (c != 0) return keys_[i].second ? c > 0 : c < 0;
  }
  return a.seq < b.seq;
}

// SKIP and LIMIT are constant per query (literals or parameters). A value SkipLimitOp would
// refuse leaves the sort unbounded; SkipLimitOp then reports it.
void SortOp::InitTopK(Row& row) {
  init_ = true;
  if (!limit_expr_) return;
  auto eval = [&](const ExprPtr& e) -> int64_t {
    if (!e) return 0;
    auto v = Evaluate(*e, row, *ctx_);
    if (!v.ok() || !v->is_int() || v->as_int() < 0) return -1;
    return v->as_int();
  };
  int64_t skip = eval(skip_expr_), limit = eval(limit_expr_);
  if (skip < 0 || limit < 0) return;
  if (__builtin_add_overflow(skip, limit, &top_k_)) top_k_ = -1;
}

Status SortOp::Push(Row& row) {
  if (!init_) InitTopK(row);
  if (top_k_ == 0) return Status::OK();
  Entry entry;
  for (const auto& [expr, desc] : keys_) {
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*expr, row, *ctx_));
    entry.key.push_back(std::move(v));
  }
  entry.seq = seq_++;
  auto less = [this](const Entry& a, const Entry& b) { return Less(a, b); };
  if (top_k_ > 0 && rows_.size() >= static_cast<uint64_t>(top_k_)) {
    // The heap's front is the last of the k kept rows: a row not before it is not needed.
    if (!Less(entry, rows_.front())) return Status::OK();
    std::pop_heap(rows_.begin(), rows_.end(), less);
    PG_RETURN_IF_ERROR(ctx_->ChargeMemory(-rows_.back().bytes));
    rows_.pop_back();
  }
  entry.row = row;
  entry.bytes = ExecContext::EstimateBytes(row) + ExecContext::EstimateBytes(entry.key);
  PG_RETURN_IF_ERROR(ctx_->ChargeMemory(entry.bytes));
  rows_.push_back(std::move(entry));
  if (top_k_ > 0) std::push_heap(rows_.begin(), rows_.end(), less);
  return Status::OK();
}

Status SortOp::SortAll() {
  auto less = [this](const Entry& a, const Entry& b) { return Less(a, b); };
  if (top_k_ >= 0) {
    std::sort_heap(rows_.begin(), rows_.end(), less);
    return Status::OK();
  }
  // Sorted blocks, then pairwise merges; Less is a strict total order (the sequence number
  // breaks ties), so the result is the stable order.
  const size_t n = rows_.size();
  for (size_t b = 0; b < n; b += kSortBlock) {
    PG_RETURN_IF_ERROR(ctx_->Check());
    std::sort(rows_.begin() + b, rows_.begin() + std::min(n, b + kSortBlock), less);
  }
  for (size_t width = kSortBlock; width < n; width *= 2) {
    for (size_t b = 0; b + width < n; b += 2 * width) {
      PG_RETURN_IF_ERROR(ctx_->Check());
      std::inplace_merge(rows_.begin() + b, rows_.begin() + b + width,
                         rows_.begin() + std::min(n, b + 2 * width), less);
    }
  }
  return Status::OK();
}

Status SortOp::Finish() {
  PG_RETURN_IF_ERROR(SortAll());
  for (auto& entry : rows_) {
    if (!WantsMoreDownstream()) break;
    PG_RETURN_IF_ERROR(Emit(entry.row));
  }
  rows_.clear();
  return FinishNext();
}

std::string SortOp::Describe() const {
  std::string what = top_k_ >= 0 || limit_expr_ ? "Top" : "Sort";
  return text_.empty() ? what : what + " " + text_;
}

}  // namespace pactgraph::query

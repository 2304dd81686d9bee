// Node scans (label index, name index), filters, UNWIND, CALL and OPTIONAL MATCH.
#include <algorithm>

#include "query/execution/evaluator.h"
#include "query/execution/read_operators.h"
#include "query/function/functions.h"
#include "query/function/value_ops.h"

namespace pactgraph::query {
namespace {

bool HasLabels(const Node& n, const std::vector<std::string>& labels, size_t from) {
  for (size_t i = from; i < labels.size(); ++i) {
    if (std::find(n.labels.begin(), n.labels.end(), labels[i]) == n.labels.end()) return false;
  }
  return true;
}

std::string LabelText(const std::string& var, const std::vector<std::string>& labels) {
  std::string s = "(" + var;
  for (const auto& l : labels) s += ":" + l;
  return s + ")";
}

}  // namespace

Status NodeScanOp::Push(Row& row) {
  std::vector<NodeId> ids;
  const std::string label = labels_.empty() ? std::string() : labels_[0];
  if (!label.empty() && !ctx_->reader()->FindLabel(label).ok()) return Status::OK();
  Status scan = Status::OK();
  PG_RETURN_IF_ERROR(ctx_->reader()->ScanNodes(label, [&](NodeId id) {
    ids.push_back(id);
    if ((ids.size() & 4095) == 0) {
      scan = ctx_->Check();
      if (!scan.ok()) return false;
    }
    return true;
  }));
  PG_RETURN_IF_ERROR(scan);
  for (NodeId id : ids) {
    if (!WantsMore()) break;
    PG_ASSIGN_OR_RETURN(Value node, ctx_->LoadNode(id));
    if (!HasLabels(node.as_node(), labels_, 1)) continue;
    row[slot_] = std::move(node);
    PG_RETURN_IF_ERROR(Emit(row));
  }
  return Status::OK();
}

std::string NodeScanOp::Describe() const {
  return (labels_.empty() ? "AllNodesScan " : "NodeByLabelScan ") + LabelText(var_, labels_);
}

Status NodeByNameOp::Push(Row& row) {
  PG_ASSIGN_OR_RETURN(Value name, Evaluate(*name_, row, *ctx_));
  if (!name.is_string()) return Status::OK();
  std::vector<NodeId> ids;
  PG_RETURN_IF_ERROR(ctx_->reader()->FindNodesByName(name.as_string(), &ids));
  for (NodeId id : ids) {
    if (!WantsMore()) break;
    PG_ASSIGN_OR_RETURN(Value node, ctx_->LoadNode(id));
    if (!HasLabels(node.as_node(), labels_, 0)) continue;
    row[slot_] = std::move(node);
    PG_RETURN_IF_ERROR(Emit(row));
  }
  return Status::OK();
}

std::string NodeByNameOp::Describe() const { return "NodeByNameIndex " + LabelText(var_, labels_); }

Status FilterOp::Push(Row& row) {
  PG_ASSIGN_OR_RETURN(bool keep, EvaluatePredicate(*pred_, row, *ctx_));
  return keep ? Emit(row) : Status::OK();
}

Status UnwindOp::StreamRange(Row& row, bool* done) {
  *done = false;
  std::vector<int64_t> args;
  for (const auto& a : expr_->args) {
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*a, row, *ctx_));
    if (v.is_null()) {
      *done = true;  // range(null, …) is null: no rows
      return Status::OK();
    }
    if (!v.is_int()) return Status::OK();
    args.push_back(v.as_int());
  }
  if (args.size() < 2 || args.size() > 3) return Status::OK();
  const int64_t from = args[0], to = args[1], step = args.size() > 2 ? args[2] : 1;
  if (step == 0) return Status::OK();
  *done = true;
  const __int128 span = static_cast<__int128>(to) - from;
  const __int128 count = (step > 0 ? span >= 0 : span <= 0) ? span / step + 1 : 0;
  for (__int128 k = 0; k < count; ++k) {
    if (!WantsMore()) break;
    row[slot_] = Value(static_cast<int64_t>(from + k * step));
    PG_RETURN_IF_ERROR(Emit(row));
  }
  return Status::OK();
}

Status UnwindOp::Push(Row& row) {
  if (expr_->kind == ExprKind::kFunction && expr_->function != nullptr &&
      expr_->function->name == "range") {
    bool done = false;
    PG_RETURN_IF_ERROR(StreamRange(row, &done));
    if (done) return Status::OK();
  }
  PG_ASSIGN_OR_RETURN(Value v, Evaluate(*expr_, row, *ctx_));
  if (v.is_null()) return Status::OK();
  if (!v.is_list()) {
    row[slot_] = v;
    return Emit(row);
  }
  for (const auto& x : v.as_list()) {
    if (!WantsMore()) break;
    row[slot_] = x;
    PG_RETURN_IF_ERROR(Emit(row));
  }
  return Status::OK();
}

Status CallOp::Push(Row& row) {
  std::vector<Value> args;
  for (const auto& a : args_) {
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*a, row, *ctx_));
    args.push_back(std::move(v));
  }
  while (args.size() < proc_->signature.params.size()) args.push_back(Value());
  ProcedureContext pc;
  pc.reader = ctx_->reader();
  pc.writer = proc_->signature.writes ? ctx_->writer() : nullptr;
  pc.check = [this] { return ctx_->Check(); };
  Status emit_status = Status::OK();
  Status st = proc_->body(pc, args, [&](std::vector<Value> out) -> Status {
    if (out.size() != yield_slots_.size()) {
      return Status::Internal("procedure " + proc_->signature.name + " emitted " +
                              std::to_string(out.size()) + " values for " +
                              std::to_string(yield_slots_.size()) + " columns");
    }
    if (!WantsMore()) return Status::Cancelled("enough rows");
    for (size_t i = 0; i < out.size(); ++i) {
      if (yield_slots_[i] >= 0) row[yield_slots_[i]] = std::move(out[i]);
    }
    emit_status = Emit(row);
    return emit_status;
  });
  PG_RETURN_IF_ERROR(emit_status);
  if (!st.ok() && st.code() == Status::Code::kCancelled && !WantsMore()) return Status::OK();
  if (!st.ok()) return st.WithContext("procedure " + proc_->signature.name);
  if (proc_->signature.writes) ctx_->InvalidateCache();
  return Status::OK();
}

void OptionalOp::SetInner(std::vector<OperatorPtr> inner) { inner_ = std::move(inner); }

Status OptionalOp::Push(Row& row) {
  matched_ = false;
  Row copy = row;
  PG_RETURN_IF_ERROR(inner_.front()->Push(copy));
  if (matched_) return Status::OK();
  for (int s : null_slots_) row[s] = Value();
  return Emit(row);
}

std::string OptionalOp::Describe() const {
  std::string s = "Optional [";
  for (size_t i = 0; i + 1 < inner_.size(); ++i) {
    s += (i ? " -> " : "") + inner_[i]->Describe();
  }
  return s + "]";
}

}  // namespace pactgraph::query

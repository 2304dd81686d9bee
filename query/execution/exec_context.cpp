// Limits, caches and error positions for one query.
#include "query/execution/exec_context.h"

#include "query/parser/lexer.h"

namespace pactgraph::query {

ExecContext::ExecContext(const GraphReader* reader, GraphWriter* writer, const ValueMap* params,
                         std::string_view query_text, const SessionOptions& limits,
                         const QueryServices& services)
    : reader_(reader),
      writer_(writer),
      params_(params),
      query_text_(query_text),
      limits_(limits),
      services_(services),
      start_(std::chrono::steady_clock::now()) {}

Status ExecContext::CountRow() {
  if (++rows_ > limits_.max_rows) {
    return Status::LimitExceeded("query produced more than " + std::to_string(limits_.max_rows) +
                                 " intermediate rows (limit max_rows); narrow the pattern or "
                                 "raise the limit (query --max-rows N)");
  }
  if ((rows_ & 255) == 0) return Check();
  return Status::OK();
}

Status ExecContext::Check() {
  if (limits_.cancel != nullptr && limits_.cancel->load(std::memory_order_relaxed)) {
    return Status::Cancelled("query cancelled");
  }
  if (limits_.timeout_ms > 0) {
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - start_)
                       .count();
    if (elapsed > limits_.timeout_ms) {
      return Status::LimitExceeded("query timed out after " + std::to_string(limits_.timeout_ms) +
                                   " ms (limit timeout_ms; raise it with query --timeout-ms N)");
    }
  }
  if (memory_ + built_ > MemoryLimitBytes()) return MemoryExceeded();
  return Status::OK();
}

Status ExecContext::MemoryExceeded() const {
  return Status::LimitExceeded("query needs more than " + std::to_string(limits_.max_memory_mb) +
                               " MiB for the rows it buffers and the values it builds (limit "
                               "max_memory_mb; raise it with query --max-memory-mb N)");
}

Status ExecContext::ChargeBuilt(int64_t bytes) {
  if (bytes > MemoryLimitBytes() - memory_ - built_) return MemoryExceeded();
  built_ += bytes;
  return Tick();
}

Status ExecContext::ChargeMemory(int64_t bytes) {
  memory_ += bytes;
  if (bytes > 0 && memory_ + built_ > MemoryLimitBytes()) return Check();
  return Status::OK();
}

int64_t ExecContext::EstimateBytes(const Row& row) {
  int64_t n = 24;
  for (const auto& v : row) {
    // Nodes and relationships are shared with the per-query cache: count their slot only.
    n += v.is_node() || v.is_rel() ? kValueSlotBytes : EstimateValueBytes(v);
  }
  return n;
}

Result<Value> ExecContext::LoadNode(NodeId id) {
  auto it = node_cache_.find(id);
  if (it != node_cache_.end()) return it->second;
  Node n;
  PG_RETURN_IF_ERROR(reader_->GetNode(id, &n));
  if (node_cache_.size() > 1'000'000) node_cache_.clear();
  return node_cache_[id] = Value(std::move(n));
}

Result<Value> ExecContext::LoadRel(RelId id) {
  auto it = rel_cache_.find(id);
  if (it != rel_cache_.end()) return it->second;
  Relationship r;
  PG_RETURN_IF_ERROR(reader_->GetRelationship(id, &r));
  if (rel_cache_.size() > 1'000'000) rel_cache_.clear();
  return rel_cache_[id] = Value(std::move(r));
}

void ExecContext::InvalidateCache() {
  node_cache_.clear();
  rel_cache_.clear();
}

Status ExecContext::ErrorAt(size_t pos, const Status& st) const {
  if (st.ok() || st.code() == Status::Code::kLimitExceeded ||
      st.message().find(" at line ") != std::string::npos) {
    return st;
  }
  std::string text = st.message() + " at " + DescribePosition(query_text_, pos);
  switch (st.code()) {
    case Status::Code::kNotSupported:
      return Status::NotSupported(text);
    case Status::Code::kNotFound:
      return Status::NotFound(text);
    case Status::Code::kInvalidArgument:
      return Status::InvalidArgument(text);
    default:
      return st;
  }
}

std::vector<TypeId> ExecContext::ResolveTypes(const std::vector<std::string>& names) {
  std::vector<TypeId> out;
  for (const auto& n : names) {
    auto t = reader_->FindType(n);
    if (t.ok()) out.push_back(*t);
  }
  return out;
}

}  // namespace pactgraph::query

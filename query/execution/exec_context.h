// query/execution/exec_context.h — per-query state shared by the operators.
//
// Holds the graph being read (a snapshot reader, or the GraphWriter itself for write queries,
// whose reads see its own writes), the parameters, the limits and their counters, the
// per-query cache of loaded nodes and relationships, and the write statistics. Limits are
// checked from inner loops through CountRow()/Check(); hitting one yields LimitExceeded with a
// message naming the limit and how to raise it. Single-threaded, lives for one query.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/session.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"
#include "query/function/value_size.h"
#include "query/query_services.h"

namespace pactgraph::query {

using Row = std::vector<Value>;

class ExecContext : public BuildBudget {
 public:
  // `services` must outlive the context.
  ExecContext(const GraphReader* reader, GraphWriter* writer, const ValueMap* params,
              std::string_view query_text, const SessionOptions& limits,
              const QueryServices& services);

  const GraphReader* reader() const { return reader_; }
  GraphWriter* writer() const { return writer_; }
  const ValueMap& params() const { return *params_; }
  std::string_view query_text() const { return query_text_; }
  const SessionOptions& limits() const { return limits_; }
  const QueryServices& services() const { return services_; }
  QueryStats& stats() { return stats_; }
  bool profiling() const { return profiling_; }
  void set_profiling(bool p) { profiling_ = p; }

  // Counts one produced row; checks the row cap, and the clock every 256 rows.
  Status CountRow();
  // Checks the clock and memory now.
  Status Check();
  // Buffered bytes (positive: more held, negative: released).
  Status ChargeMemory(int64_t bytes);
  static int64_t EstimateBytes(const Row& row);

  // Values built while the current row passes through the pipeline (strings, lists, maps made
  // by expressions and functions). Charged before or as they are built and checked, together
  // with the buffered bytes, against max_memory_mb; Operator::Emit gives back what the
  // downstream operators built once the row has passed (set_built), and loops give back each
  // iteration's temporaries.
  Status ChargeBuilt(int64_t bytes) override;
  int64_t built() const { return built_; }
  void set_built(int64_t bytes) { built_ = bytes; }
  // One step of a long loop; checks cancellation and the clock every 4096 steps.
  Status Tick() override {
    if ((++ticks_ & 4095) == 0) return Check();
    return Status::OK();
  }

  // Loaded through the per-query cache. NotFound when deleted.
  Result<Value> LoadNode(NodeId id);
  Result<Value> LoadRel(RelId id);
  // After a write: cached values may be stale.
  void InvalidateCache();

  // Rewrites `st` (no position yet) as an error pointing at `pos` in the query.
  Status ErrorAt(size_t pos, const Status& st) const;

  // Type ids for relationship type names; unknown names are skipped (they match nothing).
  std::vector<TypeId> ResolveTypes(const std::vector<std::string>& names);

 private:
  int64_t MemoryLimitBytes() const {
    return limits_.max_memory_mb >= (uint64_t{1} << 42)
               ? INT64_MAX / 2
               : static_cast<int64_t>(limits_.max_memory_mb << 20);
  }
  Status MemoryExceeded() const;

  const GraphReader* reader_;
  GraphWriter* writer_;
  const ValueMap* params_;
  std::string_view query_text_;
  SessionOptions limits_;
  const QueryServices& services_;
  QueryStats stats_;
  bool profiling_ = false;
  std::chrono::steady_clock::time_point start_;
  uint64_t rows_ = 0;
  int64_t memory_ = 0;
  int64_t built_ = 0;
  uint64_t ticks_ = 0;
  std::unordered_map<NodeId, Value> node_cache_;
  std::unordered_map<RelId, Value> rel_cache_;
};

}  // namespace pactgraph::query

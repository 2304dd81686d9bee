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
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::query {

using Row = std::vector<Value>;

struct QueryLimits {
  uint32_t max_var_length_depth = 10;         // depth of `*` without an upper bound
  int64_t timeout_ms = 30'000;                // wall-clock time per query; <= 0: none
  uint64_t max_rows = 10'000'000;             // rows produced by all operators together
  uint64_t max_memory_bytes = 1ull << 30;     // rows buffered by sorts, aggregations, writes
  const std::atomic<bool>* cancel = nullptr;  // true: stop with Cancelled at the next check
};

struct WriteStats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  bool any() const {
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
           properties_set || labels_added || labels_removed;
  }
};

class ExecContext {
 public:
  ExecContext(const GraphReader* reader, GraphWriter* writer, const ValueMap* params,
              std::string_view query_text, const QueryLimits& limits);

  const GraphReader* reader() const { return reader_; }
  GraphWriter* writer() const { return writer_; }
  const ValueMap& params() const { return *params_; }
  std::string_view query_text() const { return query_text_; }
  const QueryLimits& limits() const { return limits_; }
  WriteStats& stats() { return stats_; }
  bool profiling() const { return profiling_; }
  void set_profiling(bool p) { profiling_ = p; }

  // Counts one produced row; checks the row cap, and the clock every 256 rows.
  Status CountRow();
  // Checks the clock and memory now.
  Status Check();
  // Buffered bytes (positive: more held, negative: released).
  Status ChargeMemory(int64_t bytes);
  static int64_t EstimateBytes(const Row& row);

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
  const GraphReader* reader_;
  GraphWriter* writer_;
  const ValueMap* params_;
  std::string_view query_text_;
  QueryLimits limits_;
  WriteStats stats_;
  bool profiling_ = false;
  std::chrono::steady_clock::time_point start_;
  uint64_t rows_ = 0;
  int64_t memory_ = 0;
  std::unordered_map<NodeId, Value> node_cache_;
  std::unordered_map<RelId, Value> rel_cache_;
};

}  // namespace pactgraph::query

// query/function/value_size.h — what the values a query builds cost in memory, and the budget
// they are charged to.
//
// EstimateValueBytes approximates the heap a Value holds (its own slot, string bytes, list and
// map storage, node/relationship properties, path members) so that the executor can refuse a
// value before building it when it would exceed the query's memory limit (max_memory_mb).
// BuildBudget is the interface the functions see (ExecContext implements it): Charge() a
// value about to be built, Tick() once per element of a long loop so that cancellation and the
// time limit are noticed (a counter; the clock is read only every few thousand ticks).
#pragma once

#include <cstdint>

#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::query {

// Bytes of one Value slot (inside a list, a row or a map).
constexpr int64_t kValueSlotBytes = static_cast<int64_t>(sizeof(Value));

// Heap and slot bytes of `v`, recursively (shared list/map storage is counted each time).
int64_t EstimateValueBytes(const Value& v);
// How deeply lists and maps nest in `v` (a scalar: 0), counted up to `cap` at most, so the
// cost is bounded by the value's size within the first `cap` levels.
int ValueNestingDepth(const Value& v, int cap);
// Bytes a string of `n` bytes held in a Value costs.
inline int64_t StringValueBytes(uint64_t n) {
  return kValueSlotBytes + (n > 15 ? static_cast<int64_t>(n) + 1 : 0);
}
// Bytes a list of `n` elements costs, not counting what the elements hold.
inline int64_t ListValueBytes(uint64_t n) {
  return kValueSlotBytes + 32 + static_cast<int64_t>(n) * kValueSlotBytes;
}

class BuildBudget {
 public:
  virtual ~BuildBudget() = default;
  // Charges `bytes` about to be built; LimitExceeded (naming max_memory_mb) when the query's
  // buffered rows and built values would then exceed the limit.
  virtual Status ChargeBuilt(int64_t bytes) = 0;
  // One step of a long loop: Cancelled / LimitExceeded (time) every few thousand calls.
  virtual Status Tick() = 0;
};

}  // namespace pactgraph::query

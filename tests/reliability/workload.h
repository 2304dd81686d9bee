// tests/reliability/workload.h — a self-verifying write workload for the crash, fault and
// concurrency tests.
//
// Transaction k (k >= 1) is one of two shapes, chosen by k alone:
//   - a write transaction (k % kBulkEvery != 0): an article with content hash "h<k>", two nodes
//     named "t<k>a" and "t<k>b", a PARTNERS_WITH relationship between them with evidence from
//     the article, and an update of the "Counter" node (property last = k, alias "c<k>"), so the
//     name index churns;
//   - a bulk load (k % kBulkEvery == 0): kBulkNodes nodes "b<k>-i" in a LINK chain.
// Every node and relationship carries the property txn = k. A census reads the whole database
// and sorts every k it finds into "whole" (exactly the expected shape) or "torn" (anything else).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "pactgraph/database.h"

namespace pactgraph::reliability {

constexpr uint64_t kBulkEvery = 5;
constexpr uint64_t kBulkNodes = 10;

// Applies transaction k and commits it; ok means acknowledged (durable as configured).
Status ApplyTxn(Database* db, uint64_t k);

struct Census {
  std::set<uint64_t> whole;
  std::vector<std::string> torn;  // descriptions of partly-present transactions
  uint64_t counter_last = 0;      // the Counter node's `last` (0 when absent)
  uint64_t max_k() const { return whole.empty() ? 0 : *whole.rbegin(); }
};
Status TakeCensus(const GraphReader& reader, Census* out);

// True when `whole` is exactly {1..max}.
bool IsPrefix(const std::set<uint64_t>& whole);

}  // namespace pactgraph::reliability

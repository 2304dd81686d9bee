// engine/graph/snapshot_cache.h — keeping GraphSnapshots in step with a Database.
//
// A SnapshotCache hands out the GraphSnapshot of its database's latest committed state. It
// remembers the Database::version() each snapshot was built at and rebuilds (a full scan,
// O(nodes + relationships), plus one GetRelationship per relationship when weights or dates
// are asked for) the first time it is asked after a commit. Snapshots are immutable and
// shared: a caller holding an old one keeps a consistent, if stale, view. One entry is kept
// per distinct SnapshotOptions. Thread-safe; a rebuild happens under the cache's lock.
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "pactgraph/database.h"

namespace pactgraph::graph {

class SnapshotCache {
 public:
  // `db` must outlive the cache.
  explicit SnapshotCache(Database* db) : db_(db) {}

  Result<SnapshotPtr> Get(const SnapshotOptions& options = {});
  // How many snapshots were built so far (for tests and statistics).
  uint64_t builds() const;

 private:
  struct Entry {
    SnapshotOptions options;
    uint64_t version = 0;
    SnapshotPtr snapshot;
  };
  Database* db_;
  mutable std::mutex mu_;
  std::vector<Entry> entries_;
  uint64_t builds_ = 0;
};

}  // namespace pactgraph::graph

// engine/graph/snapshot_cache.cpp — rebuild-on-version-change cache of GraphSnapshots.
#include "engine/graph/snapshot_cache.h"

namespace pactgraph::graph {

Result<SnapshotPtr> SnapshotCache::Get(const SnapshotOptions& options) {
  std::lock_guard<std::mutex> lock(mu_);
  // Read the version before the reader: a commit in between makes the entry look stale
  // next time (an extra rebuild), never fresh when it is not.
  const uint64_t version = db_->version();
  for (Entry& e : entries_) {
    if (e.options == options && e.version == version) return e.snapshot;
  }
  std::unique_ptr<GraphReader> reader = db_->NewReader();
  PG_ASSIGN_OR_RETURN(SnapshotPtr snapshot, GraphSnapshot::Build(*reader, options));
  ++builds_;
  for (Entry& e : entries_) {
    if (e.options == options) {
      e.version = version;
      e.snapshot = snapshot;
      return snapshot;
    }
  }
  entries_.push_back(Entry{options, version, snapshot});
  return snapshot;
}

uint64_t SnapshotCache::builds() const {
  std::lock_guard<std::mutex> lock(mu_);
  return builds_;
}

}  // namespace pactgraph::graph

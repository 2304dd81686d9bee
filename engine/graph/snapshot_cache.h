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

// The GraphSnapshot of what `reader` sees, shared with earlier callers that saw the same
// state: readers that name their state (storage::ReaderExtensions::StateToken — snapshot
// readers do, and a read-only instance's readers between two catch-ups) share a process-wide
// cache holding the most recent kSharedSnapshots snapshots, and across processes a snapshot
// file in the database directory (snapshot_file.h; not for read-only instances, which write
// nothing there), so a new process loads the copy instead of scanning the store; other
// readers (write transactions) get a fresh build each time. Lets
// `CALL algo.*` procedures and the shell's path commands reuse one CSR copy across queries
// until the next commit. Thread-safe; concurrent callers may build the same state twice.
inline constexpr size_t kSharedSnapshots = 2;
Result<SnapshotPtr> SharedSnapshot(const GraphReader& reader, const SnapshotOptions& options);
// A snapshot of exactly the state named by `token` (storage::ReaderExtensions::StateToken)
// without building one: any options' snapshot in the process-wide cache (they all hold the
// same topology), else, when `db_dir` is not empty, a snapshot file of that state in
// `<db_dir>/snapshots` (the topology file first; a loaded one joins the cache). NotFound when
// there is none. CompactReader uses it.
Result<SnapshotPtr> CurrentSnapshot(const std::string& token, const std::string& db_dir);

// Puts `snapshot`, built by the caller from `reader`, into the process-wide cache under the
// reader's state token (nothing happens for a reader without one), so later SharedSnapshot
// and CurrentSnapshot calls at that state reuse it.
void OfferSnapshot(const GraphReader& reader, const SnapshotPtr& snapshot);

// Snapshots SharedSnapshot built from the store, and loaded from snapshot files
// (snapshot_file.h), so far (for tests).
uint64_t SharedSnapshotBuilds();
uint64_t SharedSnapshotLoads();
// Forgets the process-wide snapshots (tests: what a new process would see).
void ClearSharedSnapshots();

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

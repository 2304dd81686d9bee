// engine/graph/snapshot_file.h — GraphSnapshots kept on disk, so a new process does not copy
// the whole graph out of RocksDB before its first path search or algorithm.
//
// A snapshot file holds the columns a GraphSnapshot is built from (node ids and labels,
// relationship ids, types and endpoints, the optional weight and date columns, the type and
// label names) and the state token of the reader it was built from: the RocksDB identity and
// sequence number, i.e. exactly one committed state. Loading checks the token, so a file
// written before the latest commit is never used; the adjacency itself is rebuilt from the
// columns at load (a counting sort, O(nodes + relationships), ~10x cheaper than the scans).
//
// Where: `<database>/snapshots/<options>.pgsnap`, one file per SnapshotOptions (topology only,
// or with a weight and/or date property). Written to a temporary name and renamed, so a
// reader never sees half a file and two processes may race harmlessly. RocksDB ignores the
// folder. A file is refreshed lazily: the first search after a commit rebuilds the snapshot
// from the store and overwrites it.
//
// Format (little-endian; docs/storage.md): the magic "PGSNAP01", a u32 format version, the
// token, then the columns as length-prefixed arrays, then a 64-bit checksum of everything
// before it. Anything that does not match — magic, version, token, lengths, checksum — makes
// Load return NotFound (stale) or Corruption (damaged); callers rebuild in both cases.
#pragma once

#include <string>

#include "engine/graph/graph_snapshot.h"
#include "pactgraph/status.h"

namespace pactgraph::graph {

inline constexpr uint32_t kSnapshotFileVersion = 1;

// The file for `options` under database directory `db_dir`.
std::string SnapshotFilePath(const std::string& db_dir, const SnapshotOptions& options);

// Writes `snapshot` for `token` to `path` (creating its folder). IOError on failure; the old
// file, if any, is left as it was.
Status SaveSnapshot(const GraphSnapshot& snapshot, const std::string& token,
                    const std::string& path);

// True when the two hold the same columns (what Save writes).
bool SameSnapshot(const GraphSnapshot& a, const GraphSnapshot& b);

// The snapshot stored at `path` when it was written for `token`. NotFound when the file is
// missing or holds another state; Corruption when it is damaged.
Result<SnapshotPtr> LoadSnapshot(const std::string& path, const std::string& token);

}  // namespace pactgraph::graph

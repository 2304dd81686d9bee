// pactgraph/database.h — opening an embedded pactgraph database.
//
// A database is one directory holding a RocksDB instance with pactgraph's column families and
// a format version. One process may write at a time (RocksDB's LOCK file); other processes may
// open it with `read_only` as RocksDB secondary instances and call CatchUp() to see new
// commits. Inside a process, a Database is thread-safe: many snapshots may be read
// concurrently, and write transactions are serialised (BeginWrite blocks while another
// writer or bulk loader is alive).
#pragma once

#include <memory>
#include <string>

#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph {

struct Options {
  bool create_if_missing = true;  // create the directory and database on first open
  bool read_only = false;         // open as a secondary (reader) instance; no writes
  bool sync = false;  // fsync the WAL on every commit: survives power loss, not just kill -9
  size_t block_cache_mb = 256;
  // Memory a bulk load may use for its sorted keys before spilling sorted runs to temporary
  // files in the database directory (merged at Finish). 0 means no limit.
  size_t bulk_load_memory_mb = 256;
  // Where a read-only instance keeps its own small files; default: a fresh temp directory.
  std::string secondary_path;
};

class Database {
 public:
  virtual ~Database() = default;

  // Errors: Busy ("database at PATH is in use by another process"), NotFound (missing and
  // !create_if_missing), InvalidArgument (a directory that is not a pactgraph database),
  // VersionMismatch, IOError, Corruption.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, const Options& options);

  // A consistent read-only view of the latest committed state.
  virtual std::unique_ptr<GraphReader> NewReader() = 0;
  // A write transaction. InvalidArgument on a read-only database.
  virtual Result<std::unique_ptr<GraphWriter>> BeginWrite() = 0;
  virtual Result<std::unique_ptr<BulkLoader>> BeginBulkLoad() = 0;

  // Read-only instances: catch up with the writer's latest commits. No-op for writers.
  virtual Status CatchUp() = 0;

  virtual const std::string& path() const = 0;
  virtual bool read_only() const = 0;
  // Bumped on every commit made through this object; lets caches (e.g. the CSR copy used by
  // graph algorithms) know when to rebuild. Read-only instances bump it on CatchUp().
  virtual uint64_t version() const = 0;
};

}  // namespace pactgraph

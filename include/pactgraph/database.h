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
#include <vector>

#include "pactgraph/export.h"
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
  // A write-ahead log damaged in the middle (not merely cut short by a crash) makes Open fail
  // with Corruption: opening would drop the acknowledged writes after the damage. With
  // `recover`, such a database opens keeping every write before the damage, and the recovery
  // is recorded (Check reports it from then on). Without damage, `recover` changes nothing.
  bool recover = false;
};

// What Database::Check examined and found.
struct CheckReport {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t articles = 0;
  uint64_t evidence = 0;
  uint64_t adjacency_entries = 0;
  uint64_t label_entries = 0;
  uint64_t name_entries = 0;
  uint64_t hash_entries = 0;
  uint64_t dictionary_entries = 0;
  // What is wrong: the first kMaxProblems descriptions, and how many there were in all.
  static constexpr size_t kMaxProblems = 100;
  std::vector<std::string> problems;
  uint64_t problem_count = 0;
  // What is worth knowing but not wrong (e.g. a derived file of an older state).
  std::vector<std::string> notes;

  bool sound() const { return problem_count == 0; }
  void Add(std::string problem) {
    if (problems.size() < kMaxProblems) problems.push_back(std::move(problem));
    ++problem_count;
  }
};

class PACTGRAPH_EXPORT Database {
 public:
  virtual ~Database() = default;

  // Errors: Busy ("database at PATH is in use by another process"), NotFound (missing and
  // !create_if_missing), InvalidArgument (a directory that is not a pactgraph database),
  // VersionMismatch, IOError, Corruption.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, const Options& options);

  // A consistent read-only view of the latest committed state. Readers, writers and bulk
  // loaders must be destroyed before the Database that made them.
  virtual std::unique_ptr<GraphReader> NewReader() = 0;
  // A write transaction. InvalidArgument on a read-only database.
  virtual Result<std::unique_ptr<GraphWriter>> BeginWrite() = 0;
  virtual Result<std::unique_ptr<BulkLoader>> BeginBulkLoad() = 0;

  // Read-only instances: catch up with the writer's latest commits. No-op for writers.
  virtual Status CatchUp() = 0;

  // Verifies the stored invariants at one snapshot (docs/storage.md): every key and value
  // decodes; every relationship has its two adjacency entries and every entry its
  // relationship; every index entry points to a live record that carries it, and every record
  // is indexed; evidence points to a stored relationship and article; counters and id
  // allocators agree with a recount. Findings go to `report`; the Status is non-ok only when
  // the check could not run (I/O error). Read-only instances may check. O(database size).
  virtual Status Check(CheckReport* report) = 0;

  virtual const std::string& path() const = 0;
  virtual bool read_only() const = 0;
  // Bumped on every commit made through this object; lets caches (e.g. the CSR copy used by
  // graph algorithms) know when to rebuild. Read-only instances bump it on CatchUp().
  virtual uint64_t version() const = 0;
};

}  // namespace pactgraph

// storage/rocks_database.h — the RocksDB-backed Database (internal to storage/).
//
// Owns the rocksdb::DB, its column family handles, the in-memory dictionary of labels, types
// and property keys (append-only, loaded at open), and the id counters. Writers are serialised
// by write_mu_; readers are lock-free snapshots.
#pragma once

#include <rocksdb/db.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pactgraph/database.h"
#include "storage/format.h"

namespace pactgraph::storage {

// Translates a RocksDB status into pactgraph's error model (the one place that does).
Status FromRocks(const rocksdb::Status& s, const std::string& context = "");

// Labels, relationship types and property keys, interned to dense ids from 1. Thread-safe.
class Dictionary {
 public:
  std::optional<uint32_t> Find(char kind, std::string_view name) const;
  std::string Name(char kind, uint32_t id) const;  // "" when unknown
  std::vector<std::string> All(char kind) const;
  uint32_t NextId(char kind) const;
  void Add(char kind, uint32_t id, const std::string& name);
  // Forgets ids >= next_id (undoes the Adds of a transaction whose commit failed).
  void Truncate(char kind, uint32_t next_id);

 private:
  struct Table {
    std::vector<std::string> names{""};  // index = id; id 0 unused
    std::unordered_map<std::string, uint32_t> ids;
  };
  Table& TableFor(char kind);
  const Table& TableFor(char kind) const;
  mutable std::shared_mutex mu_;
  Table types_, labels_, keys_;
};

struct IdCounters {
  uint64_t next_node = 1;
  uint64_t next_rel = 1;
  uint64_t next_article = 1;
  uint64_t next_evidence = 1;
};

class RocksDatabase final : public Database {
 public:
  // `env`: for fault-injection tests (tests/reliability/fault_fs.h); null means the default.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, const Options& options,
                                                rocksdb::Env* env = nullptr);
  ~RocksDatabase() override;

  std::unique_ptr<GraphReader> NewReader() override;
  Result<std::unique_ptr<GraphWriter>> BeginWrite() override;
  Result<std::unique_ptr<BulkLoader>> BeginBulkLoad() override;
  Status CatchUp() override;
  Status Check(CheckReport* report) override;
  const std::string& path() const override { return path_; }
  bool read_only() const override { return options_.read_only; }
  uint64_t version() const override { return version_.load(); }

  // For readers, writers and the bulk loader.
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(int which) const { return handles_[which]; }
  Dictionary& dict() { return dict_; }
  const rocksdb::WriteOptions& write_options() const { return write_options_; }
  std::unique_lock<std::mutex> LockWriter() { return std::unique_lock<std::mutex>(write_mu_); }
  // Id counters as last committed; only the holder of the writer lock may Set them.
  IdCounters ids() const;
  void SetIds(const IdCounters& ids);
  void BumpVersion() { version_.fetch_add(1); }
  uint64_t DiskBytes() const;

 private:
  RocksDatabase(std::string path, Options options);
  Status OpenRocks();
  Status InitOrCheckMeta();
  Status LoadState();       // dictionary and id counters
  Status RecordRecovery();  // after an open that recovered from a damaged log

  std::string path_;
  Options options_;
  rocksdb::Env* env_ = nullptr;
  std::string secondary_path_;  // owned temp dir of a read-only instance
  bool recovered_ = false;      // this open dropped a damaged log's tail (Options::recover)
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::WriteOptions write_options_;
  Dictionary dict_;
  mutable std::mutex ids_mu_;
  IdCounters ids_;
  std::mutex write_mu_;
  std::atomic<uint64_t> version_{0};
};

}  // namespace pactgraph::storage

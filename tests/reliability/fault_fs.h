// tests/reliability/fault_fs.h — a fault-injecting RocksDB FileSystem for the fault tests.
//
// Wraps the default file system and counts every write (Append, PositionedAppend) and every
// sync (Sync, Fsync) of a writable file. It can fail the Nth one from now, once or for good,
// as an I/O error or as "no space left on device"; and it can simulate power loss: Crash()
// makes every later write and sync fail (nothing more reaches the disk), and after the
// database is closed DropUnsyncedData() truncates each file written through it to the length
// it had at its last sync (files never synced become empty), as a kernel losing its page cache
// would. Directory entries (creations, renames) are treated as durable.
#pragma once

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace pactgraph::reliability {

class FaultFs : public rocksdb::FileSystemWrapper {
 public:
  enum class Op { kWrite, kSync };
  FaultFs();
  const char* Name() const override { return "FaultFs"; }

  // The nth `op` from now (1 = the next) fails; with `for_good`, every one after it too.
  void FailAfter(Op op, uint64_t n, bool for_good, bool no_space = false);
  void Heal();   // no more injected faults (Crash() is not undone)
  void Crash();  // power loss: every later write and sync fails
  // Truncates every file written through this FS to its synced length. Call once the
  // database is closed. Returns how many bytes were dropped.
  uint64_t DropUnsyncedData();

  uint64_t writes() const;
  uint64_t syncs() const;
  uint64_t faults() const;  // injected failures so far
  rocksdb::Env* env() { return env_.get(); }

  // rocksdb::FileSystem
  rocksdb::IOStatus NewWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus RenameFile(const std::string& src, const std::string& dst,
                               const rocksdb::IOOptions& opts,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& fname, const rocksdb::IOOptions& opts,
                               rocksdb::IODebugContext* dbg) override;

  // Called by the file wrappers.
  rocksdb::IOStatus Check(Op op);
  void Appended(const std::string& fname, uint64_t bytes);
  void Synced(const std::string& fname);

 private:
  struct FileState {
    uint64_t size = 0;
    uint64_t synced = 0;
  };
  rocksdb::IOStatus Wrap(const std::string& fname, rocksdb::IOStatus s, uint64_t initial,
                         std::unique_ptr<rocksdb::FSWritableFile>* result);

  mutable std::mutex mu_;
  std::map<std::string, FileState> files_;
  uint64_t counts_[2] = {0, 0};
  uint64_t fail_at_[2] = {0, 0};  // 0: none; else the count at which to fail
  bool for_good_[2] = {false, false};
  bool no_space_ = false;
  bool crashed_ = false;
  uint64_t faults_ = 0;
  std::unique_ptr<rocksdb::Env> env_;
};

}  // namespace pactgraph::reliability

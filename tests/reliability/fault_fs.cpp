#include "tests/reliability/fault_fs.h"

#include <unistd.h>

#include <filesystem>

namespace pactgraph::reliability {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

class FaultFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultFile(FaultFs* fs, std::string name, std::unique_ptr<rocksdb::FSWritableFile> f)
      : FSWritableFileOwnerWrapper(std::move(f)), fs_(fs), name_(std::move(name)) {}

  IOStatus Append(const Slice& data, const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Check(FaultFs::Op::kWrite);
    if (!s.ok()) return s;
    s = target()->Append(data, o, d);
    if (s.ok()) fs_->Appended(name_, data.size());
    return s;
  }
  IOStatus Append(const Slice& data, const IOOptions& o, const rocksdb::DataVerificationInfo& v,
                  IODebugContext* d) override {
    IOStatus s = fs_->Check(FaultFs::Op::kWrite);
    if (!s.ok()) return s;
    s = target()->Append(data, o, v, d);
    if (s.ok()) fs_->Appended(name_, data.size());
    return s;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t off, const IOOptions& o,
                            IODebugContext* d) override {
    IOStatus s = fs_->Check(FaultFs::Op::kWrite);
    if (!s.ok()) return s;
    s = target()->PositionedAppend(data, off, o, d);
    if (s.ok()) fs_->Appended(name_, data.size());
    return s;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t off, const IOOptions& o,
                            const rocksdb::DataVerificationInfo& v, IODebugContext* d) override {
    IOStatus s = fs_->Check(FaultFs::Op::kWrite);
    if (!s.ok()) return s;
    s = target()->PositionedAppend(data, off, o, v, d);
    if (s.ok()) fs_->Appended(name_, data.size());
    return s;
  }
  IOStatus Sync(const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Check(FaultFs::Op::kSync);
    if (!s.ok()) return s;
    s = target()->Sync(o, d);
    if (s.ok()) fs_->Synced(name_);
    return s;
  }
  IOStatus Fsync(const IOOptions& o, IODebugContext* d) override {
    IOStatus s = fs_->Check(FaultFs::Op::kSync);
    if (!s.ok()) return s;
    s = target()->Fsync(o, d);
    if (s.ok()) fs_->Synced(name_);
    return s;
  }
  // A range sync is not a durability point: only Sync/Fsync count.
  IOStatus RangeSync(uint64_t, uint64_t, const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }

 private:
  FaultFs* fs_;
  std::string name_;
};

}  // namespace

FaultFs::FaultFs() : FileSystemWrapper(rocksdb::FileSystem::Default()) {
  env_ = rocksdb::NewCompositeEnv(std::shared_ptr<rocksdb::FileSystem>(
      std::shared_ptr<rocksdb::FileSystem>{}, this));  // aliasing: not owned
}

void FaultFs::FailAfter(Op op, uint64_t n, bool for_good, bool no_space) {
  std::lock_guard lock(mu_);
  const int i = static_cast<int>(op);
  fail_at_[i] = counts_[i] + n;
  for_good_[i] = for_good;
  no_space_ = no_space;
}

void FaultFs::Heal() {
  std::lock_guard lock(mu_);
  fail_at_[0] = fail_at_[1] = 0;
}

void FaultFs::Crash() {
  std::lock_guard lock(mu_);
  crashed_ = true;
}

IOStatus FaultFs::Check(Op op) {
  std::lock_guard lock(mu_);
  const int i = static_cast<int>(op);
  const uint64_t n = ++counts_[i];
  if (crashed_) return IOStatus::IOError("injected fault: power lost");
  if (fail_at_[i] != 0 && (n == fail_at_[i] || (for_good_[i] && n > fail_at_[i]))) {
    ++faults_;
    if (no_space_) return IOStatus::NoSpace("injected fault: no space left on device");
    return IOStatus::IOError(op == Op::kWrite ? "injected fault: write failed"
                                              : "injected fault: sync failed");
  }
  return IOStatus::OK();
}

void FaultFs::Appended(const std::string& fname, uint64_t bytes) {
  std::lock_guard lock(mu_);
  files_[fname].size += bytes;
}

void FaultFs::Synced(const std::string& fname) {
  std::lock_guard lock(mu_);
  auto& f = files_[fname];
  f.synced = f.size;
}

IOStatus FaultFs::Wrap(const std::string& fname, IOStatus s, uint64_t initial,
                       std::unique_ptr<rocksdb::FSWritableFile>* result) {
  if (!s.ok()) return s;
  {
    std::lock_guard lock(mu_);
    files_[fname] = FileState{initial, initial};
  }
  *result = std::make_unique<FaultFile>(this, fname, std::move(*result));
  return s;
}

IOStatus FaultFs::NewWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                  std::unique_ptr<rocksdb::FSWritableFile>* result,
                                  IODebugContext* dbg) {
  {
    std::lock_guard lock(mu_);
    if (crashed_) return IOStatus::IOError("injected fault: power lost");
  }
  return Wrap(fname, target()->NewWritableFile(fname, opts, result, dbg), 0, result);
}

IOStatus FaultFs::ReopenWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                     std::unique_ptr<rocksdb::FSWritableFile>* result,
                                     IODebugContext* dbg) {
  std::error_code ec;
  uint64_t size = std::filesystem::file_size(fname, ec);
  if (ec) size = 0;
  return Wrap(fname, target()->ReopenWritableFile(fname, opts, result, dbg), size, result);
}

IOStatus FaultFs::RenameFile(const std::string& src, const std::string& dst, const IOOptions& opts,
                             IODebugContext* dbg) {
  IOStatus s = target()->RenameFile(src, dst, opts, dbg);
  if (s.ok()) {
    std::lock_guard lock(mu_);
    auto it = files_.find(src);
    if (it != files_.end()) {
      files_[dst] = it->second;
      files_.erase(src);
    } else {
      files_.erase(dst);
    }
  }
  return s;
}

IOStatus FaultFs::DeleteFile(const std::string& fname, const IOOptions& opts, IODebugContext* dbg) {
  IOStatus s = target()->DeleteFile(fname, opts, dbg);
  if (s.ok()) {
    std::lock_guard lock(mu_);
    files_.erase(fname);
  }
  return s;
}

uint64_t FaultFs::DropUnsyncedData() {
  std::lock_guard lock(mu_);
  uint64_t dropped = 0;
  for (const auto& [name, st] : files_) {
    std::error_code ec;
    uint64_t size = std::filesystem::file_size(name, ec);
    if (ec || size <= st.synced) continue;
    if (::truncate(name.c_str(), static_cast<off_t>(st.synced)) == 0) dropped += size - st.synced;
  }
  files_.clear();
  return dropped;
}

uint64_t FaultFs::writes() const {
  std::lock_guard lock(mu_);
  return counts_[0];
}
uint64_t FaultFs::syncs() const {
  std::lock_guard lock(mu_);
  return counts_[1];
}
uint64_t FaultFs::faults() const {
  std::lock_guard lock(mu_);
  return faults_;
}

}  // namespace pactgraph::reliability

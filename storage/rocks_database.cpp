#include "storage/rocks_database.h"

#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "storage/check.h"
#include "storage/key_codec.h"
#include "storage/rocks_logger.h"
#include "storage/rocks_reader.h"

namespace pactgraph::storage {

namespace fs = std::filesystem;

// Defined in rocks_writer.cpp and bulk_loader.cpp.
std::unique_ptr<GraphWriter> NewRocksWriter(RocksDatabase* db, std::unique_lock<std::mutex> lock);
std::unique_ptr<BulkLoader> NewRocksBulkLoader(RocksDatabase* db, std::unique_lock<std::mutex> lock,
                                               size_t budget_bytes);

namespace {

// Cuts a names-CF key at its 0x00 separator, so all entries of one normalised name share a
// prefix and an exact lookup is a bloom-filtered prefix seek.
class NameSeparatorTransform : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "pactgraph.NameSeparator"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    const void* p = std::memchr(key.data(), '\0', key.size());
    size_t n = static_cast<const char*>(p) - key.data() + 1;
    return rocksdb::Slice(key.data(), n);
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    return std::memchr(key.data(), '\0', key.size()) != nullptr;
  }
};

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(const Options& options) {
  static std::shared_ptr<rocksdb::Cache> cache;
  if (!cache) cache = rocksdb::NewLRUCache(options.block_cache_mb << 20);
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (int i = 0; i < kNumCf; ++i) {
    rocksdb::ColumnFamilyOptions cfo;
    rocksdb::BlockBasedTableOptions t;
    t.block_cache = cache;
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    t.format_version = 5;
    cfo.compression = rocksdb::kLZ4Compression;
    cfo.bottommost_compression = rocksdb::kZSTD;
    if (i == kCfAdj) {
      cfo.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
      cfo.memtable_prefix_bloom_size_ratio = 0.05;
      t.whole_key_filtering = false;
    } else if (i == kCfNames) {
      cfo.prefix_extractor = std::make_shared<NameSeparatorTransform>();
      cfo.memtable_prefix_bloom_size_ratio = 0.05;
      t.whole_key_filtering = false;
    }
    cfo.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
    out.emplace_back(kColumnFamilyNames[i], cfo);
  }
  return out;
}

bool IsLockError(const rocksdb::Status& s) {
  const std::string m = s.ToString();
  return s.IsIOError() &&
         (m.find("lock") != std::string::npos || m.find("LOCK") != std::string::npos);
}

// Files RocksDB writes while creating a database, before CURRENT exists (a creation that failed,
// e.g. on a full disk): no data was ever stored, so creating the database afresh loses nothing.
bool IsUnfinishedCreation(const std::string& path) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(path, ec)) {
    const std::string n = e.path().filename().string();
    const bool leftover = n == "LOCK" || n == "IDENTITY" || n.rfind("LOG", 0) == 0 ||
                          n.rfind("MANIFEST-", 0) == 0 || n.rfind("OPTIONS-", 0) == 0 ||
                          n.ends_with(".dbtmp") ||
                          (n.ends_with(".log") && e.is_regular_file(ec) && e.file_size(ec) == 0);
    if (!leftover) return false;
  }
  return !ec;
}

// Whether `file` exists, without throwing: a permission error is an IOError (before, the
// throwing fs::exists escaped as std::filesystem::filesystem_error and aborted the CLI).
Result<bool> FileExists(const fs::path& file) {
  std::error_code ec;
  auto st = fs::status(file, ec);
  if (st.type() == fs::file_type::not_found) return false;
  if (ec) {
    return Status::IOError("cannot read " + file.string() + ": " + ec.message() +
                           " (check the permissions of the database directory)");
  }
  return true;
}

// Whether an OPTIONS file RocksDB wrote in `path` names pactgraph's column families: the
// directory held a pactgraph database even if its MANIFEST no longer says so.
bool OptionsNamePactgraphFamilies(const std::string& path) {
  std::error_code ec;
  const std::string marker = std::string("[CFOptions \"") + kColumnFamilyNames[1] + "\"]";
  for (const auto& e : fs::directory_iterator(path, ec)) {
    if (e.path().filename().string().rfind("OPTIONS-", 0) != 0) continue;
    std::ifstream in(e.path());
    for (std::string line; std::getline(in, line);) {
      if (line.find(marker) != std::string::npos) return true;
    }
  }
  return false;
}

Status DamagedManifest(const std::string& path, const std::string& what) {
  return Status::Corruption("the database at " + path + " is corrupt: " + what +
                            "; nothing was changed (restore it from a backup or an export)");
}

// True when every column family in `names` is empty and all of them are pactgraph's: what a
// creation that failed between RocksDB's first commit and the last column family leaves.
bool IsEmptyRocks(const rocksdb::DBOptions& dbo, const std::string& path,
                  const std::vector<std::string>& names) {
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const auto& n : names) {
    if (std::find(std::begin(kColumnFamilyNames), std::end(kColumnFamilyNames), n) ==
        std::end(kColumnFamilyNames)) {
      return false;
    }
    cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  if (!rocksdb::DB::OpenForReadOnly(dbo, path, cfs, &handles, &raw).ok()) return false;
  std::unique_ptr<rocksdb::DB> db(raw);
  bool empty = true;
  for (auto* h : handles) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    it->SeekToFirst();
    empty = empty && !it->Valid() && it->status().ok();
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  return empty;
}

std::string U64(uint64_t v) {
  std::string s;
  PutU64BE(&s, v);
  return s;
}

}  // namespace

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::OK();
  std::string msg = context.empty() ? s.ToString() : context + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  if (s.IsNotSupported()) return Status::NotSupported(msg);
  if (s.IsBusy() || s.IsTryAgain() || s.IsTimedOut()) return Status::Busy(msg);
  if (s.IsIOError()) {
    if (s.IsNoSpace()) return Status::IOError("no space left on device: " + msg);
    return Status::IOError(msg);
  }
  return Status::IOError(msg);
}

// --- Dictionary ----------------------------------------------------------------------------

Dictionary::Table& Dictionary::TableFor(char kind) {
  return kind == kDictType ? types_ : kind == kDictLabel ? labels_ : keys_;
}
const Dictionary::Table& Dictionary::TableFor(char kind) const {
  return kind == kDictType ? types_ : kind == kDictLabel ? labels_ : keys_;
}

std::optional<uint32_t> Dictionary::Find(char kind, std::string_view name) const {
  std::shared_lock lock(mu_);
  const Table& t = TableFor(kind);
  auto it = t.ids.find(std::string(name));
  if (it == t.ids.end()) return std::nullopt;
  return it->second;
}

std::string Dictionary::Name(char kind, uint32_t id) const {
  std::shared_lock lock(mu_);
  const Table& t = TableFor(kind);
  return id < t.names.size() ? t.names[id] : std::string();
}

std::vector<std::string> Dictionary::All(char kind) const {
  std::shared_lock lock(mu_);
  const Table& t = TableFor(kind);
  return std::vector<std::string>(t.names.begin() + 1, t.names.end());
}

uint32_t Dictionary::NextId(char kind) const {
  std::shared_lock lock(mu_);
  return static_cast<uint32_t>(TableFor(kind).names.size());
}

void Dictionary::Add(char kind, uint32_t id, const std::string& name) {
  std::unique_lock lock(mu_);
  Table& t = TableFor(kind);
  if (t.names.size() <= id) t.names.resize(id + 1);
  t.names[id] = name;
  t.ids[name] = id;
}

void Dictionary::Truncate(char kind, uint32_t next_id) {
  std::unique_lock lock(mu_);
  Table& t = TableFor(kind);
  while (t.names.size() > next_id && t.names.size() > 1) {
    t.ids.erase(t.names.back());
    t.names.pop_back();
  }
}

// --- RocksDatabase -------------------------------------------------------------------------

RocksDatabase::RocksDatabase(std::string path, Options options)
    : path_(std::move(path)), options_(std::move(options)) {
  write_options_.sync = options_.sync;
}

RocksDatabase::~RocksDatabase() {
  if (db_) {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
    handles_.clear();
    db_->Close().PermitUncheckedError();
    db_.reset();
  }
  if (!secondary_path_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_path_, ec);
  }
}

Result<std::unique_ptr<Database>> RocksDatabase::Open(const std::string& path,
                                                      const Options& options, rocksdb::Env* env) {
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec && st.type() != fs::file_type::not_found) {
    return Status::IOError("cannot read database directory " + path + ": " + ec.message());
  }
  if (!fs::exists(st)) {
    if (!options.create_if_missing || options.read_only) {
      return Status::NotFound("no database at " + path);
    }
    if (!fs::create_directories(path, ec) && ec) {
      return Status::IOError("cannot create database directory " + path + ": " + ec.message());
    }
    ::chmod(path.c_str(), 0700);
  } else if (!fs::is_directory(st)) {
    return Status::InvalidArgument(path + " is not a pactgraph database (not a directory)");
  } else if (::access(path.c_str(), R_OK | X_OK) != 0) {
    return Status::IOError("cannot read database directory " + path + ": " + std::strerror(errno));
  } else if (auto current = FileExists(fs::path(path) / "CURRENT"); !current.ok()) {
    return current.status();
  } else if (!*current) {
    if (!fs::is_empty(path, ec) && !IsUnfinishedCreation(path)) {
      return Status::InvalidArgument(path + " is not a pactgraph database (no database files)");
    }
    if (options.read_only) return Status::NotFound("no database at " + path);
    ::chmod(path.c_str(), 0700);  // a new database in an existing empty directory: private too
  }
  if (!options.read_only && ::access(path.c_str(), W_OK) != 0) {
    return Status::IOError("database directory " + path + " is not writable");
  }
  std::unique_ptr<RocksDatabase> db(new RocksDatabase(path, options));
  db->env_ = env;
  PG_RETURN_IF_ERROR(db->OpenRocks());
  PG_RETURN_IF_ERROR(db->InitOrCheckMeta());
  if (db->recovered_) PG_RETURN_IF_ERROR(db->RecordRecovery());
  PG_RETURN_IF_ERROR(db->LoadState());
  if (!options.read_only) {
    // Staging directories of bulk imports that never finished (crash): their data was never
    // ingested, so they are garbage.
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().filename().string().rfind(kImportStagingPrefix, 0) == 0) {
        fs::remove_all(entry.path(), ec);
      }
    }
  }
  return std::unique_ptr<Database>(std::move(db));
}

Status RocksDatabase::OpenRocks() {
  rocksdb::DBOptions dbo;
  if (env_ != nullptr) dbo.env = env_;
  dbo.create_if_missing = !options_.read_only;
  dbo.create_missing_column_families = false;
  dbo.IncreaseParallelism(2);
  // Opening loads table handlers with up to 16 threads per column family by default: ~150
  // thread starts for a handful of files, most of a cold command's system time.
  dbo.max_file_opening_threads = 1;
  dbo.info_log_level = rocksdb::WARN_LEVEL;
  dbo.keep_log_file_num = 2;
  // Our own LOG writer: RocksDB's aborts on a full disk (storage/rocks_logger.h).
  if (!options_.read_only) dbo.info_log = OpenInfoLog(path_, dbo.info_log_level);
  dbo.max_manifest_file_size = 64 << 20;
  auto descriptors = Descriptors(options_);
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  PG_ASSIGN_OR_RETURN(bool current, FileExists(fs::path(path_) / "CURRENT"));
  bool fresh = !current;
  if (!fresh) {
    std::vector<std::string> existing;
    s = rocksdb::DB::ListColumnFamilies(dbo, path_, &existing);
    if (!s.ok()) {
      // CURRENT names a MANIFEST that is unreadable, missing or damaged: a broken database,
      // not a foreign one (exit 3); a permission problem is an I/O error.
      if (s.IsIOError() && s.ToString().find("ermission denied") != std::string::npos) {
        return Status::IOError("cannot read the database at " + path_ + " (" + s.ToString() + ")");
      }
      if (s.IsCorruption() || s.IsIOError() || OptionsNamePactgraphFamilies(path_)) {
        return DamagedManifest(
            path_, "its CURRENT or MANIFEST file cannot be read (" + s.ToString() + ")");
      }
      return Status::InvalidArgument(path_ + " is not a pactgraph database (" + s.ToString() + ")");
    }
    for (int i = 1; i < kNumCf; ++i) {
      if (std::find(existing.begin(), existing.end(), kColumnFamilyNames[i]) == existing.end()) {
        if (OptionsNamePactgraphFamilies(path_) && !IsEmptyRocks(dbo, path_, existing)) {
          return DamagedManifest(path_,
                                 "its MANIFEST does not list pactgraph's column families "
                                 "although the database was created with them");
        }
        if (options_.read_only || !IsEmptyRocks(dbo, path_, existing)) {
          return Status::InvalidArgument(path_ + " is not a pactgraph database (a RocksDB " +
                                         "database without pactgraph's column families)");
        }
        dbo.create_missing_column_families = true;  // a creation interrupted (e.g. disk full)
      }
    }
  } else {
    dbo.create_missing_column_families = true;
  }
  // A record cut short at the end of the last log is a write that was never acknowledged (a
  // crash during it): tolerated. Damage anywhere else would silently drop acknowledged writes
  // under RocksDB's default (point-in-time) mode, so it is an error unless recovery is asked.
  dbo.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  if (options_.read_only) {
    dbo.max_open_files = -1;
    std::string tmpl = (fs::temp_directory_path() / "pactgraph-reader-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) return Status::IOError("cannot create a temp directory");
    secondary_path_ = tmpl;
    dbo.info_log = OpenInfoLog(secondary_path_, dbo.info_log_level);
    s = rocksdb::DB::OpenAsSecondary(dbo, path_, secondary_path_, descriptors, &handles_, &raw);
    // One catch-up right after the open: the open reads the MANIFEST and then the logs, and a
    // writer flushing or closing in between left some column families of the opened view
    // behind others (a `--read-only check` beside an ingest saw counters, or relationships,
    // one ingest run ahead of the articles or nodes: 2 of 65 runs). The catch-up brings all
    // families to one point (0 of 120 runs since); issue 14, item 5.
    if (s.ok()) s = raw->TryCatchUpWithPrimary();
  } else {
    s = rocksdb::DB::Open(dbo, path_, descriptors, &handles_, &raw);
    if (s.IsCorruption() && options_.recover) {
      dbo.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
      handles_.clear();
      s = rocksdb::DB::Open(dbo, path_, descriptors, &handles_, &raw);
      recovered_ = s.ok();
    }
  }
  if (s.IsCorruption()) {
    return Status::Corruption(
        "the database at " + path_ + " is damaged (" + s.ToString() +
        "); nothing was changed. If the damage is in the write-ahead log (*.log), open it once " +
        "with --recover (Options::recover) to keep every write before the damage and drop " +
        "those after it; the recovery is recorded and `pactgraph check` reports it");
  }
  if (IsLockError(s)) {
    return Status::Busy("database at " + path_ + " is in use by another process");
  }
  if (!s.ok()) return FromRocks(s, "cannot open database at " + path_);
  db_.reset(raw);
  return Status::OK();
}

Status RocksDatabase::InitOrCheckMeta() {
  std::string magic;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(kCfMeta), kMetaMagic, &magic);
  if (s.IsNotFound()) {
    if (options_.read_only) return Status::InvalidArgument(path_ + " is not a pactgraph database");
    // A new database: is it really empty?
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(kCfNodes)));
    it->SeekToFirst();
    if (it->Valid()) return Status::InvalidArgument(path_ + " is not a pactgraph database");
    rocksdb::WriteBatch b;
    b.Put(cf(kCfMeta), kMetaMagic, kMagic);
    b.Put(cf(kCfMeta), kMetaFormatVersion, U64(kFormatVersion));
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return FromRocks(db_->Write(wo, &b), "cannot initialise database");
  }
  PG_RETURN_IF_ERROR(FromRocks(s, "cannot read database metadata"));
  if (magic != kMagic) return Status::InvalidArgument(path_ + " is not a pactgraph database");
  std::string ver;
  PG_RETURN_IF_ERROR(
      FromRocks(db_->Get(rocksdb::ReadOptions(), cf(kCfMeta), kMetaFormatVersion, &ver)));
  uint64_t v = ver.size() == 8 ? GetU64BE(ver.data()) : 0;
  if (v != kFormatVersion) {
    return Status::VersionMismatch("database at " + path_ + " has format version " +
                                   std::to_string(v) + "; this pactgraph reads version " +
                                   std::to_string(kFormatVersion));
  }
  return Status::OK();
}

Status RocksDatabase::LoadState() {
  rocksdb::ReadOptions ro;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(kCfDict)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto k = DictKey::Decode(std::string_view(it->key().data(), it->key().size()));
    if (!k) return Status::Corruption("bad dictionary key in " + path_);
    dict_.Add(k->kind, k->id, it->value().ToString());
  }
  PG_RETURN_IF_ERROR(FromRocks(it->status()));
  IdCounters ids;
  auto read = [&](const char* key, uint64_t* out) -> Status {
    std::string v;
    rocksdb::Status s = db_->Get(ro, cf(kCfMeta), key, &v);
    if (s.IsNotFound()) return Status::OK();
    PG_RETURN_IF_ERROR(FromRocks(s));
    if (v.size() != 8) return Status::Corruption(std::string("bad meta value ") + key);
    *out = GetU64BE(v.data());
    return Status::OK();
  };
  PG_RETURN_IF_ERROR(read(kMetaNextNode, &ids.next_node));
  PG_RETURN_IF_ERROR(read(kMetaNextRel, &ids.next_rel));
  PG_RETURN_IF_ERROR(read(kMetaNextArticle, &ids.next_article));
  PG_RETURN_IF_ERROR(read(kMetaNextEvidence, &ids.next_evidence));
  SetIds(ids);
  return Status::OK();
}

IdCounters RocksDatabase::ids() const {
  std::lock_guard lock(ids_mu_);
  return ids_;
}

void RocksDatabase::SetIds(const IdCounters& ids) {
  std::lock_guard lock(ids_mu_);
  ids_ = ids;
}

uint64_t RocksDatabase::DiskBytes() const {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

std::unique_ptr<GraphReader> RocksDatabase::NewReader() {
  return std::make_unique<SnapshotReader>(this);
}

Result<std::unique_ptr<GraphWriter>> RocksDatabase::BeginWrite() {
  if (options_.read_only) {
    return Status::InvalidArgument("database at " + path_ + " is open read-only");
  }
  return NewRocksWriter(this, LockWriter());
}

Result<std::unique_ptr<BulkLoader>> RocksDatabase::BeginBulkLoad() {
  if (options_.read_only) {
    return Status::InvalidArgument("database at " + path_ + " is open read-only");
  }
  return NewRocksBulkLoader(this, LockWriter(), options_.bulk_load_memory_mb << 20);
}

Status RocksDatabase::Check(CheckReport* report) {
  PG_RETURN_IF_ERROR(CheckDatabase(this, report));
  std::string recoveries;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(kCfMeta), kMetaRecoveries, &recoveries);
  if (!s.IsNotFound()) PG_RETURN_IF_ERROR(FromRocks(s, "cannot read database metadata"));
  size_t start = 0;
  while (start < recoveries.size()) {
    size_t end = recoveries.find('\n', start);
    if (end == std::string::npos) end = recoveries.size();
    const std::string entry = recoveries.substr(start, end - start);
    const size_t space = entry.find(' ');
    report->notes.push_back("opened with --recover at " + entry.substr(0, space) +
                            " after damage to the write-ahead log: writes after sequence " +
                            (space == std::string::npos ? "?" : entry.substr(space + 1)) +
                            " were dropped");
    start = end + 1;
  }
  return Status::OK();
}

// Appends "<UTC time> <sequence>" to the meta record of recoveries (synced: it must survive).
Status RocksDatabase::RecordRecovery() {
  std::string recoveries;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(kCfMeta), kMetaRecoveries, &recoveries);
  if (!s.IsNotFound()) PG_RETURN_IF_ERROR(FromRocks(s, "cannot read database metadata"));
  char when[32];
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (!recoveries.empty()) recoveries += '\n';
  recoveries += std::string(when) + " " + std::to_string(db_->GetLatestSequenceNumber());
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Put(wo, cf(kCfMeta), kMetaRecoveries, recoveries),
                   "cannot record the recovery");
}

Status RocksDatabase::CatchUp() {
  if (!options_.read_only) return Status::OK();
  PG_RETURN_IF_ERROR(FromRocks(db_->TryCatchUpWithPrimary(), "cannot catch up with the writer"));
  PG_RETURN_IF_ERROR(LoadState());
  BumpVersion();
  return Status::OK();
}

}  // namespace pactgraph::storage

namespace pactgraph {
Result<std::unique_ptr<Database>> Database::Open(const std::string& path, const Options& options) {
  return storage::RocksDatabase::Open(path, options);
}
}  // namespace pactgraph

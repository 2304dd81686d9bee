// Bulk loading: every key of an import is collected in memory, sorted per column family,
// written to one SST file per column family with SstFileWriter, and ingested with a single
// IngestExternalFiles call — atomic across column families, so a crash leaves the database
// with all of the import or none of it. Counters and id allocators travel in the same
// ingestion (a meta-CF file), so they can never disagree with the data.
//
// Memory is bounded by Options::bulk_load_memory_mb: when the collected keys outgrow it, each
// column family's keys are sorted and spilled as a run (an uncompressed SST file) into the
// load's staging directory inside the database directory; Finish then merges the runs of each
// column family into its one SST file (a k-way merge over SstFileReader iterators) before the
// same single ingestion. A load that fits stays on the in-memory path. The staging directory
// is removed when the loader finishes or is abandoned, and at the next open after a crash.
//
// Ingested files sit on the bottom level and are never merged by RocksDB, so many small
// loads would leave many small files: after an ingestion, a column family holding more than
// kCompactFileThreshold small files is compacted (CompactRange, bottom level forced).
#include <rocksdb/sst_file_reader.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "storage/key_codec.h"
#include "storage/normalize.h"
#include "storage/rocks_database.h"
#include "storage/value_codec.h"

namespace pactgraph::storage {
namespace {

namespace fs = std::filesystem;
using KV = std::pair<std::string, std::string>;

// A column family holding more than kCompactFileThreshold files smaller than kSmallFileBytes
// after an ingestion is compacted. Only small files count: a large column family is made of
// many full-size files (64 MB) and must not be rewritten after every load.
constexpr size_t kCompactFileThreshold = 16;
constexpr uint64_t kSmallFileBytes = 16 << 20;

std::string U64(uint64_t v) {
  std::string s;
  PutU64BE(&s, v);
  return s;
}

// Heap bytes a string owns beyond its own object (0 for the small-string buffer).
size_t HeapBytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

bool AdjLess(const AdjKey& a, const AdjKey& b) {
  return std::tie(a.node, a.dir, a.type, a.other, a.rel) <
         std::tie(b.node, b.dir, b.type, b.other, b.rel);
}
bool LabelLess(const LabelKey& a, const LabelKey& b) {
  return std::tie(a.label, a.node) < std::tie(b.label, b.node);
}

// Options for spilled runs: read once by the merge, so no compression and no filters.
rocksdb::Options RunOptions(rocksdb::Env* env) {
  rocksdb::Options o;
  o.env = env;  // the database's (tests inject faults through it)
  o.compression = rocksdb::kNoCompression;
  o.bottommost_compression = rocksdb::kDisableCompressionOption;
  rocksdb::BlockBasedTableOptions t;
  t.block_size = 64 << 10;
  t.no_block_cache = true;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

class RocksBulkLoader final : public BulkLoader {
 public:
  RocksBulkLoader(RocksDatabase* db, std::unique_lock<std::mutex> lock, size_t budget_bytes)
      : db_(db),
        lock_(std::move(lock)),
        base_(db->ids()),
        ids_(base_),
        reader_(db->NewReader()),
        budget_(budget_bytes) {}

  ~RocksBulkLoader() override { RemoveStaging(); }

  Result<NodeId> AddNode(const std::vector<std::string>& labels,
                         const ValueMap& properties) override {
    NodeRecord rec;
    for (const auto& l : labels) {
      if (l.empty()) return Status::InvalidArgument("a label cannot be empty");
      uint32_t id = Intern(kDictLabel, l);
      if (std::find(rec.labels.begin(), rec.labels.end(), id) == rec.labels.end()) {
        rec.labels.push_back(id);
      }
    }
    rec.properties = properties;
    PG_RETURN_IF_ERROR(InternKeys(properties));
    std::string value;
    PG_RETURN_IF_ERROR(EncodeNodeRecord(rec, &value));
    const NodeId id = ids_.next_node++;
    Put(kCfNodes, IdKey{id}.Encode(), std::move(value));
    for (uint32_t l : rec.labels) {
      labels_.push_back(LabelKey{l, id});
      label_counts_[l] += 1;
    }
    std::unordered_set<std::string> seen;
    auto add_name = [&](const Value& v) {
      if (!v.is_string()) return;
      std::string norm = NormalizeName(v.as_string());
      if (norm.empty() || !seen.insert(norm).second) return;
      Put(kCfNames, NameKey{norm, id}.Encode(), v.as_string());
    };
    if (auto it = properties.find("name"); it != properties.end()) add_name(it->second);
    if (auto it = properties.find("aliases"); it != properties.end()) {
      if (it->second.is_list()) {
        for (const auto& a : it->second.as_list()) add_name(a);
      } else {
        add_name(it->second);
      }
    }
    PG_RETURN_IF_ERROR(MaybeSpill());
    return id;
  }

  Result<RelId> AddRelationship(NodeId start, NodeId end, std::string_view type,
                                const ValueMap& properties) override {
    if (type.empty()) return Status::InvalidArgument("a relationship needs a type");
    PG_RETURN_IF_ERROR(CheckNode(start));
    PG_RETURN_IF_ERROR(CheckNode(end));
    RelRecord rec{Intern(kDictType, type), start, end, properties};
    PG_RETURN_IF_ERROR(InternKeys(properties));
    std::string value;
    PG_RETURN_IF_ERROR(EncodeRelRecord(rec, &value));
    const RelId id = ids_.next_rel++;
    Put(kCfRels, IdKey{id}.Encode(), std::move(value));
    adj_.push_back(AdjKey{start, kDirOut, rec.type, end, id});
    adj_.push_back(AdjKey{end, kDirIn, rec.type, start, id});
    type_counts_[rec.type] += 1;
    PG_RETURN_IF_ERROR(MaybeSpill());
    return id;
  }

  void Reserve(uint64_t nodes, uint64_t relationships) override {
    // Rough bytes per node and relationship (the vectors' elements plus typical heap strings).
    const double per_node = 2.0 * sizeof(KV) + sizeof(LabelKey) + 64;
    const double per_rel = sizeof(KV) + 2.0 * sizeof(AdjKey) + 48;
    double scale = 1.0;
    const double want = per_node * static_cast<double>(nodes) +
                        per_rel * static_cast<double>(relationships) + static_cast<double>(Used());
    if (budget_ > 0 && want > static_cast<double>(budget_)) {
      scale = 0.8 * static_cast<double>(budget_) / want;  // a spilling load: fill, spill, reuse
    }
    nodes = static_cast<uint64_t>(static_cast<double>(nodes) * scale);
    relationships = static_cast<uint64_t>(static_cast<double>(relationships) * scale);
    kv_[kCfNodes].reserve(kv_[kCfNodes].size() + nodes);
    kv_[kCfNames].reserve(kv_[kCfNames].size() + nodes);
    labels_.reserve(labels_.size() + nodes);
    kv_[kCfRels].reserve(kv_[kCfRels].size() + relationships);
    adj_.reserve(adj_.size() + 2 * relationships);
  }

  uint64_t pending_nodes() const override { return ids_.next_node - base_.next_node; }
  uint64_t pending_relationships() const override { return ids_.next_rel - base_.next_rel; }

  Status Finish(const std::function<void(uint64_t, uint64_t)>& progress) override {
    if (finished_) return Status::InvalidArgument("bulk load already finished");
    finished_ = true;
    if (pending_nodes() == 0 && pending_relationships() == 0) return Status::OK();
    PG_RETURN_IF_ERROR(BuildMeta());
    Status s = EnsureStaging();
    if (s.ok()) s = WriteAndIngest(progress);
    RemoveStaging();
    if (!s.ok()) return s;
    for (const auto& [kind, entries] : pending_dict_) {
      for (const auto& [id, name] : entries) db_->dict().Add(kind, id, name);
    }
    db_->SetIds(ids_);
    db_->BumpVersion();
    CompactCrowdedColumnFamilies();
    lock_.unlock();
    return Status::OK();
  }

 private:
  void Put(int cf, std::string key, std::string value) {
    heap_bytes_ += HeapBytes(key) + HeapBytes(value);
    kv_[cf].emplace_back(std::move(key), std::move(value));
  }

  // Bytes held by the collected keys: the vectors' elements and the strings' heap buffers.
  // (Vectors keep their capacity across spills, so that is at most what the first round grew.)
  size_t Used() const {
    size_t n = heap_bytes_ + adj_.size() * sizeof(AdjKey) + labels_.size() * sizeof(LabelKey);
    for (const auto& v : kv_) n += v.size() * sizeof(KV);
    return n;
  }

  Status MaybeSpill() {
    if (budget_ == 0 || Used() < budget_) return Status::OK();
    return Spill();
  }

  Status EnsureStaging() {
    if (!staging_.empty()) return Status::OK();
    std::string tmpl = db_->path() + "/" + kImportStagingPrefix + "XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) {
      return Status::IOError("cannot create a staging directory in " + db_->path());
    }
    staging_ = tmpl;
    return Status::OK();
  }

  void RemoveStaging() {
    if (staging_.empty()) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
    staging_.clear();
  }

  // Sorts the column families' collected keys in place (integer-keyed ones as integer tuples,
  // much cheaper than byte strings; id-keyed ones are generated in order and only checked).
  void SortAll() {
    std::sort(adj_.begin(), adj_.end(), AdjLess);
    std::sort(labels_.begin(), labels_.end(), LabelLess);
    auto less = [](const KV& a, const KV& b) { return a.first < b.first; };
    for (auto& entries : kv_) {
      if (!std::is_sorted(entries.begin(), entries.end(), less)) {
        std::sort(entries.begin(), entries.end(), less);
      }
    }
  }

  size_t CountOf(int cf) const {
    return cf == kCfAdj ? adj_.size() : cf == kCfLabels ? labels_.size() : kv_[cf].size();
  }

  // Writes the sorted in-memory keys of `cf` to `writer`; a duplicate key is an error.
  Status WriteSorted(int cf, rocksdb::SstFileWriter* writer, const std::function<void()>& tick) {
    auto dup = [&] {
      return Status::Internal(std::string("duplicate key in bulk load of ") +
                              kColumnFamilyNames[cf]);
    };
    if (cf == kCfAdj) {
      for (size_t i = 0; i < adj_.size(); ++i) {
        if (i > 0 && !AdjLess(adj_[i - 1], adj_[i])) return dup();
        PG_RETURN_IF_ERROR(FromRocks(writer->Put(adj_[i].Encode(), rocksdb::Slice()), "bulk load"));
        tick();
      }
    } else if (cf == kCfLabels) {
      for (size_t i = 0; i < labels_.size(); ++i) {
        if (i > 0 && !LabelLess(labels_[i - 1], labels_[i])) return dup();
        PG_RETURN_IF_ERROR(
            FromRocks(writer->Put(labels_[i].Encode(), rocksdb::Slice()), "bulk load"));
        tick();
      }
    } else {
      const auto& entries = kv_[cf];
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0 && entries[i].first == entries[i - 1].first) return dup();
        PG_RETURN_IF_ERROR(
            FromRocks(writer->Put(entries[i].first, entries[i].second), "bulk load"));
        tick();
      }
    }
    return Status::OK();
  }

  void Clear(int cf, bool release) {
    if (cf == kCfAdj) {
      release ? std::vector<AdjKey>().swap(adj_) : adj_.clear();
    } else if (cf == kCfLabels) {
      release ? std::vector<LabelKey>().swap(labels_) : labels_.clear();
    } else {
      release ? std::vector<KV>().swap(kv_[cf]) : kv_[cf].clear();
    }
  }

  // Sorts everything collected so far and writes one run per column family into the staging
  // directory; the vectors keep their capacity for the next round (unless `release`).
  Status Spill(bool release = false) {
    PG_RETURN_IF_ERROR(EnsureStaging());
    SortAll();
    for (int cf = 0; cf < kNumCf; ++cf) {
      if (CountOf(cf) == 0) continue;
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), RunOptions(db_->db()->GetEnv()));
      const std::string file = staging_ + "/" + kColumnFamilyNames[cf] + "-run" +
                               std::to_string(runs_[cf].size()) + ".sst";
      PG_RETURN_IF_ERROR(FromRocks(writer.Open(file), "bulk load: spilling a sorted run"));
      PG_RETURN_IF_ERROR(WriteSorted(cf, &writer, [] {}));
      PG_RETURN_IF_ERROR(FromRocks(writer.Finish(), "bulk load: spilling a sorted run"));
      runs_[cf].push_back(file);
      spilled_keys_ += CountOf(cf);
      Clear(cf, release);
    }
    heap_bytes_ = 0;
    ++spills_;
    return Status::OK();
  }

  // Merges the runs of `cf` into `writer`, checking for duplicate keys; deletes each run.
  Status MergeRuns(int cf, rocksdb::SstFileWriter* writer, const std::function<void()>& tick) {
    const rocksdb::Options run_options = RunOptions(db_->db()->GetEnv());
    std::vector<std::unique_ptr<rocksdb::SstFileReader>> readers;
    std::vector<std::unique_ptr<rocksdb::Iterator>> its;
    rocksdb::ReadOptions ro;
    ro.readahead_size = 1 << 20;
    ro.fill_cache = false;
    for (const auto& file : runs_[cf]) {
      readers.push_back(std::make_unique<rocksdb::SstFileReader>(run_options));
      PG_RETURN_IF_ERROR(FromRocks(readers.back()->Open(file), "bulk load: reading a run"));
      its.emplace_back(readers.back()->NewIterator(ro));
      its.back()->SeekToFirst();
      PG_RETURN_IF_ERROR(FromRocks(its.back()->status(), "bulk load: reading a run"));
    }
    auto greater = [&](size_t a, size_t b) { return its[a]->key().compare(its[b]->key()) > 0; };
    std::priority_queue<size_t, std::vector<size_t>, decltype(greater)> heap(greater);
    for (size_t i = 0; i < its.size(); ++i) {
      if (its[i]->Valid()) heap.push(i);
    }
    std::string last;
    bool first = true;
    while (!heap.empty()) {
      const size_t i = heap.top();
      heap.pop();
      const rocksdb::Slice key = its[i]->key();
      if (!first && key.compare(last) <= 0) {
        return Status::Internal(std::string("duplicate key in bulk load of ") +
                                kColumnFamilyNames[cf]);
      }
      first = false;
      last.assign(key.data(), key.size());
      PG_RETURN_IF_ERROR(FromRocks(writer->Put(key, its[i]->value()), "bulk load"));
      tick();
      its[i]->Next();
      if (its[i]->Valid()) {
        heap.push(i);
      } else {
        PG_RETURN_IF_ERROR(FromRocks(its[i]->status(), "bulk load: reading a run"));
      }
    }
    its.clear();
    readers.clear();
    std::error_code ec;
    for (const auto& file : runs_[cf]) fs::remove(file, ec);
    return Status::OK();
  }

  Status CheckNode(NodeId id) {
    if (id >= base_.next_node && id < ids_.next_node) return Status::OK();
    if (existing_ok_.count(id)) return Status::OK();
    PG_ASSIGN_OR_RETURN(bool exists, reader_->NodeExists(id));
    if (!exists) return Status::InvalidArgument("no node with id " + std::to_string(id));
    existing_ok_.insert(id);
    return Status::OK();
  }

  uint32_t Intern(char kind, std::string_view name) {
    auto& local = pending_index_[kind];
    if (auto it = local.find(std::string(name)); it != local.end()) return it->second;
    if (auto id = db_->dict().Find(kind, name)) return *id;
    auto& entries = pending_dict_[kind];
    uint32_t id = db_->dict().NextId(kind) + static_cast<uint32_t>(entries.size());
    entries.emplace_back(id, std::string(name));
    local.emplace(std::string(name), id);
    Put(kCfDict, DictKey{kind, id}.Encode(), std::string(name));
    return id;
  }

  Status InternKeys(const ValueMap& props) {
    for (const auto& [k, v] : props) {
      if (k.empty()) return Status::InvalidArgument("a property key cannot be empty");
      Intern(kDictPropertyKey, k);
    }
    return Status::OK();
  }

  uint64_t Current(const std::string& key) {
    std::string v;
    if (!db_->db()->Get(rocksdb::ReadOptions(), db_->cf(kCfMeta), key, &v).ok() || v.size() != 8) {
      return 0;
    }
    return GetU64BE(v.data());
  }

  Status BuildMeta() {
    auto add = [&](const std::string& key, uint64_t delta) {
      if (delta) Put(kCfMeta, key, U64(Current(key) + delta));
    };
    add(kMetaCountNodes, pending_nodes());
    add(kMetaCountRels, pending_relationships());
    for (const auto& [l, n] : label_counts_) add(LabelCountKey(l), n);
    for (const auto& [t, n] : type_counts_) add(TypeCountKey(t), n);
    Put(kCfMeta, kMetaNextNode, U64(ids_.next_node));
    Put(kCfMeta, kMetaNextRel, U64(ids_.next_rel));
    return Status::OK();
  }

  Status WriteAndIngest(const std::function<void(uint64_t, uint64_t)>& progress) {
    const bool spilled = spills_ > 0;
    uint64_t total = 0, done = 0;
    if (spilled) {
      // The rest joins the runs; every column family is then merged from its runs alone.
      PG_RETURN_IF_ERROR(Spill(/*release=*/true));
      total = spilled_keys_;
    } else {
      SortAll();
      for (int cf = 0; cf < kNumCf; ++cf) total += CountOf(cf);
    }
    auto tick = [&] {
      if (progress && (++done & 0xffff) == 0) progress(done, total);
    };
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int cf = 0; cf < kNumCf; ++cf) {
      if (spilled ? runs_[cf].empty() : CountOf(cf) == 0) continue;
      rocksdb::Options opts(db_->db()->GetDBOptions(), db_->db()->GetOptions(db_->cf(cf)));
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), opts, db_->cf(cf));
      const std::string file = staging_ + "/" + kColumnFamilyNames[cf] + ".sst";
      PG_RETURN_IF_ERROR(FromRocks(writer.Open(file), "bulk load"));
      if (spilled) {
        PG_RETURN_IF_ERROR(MergeRuns(cf, &writer, tick));
      } else {
        PG_RETURN_IF_ERROR(WriteSorted(cf, &writer, tick));
        Clear(cf, /*release=*/true);
      }
      PG_RETURN_IF_ERROR(FromRocks(writer.Finish(), "bulk load"));
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = db_->cf(cf);
      arg.external_files = {file};
      arg.options.move_files = true;
      arg.options.allow_blocking_flush = true;
      args.push_back(std::move(arg));
      ingested_.push_back(cf);
    }
    if (progress) progress(total, total);
    return FromRocks(db_->db()->IngestExternalFiles(args), "bulk load");
  }

  // Best effort: the load is already committed, so a failed compaction only leaves more files.
  void CompactCrowdedColumnFamilies() {
    for (int cf : ingested_) {
      rocksdb::ColumnFamilyMetaData meta;
      db_->db()->GetColumnFamilyMetaData(db_->cf(cf), &meta);
      size_t small = 0;
      for (const auto& level : meta.levels) {
        for (const auto& f : level.files) small += f.size < kSmallFileBytes;
      }
      if (small <= kCompactFileThreshold) continue;
      rocksdb::CompactRangeOptions co;
      co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
      db_->db()->CompactRange(co, db_->cf(cf), nullptr, nullptr).PermitUncheckedError();
    }
  }

  RocksDatabase* db_;
  std::unique_lock<std::mutex> lock_;
  IdCounters base_, ids_;
  std::unique_ptr<GraphReader> reader_;
  const size_t budget_;         // bytes; 0: no limit
  std::vector<KV> kv_[kNumCf];  // adj and labels use the typed vectors below
  std::vector<AdjKey> adj_;
  std::vector<LabelKey> labels_;
  size_t heap_bytes_ = 0;  // heap buffers of the strings in kv_
  std::string staging_;    // created on the first spill or at Finish
  std::vector<std::string> runs_[kNumCf];
  size_t spills_ = 0;
  uint64_t spilled_keys_ = 0;
  std::vector<int> ingested_;
  std::unordered_map<char, std::vector<std::pair<uint32_t, std::string>>> pending_dict_;
  std::unordered_map<char, std::unordered_map<std::string, uint32_t>> pending_index_;
  std::unordered_map<uint32_t, uint64_t> label_counts_, type_counts_;
  std::unordered_set<NodeId> existing_ok_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<BulkLoader> NewRocksBulkLoader(RocksDatabase* db, std::unique_lock<std::mutex> lock,
                                               size_t budget_bytes) {
  return std::make_unique<RocksBulkLoader>(db, std::move(lock), budget_bytes);
}

}  // namespace pactgraph::storage

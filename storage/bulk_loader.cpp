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
// The column families are independent until the ingestion, so their sorting, spilling, merging
// and SST writing (ZSTD-compressed: most of the CPU) run on every core, one column family per
// worker, the largest first.
//
// Ingested files sit on the bottom level and are never merged by RocksDB, so many small
// loads would leave many small files: after an ingestion, a column family holding more than
// kCompactFileThreshold small files is compacted (CompactRange, bottom level forced).
#include <rocksdb/sst_file_reader.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <queue>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "pactgraph/bulk_restore.h"
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
// A column family with more keys than this is written as one file per core (see Pieces).
constexpr size_t kSplitAbove = size_t{1} << 16;

std::string U64(uint64_t v) {
  std::string s;
  PutU64BE(&s, v);
  return s;
}

// Heap bytes a string owns beyond its own object (0 for the small-string buffer).
size_t HeapBytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

// Function objects, not functions: std::sort inlines them (a function pointer costs a call per
// comparison, a tenth of an import's CPU).
constexpr auto AdjLess = [](const AdjKey& a, const AdjKey& b) {
  return std::tie(a.node, a.dir, a.type, a.other, a.rel) <
         std::tie(b.node, b.dir, b.type, b.other, b.rel);
};
constexpr auto LabelLess = [](const LabelKey& a, const LabelKey& b) {
  return std::tie(a.label, a.node) < std::tie(b.label, b.node);
};

// Runs `work(0..count-1)` (ordered largest first) on up to one thread per core; returns the
// first error in index order.
Status ForEachPiece(size_t count, const std::function<Status(size_t)>& work) {
  std::vector<Status> results(count);
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i; (i = next.fetch_add(1)) < count;) results[i] = work(i);
  };
  const size_t threads = std::min<size_t>(count, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& th : pool) th.join();
  for (auto& st : results) PG_RETURN_IF_ERROR(st);
  return Status::OK();
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

// The values of an id-keyed column family (nodes, relationships), collected in id order: the
// ids are consecutive, so the keys are implied and the values share one arena (no string and
// no allocation per entry). A restored dump may skip ids (deleted records): each jump is kept
// as (index, id), so the keys stay implied between jumps.
struct IdRun {
  uint64_t first_id = 0;
  std::string arena;
  std::vector<size_t> ends;                        // value i is arena[ends[i-1], ends[i])
  std::vector<std::pair<size_t, uint64_t>> jumps;  // value index -> its id, where ids jump

  size_t size() const { return ends.size(); }
  size_t bytes() const {
    return arena.capacity() + ends.capacity() * sizeof(size_t) +
           jumps.capacity() * sizeof(jumps[0]);
  }
  rocksdb::Slice value(size_t i) const {
    const size_t begin = i == 0 ? 0 : ends[i - 1];
    return rocksdb::Slice(arena.data() + begin, ends[i] - begin);
  }
  uint64_t id(size_t i) const {
    auto it = std::upper_bound(
        jumps.begin(), jumps.end(), i,
        [](size_t x, const std::pair<size_t, uint64_t>& j) { return x < j.first; });
    if (it == jumps.begin()) return first_id + i;
    --it;
    return it->second + (i - it->first);
  }
  void Add(uint64_t id_value, std::string_view v) {
    if (ends.empty()) {
      first_id = id_value;
    } else if (id_value != id(ends.size() - 1) + 1) {
      jumps.emplace_back(ends.size(), id_value);
    }
    arena.append(v);
    ends.push_back(arena.size());
  }
  void Reserve(size_t n, size_t bytes_each) {
    ends.reserve(ends.size() + n);
    arena.reserve(arena.size() + n * bytes_each);
  }
  void Clear(bool release, uint64_t next_id) {
    if (release) {
      std::string().swap(arena);
      std::vector<size_t>().swap(ends);
    } else {
      arena.clear();
      ends.clear();
    }
    jumps.clear();
    first_id = next_id;
  }
};

class RocksBulkLoader final : public BulkLoader, public BulkRestore {
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
    ++node_count_;
    IdRunOf(kCfNodes).Add(id, value);
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
    ++rel_count_;
    IdRunOf(kCfRels).Add(id, value);
    adj_.push_back(AdjKey{start, kDirOut, rec.type, end, id});
    adj_.push_back(AdjKey{end, kDirIn, rec.type, start, id});
    type_counts_[rec.type] += 1;
    PG_RETURN_IF_ERROR(MaybeSpill());
    return id;
  }

  void Reserve(uint64_t nodes, uint64_t relationships) override {
    // Rough bytes per node and relationship (the vectors' elements plus typical heap strings).
    const double per_node = sizeof(KV) + sizeof(size_t) + sizeof(LabelKey) + 64;
    const double per_rel = sizeof(size_t) + 2.0 * sizeof(AdjKey) + 40;
    double scale = 1.0;
    const double want = per_node * static_cast<double>(nodes) +
                        per_rel * static_cast<double>(relationships) + static_cast<double>(Used());
    if (budget_ > 0 && want > static_cast<double>(budget_)) {
      scale = 0.8 * static_cast<double>(budget_) / want;  // a spilling load: fill, spill, reuse
    }
    nodes = static_cast<uint64_t>(static_cast<double>(nodes) * scale);
    relationships = static_cast<uint64_t>(static_cast<double>(relationships) * scale);
    IdRunOf(kCfNodes).Reserve(nodes, 32);
    kv_[kCfNames].reserve(kv_[kCfNames].size() + nodes);
    labels_.reserve(labels_.size() + nodes);
    IdRunOf(kCfRels).Reserve(relationships, 32);
    adj_.reserve(adj_.size() + 2 * relationships);
  }

  uint64_t pending_nodes() const override { return node_count_; }
  uint64_t pending_relationships() const override { return rel_count_; }

  Status AdvanceIds(NodeId next_node, RelId next_rel, ArticleId next_article) override {
    auto advance = [](uint64_t want, uint64_t* next, std::vector<Gap>* gaps) {
      if (want <= *next) return;
      gaps->emplace_back(*next, want);
      *next = want;
    };
    advance(next_node, &ids_.next_node, &node_gaps_);
    advance(next_rel, &ids_.next_rel, &rel_gaps_);
    advance(next_article, &ids_.next_article, &article_gaps_);
    return Status::OK();
  }

  Result<ArticleId> AddArticle(const Article& article) override {
    if (!article.content_hash.empty()) {
      ArticleId existing;
      Status s = reader_->FindArticleByHash(article.content_hash, &existing);
      if (s.ok()) {
        return Status::InvalidArgument("article already stored as id " + std::to_string(existing));
      }
      if (s.code() != Status::Code::kNotFound) return s;
      if (!loaded_hashes_.insert(article.content_hash).second) {
        return Status::InvalidArgument("two articles with the content hash " +
                                       article.content_hash);
      }
    }
    const ArticleId id = ids_.next_article++;
    std::string value;
    EncodeArticle(article, &value);
    Put(kCfArticles, IdKey{id}.Encode(), std::move(value));
    if (!article.content_hash.empty()) Put(kCfHashes, article.content_hash, U64(id));
    ++article_count_;
    PG_RETURN_IF_ERROR(MaybeSpill());
    return id;
  }

  Status AddEvidence(const Evidence& evidence) override {
    if (!Loaded(evidence.relationship, base_.next_rel, ids_.next_rel, rel_gaps_)) {
      Relationship r;
      if (!reader_->GetRelationship(evidence.relationship, &r).ok()) {
        return Status::InvalidArgument("evidence for a missing relationship " +
                                       std::to_string(evidence.relationship));
      }
    }
    if (!Loaded(evidence.article, base_.next_article, ids_.next_article, article_gaps_)) {
      Article a;
      if (!reader_->GetArticle(evidence.article, &a).ok()) {
        return Status::InvalidArgument("evidence from a missing article " +
                                       std::to_string(evidence.article));
      }
    }
    std::string value;
    EncodeEvidence(evidence, &value);
    Put(kCfEvidence, EvidenceKey{evidence.relationship, ids_.next_evidence++}.Encode(),
        std::move(value));
    ++evidence_count_;
    return MaybeSpill();
  }

  Status Finish(const std::function<void(uint64_t, uint64_t)>& progress) override {
    if (finished_) return Status::InvalidArgument("bulk load already finished");
    finished_ = true;
    if (pending_nodes() == 0 && pending_relationships() == 0 && article_count_ == 0 &&
        evidence_count_ == 0) {
      return Status::OK();
    }
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
    for (const auto& r : id_runs_) n += r.bytes();
    return n;
  }

  IdRun& IdRunOf(int cf) { return id_runs_[cf == kCfRels ? 1 : 0]; }
  const IdRun& IdRunOf(int cf) const { return id_runs_[cf == kCfRels ? 1 : 0]; }

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

  // The unit of parallel work: one column family's collected keys, or a range of them for the
  // large ones, so that every worker has a share: the adjacency (twice as many keys as
  // relationships) is cut at node boundaries, the id-keyed nodes and relationships (generated
  // in key order) at any index. Pieces of one column family never overlap in key order.
  struct Piece {
    int cf;
    size_t begin = 0, end = 0;  // a range of the column family's vector
  };

  // The pieces of everything collected, largest first (the order the workers take them in).
  std::vector<Piece> Pieces() {
    const size_t parts = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::vector<Piece> pieces;
    for (int cf = 0; cf < kNumCf; ++cf) {
      const size_t n = CountOf(cf);
      if (n == 0) continue;
      const bool id_keyed = cf == kCfRels || cf == kCfNodes;
      if (n < kSplitAbove || parts == 1 || (cf != kCfAdj && !id_keyed)) {
        pieces.push_back({cf, 0, n});
        continue;
      }
      size_t begin = 0;
      for (size_t i = 1; i < parts && begin < n; ++i) {
        size_t cut = std::max(begin, n * i / parts);
        if (cf == kCfAdj) {
          // Every key of a node on one side: select the node at the cut, partition before it.
          auto first = adj_.begin() + static_cast<std::ptrdiff_t>(begin);
          auto at = adj_.begin() + static_cast<std::ptrdiff_t>(cut);
          std::nth_element(first, at, adj_.end(),
                           [](const AdjKey& x, const AdjKey& y) { return x.node < y.node; });
          const uint64_t pivot = at->node;
          cut = static_cast<size_t>(
              std::partition(first, adj_.end(),
                             [pivot](const AdjKey& k) { return k.node < pivot; }) -
              adj_.begin());
        }
        if (cut > begin) pieces.push_back({cf, begin, cut});
        begin = cut;
      }
      if (begin < n) pieces.push_back({cf, begin, n});
    }
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) {
      return x.end - x.begin > y.end - y.begin;
    });
    return pieces;
  }

  // Sorts a piece in place (integer-keyed column families as integer tuples, much cheaper than
  // byte strings; id-keyed ones are generated in order and only checked).
  void Sort(const Piece& p) {
    if (p.cf == kCfAdj) {
      std::sort(adj_.begin() + static_cast<std::ptrdiff_t>(p.begin),
                adj_.begin() + static_cast<std::ptrdiff_t>(p.end), AdjLess);
    } else if (p.cf == kCfLabels) {
      std::sort(labels_.begin(), labels_.end(), LabelLess);
    } else if (p.cf != kCfNodes && p.cf != kCfRels) {  // id runs are in key order
      auto less = [](const KV& a, const KV& b) { return a.first < b.first; };
      auto first = kv_[p.cf].begin() + static_cast<std::ptrdiff_t>(p.begin);
      auto last = kv_[p.cf].begin() + static_cast<std::ptrdiff_t>(p.end);
      if (!std::is_sorted(first, last, less)) std::sort(first, last, less);
    }
  }

  size_t CountOf(int cf) const {
    if (cf == kCfNodes || cf == kCfRels) return IdRunOf(cf).size();
    return cf == kCfAdj ? adj_.size() : cf == kCfLabels ? labels_.size() : kv_[cf].size();
  }

  // Writes a sorted piece to `writer`; a duplicate key is an error.
  Status WriteSorted(const Piece& p, rocksdb::SstFileWriter* writer,
                     const std::function<void()>& tick) {
    auto dup = [&] {
      return Status::Internal(std::string("duplicate key in bulk load of ") +
                              kColumnFamilyNames[p.cf]);
    };
    if (p.cf == kCfAdj) {
      for (size_t i = p.begin; i < p.end; ++i) {
        if (i > p.begin && !AdjLess(adj_[i - 1], adj_[i])) return dup();
        PG_RETURN_IF_ERROR(FromRocks(writer->Put(adj_[i].Encode(), rocksdb::Slice()), "bulk load"));
        tick();
      }
    } else if (p.cf == kCfLabels) {
      for (size_t i = 0; i < labels_.size(); ++i) {
        if (i > 0 && !LabelLess(labels_[i - 1], labels_[i])) return dup();
        PG_RETURN_IF_ERROR(
            FromRocks(writer->Put(labels_[i].Encode(), rocksdb::Slice()), "bulk load"));
        tick();
      }
    } else if (p.cf == kCfNodes || p.cf == kCfRels) {
      const IdRun& run = IdRunOf(p.cf);
      for (size_t i = p.begin; i < p.end; ++i) {
        PG_RETURN_IF_ERROR(
            FromRocks(writer->Put(IdKey{run.id(i)}.Encode(), run.value(i)), "bulk load"));
        tick();
      }
    } else {
      const auto& entries = kv_[p.cf];
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
    } else if (cf == kCfNodes || cf == kCfRels) {
      IdRunOf(cf).Clear(release, cf == kCfNodes ? ids_.next_node : ids_.next_rel);
    } else {
      release ? std::vector<KV>().swap(kv_[cf]) : kv_[cf].clear();
    }
  }

  void ClearAll(bool release) {
    for (int cf = 0; cf < kNumCf; ++cf) Clear(cf, release);
    heap_bytes_ = 0;
  }

  // Sorts the pieces and writes each as an SST file named after its column family and
  // `suffix` into the staging directory, the pieces in parallel; returns the files per column
  // family in key order.
  Status WritePieces(const std::string& suffix, const rocksdb::Options* run_options,
                     const std::function<void()>& tick,
                     std::vector<std::vector<std::string>>* files) {
    const std::vector<Piece> pieces = Pieces();
    std::vector<std::string> names(pieces.size());
    PG_RETURN_IF_ERROR(ForEachPiece(pieces.size(), [&](size_t i) -> Status {
      const Piece& p = pieces[i];
      Sort(p);
      rocksdb::Options opts =
          run_options != nullptr
              ? *run_options
              : rocksdb::Options(db_->db()->GetDBOptions(), db_->db()->GetOptions(db_->cf(p.cf)));
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), opts,
                                    run_options != nullptr ? nullptr : db_->cf(p.cf));
      names[i] = staging_ + "/" + kColumnFamilyNames[p.cf] + suffix + "-" +
                 std::to_string(p.begin) + ".sst";
      PG_RETURN_IF_ERROR(FromRocks(writer.Open(names[i]), "bulk load: writing a sorted file"));
      PG_RETURN_IF_ERROR(WriteSorted(p, &writer, tick));
      return FromRocks(writer.Finish(), "bulk load: writing a sorted file");
    }));
    files->assign(kNumCf, {});
    std::vector<size_t> order(pieces.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return std::tie(pieces[x].cf, pieces[x].begin) < std::tie(pieces[y].cf, pieces[y].begin);
    });
    for (size_t i : order) (*files)[pieces[i].cf].push_back(names[i]);
    return Status::OK();
  }

  // Sorts everything collected so far and writes it as runs (uncompressed SST files) into the
  // staging directory; the vectors keep their capacity for the next round (unless `release`).
  Status Spill(bool release = false) {
    PG_RETURN_IF_ERROR(EnsureStaging());
    for (int cf = 0; cf < kNumCf; ++cf) spilled_keys_ += CountOf(cf);
    const rocksdb::Options run_options = RunOptions(db_->db()->GetEnv());
    std::vector<std::vector<std::string>> files;
    PG_RETURN_IF_ERROR(WritePieces(
        "-run" + std::to_string(spills_), &run_options, [] {}, &files));
    for (int cf = 0; cf < kNumCf; ++cf) {
      runs_[cf].insert(runs_[cf].end(), files[cf].begin(), files[cf].end());
    }
    ClearAll(release);
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

  // [from, to): ids skipped by AdvanceIds.
  using Gap = std::pair<uint64_t, uint64_t>;
  // Whether `id` was allocated by this load (in [base, next) and in no gap).
  static bool Loaded(uint64_t id, uint64_t base, uint64_t next, const std::vector<Gap>& gaps) {
    if (id < base || id >= next) return false;
    auto it = std::upper_bound(gaps.begin(), gaps.end(), id,
                               [](uint64_t x, const Gap& g) { return x < g.first; });
    return it == gaps.begin() || id >= std::prev(it)->second;
  }

  Status CheckNode(NodeId id) {
    if (Loaded(id, base_.next_node, ids_.next_node, node_gaps_)) return Status::OK();
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
    add(kMetaCountArticles, article_count_);
    add(kMetaCountEvidence, evidence_count_);
    Put(kCfMeta, kMetaNextNode, U64(ids_.next_node));
    Put(kCfMeta, kMetaNextRel, U64(ids_.next_rel));
    if (ids_.next_article != base_.next_article) {
      Put(kCfMeta, kMetaNextArticle, U64(ids_.next_article));
    }
    if (ids_.next_evidence != base_.next_evidence) {
      Put(kCfMeta, kMetaNextEvidence, U64(ids_.next_evidence));
    }
    return Status::OK();
  }

  Status WriteAndIngest(const std::function<void(uint64_t, uint64_t)>& progress) {
    const bool spilled = spills_ > 0;
    uint64_t total = 0;
    if (spilled) {
      // The rest joins the runs; every column family is then merged from its runs alone.
      PG_RETURN_IF_ERROR(Spill(/*release=*/true));
      total = spilled_keys_;
    } else {
      for (int cf = 0; cf < kNumCf; ++cf) total += CountOf(cf);
    }
    std::atomic<uint64_t> done{0};
    std::mutex progress_mu;
    auto tick = [&] {
      const uint64_t d = done.fetch_add(1) + 1;
      if (progress && (d & 0xffff) == 0) {
        std::lock_guard<std::mutex> lock(progress_mu);
        progress(d, total);
      }
    };
    std::vector<std::vector<std::string>> files(kNumCf);
    if (spilled) {
      std::vector<int> cfs;
      for (int cf = 0; cf < kNumCf; ++cf) {
        if (!runs_[cf].empty()) cfs.push_back(cf);
      }
      std::stable_sort(cfs.begin(), cfs.end(),
                       [&](int a, int b) { return runs_[a].size() > runs_[b].size(); });
      PG_RETURN_IF_ERROR(ForEachPiece(cfs.size(), [&](size_t i) -> Status {
        const int cf = cfs[i];
        rocksdb::Options opts(db_->db()->GetDBOptions(), db_->db()->GetOptions(db_->cf(cf)));
        rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), opts, db_->cf(cf));
        const std::string file = staging_ + "/" + kColumnFamilyNames[cf] + ".sst";
        PG_RETURN_IF_ERROR(FromRocks(writer.Open(file), "bulk load"));
        PG_RETURN_IF_ERROR(MergeRuns(cf, &writer, tick));
        PG_RETURN_IF_ERROR(FromRocks(writer.Finish(), "bulk load"));
        files[cf] = {file};
        return Status::OK();
      }));
    } else {
      PG_RETURN_IF_ERROR(WritePieces("", nullptr, tick, &files));
      ClearAll(/*release=*/true);
    }
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int cf = 0; cf < kNumCf; ++cf) {
      if (files[cf].empty()) continue;
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = db_->cf(cf);
      arg.external_files = files[cf];
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
  std::vector<KV> kv_[kNumCf];  // adj, labels, nodes and relationships use those below
  IdRun id_runs_[2];            // nodes, relationships (IdRunOf)
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
  uint64_t node_count_ = 0, rel_count_ = 0, article_count_ = 0, evidence_count_ = 0;
  std::vector<Gap> node_gaps_, rel_gaps_, article_gaps_;
  std::unordered_set<std::string> loaded_hashes_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<BulkLoader> NewRocksBulkLoader(RocksDatabase* db, std::unique_lock<std::mutex> lock,
                                               size_t budget_bytes) {
  return std::make_unique<RocksBulkLoader>(db, std::move(lock), budget_bytes);
}

}  // namespace pactgraph::storage

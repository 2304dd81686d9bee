// Bulk loading: every key of an import is collected in memory, sorted per column family,
// written to one SST file per column family with SstFileWriter, and ingested with a single
// IngestExternalFiles call — atomic across column families, so a crash leaves the database
// with all of the import or none of it. Counters and id allocators travel in the same
// ingestion (a meta-CF file), so they can never disagree with the data.
#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
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

std::string U64(uint64_t v) {
  std::string s;
  PutU64BE(&s, v);
  return s;
}

class RocksBulkLoader final : public BulkLoader {
 public:
  RocksBulkLoader(RocksDatabase* db, std::unique_lock<std::mutex> lock)
      : db_(db), lock_(std::move(lock)), base_(db->ids()), ids_(base_), reader_(db->NewReader()) {}

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
    kv_[kCfNodes].emplace_back(IdKey{id}.Encode(), std::move(value));
    for (uint32_t l : rec.labels) {
      labels_.push_back(LabelKey{l, id});
      label_counts_[l] += 1;
    }
    std::unordered_set<std::string> seen;
    auto add_name = [&](const Value& v) {
      if (!v.is_string()) return;
      std::string norm = NormalizeName(v.as_string());
      if (norm.empty() || !seen.insert(norm).second) return;
      kv_[kCfNames].emplace_back(NameKey{norm, id}.Encode(), v.as_string());
    };
    if (auto it = properties.find("name"); it != properties.end()) add_name(it->second);
    if (auto it = properties.find("aliases"); it != properties.end()) {
      if (it->second.is_list()) {
        for (const auto& a : it->second.as_list()) add_name(a);
      } else {
        add_name(it->second);
      }
    }
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
    kv_[kCfRels].emplace_back(IdKey{id}.Encode(), std::move(value));
    adj_.push_back(AdjKey{start, kDirOut, rec.type, end, id});
    adj_.push_back(AdjKey{end, kDirIn, rec.type, start, id});
    type_counts_[rec.type] += 1;
    return id;
  }

  void Reserve(uint64_t nodes, uint64_t relationships) override {
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
    std::string tmpl = db_->path() + "/" + kImportStagingPrefix + "XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) {
      return Status::IOError("cannot create a staging directory in " + db_->path());
    }
    const std::string staging = tmpl;
    Status s = WriteAndIngest(staging, progress);
    std::error_code ec;
    fs::remove_all(staging, ec);
    if (!s.ok()) {
      return s;
    }
    for (const auto& [kind, entries] : pending_dict_) {
      for (const auto& [id, name] : entries) db_->dict().Add(kind, id, name);
    }
    db_->SetIds(ids_);
    db_->BumpVersion();
    lock_.unlock();
    return Status::OK();
  }

 private:
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
    kv_[kCfDict].emplace_back(DictKey{kind, id}.Encode(), std::string(name));
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
    auto& meta = kv_[kCfMeta];
    auto add = [&](const std::string& key, uint64_t delta) {
      if (delta) meta.emplace_back(key, U64(Current(key) + delta));
    };
    add(kMetaCountNodes, pending_nodes());
    add(kMetaCountRels, pending_relationships());
    for (const auto& [l, n] : label_counts_) add(LabelCountKey(l), n);
    for (const auto& [t, n] : type_counts_) add(TypeCountKey(t), n);
    meta.emplace_back(kMetaNextNode, U64(ids_.next_node));
    meta.emplace_back(kMetaNextRel, U64(ids_.next_rel));
    return Status::OK();
  }

  Status WriteAndIngest(const std::string& staging,
                        const std::function<void(uint64_t, uint64_t)>& progress) {
    uint64_t total = adj_.size() + labels_.size(), done = 0;
    for (const auto& v : kv_) total += v.size();
    auto tick = [&] {
      if (progress && (++done & 0xffff) == 0) progress(done, total);
    };
    std::vector<rocksdb::IngestExternalFileArg> args;
    // Integer-keyed column families sort as integer tuples (much cheaper than byte strings);
    // id-keyed ones are generated in order and only checked.
    std::sort(adj_.begin(), adj_.end(), [](const AdjKey& a, const AdjKey& b) {
      return std::tie(a.node, a.dir, a.type, a.other, a.rel) <
             std::tie(b.node, b.dir, b.type, b.other, b.rel);
    });
    std::sort(labels_.begin(), labels_.end(), [](const LabelKey& a, const LabelKey& b) {
      return std::tie(a.label, a.node) < std::tie(b.label, b.node);
    });
    for (int cf = 0; cf < kNumCf; ++cf) {
      auto& entries = kv_[cf];
      const size_t count = cf == kCfAdj      ? adj_.size()
                           : cf == kCfLabels ? labels_.size()
                                             : entries.size();
      if (count == 0) continue;
      auto less = [](const KV& a, const KV& b) { return a.first < b.first; };
      if (!std::is_sorted(entries.begin(), entries.end(), less)) {
        std::sort(entries.begin(), entries.end(), less);
      }
      for (size_t i = 1; i < entries.size(); ++i) {
        if (entries[i].first == entries[i - 1].first) {
          return Status::Internal(std::string("duplicate key in bulk load of ") +
                                  kColumnFamilyNames[cf]);
        }
      }
      rocksdb::Options opts(db_->db()->GetDBOptions(), db_->db()->GetOptions(db_->cf(cf)));
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), opts, db_->cf(cf));
      const std::string file = staging + "/" + kColumnFamilyNames[cf] + ".sst";
      PG_RETURN_IF_ERROR(FromRocks(writer.Open(file), "bulk load"));
      if (cf == kCfAdj) {
        for (const auto& k : adj_) {
          PG_RETURN_IF_ERROR(FromRocks(writer.Put(k.Encode(), rocksdb::Slice()), "bulk load"));
          tick();
        }
        std::vector<AdjKey>().swap(adj_);
      } else if (cf == kCfLabels) {
        for (const auto& k : labels_) {
          PG_RETURN_IF_ERROR(FromRocks(writer.Put(k.Encode(), rocksdb::Slice()), "bulk load"));
          tick();
        }
        std::vector<LabelKey>().swap(labels_);
      } else {
        for (const auto& [k, v] : entries) {
          PG_RETURN_IF_ERROR(FromRocks(writer.Put(k, v), "bulk load"));
          tick();
        }
        std::vector<KV>().swap(entries);
      }
      PG_RETURN_IF_ERROR(FromRocks(writer.Finish(), "bulk load"));
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = db_->cf(cf);
      arg.external_files = {file};
      arg.options.move_files = true;
      arg.options.allow_blocking_flush = true;
      args.push_back(std::move(arg));
    }
    if (progress) progress(total, total);
    return FromRocks(db_->db()->IngestExternalFiles(args), "bulk load");
  }

  RocksDatabase* db_;
  std::unique_lock<std::mutex> lock_;
  IdCounters base_, ids_;
  std::unique_ptr<GraphReader> reader_;
  std::vector<KV> kv_[kNumCf];  // adj and labels use the typed vectors below
  std::vector<AdjKey> adj_;
  std::vector<LabelKey> labels_;
  std::unordered_map<char, std::vector<std::pair<uint32_t, std::string>>> pending_dict_;
  std::unordered_map<char, std::unordered_map<std::string, uint32_t>> pending_index_;
  std::unordered_map<uint32_t, uint64_t> label_counts_, type_counts_;
  std::unordered_set<NodeId> existing_ok_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<BulkLoader> NewRocksBulkLoader(RocksDatabase* db,
                                               std::unique_lock<std::mutex> lock) {
  return std::make_unique<RocksBulkLoader>(db, std::move(lock));
}

}  // namespace pactgraph::storage

// The write transaction: a WriteBatchWithIndex overlaid on the database, committed as one
// atomic RocksDB write. Holds the database's writer lock for its whole life.
#include <rocksdb/utilities/write_batch_with_index.h>

#include <map>
#include <set>

#include "storage/key_codec.h"
#include "storage/normalize.h"
#include "storage/rocks_reader.h"
#include "storage/value_codec.h"

namespace pactgraph::storage {
namespace {

rocksdb::Slice S(std::string_view v) { return rocksdb::Slice(v.data(), v.size()); }

std::string U64(uint64_t v) {
  std::string s;
  PutU64BE(&s, v);
  return s;
}

// The normalised names a node is indexed under, with the spelling each came from.
std::map<std::string, std::string> IndexedNames(const ValueMap& props) {
  std::map<std::string, std::string> out;
  auto add = [&](const Value& v) {
    if (!v.is_string()) return;
    std::string norm = NormalizeName(v.as_string());
    if (!norm.empty()) out.emplace(std::move(norm), v.as_string());
  };
  if (auto it = props.find("name"); it != props.end()) add(it->second);
  if (auto it = props.find("aliases"); it != props.end()) {
    if (it->second.is_list()) {
      for (const auto& a : it->second.as_list()) add(a);
    } else {
      add(it->second);
    }
  }
  return out;
}

class RocksWriter final : public ReaderImpl<GraphWriter> {
 public:
  RocksWriter(RocksDatabase* db, std::unique_lock<std::mutex> lock)
      : ReaderImpl<GraphWriter>(db),
        lock_(std::move(lock)),
        batch_(rocksdb::BytewiseComparator(), 0, /*overwrite_key=*/true),
        ids_(db->ids()) {}

  Result<NodeId> CreateNode(const std::vector<std::string>& labels,
                            const ValueMap& properties) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    NodeRecord rec;
    PG_RETURN_IF_ERROR(InternLabels(labels, &rec.labels));
    rec.properties = properties;
    const NodeId id = ids_.next_node;
    PG_RETURN_IF_ERROR(PutNode(id, rec));
    ++ids_.next_node;
    deltas_[kMetaCountNodes] += 1;
    return id;
  }

  Status UpdateNode(const Node& node) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    NodeRecord old;
    PG_RETURN_IF_ERROR(ReadNode(node.id, &old));
    NodeRecord rec;
    PG_RETURN_IF_ERROR(InternLabels(node.labels, &rec.labels));
    rec.properties = node.properties;
    UnindexNode(node.id, old);
    return PutNode(node.id, rec);
  }

  Status DeleteNode(NodeId id, bool detach) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    NodeRecord old;
    PG_RETURN_IF_ERROR(ReadNode(id, &old));
    std::set<RelId> rels;
    PG_RETURN_IF_ERROR(Neighbors(id, Direction::kBoth, {}, [&](const NeighborEntry& e) {
      rels.insert(e.rel);
      return true;
    }));
    if (!rels.empty() && !detach) {
      return Status::InvalidArgument("cannot delete node " + std::to_string(id) +
                                     ": it still has " + std::to_string(rels.size()) +
                                     " relationship(s); delete them first or use DETACH DELETE");
    }
    for (RelId r : rels) PG_RETURN_IF_ERROR(DeleteRelationship(r));
    UnindexNode(id, old);
    batch_.Delete(db_->cf(kCfNodes), IdKey{id}.Encode());
    deltas_[kMetaCountNodes] -= 1;
    return Status::OK();
  }

  Result<RelId> CreateRelationship(NodeId start, NodeId end, std::string_view type,
                                   const ValueMap& properties) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    if (type.empty()) return Status::InvalidArgument("a relationship needs a type");
    for (NodeId n : {start, end}) {
      PG_ASSIGN_OR_RETURN(bool exists, NodeExists(n));
      if (!exists) {
        return Status::InvalidArgument("cannot create a relationship: no node with id " +
                                       std::to_string(n));
      }
    }
    RelRecord rec{Intern(kDictType, type), start, end, properties};
    PG_RETURN_IF_ERROR(InternKeys(properties));
    std::string value;
    PG_RETURN_IF_ERROR(EncodeRelRecord(rec, &value));
    const RelId id = ids_.next_rel++;
    batch_.Put(db_->cf(kCfRels), IdKey{id}.Encode(), value);
    batch_.Put(db_->cf(kCfAdj), AdjKey{start, kDirOut, rec.type, end, id}.Encode(), "");
    batch_.Put(db_->cf(kCfAdj), AdjKey{end, kDirIn, rec.type, start, id}.Encode(), "");
    deltas_[kMetaCountRels] += 1;
    deltas_[TypeCountKey(rec.type)] += 1;
    return id;
  }

  Status UpdateRelationship(RelId id, const ValueMap& properties) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    RelRecord rec;
    PG_RETURN_IF_ERROR(ReadRel(id, &rec));
    rec.properties = properties;
    PG_RETURN_IF_ERROR(InternKeys(properties));
    std::string value;
    PG_RETURN_IF_ERROR(EncodeRelRecord(rec, &value));
    batch_.Put(db_->cf(kCfRels), IdKey{id}.Encode(), value);
    return Status::OK();
  }

  Status DeleteRelationship(RelId id) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    RelRecord rec;
    PG_RETURN_IF_ERROR(ReadRel(id, &rec));
    batch_.Delete(db_->cf(kCfRels), IdKey{id}.Encode());
    batch_.Delete(db_->cf(kCfAdj), AdjKey{rec.start, kDirOut, rec.type, rec.end, id}.Encode());
    batch_.Delete(db_->cf(kCfAdj), AdjKey{rec.end, kDirIn, rec.type, rec.start, id}.Encode());
    std::vector<std::string> evidence_keys;
    {
      const std::string prefix = EvidenceKey::Prefix(id);
      auto it = NewIter(kCfEvidence, true);
      for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
        evidence_keys.push_back(it->key().ToString());
      }
      PG_RETURN_IF_ERROR(FromRocks(it->status()));
    }
    for (const auto& k : evidence_keys) batch_.Delete(db_->cf(kCfEvidence), k);
    deltas_[kMetaCountEvidence] -= static_cast<int64_t>(evidence_keys.size());
    deltas_[kMetaCountRels] -= 1;
    deltas_[TypeCountKey(rec.type)] -= 1;
    return Status::OK();
  }

  Result<ArticleId> AddArticle(const Article& article) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    if (!article.content_hash.empty()) {
      ArticleId existing;
      Status s = FindArticleByHash(article.content_hash, &existing);
      if (s.ok()) {
        return Status::InvalidArgument("article already stored as id " + std::to_string(existing));
      }
      if (s.code() != Status::Code::kNotFound) return s;
    }
    const ArticleId id = ids_.next_article++;
    std::string value;
    EncodeArticle(article, &value);
    batch_.Put(db_->cf(kCfArticles), IdKey{id}.Encode(), value);
    if (!article.content_hash.empty()) {
      batch_.Put(db_->cf(kCfHashes), article.content_hash, U64(id));
    }
    deltas_[kMetaCountArticles] += 1;
    return id;
  }

  Status AddEvidence(const Evidence& evidence) override {
    PG_RETURN_IF_ERROR(CheckOpen());
    std::string tmp;
    if (!GetRaw(kCfRels, IdKey{evidence.relationship}.Encode(), &tmp).ok()) {
      return Status::InvalidArgument("evidence for a missing relationship " +
                                     std::to_string(evidence.relationship));
    }
    if (!GetRaw(kCfArticles, IdKey{evidence.article}.Encode(), &tmp).ok()) {
      return Status::InvalidArgument("evidence from a missing article " +
                                     std::to_string(evidence.article));
    }
    std::string value;
    EncodeEvidence(evidence, &value);
    batch_.Put(db_->cf(kCfEvidence),
               EvidenceKey{evidence.relationship, ids_.next_evidence++}.Encode(), value);
    deltas_[kMetaCountEvidence] += 1;
    return Status::OK();
  }

  Status Commit() override {
    PG_RETURN_IF_ERROR(CheckOpen());
    done_ = true;
    rocksdb::WriteBatch* wb = batch_.GetWriteBatch();
    for (const auto& [key, delta] : deltas_) {
      if (delta == 0) continue;
      std::string v;
      rocksdb::Status s = db_->db()->Get(rocksdb::ReadOptions(), db_->cf(kCfMeta), key, &v);
      if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "commit failed");
      int64_t current = v.size() == 8 ? static_cast<int64_t>(GetU64BE(v.data())) : 0;
      wb->Put(db_->cf(kCfMeta), key,
              U64(static_cast<uint64_t>(std::max<int64_t>(0, current + delta))));
    }
    const IdCounters before = db_->ids();
    if (ids_.next_node != before.next_node)
      wb->Put(db_->cf(kCfMeta), kMetaNextNode, U64(ids_.next_node));
    if (ids_.next_rel != before.next_rel)
      wb->Put(db_->cf(kCfMeta), kMetaNextRel, U64(ids_.next_rel));
    if (ids_.next_article != before.next_article) {
      wb->Put(db_->cf(kCfMeta), kMetaNextArticle, U64(ids_.next_article));
    }
    if (ids_.next_evidence != before.next_evidence) {
      wb->Put(db_->cf(kCfMeta), kMetaNextEvidence, U64(ids_.next_evidence));
    }
    if (wb->Count() == 0) return Status::OK();
    // New dictionary entries become visible to readers before the data that uses them.
    std::map<char, uint32_t> dict_before;
    for (char kind : {kDictType, kDictLabel, kDictPropertyKey}) {
      dict_before[kind] = db_->dict().NextId(kind);
    }
    for (const auto& [kind, entries] : pending_dict_) {
      for (const auto& [id, name] : entries) db_->dict().Add(kind, id, name);
    }
    rocksdb::Status s = db_->db()->Write(db_->write_options(), wb);
    if (!s.ok()) {
      for (const auto& [kind, next] : dict_before) db_->dict().Truncate(kind, next);
      return FromRocks(s, "commit failed");
    }
    db_->SetIds(ids_);
    db_->BumpVersion();
    lock_.unlock();
    return Status::OK();
  }

 protected:
  Status GetRaw(int cf, std::string_view key, std::string* value) const override {
    return FromRocks(
        batch_.GetFromBatchAndDB(db_->db(), rocksdb::ReadOptions(), db_->cf(cf), S(key), value));
  }

  std::unique_ptr<rocksdb::Iterator> NewIter(int cf, bool total_order) const override {
    rocksdb::ReadOptions ro;
    ro.total_order_seek = total_order;
    auto* base = db_->db()->NewIterator(ro, db_->cf(cf));
    return std::unique_ptr<rocksdb::Iterator>(batch_.NewIteratorWithBase(db_->cf(cf), base));
  }

  std::optional<uint32_t> DictFind(char kind, std::string_view name) const override {
    if (auto id = db_->dict().Find(kind, name)) return id;
    auto it = pending_dict_.find(kind);
    if (it == pending_dict_.end()) return std::nullopt;
    for (const auto& [id, n] : it->second) {
      if (n == name) return id;
    }
    return std::nullopt;
  }

  std::string DictName(char kind, uint32_t id) const override {
    std::string n = db_->dict().Name(kind, id);
    if (!n.empty()) return n;
    auto it = pending_dict_.find(kind);
    if (it != pending_dict_.end()) {
      for (const auto& [pid, name] : it->second) {
        if (pid == id) return name;
      }
    }
    return "";
  }

  IdCounters Ids() const override { return ids_; }

 private:
  Status CheckOpen() const {
    return done_ ? Status::InvalidArgument("the write transaction has already been committed")
                 : Status::OK();
  }

  uint32_t Intern(char kind, std::string_view name) {
    if (auto id = DictFind(kind, name)) return *id;
    auto& entries = pending_dict_[kind];
    uint32_t id = db_->dict().NextId(kind) + static_cast<uint32_t>(entries.size());
    entries.emplace_back(id, std::string(name));
    batch_.Put(db_->cf(kCfDict), DictKey{kind, id}.Encode(), std::string(name));
    return id;
  }

  Status InternLabels(const std::vector<std::string>& labels, std::vector<uint32_t>* ids) {
    ids->clear();
    for (const auto& l : labels) {
      if (l.empty()) return Status::InvalidArgument("a label cannot be empty");
      uint32_t id = Intern(kDictLabel, l);
      if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
    }
    return Status::OK();
  }

  Status InternKeys(const ValueMap& props) {
    for (const auto& [k, v] : props) {
      if (k.empty()) return Status::InvalidArgument("a property key cannot be empty");
      Intern(kDictPropertyKey, k);
    }
    return Status::OK();
  }

  Status ReadNode(NodeId id, NodeRecord* rec) const {
    std::string v;
    Status s = GetRaw(kCfNodes, IdKey{id}.Encode(), &v);
    if (s.code() == Status::Code::kNotFound) {
      return Status::NotFound("no node with id " + std::to_string(id));
    }
    PG_RETURN_IF_ERROR(s);
    return DecodeNodeRecord(v, rec);
  }

  Status ReadRel(RelId id, RelRecord* rec) const {
    std::string v;
    Status s = GetRaw(kCfRels, IdKey{id}.Encode(), &v);
    if (s.code() == Status::Code::kNotFound) {
      return Status::NotFound("no relationship with id " + std::to_string(id));
    }
    PG_RETURN_IF_ERROR(s);
    return DecodeRelRecord(v, rec);
  }

  // Writes the record and its label and name index entries (the old ones must be gone).
  Status PutNode(NodeId id, const NodeRecord& rec) {
    PG_RETURN_IF_ERROR(InternKeys(rec.properties));
    std::string value;
    PG_RETURN_IF_ERROR(EncodeNodeRecord(rec, &value));
    batch_.Put(db_->cf(kCfNodes), IdKey{id}.Encode(), value);
    for (uint32_t l : rec.labels) {
      batch_.Put(db_->cf(kCfLabels), LabelKey{l, id}.Encode(), "");
      deltas_[LabelCountKey(l)] += 1;
    }
    for (const auto& [norm, spelling] : IndexedNames(rec.properties)) {
      batch_.Put(db_->cf(kCfNames), NameKey{norm, id}.Encode(), spelling);
    }
    return Status::OK();
  }

  void UnindexNode(NodeId id, const NodeRecord& rec) {
    for (uint32_t l : rec.labels) {
      batch_.Delete(db_->cf(kCfLabels), LabelKey{l, id}.Encode());
      deltas_[LabelCountKey(l)] -= 1;
    }
    for (const auto& [norm, spelling] : IndexedNames(rec.properties)) {
      batch_.Delete(db_->cf(kCfNames), NameKey{norm, id}.Encode());
    }
  }

  std::unique_lock<std::mutex> lock_;
  mutable rocksdb::WriteBatchWithIndex batch_;  // read paths need non-const RocksDB calls
  IdCounters ids_;
  std::map<char, std::vector<std::pair<uint32_t, std::string>>> pending_dict_;
  std::map<std::string, int64_t> deltas_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<GraphWriter> NewRocksWriter(RocksDatabase* db, std::unique_lock<std::mutex> lock) {
  return std::make_unique<RocksWriter>(db, std::move(lock));
}

}  // namespace pactgraph::storage

#include "storage/rocks_reader.h"

#include <algorithm>

#include "storage/key_codec.h"
#include "storage/normalize.h"
#include "storage/value_codec.h"

namespace pactgraph::storage {
namespace {

bool StartsWith(const rocksdb::Slice& key, std::string_view prefix) {
  return key.size() >= prefix.size() && std::memcmp(key.data(), prefix.data(), prefix.size()) == 0;
}

std::string_view View(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

}  // namespace

template <typename I>
uint64_t ReaderImpl<I>::ReadCounter(std::string_view key) const {
  std::string v;
  if (!GetRaw(kCfMeta, key, &v).ok() || v.size() != 8) return 0;
  return GetU64BE(v.data());
}

template <typename I>
Status ReaderImpl<I>::DecodeNode(NodeId id, std::string_view bytes, Node* out) const {
  NodeRecord rec;
  PG_RETURN_IF_ERROR(DecodeNodeRecord(bytes, &rec).WithContext("node " + std::to_string(id)));
  out->id = id;
  out->labels.clear();
  for (uint32_t l : rec.labels) out->labels.push_back(DictName(kDictLabel, l));
  out->properties = std::move(rec.properties);
  return Status::OK();
}

template <typename I>
Status ReaderImpl<I>::GetNode(NodeId id, Node* out) const {
  std::string v;
  Status s = GetRaw(kCfNodes, IdKey{id}.Encode(), &v);
  if (s.code() == Status::Code::kNotFound)
    return Status::NotFound("no node with id " + std::to_string(id));
  PG_RETURN_IF_ERROR(s);
  return DecodeNode(id, v, out);
}

template <typename I>
Result<bool> ReaderImpl<I>::NodeExists(NodeId id) const {
  std::string v;
  Status s = GetRaw(kCfNodes, IdKey{id}.Encode(), &v);
  if (s.ok()) return true;
  if (s.code() == Status::Code::kNotFound) return false;
  return s;
}

template <typename I>
Status ReaderImpl<I>::FindNodesByName(std::string_view name, std::vector<NodeId>* out) const {
  out->clear();
  const std::string norm = NormalizeName(name);
  if (norm.empty()) return Status::OK();
  const std::string prefix = NameKey::Prefix(norm);
  auto it = NewIter(kCfNames, false);
  for (it->Seek(prefix); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    auto k = NameKey::Decode(View(it->key()));
    if (!k) return Status::Corruption("bad name index key");
    if (out->empty() || out->back() != k->node) out->push_back(k->node);
  }
  PG_RETURN_IF_ERROR(FromRocks(it->status()));
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return Status::OK();
}

template <typename I>
Status ReaderImpl<I>::FindNamesByPrefix(std::string_view prefix, size_t limit,
                                        std::vector<std::pair<std::string, NodeId>>* out) const {
  out->clear();
  const std::string norm = NormalizeName(prefix);
  auto it = NewIter(kCfNames, true);
  for (it->Seek(norm); it->Valid() && StartsWith(it->key(), norm) && out->size() < limit;
       it->Next()) {
    auto k = NameKey::Decode(View(it->key()));
    if (!k) return Status::Corruption("bad name index key");
    out->emplace_back(it->value().ToString(), k->node);
  }
  return FromRocks(it->status());
}

template <typename I>
Status ReaderImpl<I>::ScanNodes(std::string_view label, const NodeIdFn& fn) const {
  if (label.empty()) {
    auto it = NewIter(kCfNodes, true);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      auto k = IdKey::Decode(View(it->key()));
      if (!k) return Status::Corruption("bad node key");
      if (!fn(k->id)) break;
    }
    return FromRocks(it->status());
  }
  auto id = DictFind(kDictLabel, label);
  if (!id) return Status::OK();
  const std::string prefix = LabelKey::Prefix(*id);
  auto it = NewIter(kCfLabels, true);
  for (it->Seek(prefix); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    auto k = LabelKey::Decode(View(it->key()));
    if (!k) return Status::Corruption("bad label index key");
    if (!fn(k->node)) break;
  }
  return FromRocks(it->status());
}

template <typename I>
Status ReaderImpl<I>::GetRelationship(RelId id, Relationship* out) const {
  std::string v;
  Status s = GetRaw(kCfRels, IdKey{id}.Encode(), &v);
  if (s.code() == Status::Code::kNotFound) {
    return Status::NotFound("no relationship with id " + std::to_string(id));
  }
  PG_RETURN_IF_ERROR(s);
  RelRecord rec;
  PG_RETURN_IF_ERROR(DecodeRelRecord(v, &rec).WithContext("relationship " + std::to_string(id)));
  out->id = id;
  out->type = DictName(kDictType, rec.type);
  out->start = rec.start;
  out->end = rec.end;
  out->properties = std::move(rec.properties);
  return Status::OK();
}

template <typename I>
Status ReaderImpl<I>::ScanRelationships(const RelEndpointsFn& fn) const {
  auto it = NewIter(kCfRels, true);
  RelRecord rec;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto k = IdKey::Decode(View(it->key()));
    if (!k) return Status::Corruption("bad relationship key");
    PG_RETURN_IF_ERROR(DecodeRelHeader(View(it->value()), &rec));
    if (!fn(RelEndpoints{k->id, rec.type, rec.start, rec.end})) break;
  }
  return FromRocks(it->status());
}

template <typename I>
Status ReaderImpl<I>::ScanRelationshipProperties(
    const std::function<bool(RelId, ValueMap&)>& fn) const {
  auto it = NewIter(kCfRels, true);
  RelRecord rec;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto k = IdKey::Decode(View(it->key()));
    if (!k) return Status::Corruption("bad relationship key");
    PG_RETURN_IF_ERROR(DecodeRelRecord(View(it->value()), &rec)
                           .WithContext("relationship " + std::to_string(k->id)));
    if (!fn(k->id, rec.properties)) break;
  }
  return FromRocks(it->status());
}

template <typename I>
Status ReaderImpl<I>::Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                                const NeighborFn& fn) const {
  auto it = NewIter(kCfAdj, false);
  std::vector<TypeId> sorted(types.begin(), types.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  const uint8_t dirs[2] = {kDirOut, kDirIn};
  for (uint8_t d : dirs) {
    if ((dir == Direction::kOut && d != kDirOut) || (dir == Direction::kIn && d != kDirIn))
      continue;
    const Direction reported = d == kDirOut ? Direction::kOut : Direction::kIn;
    auto scan = [&](const std::string& prefix) -> int {  // 1 continue, 0 stop, -1 error
      for (it->Seek(prefix); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
        auto k = AdjKey::Decode(View(it->key()));
        if (!k) return -1;
        if (!fn(NeighborEntry{k->rel, k->other, k->type, reported})) return 0;
      }
      return it->status().ok() ? 1 : -1;
    };
    if (sorted.empty()) {
      int r = scan(AdjKey::DirPrefix(node, d));
      if (r < 0) break;
      if (r == 0) return Status::OK();
    } else {
      for (TypeId t : sorted) {
        int r = scan(AdjKey::TypePrefix(node, d, t));
        if (r < 0) break;
        if (r == 0) return Status::OK();
      }
    }
  }
  PG_RETURN_IF_ERROR(FromRocks(it->status()));
  return Status::OK();
}

template <typename I>
Result<TypeId> ReaderImpl<I>::FindType(std::string_view name) const {
  auto id = DictFind(kDictType, name);
  if (!id) return Status::NotFound("no relationship type " + std::string(name));
  return *id;
}

template <typename I>
Result<LabelId> ReaderImpl<I>::FindLabel(std::string_view name) const {
  auto id = DictFind(kDictLabel, name);
  if (!id) return Status::NotFound("no label " + std::string(name));
  return *id;
}

template <typename I>
std::string ReaderImpl<I>::TypeName(TypeId id) const {
  return DictName(kDictType, id);
}

template <typename I>
std::vector<std::string> ReaderImpl<I>::Types() const {
  GraphStats st;
  if (!GetStats(&st).ok()) return {};
  std::vector<std::string> out;
  for (const auto& [name, n] : st.types) out.push_back(name);
  return out;
}

template <typename I>
std::vector<std::string> ReaderImpl<I>::Labels() const {
  GraphStats st;
  if (!GetStats(&st).ok()) return {};
  std::vector<std::string> out;
  for (const auto& [name, n] : st.labels) out.push_back(name);
  return out;
}

template <typename I>
std::vector<std::string> ReaderImpl<I>::PropertyKeys() const {
  std::vector<std::string> out;
  for (uint32_t id = 1;; ++id) {
    std::string name = DictName(kDictPropertyKey, id);
    if (name.empty()) break;
    out.push_back(std::move(name));
  }
  std::sort(out.begin(), out.end());
  return out;
}

template <typename I>
NodeId ReaderImpl<I>::NodeIdBound() const {
  return Ids().next_node;
}

template <typename I>
RelId ReaderImpl<I>::RelIdBound() const {
  return Ids().next_rel;
}

template <typename I>
Status ReaderImpl<I>::GetArticle(ArticleId id, Article* out) const {
  std::string v;
  Status s = GetRaw(kCfArticles, IdKey{id}.Encode(), &v);
  if (s.code() == Status::Code::kNotFound) {
    return Status::NotFound("no article with id " + std::to_string(id));
  }
  PG_RETURN_IF_ERROR(s);
  out->id = id;
  return DecodeArticle(v, out);
}

template <typename I>
Status ReaderImpl<I>::FindArticleByHash(std::string_view content_hash, ArticleId* out) const {
  std::string v;
  Status s = GetRaw(kCfHashes, content_hash, &v);
  if (s.code() == Status::Code::kNotFound) return Status::NotFound("no article with that hash");
  PG_RETURN_IF_ERROR(s);
  if (v.size() != 8) return Status::Corruption("bad article hash index value");
  *out = GetU64BE(v.data());
  return Status::OK();
}

template <typename I>
Status ReaderImpl<I>::ScanArticles(const ArticleFn& fn) const {
  auto it = NewIter(kCfArticles, true);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto k = IdKey::Decode(View(it->key()));
    if (!k) return Status::Corruption("bad article key");
    Article a;
    a.id = k->id;
    PG_RETURN_IF_ERROR(DecodeArticle(View(it->value()), &a));
    if (!fn(a)) break;
  }
  return FromRocks(it->status());
}

template <typename I>
Status ReaderImpl<I>::GetEvidence(RelId rel, std::vector<Evidence>* out) const {
  out->clear();
  const std::string prefix = EvidenceKey::Prefix(rel);
  auto it = NewIter(kCfEvidence, true);
  for (it->Seek(prefix); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    Evidence e;
    e.relationship = rel;
    PG_RETURN_IF_ERROR(DecodeEvidence(View(it->value()), &e));
    out->push_back(std::move(e));
  }
  return FromRocks(it->status());
}

template <typename I>
Status ReaderImpl<I>::GetStats(GraphStats* out) const {
  *out = GraphStats{};
  out->nodes = ReadCounter(kMetaCountNodes);
  out->relationships = ReadCounter(kMetaCountRels);
  out->articles = ReadCounter(kMetaCountArticles);
  out->evidence = ReadCounter(kMetaCountEvidence);
  auto it = NewIter(kCfMeta, true);
  for (it->Seek("c"); it->Valid() && it->key().size() > 0 && it->key()[0] == 'c'; it->Next()) {
    if (it->value().size() != 8) continue;
    uint64_t n = GetU64BE(it->value().data());
    if (n == 0) continue;
    if (auto l = DecodeCountKey(View(it->key()), 'l')) {
      out->labels[DictName(kDictLabel, *l)] = n;
    } else if (auto t = DecodeCountKey(View(it->key()), 't')) {
      out->types[DictName(kDictType, *t)] = n;
    }
  }
  PG_RETURN_IF_ERROR(FromRocks(it->status()));
  out->disk_bytes = db_->DiskBytes();
  return Status::OK();
}

template class ReaderImpl<GraphReader>;
template class ReaderImpl<GraphWriter>;

// --- SnapshotReader ------------------------------------------------------------------------

SnapshotReader::SnapshotReader(RocksDatabase* db)
    : ReaderImpl<GraphReader>(db),
      snapshot_(db->read_only() ? nullptr : db->db()->GetSnapshot()),
      ids_(db->ids()),
      version_at_start_(db->version()),
      secondary_sequence_(db->read_only() ? db->db()->GetLatestSequenceNumber() : 0) {}

SnapshotReader::~SnapshotReader() {
  if (snapshot_ != nullptr) db_->db()->ReleaseSnapshot(snapshot_);
}

std::string SnapshotReader::StateToken() const {
  std::string identity;
  if (!db_->db()->GetDbIdentity(identity).ok()) return "";
  if (snapshot_ != nullptr) return identity + "@" + std::to_string(snapshot_->GetSequenceNumber());
  // Read-only instance: the view is fixed only while no CatchUp() has moved it.
  if (!db_->read_only() || db_->version() != version_at_start_) return "";
  return identity + "@" + std::to_string(secondary_sequence_);
}

std::string SnapshotReader::DatabaseDir() const {
  return db_->read_only() ? std::string() : db_->path();
}

Status SnapshotReader::GetRaw(int cf, std::string_view key, std::string* value) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  return FromRocks(db_->db()->Get(ro, db_->cf(cf), rocksdb::Slice(key.data(), key.size()), value));
}

std::unique_ptr<rocksdb::Iterator> SnapshotReader::NewIter(int cf, bool total_order) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  ro.total_order_seek = total_order;
  return std::unique_ptr<rocksdb::Iterator>(db_->db()->NewIterator(ro, db_->cf(cf)));
}

}  // namespace pactgraph::storage

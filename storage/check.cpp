// The integrity checker: one pass over each column family at a single snapshot.
//
// Cross-references (record -> index entry, index entry -> record, endpoint -> node) are checked
// in two ways. The fast pass, run first, needs no point lookup: the set of index keys the
// records imply and the set of keys each index holds are each folded into an order-independent
// digest (two 64-bit sums of key hashes and a count), equal digests meaning equal sets, and the
// ids that exist are kept in bitmaps (one bit per allocated id) for the "points to something
// that exists" tests. Only when the fast pass sees a disagreement does the precise pass run: a
// point lookup per reference, which names every culprit. Memory: the bitmaps (ids / 8 bytes)
// and maps bounded by the number of labels and types.
#include "storage/check.h"

#include <cstring>
#include <map>
#include <set>

#include "storage/key_codec.h"
#include "storage/normalize.h"
#include "storage/rocks_database.h"
#include "storage/value_codec.h"

namespace pactgraph::storage {

namespace {

std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes.substr(0, 40)) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  if (bytes.size() > 40) out += "…";
  return out;
}

std::string_view SV(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

// The normalised names a node must be indexed under (as the writer and bulk loader do).
std::set<std::string> ExpectedNames(const ValueMap& props) {
  std::set<std::string> out;
  auto add = [&](const Value& v) {
    if (!v.is_string()) return;
    std::string norm = NormalizeName(v.as_string());
    if (!norm.empty()) out.insert(std::move(norm));
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

// Fast 64-bit hashes of a key, two seeds (word-at-a-time multiply-rotate, murmur finaliser).
uint64_t KeyHash(std::string_view k, uint64_t seed) {
  uint64_t h = seed ^ (k.size() * 0x9E3779B97F4A7C15ull);
  size_t i = 0;
  for (; i + 8 <= k.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, k.data() + i, 8);
    h = (h ^ (w * 0x87C37B91114253D5ull)) * 0x4CF5AD432745937Full;
    h = (h << 27) | (h >> 37);
  }
  for (; i < k.size(); ++i) h = (h ^ static_cast<unsigned char>(k[i])) * 0x100000001B3ull;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

// An order-independent summary of a multiset of keys.
struct SetDigest {
  uint64_t a = 0, b = 0, n = 0;
  void Add(std::string_view k) {
    a += KeyHash(k, 0x243F6A8885A308D3ull);
    b += KeyHash(k, 0x13198A2E03707344ull);
    ++n;
  }
  bool operator==(const SetDigest&) const = default;
};

// One bit per id in [0, bound).
class IdBits {
 public:
  void Reset(uint64_t bound) { bits_.assign((bound + 63) / 64, 0); }
  void Set(uint64_t id) {
    if (id / 64 < bits_.size()) bits_[id / 64] |= uint64_t{1} << (id % 64);
  }
  bool Has(uint64_t id) const {
    return id / 64 < bits_.size() && (bits_[id / 64] >> (id % 64) & 1) != 0;
  }

 private:
  std::vector<uint64_t> bits_;
};

class Checker {
 public:
  // `precise`: a point lookup per cross-reference (names every culprit); otherwise digests and
  // bitmaps, and `disagrees()` says whether the precise pass is needed.
  Checker(RocksDatabase* db, CheckReport* report, bool precise)
      : db_(db), r_(report), precise_(precise) {
    snapshot_ = db->read_only() ? nullptr : db->db()->GetSnapshot();
    ro_.snapshot = snapshot_;
    ro_.total_order_seek = true;
  }
  ~Checker() {
    if (snapshot_ != nullptr) db_->db()->ReleaseSnapshot(snapshot_);
  }

  Status Run() {
    PG_RETURN_IF_ERROR(CheckMeta());
    PG_RETURN_IF_ERROR(CheckDict());
    PG_RETURN_IF_ERROR(CheckNodes());
    PG_RETURN_IF_ERROR(CheckLabelIndex());
    PG_RETURN_IF_ERROR(CheckNameIndex());
    PG_RETURN_IF_ERROR(CheckRels());
    PG_RETURN_IF_ERROR(CheckAdjacency());
    PG_RETURN_IF_ERROR(CheckArticles());
    PG_RETURN_IF_ERROR(CheckHashes());
    PG_RETURN_IF_ERROR(CheckEvidence());
    CheckCounters();
    if (!precise_) {
      disagree_ = disagree_ || !(want_labels_ == have_labels_) || !(want_names_ == have_names_) ||
                  !(want_adj_ == have_adj_) || !(want_hashes_ == have_hashes_);
    }
    return Status::OK();
  }

  bool disagrees() const { return disagree_; }

 private:
  // NotFound -> false; other errors are returned through *st.
  bool Get(int cf, std::string_view key, std::string* value, Status* st) {
    rocksdb::Status s =
        db_->db()->Get(ro_, db_->cf(cf), rocksdb::Slice(key.data(), key.size()), value);
    if (s.IsNotFound()) return false;
    if (!s.ok()) *st = FromRocks(s, "check");
    return s.ok();
  }

  template <typename Fn>
  Status Scan(int cf, Fn&& fn) {
    std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(ro_, db_->cf(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      PG_RETURN_IF_ERROR(fn(SV(it->key()), SV(it->value())));
    }
    return FromRocks(it->status(), std::string("check: scanning ") + kColumnFamilyNames[cf]);
  }

  Status CheckMeta() {
    std::string v;
    Status st;
    if (!Get(kCfMeta, kMetaMagic, &v, &st) || v != kMagic) {
      PG_RETURN_IF_ERROR(st);
      r_->Add("meta: missing or wrong magic");
    }
    auto read = [&](const char* key, uint64_t* out) -> Status {
      std::string value;
      Status s;
      if (!Get(kCfMeta, key, &value, &s)) return s;
      if (value.size() != 8) {
        r_->Add(std::string("meta: ") + key + " is not an 8-byte integer");
      } else {
        *out = GetU64BE(value.data());
      }
      return Status::OK();
    };
    PG_RETURN_IF_ERROR(read(kMetaNextNode, &next_node_));
    PG_RETURN_IF_ERROR(read(kMetaNextRel, &next_rel_));
    PG_RETURN_IF_ERROR(read(kMetaNextArticle, &next_article_));
    PG_RETURN_IF_ERROR(read(kMetaNextEvidence, &next_evidence_));
    PG_RETURN_IF_ERROR(read(kMetaCountNodes, &stored_nodes_));
    PG_RETURN_IF_ERROR(read(kMetaCountRels, &stored_rels_));
    PG_RETURN_IF_ERROR(read(kMetaCountArticles, &stored_articles_));
    PG_RETURN_IF_ERROR(read(kMetaCountEvidence, &stored_evidence_));
    // Ids beyond the allocators are reported as such; the bitmaps cover the allocated range.
    node_bits_.Reset(next_node_);
    rel_bits_.Reset(next_rel_);
    article_bits_.Reset(next_article_);
    return Scan(kCfMeta, [&](std::string_view k, std::string_view val) {
      if (k.size() < 2 || k[0] != 'c' || (k[1] != 'l' && k[1] != 't')) return Status::OK();
      auto id = DecodeCountKey(k, k[1]);
      if (!id || val.size() != 8) {
        r_->Add("meta: undecodable counter key " + Hex(k));
      } else if (k[1] == 'l') {
        stored_labels_[*id] = GetU64BE(val.data());
      } else {
        stored_types_[*id] = GetU64BE(val.data());
      }
      return Status::OK();
    });
  }

  Status CheckDict() {
    std::map<std::pair<char, std::string>, uint32_t> names;
    return Scan(kCfDict, [&](std::string_view k, std::string_view v) {
      ++r_->dictionary_entries;
      auto key = DictKey::Decode(k);
      if (!key ||
          (key->kind != kDictType && key->kind != kDictLabel && key->kind != kDictPropertyKey)) {
        r_->Add("dict: undecodable key " + Hex(k));
        return Status::OK();
      }
      if (v.empty())
        r_->Add("dict: empty name for " + std::string(1, key->kind) + " id " +
                std::to_string(key->id));
      auto [it, fresh] = names.emplace(std::make_pair(key->kind, std::string(v)), key->id);
      if (!fresh) {
        r_->Add("dict: name '" + std::string(v) + "' has two ids (" + std::to_string(it->second) +
                ", " + std::to_string(key->id) + ")");
      }
      known_[key->kind].insert(key->id);
      return Status::OK();
    });
  }

  bool Known(char kind, uint32_t id) const {
    auto it = known_.find(kind);
    return it != known_.end() && it->second.count(id) > 0;
  }

  Status CheckNodes() {
    return Scan(kCfNodes, [&](std::string_view k, std::string_view v) -> Status {
      ++r_->nodes;
      auto key = IdKey::Decode(k);
      if (!key) {
        r_->Add("nodes: undecodable key " + Hex(k));
        return Status::OK();
      }
      const std::string who = "node " + std::to_string(key->id);
      if (key->id == 0 || key->id >= next_node_) {
        r_->Add(who + ": id outside the allocated range [1, " + std::to_string(next_node_) + ")");
      }
      NodeRecord rec;
      if (Status s = DecodeNodeRecord(v, &rec); !s.ok()) {
        r_->Add(who + ": record does not decode: " + s.message());
        return Status::OK();
      }
      node_bits_.Set(key->id);
      for (uint32_t l : rec.labels) {
        ++recount_labels_[l];
        if (!Known(kDictLabel, l)) r_->Add(who + ": unknown label id " + std::to_string(l));
        if (!precise_) {
          want_labels_.Add(LabelKey{l, key->id}.Encode());
          continue;
        }
        std::string tmp;
        Status st;
        if (!Get(kCfLabels, LabelKey{l, key->id}.Encode(), &tmp, &st)) {
          PG_RETURN_IF_ERROR(st);
          r_->Add(who + ": not in the index of label id " + std::to_string(l));
        }
      }
      for (const auto& [pk, pv] : rec.properties) {
        if (!dict_keys_checked_.count(pk) && !db_->dict().Find(kDictPropertyKey, pk)) {
          r_->Add(who + ": property key '" + pk + "' missing from the dictionary");
        }
        dict_keys_checked_.insert(pk);
      }
      for (const auto& name : ExpectedNames(rec.properties)) {
        if (!precise_) {
          want_names_.Add(NameKey{name, key->id}.Encode());
          continue;
        }
        std::string tmp;
        Status st;
        if (!Get(kCfNames, NameKey{name, key->id}.Encode(), &tmp, &st)) {
          PG_RETURN_IF_ERROR(st);
          r_->Add(who + ": name '" + name + "' is not in the name index");
        }
      }
      return Status::OK();
    });
  }

  // Loads and decodes node `id`; false when absent or undecodable.
  bool LoadNode(uint64_t id, NodeRecord* rec, Status* st) {
    std::string v;
    if (!Get(kCfNodes, IdKey{id}.Encode(), &v, st)) return false;
    return DecodeNodeRecord(v, rec).ok();
  }

  bool LoadRel(uint64_t id, RelRecord* rec, Status* st) {
    std::string v;
    if (!Get(kCfRels, IdKey{id}.Encode(), &v, st)) return false;
    return DecodeRelHeader(v, rec).ok();
  }

  Status CheckLabelIndex() {
    return Scan(kCfLabels, [&](std::string_view k, std::string_view) -> Status {
      ++r_->label_entries;
      auto key = LabelKey::Decode(k);
      if (!key) {
        r_->Add("labels: undecodable key " + Hex(k));
        return Status::OK();
      }
      if (!precise_) {
        have_labels_.Add(k);
        return Status::OK();
      }
      NodeRecord rec;
      Status st;
      if (!LoadNode(key->node, &rec, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add("labels: entry (label " + std::to_string(key->label) + ", node " +
                std::to_string(key->node) + ") points to a missing or undecodable node");
      } else if (std::find(rec.labels.begin(), rec.labels.end(), key->label) == rec.labels.end()) {
        r_->Add("labels: node " + std::to_string(key->node) + " is indexed under label id " +
                std::to_string(key->label) + " it does not have");
      }
      return Status::OK();
    });
  }

  Status CheckNameIndex() {
    return Scan(kCfNames, [&](std::string_view k, std::string_view) -> Status {
      ++r_->name_entries;
      auto key = NameKey::Decode(k);
      if (!key) {
        r_->Add("names: undecodable key " + Hex(k));
        return Status::OK();
      }
      if (!precise_) {
        have_names_.Add(k);
        return Status::OK();
      }
      NodeRecord rec;
      Status st;
      if (!LoadNode(key->node, &rec, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add("names: '" + key->name + "' points to missing node " + std::to_string(key->node));
      } else if (!ExpectedNames(rec.properties).count(key->name)) {
        r_->Add("names: node " + std::to_string(key->node) + " is indexed under '" + key->name +
                "' which is not its name or alias");
      }
      return Status::OK();
    });
  }

  Status CheckRels() {
    return Scan(kCfRels, [&](std::string_view k, std::string_view v) -> Status {
      ++r_->relationships;
      auto key = IdKey::Decode(k);
      if (!key) {
        r_->Add("rels: undecodable key " + Hex(k));
        return Status::OK();
      }
      const std::string who = "relationship " + std::to_string(key->id);
      if (key->id == 0 || key->id >= next_rel_) {
        r_->Add(who + ": id outside the allocated range [1, " + std::to_string(next_rel_) + ")");
      }
      RelRecord rec;
      if (Status s = DecodeRelRecord(v, &rec); !s.ok()) {
        r_->Add(who + ": record does not decode: " + s.message());
        return Status::OK();
      }
      ++recount_types_[rec.type];
      if (!Known(kDictType, rec.type))
        r_->Add(who + ": unknown type id " + std::to_string(rec.type));
      rel_bits_.Set(key->id);
      if (!precise_) {
        disagree_ = disagree_ || !node_bits_.Has(rec.start) || !node_bits_.Has(rec.end);
        want_adj_.Add(AdjKey{rec.start, kDirOut, rec.type, rec.end, key->id}.Encode());
        want_adj_.Add(AdjKey{rec.end, kDirIn, rec.type, rec.start, key->id}.Encode());
        return Status::OK();
      }
      std::string tmp;
      Status st;
      for (uint64_t n : {rec.start, rec.end}) {
        if (!Get(kCfNodes, IdKey{n}.Encode(), &tmp, &st)) {
          PG_RETURN_IF_ERROR(st);
          r_->Add(who + ": endpoint node " + std::to_string(n) + " does not exist");
        }
      }
      if (!Get(kCfAdj, AdjKey{rec.start, kDirOut, rec.type, rec.end, key->id}.Encode(), &tmp,
               &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add(who + ": missing its out-edge at node " + std::to_string(rec.start));
      }
      if (!Get(kCfAdj, AdjKey{rec.end, kDirIn, rec.type, rec.start, key->id}.Encode(), &tmp, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add(who + ": missing its in-edge at node " + std::to_string(rec.end));
      }
      return Status::OK();
    });
  }

  Status CheckAdjacency() {
    return Scan(kCfAdj, [&](std::string_view k, std::string_view) -> Status {
      ++r_->adjacency_entries;
      auto key = AdjKey::Decode(k);
      if (!key || key->dir > kDirIn) {
        r_->Add("adj: undecodable key " + Hex(k));
        return Status::OK();
      }
      if (!precise_) {
        have_adj_.Add(k);
        return Status::OK();
      }
      RelRecord rec;
      Status st;
      const std::string what = std::string(key->dir == kDirOut ? "out" : "in") + "-edge of node " +
                               std::to_string(key->node) + " (relationship " +
                               std::to_string(key->rel) + ")";
      if (!LoadRel(key->rel, &rec, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add("adj: " + what + " points to a missing relationship");
        return Status::OK();
      }
      const uint64_t self = key->dir == kDirOut ? rec.start : rec.end;
      const uint64_t other = key->dir == kDirOut ? rec.end : rec.start;
      if (self != key->node || other != key->other || rec.type != key->type) {
        r_->Add("adj: " + what + " disagrees with the relationship record");
      }
      return Status::OK();
    });
  }

  Status CheckArticles() {
    return Scan(kCfArticles, [&](std::string_view k, std::string_view v) -> Status {
      ++r_->articles;
      auto key = IdKey::Decode(k);
      if (!key) {
        r_->Add("articles: undecodable key " + Hex(k));
        return Status::OK();
      }
      const std::string who = "article " + std::to_string(key->id);
      if (key->id == 0 || key->id >= next_article_) {
        r_->Add(who + ": id outside the allocated range");
      }
      Article a;
      if (Status s = DecodeArticle(v, &a); !s.ok()) {
        r_->Add(who + ": record does not decode: " + s.message());
        return Status::OK();
      }
      article_bits_.Set(key->id);
      if (a.content_hash.empty()) return Status::OK();
      if (!precise_) {
        want_hashes_.Add(a.content_hash + IdKey{key->id}.Encode());
        return Status::OK();
      }
      std::string h;
      Status st;
      if (!Get(kCfHashes, a.content_hash, &h, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add(who + ": content hash not in the hash index");
      } else if (h.size() != 8 || GetU64BE(h.data()) != key->id) {
        r_->Add(who + ": its content hash points to another article");
      }
      return Status::OK();
    });
  }

  Status CheckHashes() {
    return Scan(kCfHashes, [&](std::string_view k, std::string_view v) -> Status {
      ++r_->hash_entries;
      if (v.size() != 8) {
        r_->Add("hashes: value of " + Hex(k) + " is not an article id");
        return Status::OK();
      }
      const uint64_t id = GetU64BE(v.data());
      if (!precise_) {
        have_hashes_.Add(std::string(k) + IdKey{id}.Encode());
        return Status::OK();
      }
      std::string rec;
      Article a;
      Status st;
      if (!Get(kCfArticles, IdKey{id}.Encode(), &rec, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add("hashes: " + std::string(k) + " points to missing article " + std::to_string(id));
      } else if (DecodeArticle(rec, &a).ok() && a.content_hash != k) {
        r_->Add("hashes: " + std::string(k) + " points to article " + std::to_string(id) +
                " whose hash differs");
      }
      return Status::OK();
    });
  }

  Status CheckEvidence() {
    return Scan(kCfEvidence, [&](std::string_view k, std::string_view v) -> Status {
      ++r_->evidence;
      auto key = EvidenceKey::Decode(k);
      if (!key) {
        r_->Add("evidence: undecodable key " + Hex(k));
        return Status::OK();
      }
      const std::string who = "evidence " + std::to_string(key->evidence) + " of relationship " +
                              std::to_string(key->rel);
      if (key->evidence == 0 || key->evidence >= next_evidence_) {
        r_->Add(who + ": id outside the allocated range");
      }
      Evidence e;
      if (Status s = DecodeEvidence(v, &e); !s.ok()) {
        r_->Add(who + ": record does not decode: " + s.message());
        return Status::OK();
      }
      if (e.begin > e.end) r_->Add(who + ": sentence offsets are reversed");
      if (!precise_) {
        disagree_ = disagree_ || !rel_bits_.Has(key->rel) || !article_bits_.Has(e.article);
        return Status::OK();
      }
      std::string tmp;
      Status st;
      if (!Get(kCfRels, IdKey{key->rel}.Encode(), &tmp, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add(who + ": the relationship does not exist");
      }
      if (!Get(kCfArticles, IdKey{e.article}.Encode(), &tmp, &st)) {
        PG_RETURN_IF_ERROR(st);
        r_->Add(who + ": article " + std::to_string(e.article) + " does not exist");
      }
      return Status::OK();
    });
  }

  void CheckCounters() {
    auto cmp = [&](const std::string& what, uint64_t stored, uint64_t counted) {
      if (stored != counted) {
        r_->Add("counters: " + what + " is " + std::to_string(stored) + " but there are " +
                std::to_string(counted));
      }
    };
    cmp("node count", stored_nodes_, r_->nodes);
    cmp("relationship count", stored_rels_, r_->relationships);
    cmp("article count", stored_articles_, r_->articles);
    cmp("evidence count", stored_evidence_, r_->evidence);
    auto per = [&](const char* what, const std::map<uint32_t, uint64_t>& stored,
                   const std::map<uint32_t, uint64_t>& counted) {
      std::set<uint32_t> ids;
      for (const auto& [id, n] : stored) ids.insert(id);
      for (const auto& [id, n] : counted) ids.insert(id);
      for (uint32_t id : ids) {
        auto s = stored.find(id);
        auto c = counted.find(id);
        cmp(std::string(what) + " " + std::to_string(id) + " count",
            s == stored.end() ? 0 : s->second, c == counted.end() ? 0 : c->second);
      }
    };
    per("label", stored_labels_, recount_labels_);
    per("type", stored_types_, recount_types_);
  }

  RocksDatabase* db_;
  CheckReport* r_;
  const bool precise_;
  bool disagree_ = false;
  SetDigest want_labels_, have_labels_, want_names_, have_names_, want_adj_, have_adj_,
      want_hashes_, have_hashes_;
  IdBits node_bits_, rel_bits_, article_bits_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions ro_;
  uint64_t next_node_ = 1, next_rel_ = 1, next_article_ = 1, next_evidence_ = 1;
  uint64_t stored_nodes_ = 0, stored_rels_ = 0, stored_articles_ = 0, stored_evidence_ = 0;
  std::map<uint32_t, uint64_t> stored_labels_, stored_types_, recount_labels_, recount_types_;
  std::map<char, std::set<uint32_t>> known_;
  std::set<std::string, std::less<>> dict_keys_checked_;
};

}  // namespace

Status CheckDatabase(Database* db, CheckReport* report) {
  auto* rocks = dynamic_cast<RocksDatabase*>(db);
  if (rocks == nullptr) return Status::InvalidArgument("check: not a pactgraph RocksDB database");
  *report = CheckReport{};
  {
    Checker fast(rocks, report, /*precise=*/false);
    PG_RETURN_IF_ERROR(fast.Run());
    if (!fast.disagrees()) return Status::OK();
  }
  // Something does not match up: the precise pass names each culprit.
  *report = CheckReport{};
  return Checker(rocks, report, /*precise=*/true).Run();
}

}  // namespace pactgraph::storage

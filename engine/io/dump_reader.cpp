// pactgraph restore: a dump (docs/dump.md) read line by line into one BulkLoader, which keeps
// every id (AdvanceIds skips the ids the dump skips) and bounds its memory by spilling. Every
// record is checked before it is handed on — version, order, duplicate and dangling ids,
// counts, the end record — and any error abandons the loader, so nothing is stored.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/io/dump_values.h"
#include "pactgraph/bulk_restore.h"
#include "pactgraph/dump.h"

namespace pactgraph {
namespace {

using Json = nlohmann::json;

// Ids above this are refused before a bitmap of that size is made.
constexpr uint64_t kMaxIdBound = uint64_t{1} << 40;

enum Section { kNodes = 0, kRels, kArticles, kEvidence, kEnd };
constexpr const char* kSectionKeys[] = {"node", "relationship", "article", "evidence", "end"};
constexpr const char* kSectionNames[] = {"nodes", "relationships", "articles", "evidence", "end"};

class Restorer {
 public:
  Restorer(std::istream& in, const std::string& name, const DumpProgress& progress)
      : in_(in), name_(name), progress_(progress) {}

  Status Run(Database& db, DumpSummary* summary);

 private:
  Status Bad(const std::string& what) const {
    return Status::InvalidArgument(name_ + ":" + std::to_string(line_no_) + " (byte " +
                                   std::to_string(line_offset_) + "): " + what);
  }
  // A loader's refusal of a record names the record's place; its other errors pass through.
  Status Placed(const Status& s) const {
    return s.code() == Status::Code::kInvalidArgument ? Bad(s.message()) : s;
  }
  bool NextLine() {
    line_offset_ = next_offset_;
    if (!std::getline(in_, line_)) return false;
    ++line_no_;
    next_offset_ += line_.size() + (in_.eof() ? 0 : 1);
    return true;
  }
  Status Parse(Json* out) const;
  Status Uint(const Json& rec, const char* key, uint64_t* out) const;
  Status Text(const Json& rec, const char* key, std::string* out) const;
  Status Header(const Json& rec);
  Status NodeRecord(const Json& rec);
  Status RelRecord(const Json& rec);
  Status ArticleRecord(const Json& rec);
  Status EvidenceRecord(const Json& rec);
  Status EndRecord(const Json& rec);
  // A fresh id of a section: within [1, bound), above the previous one, never seen.
  Status FreshId(const char* what, uint64_t id, uint64_t bound, uint64_t last,
                 const std::vector<bool>& seen) const;

  std::istream& in_;
  const std::string& name_;
  const DumpProgress& progress_;
  std::string line_;
  uint64_t line_no_ = 0, line_offset_ = 0, next_offset_ = 0;
  std::unique_ptr<BulkLoader> loader_;
  BulkRestore* restore_ = nullptr;  // loader_'s restoring side
  uint64_t expected_[4] = {0, 0, 0, 0}, counted_[4] = {0, 0, 0, 0};
  uint64_t node_bound_ = 1, rel_bound_ = 1, article_bound_ = 1;
  uint64_t last_node_ = 0, last_rel_ = 0, last_article_ = 0;
  std::vector<bool> node_seen_, rel_seen_;
  std::vector<ArticleId> articles_;  // in increasing order
  int section_ = kNodes;
};

Status Restorer::Parse(Json* out) const {
  try {
    *out = Json::parse(line_);
  } catch (const Json::exception& e) {
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    return Bad("malformed record: " + what);
  }
  if (!out->is_object()) return Bad("expected a JSON object");
  return Status::OK();
}

Status Restorer::Uint(const Json& rec, const char* key, uint64_t* out) const {
  auto it = rec.find(key);
  if (it == rec.end() || !it->is_number_unsigned()) {
    if (it != rec.end() && it->is_number_integer() && it->get<int64_t>() >= 0) {
      *out = it->get<uint64_t>();
      return Status::OK();
    }
    return Bad(std::string("missing or bad \"") + key + "\" (a non-negative integer)");
  }
  *out = it->get<uint64_t>();
  return Status::OK();
}

Status Restorer::Text(const Json& rec, const char* key, std::string* out) const {
  auto it = rec.find(key);
  if (it == rec.end() || !it->is_string()) {
    return Bad(std::string("missing or bad \"") + key + "\" (a string)");
  }
  *out = it->get<std::string>();
  return Status::OK();
}

Status Restorer::FreshId(const char* what, uint64_t id, uint64_t bound, uint64_t last,
                         const std::vector<bool>& seen) const {
  if (id == 0 || id >= bound) {
    return Bad(std::string(what) + " id " + std::to_string(id) + " outside [1, " +
               std::to_string(bound) + ") given by the header");
  }
  if (seen[id]) return Bad(std::string("duplicate ") + what + " id " + std::to_string(id));
  if (id <= last) {
    return Bad(std::string(what) + " id " + std::to_string(id) + " after " + std::to_string(last) +
               " (ids must increase)");
  }
  return Status::OK();
}

Status Restorer::Header(const Json& rec) {
  auto v = rec.find("pactgraph_dump");
  if (v == rec.end()) return Bad("not a pactgraph dump (no \"pactgraph_dump\" version)");
  if (!v->is_number_integer() || v->get<int64_t>() != kDumpFormatVersion) {
    return Bad("dump format version " + v->dump() + " is not supported (this build reads version " +
               std::to_string(kDumpFormatVersion) + ")");
  }
  for (int s = kNodes; s <= kEvidence; ++s) {
    PG_RETURN_IF_ERROR(Uint(rec, kSectionNames[s], &expected_[s]));
  }
  PG_RETURN_IF_ERROR(Uint(rec, "node_id_bound", &node_bound_));
  PG_RETURN_IF_ERROR(Uint(rec, "relationship_id_bound", &rel_bound_));
  if (node_bound_ < 1 || node_bound_ > kMaxIdBound || rel_bound_ < 1 || rel_bound_ > kMaxIdBound ||
      expected_[kNodes] >= node_bound_ || expected_[kRels] >= rel_bound_) {
    return Bad("implausible id bounds in the header");
  }
  node_seen_.assign(node_bound_, false);
  rel_seen_.assign(rel_bound_, false);
  return Status::OK();
}

Status Restorer::NodeRecord(const Json& rec) {
  uint64_t id;
  PG_RETURN_IF_ERROR(Uint(rec, "node", &id));
  PG_RETURN_IF_ERROR(FreshId("node", id, node_bound_, last_node_, node_seen_));
  std::vector<std::string> labels;
  auto l = rec.find("labels");
  if (l == rec.end() || !l->is_array()) return Bad("missing or bad \"labels\" (an array)");
  for (const auto& x : *l) {
    if (!x.is_string() || x.get_ref<const std::string&>().empty()) {
      return Bad("\"labels\" must hold non-empty strings");
    }
    labels.push_back(x.get<std::string>());
  }
  ValueMap props;
  std::string why;
  auto p = rec.find("properties");
  if (p == rec.end() || !io::DecodeDumpMap(*p, &props, &why)) return Bad("bad properties: " + why);
  PG_RETURN_IF_ERROR(restore_->AdvanceIds(id, 0, 0));
  auto got = loader_->AddNode(labels, props);
  if (!got.ok()) return Placed(got.status());
  if (*got != id)
    return Status::Internal("restore: node " + std::to_string(id) + " got another id");
  node_seen_[id] = true;
  last_node_ = id;
  return Status::OK();
}

Status Restorer::RelRecord(const Json& rec) {
  uint64_t id, start, end;
  PG_RETURN_IF_ERROR(Uint(rec, "relationship", &id));
  PG_RETURN_IF_ERROR(FreshId("relationship", id, rel_bound_, last_rel_, rel_seen_));
  PG_RETURN_IF_ERROR(Uint(rec, "start", &start));
  PG_RETURN_IF_ERROR(Uint(rec, "end", &end));
  for (uint64_t n : {start, end}) {
    if (n >= node_bound_ || !node_seen_[n]) {
      return Bad("relationship " + std::to_string(id) + " names node " + std::to_string(n) +
                 ", which the dump does not hold");
    }
  }
  std::string type, why;
  PG_RETURN_IF_ERROR(Text(rec, "type", &type));
  if (type.empty()) return Bad("empty relationship type");
  ValueMap props;
  auto p = rec.find("properties");
  if (p == rec.end() || !io::DecodeDumpMap(*p, &props, &why)) return Bad("bad properties: " + why);
  PG_RETURN_IF_ERROR(restore_->AdvanceIds(0, id, 0));
  auto got = loader_->AddRelationship(start, end, type, props);
  if (!got.ok()) return Placed(got.status());
  if (*got != id) {
    return Status::Internal("restore: relationship " + std::to_string(id) + " got another id");
  }
  rel_seen_[id] = true;
  last_rel_ = id;
  return Status::OK();
}

Status Restorer::ArticleRecord(const Json& rec) {
  Article a;
  PG_RETURN_IF_ERROR(Uint(rec, "article", &a.id));
  if (a.id == 0 || a.id >= kMaxIdBound) return Bad("bad article id " + std::to_string(a.id));
  if (a.id <= last_article_) {
    return Bad((std::binary_search(articles_.begin(), articles_.end(), a.id) ? "duplicate " : "") +
               std::string("article id ") + std::to_string(a.id) + " after " +
               std::to_string(last_article_) + " (ids must increase)");
  }
  PG_RETURN_IF_ERROR(Text(rec, "title", &a.title));
  PG_RETURN_IF_ERROR(Text(rec, "source", &a.source));
  PG_RETURN_IF_ERROR(Text(rec, "date", &a.date));
  PG_RETURN_IF_ERROR(Text(rec, "file", &a.file));
  PG_RETURN_IF_ERROR(Text(rec, "content_hash", &a.content_hash));
  PG_RETURN_IF_ERROR(Text(rec, "text", &a.text));
  PG_RETURN_IF_ERROR(restore_->AdvanceIds(0, 0, a.id));
  auto got = restore_->AddArticle(a);
  if (!got.ok()) return Placed(got.status());
  if (*got != a.id) {
    return Status::Internal("restore: article " + std::to_string(a.id) + " got another id");
  }
  articles_.push_back(a.id);
  last_article_ = a.id;
  return Status::OK();
}

Status Restorer::EvidenceRecord(const Json& rec) {
  Evidence e;
  uint64_t begin, end;
  PG_RETURN_IF_ERROR(Uint(rec, "evidence", &e.relationship));
  PG_RETURN_IF_ERROR(Uint(rec, "article", &e.article));
  PG_RETURN_IF_ERROR(Uint(rec, "begin", &begin));
  PG_RETURN_IF_ERROR(Uint(rec, "end", &end));
  if (begin > UINT32_MAX || end > UINT32_MAX || begin > end) {
    return Bad("bad sentence offsets " + std::to_string(begin) + ".." + std::to_string(end));
  }
  e.begin = static_cast<uint32_t>(begin);
  e.end = static_cast<uint32_t>(end);
  PG_RETURN_IF_ERROR(Text(rec, "modality", &e.modality));
  PG_RETURN_IF_ERROR(Text(rec, "date", &e.date));
  PG_RETURN_IF_ERROR(Text(rec, "sentence", &e.sentence));
  if (e.relationship >= rel_bound_ || !rel_seen_[e.relationship]) {
    return Bad("evidence for relationship " + std::to_string(e.relationship) +
               ", which the dump does not hold");
  }
  if (!std::binary_search(articles_.begin(), articles_.end(), e.article)) {
    return Bad("evidence from article " + std::to_string(e.article) +
               ", which the dump does not hold");
  }
  Status s = restore_->AddEvidence(e);
  return Placed(s);
}

Status Restorer::EndRecord(const Json& rec) {
  uint64_t records;
  PG_RETURN_IF_ERROR(Uint(rec, "records", &records));
  PG_RETURN_IF_ERROR(Uint(rec, "article_id_bound", &article_bound_));
  if (article_bound_ <= last_article_ || article_bound_ > kMaxIdBound) {
    return Bad("bad \"article_id_bound\" " + std::to_string(article_bound_));
  }
  uint64_t total = 0;
  for (int s = kNodes; s <= kEvidence; ++s) {
    total += counted_[s];
    if (counted_[s] != expected_[s]) {
      return Bad("the dump holds " + std::to_string(counted_[s]) + " " + kSectionNames[s] +
                 " records where its header announced " + std::to_string(expected_[s]));
    }
  }
  if (records != total) {
    return Bad("the end record counts " + std::to_string(records) + " records, the dump holds " +
               std::to_string(total));
  }
  return Status::OK();
}

Status Restorer::Run(Database& db, DumpSummary* summary) {
  {
    auto reader = db.NewReader();
    GraphStats stats;
    PG_RETURN_IF_ERROR(reader->GetStats(&stats));
    if (stats.nodes || stats.relationships || stats.articles || reader->NodeIdBound() > 1 ||
        reader->RelIdBound() > 1) {
      return Status::InvalidArgument("restore needs an empty database, and " + db.path() +
                                     " holds " + std::to_string(stats.nodes) + " nodes, " +
                                     std::to_string(stats.relationships) + " relationships and " +
                                     std::to_string(stats.articles) +
                                     " articles (or held some): restore into a new --db directory");
    }
  }
  Json rec;
  if (!NextLine()) {
    if (in_.bad()) return Status::IOError(name_ + ": read failed");
    return Status::InvalidArgument(name_ + ":1 (byte 0): empty file (expected a pactgraph dump)");
  }
  PG_RETURN_IF_ERROR(Parse(&rec));
  PG_RETURN_IF_ERROR(Header(rec));
  PG_ASSIGN_OR_RETURN(loader_, db.BeginBulkLoad());
  restore_ = dynamic_cast<BulkRestore*>(loader_.get());
  if (restore_ == nullptr)
    return Status::NotSupported("this database's bulk loader cannot restore");
  loader_->Reserve(expected_[kNodes], expected_[kRels]);
  const uint64_t total = expected_[0] + expected_[1] + expected_[2] + expected_[3];
  uint64_t done = 0;
  while (NextLine()) {
    if (section_ == kEnd) {
      if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;
      return Bad("a record after the end record");
    }
    PG_RETURN_IF_ERROR(Parse(&rec));
    // The key that names a record's kind ("end" is also a field of relationships and
    // evidence, "article" of evidence: the end record's "end" is a string).
    int kind = -1;
    if (rec.contains("node"))
      kind = kNodes;
    else if (rec.contains("relationship"))
      kind = kRels;
    else if (rec.contains("evidence"))
      kind = kEvidence;
    else if (rec.contains("article"))
      kind = kArticles;
    else if (rec.contains("end") && rec["end"].is_string())
      kind = kEnd;
    if (kind < 0) return Bad("not a node, relationship, article, evidence or end record");
    if (kind < section_) {
      return Bad(std::string("a ") + kSectionKeys[kind] + " record after the " +
                 kSectionNames[section_] +
                 " (records come in the order nodes, relationships, articles, evidence)");
    }
    section_ = kind;
    if (kind != kEnd && ++counted_[kind] > expected_[kind]) {
      return Bad(std::string("more ") + kSectionNames[kind] + " records than the header's " +
                 std::to_string(expected_[kind]));
    }
    switch (kind) {
      case kNodes:
        PG_RETURN_IF_ERROR(NodeRecord(rec));
        break;
      case kRels:
        PG_RETURN_IF_ERROR(RelRecord(rec));
        break;
      case kArticles:
        PG_RETURN_IF_ERROR(ArticleRecord(rec));
        break;
      case kEvidence:
        PG_RETURN_IF_ERROR(EvidenceRecord(rec));
        break;
      default:
        PG_RETURN_IF_ERROR(EndRecord(rec));
    }
    if (progress_ && (++done & 0x3fff) == 0) progress_("read", done, total);
  }
  if (in_.bad()) return Status::IOError(name_ + ": read failed");
  if (section_ != kEnd) {
    line_offset_ = next_offset_;
    ++line_no_;
    return Bad("truncated dump: it ends without its end record");
  }
  if (progress_) progress_("read", total, total);
  PG_RETURN_IF_ERROR(restore_->AdvanceIds(node_bound_, rel_bound_, article_bound_));
  PG_RETURN_IF_ERROR(loader_->Finish([&](uint64_t d, uint64_t t) {
    if (progress_) progress_("write", d, t);
  }));
  if (summary) {
    summary->nodes = counted_[kNodes];
    summary->relationships = counted_[kRels];
    summary->articles = counted_[kArticles];
    summary->evidence = counted_[kEvidence];
    summary->bytes = next_offset_;
  }
  return Status::OK();
}

}  // namespace

Status RestoreDatabase(Database& db, std::istream& in, const std::string& name,
                       const DumpProgress& progress, DumpSummary* summary) {
  Restorer r(in, name, progress);
  return r.Run(db, summary);
}

}  // namespace pactgraph

// pactgraph dump: the reader's snapshot as JSON Lines (format: docs/dump.md, values:
// dump_values.h). One record is built in a reused buffer and written at once, so memory does
// not grow with the database.
#include <string>

#include "engine/io/dump_values.h"
#include "pactgraph/dump.h"

namespace pactgraph {
namespace {

using io::AppendDumpMap;
using io::AppendDumpValue;
using io::AppendJsonString;

void AppendField(std::string* out, const char* key, uint64_t v) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
  out->append(std::to_string(v));
}

void AppendField(std::string* out, const char* key, std::string_view v) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
  AppendJsonString(out, v);
}

class DumpWriter {
 public:
  DumpWriter(std::ostream& out, const DumpProgress& progress, uint64_t total)
      : out_(out), progress_(progress), total_(total) {}

  Status Emit() {
    line_.push_back('\n');
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
    bytes_ += line_.size();
    line_.clear();
    if (!out_) return Status::IOError("dump: write failed");
    if (progress_ && (++records_ & 0x3fff) == 0) progress_("dump", records_, total_);
    return Status::OK();
  }
  std::string& line() { return line_; }
  uint64_t bytes() const { return bytes_; }

 private:
  std::ostream& out_;
  const DumpProgress& progress_;
  uint64_t total_;
  std::string line_;
  uint64_t records_ = 0, bytes_ = 0;
};

Status WriteNode(const Node& n, std::string* l) {
  l->append("{");
  AppendField(l, "node", n.id);
  l->append(",\"labels\":[");
  for (size_t i = 0; i < n.labels.size(); ++i) {
    if (i) l->push_back(',');
    AppendJsonString(l, n.labels[i]);
  }
  l->append("],\"properties\":");
  PG_RETURN_IF_ERROR(AppendDumpMap(l, n.properties));
  l->push_back('}');
  return Status::OK();
}

Status WriteRelationship(const Relationship& r, std::string* l) {
  l->append("{");
  AppendField(l, "relationship", r.id);
  l->push_back(',');
  AppendField(l, "type", r.type);
  l->push_back(',');
  AppendField(l, "start", r.start);
  l->push_back(',');
  AppendField(l, "end", r.end);
  l->append(",\"properties\":");
  PG_RETURN_IF_ERROR(AppendDumpMap(l, r.properties));
  l->push_back('}');
  return Status::OK();
}

void WriteArticle(const Article& a, std::string* l) {
  l->append("{");
  AppendField(l, "article", a.id);
  for (auto [key, value] : {std::pair<const char*, const std::string*>{"title", &a.title},
                            {"source", &a.source},
                            {"date", &a.date},
                            {"file", &a.file},
                            {"content_hash", &a.content_hash},
                            {"text", &a.text}}) {
    l->push_back(',');
    AppendField(l, key, *value);
  }
  l->push_back('}');
}

void WriteEvidence(const Evidence& e, std::string* l) {
  l->append("{");
  AppendField(l, "evidence", e.relationship);
  l->push_back(',');
  AppendField(l, "article", e.article);
  l->push_back(',');
  AppendField(l, "begin", e.begin);
  l->push_back(',');
  AppendField(l, "end", e.end);
  l->push_back(',');
  AppendField(l, "modality", e.modality);
  l->push_back(',');
  AppendField(l, "date", e.date);
  l->push_back(',');
  AppendField(l, "sentence", e.sentence);
  l->push_back('}');
}

}  // namespace

Status DumpDatabase(const GraphReader& reader, std::ostream& out, const DumpProgress& progress,
                    DumpSummary* summary) {
  GraphStats stats;
  PG_RETURN_IF_ERROR(reader.GetStats(&stats));
  DumpSummary counted;
  DumpWriter w(out, progress, stats.nodes + stats.relationships + stats.articles + stats.evidence);
  std::string& l = w.line();
  l.append("{");
  AppendField(&l, "pactgraph_dump", static_cast<uint64_t>(kDumpFormatVersion));
  l.push_back(',');
  AppendField(&l, "nodes", stats.nodes);
  l.push_back(',');
  AppendField(&l, "relationships", stats.relationships);
  l.push_back(',');
  AppendField(&l, "articles", stats.articles);
  l.push_back(',');
  AppendField(&l, "evidence", stats.evidence);
  l.push_back(',');
  AppendField(&l, "node_id_bound", reader.NodeIdBound());
  l.push_back(',');
  AppendField(&l, "relationship_id_bound", reader.RelIdBound());
  l.push_back('}');
  PG_RETURN_IF_ERROR(w.Emit());

  Status inner;
  Node node;
  PG_RETURN_IF_ERROR(reader.ScanNodes("", [&](NodeId id) {
    inner = reader.GetNode(id, &node);
    if (inner.ok()) inner = WriteNode(node, &l);
    if (inner.ok()) inner = w.Emit();
    ++counted.nodes;
    return inner.ok();
  }));
  PG_RETURN_IF_ERROR(inner);
  Relationship rel;
  PG_RETURN_IF_ERROR(reader.ScanRelationships([&](const RelEndpoints& e) {
    inner = reader.GetRelationship(e.id, &rel);
    if (inner.ok()) inner = WriteRelationship(rel, &l);
    if (inner.ok()) inner = w.Emit();
    ++counted.relationships;
    return inner.ok();
  }));
  PG_RETURN_IF_ERROR(inner);
  uint64_t article_bound = 1;
  PG_RETURN_IF_ERROR(reader.ScanArticles([&](const Article& a) {
    WriteArticle(a, &l);
    inner = w.Emit();
    article_bound = std::max(article_bound, a.id + 1);
    ++counted.articles;
    return inner.ok();
  }));
  PG_RETURN_IF_ERROR(inner);
  if (stats.evidence > 0) {  // one seek per relationship: skipped when there is none
    std::vector<Evidence> evidence;
    PG_RETURN_IF_ERROR(reader.ScanRelationships([&](const RelEndpoints& e) {
      evidence.clear();
      inner = reader.GetEvidence(e.id, &evidence);
      for (size_t i = 0; inner.ok() && i < evidence.size(); ++i) {
        WriteEvidence(evidence[i], &l);
        inner = w.Emit();
        ++counted.evidence;
      }
      return inner.ok();
    }));
    PG_RETURN_IF_ERROR(inner);
  }
  if (counted.nodes != stats.nodes || counted.relationships != stats.relationships ||
      counted.articles != stats.articles || counted.evidence != stats.evidence) {
    return Status::Corruption(
        "dump: the stored counters disagree with the records (run pactgraph check)");
  }
  l.append("{\"end\":\"pactgraph_dump\",");
  AppendField(&l, "records",
              counted.nodes + counted.relationships + counted.articles + counted.evidence);
  l.push_back(',');
  AppendField(&l, "article_id_bound", article_bound);
  l.push_back('}');
  PG_RETURN_IF_ERROR(w.Emit());
  out.flush();
  if (!out) return Status::IOError("dump: write failed");
  counted.bytes = w.bytes();
  if (summary) *summary = counted;
  return Status::OK();
}

}  // namespace pactgraph

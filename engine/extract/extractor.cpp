// The Extractor (pactgraph/ingest.h): runs the passes of document.h over one article.
#include <sys/stat.h>

#include <cstdlib>

#include "engine/extract/coref.h"
#include "engine/extract/document.h"
#include "engine/extract/extract.h"
#include "engine/extract/lexicon.h"
#include "engine/extract/output.h"
#include "pactgraph/import_export.h"

namespace pactgraph {

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kNation:
      return "nation";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kProgram:
      return "program";
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kPlace:
      return "place";
  }
  return "organization";
}

const char* EntityKindLabel(EntityKind kind) {
  switch (kind) {
    case EntityKind::kNation:
      return "Nation";
    case EntityKind::kOrganization:
      return "Organization";
    case EntityKind::kProgram:
      return "Program";
    case EntityKind::kPerson:
      return "Person";
    case EntityKind::kPlace:
      return "Place";
  }
  return "Organization";
}

std::string DefaultDataDir() {
  return extract::ResolveDataDir({PACTGRAPH_SOURCE_DATA_DIR, PACTGRAPH_INSTALL_DATA_DIR});
}

}  // namespace pactgraph

namespace pactgraph::extract {

std::string ResolveDataDir(const std::vector<std::string>& candidates) {
  struct stat st;
  if (const char* env = std::getenv("PACTGRAPH_DATA_DIR"); env && *env) return env;
  for (const std::string& c : candidates) {
    if (!c.empty() && stat((c + "/extract/triggers.tsv").c_str(), &st) == 0) return c;
  }
  return "";
}

}  // namespace pactgraph::extract

namespace pactgraph {

struct Extractor::Impl {
  extract::Lexicon lex;
  bool trace = false;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& given) {
  // A FIFO, device or directory as a rule file is refused before anything opens it (a FIFO
  // with no writer would block).
  for (const auto& r : given.rule_files) PG_RETURN_IF_ERROR(CheckInputFile(r));
  ExtractorOptions options = given;
  if (options.data_dir.empty()) options.data_dir = DefaultDataDir();
  if (options.data_dir.empty()) {
    return Status::NotFound(
        "no extraction data directory (set PACTGRAPH_DATA_DIR to the folder holding "
        "extract/triggers.tsv)");
  }
  auto impl = std::make_unique<Impl>();
  impl->trace = options.trace;
  extract::Segmenter seg;
  if (!seg.ok()) return Status::Internal("ICU break iterators unavailable");
  PG_RETURN_IF_ERROR(impl->lex.Load(options, &seg));
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

Status Extractor::Extract(const Article& article, Extraction* out) const {
  using namespace extract;  // NOLINT(google-build-using-namespace): the passes of document.h
  *out = Extraction();
  thread_local Segmenter seg;  // ICU iterators are costly to build: one per thread
  if (!seg.ok()) return Status::Internal("ICU break iterators unavailable");
  const Lexicon& lex = impl_->lex;
  Document doc;
  doc.article = &article;
  doc.warnings = &out->warnings;
  doc.trace = impl_->trace ? &out->trace : nullptr;
  seg.Split(article.text, &doc.sentences);  // 1. segment
  doc.state.resize(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    TagSentence(lex, doc.sentences[i], &doc.state[i].info);  // 2. tag
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) FindMentions(lex, &doc, i);  // 3-4
  ResolveAffiliations(lex, &doc);
  AssignSpeakers(lex, &doc);
  CorefState coref;
  coref.SetDominantNation(doc.dominant_nation);
  std::vector<RelationRecord> records;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    doc.candidates = 0;
    ResolveReferences(lex, &doc, i, &coref);  // 5. references
    ReadStructural(lex, &doc, i, &records);   // 6. frames
    ReadFrames(lex, &doc, i, &coref, &records);
  }
  BuildExtraction(lex, &doc, &records, out);  // 7. output
  return Status::OK();
}

}  // namespace pactgraph

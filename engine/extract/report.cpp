// Printing of extractions (pactgraph/ingest.h): the scorer JSON, a table, the --trace listing.
#include <nlohmann/json.hpp>
#include <sstream>

#include "pactgraph/ingest.h"

namespace pactgraph::extract {

namespace {

nlohmann::json RelationJson(const ExtractedRelation& r) {
  return {{"source", r.source},
          {"type", r.type},
          {"target", r.target},
          {"modality", r.modality},
          {"negated", r.negated},
          {"evidence_count", r.evidence_count},
          {"date", r.date},
          {"trigger", r.trigger},
          {"sentence", r.sentence},
          {"begin", r.sentence_span.begin},
          {"end", r.sentence_span.end},
          {"rule", r.rule}};
}

}  // namespace

}  // namespace pactgraph::extract

namespace pactgraph {

using namespace extract;  // NOLINT(google-build-using-namespace): this file's helpers

std::string ExtractionsToJson(const std::vector<Article>& articles,
                              const std::vector<Extraction>& extractions, int indent) {
  nlohmann::json docs = nlohmann::json::array();
  for (size_t i = 0; i < articles.size() && i < extractions.size(); ++i) {
    const Article& a = articles[i];
    const Extraction& x = extractions[i];
    nlohmann::json ents = nlohmann::json::array();
    for (const auto& e : x.entities) {
      nlohmann::json j = {
          {"canonical", e.canonical}, {"kind", EntityKindName(e.kind)}, {"aliases", e.aliases}};
      if (!e.iso_alpha3.empty()) j["iso_alpha3"] = e.iso_alpha3;
      if (!e.nation.empty()) j["nation"] = e.nation;
      if (!e.affiliation.empty()) j["affiliation"] = e.affiliation;
      nlohmann::json offs = nlohmann::json::array();
      for (const auto& m : e.mentions) offs.push_back({m.begin, m.end});
      j["mentions"] = offs;
      ents.push_back(std::move(j));
    }
    nlohmann::json rels = nlohmann::json::array(), neg = nlohmann::json::array(),
                   ev = nlohmann::json::array();
    for (const auto& r : x.relations) (r.negated ? neg : rels).push_back(RelationJson(r));
    for (const auto& r : x.evidence) ev.push_back(RelationJson(r));
    nlohmann::json d = {{"file", a.file},     {"title", a.title}, {"date", a.date},
                        {"source", a.source}, {"entities", ents}, {"relations", rels},
                        {"negated", neg},     {"evidence", ev}};
    if (!x.warnings.empty()) d["warnings"] = x.warnings;
    docs.push_back(std::move(d));
  }
  nlohmann::json root = {{"documents", docs}};
  return root.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string ExtractionToTable(const Article& article, const Extraction& x) {
  std::ostringstream os;
  os << "== " << article.file;
  if (!article.title.empty()) os << " — " << article.title;
  os << "\n";
  for (const auto& e : x.entities) {
    os << "  " << EntityKindName(e.kind) << "\t" << e.canonical;
    if (!e.affiliation.empty()) os << "  [" << e.affiliation << "]";
    os << "\n";
  }
  for (const auto& r : x.relations) {
    os << "  " << r.source << " -[" << r.type << (r.negated ? ", negated" : "") << ", "
       << r.modality << "]-> " << r.target << "  (" << r.evidence_count << " sentence"
       << (r.evidence_count == 1 ? "" : "s") << ")\n";
  }
  return os.str();
}

namespace {

std::string Quoted(const Article& a, const Span& s) {
  if (s.end <= s.begin || s.end > a.text.size()) return "-";
  return "'" + a.text.substr(s.begin, s.end - s.begin) + "' @" + std::to_string(s.begin);
}

}  // namespace

std::string ExtractionTrace(const Article& article, const Extraction& x) {
  std::ostringstream os;
  os << "== " << article.file << " (trace)\n";
  for (const auto& r : x.evidence) {
    os << "  " << r.source << " -[" << r.type << (r.negated ? ", negated" : "") << ", "
       << r.modality << "]-> " << r.target << "\n"
       << "      rule:    " << r.rule << "\n"
       << "      trigger: " << Quoted(article, r.trigger_span) << "\n"
       << "      source:  " << Quoted(article, r.source_span) << "\n"
       << "      target:  " << Quoted(article, r.target_span) << "\n"
       << "      sentence " << r.sentence_span.begin << "-" << r.sentence_span.end << ": "
       << r.sentence << "\n";
  }
  if (!x.trace.empty()) os << "  rejected candidates:\n";
  for (const auto& t : x.trace) os << "    " << t << "\n";
  for (const auto& w : x.warnings) os << "  warning: " << w << "\n";
  return os.str();
}

}  // namespace pactgraph

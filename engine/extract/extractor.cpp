// The Extractor: runs the passes of document.h over one article and builds the Extraction.
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "engine/extract/document.h"
#include "engine/extract/extract.h"
#include "engine/extract/lexicon.h"
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
  extract::Segmenter seg;
  if (!seg.ok()) return Status::Internal("ICU break iterators unavailable");
  Status st = impl->lex.Load(options, &seg);
  if (!st.ok()) return st;
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

}  // namespace pactgraph

namespace pactgraph::extract {

namespace {

const char* const kMonths[] = {"january",   "february", "march",    "april",
                               "may",       "june",     "july",     "august",
                               "september", "october",  "november", "december"};

int MonthOf(const std::string& f) {
  for (int m = 0; m < 12; ++m) {
    std::string full = kMonths[m];
    if (f == full || (f.size() >= 3 && full.compare(0, f.size(), f) == 0 && f.size() <= 4 &&
                      f != "may" && f != "mar" && f != "jun")) {
      if (f.size() < full.size() && f.size() < 3) continue;
      return m + 1;
    }
  }
  return 0;
}

// "February 17, 2026", "17 February 2026", "March 31, 2017": ISO date, else "".
std::string SentenceDate(const Sentence& s) {
  const auto& t = s.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    int m = MonthOf(t[k].fold);
    if (m == 0 || !t[k].Is(kCap)) continue;
    auto num = [&](size_t i) {
      return i < t.size() && t[i].Is(kDigit) ? std::atoi(t[i].fold.c_str()) : 0;
    };
    int day = num(k + 1), year = 0;
    if (day >= 1 && day <= 31) {
      size_t y = k + 2;
      if (y < t.size() && t[y].fold == ",") ++y;
      year = num(y);
    } else if (k > 0) {
      day = num(k - 1);
      year = num(k + 1);
    }
    if (year >= 1900 && year <= 2100 && day >= 1 && day <= 31) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m, day);
      return buf;
    }
  }
  return "";
}

// Persons: the body they act for.
void ResolvePersons(Document* doc) {
  int dominant = -1;
  {
    std::vector<std::pair<int, std::string>> counts;
    for (const auto& [name, c] : doc->nation_counts) counts.emplace_back(c, name);
    std::sort(counts.rbegin(), counts.rend());
    if (!counts.empty() && (counts.size() == 1 || counts[0].first >= 2 * counts[1].first)) {
      auto it = doc->alias_index.find(Fold(counts[0].second));
      if (it != doc->alias_index.end()) dominant = it->second;
    }
  }
  for (DocEntity& p : doc->ents) {
    if (p.kind != EntityKind::kPerson) continue;
    int aff = p.title_org;
    const std::string head = p.title_head;
    if (aff < 0 && !p.title_complement.empty()) {
      std::string c = Fold(p.title_complement);
      std::vector<std::string> keys;
      if (head.find("minister") != std::string::npos && head.find("prime") == std::string::npos) {
        keys = {"ministry of " + c, "ministry for " + c};
      } else if (head.find("secretary") != std::string::npos) {
        keys = {"department of " + c, "ministry of " + c};
      }
      for (const auto& k : keys) {
        auto it = doc->alias_index.find(k);
        if (it != doc->alias_index.end() &&
            doc->ents[it->second].kind == EntityKind::kOrganization) {
          aff = it->second;
          break;
        }
      }
    }
    if (aff < 0) aff = p.title_nation;
    // An office without a stated body or nation stays unaffiliated: no relation endpoint.
    p.affiliation = aff;
  }
  // Government bodies without a stated country fall back to the document's main nation.
  for (DocEntity& o : doc->ents) {
    if (o.kind == EntityKind::kOrganization && o.gov_body && o.nation.empty() && dominant >= 0) {
      o.nation = doc->ents[dominant].name;
    }
  }
}

// "Name (ACR)" when the text introduced an acronym; else "Name (Country)"
// when it states the country of a public body; else the name as written.
std::string Canonical(const DocEntity& e) {
  std::string name = e.name;
  if (e.kind != EntityKind::kOrganization) return name;
  if (!e.acronym.empty()) return name + " (" + e.acronym + ")";
  if (e.gov_body && e.nation_explicit && !e.nation.empty() &&
      Fold(name).find(Fold(e.nation)) == std::string::npos) {
    for (size_t p; (p = name.find(", and ")) != std::string::npos;) name.erase(p, 1);
    return name + " (" + e.nation + ")";
  }
  return name;
}

}  // namespace
}  // namespace pactgraph::extract

namespace pactgraph {

Status Extractor::Extract(const Article& article, Extraction* out) const {
  using namespace extract;  // NOLINT(google-build-using-namespace): the passes of document.h
  *out = Extraction();
  thread_local Segmenter seg;  // ICU iterators are costly to build: one per thread
  if (!seg.ok()) return Status::Internal("ICU break iterators unavailable");
  Document doc;
  doc.article = &article;
  seg.Split(article.text, &doc.sentences);
  doc.mentions.resize(doc.sentences.size());
  const Lexicon& lex = impl_->lex;
  for (size_t i = 0; i < doc.sentences.size(); ++i) FindMentions(lex, &doc, i);
  ResolvePersons(&doc);
  RelationFinder finder(lex, &doc);
  std::vector<RelationRecord> records;
  for (size_t i = 0; i < doc.sentences.size(); ++i) finder.Run(i, &records);
  // Organisations whose country became known in pass 2 keep it.
  std::vector<std::string> names(doc.ents.size());
  for (size_t i = 0; i < doc.ents.size(); ++i) names[i] = Canonical(doc.ents[i]);

  // Relations through a person's affiliation yield to the same relation between nations.
  auto nation_of = [&](int e) -> std::string {
    const DocEntity& d = doc.ents[e];
    return d.kind == EntityKind::kNation ? d.name : d.nation;
  };
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  for (const RelationRecord& r : records) {
    std::string s = names[r.source], t = names[r.target];
    bool directed = IsDirected(r.type);
    if (!directed && t < s) std::swap(s, t);
    if (r.via_person && !directed) {
      std::string ns = nation_of(r.source), nt = nation_of(r.target);
      if (!directed && nt < ns) std::swap(ns, nt);
      bool lifted = false;
      for (const RelationRecord& q : records) {
        if (&q == &r || q.type != r.type || q.via_person) continue;
        std::string a = names[q.source], b = names[q.target];
        if (b < a) std::swap(a, b);
        if (a == ns && b == nt && !(a == s && b == t)) lifted = true;
      }
      if (lifted) continue;
    }
    const Sentence& sent = doc.sentences[r.sentence];
    ExtractedRelation er;
    er.source = s;
    er.type = r.type;
    er.target = t;
    er.modality = r.modality;
    er.negated = r.negated;
    er.directed = directed;
    er.sentence = article.text.substr(sent.begin, sent.end - sent.begin);
    er.sentence_span = {sent.begin, sent.end};
    er.date = SentenceDate(sent);
    if (er.date.empty()) er.date = article.date;
    er.trigger = r.trigger;
    auto key = std::make_tuple(s, r.type + (r.negated ? "!" : ""), t);
    auto it = index.find(key);
    bool duplicate_sentence = false;
    for (const auto& ev : out->evidence) {
      if (ev.source == s && ev.type == r.type && ev.target == t && ev.negated == r.negated &&
          ev.sentence_span.begin == sent.begin) {
        duplicate_sentence = true;
      }
    }
    if (duplicate_sentence) continue;
    out->evidence.push_back(er);
    if (it == index.end()) {
      index[key] = out->relations.size();
      out->relations.push_back(er);
    } else {
      out->relations[it->second].evidence_count++;
    }
  }
  for (size_t i = 0; i < doc.ents.size(); ++i) {
    const DocEntity& d = doc.ents[i];
    if (!d.reported || d.mentions.empty()) continue;
    ExtractedEntity e;
    e.canonical = names[i];
    e.kind = d.kind;
    e.aliases = d.aliases;
    if (e.canonical != d.name) e.aliases.insert(e.aliases.begin(), d.name);
    e.iso_alpha3 = d.iso3;
    e.nation = d.nation;
    if (d.affiliation >= 0) e.affiliation = names[d.affiliation];
    e.mentions = d.mentions;
    out->entities.push_back(std::move(e));
  }
  return Status::OK();
}

}  // namespace pactgraph

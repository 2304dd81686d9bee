// python/src/ingest.cpp — news into the graph: ingestion of files and texts, and extraction
// without storing.
//
// Inputs come in the order given, as ("path", PATH) or ("text", TEXT, title, date, source,
// name) items. Every input is read and parsed first (paths through ReadArticles, texts through
// ParseArticleText, the same header rules as files); only then is anything stored, one
// transaction per article (IngestArticles). So in strict mode a bad input (invalid UTF-8, a
// binary or empty file, a FIFO) raises InputError naming it and leaves the database unchanged.
//
// Extractors load their rule tables once (tens of milliseconds) and are immutable, so one per
// set of extra rule files is kept for the life of the process and shared by every database
// and thread.
#include "pactgraph/ingest.h"

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>

#include "python/src/native.h"

namespace pactgraph::python {
namespace {

Result<const Extractor*> GetExtractor(const std::vector<std::string>& rules) {
  static std::mutex mu;
  static auto* cache = new std::map<std::vector<std::string>, std::unique_ptr<Extractor>>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(rules);
  if (it != cache->end()) return it->second.get();
  ExtractorOptions options;
  options.rule_files = rules;
  PG_ASSIGN_OR_RETURN(std::unique_ptr<Extractor> ex, Extractor::Create(options));
  return cache->emplace(rules, std::move(ex)).first->second.get();
}

struct Input {
  bool is_path = true;
  std::string path_or_text, title, date, source, name;
};

std::vector<Input> InputsFromPython(const py::list& items) {
  std::vector<Input> out;
  for (py::handle item : items) {
    py::tuple t = py::reinterpret_borrow<py::tuple>(item);
    Input in;
    in.is_path = t[0].cast<std::string>() == "path";
    in.path_or_text = t[1].cast<std::string>();
    if (!in.is_path) {
      in.title = t[2].cast<std::string>();
      in.date = t[3].cast<std::string>();
      in.source = t[4].cast<std::string>();
      in.name = t[5].cast<std::string>();
    }
    out.push_back(std::move(in));
  }
  return out;
}

// The article of a text input: header lines as in a file, then the fields given explicitly.
Status ParseText(const Input& in, Article* out) {
  PG_RETURN_IF_ERROR(ParseArticleText(in.name, in.path_or_text, out));
  if (!in.title.empty()) out->title = in.title;
  if (!in.date.empty()) out->date = in.date;
  if (!in.source.empty()) out->source = in.source;
  return Status::OK();
}

py::dict StatsToPython(const IngestStats& s) {
  py::dict d;
  d["articles_added"] = s.articles_added;
  d["articles_skipped"] = s.articles_skipped;
  d["nodes_added"] = s.nodes_added;
  d["nodes_merged"] = s.nodes_merged;
  d["relationships_added"] = s.relationships_added;
  d["relationships_merged"] = s.relationships_merged;
  d["evidence_added"] = s.evidence_added;
  return d;
}

py::list ProblemsToPython(const std::vector<InputProblem>& problems) {
  py::list out;
  for (const auto& p : problems) out.append(py::make_tuple(p.path, p.message));
  return out;
}

py::dict Ingest(NativeDb& self, const py::list& items, const std::vector<std::string>& rules,
                py::object progress, bool strict) {
  NativeDb::Use use(&self);
  const std::vector<Input> inputs = InputsFromPython(items);
  std::vector<std::string> paths;
  for (const Input& in : inputs) {
    if (in.is_path) paths.push_back(in.path_or_text);
  }
  // A FIFO or a device is refused before anything is read (reading one could block forever).
  if (Status s = CheckArticlePaths(paths); !s.ok()) ThrowStatus(s, ErrorSite::kCall);

  std::vector<Article> articles;
  IngestSummary summary;
  std::optional<Result<const Extractor*>> extractor;
  {
    py::gil_scoped_release nogil;
    extractor.emplace(GetExtractor(rules));
    for (const Input& in : inputs) {
      if (in.is_path) {
        ReadArticles({in.path_or_text}, ReadOptions(), &articles, &summary.problems);
        continue;
      }
      Article a;
      if (Status s = ParseText(in, &a); !s.ok()) {
        summary.problems.push_back({in.name, s.message()});
      } else {
        articles.push_back(std::move(a));
      }
    }
  }
  if (!extractor->ok()) ThrowStatus(extractor->status(), ErrorSite::kCall);
  if (strict && !summary.problems.empty()) {
    std::string message = std::to_string(summary.problems.size()) + " input" +
                          (summary.problems.size() == 1 ? "" : "s") +
                          " could not be read, so nothing was stored (errors='warn' stores the "
                          "others):";
    for (const auto& p : summary.problems) message += "\n  " + p.message;
    ThrowInput(message);
  }

  CancelScope scope(&self);
  IngestOptions options;
  options.extractor = **extractor;
  options.cancel = scope.flag();
  std::optional<py::error_already_set> callback_error;
  auto* cancel = const_cast<std::atomic<bool>*>(scope.flag());
  if (!progress.is_none()) {
    options.progress = [&](uint64_t done, uint64_t total) {
      py::gil_scoped_acquire gil;
      if (callback_error) return;
      try {
        progress(done, total);
      } catch (py::error_already_set& e) {
        callback_error.emplace(std::move(e));
        cancel->store(true);  // stop before the next article
      }
    };
  }
  py::list stored;
  options.on_article = [&](const Article& a, bool added, const IngestStats& delta) {
    py::gil_scoped_acquire gil;
    stored.append(py::make_tuple(a.file, a.title, added,
                                 delta.relationships_added + delta.relationships_merged,
                                 delta.evidence_added));
  };
  Status s;
  {
    py::gil_scoped_release nogil;
    s = IngestArticles(use.db(), articles, options, &summary);
  }
  if (callback_error) throw std::move(*callback_error);
  if (!s.ok()) {
    scope.RaiseIfSignalled(s);
    ThrowStatus(s, ErrorSite::kCall);
  }
  py::dict out = StatsToPython(summary.stats);
  out["articles_read"] = articles.size();
  out["articles"] = stored;
  out["problems"] = ProblemsToPython(summary.problems);
  return out;
}

py::dict ExtractionToPython(const Extraction& x) {
  py::list entities, relations, evidence;
  for (const ExtractedEntity& e : x.entities) {
    py::dict d;
    d["name"] = e.canonical;
    d["kind"] = EntityKindName(e.kind);
    d["label"] = EntityKindLabel(e.kind);
    d["aliases"] = e.aliases;
    d["iso_alpha3"] = e.iso_alpha3;
    d["nation"] = e.nation;
    d["affiliation"] = e.affiliation;
    py::list mentions;
    for (const Span& m : e.mentions) mentions.append(py::make_tuple(m.begin, m.end));
    d["mentions"] = mentions;
    entities.append(d);
  }
  for (auto [list, source] : {std::pair{&relations, &x.relations}, {&evidence, &x.evidence}}) {
    for (const ExtractedRelation& r : *source) {
      py::dict d;
      d["source"] = r.source;
      d["type"] = r.type;
      d["target"] = r.target;
      d["modality"] = r.modality;
      d["negated"] = r.negated;
      d["directed"] = r.directed;
      d["sentence"] = r.sentence;
      d["span"] = py::make_tuple(r.sentence_span.begin, r.sentence_span.end);
      d["date"] = r.date;
      d["trigger"] = r.trigger;
      d["evidence_count"] = r.evidence_count;
      list->append(d);
    }
  }
  py::dict out;
  out["entities"] = entities;
  out["relations"] = relations;
  out["evidence"] = evidence;
  out["warnings"] = x.warnings;
  return out;
}

py::dict Extract(const std::string& text, const std::string& title, const std::string& date,
                 const std::string& source, const std::vector<std::string>& rules) {
  Input in;
  in.is_path = false;
  in.path_or_text = text;
  in.title = title;
  in.date = date;
  in.source = source;
  in.name = "<text>";
  Extraction x;
  Status s;
  {
    py::gil_scoped_release nogil;
    auto extractor = GetExtractor(rules);
    Article a;
    s = extractor.ok() ? ParseText(in, &a) : extractor.status();
    if (s.ok()) s = (*extractor)->Extract(a, &x);
  }
  if (!s.ok()) ThrowStatus(s, ErrorSite::kCall);
  return ExtractionToPython(x);
}

}  // namespace

void BindIngest(py::module_& m, NativeDbClass& db) {
  db.def("ingest", &Ingest, py::arg("items"), py::arg("rules"), py::arg("progress"),
         py::arg("strict"));
  m.def("extract", &Extract, py::arg("text"), py::arg("title"), py::arg("date"), py::arg("source"),
        py::arg("rules"));
}

}  // namespace pactgraph::python

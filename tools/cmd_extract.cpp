// `pactgraph extract PATH...` — decompose articles into entities and relations without storing
// anything; `--format json` prints what shared/corpus/score.py reads, `--format jsonl` one
// extraction record per article (pactgraph/extraction_record.h), streamed, for
// `ingest --extracted`.
#include <iostream>
#include <memory>

#include "pactgraph/extraction_record.h"
#include "pactgraph/ingest.h"
#include "pactgraph/news_formats.h"
#include "tools/command.h"

namespace pactgraph::tools {

// Shared with cmd_ingest.cpp: an Extractor over the project's data directory plus --rules.
Result<std::unique_ptr<Extractor>> MakeExtractor(const std::vector<std::string>& rules,
                                                 bool trace) {
  ExtractorOptions options;
  options.rule_files = rules;
  options.trace = trace;
  return Extractor::Create(options);
}

Result<std::unique_ptr<Extractor>> MakeExtractor(const std::vector<std::string>& rules) {
  return MakeExtractor(rules, false);
}

// Prints each input problem and a summary line; returns the exit code for them.
int ReportInputProblems(const std::vector<InputProblem>& problems, size_t read) {
  if (problems.empty()) return kExitOk;
  for (const auto& p : problems) ReportError(p.message, kExitBadInput);
  std::cerr << "pactgraph: " << problems.size() << " input" << (problems.size() == 1 ? "" : "s")
            << " failed, " << read << " article" << (read == 1 ? "" : "s") << " read; failed:";
  for (const auto& p : problems) std::cerr << " " << p.path;
  std::cerr << "\n";
  return kExitBadInput;
}

namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string format = "json";
  std::vector<std::string> rules;
  uint64_t max_bytes = 8ull << 20;
  bool trace = false;
};

// --format jsonl: one record per article as soon as it is extracted (bounded memory).
int RunExtractRecords(const Extractor& ex, const ExtractArgs& a) {
  std::vector<InputProblem> problems;
  ReadOptions ro;
  ro.max_bytes = a.max_bytes;
  size_t read = 0;
  ForEachArticle(
      a.paths, ro,
      [&](Article&& article) {
        ++read;
        Extraction x;
        Status st = ex.Extract(article, &x);
        if (!st.ok()) {
          problems.push_back({article.file, article.file + ": " + st.message()});
        } else {
          std::cout << ExtractionRecord(article, x) << '\n';
        }
        return true;
      },
      &problems);
  std::cout.flush();
  return ReportInputProblems(problems, read);
}

int RunExtract(const ExtractArgs& a) {
  if (a.format != "json" && a.format != "table" && a.format != "jsonl") {
    return ReportError("unknown format '" + a.format + "' (expected json, jsonl or table)",
                       kExitBadInput);
  }
  if (Status s = CheckArticlePaths(a.paths); !s.ok()) return ReportError(s);
  auto ex = MakeExtractor(a.rules, a.trace);
  if (!ex.ok()) return ReportError(ex.status());
  if (a.format == "jsonl" && !a.trace) return RunExtractRecords(**ex, a);
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
  ReadOptions ro;
  ro.max_bytes = a.max_bytes;
  ReadArticles(a.paths, ro, &articles, &problems);
  std::vector<Extraction> out(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    Status st = (*ex)->Extract(articles[i], &out[i]);
    if (!st.ok()) problems.push_back({articles[i].file, articles[i].file + ": " + st.message()});
  }
  if (a.trace) {
    for (size_t i = 0; i < articles.size(); ++i) {
      std::cout << ExtractionTrace(articles[i], out[i]);
    }
  } else if (a.format == "json") {
    std::cout << ExtractionsToJson(articles, out, 1);
  } else {
    for (size_t i = 0; i < articles.size(); ++i) {
      std::cout << ExtractionToTable(articles[i], out[i]);
    }
  }
  return ReportInputProblems(problems, articles.size());
}

CommandRegistration extract_cmd(60, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ExtractArgs>();
  auto* sub = app.add_subcommand(
      "extract", "Read articles and print their entities and relations (nothing is stored)");
  sub->add_option("paths", a->paths,
                  "Article files (text, HTML, RSS/Atom feeds), directories, .jsonl files or - for "
                  "stdin")
      ->required();
  sub->add_option("--format", a->format,
                  "json | table | jsonl (one extraction record per line, for ingest --extracted)")
      ->capture_default_str();
  sub->add_option("--rules", a->rules, "Extra rule file (triggers, cues, words, entities)")
      ->type_name("FILE");
  sub->add_option("--max-bytes", a->max_bytes, "Refuse input files larger than this")
      ->capture_default_str();
  sub->add_flag("--trace", a->trace,
                "Print, per relation, the rule and words that produced it, and the rejected "
                "trigger candidates (instead of --format)");
  sub->footer(
      "Example: pactgraph extract --format json corpus/*.txt > p.json\n"
      "         pactgraph extract --format jsonl news/ > part-1.jsonl   (docs/scale-out.md)\n"
      "Invalid UTF-8 is an error (file:line:column and byte offset), not repaired.");
  sub->callback([&g, a] { g.exit_code = RunExtract(*a); });
});

}  // namespace
}  // namespace pactgraph::tools

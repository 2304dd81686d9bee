// `pactgraph ingest PATH...` — read articles, decompose them and store everything, one
// transaction per article (`pactgraph evidence A B` is in cmd_evidence.cpp).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "pactgraph/extraction_record.h"
#include "pactgraph/ingest.h"
#include "pactgraph/paths.h"
#include "tools/command.h"

namespace pactgraph::tools {

Result<std::unique_ptr<Extractor>> MakeExtractor(const std::vector<std::string>& rules);
int ReportInputProblems(const std::vector<InputProblem>& problems, size_t read);

namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::vector<std::string> rules;
  uint64_t max_bytes = 8ull << 20;
  bool verbose = false;
  bool extracted = false;  // the paths are extraction records (extract --format jsonl)
};

int RunIngest(GlobalOptions& g, const IngestArgs& a) {
  // Refused before the database is opened: nothing is stored, no database is created.
  if (Status s = CheckArticlePaths(a.paths); !s.ok()) return ReportError(s);
  std::unique_ptr<Extractor> extractor;
  uint64_t records = 0;
  bool records_checked = false;
  if (a.extracted) {
    if (!a.rules.empty()) {
      return ReportError("--rules has no effect with --extracted (the records are extracted)",
                         kExitBadInput);
    }
    // Every record is checked before the database is opened (standard input is checked by
    // IngestExtracted, which reads it once for both passes).
    bool has_stdin = false;
    for (const auto& p : a.paths) has_stdin = has_stdin || p == "-";
    if (!has_stdin) {
      std::vector<InputProblem> problems;
      records = CheckExtractionRecords(a.paths, &problems);
      if (!problems.empty()) {
        ReportInputProblems(problems, 0);
        return ReportError("bad extraction records; nothing was stored", kExitBadInput);
      }
      records_checked = true;
    }
  } else {
    auto ex = MakeExtractor(a.rules);
    if (!ex.ok()) return ReportError(ex.status());
    extractor = std::move(ex).value();
  }
  auto db = OpenDatabase(g, true);
  if (!db) return g.exit_code;
  ProgressBar bar("ingest", !g.quiet);
  IngestOptions options;
  options.extractor = extractor.get();
  options.read.max_bytes = a.max_bytes;
  options.progress = [&bar](uint64_t done, uint64_t total) { bar.Update(done, total); };
  if (a.verbose) {
    // Printed after the article's commit: an acknowledged article survives a crash.
    options.on_article = [](const Article& article, bool stored, const IngestStats& d) {
      if (stored) {
        std::cout << "stored " << article.file << ": "
                  << d.relationships_added + d.relationships_merged << " relationships, "
                  << d.evidence_added << " evidence" << std::endl;
      } else {
        std::cout << "skipped " << article.file << ": already stored" << std::endl;
      }
    };
  }
  IngestSummary summary;
  Status st = !a.extracted      ? Ingest(db.get(), a.paths, options, &summary)
              : records_checked ? StoreExtracted(db.get(), a.paths, options, &summary, records)
                                : IngestExtracted(db.get(), a.paths, options, &summary);
  bar.Finish();
  const IngestStats& stats = summary.stats;
  if (!g.quiet) {
    std::cerr << "articles read " << summary.articles_read << ", stored " << stats.articles_added
              << ", skipped (already stored) " << stats.articles_skipped << "; nodes added "
              << stats.nodes_added << ", merged " << stats.nodes_merged << "; relationships added "
              << stats.relationships_added << ", merged " << stats.relationships_merged
              << "; evidence " << stats.evidence_added << "\n";
  }
  int code = ReportInputProblems(summary.problems, summary.articles_read);
  if (!st.ok()) return ReportError(st);
  return code;
}

CommandRegistration ingest_cmd(61, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<IngestArgs>();
  auto* sub = app.add_subcommand(
      "ingest", "Read articles, extract actors and relationships, store them with evidence");
  sub->add_option("paths", a->paths,
                  "Article files (text, HTML, RSS/Atom feeds), directories, .jsonl files or - for "
                  "stdin")
      ->required();
  sub->add_option("--rules", a->rules, "Extra rule file (triggers, cues, words, entities)")
      ->type_name("FILE");
  sub->add_option("--max-bytes", a->max_bytes, "Refuse input files larger than this")
      ->capture_default_str();
  sub->add_flag("--extracted", a->extracted,
                "The paths are extraction records (pactgraph extract --format jsonl), stored "
                "without extracting again; any bad record stores nothing (docs/scale-out.md)");
  sub->add_flag("-v,--verbose", a->verbose,
                "One line per article on stdout once it is committed: 'stored FILE: R "
                "relationships, E evidence' or 'skipped FILE: already stored'");
  sub->footer(
      "Each article is one transaction; an article already stored (same SHA-256) is skipped.\n"
      "Examples:\n"
      "  pactgraph ingest data/articles/\n"
      "  pactgraph ingest -v news.jsonl          # one line per article once committed\n"
      "  cat article.txt | pactgraph ingest -");
  sub->callback([&g, a] { g.exit_code = RunIngest(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools

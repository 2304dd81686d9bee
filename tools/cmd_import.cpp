// `pactgraph import` and `pactgraph export`.
#include <chrono>
#include <fstream>
#include <iostream>

#include "pactgraph/import_export.h"
#include "tools/command.h"

namespace pactgraph::tools {
namespace {

struct ImportArgs {
  std::string nodes, edges, json;
  std::string mode = "merge", match_on = "id";
};

int RunImport(GlobalOptions& g, const ImportArgs& a) {
  if (a.json.empty() && a.nodes.empty()) {
    return ReportError("import needs --nodes FILE [--edges FILE] or --json FILE", kExitBadInput);
  }
  if (!a.json.empty() && (!a.nodes.empty() || !a.edges.empty())) {
    return ReportError("give either --json or --nodes/--edges, not both", kExitBadInput);
  }
  auto db = OpenDatabase(g, /*for_write=*/true);
  if (!db) return g.exit_code;
  ProgressBar bar("import", !g.quiet);
  std::string phase;
  auto progress = [&](const char* p, uint64_t done, uint64_t total) {
    if (phase != p) {
      phase = p;
      bar.Finish();
      const std::string what = phase == "parse"   ? "reading rows"
                               : phase == "write" ? "writing keys"
                                                  : "loading records";
      bar = ProgressBar("import: " + what, !g.quiet);
    }
    if (total) bar.Update(done, total);
  };
  ImportSummary summary;
  auto start = std::chrono::steady_clock::now();
  ImportOptions options;
  options.mode = a.mode == "append" ? ImportMode::kAppend : ImportMode::kMerge;
  options.match_on = a.match_on == "name" ? ImportMatch::kName : ImportMatch::kId;
  Status s = a.json.empty() ? ImportCsv(*db, a.nodes, a.edges, options, progress, &summary)
                            : ImportJson(*db, a.json, options, progress, &summary);
  bar.Finish();
  if (!s.ok()) {
    ReportError(s);
    std::cerr << "nothing was imported; the database is unchanged\n";
    return s.ExitCode();
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!g.quiet) {
    std::fprintf(
        stderr,
        "imported %llu nodes and %llu relationships in %.2f s (parse %.2f s, load %.2f s)\n",
        static_cast<unsigned long long>(summary.nodes),
        static_cast<unsigned long long>(summary.relationships), secs, summary.parse_seconds,
        summary.load_seconds);
    if (summary.nodes_matched || summary.relationships_matched) {
      std::fprintf(stderr,
                   "matched %llu nodes and %llu relationships already stored (not added again; "
                   "--mode append adds them)\n",
                   static_cast<unsigned long long>(summary.nodes_matched),
                   static_cast<unsigned long long>(summary.relationships_matched));
    }
    if (summary.nodes_differing) {
      std::string ids;
      for (NodeId id : summary.differing_examples)
        ids += (ids.empty() ? "" : ", ") + std::to_string(id);
      std::fprintf(stderr,
                   "note: %llu matched nodes differ from the file and were kept as stored "
                   "(node%s %s%s)\n",
                   static_cast<unsigned long long>(summary.nodes_differing),
                   summary.differing_examples.size() > 1 ? "s" : "", ids.c_str(),
                   summary.nodes_differing > summary.differing_examples.size() ? ", …" : "");
    }
    if (summary.external_ids) {
      std::fprintf(stderr,
                   "note: %llu nodes got new ids: their file ids are not whole numbers >= 1 or "
                   "are taken%s\n",
                   static_cast<unsigned long long>(summary.external_ids),
                   options.mode == ImportMode::kMerge
                       ? " (each is kept as the node's external_id: `pactgraph node ID` finds it)"
                       : "");
    }
  }
  return kExitOk;
}

struct ExportArgs {
  std::string format = "json";
  std::string out;
};

int RunExport(GlobalOptions& g, const ExportArgs& a) {
  auto format = ParseExportFormat(a.format);
  if (!format.ok()) return ReportError(format.status());
  auto db = OpenDatabase(g, /*for_write=*/false);
  if (!db) return g.exit_code;
  auto reader = db->NewReader();
  Status s;
  if (*format == ExportFormat::kCsv || *format == ExportFormat::kNeo4j) {
    const bool neo4j = *format == ExportFormat::kNeo4j;
    if (a.out.empty() || a.out == "-") {
      return ReportError(neo4j ? "--format neo4j needs --out DIR (it writes nodes.csv and "
                                 "relationships.csv)"
                               : "--format csv needs --out DIR (it writes nodes.csv and edges.csv)",
                         kExitBadInput);
    }
    s = neo4j ? ExportNeo4j(*reader, a.out) : ExportCsv(*reader, a.out);
  } else if (a.out.empty() || a.out == "-") {
    s = ExportGraph(*reader, *format, std::cout);
  } else {
    std::ofstream f(a.out, std::ios::trunc);
    if (!f) return ReportError("cannot write " + a.out, kExitStorage);
    s = ExportGraph(*reader, *format, f);
  }
  if (!s.ok()) return ReportError(s);
  return kExitOk;
}

CommandRegistration import_cmd(20, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ImportArgs>();
  auto* sub = app.add_subcommand("import", "Import a graph from CSV or JSON (all or nothing)");
  sub->add_option("--nodes", a->nodes,
                  "nodes.csv: header id[,name,kind|labels,key:type…] or Neo4j's id:ID,:LABEL,…");
  sub->add_option("--edges", a->edges,
                  "edges.csv: header src,dst,type[,key:type…] or :START_ID,:END_ID,:TYPE,…");
  sub->add_option("--json", a->json, "graph.json: {\"nodes\":[…],\"edges\":[…]}");
  sub->add_option("--mode", a->mode,
                  "merge: rows naming stored nodes (and identical relationships between them) "
                  "are matched, not added; append: add every row")
      ->check(CLI::IsMember({"merge", "append"}))
      ->capture_default_str();
  sub->add_option("--match-on", a->match_on,
                  "id: the file's id (a node id or a stored external_id); name: the name and "
                  "labels")
      ->check(CLI::IsMember({"id", "name"}))
      ->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  pactgraph import --nodes nodes.csv --edges edges.csv\n"
      "  pactgraph --db my.db import --json graph.json\n"
      "  pactgraph import --nodes more.csv --edges more_edges.csv --match-on name\n"
      "A file id that is a whole number >= 1 becomes the node's id; other ids are kept as the\n"
      "external_id property. Importing the same files twice changes nothing (--mode merge).\n"
      "On any error nothing is imported. Exit codes: 0 ok, 2 bad input, 3 storage error.");
  sub->callback([&g, a] { g.exit_code = RunImport(g, *a); });
});

CommandRegistration export_cmd(21, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ExportArgs>();
  auto* sub =
      app.add_subcommand("export", "Export the graph as JSON, CSV, Neo4j CSV, GraphML or DOT");
  sub->add_option("--format", a->format, "json | csv | neo4j | graphml | dot")
      ->capture_default_str();
  sub->add_option("--out", a->out, "Output file (directory for csv); default: standard output");
  sub->footer(
      "Examples:\n"
      "  pactgraph export --format json --out graph.json\n"
      "  pactgraph export --format csv --out out/     # out/nodes.csv, out/edges.csv\n"
      "  pactgraph export --format neo4j --out neo/   # for neo4j-admin database import full\n"
      "  pactgraph export --format dot | dot -Tsvg > graph.svg");
  sub->callback([&g, a] { g.exit_code = RunExport(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools

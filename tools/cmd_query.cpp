// `pactgraph query "…" [--param name=value]… [-f FILE] [--format …]`: runs openCypher-subset
// queries (docs/query.md). A file may hold several statements separated by `;`; each runs in
// its own transaction, in order, stopping at the first error.
#include <signal.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <sstream>

#include "pactgraph/import_export.h"
#include "pactgraph/session.h"
#include "tools/command.h"
#include "tools/support_format.h"

namespace pactgraph::tools {
namespace {

// Splits on `;` outside strings, backquotes and comments; drops blank statements.
std::vector<std::string> SplitStatements(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      cur += c;
      if (c == '\\' && quote != '`' && i + 1 < text.size())
        cur += text[++i];
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') cur += text[i++];
      cur += '\n';
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == ';') {
      out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  out.push_back(cur);
  std::vector<std::string> kept;
  for (auto& s : out) {
    bool blank = true;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) {
      size_t p = line.find_first_not_of(" \t\r");
      if (p != std::string::npos && line.compare(p, 2, "//") != 0) blank = false;
    }
    if (!blank) kept.push_back(s);
  }
  return kept;
}

// Set by SIGINT while a statement runs: the query stops with Cancelled (exit 130) and a write
// is not committed. A second Ctrl-C ends the process at once (the default action).
std::atomic<bool> g_query_interrupted{false};

void OnQueryInterrupt(int) {
  g_query_interrupted.store(true);
  signal(SIGINT, SIG_DFL);
}

struct QueryArgs {
  std::string query;
  std::string file;
  std::vector<std::string> params;
  std::string format = "table";
  int64_t timeout_ms = 30'000;
  uint32_t max_depth = 10;
  uint64_t max_rows = SessionOptions{}.max_rows;
  uint64_t max_memory_mb = SessionOptions{}.max_memory_mb;
  bool timer = false;
};

int RunQuery(GlobalOptions& g, const QueryArgs& a) {
  auto format = ParseOutputFormat(a.format);
  if (!format.ok()) return ReportError(format.status());
  if (a.query.empty() == a.file.empty()) {
    return ReportError("give either a query or -f FILE", kExitBadInput);
  }
  std::string text = a.query;
  if (!a.file.empty()) {
    if (a.file == "-") {
      std::stringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
    } else if (Status s = ReadInputFile(a.file, &text, {.max_bytes = 64 << 20}); !s.ok()) {
      // A directory, a missing file, an unreadable or oversized one: say so (exit 2).
      return ReportError(s.message(), kExitBadInput);
    }
  }
  ValueMap params;
  for (const auto& p : a.params) {
    size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      return ReportError("--param needs name=value, got '" + p + "'", kExitBadInput);
    }
    params[p.substr(0, eq)] = ParseParamValue(p.substr(eq + 1));
  }
  std::vector<std::string> statements =
      a.file.empty() ? std::vector<std::string>{text} : SplitStatements(text);
  // Statements that only read never create a database (a mistyped --db is "no database").
  bool writes = false;
  for (const auto& stmt : statements) {
    auto w = Session::QueryWrites(stmt, params);
    if (!w.ok()) {
      std::string where = a.file.empty() ? "" : a.file + ": ";
      return ReportError(where + w.status().message(), w.status().ExitCode());
    }
    writes = writes || *w;
  }
  auto db = OpenDatabase(g, !g.read_only, writes);
  if (!db) return g.exit_code;
  SessionOptions options;
  options.timeout_ms = a.timeout_ms;
  options.max_var_length_depth = a.max_depth;
  options.max_rows = a.max_rows;
  options.max_memory_mb = a.max_memory_mb;
  options.cancel = &g_query_interrupted;
  signal(SIGINT, OnQueryInterrupt);
  Session session(db.get(), options);
  for (const auto& stmt : statements) {
    auto r = session.Execute(stmt, params);
    if (!r.ok()) {
      std::string where = a.file.empty() ? "" : a.file + ": ";
      return ReportError(where + r.status().message(), r.status().ExitCode());
    }
    RenderOptions render;
    render.format = *format;
    render.timer = a.timer;
    render.max_cell_width = SIZE_MAX;            // a script reading the output wants whole cells
    render.terminal_width = TerminalColumns(1);  // on a terminal, too wide a table: vertical
    render.notes = &std::cerr;
    RenderResult(std::cout, *r, render);
    if (!g.quiet) {
      for (const auto& w : r->warnings()) std::cerr << "warning: " << w << "\n";
    }
    if (!g.quiet && r->stats().wrote) {
      std::string summary = r->stats().Summary();
      std::cerr << (summary.empty() ? "no changes" : summary) << "\n";
    }
  }
  return kExitOk;
}

CommandRegistration query_cmd(40, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<QueryArgs>();
  auto* sub = app.add_subcommand("query", "Run an openCypher-subset query (docs/query.md)");
  sub->add_option("query", a->query, "The query text");
  sub->add_option("-f,--file", a->file, "Read statements (separated by ;) from FILE, - for stdin");
  sub->add_option("--param", a->params, "A parameter: name=value (JSON, or text as a string)")
      ->type_name("NAME=VALUE");
  sub->add_option("--format", a->format, "table | json | jsonl | csv | markdown")
      ->capture_default_str();
  sub->add_flag("--timer", a->timer,
                "Show how long the query took (table footer; stderr otherwise)");
  sub->add_option("--timeout-ms", a->timeout_ms, "Per-query time limit")->capture_default_str();
  sub->add_option("--max-depth", a->max_depth, "Depth allowed for * without an upper bound")
      ->capture_default_str();
  sub->add_option("--max-rows", a->max_rows, "Intermediate rows allowed per query")
      ->capture_default_str();
  sub->add_option("--max-memory-mb", a->max_memory_mb,
                  "MiB a query may hold in buffered rows and the values it builds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  sub->footer(
      "Examples:\n"
      "  pactgraph query \"MATCH (c:Nation {name: 'Rwanda'})<-[:MOU]-(a) RETURN a.name\"\n"
      "  pactgraph query 'MATCH (n {name: $name})--(m) RETURN m.name' --param name=Kenya\n"
      "  pactgraph query -f curation.cypher --format json");
  sub->callback([&g, a] { g.exit_code = RunQuery(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools

// `pactgraph repl`: the interactive shell (also what `pactgraph` alone starts; see
// tools/support_repl.h and docs/cli.md).
#include "tools/command.h"
#include "tools/support_repl.h"

namespace pactgraph::tools {
namespace {

CommandRegistration repl_cmd(95, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ReplOptions>();
  auto* sub = app.add_subcommand("repl", "The interactive shell (the default with no command)");
  sub->add_option("--format", a->format, "Output mode: table | json | jsonl | csv | markdown")
      ->capture_default_str();
  sub->add_flag("-k,--keep-going", a->keep_going,
                "When reading statements from a pipe or file: carry on after an error");
  sub->add_flag("--no-rc", a->no_rc, "Do not run ~/.pactgraphrc");
  sub->add_option("--timeout-ms", a->timeout_ms, "Per-query time limit (0: none)")
      ->capture_default_str();
  sub->add_option("--max-rows", a->max_rows,
                  "Intermediate rows allowed per query (0: the engine default, 10000000)")
      ->capture_default_str();
  sub->add_option("--max-memory-mb", a->max_memory_mb,
                  "MiB of rows and values one query may hold (0: the engine default, 1024)")
      ->capture_default_str();
  sub->add_option("--max-depth", a->max_depth,
                  "Hops allowed for * without an upper bound (0: the engine default, 10)")
      ->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  pactgraph                                 # the shell, on a terminal\n"
      "  pactgraph repl --format markdown\n"
      "  pactgraph repl --timeout-ms 5000 --max-memory-mb 256   # (in the shell: :set)\n"
      "  pactgraph < curation.cypher               # statements from a file, in order\n"
      "  echo 'MATCH (n) RETURN count(n);' | pactgraph repl --format csv\n"
      "Environment: PACTGRAPH_HISTORY (history file, default ~/.pactgraph_history; empty: none),\n"
      "NO_COLOR (no colours). Start-up file: ~/.pactgraphrc.");
  sub->callback([&g, a] { g.exit_code = RunRepl(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools

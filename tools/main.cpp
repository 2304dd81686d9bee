// pactgraph — the command-line tool. See docs/cli.md for every command and the exit codes.
#include <signal.h>
#include <sys/stat.h>

#include <iostream>

#include "tools/command.h"
#include "tools/support_cli_errors.h"
#include "tools/support_repl.h"

int main(int argc, char** argv) {
  // Database files are private to their owner (0600 files, 0700 directories).
  umask(077);
  // A file-size limit (ulimit -f) must make writes fail with EFBIG, reported as an error,
  // rather than kill the process with SIGXFSZ.
  signal(SIGXFSZ, SIG_IGN);
  using namespace pactgraph::tools;
  CLI::App app{"pactgraph — an embedded graph database for partnership knowledge graphs",
               "pactgraph"};
  app.set_version_flag("--version", std::string("pactgraph ") + PACTGRAPH_VERSION);
  GlobalOptions global;
  app.option_defaults()->always_capture_default();
  app.add_option("--db", global.db, "Database directory (default: $PACTGRAPH_DB or ./pactgraph.db)")
      ->type_name("PATH");
  app.add_flag("-q,--quiet", global.quiet, "No progress bars or summaries");
  app.add_flag("--sync", global.sync, "fsync every commit (survives power loss)");
  app.add_flag("--read-only", global.read_only,
               "Open as a reader beside a running writer (RocksDB secondary instance)");
  app.add_flag("--recover", global.recover,
               "Open a database whose write-ahead log is damaged, keeping the writes before the "
               "damage (recorded; `check` reports it)");
  ReplOptions repl;
  app.add_flag("-k,--keep-going", repl.keep_going,
               "No command, statements from a pipe: carry on after an error");
  app.fallthrough();
  app.require_subcommand(0, 1);
  SetupAllCommands(app, global);
  // Set after the commands: a subcommand takes its parent's footer when it is made, and each
  // command's help shows its own examples, not these.
  app.footer(
      "Examples:\n"
      "  pactgraph                      # the interactive shell (statements from stdin if piped)\n"
      "  pactgraph import --nodes nodes.csv --edges edges.csv\n"
      "  pactgraph stats --format json\n"
      "  pactgraph node Rwanda\n"
      "Environment: PACTGRAPH_DB selects the database when --db is not given.\n"
      "Exit codes: 0 ok, 1 no result, 2 bad input or usage, 3 storage or I/O error, 4 internal,\n"
      "130 interrupted. See docs/cli.md.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version print and exit 0; every other parse error in our own words, exit 2.
    return ReportParseError(app, e);
  }
  if (app.get_subcommands().empty()) {
    // No command: the shell on a terminal, else statements read from stdin (docs/cli.md).
    return RunRepl(global, repl);
  }
  return global.exit_code;
}

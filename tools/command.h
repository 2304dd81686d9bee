// tools/command.h — how `pactgraph` subcommands plug into the CLI.
//
// Each cmd_*.cpp defines one or more subcommands and registers them with a static
// CommandRegistration, so adding a command means adding a file. Global options (--db, --quiet,
// --sync) are parsed by main.cpp and handed to every command. Commands return an exit code
// (docs/cli.md): 0 success, 1 no result, 2 bad input or usage, 3 storage or I/O error,
// 4 internal error, 130 interrupted.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "pactgraph/database.h"
#include "pactgraph/status.h"

namespace pactgraph::tools {

enum ExitCode : int {
  kExitOk = 0,
  kExitNoResult = 1,
  kExitBadInput = 2,
  kExitStorage = 3,
  kExitInternal = 4,
  kExitLimit = 5,  // a query limit (time, rows, memory, depth) stopped the command
  kExitInterrupted = 130,
};

struct GlobalOptions {
  std::string db;          // --db; empty: $PACTGRAPH_DB, else ./pactgraph.db
  bool quiet = false;      // --quiet: no progress bars or summaries
  bool sync = false;       // --sync: fsync every commit
  bool read_only = false;  // --read-only: open as a secondary instance
  bool recover = false;    // --recover: Options::recover
  int exit_code = 0;       // set by the command that ran
};

// `setup` adds a subcommand to `app`; its callback must set `global.exit_code`.
using CommandSetup = std::function<void(CLI::App& app, GlobalOptions& global)>;
struct CommandRegistration {
  CommandRegistration(int order, CommandSetup setup);
};
// Every registered setup, by `order` (the order commands appear in --help).
void SetupAllCommands(CLI::App& app, GlobalOptions& global);

// The database path the options select.
std::string ResolveDbPath(const GlobalOptions& global);
// Opens the database for writing (creating it on first use) or reading (it must exist;
// `--read-only` opens a secondary instance). Prints the error and returns null on failure,
// setting global.exit_code.
// A missing database is "no database at PATH", exit 3, for every command.
std::unique_ptr<Database> OpenDatabase(GlobalOptions& global, bool for_write);
// The same, but a writer that does not create a missing database (`query` whose statements
// only read).
std::unique_ptr<Database> OpenDatabase(GlobalOptions& global, bool for_write,
                                       bool create_if_missing);

// The status of a failed Database::Open, with a hint for a database locked by a writer
// ("… in use by another process; to read beside it, use --read-only").
Status ExplainOpenError(const Status& status);

// Prints "pactgraph: error: <message>" to stderr and returns the exit code for `status`.
int ReportError(const Status& status);
// Same, with an explicit exit code instead of the status's own.
int ReportError(const Status& status, int exit_code);
// Same for a plain message with an explicit exit code.
int ReportError(const std::string& message, int exit_code);

bool IsTerminal(FILE* f);
// Colour is used on terminals unless NO_COLOR is set.
bool UseColor(FILE* f);

// A one-line progress bar on stderr, drawn only when stderr is a terminal and not quiet.
class ProgressBar {
 public:
  ProgressBar(std::string label, bool enabled);
  ~ProgressBar();
  void Update(uint64_t done, uint64_t total);
  void Finish();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  int last_permille_ = -1;
};

}  // namespace pactgraph::tools

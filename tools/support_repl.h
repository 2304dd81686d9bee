// tools/support_repl.h — the interactive shell (`pactgraph` on a terminal, `pactgraph repl`).
//
// On a terminal: line editing and history (support_repl_editor.h), multi-line statements
// ending in `;`, Tab completion, meta-commands (`:help`), Ctrl-C cancels the running query,
// Ctrl-D exits. Otherwise statements and meta-commands are read from stdin and run in order
// with no prompts; the first error stops the run with its exit code unless keep_going.
// ~/.pactgraphrc (meta-commands and statements) runs first unless no_rc.
#pragma once

#include <cstdint>
#include <string>

#include "tools/command.h"

namespace pactgraph::tools {

struct ReplOptions {
  std::string format = "table";  // table | json | jsonl | csv | markdown
  bool keep_going = false;       // non-interactive: carry on after an error
  bool no_rc = false;            // skip ~/.pactgraphrc
  int64_t timeout_ms = 0;        // per query; 0: none (Ctrl-C cancels)
  uint64_t max_rows = 0;         // intermediate rows per query; 0: the engine's default
  uint64_t max_memory_mb = 0;    // MiB one query may hold; 0: the engine's default
  uint32_t max_depth = 0;        // hops for * without an upper bound; 0: the engine's default
  int64_t interactive = -1;      // -1: when stdin is a terminal; 0/1: forced
};

// Runs the shell; returns the process exit code.
int RunRepl(GlobalOptions& global, const ReplOptions& options);

}  // namespace pactgraph::tools

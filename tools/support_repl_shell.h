// tools/support_repl_shell.h — the REPL's state and its statement/meta-command runner.
//
// A Shell owns the open database and Session, the settings changed by meta-commands (mode,
// timer, maxrows, parameters, output file) and the line editor when interactive. Run() is
// the read-eval-print loop; RunStream() runs a script (stdin, :source FILE, ~/.pactgraphrc).
//
// The write lock (support_repl_tx.cpp): the shell reads through a read-only (secondary)
// instance and opens the writer only for a statement that writes, an open :begin transaction
// or a run of statements arriving without pause; it lets the writer go whenever it waits for
// input, so other commands and other shells work beside an idle shell.
#pragma once

#include <atomic>
#include <fstream>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "tools/support_format.h"
#include "tools/support_repl.h"
#include "tools/support_repl_editor.h"

namespace pactgraph::tools {

// Writes `text` to stdout, through the pager ($PACTGRAPH_PAGER, else $PAGER, else less -FRX)
// when it has more lines than the terminal on stdout has rows (support_repl_pager.cpp).
void WritePaged(const std::string& text);

// Set by the SIGINT handler while the shell runs.
extern std::atomic<bool> g_repl_interrupted;

class Shell {
 public:
  Shell(GlobalOptions& global, const ReplOptions& options);
  ~Shell();

  // Opens the database; false (error printed) on failure.
  bool Open();
  // Interactive loop until :quit or Ctrl-D. Returns the exit code.
  int Run();
  // Runs statements and meta-commands from `in`, named `name` in errors. Returns the exit
  // code of the first error (or 0); carries on after errors when keep_going.
  int RunStream(std::istream& in, const std::string& name, bool keep_going);

 private:
  // Each returns an exit code (0: fine).
  int RunStatement(const std::string& text, const std::string& where);
  int RunMeta(const std::string& line);
  int SetLimit(const std::vector<std::string>& words);
  int RunSubcommand(std::vector<std::string> args);
  int ReportError(const Status& status, const std::string& where);
  // The write lock and transactions (support_repl_tx.cpp).
  Status EnsureWriter();
  void ReleaseWriter();  // unless a transaction is open
  Status CatchUp();      // the reader sees the latest commits
  int BeginTransaction();
  int CommitTransaction();
  int RollbackTransaction(const char* why);
  // :quit / Ctrl-D with an open transaction: the first attempt warns and returns false.
  bool MayLeave();
  Result<QueryResult> Execute(const std::string& text);
  void PrintSchema();
  void PrintHelp(const std::string& topic);
  std::ostream& out();
  Completion CompleteLine(std::string_view before_cursor);
  std::string Prompt(bool continuation) const;

  GlobalOptions& global_;
  ReplOptions options_;
  bool interactive_ = false;
  bool quit_ = false;
  std::unique_ptr<Database> db_;  // read-only (secondary) unless the shell was given the writer
  std::unique_ptr<Session> session_;
  SessionOptions session_options_;
  std::unique_ptr<Database> writer_db_;  // open only while writing (see above)
  std::unique_ptr<GraphWriter> tx_;      // the open :begin transaction
  size_t tx_statements_ = 0;
  bool warned_open_tx_ = false;
  std::unique_ptr<LineEditor> editor_;
  RenderOptions render_;
  ValueMap params_;
  std::unique_ptr<std::ofstream> output_file_;
  std::string output_path_;
  bool pager_ = true;    // :pager
  std::string pending_;  // lines of the statement being typed
  int source_depth_ = 0;
};

}  // namespace pactgraph::tools

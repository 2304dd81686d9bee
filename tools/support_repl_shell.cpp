// The REPL loop, scripts and statements (see support_repl_shell.h).
#include "tools/support_repl_shell.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace pactgraph::tools {

std::atomic<bool> g_repl_interrupted{false};

namespace {

void OnInterrupt(int) { g_repl_interrupted.store(true); }

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Whether reading the next line of `in` may wait: stdin with nothing ready to read. Files
// (:source, ~/.pactgraphrc) never wait.
bool WaitingForInput(std::istream& in) {
  if (&in != &std::cin) return false;
  pollfd p{STDIN_FILENO, POLLIN, 0};
  return ::poll(&p, 1, 0) == 0;
}

std::string HistoryPath() {
  if (const char* h = std::getenv("PACTGRAPH_HISTORY")) return h;  // "" disables
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.pactgraph_history" : "";
}

// One history entry per statement: on one line unless a `//` comment needs the line breaks.
std::string HistoryEntry(const std::string& statement) {
  std::string s = Trim(statement) + ";";
  if (s.find("//") != std::string::npos) return s;
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

Shell::Shell(GlobalOptions& global, const ReplOptions& options)
    : global_(global), options_(options) {
  interactive_ = options.interactive < 0 ? isatty(STDIN_FILENO) != 0 : options.interactive != 0;
  auto format = ParseOutputFormat(options.format);
  render_.format = format.ok() ? *format : OutputFormat::kTable;
  render_.max_rows = interactive_ ? 1000 : 0;
  render_.timer = interactive_;
  render_.color = interactive_ && UseColor(stdout);
  render_.notes = &std::cerr;
}

Shell::~Shell() = default;

bool Shell::Open() {
  session_.reset();
  db_.reset();
  session_options_ = SessionOptions{};
  session_options_.timeout_ms = options_.timeout_ms;
  if (options_.max_rows > 0) session_options_.max_rows = options_.max_rows;
  if (options_.max_memory_mb > 0) session_options_.max_memory_mb = options_.max_memory_mb;
  if (options_.max_depth > 0) session_options_.max_var_length_depth = options_.max_depth;
  session_options_.cancel = &g_repl_interrupted;
  // Idle, the shell holds no lock: it reads through a read-only instance (creating the
  // database first when it does not exist yet, as a shell always has).
  Options ro;
  ro.read_only = true;
  ro.create_if_missing = false;
  auto reader = Database::Open(ResolveDbPath(global_), ro);
  if (!reader.ok() && reader.status().code() == Status::Code::kNotFound && !global_.read_only) {
    if (auto created = OpenDatabase(global_, true); !created) return false;
    reader = Database::Open(ResolveDbPath(global_), ro);
  }
  if (!reader.ok()) {
    global_.exit_code = tools::ReportError(ExplainOpenError(reader.status()));
    return false;
  }
  db_ = std::move(reader).value();
  session_ = std::make_unique<Session>(db_.get(), session_options_);
  return true;
}

std::ostream& Shell::out() { return output_file_ ? *output_file_ : std::cout; }

std::string Shell::Prompt(bool continuation) const {
  // An open transaction shows as "pactgraph*>" (psql's "=*>").
  std::string text =
      continuation ? (tx_ ? "       ...>" : "      ...>") : (tx_ ? "pactgraph*>" : "pactgraph>");
  if (!render_.color) return text + " ";
  return "\1\033[1;32m\1" + text + "\1\033[0m\1 ";
}

Completion Shell::CompleteLine(std::string_view before_cursor) {
  if (db_) (void)CatchUp();  // stale names are still worth offering
  std::unique_ptr<GraphReader> reader = db_ ? db_->NewReader() : nullptr;
  return Complete(pending_, before_cursor, reader.get());
}

int Shell::ReportError(const Status& status, const std::string& where) {
  const bool color = UseColor(stderr);
  if (status.code() == Status::Code::kCancelled) {
    std::cerr << (color ? "\033[33m" : "") << "query cancelled" << (color ? "\033[0m" : "") << "\n";
    return kExitInterrupted;
  }
  std::string message = status.message();
  if (status.code() == Status::Code::kLimitExceeded) {
    // The engine names the `query` flag that raises a limit; in the shell it is `:set`.
    for (auto [flag, set] : {std::pair{"query --max-rows N", ":set max_rows N"},
                             std::pair{"query --timeout-ms N", ":set timeout_ms N"},
                             std::pair{"query --max-memory-mb N", ":set max_memory_mb N"},
                             std::pair{"query --max-depth N", ":set max_depth N"}}) {
      if (size_t at = message.find(flag); at != std::string::npos) {
        message.replace(at, std::strlen(flag), set);
      }
    }
  }
  std::cerr << (color ? "\033[1;31merror:\033[0m " : "error: ") << where
            << (where.empty() ? "" : ": ") << message;
  if (message.empty() || message.back() != '\n') std::cerr << "\n";
  return status.ExitCode() == 0 ? kExitInternal : status.ExitCode();
}

int Shell::RunStatement(const std::string& text, const std::string& where) {
  if (!session_) return ReportError(Status::IOError("the database is not open"), where);
  g_repl_interrupted.store(false);
  auto r = Execute(text);
  if (!r.ok()) return ReportError(r.status(), where);
  if (interactive_ && !output_file_) {
    // On the terminal: fit its width (a wide table turns vertical); a long result is paged.
    render_.terminal_width = TerminalColumns(STDOUT_FILENO);
    std::ostringstream text;
    RenderResult(text, *r, render_);
    if (pager_) {
      WritePaged(text.str());
    } else {
      std::cout << text.str();
    }
  } else {
    render_.terminal_width = 0;
    RenderResult(out(), *r, render_);
  }
  if (!global_.quiet) {
    for (const auto& w : r->warnings()) std::cerr << "warning: " << w << "\n";
  }
  const QueryStats& st = r->stats();
  if (st.wrote && !global_.quiet) {
    std::string summary = st.Summary();
    if (summary.empty()) summary = "no changes";
    if (interactive_) {
      char ms[32];
      std::snprintf(ms, sizeof(ms), " (%.1f ms)", st.elapsed_ms);
      out() << summary << (render_.timer ? ms : "") << "\n";
    } else {
      std::cerr << summary << "\n";
    }
  }
  out().flush();
  return kExitOk;
}

int Shell::RunStream(std::istream& in, const std::string& name, bool keep_going) {
  std::string pending;
  int pending_line = 0, line_no = 0, first_error = 0;
  auto fail = [&](int code) {
    if (first_error == 0) first_error = code;
    return !keep_going || code == kExitInterrupted;
  };
  std::string line;
  while (!quit_) {
    if (WaitingForInput(in)) ReleaseWriter();  // let other processes write meanwhile
    if (!std::getline(in, line)) break;
    ++line_no;
    std::string trimmed = Trim(line);
    if (IsBlankStatement(pending) && !trimmed.empty() && trimmed[0] == ':') {
      pending.clear();
      int code = RunMeta(trimmed);
      if (code != 0 && fail(code)) return first_error;
      continue;
    }
    if (IsBlankStatement(pending)) pending_line = line_no;
    pending += line + "\n";
    std::vector<std::string> statements;
    pending = TakeStatements(pending, &statements);
    for (const auto& s : statements) {
      int code = RunStatement(s, name + ":" + std::to_string(pending_line));
      if (code != 0 && fail(code)) return first_error;
      pending_line = line_no;
    }
  }
  if (g_repl_interrupted.load() && !interactive_) return kExitInterrupted;
  if (!quit_ && !IsBlankStatement(pending)) {
    int code = RunStatement(pending, name + ":" + std::to_string(pending_line));
    if (code != 0) fail(code);
  }
  if (&in == &std::cin && tx_) MayLeave();  // the script ended inside :begin: rolled back
  return first_error;
}

int Shell::Run() {
  editor_ = std::make_unique<LineEditor>("pactgraph", HistoryPath());
  editor_->set_completer([this](std::string_view before) { return CompleteLine(before); });
  if (!global_.quiet) {
    std::cout << "pactgraph " << PACTGRAPH_VERSION << " — database " << ResolveDbPath(global_)
              << "\nStatements end with ;  Type :help for help, :quit or Ctrl-D to leave.\n";
  }
  while (true) {
    if (quit_ && MayLeave()) break;
    quit_ = false;
    ReleaseWriter();  // waiting for input: let other processes write
    std::string line;
    auto status = editor_->ReadLine(Prompt(!pending_.empty()), &line);
    if (status == LineEditor::ReadStatus::kInterrupted) {
      pending_.clear();
      g_repl_interrupted.store(false);
      continue;
    }
    if (status == LineEditor::ReadStatus::kEof) {
      std::cout << "\n";
      quit_ = true;
      continue;
    }
    std::string trimmed = Trim(line);
    if (pending_.empty()) {
      if (trimmed.empty()) continue;
      if (trimmed[0] == ':') {
        editor_->AddHistory(trimmed);
        RunMeta(trimmed);
        continue;
      }
      if (trimmed == "quit" || trimmed == "exit") {
        quit_ = true;
        continue;
      }
    }
    pending_ += (pending_.empty() ? "" : "\n") + line;
    std::vector<std::string> statements;
    std::string rest = TakeStatements(pending_, &statements);
    pending_ = IsBlankStatement(rest) ? "" : rest;
    for (const auto& s : statements) {
      editor_->AddHistory(HistoryEntry(s));
      RunStatement(s, "");
    }
  }
  out().flush();
  return kExitOk;
}

int RunRepl(GlobalOptions& global, const ReplOptions& options) {
  if (auto f = ParseOutputFormat(options.format); !f.ok()) {
    return ReportError(f.status(), kExitBadInput);
  }
  Shell shell(global, options);
  if (!shell.Open()) return global.exit_code;
  struct sigaction sa {
  }, old{};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a read at the prompt returns EINTR
  sigaction(SIGINT, &sa, &old);
  const char* home = std::getenv("HOME");
  if (!options.no_rc && home && *home) {
    std::string rc = std::string(home) + "/.pactgraphrc";
    std::ifstream in(rc);
    if (in) shell.RunStream(in, rc, /*keep_going=*/true);
  }
  const bool interactive =
      options.interactive < 0 ? isatty(STDIN_FILENO) != 0 : options.interactive != 0;
  int code = interactive ? shell.Run() : shell.RunStream(std::cin, "stdin", options.keep_going);
  sigaction(SIGINT, &old, nullptr);
  return code;
}

}  // namespace pactgraph::tools

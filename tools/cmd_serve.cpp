// `pactgraph serve`: the graph explorer in the browser — an HTTP server (tools/serve/) that
// serves one embedded page and a JSON API over a database opened read-only beside its writer.
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "tools/command.h"
#include "tools/serve/explorer_server.h"

extern char** environ;

namespace pactgraph::tools {
namespace {

struct ServeArgs {
  serve::ServeOptions options;
  bool open = false;
  size_t max_body_kb = 64;
};

// Starts the desktop's browser on `url` ($BROWSER, else xdg-open) without waiting for it.
void OpenBrowser(const std::string& url) {
  const char* browser = std::getenv("BROWSER");
  const std::string program = browser != nullptr && *browser ? browser : "xdg-open";
  const char* argv[] = {program.c_str(), url.c_str(), nullptr};
  pid_t pid;
  if (posix_spawnp(&pid, program.c_str(), nullptr, nullptr, const_cast<char**>(argv), environ) !=
      0) {
    std::cerr << "pactgraph: could not start '" << program << "'; open " << url
              << " in a browser\n";
    return;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

int RunServe(GlobalOptions& g, ServeArgs& a) {
  serve::ServeOptions& o = a.options;
  if (o.port < 0 || o.port > 65535) {
    return ReportError("--port must be between 0 and 65535", kExitBadInput);
  }
  if (o.catch_up_ms < 100) return ReportError("--catch-up must be at least 100 ms", kExitBadInput);
  if (a.max_body_kb == 0 || a.max_body_kb > 16 * 1024) {
    return ReportError("--max-body-kb must be between 1 and 16384", kExitBadInput);
  }
  o.max_body_bytes = a.max_body_kb * 1024;
  // SIGINT/SIGTERM are taken by one thread (below), never by the server's or RocksDB's
  // threads, which inherit this mask: block them before any thread starts.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  g.read_only = !o.allow_writes;
  auto db = OpenDatabase(g, o.allow_writes);
  if (!db) return g.exit_code;
  serve::ExplorerServer server(db.get(), o);
  if (Status s = server.Bind(); !s.ok()) return ReportError(s);
  if (!serve::IsLoopbackHost(o.host)) {
    std::cerr << "pactgraph: warning: listening on " << o.host
              << ": anyone who can reach this machine on port " << server.port()
              << " can read the whole database (there is no authentication)"
              << (o.allow_writes ? ", and change it (--allow-writes)" : "") << "\n";
  }
  std::cout << "pactgraph explorer on " << server.url() << "\n";
  if (!g.quiet) {
    std::cout << "  database " << db->path()
              << (db->read_only() ? " (read-only; catching up with its writer every " +
                                        std::to_string(o.catch_up_ms) + " ms)"
                                  : " (writable: POST /api/write is on)")
              << "\n  Ctrl-C stops the server.\n";
  }
  std::cout.flush();
  if (a.open) OpenBrowser(server.url());

  std::atomic<bool> done{false};
  std::thread signals([&] {
    const timespec tick{0, 200'000'000};
    while (!done) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
        server.Stop();
        return;
      }
    }
  });
  Status s = server.Run();
  done = true;
  signals.join();
  if (!s.ok()) return ReportError(s);
  if (!g.quiet) std::cerr << "pactgraph: explorer stopped\n";
  return kExitOk;
}

CommandRegistration serve_cmd(85, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ServeArgs>();
  serve::ServeOptions& o = a->options;
  auto* sub = app.add_subcommand(
      "serve", "The graph explorer in a browser: search, neighbourhoods, paths with evidence");
  sub->add_option("--port", o.port, "TCP port (0: any free port)")->capture_default_str();
  sub->add_option("--host", o.host,
                  "Address to listen on; anything but loopback exposes the database")
      ->capture_default_str();
  sub->add_flag("--open", a->open, "Open the explorer in the desktop's browser");
  sub->add_flag("--allow-writes", o.allow_writes,
                "Open the database for writing and accept POST /api/write (no ingest beside it)");
  sub->add_option("--catch-up", o.catch_up_ms,
                  "Read-only: milliseconds between catch-ups with the writer")
      ->capture_default_str();
  sub->add_option("--timeout-ms", o.limits.timeout_ms, "Time limit of each query")
      ->capture_default_str();
  sub->add_option("--max-rows", o.limits.max_rows, "Rows one query may produce")
      ->capture_default_str();
  sub->add_option("--max-memory-mb", o.limits.max_memory_mb, "Memory one query may buffer")
      ->capture_default_str();
  sub->add_option("--max-result-rows", o.max_result_rows, "Rows of a result sent to the page")
      ->capture_default_str();
  sub->add_option("--max-body-kb", a->max_body_kb, "Largest request body accepted")
      ->capture_default_str();
  sub->add_option("--max-concurrent", o.max_concurrent, "Queries and path searches at once")
      ->capture_default_str();
  sub->add_flag("-v,--verbose", o.verbose, "Log every request to stderr");
  sub->footer(
      "Examples:\n"
      "  pactgraph serve --open                 # http://127.0.0.1:7480/ on ./pactgraph.db\n"
      "  pactgraph --db news.db serve --port 0  # any free port (printed)\n"
      "The database is opened read-only: `pactgraph ingest` may keep writing to it, and the\n"
      "page shows what it adds after the next catch-up. Exit codes: 0 stopped by Ctrl-C or\n"
      "SIGTERM, 2 bad option, 3 the database cannot be opened or the port cannot be bound.");
  sub->callback([&g, a] { g.exit_code = RunServe(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools

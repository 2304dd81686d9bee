// tools/serve/explorer_server.h — the HTTP server behind `pactgraph serve`.
//
// One cpp-httplib server that answers three kinds of request: the page (GET / and
// /assets/NAME, from the embedded set only: assets.h), the JSON API (api.h), and everything
// else with a JSON 404. Around every request it enforces what a local explorer must:
//   - the Host header must name this server (a DNS-rebinding page cannot talk to it), and a
//     request that carries an Origin must come from the server's own origin (no cross-site
//     requests; no Access-Control-Allow-Origin is ever sent);
//   - POST bodies must be application/json and at most max_body_bytes (413 otherwise);
//   - queries and path searches run under the query limits, at most max_concurrent at once;
//   - every error is JSON with a status code, including the library's own (404, 413, …).
// On a read-only (secondary) database a background thread catches up with the writer every
// catch_up_ms; it holds requests back while it does, and waits for running ones, so a request
// always reads one state of the database.
//
// Thread-safety: Run() serves on a pool of threads; Stop() may be called from any thread.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include "pactgraph/database.h"
#include "tools/serve/api.h"

namespace pactgraph::tools::serve {

class ExplorerServer {
 public:
  // `db` must outlive the server.
  ExplorerServer(Database* db, ServeOptions options);
  ~ExplorerServer();
  ExplorerServer(const ExplorerServer&) = delete;
  ExplorerServer& operator=(const ExplorerServer&) = delete;

  // Binds options.host:options.port (port 0 picks a free port). IOError when the address
  // cannot be bound (in use, not an address of this machine).
  Status Bind();
  // "http://127.0.0.1:7480/" once bound.
  std::string url() const;
  int port() const { return port_; }
  // Serves until Stop(); starts the catch-up thread of a read-only database.
  Status Run();
  void Stop();

 private:
  using ReadHandler = Reply (*)(const ApiContext&, const GraphReader&, const httplib::Request&);

  void AddRoutes();
  void AddRead(const std::string& pattern, ReadHandler handler, bool heavy);
  Reply RunRead(ReadHandler handler, bool heavy, const httplib::Request& req);
  void ServeAsset(const std::string& name, const httplib::Request& req,
                  httplib::Response* res) const;
  // Host / Origin / content-type checks before routing; true when the request was refused.
  bool Refuse(const httplib::Request& req, httplib::Response* res) const;
  void CatchUpLoop();
  nlohmann::json ServerState() const;

  Database* db_;
  ServeOptions options_;
  ApiContext ctx_;
  httplib::Server http_;
  int port_ = 0;
  std::vector<std::string> allowed_hosts_;  // empty: any Host (a wildcard bind address)

  std::shared_mutex state_mu_;  // shared: a request reading; exclusive: a catch-up
  std::counting_semaphore<64> slots_;
  std::atomic<bool> stopping_{false};
  std::thread catch_up_thread_;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;

  mutable std::mutex state_info_mu_;
  uint64_t catch_ups_ = 0;
  std::chrono::system_clock::time_point last_catch_up_;
  std::string catch_up_error_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

// Whether `host` is a loopback address or name (127.0.0.0/8, ::1, localhost).
bool IsLoopbackHost(const std::string& host);

}  // namespace pactgraph::tools::serve

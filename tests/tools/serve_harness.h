// tests/tools/serve_harness.h — running `pactgraph serve` for a test, and talking HTTP to it.
//
// ServeProcess starts the real binary on an ephemeral port (--port 0), waits for the URL it
// prints, and stops it with SIGTERM when the test is done (reporting the exit code and what
// it wrote to stderr). Http() is a deliberately raw HTTP/1.1 client over a socket: the tests
// need to send what a browser library would refuse or rewrite (".." in paths, a forged Host
// or Origin, a body larger than the server accepts), and to see the reply byte for byte.
//
// Thread-safety: a ServeProcess is used from the test's thread; Http() may run on any thread.
#pragma once

#include <sys/types.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/test_util.h"

namespace pactgraph::testing {

class ServeProcess {
 public:
  // `pactgraph --db DB serve --port 0 ARGS...`. Fails the test (REQUIRE) when the server does
  // not print its URL within 30 s.
  ServeProcess(const std::string& db, const std::vector<std::string>& args);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  const std::string& url() const { return url_; }
  // Sends SIGTERM and waits; the exit code (or 128 + signal). Idempotent.
  int Stop();
  // What the server wrote to stderr so far.
  std::string Stderr() const;

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_code_ = -1;
  std::string url_;
};

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  // The body as JSON (a test failure when it is not JSON).
  nlohmann::json Json() const;
  bool HasHeader(const std::string& lower_name) const { return headers.count(lower_name) > 0; }
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// One request to 127.0.0.1:port. `target` is sent exactly as given. A Host header naming the
// server is added unless `headers` has one; Content-Length is added for a body.
HttpReply Http(int port, const std::string& method, const std::string& target,
               const std::string& body = "", const Headers& headers = {});
// The same without test assertions (for other threads: Catch's are not thread-safe). False,
// with `error` set, when there was no HTTP reply.
bool TryHttp(int port, const std::string& method, const std::string& target,
             const std::string& body, const Headers& headers, HttpReply* reply, std::string* error);
// GET, and POST with a JSON body.
HttpReply Get(int port, const std::string& target, const Headers& headers = {});
HttpReply PostJson(int port, const std::string& target, const std::string& body,
                   const Headers& headers = {});
// %-encodes a query-string value.
std::string UrlEncode(const std::string& text);

}  // namespace pactgraph::testing

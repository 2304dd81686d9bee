// Running `pactgraph serve` and a raw HTTP client for the explorer's tests (serve_harness.h).
#include "tests/tools/serve_harness.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace pactgraph::testing {

ServeProcess::ServeProcess(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> full{PACTGRAPH_BIN, "--db", db, "serve", "--port", "0"};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string out = dir_ / "out", err = dir_ / "err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int rc = posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  REQUIRE(rc == 0);
  // The first line is "pactgraph explorer on http://127.0.0.1:PORT/".
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string text = ReadFile(out);
    const size_t at = text.find("http://");
    const size_t eol = at == std::string::npos ? at : text.find('\n', at);
    if (eol != std::string::npos) {
      url_ = text.substr(at, eol - at);
      port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      FAIL("pactgraph serve exited before listening: " << ReadFile(err));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  FAIL("pactgraph serve printed no URL within 30 s: " << ReadFile(err));
}

ServeProcess::~ServeProcess() { Stop(); }

int ServeProcess::Stop() {
  if (pid_ <= 0) return exit_code_;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return exit_code_;
}

std::string ServeProcess::Stderr() const { return ReadFile(dir_ / "err"); }

nlohmann::json HttpReply::Json() const {
  auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  INFO("status " << status << ", body: " << body.substr(0, 400));
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

bool TryHttp(int port, const std::string& method, const std::string& target,
             const std::string& body, const Headers& headers, HttpReply* reply,
             std::string* error) {
  *reply = HttpReply();
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    *error = std::string("socket: ") + std::strerror(errno);
    return false;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    *error = std::string("connect: ") + std::strerror(errno);
    close(fd);
    return false;
  }
  std::string request = method + " " + target + " HTTP/1.1\r\n";
  bool has_host = false;
  for (const auto& [name, value] : headers) {
    if (strcasecmp(name.c_str(), "Host") == 0) has_host = true;
    request += name + ": " + value + "\r\n";
  }
  if (!has_host) request += "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
  if (!body.empty() || method == "POST") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "Connection: close\r\n\r\n" + body;
  // The server may answer (413) and close before reading a large body: a failed send is
  // not an error here, the reply is what counts.
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  char buf[65536];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) raw.append(buf, static_cast<size_t>(n));
  close(fd);
  const size_t head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos || raw.rfind("HTTP/1.", 0) != 0 || head_end < 12) {
    *error = "not an HTTP reply: " + raw.substr(0, 300);
    return false;
  }
  const std::string head = raw.substr(0, head_end);
  reply->body = raw.substr(head_end + 4);
  size_t line_end = head.find("\r\n");
  reply->status = std::atoi(head.substr(9, 3).c_str());
  while (line_end != std::string::npos) {
    const size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    const std::string line =
        head.substr(start, line_end == std::string::npos ? line_end : line_end - start);
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t v = colon + 1;
    while (v < line.size() && line[v] == ' ') ++v;
    reply->headers[name] = line.substr(v);
  }
  return true;
}

HttpReply Http(int port, const std::string& method, const std::string& target,
               const std::string& body, const Headers& headers) {
  HttpReply reply;
  std::string error;
  const bool ok = TryHttp(port, method, target, body, headers, &reply, &error);
  INFO(method << " " << target << ": " << error);
  REQUIRE(ok);
  return reply;
}

HttpReply Get(int port, const std::string& target, const Headers& headers) {
  return Http(port, "GET", target, "", headers);
}

HttpReply PostJson(int port, const std::string& target, const std::string& body,
                   const Headers& headers) {
  Headers h = headers;
  h.emplace_back("Content-Type", "application/json");
  return Http(port, "POST", target, body, h);
}

std::string UrlEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace pactgraph::testing

// The explorer's HTTP server: routes, request checks, error bodies and the catch-up thread
// (see explorer_server.h).
#include "tools/serve/explorer_server.h"

#include <arpa/inet.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <iostream>

#include "tools/serve/assets.h"

namespace pactgraph::tools::serve {
namespace {

bool IsWildcardHost(const std::string& host) {
  return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]";
}

bool IsIpv6Literal(const std::string& host) { return host.find(':') != std::string::npos; }

std::string HostPort(const std::string& host, int port) {
  return (IsIpv6Literal(host) ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string IsoTime(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The message of an error the library produced itself (no handler wrote a body).
std::string LibraryErrorMessage(const httplib::Request& req, int status, size_t max_body) {
  switch (status) {
    case 400:
      return "malformed HTTP request";
    case 404:
      return "no such page or endpoint: " + req.method + " " + req.path;
    case 405:
      return "method " + req.method + " is not allowed here";
    case 413:
      return "request body larger than the limit of " + std::to_string(max_body) + " bytes";
    case 414:
      return "request URI too long";
    default:
      return "HTTP error " + std::to_string(status);
  }
}

const char* LibraryErrorCode(int status) {
  switch (status) {
    case 404:
      return "NotFound";
    case 405:
      return "MethodNotAllowed";
    case 413:
      return "PayloadTooLarge";
    case 414:
      return "UriTooLong";
    default:
      return status >= 500 ? "Internal" : "BadRequest";
  }
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost") return true;
  std::string h = host;
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) {
    return IN6_IS_ADDR_LOOPBACK(&v6) != 0;
  }
  return false;
}

ExplorerServer::ExplorerServer(Database* db, ServeOptions options)
    : db_(db), options_(std::move(options)), slots_(std::clamp(options_.max_concurrent, 1, 64)) {
  ctx_.db = db_;
  ctx_.options = &options_;
  ctx_.cancel = &stopping_;
  ctx_.server_state = [this] { return ServerState(); };
  http_.set_payload_max_length(options_.max_body_bytes);
  http_.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      // Only the embedded page may run here: its own scripts and styles, no inline code, no
      // other origin; images from data:/blob: URLs are the PNG export.
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'"},
  });
  http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return Refuse(req, &res) ? httplib::Server::HandlerResponse::Handled
                             : httplib::Server::HandlerResponse::Unhandled;
  });
  // Wrapped explicitly: a lambda fits both overloads of set_error_handler.
  http_.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Send(Error(res.status, LibraryErrorCode(res.status),
                   LibraryErrorMessage(req, res.status, options_.max_body_bytes)),
             &res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unexpected error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        Send(Error(500, "Internal", what), &res);
      });
  http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    if (options_.verbose || res.status >= 500) {
      std::cerr << "pactgraph serve: " << req.method << " " << req.path << " -> " << res.status
                << "\n";
    }
  });
  AddRoutes();
}

ExplorerServer::~ExplorerServer() {
  Stop();
  if (catch_up_thread_.joinable()) catch_up_thread_.join();
}

Status ExplorerServer::Bind() {
  const std::string& host = options_.host;
  if (options_.port == 0) {
    port_ = http_.bind_to_any_port(host);
    if (port_ <= 0) port_ = 0;
  } else if (http_.bind_to_port(host, options_.port)) {
    port_ = options_.port;
  }
  if (port_ == 0) {
    return Status::IOError("cannot listen on " + HostPort(host, options_.port) +
                           " (in use, or not an address of this machine); choose another "
                           "with --port or --host");
  }
  allowed_hosts_.clear();
  if (!IsWildcardHost(host)) {
    allowed_hosts_.push_back(HostPort(host, port_));
    if (IsLoopbackHost(host)) {
      for (const char* alias : {"127.0.0.1", "localhost", "::1"}) {
        allowed_hosts_.push_back(HostPort(alias, port_));
      }
    }
  }
  return Status::OK();
}

std::string ExplorerServer::url() const {
  const std::string host = IsWildcardHost(options_.host) ? "127.0.0.1" : options_.host;
  return "http://" + HostPort(host, port_) + "/";
}

Status ExplorerServer::Run() {
  if (db_->read_only() && options_.catch_up_ms > 0) {
    catch_up_thread_ = std::thread([this] { CatchUpLoop(); });
  }
  const bool ok = http_.listen_after_bind();
  Stop();
  if (catch_up_thread_.joinable()) catch_up_thread_.join();
  return ok ? Status::OK() : Status::IOError("the HTTP server stopped on a socket error");
}

void ExplorerServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  http_.stop();
}

bool ExplorerServer::Refuse(const httplib::Request& req, httplib::Response* res) const {
  const std::string host = req.get_header_value("Host");
  if (!allowed_hosts_.empty() &&
      std::find(allowed_hosts_.begin(), allowed_hosts_.end(), host) == allowed_hosts_.end()) {
    Send(Error(403, "Forbidden",
               "Host '" + host + "' is not this server's address " + allowed_hosts_.front() +
                   " (requests through other names are refused)"),
         res);
    return true;
  }
  const std::string origin = req.get_header_value("Origin");
  if (!origin.empty() && origin != "http://" + host) {
    Send(Error(403, "Forbidden",
               "cross-origin request from '" + origin +
                   "' refused (only the explorer's own "
                   "page may use the API)"),
         res);
    return true;
  }
  if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
    Send(Error(405, "MethodNotAllowed", "method " + req.method + " is not allowed"), res);
    return true;
  }
  if (req.method == "POST" &&
      req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    Send(Error(415, "UnsupportedMediaType",
               "POST bodies must be JSON (Content-Type: application/json)"),
         res);
    return true;
  }
  return false;
}

void ExplorerServer::AddRoutes() {
  http_.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
    ServeAsset("index.html", req, &res);
  });
  // Browsers ask for /favicon.ico on their own; the page's icon is an SVG.
  http_.Get("/favicon.ico", [this](const httplib::Request& req, httplib::Response& res) {
    ServeAsset("favicon.svg", req, &res);
  });
  http_.Get(R"(/assets/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
    ServeAsset(req.matches[1], req, &res);
  });
  AddRead("/api/info", ApiInfo, false);
  AddRead("/api/search", ApiSearch, false);
  AddRead(R"(/api/node/([^/]*))", ApiNode, false);
  AddRead("/api/neighbours", ApiNeighbours, false);
  AddRead(R"(/api/relationship/([^/]*))", ApiRelationship, false);
  AddRead(R"(/api/article/([^/]*))", ApiArticle, false);
  AddRead("/api/path", ApiPath, true);
  http_.Post("/api/query", [this](const httplib::Request& req, httplib::Response& res) {
    Send(RunRead(ApiQuery, true, req), &res);
  });
  http_.Post("/api/write", [this](const httplib::Request& req, httplib::Response& res) {
    if (!options_.allow_writes) {
      Send(Error(403, "ReadOnly",
                 "writes are disabled: start the server with `pactgraph serve --allow-writes`"),
           &res);
      return;
    }
    if (!slots_.try_acquire_for(std::chrono::seconds(5))) {
      Send(Error(503, "Busy", "too many queries are running; try again"), &res);
      return;
    }
    std::shared_lock<std::shared_mutex> lock(state_mu_);
    Send(ApiWrite(ctx_, req), &res);
    slots_.release();
  });
}

void ExplorerServer::AddRead(const std::string& pattern, ReadHandler handler, bool heavy) {
  http_.Get(pattern, [this, handler, heavy](const httplib::Request& req, httplib::Response& res) {
    Send(RunRead(handler, heavy, req), &res);
  });
}

Reply ExplorerServer::RunRead(ReadHandler handler, bool heavy, const httplib::Request& req) {
  if (heavy && !slots_.try_acquire_for(std::chrono::seconds(5))) {
    return Error(503, "Busy",
                 std::to_string(options_.max_concurrent) +
                     " queries are already running (the server's limit); try again");
  }
  Reply reply;
  {
    std::shared_lock<std::shared_mutex> lock(state_mu_);
    std::unique_ptr<GraphReader> reader = db_->NewReader();
    try {
      reply = handler(ctx_, *reader, req);
    } catch (const std::exception& e) {
      reply = Error(500, "Internal", e.what());
    }
  }
  if (heavy) slots_.release();
  return reply;
}

void ExplorerServer::ServeAsset(const std::string& name, const httplib::Request& req,
                                httplib::Response* res) const {
  const Asset* asset = FindAsset(name);
  if (asset == nullptr) {
    Send(Error(404, "NotFound", "no asset named '" + name + "'"), res);
    return;
  }
  // The assets change only with the binary: the browser keeps them and asks whether they
  // are still current (a 304 is a few bytes instead of d3's 250 KB on every reload).
  const std::string etag =
      "\"" + std::to_string(std::hash<std::string_view>()(asset->bytes)) + "\"";
  res->set_header("Cache-Control", "no-cache");
  res->set_header("ETag", etag);
  if (req.get_header_value("If-None-Match") == etag) {
    res->status = 304;
    return;
  }
  res->set_content(std::string(asset->bytes), std::string(ContentTypeFor(name)).c_str());
}

void ExplorerServer::CatchUpLoop() {
  const auto interval = std::chrono::milliseconds(options_.catch_up_ms);
  std::string reported;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(stop_mu_);
      if (stop_cv_.wait_for(lock, interval, [this] { return stopping_.load(); })) return;
    }
    Status s;
    {
      std::unique_lock<std::shared_mutex> lock(state_mu_);
      s = db_->CatchUp();
    }
    std::lock_guard<std::mutex> lock(state_info_mu_);
    if (s.ok()) {
      ++catch_ups_;
      last_catch_up_ = std::chrono::system_clock::now();
      catch_up_error_.clear();
    } else {
      catch_up_error_ = s.message();
      // The server goes on with the state it has; say so once per distinct failure.
      if (reported != catch_up_error_) {
        std::cerr << "pactgraph serve: warning: " << catch_up_error_
                  << " (serving the last state read)\n";
        reported = catch_up_error_;
      }
    }
  }
}

nlohmann::json ExplorerServer::ServerState() const {
  std::lock_guard<std::mutex> lock(state_info_mu_);
  const double uptime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return {{"catch_up_ms", db_->read_only() ? options_.catch_up_ms : 0},
          {"catch_ups", catch_ups_},
          {"last_catch_up", catch_ups_ ? nlohmann::json(IsoTime(last_catch_up_)) : nullptr},
          {"catch_up_error",
           catch_up_error_.empty() ? nlohmann::json() : nlohmann::json(catch_up_error_)},
          {"uptime_s", uptime}};
}

}  // namespace pactgraph::tools::serve

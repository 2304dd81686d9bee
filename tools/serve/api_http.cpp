// Replies, error bodies and parameter parsing for the explorer's API (see api_http.h).
#include "tools/serve/api_http.h"

#include <charconv>

namespace pactgraph::tools::serve {

Reply Ok(nlohmann::json body) { return Reply{200, std::move(body)}; }

Reply Error(int http_status, std::string_view code, std::string_view message) {
  return Reply{http_status,
               {{"error", {{"status", http_status}, {"code", code}, {"message", message}}}}};
}

Reply Error(const Status& status) {
  return Error(HttpStatusFor(status), CodeName(status.code()), status.message());
}

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return 200;
    case Status::Code::kInvalidArgument:
    case Status::Code::kParseError:
    case Status::Code::kNotSupported:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kLimitExceeded:
      return 422;
    case Status::Code::kBusy:
    case Status::Code::kCancelled:
      return 503;
    case Status::Code::kIOError:
    case Status::Code::kCorruption:
    case Status::Code::kVersionMismatch:
    case Status::Code::kInternal:
      return 500;
  }
  return 500;
}

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "Ok";
    case Status::Code::kNotFound:
      return "NotFound";
    case Status::Code::kInvalidArgument:
      return "InvalidArgument";
    case Status::Code::kParseError:
      return "ParseError";
    case Status::Code::kNotSupported:
      return "NotSupported";
    case Status::Code::kLimitExceeded:
      return "LimitExceeded";
    case Status::Code::kCancelled:
      return "Cancelled";
    case Status::Code::kBusy:
      return "Busy";
    case Status::Code::kIOError:
      return "IOError";
    case Status::Code::kCorruption:
      return "Corruption";
    case Status::Code::kVersionMismatch:
      return "VersionMismatch";
    case Status::Code::kInternal:
      return "Internal";
  }
  return "Internal";
}

bool Params::Has(const std::string& name) const { return request_.has_param(name.c_str()); }

Result<std::string> Params::String(const std::string& name, bool required) const {
  std::string value = Has(name) ? request_.get_param_value(name.c_str()) : std::string();
  if (required && value.empty()) {
    return Status::InvalidArgument("parameter '" + name + "' is required");
  }
  return value;
}

Result<int64_t> Params::Int(const std::string& name, int64_t fallback, int64_t min,
                            int64_t max) const {
  if (!Has(name)) return fallback;
  const std::string text = request_.get_param_value(name.c_str());
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) {
    return Status::InvalidArgument("parameter '" + name + "': expected an integer from " +
                                   std::to_string(min) + " to " + std::to_string(max) + ", got '" +
                                   text + "'");
  }
  return v;
}

Result<bool> Params::Bool(const std::string& name, bool fallback) const {
  if (!Has(name)) return fallback;
  const std::string text = request_.get_param_value(name.c_str());
  for (const char* t : {"1", "true", "yes", "on"}) {
    if (text == t) return true;
  }
  for (const char* f : {"0", "false", "no", "off"}) {
    if (text == f) return false;
  }
  return Status::InvalidArgument("parameter '" + name + "': expected true or false, got '" + text +
                                 "'");
}

std::vector<std::string> Params::List(const std::string& name) const {
  std::vector<std::string> out;
  if (!Has(name)) return out;
  const std::string text = request_.get_param_value(name.c_str());
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    start = comma + 1;
  }
  return out;
}

void Send(const Reply& reply, httplib::Response* response) {
  response->status = reply.status;
  // Answers reflect one state of a database that a writer changes: never cache them.
  response->set_header("Cache-Control", "no-store");
  // Invalid UTF-8 in stored text is replaced rather than failing the whole reply.
  response->set_content(reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "application/json; charset=utf-8");
}

}  // namespace pactgraph::tools::serve

// tools/serve/api_http.h — the JSON API's replies, errors and request parameters.
//
// Every handler of `pactgraph serve` returns a Reply: an HTTP status and a JSON body. Errors
// have one shape everywhere,
//   {"error": {"status": 400, "code": "InvalidArgument", "message": "parameter 'limit': …"}}
// with the status chosen from the pactgraph Status code (HttpStatusFor), so a client can
// show the message as it is and branch on `code`. Params reads query-string parameters with
// the checks every handler needs (required, integer in a range, boolean, comma lists) and
// names the parameter in its error.
//
// Thread-safety: plain values; a Params refers to the request it reads (one per thread).
#pragma once

#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/status.h"

namespace pactgraph::tools::serve {

struct Reply {
  int status = 200;
  nlohmann::json body;
};

// 200 with `body`.
Reply Ok(nlohmann::json body);
// The error shape above, with an explicit HTTP status and code name.
Reply Error(int http_status, std::string_view code, std::string_view message);
// The error shape for a pactgraph Status (HttpStatusFor picks the HTTP status).
Reply Error(const Status& status);

// InvalidArgument, ParseError, NotSupported -> 400; NotFound -> 404; LimitExceeded -> 422;
// Busy, Cancelled -> 503; storage and internal errors -> 500.
int HttpStatusFor(const Status& status);
// "InvalidArgument", "ParseError", … (the Status::Code name without its k).
const char* CodeName(Status::Code code);

// Query-string parameters of one request.
class Params {
 public:
  explicit Params(const httplib::Request& request) : request_(request) {}

  bool Has(const std::string& name) const;
  // The value; empty when absent. InvalidArgument when `required` and absent or empty.
  Result<std::string> String(const std::string& name, bool required = false) const;
  // An integer in [min, max]; `fallback` when absent.
  Result<int64_t> Int(const std::string& name, int64_t fallback, int64_t min, int64_t max) const;
  // "1", "true", "yes", "on" / "0", "false", "no", "off"; `fallback` when absent.
  Result<bool> Bool(const std::string& name, bool fallback) const;
  // A comma-separated list, items trimmed, empty items dropped.
  std::vector<std::string> List(const std::string& name) const;

 private:
  const httplib::Request& request_;
};

// Writes `reply` into `response` as application/json.
void Send(const Reply& reply, httplib::Response* response);

}  // namespace pactgraph::tools::serve

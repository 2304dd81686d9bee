// Fuzz target: the query parser (query/parser). Any text must parse or give a ParseError.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "query/parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto q =
      pactgraph::query::ParseQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!q.ok() && q.status().message().empty()) std::abort();  // errors must say something
  return 0;
}

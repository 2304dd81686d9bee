// Fuzz target: query execution on a tiny graph (a triangle with a tail, typed relationships,
// properties), read-only through Session::ExecuteOn with tight limits. Any query must return
// rows or an error, within the limits, never crash.
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_db.h"
#include "pactgraph/session.h"

using namespace pactgraph;

namespace {

bool Populate(Database* db) {
  auto w = db->BeginWrite();
  if (!w.ok()) return false;
  NodeId ids[4];
  const char* names[4] = {"Kenya", "Rwanda", "Acme Labs", "Viet Nam"};
  for (int i = 0; i < 4; ++i) {
    auto id = (*w)->CreateNode({i == 2 ? "Organization" : "Nation"},
                               {{"name", names[i]}, {"rank", i}, {"score", 0.5 * i}});
    if (!id.ok()) return false;
    ids[i] = *id;
  }
  const int edges[5][2] = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}};
  for (const auto& e : edges) {
    if (!(*w)->CreateRelationship(ids[e[0]], ids[e[1]], e[0] < e[1] ? "MOU" : "FUNDS",
                                  {{"year", 2020 + e[0]}})
             .ok()) {
      return false;
    }
  }
  return (*w)->Commit().ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto& scratch = fuzz::GetScratch();
  static const bool ready = scratch.db() != nullptr && Populate(scratch.db());
  if (!ready) return 0;
  static auto reader = scratch.db()->NewReader();
  SessionOptions limits;
  limits.timeout_ms = 200;
  limits.max_rows = 100'000;
  limits.max_memory_mb = 64;
  limits.max_var_length_depth = 6;
  (void)Session::ExecuteOn(*reader, std::string_view(reinterpret_cast<const char*>(data), size),
                           {{"name", Value("Kenya")}, {"n", Value(2)}}, limits);
  return 0;
}

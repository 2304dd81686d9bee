// Fuzz target: JSON import (engine/io). Bad input must give an error status, never a crash.
#include <cstdint>
#include <string>

#include "engine/io/graph_import.h"
#include "fuzz/fuzz_db.h"

using namespace pactgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto& scratch = fuzz::GetScratch();
  if (scratch.db() == nullptr) return 0;
  const std::string in(reinterpret_cast<const char*>(data), size);
  ImportSummary summary;
  (void)ImportJson(*scratch.db(), scratch.Write("graph.json", in), {}, &summary);
  return 0;
}

// Fuzz target: CSV import (engine/io). The input is the nodes file and, after a line "%%", the
// edges file. Bad input must give an error status, never a crash; the CSV reader alone is
// fuzzed on the whole input too.
#include <cstdint>
#include <string>

#include "engine/io/csv_reader.h"
#include "engine/io/graph_import.h"
#include "fuzz/fuzz_db.h"

using namespace pactgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  {
    auto reader = io::CsvReader::FromString("fuzz.csv", in);
    if (reader.ok()) {
      std::vector<std::string> fields;
      while (reader->Next(&fields)) {
      }
    }
  }
  auto& scratch = fuzz::GetScratch();
  if (scratch.db() == nullptr) return 0;
  const size_t split = in.find("\n%%\n");
  const std::string nodes = in.substr(0, split);
  const std::string edges =
      split == std::string::npos ? std::string("src,dst,type\n") : in.substr(split + 4);
  ImportSummary summary;
  (void)ImportCsv(*scratch.db(), scratch.Write("nodes.csv", nodes),
                      scratch.Write("edges.csv", edges), {}, &summary);
  return 0;
}

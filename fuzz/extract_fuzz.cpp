// Fuzz target: article parsing and extraction (engine/extract). Any bytes must be refused with a
// problem or parsed and decomposed, never crash; relation offsets must lie inside the body.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/extract/article.h"
#include "engine/extract/extract.h"

using namespace pactgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto extractor = [] {
    extract::ExtractorOptions o;
    o.data_dir = PACTGRAPH_DATA_DIR;
    auto e = extract::Extractor::Create(o);
    if (!e.ok()) std::abort();
    return std::move(e).value();
  }();
  const std::string in(reinterpret_cast<const char*>(data), size);
  std::vector<Article> lines;
  std::vector<extract::InputProblem> problems;
  extract::ParseJsonLines("fuzz.jsonl", in, &lines, &problems);
  Article article;
  if (!ParseArticleText("fuzz.txt", in, &article).ok()) return 0;
  extract::Extraction out;
  if (!extractor->Extract(article, &out).ok()) return 0;
  for (const auto& r : out.evidence) {
    if (r.sentence_span.begin > r.sentence_span.end || r.sentence_span.end > article.text.size()) {
      std::abort();
    }
  }
  return 0;
}

// Fuzz target: article parsing and extraction (engine/extract). Any bytes must be refused with a
// problem or parsed and decomposed, never crash; every offset must lie inside the body; a
// sentence never yields more than kMaxPairsPerSentence relation candidates. Long inputs are
// exercised twice: as given (run with -max_len=65536 or more), and repeated into one crowded
// sentence of up to 1 MB, so the caps that keep extraction linear are fuzzed too. Run with the
// dictionary of names and triggers: -dict=fuzz/extract.dict (docs/reliability.md).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/extract/article.h"
#include "engine/extract/extract.h"

using namespace pactgraph;

namespace {

void Check(const extract::Extractor& ex, const Article& article) {
  extract::Extraction out;
  if (!ex.Extract(article, &out).ok()) return;
  const size_t n = article.text.size();
  for (const auto& r : out.evidence) {
    for (const extract::Span& s : {r.sentence_span, r.trigger_span, r.source_span, r.target_span}) {
      if (s.begin > s.end || s.end > n) std::abort();
    }
    if (r.rule.empty()) std::abort();
  }
  for (const auto& e : out.entities) {
    for (const auto& m : e.mentions) {
      if (m.begin > m.end || m.end > n) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto extractor = [] {
    extract::ExtractorOptions o;
    o.data_dir = PACTGRAPH_DATA_DIR;
    o.trace = true;
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
  Check(*extractor, article);
  // The same words repeated into one sentence with no break, up to 1 MB.
  if (!article.text.empty() && article.text.size() < 4096) {
    const size_t copies = std::min<size_t>((1u << 20) / (article.text.size() + 2), 64 + size * 4);
    Article crowded;
    crowded.text.reserve(copies * (article.text.size() + 2));
    for (size_t i = 0; i < copies; ++i) {
      for (char c : article.text) crowded.text += (c == '\n' || c == '.') ? ',' : c;
      crowded.text += ", ";
    }
    Check(*extractor, crowded);
  }
  return 0;
}

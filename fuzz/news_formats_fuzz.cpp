// Fuzz target: the news-format readers (pactgraph/news_formats.h) and extraction records
// (pactgraph/extraction_record.h). Any bytes, read as an HTML page, an HTML fragment, an
// RSS/Atom feed and an extraction record, must give an article or a clear error, never a
// crash, a hang or an unbounded allocation; what comes out must be valid UTF-8, and a record
// that parses must write back to a record that parses to the same text. Seeds:
// fuzz/corpus/news_formats (pages, feeds and a record written for the project).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/extract/text.h"
#include "pactgraph/extraction_record.h"
#include "pactgraph/news_formats.h"

using namespace pactgraph;

namespace {

void CheckText(const std::string& s) {
  if (extract::FindInvalidUtf8(s) >= 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  Article a;
  if (ParseHtmlArticle("fuzz.html", in, &a).ok()) {
    if (a.text.empty()) std::abort();
    CheckText(a.text);
    CheckText(a.title);
    CheckText(a.source);
  }
  if (auto t = HtmlToText(in); t.ok()) CheckText(*t);
  std::vector<InputProblem> problems;
  ReadOptions options;
  options.max_bytes = 1 << 20;
  ParseFeed(
      "fuzz.xml", in, options,
      [](Article&& item) {
        if (item.text.empty()) std::abort();
        CheckText(item.text);
        CheckText(item.title);
        return true;
      },
      &problems);
  (void)DetectArticleFormat("fuzz", in);
  Extraction x;
  if (ParseExtractionRecord(in, &a, &x).ok()) {
    Article a2;
    Extraction x2;
    if (!ParseExtractionRecord(ExtractionRecord(a, x), &a2, &x2).ok()) std::abort();
    if (a2.text != a.text || x2.relations.size() != x.relations.size()) std::abort();
  }
  return 0;
}

// Regression tests for crowded and very long sentences: the cost stays linear because every
// slot search is bounded and a sentence emits a bounded number of candidates (document.h).
// These tests assert counts and caps, not times; the timings are in the benchmark.
#include "engine/extract/document.h"
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

namespace {

// "Acme0 Holdings, Acme1 Labs, ..." — `n` distinct organisations in one sentence.
std::string CrowdedSentence(size_t n, const std::string& tail) {
  static const char* const kHeads[] = {"Holdings", "Labs", "Group", "Systems"};
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) s += ", ";
    s += "Orvik" + std::to_string(i) + " " + kHeads[i % 4];
  }
  return s + tail;
}

}  // namespace

TEST_CASE("Crowded: 1,000 actors in one sentence give bounded candidates and a warning",
          "[extract]") {
  Extraction x = ExtractText(CrowdedSentence(1000, " and Ghana signed an accord with Peru."));
  CHECK(x.entities.size() >= 1000);
  CHECK(x.relations.size() <= kMaxPairsPerSentence);
  bool warned = false;
  for (const auto& w : x.warnings) warned |= w.find("conjuncts") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("Crowded: many triggers in one long sentence stay under the per-sentence cap",
          "[extract]") {
  std::string s;
  for (int i = 0; i < 2000; ++i) {
    s += "Orvik" + std::to_string(i) + " Labs partnered with Peru and ";
  }
  s += "Ghana.";
  Extraction x = ExtractText(s);
  CHECK(x.relations.size() <= kMaxPairsPerSentence);
  bool warned = false;
  for (const auto& w : x.warnings) warned |= w.find("candidates") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("Crowded: a 1 MB article with no sentence break is read", "[extract]") {
  std::string s;
  while (s.size() < (1u << 20)) s += "Orvik" + std::to_string(s.size()) + " Labs, ";
  s += "and Ghana met Peru";
  Extraction x = ExtractText(s);
  CHECK(x.entities.size() > 10000);
  CHECK(x.relations.size() <= kMaxPairsPerSentence);
}

}  // namespace pactgraph::extract

// Regression tests for crowded and very long sentences: the cost stays linear because every
// slot search is bounded and a sentence emits a bounded number of candidates (document.h).
// These tests assert counts and caps, not times; the timings are in the benchmark.
#include <sys/resource.h>

#include <ctime>

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

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// AddressSanitizer adds redzones to every allocation and keeps freed memory in a quarantine
// (256 MB by default) instead of reusing it, so its peak is higher by construction; the bound
// still catches the unbounded behaviour (21 GB).
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMemoryBoundMb = 1024;
#else
constexpr long kMemoryBoundMb = 256;
#endif

}  // namespace

// The bounds are generous (a sanitizer build is several times slower); the uncapped reading
// took 12.9 s for 500 actors and died of bad_alloc at 21 GB for 20,000 (issue 14).
TEST_CASE("Crowded: 500 actors in one sentence extract in well under a second", "[extract]") {
  const std::string text = CrowdedSentence(500, " and Ghana signed an accord with Peru.");
  SharedExtractor();  // tables loaded before the clock starts
  const double t0 = CpuSeconds();
  Extraction x = ExtractText(text);
  const double cpu = CpuSeconds() - t0;
  CHECK(cpu < 1.0);
  CHECK(x.entities.size() >= 500);
  CHECK(x.relations.size() <= kMaxPairsPerSentence);
}

TEST_CASE("Crowded: 20,000 actors in one sentence stay within bounded memory", "[extract]") {
  const std::string text = CrowdedSentence(20000, " and Ghana signed an accord with Peru.");
  SharedExtractor();
  const long before = PeakRssKb();
  Extraction x = ExtractText(text);
  const long grown_mb = (PeakRssKb() - before) / 1024;
  INFO("peak RSS grew by " << grown_mb << " MB for " << text.size() << " bytes");
  CHECK(grown_mb < kMemoryBoundMb);
  CHECK(x.entities.size() >= 20000);
  CHECK(x.relations.size() <= kMaxPairsPerSentence);
}

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

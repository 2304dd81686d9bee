// Extraction throughput: MB of article text decomposed per second on one core, on a corpus
// built by repeating the project's sample articles (data/articles); and the cost of crowded
// sentences (one sentence naming N actors, a 1 MB article with no sentence break), which must
// stay linear: targets 1,000 actors in one sentence under 1 s, 1 MB in a few seconds.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "pactgraph/ingest.h"

namespace {

using namespace pactgraph;

// The data directory: $PACTGRAPH_DATA_DIR, else the source tree's data/ (when the build passes
// PACTGRAPH_SOURCE_DIR, see extract.cmake), else ./data.
std::string DataDir() {
  if (const char* env = std::getenv("PACTGRAPH_DATA_DIR"); env && *env) return env;
#ifdef PACTGRAPH_SOURCE_DIR
  return std::string(PACTGRAPH_SOURCE_DIR) + "/data";
#else
  return "data";
#endif
}

std::vector<Article> SampleCorpus(size_t min_bytes) {
  std::vector<Article> base, out;
  std::vector<InputProblem> problems;
  ReadArticles({DataDir() + "/articles"}, ReadOptions(), &base, &problems);
  if (base.empty()) return out;
  size_t bytes = 0;
  while (bytes < min_bytes) {
    for (const Article& a : base) {
      out.push_back(a);
      bytes += a.text.size();
    }
  }
  return out;
}

void BM_ExtractSampleCorpus(benchmark::State& state) {
  ExtractorOptions o;
  o.data_dir = DataDir();
  auto ex = Extractor::Create(o);
  if (!ex.ok()) {
    state.SkipWithError(ex.status().ToString().c_str());
    return;
  }
  std::vector<Article> corpus = SampleCorpus(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (const Article& a : corpus) bytes += a.text.size();
  size_t relations = 0;
  for (auto _ : state) {
    for (const Article& a : corpus) {
      Extraction x;
      if (!(*ex)->Extract(a, &x).ok()) state.SkipWithError("extract failed");
      relations += x.relations.size();
      benchmark::DoNotOptimize(x);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles"] = static_cast<double>(corpus.size());
  state.counters["relations/iter"] = static_cast<double>(relations) /
                                     static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_ExtractSampleCorpus)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

// One sentence naming `n` organisations, then a trigger ("..., and Ghana signed an accord").
std::string CrowdedSentence(size_t n) {
  static const char* const kHeads[] = {"Holdings", "Labs", "Group", "Systems"};
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) s += ", ";
    s += "Orvik" + std::to_string(i) + " " + kHeads[i % 4];
  }
  return s + " and Ghana signed an accord with Peru.";
}

void BM_ExtractCrowdedSentence(benchmark::State& state) {
  ExtractorOptions o;
  o.data_dir = DataDir();
  auto ex = Extractor::Create(o);
  if (!ex.ok()) {
    state.SkipWithError(ex.status().ToString().c_str());
    return;
  }
  Article a;
  a.text = CrowdedSentence(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    Extraction x;
    if (!(*ex)->Extract(a, &x).ok()) state.SkipWithError("extract failed");
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.text.size()));
  state.counters["actors"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_ExtractCrowdedSentence)
    ->Arg(500)
    ->Arg(1000)
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond);

// A 1 MB article that is one sentence: names, commas and triggers, no full stop.
void BM_ExtractOneMegabyteSentence(benchmark::State& state) {
  ExtractorOptions o;
  o.data_dir = DataDir();
  auto ex = Extractor::Create(o);
  if (!ex.ok()) {
    state.SkipWithError(ex.status().ToString().c_str());
    return;
  }
  Article a;
  for (size_t i = 0; a.text.size() < (1u << 20); ++i) {
    a.text += "Orvik" + std::to_string(i) + " Labs and Kenya signed an agreement with Ghana, ";
  }
  for (auto _ : state) {
    Extraction x;
    if (!(*ex)->Extract(a, &x).ok()) state.SkipWithError("extract failed");
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.text.size()));
}
BENCHMARK(BM_ExtractOneMegabyteSentence)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();

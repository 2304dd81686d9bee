// benchmarks/driver/driver_extract.cpp — the extract metric: article decomposition throughput.
//
// Reads every article under options.corpus_dir (pactgraph/ingest.h's ReadArticles), then times
// Extractor::Extract over all of them. Throughput is body bytes per second (MB = 10^6 bytes);
// the answer counts articles, entities and relations so runs can be compared.
#include <chrono>

#include "benchmarks/driver/driver.h"
#include "pactgraph/ingest.h"

namespace pactgraph::bench {

Status RunExtractMetric(const BenchOptions& options, BenchReport* report) {
  if (options.corpus_dir.empty()) return Status::OK();
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
  ReadArticles({options.corpus_dir}, ReadOptions(), &articles, &problems);
  if (articles.empty()) {
    return Status::InvalidArgument(
        "--corpus " + options.corpus_dir + ": no readable articles" +
        (problems.empty() ? "" : " (" + problems[0].path + ": " + problems[0].message + ")"));
  }
  auto extractor = Extractor::Create();
  if (!extractor.ok()) return extractor.status();
  uint64_t bytes = 0;
  for (const auto& a : articles) bytes += a.text.size();

  Metric m{"extract"};
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>* lat, nlohmann::json* answer) -> Status {
        uint64_t entities = 0, relations = 0;
        for (const auto& a : articles) {
          Extraction x;
          auto t0 = std::chrono::steady_clock::now();
          PG_RETURN_IF_ERROR((*extractor)->Extract(a, &x).WithContext(a.file));
          lat->push_back(
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() * 1e6);
          entities += x.entities.size();
          relations += x.relations.size();
        }
        *answer = {{"articles", articles.size()},
                   {"entities", entities},
                   {"relations", relations},
                   {"bytes", bytes}};
        return Status::OK();
      },
      &m));
  const double mb_s = m.total_s > 0 ? static_cast<double>(bytes) / 1e6 / m.total_s : 0;
  char note[128];
  std::snprintf(note, sizeof note, "%.2f MB/s over %zu articles (%llu bytes of text)", mb_s,
                articles.size(), static_cast<unsigned long long>(bytes));
  m.note = note;
  report->metrics.push_back(std::move(m));
  return Status::OK();
}

}  // namespace pactgraph::bench

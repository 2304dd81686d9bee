// benchmarks/driver/driver.h — the benchmark driver behind `pactgraph bench run`.
//
// RunBench imports a dataset (dataset.h) into a fresh database with ImportCsv (timed:
// load_s, with the disk size), closes it, reopens it cold (a new Database: empty block cache;
// the OS page cache is not dropped) and then times, in process:
//   lookup    GraphReader::FindNodesByName for every lookup name
//             answer {"found": names with a match, "matches": ids returned}
//   hop1      GraphReader::Neighbors(id, kBoth, {COOPERATION}) for every hop id
//             answer: the sum of distinct neighbours other than the node itself
//   hop2      breadth-first over Neighbors (all types, both directions) for the first
//             hop2_count ids; answer: the sum of distinct nodes at distance 1 or 2
//   snapshot  GraphSnapshot::Build with weights (the in-memory copy the next four use)
//   sp        unweighted shortest-path length per pair, direction ignored (-1: none)
//   wsp       cheapest path cost on `weight` per pair, direction ignored, rounded to 4 places
//   wcc       number of weakly connected components (isolated nodes count)
//   pagerank  20 iterations, damping 0.85, directed; answer: CSV id of the top node
//   extract   article text throughput over a corpus folder (MB/s), when one is given
// and then, with the database closed, the one-shot commands (driver_oneshot.cpp): `node`,
// `query`, `path`, `algo pagerank` and `check`, each in a fresh process, wall time.
// Each measured phase runs `repeat` times: the reported totals (wall clock, and CPU time of the
// driver's thread, which a machine shared with other work inflates far less) are medians, the
// latencies (p50/p99 per query) pool every run, and the answers of all runs must agree. Metrics
// whose engine part is not built are reported unavailable, with the reason.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/status.h"

namespace pactgraph::bench {

struct BenchOptions {
  std::string dataset_dir;
  std::string db_path;  // empty: a temporary directory, removed afterwards
  uint32_t repeat = 1;
  std::string corpus_dir;  // empty: no extract metric
  // The bulk loader's memory budget for the import (Options::bulk_load_memory_mb; 0: none).
  size_t load_memory_mb = Options().bulk_load_memory_mb;
  std::function<void(const std::string&)> log;  // progress lines; may be empty
  // The pactgraph binary for the one-shot metrics (a fresh process per command); empty: they
  // are reported unavailable.
  std::string binary;
  uint32_t oneshot_runs = 3;  // runs after the first, per command; 0: no one-shot metrics
};

struct Metric {
  explicit Metric(std::string metric_name = "") : name(std::move(metric_name)) {}
  std::string name;
  bool available = true;
  std::string note;    // why unavailable, or what was measured
  double total_s = 0;  // wall-clock time, median over the repeats
  double cpu_s = 0;    // CPU time of the running thread, median (robust on a busy machine)
  std::vector<double> latencies_us;  // per query, every repeat
  nlohmann::json answer;
  double Percentile(double p) const;  // of latencies_us, in microseconds; NaN when none
};

struct BenchReport {
  std::string version;
  std::string dataset_dir;
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint32_t repeat = 1;
  double load_s = 0;
  double load_cpu_s = 0;  // CPU time of the importing thread (RocksDB's own threads aside)
  double open_s = 0;      // cold reopen
  uint64_t disk_bytes = 0;
  double peak_rss_mb = 0;
  std::vector<Metric> metrics;  // lookup, hop1, hop2, snapshot, sp, wsp, wcc, pagerank, extract
  const Metric* Find(const std::string& name) const;

  // {"system":"pactgraph","version":…,"metrics":{"load_s":…,"lookup_s":…,…},
  //  "latency":{"lookup":{"p50_us":…,"p99_us":…},…},"answers":{…},"unavailable":{…}}
  nlohmann::json ToJson() const;
  std::string ToTable() const;
};

// The one-shot metrics on the closed database at `db_path` (see above); `pair` is the first
// path pair as NodeIds.
Status RunOneShotMetrics(const BenchOptions& options, const std::string& db_path,
                         const std::string& first_name, const std::vector<uint64_t>& pair,
                         BenchReport* report);

// Errors: NotFound / InvalidArgument naming the dataset file and place; InvalidArgument when
// `db_path` exists and is not an empty directory (the benchmark never touches an existing
// database); storage errors from the import.
Status RunBench(const BenchOptions& options, BenchReport* report);

// --- internals shared by the driver's files ------------------------------------------------
struct BenchQueries;
// The graph metrics (snapshot, sp, wsp, wcc, pagerank); `node_base` maps CSV id i to NodeId
// node_base + i. Appends unavailable metrics when engine/graph is not built.
Status RunGraphMetrics(const GraphReader& reader, const BenchQueries& queries, NodeId node_base,
                       uint64_t node_count, const BenchOptions& options, BenchReport* report);
// lookup (named "lookup" + suffix) over `reader`.
Status RunLookupMetric(const GraphReader& reader, const BenchQueries& queries,
                       const std::string& suffix, const BenchOptions& options, BenchReport* report);
// hop1 and hop2 (named "hop1" + suffix, "hop2" + suffix) over `reader`.
Status RunHopMetrics(const GraphReader& reader, const BenchQueries& queries, NodeId base,
                     const std::string& suffix, const BenchOptions& options, BenchReport* report);
// The extract metric (appends nothing when options.corpus_dir is empty).
Status RunExtractMetric(const BenchOptions& options, BenchReport* report);
// Runs `phase` options.repeat times; `phase(latencies, answer)` fills one run. Fills `metric`.
Status TimeRepeated(const BenchOptions& options,
                    const std::function<Status(std::vector<double>*, nlohmann::json*)>& phase,
                    Metric* metric);

}  // namespace pactgraph::bench

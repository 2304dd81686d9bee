// benchmarks/driver/driver.cpp — import, cold reopen and the storage-level metrics (see driver.h).
#include "benchmarks/driver/driver.h"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "benchmarks/driver/dataset.h"
#include "engine/io/csv_reader.h"
#include "engine/io/graph_import.h"
#include "pactgraph/import_export.h"

namespace pactgraph::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void Log(const BenchOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

// The first and last node names of nodes.csv and the node count, to map CSV ids to the ids
// the import assigned and check that mapping.
struct NodesCsv {
  uint64_t count = 0;
  std::string first_name, last_name;
};

Status ScanNodesCsv(const std::string& path, NodesCsv* out) {
  auto reader = io::CsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  std::vector<std::string> fields;
  if (!reader->Next(&fields)) {
    return reader->status().ok() ? Status::InvalidArgument(path + ": empty file")
                                 : reader->status();
  }
  size_t name_col = std::find(fields.begin(), fields.end(), "name") - fields.begin();
  size_t id_col = std::find(fields.begin(), fields.end(), "id") - fields.begin();
  if (name_col == fields.size() || id_col == fields.size()) {
    return Status::InvalidArgument(path + ":1:1: header needs the columns id,name,kind");
  }
  while (reader->Next(&fields)) {
    if (fields.size() <= std::max(name_col, id_col)) break;  // the importer reports it
    if (fields[id_col] != std::to_string(out->count + 1)) {
      return Status::InvalidArgument(reader->Where(id_col) + ": benchmark datasets number nodes " +
                                     "1..N in order (bench generate writes them); expected id " +
                                     std::to_string(out->count + 1));
    }
    if (out->count == 0) out->first_name = fields[name_col];
    out->last_name = fields[name_col];
    ++out->count;
  }
  return reader->status();
}

Status CheckFreshDbPath(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::OK();
  if (!fs::is_directory(path, ec) || !fs::is_empty(path, ec)) {
    return Status::InvalidArgument("--db " + path +
                                   " exists and is not an empty directory; the benchmark imports "
                                   "into a fresh database and never touches an existing one");
  }
  return Status::OK();
}

double PeakRssMb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

Status NameOf(const GraphReader& r, NodeId id, std::string* name) {
  Node node;
  PG_RETURN_IF_ERROR(r.GetNode(id, &node));
  auto it = node.properties.find("name");
  *name = it != node.properties.end() && it->second.is_string() ? it->second.as_string() : "";
  return Status::OK();
}

Status RunStorageMetrics(const GraphReader& reader, const BenchQueries& q, NodeId base,
                         const BenchOptions& options, BenchReport* report) {
  PG_RETURN_IF_ERROR(RunLookupMetric(reader, q, "_store", options, report));

  return RunHopMetrics(reader, q, base, "_store", options, report);
}

}  // namespace

double Metric::Percentile(double p) const {
  if (latencies_us.empty()) return std::nan("");
  std::vector<double> v = latencies_us;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(std::ceil(p * v.size())) - 1);
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

const Metric* BenchReport::Find(const std::string& name) const {
  for (const auto& m : metrics) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

Status TimeRepeated(const BenchOptions& options,
                    const std::function<Status(std::vector<double>*, nlohmann::json*)>& phase,
                    Metric* metric) {
  std::vector<double> totals, cpu;
  for (uint32_t r = 0; r < std::max<uint32_t>(1, options.repeat); ++r) {
    nlohmann::json answer;
    const double c0 = ThreadCpuSeconds();
    auto t0 = Clock::now();
    PG_RETURN_IF_ERROR(phase(&metric->latencies_us, &answer));
    totals.push_back(Seconds(t0, Clock::now()));
    cpu.push_back(ThreadCpuSeconds() - c0);
    if (r > 0 && answer != metric->answer) {
      return Status::Internal(metric->name + ": run " + std::to_string(r + 1) +
                              " answered differently from run 1");
    }
    metric->answer = std::move(answer);
  }
  std::sort(totals.begin(), totals.end());
  std::sort(cpu.begin(), cpu.end());
  metric->total_s = totals[totals.size() / 2];
  metric->cpu_s = cpu[cpu.size() / 2];
  Log(options, metric->name + ": " + std::to_string(metric->total_s) + " s (cpu " +
                   std::to_string(metric->cpu_s) + " s)");
  return Status::OK();
}

Status RunBench(const BenchOptions& options, BenchReport* report) {
  const std::string nodes_path = options.dataset_dir + "/nodes.csv";
  const std::string edges_path = options.dataset_dir + "/edges.csv";
  NodesCsv nodes_csv;
  PG_RETURN_IF_ERROR(ScanNodesCsv(nodes_path, &nodes_csv));
  if (nodes_csv.count == 0) return Status::InvalidArgument(nodes_path + ": no nodes");
  BenchQueries queries;
  PG_RETURN_IF_ERROR(ReadQueries(options.dataset_dir + "/queries.json", nodes_csv.count, &queries));

  std::string db_path = options.db_path;
  std::string temp_dir;
  if (db_path.empty()) {
    std::string templ = (fs::temp_directory_path() / "pactgraph-bench-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) return Status::IOError("cannot create a temp directory");
    temp_dir = templ;
    db_path = temp_dir + "/db";
  } else {
    PG_RETURN_IF_ERROR(CheckFreshDbPath(db_path));
  }
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      if (!dir.empty()) fs::remove_all(dir, ec);
    }
  } cleanup{temp_dir};

  *report = BenchReport();
  report->dataset_dir = options.dataset_dir;
  report->repeat = std::max<uint32_t>(1, options.repeat);
  Options db_options;
  db_options.bulk_load_memory_mb = options.load_memory_mb;
  {
    auto db = Database::Open(db_path, db_options);
    if (!db.ok()) return db.status();
    Log(options, "importing " + options.dataset_dir);
    ImportSummary summary;
    const double c0 = ThreadCpuSeconds();
    auto t0 = Clock::now();
    PG_RETURN_IF_ERROR(ImportCsv(**db, nodes_path, edges_path, {}, &summary));
    report->load_s = Seconds(t0, Clock::now());
    report->load_cpu_s = ThreadCpuSeconds() - c0;
    Log(options, "load: " + std::to_string(report->load_s) + " s");
  }

  auto t0 = Clock::now();
  db_options.create_if_missing = false;
  auto db = Database::Open(db_path, db_options);
  if (!db.ok()) return db.status();
  report->open_s = Seconds(t0, Clock::now());
  auto reader = (*db)->NewReader();
  GraphStats stats;
  PG_RETURN_IF_ERROR(reader->GetStats(&stats));
  report->nodes = stats.nodes;
  report->relationships = stats.relationships;
  report->disk_bytes = stats.disk_bytes;

  // The import keeps the file's ids: CSV id i is NodeId base + i with base 0. Check it.
  const NodeId base = 0;
  std::string first, last;
  if (stats.nodes != nodes_csv.count || reader->NodeIdBound() != nodes_csv.count + 1 ||
      !NameOf(*reader, 1, &first).ok() || !NameOf(*reader, nodes_csv.count, &last).ok() ||
      first != nodes_csv.first_name || last != nodes_csv.last_name) {
    return Status::Internal("the imported node ids do not follow the order of nodes.csv");
  }

  PG_RETURN_IF_ERROR(RunStorageMetrics(*reader, queries, base, options, report));
  PG_RETURN_IF_ERROR(RunGraphMetrics(*reader, queries, base, nodes_csv.count, options, report));
  PG_RETURN_IF_ERROR(RunExtractMetric(options, report));
  report->peak_rss_mb = PeakRssMb();  // the in-process figures' peak, before the children
  reader.reset();
  db->reset();  // the one-shot commands open it themselves
  std::vector<uint64_t> pair = {base + 1, base + 2};
  if (!queries.sp_pairs.empty()) {
    pair = {base + queries.sp_pairs[0].first, base + queries.sp_pairs[0].second};
  }
  return RunOneShotMetrics(options, db_path, nodes_csv.first_name, pair, report);
}

}  // namespace pactgraph::bench

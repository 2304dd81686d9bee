// `pactgraph bench generate` and `pactgraph bench run`: the benchmark suite (docs/benchmarks.md).
//
// generate writes a synthetic dataset (benchmarks/driver/dataset.h); run imports it into a fresh
// database (a temporary one unless --db names a new or empty directory), reopens it cold and
// prints timings, latencies, peak memory, disk size and the answers, as a table or one JSON
// object that scripts/bench-compare reads.
#include <filesystem>
#include <iostream>

#include "benchmarks/driver/dataset.h"
#include "benchmarks/driver/driver.h"
#include "tools/command.h"

namespace pactgraph::tools {
namespace {

struct GenerateArgs {
  std::string size = "S";
  uint64_t seed = 1;
  std::string out;
};

struct RunArgs {
  std::string dir;
  uint32_t repeat = 1;
  std::string format = "table";
  std::string corpus;
  size_t load_memory_mb = Options().bulk_load_memory_mb;
  uint32_t oneshot = 3;
};

int Generate(const GenerateArgs& args, const GlobalOptions& global) {
  auto size = bench::SizeByName(args.size);
  if (!size.ok()) return ReportError(size.status());
  ProgressBar bar("generating " + args.size, !global.quiet);
  Status st = bench::GenerateDataset(
      *size, args.seed, args.out, [&](uint64_t done, uint64_t total) { bar.Update(done, total); });
  bar.Finish();
  if (!st.ok()) return ReportError(st);
  if (!global.quiet) {
    std::cerr << "wrote " << args.out << "/{nodes.csv,edges.csv,queries.json}: " << size->nodes
              << " nodes, " << size->edges << " edges (size " << size->name << ", seed "
              << args.seed << ")\n";
  }
  return kExitOk;
}

int Run(const RunArgs& args, const GlobalOptions& global) {
  bench::BenchOptions options;
  options.dataset_dir = args.dir;
  options.db_path = global.db;  // only an explicit --db: never $PACTGRAPH_DB or ./pactgraph.db
  options.repeat = args.repeat;
  options.corpus_dir = args.corpus;
  options.load_memory_mb = args.load_memory_mb;
  options.oneshot_runs = args.oneshot;
  std::error_code ec;
  options.binary = std::filesystem::read_symlink("/proc/self/exe", ec).string();  // this binary
  if (!global.quiet) options.log = [](const std::string& line) { std::cerr << line << "\n"; };
  bench::BenchReport report;
  Status st = bench::RunBench(options, &report);
  if (!st.ok()) return ReportError(st);
  report.version = PACTGRAPH_VERSION;
  if (args.format == "json") {
    std::cout << report.ToJson().dump(1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << report.ToTable();
  }
  return kExitOk;
}

CommandRegistration registration(90, [](CLI::App& app, GlobalOptions& global) {
  auto* bench = app.add_subcommand("bench", "Generate benchmark datasets and run the benchmark");
  bench->require_subcommand(1);
  bench->footer(
      "Examples:\n"
      "  pactgraph bench generate --size S --seed 1 --out bench-S\n"
      "  pactgraph bench run bench-S --format json > S.json\n"
      "See docs/benchmarks.md.");

  auto gen_args = std::make_shared<GenerateArgs>();
  auto* gen = bench->add_subcommand(
      "generate",
      "Write a synthetic partnership graph and its queries (nodes.csv, edges.csv, "
      "queries.json)");
  gen->add_option("--size", gen_args->size,
                  "S: 10k/50k, M: 100k/1M, L: 1M/10M, XL: 10M/100M nodes/edges")
      ->check(CLI::IsMember({"S", "M", "L", "XL"}));
  gen->add_option("--seed", gen_args->seed, "Random seed (same seed, same files)");
  gen->add_option("--out", gen_args->out, "Output directory")->required()->type_name("DIR");
  gen->footer(
      "Examples:\n"
      "  pactgraph bench generate --size S --out bench-S     # 10k nodes, 50k edges\n"
      "  pactgraph bench generate --size M --seed 7 --out bench-M");
  gen->callback([gen_args, &global] { global.exit_code = Generate(*gen_args, global); });

  auto run_args = std::make_shared<RunArgs>();
  auto* run = bench->add_subcommand(
      "run",
      "Import a dataset into a fresh database and time lookups, traversals, paths and "
      "analytics (use the global --db PATH to keep the database)");
  run->add_option("dir", run_args->dir, "Dataset directory")->required()->type_name("DIR");
  run->add_option("--repeat", run_args->repeat, "Run each query phase N times (median total)")
      ->check(CLI::Range(1, 1000));
  run->add_option("--oneshot", run_args->oneshot,
                  "Runs of each one-shot command (fresh process, wall) after the first; 0: none")
      ->capture_default_str();
  run->add_option("--format", run_args->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}));
  run->add_option("--corpus", run_args->corpus, "Article folder for the extract metric")
      ->type_name("DIR");
  run->add_option("--load-memory", run_args->load_memory_mb,
                  "Memory budget of the bulk load in MB; past it, sorted runs are spilled to "
                  "disk and merged (0: no limit)")
      ->type_name("MB")
      ->capture_default_str();
  run->footer(
      "Examples:\n"
      "  pactgraph bench run bench-S\n"
      "  pactgraph bench run bench-M --repeat 3 --corpus data/articles\n"
      "  pactgraph --db /tmp/keep.db bench run bench-S     # keep the database");
  run->callback([run_args, &global] { global.exit_code = Run(*run_args, global); });
});

}  // namespace
}  // namespace pactgraph::tools

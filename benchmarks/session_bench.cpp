// benchmarks/session_bench.cpp — the C++ side of the Python binding's benchmark: the same
// queries through Session::Execute, linked against libpactgraph.so as the binding is.
//
// benchmarks/python_bench.py runs this binary (--benchmark_format=json) and the same work
// through `db.query`, and reports the ratios. Benchmarks, on an empty database:
//   BM_OneRow         Session::Execute("RETURN 1 AS x"): parse, bind, plan, run, result
//   BM_Rows/100000    Session::Execute of a 100k-row, 3-column query (int, float, string)
//   BM_RowsRead/100000  the same plus reading every value once (what a C++ caller that
//                     copies the rows out would do), so the Python conversion has a fair
//                     baseline
// Items per second are values (rows x columns). Run by hand:
//   build/benchmarks/session_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "pactgraph/database.h"
#include "pactgraph/session.h"

namespace {

using namespace pactgraph;

// The 100k-row query of the benchmark; benchmarks/python_bench.py uses the same text.
constexpr const char* kRowsQuery =
    "UNWIND range(1, $n) AS x RETURN x, x * 0.5 AS f, 'actor ' + toString(x) AS s";

class Store {
 public:
  static Store& Get() {
    static Store store;
    return store;
  }
  Database* db() { return db_.get(); }
  ~Store() {
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  Store() {
    char tmpl[] = "/tmp/pactgraph-session-bench-XXXXXX";
    dir_ = mkdtemp(tmpl);
    auto db = Database::Open(dir_ + "/db", Options());
    if (!db.ok()) abort();
    db_ = std::move(*db);
  }
  std::string dir_;
  std::unique_ptr<Database> db_;
};

void BM_OneRow(benchmark::State& state) {
  Session session(Store::Get().db());
  for (auto _ : state) {
    auto r = session.Execute("RETURN 1 AS x");
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_OneRow);

void RunRows(benchmark::State& state, bool read) {
  Session session(Store::Get().db());
  const ValueMap params{{"n", Value(static_cast<int64_t>(state.range(0)))}};
  for (auto _ : state) {
    auto r = session.Execute(kRowsQuery, params);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    if (read) {
      int64_t ints = 0;
      double floats = 0;
      size_t chars = 0;
      for (const auto& row : r->rows()) {
        ints += row[0].as_int();
        floats += row[1].as_float();
        chars += row[2].as_string().size();
      }
      benchmark::DoNotOptimize(ints);
      benchmark::DoNotOptimize(floats);
      benchmark::DoNotOptimize(chars);
    }
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0) * 3);
}

void BM_Rows(benchmark::State& state) { RunRows(state, false); }
void BM_RowsRead(benchmark::State& state) { RunRows(state, true); }
BENCHMARK(BM_Rows)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RowsRead)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

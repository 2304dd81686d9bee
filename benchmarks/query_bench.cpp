// benchmarks/query_bench.cpp — the query pipeline against a direct storage scan.
//
// One store per process, bulk-loaded into a temporary directory: kNodes nodes named
// "Node <i>" and kRels relationships with uniformly random endpoints (two types), i.e. the
// 100k-node / 1M-edge benchmark size. Benchmarks:
//   BM_DirectOneHop    FindNodesByName + Neighbors(kBoth) + GetNode of each neighbour
//   BM_QueryOneHop     Session::ExecuteOn("MATCH (a {name: $name})--(b) RETURN b.name"),
//                      i.e. parse + bind + plan + execute for every query
// Their ratio is the pipeline's overhead. Run:
//   build/benchmarks/query_bench --benchmark_min_time=0.5
// PACTGRAPH_QUERY_BENCH_NODES / _RELS shrink the store for quick runs.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/session.h"

namespace {

using namespace pactgraph;

uint64_t EnvOr(const char* name, uint64_t def) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : def;
}

class Store {
 public:
  static Store& Get() {
    static Store store;
    return store;
  }
  GraphReader& reader() { return *reader_; }
  const std::string& Name(size_t i) const { return names_[i % names_.size()]; }

  ~Store() {
    reader_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  Store() {
    const uint64_t nodes = EnvOr("PACTGRAPH_QUERY_BENCH_NODES", 100'000);
    const uint64_t rels = EnvOr("PACTGRAPH_QUERY_BENCH_RELS", 1'000'000);
    std::string templ = (std::filesystem::temp_directory_path() / "pg-query-bench-XXXXXX");
    if (mkdtemp(templ.data()) == nullptr) std::abort();
    dir_ = templ;
    auto db = Database::Open(dir_ + "/db", Options());
    if (!db.ok()) std::abort();
    db_ = std::move(*db);
    auto loader = db_->BeginBulkLoad();
    if (!loader.ok()) std::abort();
    std::vector<NodeId> ids;
    for (uint64_t i = 0; i < nodes; ++i) {
      ids.push_back(
          *(*loader)->AddNode({"Organization"}, {{"name", Value("Node " + std::to_string(i))}}));
    }
    std::mt19937_64 rng(42);
    for (uint64_t e = 0; e < rels; ++e) {
      auto r = (*loader)->AddRelationship(ids[rng() % nodes], ids[rng() % nodes],
                                          e % 3 == 0 ? "COOPERATION" : "MOU", {});
      if (!r.ok()) std::abort();
    }
    if (!(*loader)->Finish().ok()) std::abort();
    loader->reset();
    reader_ = db_->NewReader();
    for (int i = 0; i < 1000; ++i) names_.push_back("Node " + std::to_string(rng() % nodes));
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<GraphReader> reader_;
  std::vector<std::string> names_;
};

void BM_DirectOneHop(benchmark::State& state) {
  Store& s = Store::Get();
  const GraphReader& r = s.reader();
  size_t i = 0, rows = 0;
  for (auto _ : state) {
    std::vector<NodeId> start;
    if (!r.FindNodesByName(s.Name(i++), &start).ok()) std::abort();
    std::vector<std::string> names;
    for (NodeId id : start) {
      std::vector<NodeId> others;
      Status st = r.Neighbors(id, Direction::kBoth, {}, [&](const NeighborEntry& e) {
        others.push_back(e.other);
        return true;
      });
      if (!st.ok()) std::abort();
      for (NodeId o : others) {
        Node n;
        if (!r.GetNode(o, &n).ok()) std::abort();
        names.push_back(n.properties["name"].as_string());
      }
    }
    rows += names.size();
    benchmark::DoNotOptimize(names);
  }
  state.counters["rows/query"] = static_cast<double>(rows) / state.iterations();
}
BENCHMARK(BM_DirectOneHop)->Unit(benchmark::kMicrosecond);

void BM_QueryOneHop(benchmark::State& state) {
  Store& s = Store::Get();
  size_t i = 0, rows = 0;
  for (auto _ : state) {
    ValueMap params{{"name", Value(s.Name(i++))}};
    auto r = Session::ExecuteOn(s.reader(), "MATCH (a {name: $name})--(b) RETURN b.name", params);
    if (!r.ok()) std::abort();
    rows += r->size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["rows/query"] = static_cast<double>(rows) / state.iterations();
}
BENCHMARK(BM_QueryOneHop)->Unit(benchmark::kMicrosecond);

void BM_QueryParseBindOnly(benchmark::State& state) {
  Store& s = Store::Get();
  for (auto _ : state) {
    auto r = Session::ExecuteOn(s.reader(), "EXPLAIN MATCH (a {name: $name})--(b) RETURN b.name",
                                {{"name", Value("x")}});
    if (!r.ok()) std::abort();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_QueryParseBindOnly)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

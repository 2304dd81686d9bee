// benchmarks/graph_view_bench.cpp — the Boost.Graph view of the store against the in-memory CSR.
//
// One store (20k nodes, 200k relationships, Chung–Lu degrees, built once per process with the
// BulkLoader) walked four ways, each a full breadth-first search from a random node ignoring
// direction: boost::breadth_first_search on StoreView (adjacency read from RocksDB on demand),
// the same on GraphSnapshot's compressed_sparse_row_graph, and a hand-written loop over the
// snapshot's raw arrays — the physical limit docs/benchmarks.md compares against. Also the cost
// of building the snapshot, with and without reading weights.
//   build/benchmarks/graph_view_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cmath>
#include <filesystem>

#include "benchmarks/driver/dataset.h"
#include "engine/graph/csr.h"
#include "engine/graph/graph_snapshot.h"
#include "engine/graph/store_view.h"
#include "pactgraph/database.h"

namespace {

using namespace pactgraph;

constexpr uint64_t kNodes = 20'000;
constexpr uint64_t kRels = 200'000;

class Store {
 public:
  static Store& Get() {
    static Store store;
    return store;
  }
  const GraphReader& reader() const { return *reader_; }
  const graph::GraphSnapshot& snapshot() const { return *snapshot_; }
  ~Store() {
    snapshot_.reset();
    reader_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  Store() {
    std::string templ = (std::filesystem::temp_directory_path() / "pg-view-bench-XXXXXX");
    if (mkdtemp(templ.data()) == nullptr) std::abort();
    dir_ = templ;
    auto db = Database::Open(dir_ + "/db", Options());
    if (!db.ok()) std::abort();
    db_ = std::move(*db);
    auto loader = db_->BeginBulkLoad();
    if (!loader.ok()) std::abort();
    std::vector<NodeId> ids;
    for (uint64_t i = 0; i < kNodes; ++i) ids.push_back(*(*loader)->AddNode({"Organization"}, {}));
    std::vector<double> cumulative(kNodes);
    double sum = 0;
    for (uint64_t i = 0; i < kNodes; ++i) cumulative[i] = sum += std::pow(i + 1.0, -2.0 / 3.0);
    bench::Rng rng(7);
    auto draw = [&] {
      auto it = std::upper_bound(cumulative.begin(), cumulative.end(), rng.Uniform() * sum);
      return ids[std::min<size_t>(it - cumulative.begin(), kNodes - 1)];
    };
    for (uint64_t e = 0; e < kRels; ++e) {
      const double w = (1 + rng.Below(10000)) / 10000.0;
      if (!(*loader)->AddRelationship(draw(), draw(), "COOPERATION", {{"weight", Value(w)}}).ok()) {
        std::abort();
      }
    }
    if (!(*loader)->Finish().ok()) std::abort();
    loader->reset();
    reader_ = db_->NewReader();
    auto snap = graph::GraphSnapshot::Build(*reader_, graph::SnapshotOptions());
    if (!snap.ok()) std::abort();
    snapshot_ = *snap;
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<GraphReader> reader_;
  graph::SnapshotPtr snapshot_;
};

struct CountVisitor : boost::default_bfs_visitor {
  uint64_t* visited;
  template <typename V, typename G>
  void discover_vertex(V, const G&) const {
    ++*visited;
  }
};

void BM_BfsStoreView(benchmark::State& state) {
  const Store& s = Store::Get();
  bench::Rng rng(1);
  uint64_t visited = 0;
  for (auto _ : state) {
    graph::StoreView view(&s.reader(), /*directed=*/false);
    std::vector<boost::default_color_type> color(kNodes);
    const NodeId start = 1 + rng.Below(kNodes);
    boost::breadth_first_search(view, start,
                                boost::visitor(CountVisitor{{}, &visited})
                                    .color_map(boost::make_iterator_property_map(
                                        color.begin(), get(boost::vertex_index, view))));
    if (!view.status().ok()) state.SkipWithError(view.status().ToString().c_str());
  }
  state.counters["vertices/bfs"] = static_cast<double>(visited) / state.iterations();
}
BENCHMARK(BM_BfsStoreView)->Unit(benchmark::kMillisecond);

void BM_BfsSnapshotBoost(benchmark::State& state) {
  const graph::GraphSnapshot& g = Store::Get().snapshot();
  bench::Rng rng(1);
  uint64_t visited = 0;
  for (auto _ : state) {
    std::vector<boost::default_color_type> color(g.num_vertices());
    boost::breadth_first_search(
        g.csr().g, static_cast<uint32_t>(rng.Below(g.num_vertices())),
        boost::visitor(CountVisitor{{}, &visited})
            .color_map(boost::make_iterator_property_map(
                color.begin(), boost::get(boost::vertex_index, g.csr().g))));
  }
  state.counters["vertices/bfs"] = static_cast<double>(visited) / state.iterations();
}
BENCHMARK(BM_BfsSnapshotBoost)->Unit(benchmark::kMillisecond);

// The physical limit: a queue and a visited array over row_start/column.
void BM_BfsSnapshotRaw(benchmark::State& state) {
  const graph::GraphSnapshot& g = Store::Get().snapshot();
  const uint32_t n = g.num_vertices();
  bench::Rng rng(1);
  std::vector<uint32_t> queue(n);
  std::vector<char> seen(n);
  uint64_t visited = 0, entries = 0;
  for (auto _ : state) {
    std::fill(seen.begin(), seen.end(), 0);
    size_t head = 0, tail = 0;
    const uint32_t s = static_cast<uint32_t>(rng.Below(n));
    queue[tail++] = s;
    seen[s] = 1;
    while (head < tail) {
      const uint32_t u = queue[head++];
      for (uint32_t i = g.row_start()[u]; i < g.row_start()[u + 1]; ++i) {
        const uint32_t v = g.column()[i];
        if (!seen[v]) seen[v] = 1, queue[tail++] = v;
      }
      entries += g.row_start()[u + 1] - g.row_start()[u];
    }
    visited += tail;
  }
  state.counters["vertices/bfs"] = static_cast<double>(visited) / state.iterations();
  state.SetItemsProcessed(static_cast<int64_t>(entries));
}
BENCHMARK(BM_BfsSnapshotRaw)->Unit(benchmark::kMillisecond);

void BM_SnapshotBuild(benchmark::State& state) {
  const GraphReader& r = Store::Get().reader();
  graph::SnapshotOptions o;
  if (state.range(0) != 0) o.weight = "weight";
  for (auto _ : state) {
    auto snap = graph::GraphSnapshot::Build(r, o);
    if (!snap.ok()) state.SkipWithError(snap.status().ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(kRels * state.iterations()));
}
BENCHMARK(BM_SnapshotBuild)->Arg(0)->Arg(1)->ArgName("weights")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

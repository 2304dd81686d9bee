// Micro-benchmarks of engine/graph on an in-process 100k-node / 1M-relationship graph.
//
// The graph is drawn like the benchmark dataset (benchmarks/driver/dataset.h): Chung–Lu with
// gamma = 2.5 (heavy-tailed degrees, hubs spread over the id range), parallel relationships
// kept, self-loops redrawn, weights uniform in (0, 1]. It is built directly as a GraphSnapshot
// (no database), so the figures are those of the algorithms. Targets: unweighted
// shortest path < 1 ms, weighted < 10 ms (averaged over 100 random pairs), WCC and PageRank
// (20 iterations) < 0.2 s.
//
//   graph_bench --benchmark_filter=ShortestPath
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "engine/graph/algorithms.h"
#include "engine/graph/paths.h"

namespace pactgraph::graph {
namespace {

constexpr uint32_t kNodes = 100000;
constexpr uint32_t kRels = 1000000;

const GraphSnapshot& BenchGraph() {
  static SnapshotPtr g = [] {
    std::mt19937_64 rng(2024);
    // Chung–Lu: P(endpoint = i) proportional to (i + 1)^(-1 / (gamma - 1)), ids permuted.
    std::vector<double> cumulative(kNodes);
    double sum = 0;
    for (uint32_t i = 0; i < kNodes; ++i) {
      sum += std::pow(i + 1.0, -1.0 / 1.5);
      cumulative[i] = sum;
    }
    std::vector<NodeId> perm(kNodes);
    for (uint32_t i = 0; i < kNodes; ++i) perm[i] = i + 1;
    std::shuffle(perm.begin(), perm.end(), rng);
    std::uniform_real_distribution<double> u(0, sum), w(0.001, 1.0);
    auto draw = [&] {
      size_t i =
          std::lower_bound(cumulative.begin(), cumulative.end(), u(rng)) - cumulative.begin();
      return perm[std::min<size_t>(i, kNodes - 1)];
    };
    std::vector<EdgeSpec> edges;
    edges.reserve(kRels);
    while (edges.size() < kRels) {
      NodeId a = draw(), b = draw();
      if (a == b) continue;
      edges.push_back(EdgeSpec{a, b, static_cast<TypeId>(rng() % 4), 0, w(rng)});
    }
    return GraphSnapshot::FromEdges(perm, {}, edges, {"MOU", "COOPERATION", "FUNDING", "TRADE"});
  }();
  return *g;
}

std::vector<std::pair<VertexIndex, VertexIndex>> Pairs() {
  std::mt19937_64 rng(7);
  std::vector<std::pair<VertexIndex, VertexIndex>> pairs;
  for (int i = 0; i < 100; ++i) pairs.emplace_back(rng() % kNodes, rng() % kNodes);
  return pairs;
}

void RunPaths(benchmark::State& state, PathMode mode, uint32_t max_hops = 10) {
  const GraphSnapshot& g = BenchGraph();
  auto pairs = Pairs();
  PathOptions q;
  q.mode = mode;
  q.k = 3;
  q.filter.max_hops = max_hops;
  size_t found = 0, i = 0;
  std::vector<GraphPath> out;
  for (auto _ : state) {
    auto [s, t] = pairs[i++ % pairs.size()];
    if (!FindPaths(g, s, t, q, &out).ok()) state.SkipWithError("FindPaths failed");
    found += !out.empty();
  }
  state.counters["found"] = benchmark::Counter(static_cast<double>(found) / i);
  state.counters["MB"] = static_cast<double>(g.MemoryBytes()) / 1e6;
}

void BM_ShortestPath(benchmark::State& state) { RunPaths(state, PathMode::kShortest); }
void BM_WeightedPath(benchmark::State& state) { RunPaths(state, PathMode::kWeighted); }
// The hop bound never binds: Dijkstra alone, without the hop-bounded fallback.
void BM_WeightedPathUnbounded(benchmark::State& state) {
  RunPaths(state, PathMode::kWeighted, 1000);
}
void BM_KShortestPaths3(benchmark::State& state) { RunPaths(state, PathMode::kKShortest); }

void BM_ShortestPathFiltered(benchmark::State& state) {
  const GraphSnapshot& g = BenchGraph();
  auto pairs = Pairs();
  PathOptions q;
  q.filter.types = {"MOU", "COOPERATION"};
  q.filter.max_hops = 10;
  size_t i = 0;
  std::vector<GraphPath> out;
  for (auto _ : state) {
    auto [s, t] = pairs[i++ % pairs.size()];
    if (!FindPaths(g, s, t, q, &out).ok()) state.SkipWithError("FindPaths failed");
  }
}

void RunAlgo(benchmark::State& state, const char* name) {
  const GraphSnapshot& g = BenchGraph();
  AlgorithmOptions o;
  o.iterations = 20;
  AlgoResult r;
  for (auto _ : state) {
    if (!RunAlgorithm(g, name, o, &r).ok()) state.SkipWithError("RunAlgorithm failed");
  }
  state.counters["groups"] = static_cast<double>(r.groups);
}

void BM_Wcc(benchmark::State& state) { RunAlgo(state, "wcc"); }
void BM_PageRank20(benchmark::State& state) { RunAlgo(state, "pagerank"); }
void BM_Scc(benchmark::State& state) { RunAlgo(state, "scc"); }
void BM_KCore(benchmark::State& state) { RunAlgo(state, "kcore"); }
void BM_Community(benchmark::State& state) { RunAlgo(state, "community"); }
void BM_BetweennessSampled(benchmark::State& state) { RunAlgo(state, "betweenness"); }

BENCHMARK(BM_ShortestPath)->Unit(benchmark::kMicrosecond)->Iterations(100);
BENCHMARK(BM_WeightedPath)->Unit(benchmark::kMillisecond)->Iterations(100);
BENCHMARK(BM_WeightedPathUnbounded)->Unit(benchmark::kMillisecond)->Iterations(100);
BENCHMARK(BM_ShortestPathFiltered)->Unit(benchmark::kMicrosecond)->Iterations(100);
BENCHMARK(BM_KShortestPaths3)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_Wcc)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_PageRank20)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_Scc)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_KCore)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Community)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_BetweennessSampled)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace pactgraph::graph

BENCHMARK_MAIN();

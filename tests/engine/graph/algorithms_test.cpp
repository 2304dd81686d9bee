// Differential tests of the whole-graph algorithms against simple reference implementations
// and, for betweenness, against boost::brandes_betweenness_centrality.
#include "engine/graph/algorithms.h"

#include <atomic>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>

#include "engine/graph/csr.h"
#include "tests/engine/graph/random_graph.h"

namespace pactgraph::graph {
namespace {

using testing::MakeRandomGraph;
using testing::RandomGraph;
using testing::RefFilter;

// Endpoints as vertex indices of the relationships the filter keeps (labels included).
std::vector<std::pair<uint32_t, uint32_t>> KeptEdges(const RandomGraph& g, const RefFilter& rf) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t i = 0; i < g.edges.size(); ++i) {
    uint32_t a = static_cast<uint32_t>(g.edges[i].start - 1);
    uint32_t b = static_cast<uint32_t>(g.edges[i].end - 1);
    if (rf.Rel(i) && rf.Inner(a) && rf.Inner(b)) out.emplace_back(a, b);
  }
  return out;
}

// Reachability closure (Floyd–Warshall on booleans).
std::vector<std::vector<char>> Reach(uint32_t n,
                                     const std::vector<std::pair<uint32_t, uint32_t>>& e,
                                     bool directed) {
  std::vector<std::vector<char>> r(n, std::vector<char>(n, 0));
  for (uint32_t v = 0; v < n; ++v) r[v][v] = 1;
  for (auto [a, b] : e) {
    r[a][b] = 1;
    if (!directed) r[b][a] = 1;
  }
  for (uint32_t k = 0; k < n; ++k)
    for (uint32_t i = 0; i < n; ++i)
      for (uint32_t j = 0; j < n; ++j) r[i][j] |= r[i][k] && r[k][j];
  return r;
}

GraphFilter RandomAlgoFilter(std::mt19937_64& rng, const RandomGraph& g) {
  GraphFilter f = testing::RandomFilter(rng);
  if (!g.snapshot->has_dates()) f.since = f.until = std::nullopt;
  return f;
}

TEST_CASE("Algorithms: components, degree and k-core match references", "[graph][algo]") {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 400; ++round) {
    RandomGraph g = MakeRandomGraph(rng, 10, 18);
    AlgorithmOptions o;
    o.filter = RandomAlgoFilter(rng, g);
    RefFilter rf{&g, o.filter};
    auto kept = KeptEdges(g, rf);
    INFO("round " << round);
    AlgoResult res;

    for (bool directed : {false, true}) {
      auto r = Reach(g.n, kept, directed);
      REQUIRE(RunAlgorithm(*g.snapshot, directed ? "scc" : "wcc", o, &res).ok());
      uint64_t groups = 0;
      for (uint32_t v = 0; v < g.n; ++v) {
        if (!rf.Inner(v)) {
          REQUIRE(std::isnan(res.values[v]));
          continue;
        }
        NodeId smallest = v + 1;
        for (uint32_t w = 0; w < g.n; ++w) {
          if (rf.Inner(w) && r[v][w] && r[w][v]) smallest = std::min<NodeId>(smallest, w + 1);
        }
        REQUIRE(res.values[v] == static_cast<double>(smallest));
        groups += smallest == v + 1;
      }
      REQUIRE(res.groups == groups);
    }

    o.direction = std::vector<std::string>{"out", "in", "both"}[rng() % 3];
    REQUIRE(RunAlgorithm(*g.snapshot, "degree", o, &res).ok());
    std::vector<double> degree(g.n, 0);
    for (auto [a, b] : kept) {
      if (o.direction != "in") degree[a] += 1;
      if (o.direction != "out") degree[b] += 1;
    }
    for (uint32_t v = 0; v < g.n; ++v) {
      if (rf.Inner(v)) REQUIRE(res.values[v] == degree[v]);
    }

    // k-core by peeling the simple undirected graph.
    REQUIRE(RunAlgorithm(*g.snapshot, "kcore", o, &res).ok());
    std::set<std::pair<uint32_t, uint32_t>> simple;
    for (auto [a, b] : kept) {
      if (a != b) simple.insert({std::min(a, b), std::max(a, b)});
    }
    std::vector<int> core(g.n, 0);
    for (int k = 1; k <= static_cast<int>(g.n); ++k) {
      std::vector<char> alive(g.n);
      for (uint32_t v = 0; v < g.n; ++v) alive[v] = rf.Inner(v);
      for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t v = 0; v < g.n; ++v) {
          if (!alive[v]) continue;
          int d = 0;
          for (auto [a, b] : simple) d += (a == v && alive[b]) || (b == v && alive[a]);
          if (d < k) alive[v] = 0, changed = true;
        }
      }
      for (uint32_t v = 0; v < g.n; ++v) {
        if (alive[v]) core[v] = k;
      }
    }
    for (uint32_t v = 0; v < g.n; ++v) {
      if (rf.Inner(v)) REQUIRE(res.values[v] == core[v]);
    }
  }
}

TEST_CASE("Algorithms: PageRank matches a dense power iteration", "[graph][algo]") {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 300; ++round) {
    RandomGraph g = MakeRandomGraph(rng, 10, 20);
    AlgorithmOptions o;
    o.filter = RandomAlgoFilter(rng, g);
    o.damping = 0.5 + (rng() % 45) / 100.0;
    o.iterations = 1 + rng() % 30;
    RefFilter rf{&g, o.filter};
    auto kept = KeptEdges(g, rf);
    INFO("round " << round);
    std::vector<uint32_t> in;
    for (uint32_t v = 0; v < g.n; ++v) {
      if (rf.Inner(v)) in.push_back(v);
    }
    // Dense reference: every kept relationship is a step a -> b (and b -> a when undirected).
    std::vector<std::pair<uint32_t, uint32_t>> steps;
    for (auto [a, b] : kept) {
      steps.emplace_back(a, b);
      if (!o.filter.directed) steps.emplace_back(b, a);
    }
    std::vector<double> outdeg(g.n, 0), pr(g.n, 0);
    for (auto [a, b] : steps) outdeg[a] += 1;
    const double N = static_cast<double>(in.size());
    for (uint32_t v : in) pr[v] = 1.0 / N;
    for (uint32_t it = 0; it < o.iterations; ++it) {
      std::vector<double> next(g.n, 0);
      double dangling = 0;
      for (uint32_t v : in) dangling += outdeg[v] == 0 ? pr[v] : 0;
      for (uint32_t v : in) next[v] = (1 - o.damping) / N + o.damping * dangling / N;
      for (auto [a, b] : steps) next[b] += o.damping * pr[a] / outdeg[a];
      pr = next;
    }
    AlgoResult res;
    REQUIRE(RunAlgorithm(*g.snapshot, "pagerank", o, &res).ok());
    double sum = 0;
    for (uint32_t v : in) {
      REQUIRE(res.values[v] == Approx(pr[v]).margin(1e-12));
      sum += res.values[v];
    }
    if (!in.empty()) REQUIRE(sum == Approx(1.0));
  }
}

struct KeepEntries {
  const GraphSnapshot* g = nullptr;
  const CompiledFilter* f = nullptr;
  bool operator()(const CsrEdge& e) const {
    return f->EntryOk(g->entry_prop()[e.idx], false) && f->VertexOk(g->column()[e.idx]) &&
           f->VertexOk(e.src);
  }
};

TEST_CASE("Algorithms: betweenness equals Boost.Graph's Brandes", "[graph][algo]") {
  std::mt19937_64 rng(13);
  for (int round = 0; round < 300; ++round) {
    RandomGraph g = MakeRandomGraph(rng, 12 + round % 50, 24 + round % 120);
    AlgorithmOptions o;
    o.filter = RandomAlgoFilter(rng, g);
    o.threads = 1 + round % 4;  // the parallel accumulation must agree with the serial one
    uint64_t last_done = 0, last_total = 0;
    bool monotone = true;  // progress is reported from the workers, one at a time
    o.progress = [&](uint64_t done, uint64_t total) {
      monotone = monotone && done > last_done;
      last_done = done;
      last_total = total;
    };
    INFO("round " << round << ", threads " << o.threads);
    auto f = CompiledFilter::Compile(*g.snapshot, o.filter);
    REQUIRE(f.ok());
    boost::filtered_graph<Csr, KeepEntries> fg(g.snapshot->csr().g, KeepEntries{&*g.snapshot, &*f});
    std::vector<double> want(g.n, 0);
    boost::brandes_betweenness_centrality(fg,
                                          boost::centrality_map(boost::make_iterator_property_map(
                                              want.begin(), boost::get(boost::vertex_index, fg))));
    AlgoResult res;
    REQUIRE(RunAlgorithm(*g.snapshot, "betweenness", o, &res).ok());
    REQUIRE_FALSE(res.sampled);
    REQUIRE(monotone);
    if (last_total > 0) REQUIRE(last_done == last_total);
    for (uint32_t v = 0; v < g.n; ++v) {
      if (!f->VertexOk(v)) continue;
      REQUIRE(res.values[v] == Approx(o.filter.directed ? want[v] : want[v] / 2).margin(1e-9));
    }
  }
}

TEST_CASE("Algorithms: communities never span components and are deterministic", "[graph][algo]") {
  std::mt19937_64 rng(17);
  for (int round = 0; round < 300; ++round) {
    RandomGraph g = MakeRandomGraph(rng, 12, 20);
    AlgorithmOptions o;
    o.filter = RandomAlgoFilter(rng, g);
    o.seed = rng();
    INFO("round " << round);
    AlgoResult comm, again, wcc;
    REQUIRE(RunAlgorithm(*g.snapshot, "community", o, &comm).ok());
    REQUIRE(RunAlgorithm(*g.snapshot, "community", o, &again).ok());
    REQUIRE(RunAlgorithm(*g.snapshot, "wcc", o, &wcc).ok());
    REQUIRE(comm.groups >= wcc.groups);
    for (uint32_t v = 0; v < g.n; ++v) {
      if (std::isnan(comm.values[v])) continue;
      REQUIRE(comm.values[v] == again.values[v]);
      for (uint32_t w = 0; w < g.n; ++w) {
        if (!std::isnan(comm.values[w]) && comm.values[v] == comm.values[w]) {
          REQUIRE(wcc.values[v] == wcc.values[w]);
        }
      }
    }
  }
}

TEST_CASE("Algorithms: betweenness sampling and community detection", "[graph][algo]") {
  // Four 5-cliques joined in a ring by single bridges.
  std::vector<EdgeSpec> edges;
  for (NodeId c = 0; c < 4; ++c) {
    for (NodeId i = 1; i <= 5; ++i)
      for (NodeId j = i + 1; j <= 5; ++j) edges.push_back({c * 5 + i, c * 5 + j});
    edges.push_back({c * 5 + 1, ((c + 1) % 4) * 5 + 2});
  }
  auto g = GraphSnapshot::FromEdges({}, {}, edges, {"T"});
  AlgorithmOptions o;
  AlgoResult res;
  REQUIRE(RunAlgorithm(*g, "community", o, &res).ok());
  CHECK(res.groups == 4);
  for (uint32_t v = 0; v < 20; ++v) CHECK(res.values[v] == (v / 5) * 5 + 1);

  AlgoResult exact, sampled;
  REQUIRE(RunAlgorithm(*g, "betweenness", o, &exact).ok());
  o.sample_above = 5;
  o.samples = 10;
  REQUIRE(RunAlgorithm(*g, "betweenness", o, &sampled).ok());
  CHECK(sampled.sampled);
  // Bridge endpoints stay on top when sampling.
  double top_exact = *std::max_element(exact.values.begin(), exact.values.end());
  CHECK(top_exact > 0);
  CHECK(RunAlgorithm(*g, "nope", o, &res).code() == Status::Code::kNotFound);
  o.direction = "sideways";
  CHECK(RunAlgorithm(*g, "degree", o, &res).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("Algorithms: a set cancel flag stops betweenness, pagerank and community",
          "[graph][algo]") {
  std::vector<EdgeSpec> edges;
  for (NodeId i = 1; i < 200; ++i) edges.push_back({i, i + 1});
  auto g = GraphSnapshot::FromEdges({}, {}, edges, {"T"});
  std::atomic<bool> cancel{true};
  AlgorithmOptions o;
  o.cancel = &cancel;
  for (const char* name : {"betweenness", "pagerank", "community"}) {
    AlgoResult res;
    Status st = RunAlgorithm(*g, name, o, &res);
    CHECK(st.code() == Status::Code::kCancelled);
    CHECK(st.message() == std::string(name) + " cancelled");
  }
  cancel = false;  // a clear flag changes nothing
  AlgoResult res;
  CHECK(RunAlgorithm(*g, "betweenness", o, &res).ok());
  CHECK(*std::max_element(res.values.begin(), res.values.end()) > 0);
}

}  // namespace
}  // namespace pactgraph::graph

// Differential test of the weighted search on graphs too big for brute force: the cost of
// every answer equals a plain Dijkstra's, and the answer is a real simple path of that cost.
// Many pairs run on each snapshot, so the hub bound (built after a few searches) is covered,
// as are zero costs, ties, parallel relationships, self-loops, filters and direction.
#include <catch2/catch.hpp>
#include <cmath>
#include <queue>
#include <random>
#include <set>

#include "engine/graph/paths.h"

namespace pactgraph::graph {
namespace {

struct Graph {
  uint32_t n = 0;
  std::vector<EdgeSpec> edges;  // node ids 1..n = vertex index + 1
  SnapshotPtr snapshot;
};

// Heavy-tailed degrees (endpoint drawn with probability ~ 1 / rank), some isolated vertices.
Graph MakeGraph(std::mt19937_64& rng) {
  Graph g;
  g.n = 2 + rng() % 400;
  const uint32_t m = rng() % (4 * g.n);
  std::vector<double> cumulative(g.n);
  double sum = 0;
  for (uint32_t i = 0; i < g.n; ++i) cumulative[i] = sum += 1.0 / (i + 1.0);
  std::uniform_real_distribution<double> u(0, sum);
  auto draw = [&] {
    return static_cast<NodeId>(std::lower_bound(cumulative.begin(), cumulative.end(), u(rng)) -
                               cumulative.begin()) %
               g.n +
           1;
  };
  const int weights = rng() % 3;  // reals; small integers with zeros (ties); a mix
  for (uint32_t i = 0; i < m; ++i) {
    EdgeSpec e;
    e.start = draw();
    e.end = draw();
    e.type = static_cast<TypeId>(rng() % 3);
    double real = std::uniform_real_distribution<double>(0.001, 1.0)(rng);
    double small = static_cast<double>(rng() % 4);
    e.weight = weights == 0 ? real : weights == 1 ? small : (rng() % 2 ? real : small);
    if (i == 0 && e.weight == 1.0) e.weight = 0.5;  // keep the weight column
    g.edges.push_back(e);
  }
  std::vector<NodeId> nodes;
  for (uint32_t v = 0; v < g.n; ++v) nodes.push_back(v + 1);
  g.snapshot = GraphSnapshot::FromEdges(nodes, {}, g.edges, {"T0", "T1", "T2"});
  return g;
}

bool TypeAllowed(const GraphFilter& f, TypeId t) {
  if (f.types.empty()) return true;
  for (const std::string& name : f.types) {
    if (name == "T" + std::to_string(t)) return true;
  }
  return false;
}

// Reference: textbook Dijkstra over the edge list.
double ReferenceCost(const Graph& g, const GraphFilter& f, uint32_t s, uint32_t t) {
  std::vector<std::vector<std::pair<uint32_t, double>>> adj(g.n);
  for (const EdgeSpec& e : g.edges) {
    if (!TypeAllowed(f, e.type)) continue;
    uint32_t a = static_cast<uint32_t>(e.start - 1), b = static_cast<uint32_t>(e.end - 1);
    adj[a].push_back({b, e.weight});
    if (!f.directed) adj[b].push_back({a, e.weight});
  }
  std::vector<double> dist(g.n, INFINITY);
  using Item = std::pair<double, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> q;
  dist[s] = 0;
  q.push({0, s});
  while (!q.empty()) {
    auto [d, u] = q.top();
    q.pop();
    if (d > dist[u]) continue;
    for (auto [v, w] : adj[u]) {
      if (d + w < dist[v]) q.push({dist[v] = d + w, v});
    }
  }
  return dist[t];
}

TEST_CASE("Weighted paths: cost equals Dijkstra's on random heavy-tailed graphs",
          "[graph][paths]") {
  std::mt19937_64 rng(977);
  int found = 0, none = 0, eligible_for_hub_bound = 0;
  for (int round = 0; round < 60; ++round) {
    Graph g = MakeGraph(rng);
    for (int q = 0; q < 25; ++q) {
      PathOptions query;
      query.mode = PathMode::kWeighted;
      query.filter.max_hops = 1000000;  // the hop bound is covered by paths_test
      if (q % 5 == 4) query.filter.directed = true;
      if (q % 7 == 6) query.filter.types = {"T0", "T2"};
      const uint32_t s = rng() % g.n, t = rng() % g.n;
      INFO("round " << round << " query " << q << " s=" << s << " t=" << t);
      std::vector<GraphPath> out;
      REQUIRE(FindPaths(*g.snapshot, s, t, query, &out).ok());
      const double want = ReferenceCost(g, query.filter, s, t);
      if (std::isinf(want)) {
        REQUIRE(out.empty());
        ++none;
        continue;
      }
      REQUIRE(out.size() == 1);
      const GraphPath& p = out[0];
      REQUIRE(p.vertices.front() == s);
      REQUIRE(p.vertices.back() == t);
      REQUIRE(p.vertices.size() == p.rels.size() + 1);
      REQUIRE(std::set<VertexIndex>(p.vertices.begin(), p.vertices.end()).size() ==
              p.vertices.size());
      double cost = 0;
      for (size_t i = 0; i < p.rels.size(); ++i) {
        const EdgeSpec& e = g.edges[p.rels[i]];
        const uint32_t a = static_cast<uint32_t>(e.start - 1), b = static_cast<uint32_t>(e.end - 1);
        const bool fwd = a == p.vertices[i] && b == p.vertices[i + 1];
        const bool bwd = b == p.vertices[i] && a == p.vertices[i + 1];
        REQUIRE((fwd || (bwd && !query.filter.directed)));
        REQUIRE(TypeAllowed(query.filter, e.type));
        cost += e.weight;
      }
      REQUIRE(cost == Approx(want).margin(1e-9));
      REQUIRE(p.cost == Approx(want).margin(1e-9));
      ++found;
      eligible_for_hub_bound += q >= 4 && !query.filter.directed && query.filter.types.empty();
    }
  }
  CHECK(found > 600);
  CHECK(none > 30);
  CHECK(eligible_for_hub_bound > 300);
}

}  // namespace
}  // namespace pactgraph::graph

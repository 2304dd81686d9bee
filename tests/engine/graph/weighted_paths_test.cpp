// Differential test of the weighted search on graphs too big for brute force: the cost of
// every answer equals a plain Dijkstra's, and the answer is a real simple path of that cost.
// Many pairs run on each snapshot, so the hub bound (built after a few searches) is covered,
// as are zero costs, ties, parallel relationships, self-loops, filters and direction.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
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

// Reference for the tie-break: every simple s -> t path of a small graph, the least by
// (cost, hops, relationship sequence). Integer costs keep the sums exact, so ties are real.
bool ReferenceCanonical(const Graph& g, const GraphFilter& f, uint32_t s, uint32_t t,
                        std::vector<RelIndex>* best) {
  struct Step {
    uint32_t to;
    RelIndex rel;
  };
  std::vector<std::vector<Step>> adj(g.n);
  for (RelIndex r = 0; r < g.edges.size(); ++r) {
    const EdgeSpec& e = g.edges[r];
    if (!TypeAllowed(f, e.type)) continue;
    uint32_t a = static_cast<uint32_t>(e.start - 1), b = static_cast<uint32_t>(e.end - 1);
    adj[a].push_back({b, r});
    if (!f.directed) adj[b].push_back({a, r});
  }
  double best_cost = INFINITY;
  bool any = false;
  std::vector<char> on(g.n, 0);
  std::vector<RelIndex> rels;
  std::function<void(uint32_t, double)> dfs = [&](uint32_t u, double cost) {
    if (u == t) {
      if (!any || cost < best_cost || (cost == best_cost && rels.size() < best->size()) ||
          (cost == best_cost && rels.size() == best->size() && rels < *best)) {
        best_cost = cost;
        *best = rels;
        any = true;
      }
      return;
    }
    on[u] = 1;
    for (const Step& st : adj[u]) {
      if (on[st.to]) continue;
      rels.push_back(st.rel);
      dfs(st.to, cost + g.edges[st.rel].weight);
      rels.pop_back();
    }
    on[u] = 0;
  };
  dfs(s, 0);
  return any;
}

// Runs `query` from s to t and checks it against ReferenceCanonical: no path when there is
// none, else the reference's relationships through a path from s to t. Returns whether one
// exists (the reference's in `want`).
bool MatchesReference(const Graph& g, const PathOptions& query, uint32_t s, uint32_t t,
                      std::vector<RelIndex>* want) {
  const bool exists = ReferenceCanonical(g, query.filter, s, t, want);
  std::vector<GraphPath> out;
  REQUIRE(FindPaths(*g.snapshot, s, t, query, &out).ok());
  REQUIRE(out.size() == (exists ? 1u : 0u));
  if (!exists) return false;
  CHECK(out[0].rels == *want);
  REQUIRE(out[0].vertices.size() == want->size() + 1);
  CHECK(out[0].vertices.front() == s);
  CHECK(out[0].vertices.back() == t);
  return true;
}

TEST_CASE("Weighted paths: equal-cost ties resolve to the least (hops, relationships)",
          "[graph][paths]") {
  // Small graphs with costs 0..2, so most pairs have several cheapest paths; the same
  // snapshot serves many searches, so answers before and after the hub bound must agree,
  // and the first of `--k` must be the plain search's path.
  std::mt19937_64 rng(4242);
  int compared = 0, with_hubs = 0;
  for (int round = 0; round < 150; ++round) {
    Graph g;
    g.n = 3 + rng() % 7;
    const uint32_t m = g.n + rng() % (g.n + 6);
    for (uint32_t i = 0; i < m; ++i) {
      EdgeSpec e;
      e.start = 1 + rng() % g.n;
      e.end = 1 + rng() % g.n;
      e.type = static_cast<TypeId>(rng() % 3);
      e.weight = static_cast<double>(rng() % 3);
      if (i == 0) e.weight = 2;  // keep the weight column
      g.edges.push_back(e);
    }
    std::vector<NodeId> nodes;
    for (uint32_t v = 0; v < g.n; ++v) nodes.push_back(v + 1);
    g.snapshot = GraphSnapshot::FromEdges(nodes, {}, g.edges, {"T0", "T1", "T2"});
    for (int q = 0; q < 12; ++q) {
      PathOptions query;
      query.mode = PathMode::kWeighted;
      query.weight = "weight";
      query.filter.max_hops = 1000000;
      if (q % 4 == 3) query.filter.directed = true;
      if (q % 6 == 5) query.filter.types = {"T0", "T1"};
      const uint32_t s = rng() % g.n, t = rng() % g.n;
      if (s == t) continue;
      INFO("round " << round << " query " << q << " s=" << s << " t=" << t);
      std::vector<RelIndex> want;
      if (!MatchesReference(g, query, s, t, &want)) continue;
      query.mode = PathMode::kKShortest;
      query.k = 1 + q % 3;
      std::vector<GraphPath> k_out;
      REQUIRE(FindPaths(*g.snapshot, s, t, query, &k_out).ok());
      REQUIRE(!k_out.empty());
      CHECK(k_out[0].rels == want);
      ++compared;
      with_hubs += q >= 4 && !query.filter.directed && query.filter.types.empty();
    }
  }
  CHECK(compared > 800);
  CHECK(with_hubs > 200);
}

TEST_CASE("Shortest paths: ties resolve to the least relationship sequence", "[graph][paths]") {
  // Regression for the tie-break's cost: it now runs two half searches (distances from the
  // source and to the target) instead of one search over the graph from the target. Small
  // graphs with parallel relationships, cycles and long chains (so both halves and odd and
  // even hop counts occur), every pair, directed and type-filtered too, against every simple
  // path (unit costs: the least (hops, relationships)).
  std::mt19937_64 rng(777);
  int compared = 0, long_paths = 0;
  for (int round = 0; round < 200; ++round) {
    Graph g;
    g.n = 3 + rng() % 10;
    const uint32_t m = g.n - 1 + rng() % (g.n + 4);
    for (uint32_t i = 0; i < m; ++i) {
      EdgeSpec e;
      // The first n-1 relationships make a chain in shuffled direction (long shortest paths).
      if (i + 1 < g.n && round % 2 == 0) {
        e.start = i + 1;
        e.end = i + 2;
        if (rng() % 3 == 0) std::swap(e.start, e.end);
      } else {
        e.start = 1 + rng() % g.n;
        e.end = 1 + rng() % g.n;
      }
      e.type = static_cast<TypeId>(rng() % 3);
      e.weight = 1;
      g.edges.push_back(e);
    }
    std::vector<NodeId> nodes;
    for (uint32_t v = 0; v < g.n; ++v) nodes.push_back(v + 1);
    g.snapshot = GraphSnapshot::FromEdges(nodes, {}, g.edges, {"T0", "T1", "T2"});
    for (uint32_t s = 0; s < g.n; ++s) {
      for (uint32_t t = 0; t < g.n; ++t) {
        if (s == t) continue;
        PathOptions query;
        query.mode = PathMode::kShortest;
        query.filter.max_hops = 1000000;
        const int variant = static_cast<int>((s * 7 + t + static_cast<uint32_t>(round)) % 3);
        if (variant == 1) query.filter.directed = true;
        if (variant == 2) query.filter.types = {"T0", "T2"};
        INFO("round " << round << " s=" << s << " t=" << t << " variant " << variant);
        std::vector<RelIndex> want;
        if (!MatchesReference(g, query, s, t, &want)) continue;
        query.mode = PathMode::kAllShortest;
        query.limit = 1;  // cut short: the first must still be the canonical path
        std::vector<GraphPath> all;
        REQUIRE(FindPaths(*g.snapshot, s, t, query, &all).ok());
        REQUIRE(!all.empty());
        CHECK(all[0].rels == want);
        ++compared;
        long_paths += want.size() >= 4;
      }
    }
  }
  CHECK(compared > 3000);
  CHECK(long_paths > 300);
}

}  // namespace
}  // namespace pactgraph::graph

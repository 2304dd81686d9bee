// engine/graph/paths_weighted.cpp — Dijkstra, hop-bounded cheapest paths and Yen's algorithm.
//
// The cheapest path comes from a bidirectional Dijkstra on the raw CSR arrays (epoch-stamped
// thread-local scratch; the compiled filter plus the vertices and relationships Yen's algorithm
// bans prune it). Boost's dijkstra_shortest_paths was used first: it initialises O(n) maps per
// call and searches from one side only, about twice as slow on the benchmark graph. The answer
// ignores the hop bound, so a path over the bound is replaced by the cheapest path within it,
// found by a Bellman-Ford limited to max_hops layers that only relaxes vertices improved in
// the previous layer.
#include <algorithm>
#include <limits>
#include <queue>
#include <set>

#include "engine/graph/csr.h"
#include "engine/graph/paths.h"

namespace pactgraph::graph {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Bans {
  std::vector<char> vertex;    // by VertexIndex; empty: none
  std::vector<RelIndex> rels;  // few: linear search
  bool Rel(RelIndex r) const { return std::find(rels.begin(), rels.end(), r) != rels.end(); }
  bool Vertex(VertexIndex v) const { return !vertex.empty() && vertex[v]; }
};

struct EdgePred {
  const GraphSnapshot* g = nullptr;
  const CompiledFilter* f = nullptr;
  const Bans* bans = nullptr;
  bool operator()(const CsrEdge& e) const {
    uint32_t p = g->entry_prop()[e.idx];
    return f->EntryOk(p, false) && !bans->Rel(p >> 1);
  }
};

struct VertexPred {
  const CompiledFilter* f = nullptr;
  const Bans* bans = nullptr;
  bool operator()(uint32_t v) const { return f->VertexOk(v) && !bans->Vertex(v); }
};

double PathCost(const GraphSnapshot& g, const std::vector<RelIndex>& rels, bool unit) {
  double c = 0;
  for (RelIndex r : rels) c += unit ? 1.0 : g.rel_weight(r);
  return c;
}

// Cheapest path from s to t with at most `hop_limit` relationships (Bellman-Ford by layers).
bool HopBounded(const GraphSnapshot& g, VertexIndex s, VertexIndex t, const EdgePred& ep,
                const VertexPred& vp, bool unit, uint32_t hop_limit, GraphPath* out) {
  struct Step {
    VertexIndex w;
    double dist;
    VertexIndex parent;
    RelIndex rel;
  };
  const uint32_t n = g.num_vertices();
  std::vector<double> dist(n, kInf);
  dist[s] = 0;
  // layers[k]: the improvements made at layer k; slot[w] locates w in the layer named by
  // slot_layer[w] (dense arrays: no hashing in the inner loop).
  std::vector<std::vector<Step>> layers(hop_limit + 1);
  std::vector<uint32_t> slot(n, 0), slot_layer(n, 0);
  std::vector<VertexIndex> active{s};
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  for (uint32_t k = 1; k <= hop_limit && !active.empty(); ++k) {
    auto& layer = layers[k];
    for (VertexIndex u : active) {
      for (uint32_t i = row[u]; i < row[u + 1]; ++i) {
        if (!ep(CsrEdge(u, i))) continue;
        VertexIndex w = col[i];
        if (!vp(w)) continue;
        double d = dist[u] + (unit ? 1.0 : g.rel_weight(prop[i] >> 1));
        bool here = slot_layer[w] == k;
        if (d >= (here ? layer[slot[w]].dist : dist[w])) continue;
        if (here) {
          layer[slot[w]] = Step{w, d, u, prop[i] >> 1};
        } else {
          slot_layer[w] = k;
          slot[w] = static_cast<uint32_t>(layer.size());
          layer.push_back(Step{w, d, u, prop[i] >> 1});
        }
      }
    }
    active.clear();
    for (const Step& step : layer) {
      dist[step.w] = step.dist;
      active.push_back(step.w);
    }
  }
  if (dist[t] == kInf) return false;
  out->vertices.assign(1, t);
  out->rels.clear();
  // Every entry of layers[k] is an improvement made at layer k, so the value of v at layer k
  // comes from the highest layer <= k that holds v.
  VertexIndex v = t;
  for (uint32_t k = hop_limit; v != s;) {
    const Step* found = nullptr;
    for (; k > 0 && found == nullptr; --k) {
      for (const Step& step : layers[k]) {
        if (step.w == v) {
          found = &step;
          break;
        }
      }
    }
    if (found == nullptr) return false;
    out->rels.push_back(found->rel);
    v = found->parent;
    out->vertices.push_back(v);
  }
  std::reverse(out->vertices.begin(), out->vertices.end());
  std::reverse(out->rels.begin(), out->rels.end());
  out->cost = PathCost(g, out->rels, unit);
  return true;
}

// Workspace of the bidirectional Dijkstra, epoch-stamped like the BFS one.
struct DijkstraSide {
  std::vector<uint32_t> seen;
  std::vector<double> dist;
  std::vector<VertexIndex> parent;
  std::vector<RelIndex> parent_rel;
};
struct DijkstraWorkspace {
  DijkstraSide side[2];
  uint32_t epoch = 0;
  uint32_t Begin(uint32_t n) {
    if (side[0].seen.size() < n || ++epoch == 0) {
      for (DijkstraSide& d : side) {
        d.seen.assign(n, 0);
        d.dist.resize(n);
        d.parent.resize(n);
        d.parent_rel.resize(n);
      }
      epoch = 1;
    }
    return epoch;
  }
};

// Cheapest s -> t path (hop bound aside): Dijkstra from both ends on the raw CSR arrays,
// stopping when the two queue minima add up to the best meeting found.
bool BidirectionalDijkstra(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                           const CompiledFilter& filter, const Bans& bans, bool unit,
                           GraphPath* out) {
  thread_local DijkstraWorkspace ws;
  const uint32_t epoch = ws.Begin(g.num_vertices());
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  using Item = std::pair<double, VertexIndex>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue[2];
  const VertexIndex root[2] = {s, t};
  for (int k = 0; k < 2; ++k) {
    ws.side[k].seen[root[k]] = epoch;
    ws.side[k].dist[root[k]] = 0;
    queue[k].push({0.0, root[k]});
  }
  double best = kInf;
  VertexIndex meet = kNoVertex;
  while (!queue[0].empty() && !queue[1].empty()) {
    if (queue[0].top().first + queue[1].top().first >= best) break;
    const int k = queue[0].top().first <= queue[1].top().first ? 0 : 1;
    DijkstraSide& me = ws.side[k];
    const DijkstraSide& other = ws.side[1 - k];
    auto [d, u] = queue[k].top();
    queue[k].pop();
    if (d > me.dist[u]) continue;
    for (uint32_t i = row[u]; i < row[u + 1]; ++i) {
      const uint32_t p = prop[i];
      if (!filter.EntryOk(p, k == 1) || bans.Rel(p >> 1)) continue;
      const VertexIndex w = col[i];
      if (!filter.VertexOk(w) || bans.Vertex(w)) continue;
      const double nd = d + (unit ? 1.0 : g.rel_weight(p >> 1));
      if (me.seen[w] != epoch || nd < me.dist[w]) {
        me.seen[w] = epoch;
        me.dist[w] = nd;
        me.parent[w] = u;
        me.parent_rel[w] = p >> 1;
        queue[k].push({nd, w});
        if (other.seen[w] == epoch && nd + other.dist[w] < best) {
          best = nd + other.dist[w];
          meet = w;
        }
      }
    }
  }
  if (meet == kNoVertex) return false;
  out->vertices.clear();
  out->rels.clear();
  for (VertexIndex v = meet; v != s; v = ws.side[0].parent[v]) {
    out->vertices.push_back(v);
    out->rels.push_back(ws.side[0].parent_rel[v]);
  }
  out->vertices.push_back(s);
  std::reverse(out->vertices.begin(), out->vertices.end());
  std::reverse(out->rels.begin(), out->rels.end());
  for (VertexIndex v = meet; v != t;) {
    out->rels.push_back(ws.side[1].parent_rel[v]);
    v = ws.side[1].parent[v];
    out->vertices.push_back(v);
  }
  out->cost = PathCost(g, out->rels, unit);
  return true;
}

// Cheapest path s -> t avoiding `bans`, with at most `hop_limit` relationships.
bool Search(const GraphSnapshot& g, VertexIndex s, VertexIndex t, const CompiledFilter& filter,
            const Bans& bans, bool unit, uint32_t hop_limit, GraphPath* out) {
  if (s == t) {
    out->vertices.assign(1, s);
    out->rels.clear();
    out->cost = 0;
    return true;
  }
  if (hop_limit == 0) return false;
  EdgePred ep{&g, &filter, &bans};
  VertexPred vp{&filter, &bans};
  if (!BidirectionalDijkstra(g, s, t, filter, bans, unit, out)) return false;
  if (out->rels.size() <= hop_limit) return true;
  return HopBounded(g, s, t, ep, vp, unit, hop_limit, out);
}

bool SimplePath(const GraphPath& p) {
  std::vector<VertexIndex> v = p.vertices;
  std::sort(v.begin(), v.end());
  return std::adjacent_find(v.begin(), v.end()) == v.end();
}

}  // namespace

bool WeightedShortestPath(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                          const CompiledFilter& filter, bool unit_cost, GraphPath* out) {
  Bans none;
  return Search(g, s, t, filter, none, unit_cost, filter.max_hops(), out);
}

void KShortestPaths(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                    const CompiledFilter& filter, uint32_t k, bool unit_cost,
                    std::vector<GraphPath>* out) {
  out->clear();
  GraphPath first;
  Bans bans;
  if (!Search(g, s, t, filter, bans, unit_cost, filter.max_hops(), &first)) return;
  out->push_back(std::move(first));
  if (s == t) return;
  // Candidates ordered by (cost, hops, relationships) so ties resolve the same way each run.
  auto less = [](const GraphPath& a, const GraphPath& b) {
    if (a.cost != b.cost) return a.cost < b.cost;
    if (a.rels.size() != b.rels.size()) return a.rels.size() < b.rels.size();
    return a.rels < b.rels;
  };
  std::set<GraphPath, decltype(less)> candidates(less);
  std::set<std::vector<RelIndex>> seen{out->front().rels};
  bans.vertex.assign(g.num_vertices(), 0);
  while (out->size() < k) {
    const GraphPath prev = out->back();
    for (size_t i = 0; i < prev.rels.size(); ++i) {
      const VertexIndex spur = prev.vertices[i];
      bans.rels.clear();
      for (const GraphPath& p : *out) {
        if (p.rels.size() > i &&
            std::equal(prev.rels.begin(), prev.rels.begin() + i, p.rels.begin())) {
          bans.rels.push_back(p.rels[i]);
        }
      }
      for (size_t j = 0; j < i; ++j) bans.vertex[prev.vertices[j]] = 1;
      GraphPath spur_path;
      bool found = Search(g, spur, t, filter, bans, unit_cost,
                          filter.max_hops() - static_cast<uint32_t>(i), &spur_path);
      for (size_t j = 0; j < i; ++j) bans.vertex[prev.vertices[j]] = 0;
      if (!found) continue;
      GraphPath total;
      total.vertices.assign(prev.vertices.begin(), prev.vertices.begin() + i);
      total.vertices.insert(total.vertices.end(), spur_path.vertices.begin(),
                            spur_path.vertices.end());
      total.rels.assign(prev.rels.begin(), prev.rels.begin() + i);
      total.rels.insert(total.rels.end(), spur_path.rels.begin(), spur_path.rels.end());
      total.cost = PathCost(g, total.rels, unit_cost);
      if (!SimplePath(total) || !seen.insert(total.rels).second) continue;
      candidates.insert(std::move(total));
    }
    if (candidates.empty()) break;
    out->push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
}

}  // namespace pactgraph::graph

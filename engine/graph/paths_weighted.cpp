// engine/graph/paths_weighted.cpp — Dijkstra, hop-bounded cheapest paths and Yen's algorithm.
//
// Dijkstra is Boost.Graph's, run on a boost::filtered_graph whose predicates are the compiled
// filter plus the vertices and relationships Yen's algorithm bans; a visitor stops it when the
// target is settled. Its answer ignores the hop bound, so a path over the bound is replaced by
// the cheapest path within it, found by a Bellman-Ford limited to max_hops layers that only
// relaxes vertices improved in the previous layer.
#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <limits>
#include <set>
#include <unordered_map>

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

struct TargetSettled {};

class StopAtTarget : public boost::default_dijkstra_visitor {
 public:
  StopAtTarget(VertexIndex target, const uint32_t* prop, std::vector<RelIndex>* pred_rel)
      : target_(target), prop_(prop), pred_rel_(pred_rel) {}
  template <typename G>
  void examine_vertex(uint32_t u, const G&) const {
    if (u == target_) throw TargetSettled{};
  }
  template <typename G>
  void edge_relaxed(const CsrEdge& e, const G& g) const {
    (*pred_rel_)[boost::target(e, g)] = prop_[e.idx] >> 1;
  }

 private:
  VertexIndex target_;
  const uint32_t* prop_;
  std::vector<RelIndex>* pred_rel_;
};

using Filtered = boost::filtered_graph<Csr, EdgePred, VertexPred>;

double PathCost(const GraphSnapshot& g, const std::vector<RelIndex>& rels, bool unit) {
  double c = 0;
  for (RelIndex r : rels) c += unit ? 1.0 : g.rel_weight(r);
  return c;
}

// Cheapest path from s to t with at most `hop_limit` relationships (Bellman-Ford by layers).
bool HopBounded(const GraphSnapshot& g, VertexIndex s, VertexIndex t, const EdgePred& ep,
                const VertexPred& vp, bool unit, uint32_t hop_limit, GraphPath* out) {
  struct Step {
    double dist;
    VertexIndex parent;
    RelIndex rel;
  };
  std::vector<double> dist(g.num_vertices(), kInf);
  dist[s] = 0;
  std::vector<std::unordered_map<VertexIndex, Step>> layers(hop_limit + 1);
  std::vector<VertexIndex> active{s};
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  for (uint32_t k = 1; k <= hop_limit && !active.empty(); ++k) {
    auto& upd = layers[k];
    for (VertexIndex u : active) {
      for (uint32_t i = row[u]; i < row[u + 1]; ++i) {
        if (!ep(CsrEdge(u, i))) continue;
        VertexIndex w = col[i];
        if (!vp(w)) continue;
        double d = dist[u] + (unit ? 1.0 : g.rel_weight(prop[i] >> 1));
        auto it = upd.find(w);
        if (d < (it == upd.end() ? dist[w] : it->second.dist)) upd[w] = Step{d, u, prop[i] >> 1};
      }
    }
    active.clear();
    for (const auto& [w, step] : upd) {
      if (step.dist < dist[w]) {
        dist[w] = step.dist;
        active.push_back(w);
      }
    }
  }
  if (dist[t] == kInf) return false;
  out->vertices.assign(1, t);
  out->rels.clear();
  // Every entry of layers[k] is an improvement made at layer k, so the value of v at layer k
  // comes from the highest layer <= k that holds v.
  VertexIndex v = t;
  for (uint32_t k = hop_limit; v != s;) {
    while (k > 0 && layers[k].count(v) == 0) --k;
    if (k == 0) return false;
    const Step& step = layers[k].at(v);
    out->rels.push_back(step.rel);
    v = step.parent;
    out->vertices.push_back(v);
    --k;
  }
  std::reverse(out->vertices.begin(), out->vertices.end());
  std::reverse(out->rels.begin(), out->rels.end());
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
  Filtered fg(g.csr().g, ep, vp);
  const uint32_t n = g.num_vertices();
  std::vector<double> dist(n, kInf);
  std::vector<VertexIndex> pred(n, kNoVertex);
  std::vector<RelIndex> pred_rel(n, 0);
  const uint32_t* prop = g.entry_prop();
  auto weight = boost::make_function_property_map<CsrEdge, double>(
      [&g, prop, unit](const CsrEdge& e) { return unit ? 1.0 : g.rel_weight(prop[e.idx] >> 1); });
  try {
    boost::dijkstra_shortest_paths(fg, s,
                                   boost::weight_map(weight)
                                       .distance_map(boost::make_iterator_property_map(
                                           dist.begin(), boost::get(boost::vertex_index, fg)))
                                       .predecessor_map(boost::make_iterator_property_map(
                                           pred.begin(), boost::get(boost::vertex_index, fg)))
                                       .distance_inf(kInf)
                                       .visitor(StopAtTarget(t, prop, &pred_rel)));
  } catch (const TargetSettled&) {
  }
  if (dist[t] == kInf) return false;
  out->vertices.assign(1, t);
  out->rels.clear();
  for (VertexIndex v = t; v != s; v = pred[v]) {
    out->rels.push_back(pred_rel[v]);
    out->vertices.push_back(pred[v]);
  }
  std::reverse(out->vertices.begin(), out->vertices.end());
  std::reverse(out->rels.begin(), out->rels.end());
  out->cost = PathCost(g, out->rels, unit);
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

// Random small graphs and brute-force references for the graph differential tests.
#pragma once

#include <algorithm>
#include <functional>
#include <random>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "engine/graph/path_filter.h"

namespace pactgraph::graph::testing {

struct RandomGraph {
  uint32_t n = 0;                            // node ids are 1..n (vertex index = id - 1)
  std::vector<std::vector<LabelId>> labels;  // by vertex; labels 0 ("A") and 1 ("B")
  std::vector<EdgeSpec> edges;               // types 0..2 ("T0".."T2")
  SnapshotPtr snapshot;
};

inline RandomGraph MakeRandomGraph(std::mt19937_64& rng, uint32_t max_n = 8, uint32_t max_m = 16,
                                   bool weights = true) {
  RandomGraph r;
  r.n = 1 + rng() % max_n;
  uint32_t m = rng() % (max_m + 1);
  std::vector<NodeId> nodes;
  for (uint32_t v = 0; v < r.n; ++v) {
    nodes.push_back(v + 1);
    std::vector<LabelId> ls;
    if (rng() % 2) ls.push_back(0);
    if (rng() % 3 == 0) ls.push_back(1);
    r.labels.push_back(ls);
  }
  for (uint32_t i = 0; i < m; ++i) {
    EdgeSpec e;
    e.start = 1 + rng() % r.n;
    e.end = 1 + rng() % r.n;
    e.type = static_cast<TypeId>(rng() % 3);
    e.weight = weights ? static_cast<double>(rng() % 6) : 1.0;
    e.date = rng() % 5 == 0 ? kNoDate : static_cast<int32_t>(rng() % 100);
    r.edges.push_back(e);
  }
  // Always carry dates so windows can be compiled; force the columns to exist.
  if (!r.edges.empty()) {
    if (r.edges[0].date == kNoDate) r.edges[0].date = 50;
    if (weights && r.edges[0].weight == 1.0) r.edges[0].weight = 2.0;
  }
  r.snapshot = GraphSnapshot::FromEdges(nodes, r.labels, r.edges, {"T0", "T1", "T2"}, {"A", "B"});
  return r;
}

inline GraphFilter RandomFilter(std::mt19937_64& rng) {
  GraphFilter f;
  f.directed = rng() % 2;
  f.max_hops = 1 + rng() % 6;
  if (rng() % 3 == 0) f.types = {rng() % 2 ? "T0" : "t1", "T2"};
  if (rng() % 4 == 0) f.avoid_labels = {"B"};
  if (rng() % 5 == 0) f.allow_labels = {"A"};
  if (rng() % 3 == 0) {
    f.since = Date{static_cast<int32_t>(rng() % 50)};
    f.until = Date{static_cast<int32_t>(50 + rng() % 50)};
  }
  return f;
}

// A reference reading of the filter, straight from the edge list.
struct RefFilter {
  const RandomGraph* g;
  GraphFilter f;
  bool Rel(size_t i) const {
    const EdgeSpec& e = g->edges[i];
    if (!f.types.empty()) {
      bool ok = false;
      for (const auto& t : f.types) {
        std::string lower = t;
        for (char& c : lower) c = static_cast<char>(std::tolower(c));
        ok |= lower == "t" + std::to_string(e.type);
      }
      if (!ok) return false;
    }
    if (f.since || f.until) {
      if (e.date == kNoDate) return false;
      if (f.since && e.date < f.since->days) return false;
      if (f.until && e.date > f.until->days) return false;
    }
    return true;
  }
  bool Inner(uint32_t v) const {  // v is a vertex index
    const auto& ls = g->labels[v];
    bool has_a = std::count(ls.begin(), ls.end(), 0u) > 0;
    bool has_b = std::count(ls.begin(), ls.end(), 1u) > 0;
    if (!f.allow_labels.empty() && !has_a) return false;
    if (!f.avoid_labels.empty() && has_b) return false;
    return true;
  }
};

struct RefPath {
  std::vector<uint32_t> vertices;
  std::vector<uint32_t> rels;
  double cost = 0;
};

// Every simple path from s to t with at most max_hops relationships.
inline std::vector<RefPath> AllSimplePaths(const RefFilter& rf, uint32_t s, uint32_t t) {
  std::vector<RefPath> out;
  RefPath cur;
  cur.vertices.push_back(s);
  std::vector<char> on(rf.g->n, 0);
  on[s] = 1;
  std::function<void(uint32_t)> dfs = [&](uint32_t u) {
    if (u == t) {
      out.push_back(cur);
      return;
    }
    if (cur.rels.size() == rf.f.max_hops) return;
    for (size_t i = 0; i < rf.g->edges.size(); ++i) {
      const EdgeSpec& e = rf.g->edges[i];
      uint32_t a = static_cast<uint32_t>(e.start - 1), b = static_cast<uint32_t>(e.end - 1);
      uint32_t w;
      if (a == u) {
        w = b;
      } else if (b == u && !rf.f.directed) {
        w = a;
      } else {
        continue;
      }
      if (on[w] || !rf.Rel(i) || (w != t && !rf.Inner(w))) continue;
      on[w] = 1;
      cur.vertices.push_back(w);
      cur.rels.push_back(static_cast<uint32_t>(i));
      cur.cost += e.weight;
      dfs(w);
      cur.cost -= e.weight;
      cur.rels.pop_back();
      cur.vertices.pop_back();
      on[w] = 0;
    }
  };
  dfs(s);
  return out;
}

}  // namespace pactgraph::graph::testing

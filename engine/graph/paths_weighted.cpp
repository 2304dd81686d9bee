// engine/graph/paths_weighted.cpp — cheapest paths, hop-bounded cheapest paths, Yen's algorithm.
//
// With costs, the cheapest path comes from a bidirectional Dijkstra with lazy edge relaxation
// on the snapshot's cost-sorted WeightedAdjacency, started from the hub-tree upper bound when
// the search is unfiltered (LazyBidirectionalDijkstra); a path over the hop bound is replaced by
// the cheapest path within it, found by an A* over (vertex, hops) labels (HopBoundedAStar).
// With unit costs, a plain bidirectional Dijkstra on the CSR arrays (a path over the hop bound
// then means there is none within it). The compiled filter and the vertices and
// relationships Yen's algorithm bans prune every search. docs/graph.md has the figures and the
// versions before (Boost's dijkstra_shortest_paths was the first: O(n) initialisation per call,
// one-sided).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <set>

#include "engine/graph/csr.h"
#include "engine/graph/paths.h"

namespace pactgraph::graph {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Per-search state kept across calls in thread-local vectors: sized once, and between searches
// only the entries the previous search touched are reset.
template <typename T>
void ResetTouched(size_t n, std::vector<T>* state, std::vector<VertexIndex>* touched) {
  if (state->size() < n) state->assign(n, T{});
  for (VertexIndex v : *touched) (*state)[v] = T{};
  touched->clear();
}

struct Bans {
  std::vector<char> vertex;    // by VertexIndex; empty: none
  std::vector<RelIndex> rels;  // few: linear search
  bool Rel(RelIndex r) const { return std::find(rels.begin(), rels.end(), r) != rels.end(); }
  bool Vertex(VertexIndex v) const { return !vertex.empty() && vertex[v]; }
};

double PathCost(const GraphSnapshot& g, const std::vector<RelIndex>& rels, bool unit) {
  double c = 0;
  for (RelIndex r : rels) c += unit ? 1.0 : g.rel_weight(r);
  return c;
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

// Fewest-relationship s -> t path when every relationship costs 1: Dijkstra from both ends
// on the raw CSR arrays, stopping when the two queue minima add up to the best meeting found.
// `kFiltered` false compiles the inner loop without the filter and ban tests.
template <bool kFiltered>
bool BidirectionalDijkstra(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                           const CompiledFilter& filter, const Bans& bans, GraphPath* out) {
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
    for (uint32_t i = row[u], end = row[u + 1]; i < end; ++i) {
      const VertexIndex w = col[i];
      if constexpr (kFiltered) {
        const uint32_t p = prop[i];
        if (!filter.EntryOk(p, k == 1) || bans.Rel(p >> 1)) continue;
        if (!filter.VertexOk(w) || bans.Vertex(w)) continue;
      }
      const double nd = d + 1.0;
      if (me.seen[w] != epoch || nd < me.dist[w]) {
        me.seen[w] = epoch;
        me.dist[w] = nd;
        me.parent[w] = u;
        me.parent_rel[w] = prop[i] >> 1;
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
  out->cost = static_cast<double>(out->rels.size());
  return true;
}

// Cheapest s -> t path (hop bound aside) when relationships carry costs: a bidirectional
// Dijkstra that relaxes edges lazily. Each row of GraphSnapshot::weighted_entries() is sorted
// by cost, so a side's queue holds one item per settled vertex u -- its next unread entry i,
// keyed dist(u) + cost(i) -- and popping the smallest item settles that entry's target (if
// still unsettled) and advances u to its next entry. A vertex thus reads only the entries
// that fall inside the search horizon: a hub settled early reads a few cheap relationships,
// not its whole row (on the benchmark graph this reads ~20x fewer entries than a plain
// bidirectional Dijkstra).
//
// Stopping. The search stops when the two queue minima add up to the best s-t cost seen at
// a vertex settled from both sides. Vertices closer than a side's minimum are settled on
// that side, so a cheaper path, if any, crosses from a forward-settled x to a
// backward-settled y over an entry x has not read yet; the final sweep reads, for every item
// left in the forward queue, the entries still below the best cost and checks exactly those
// crossings. `kFiltered` false compiles out the filter and ban tests.
struct LazySlot {  // both sides of one vertex; valid where `state` says settled
  double dist[2];
  VertexIndex parent[2];
  RelIndex rel[2];
};
struct LazyItem {
  double key;
  VertexIndex u;
  uint32_t i, end;  // entry i of u's row [.., end): the row bound travels with the item
  bool operator>(const LazyItem& o) const { return key > o.key; }
};
struct LazyWorkspace {
  // Bit k of state[v]: v settled on side k. One byte per vertex, so the test made for every
  // entry read touches a small, mostly cached array; the touched bytes are reset afterwards.
  std::vector<uint8_t> state;
  std::vector<VertexIndex> touched;
  std::vector<LazySlot> slot;
  std::vector<LazyItem> heap[2];
  // When the search stopped: every vertex not settled backward is at least this far from t,
  // every vertex not settled forward at least this far from s.
  double backward_floor = 0;
  double forward_floor = 0;
  void Begin(uint32_t n) {
    heap[0].clear();
    heap[1].clear();
    for (VertexIndex v : touched) state[v] = 0;
    touched.clear();
    if (state.size() < n) {
      state.assign(n, 0);
      slot.resize(n);
    }
  }
};

// The path left of a walk (vertices, and the relationships between them) once its loops are
// cut out: a vertex seen again takes the walk back to its first visit.
void CutLoops(const GraphSnapshot& g, const std::vector<VertexIndex>& walk,
              const std::vector<RelIndex>& rels, GraphPath* out) {
  out->vertices.clear();
  out->rels.clear();
  for (size_t i = 0; i < walk.size(); ++i) {
    auto seen = std::find(out->vertices.begin(), out->vertices.end(), walk[i]);
    if (seen != out->vertices.end()) {
      out->rels.resize(seen - out->vertices.begin());
      out->vertices.erase(seen + 1, out->vertices.end());
      continue;
    }
    if (i > 0) out->rels.push_back(rels[i - 1]);
    out->vertices.push_back(walk[i]);
  }
  out->cost = PathCost(g, out->rels, false);
}

// The walk s .. hub .. t along the hub's tree (ranks), loops cut out (they cost nothing, or
// the search would have found a cheaper path).
void HubPath(const GraphSnapshot& g, const HubTrees& trees, size_t h, VertexIndex rs,
             VertexIndex rt, GraphPath* out) {
  const WeightedAdjacency& wa = *g.weighted();
  std::vector<VertexIndex> walk;
  std::vector<RelIndex> rels;
  for (VertexIndex v = rs; v != trees.hubs[h]; v = trees.parent[h][v]) {
    walk.push_back(v);
    rels.push_back(trees.rel[h][v]);
  }
  std::vector<VertexIndex> back;
  std::vector<RelIndex> back_rels;
  for (VertexIndex v = rt; v != trees.hubs[h]; v = trees.parent[h][v]) {
    back.push_back(v);
    back_rels.push_back(trees.rel[h][v]);
  }
  walk.push_back(trees.hubs[h]);
  walk.insert(walk.end(), back.rbegin(), back.rend());
  rels.insert(rels.end(), back_rels.rbegin(), back_rels.rend());
  for (VertexIndex& v : walk) v = wa.vertex[v];
  CutLoops(g, walk, rels, out);
}

// Shared by the lazy search and the hop-bounded search that may follow it (which reads the
// backward distances the former left behind).
thread_local LazyWorkspace lazy_workspace;

template <bool kFiltered>
bool LazyBidirectionalDijkstra(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                               const CompiledFilter& filter, const Bans& bans, const HubTrees* hubs,
                               GraphPath* out) {
  LazyWorkspace& ws = lazy_workspace;
  ws.Begin(g.num_vertices());
  LazySlot* slot = ws.slot.data();
  uint8_t* state = ws.state.data();
  const WeightedAdjacency& wa = *g.weighted();
  const uint32_t* row = wa.row.data();
  const WeightedEntry* adj = wa.entries.data();
  const VertexIndex* vertex = wa.vertex.data();
  // Ranks (see WeightedAdjacency) throughout; the path is translated back at the end.
  // The best path so far: s .. a, then (when a != b) entry `cross` from a to b, then b .. t;
  // a is settled forward, b backward.
  double best = kInf;
  VertexIndex a = kNoVertex, b = kNoVertex;
  uint32_t cross = 0;
  // Or, when nothing cheaper turns up, the path through hub `via` (an upper bound to start).
  const VertexIndex rs = wa.rank[s], rt = wa.rank[t];
  size_t via = SIZE_MAX;
  for (size_t h = 0; hubs != nullptr && h < hubs->hubs.size(); ++h) {
    const double c = hubs->dist[h][rs] + hubs->dist[h][rt];
    if (c < best) {
      best = c;
      via = h;
    }
  }
  // Entry i of u (settled on side k at distance du) reaches a vertex settled on the other side.
  auto crossing = [&](int k, VertexIndex u, double du, uint32_t i) {
    const LazySlot& sl = slot[adj[i].target];
    const double c = du + adj[i].weight + sl.dist[1 - k];
    if (c >= best) return;
    best = c;
    a = k == 0 ? u : adj[i].target;  // read by the backward side, the entry runs target -> u
    b = k == 0 ? adj[i].target : u;
    cross = i;
  };
  // Queues the first acceptable entry of u at or after i whose target side k has not settled.
  auto advance = [&](int k, VertexIndex u, double du, uint32_t i, uint32_t end) {
    for (; i < end; ++i) {
      const WeightedEntry& e = adj[i];
      if constexpr (kFiltered) {
        if (!filter.EntryOk(e.prop, k == 1) || bans.Rel(e.prop >> 1)) continue;
        if (!filter.VertexOk(vertex[e.target]) || bans.Vertex(vertex[e.target])) continue;
      }
      const uint8_t st = state[e.target];
      if (st & (2 >> k)) crossing(k, u, du, i);
      if (st & (1 << k)) continue;
      ws.heap[k].push_back(LazyItem{du + e.weight, u, i, end});
      std::push_heap(ws.heap[k].begin(), ws.heap[k].end(), std::greater<>());
      return;
    }
  };
  auto settle = [&](int k, VertexIndex v, double d, VertexIndex parent, RelIndex rel) {
    if (state[v] == 0) ws.touched.push_back(v);
    state[v] |= static_cast<uint8_t>(1 << k);
    LazySlot& sl = slot[v];
    sl.dist[k] = d;
    sl.parent[k] = parent;
    sl.rel[k] = rel;
    if ((state[v] & (2 >> k)) && d + sl.dist[1 - k] < best) {
      best = d + sl.dist[1 - k];
      a = b = v;
    }
    advance(k, v, d, row[v], row[v + 1]);
  };
  settle(0, rs, 0, kNoVertex, 0);
  settle(1, rt, 0, kNoVertex, 0);
  auto& h0 = ws.heap[0];
  auto& h1 = ws.heap[1];
  while (!h0.empty() && !h1.empty()) {
    if (h0.front().key + h1.front().key >= best) break;
    const int k = h0.front().key <= h1.front().key ? 0 : 1;
    auto& heap = ws.heap[k];
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    const LazyItem item = heap.back();
    heap.pop_back();
    advance(k, item.u, slot[item.u].dist[k], item.i + 1, item.end);
    const VertexIndex v = adj[item.i].target;
    if (state[v] & (1 << k)) continue;
    settle(k, v, item.key, item.u, adj[item.i].prop >> 1);
  }
  ws.backward_floor = h1.empty() ? kInf : h1.front().key;
  ws.forward_floor = h0.empty() ? kInf : h0.front().key;
  // The crossings not read yet (see above).
  for (const LazyItem& item : h0) {
    const double du = slot[item.u].dist[0];
    for (uint32_t i = item.i; i < item.end && du + adj[i].weight < best; ++i) {
      const WeightedEntry& e = adj[i];
      if (!(state[e.target] & 2)) continue;
      if constexpr (kFiltered) {
        if (!filter.EntryOk(e.prop, false) || bans.Rel(e.prop >> 1)) continue;
        if (!filter.VertexOk(vertex[e.target]) || bans.Vertex(vertex[e.target])) continue;
      }
      crossing(0, item.u, du, i);
    }
  }
  if (a == kNoVertex) {
    if (via == SIZE_MAX) return false;
    HubPath(g, *hubs, via, rs, rt, out);
    return true;
  }
  out->vertices.clear();
  out->rels.clear();
  for (VertexIndex v = a; v != rs; v = slot[v].parent[0]) {
    out->vertices.push_back(vertex[v]);
    out->rels.push_back(slot[v].rel[0]);
  }
  out->vertices.push_back(s);
  std::reverse(out->vertices.begin(), out->vertices.end());
  std::reverse(out->rels.begin(), out->rels.end());
  if (a != b) {
    out->rels.push_back(adj[cross].prop >> 1);
    out->vertices.push_back(vertex[b]);
  }
  for (VertexIndex v = b; v != rt; v = slot[v].parent[1]) {
    out->rels.push_back(slot[v].rel[1]);
    out->vertices.push_back(vertex[slot[v].parent[1]]);
  }
  out->cost = PathCost(g, out->rels, false);
  return true;
}

// The canonical cheapest path, after the lazy search found one of cost `cost` (in `out`):
// among the s -> t paths of that cost, the fewest relationships, then the least
// relationship sequence -- the order Yen's candidates are ranked by, so `path --weighted`
// and the first of `--k` agree however the search got there (the hub bound, used only once a
// snapshot has served a few searches, otherwise decides which of two equal paths it meets
// first). Two passes in rank space:
//  1. a label-correcting A* backward from t computes, for every vertex on a cheapest path,
//     its least (cost, hops) to t, guided by the forward distances the lazy search left (exact
//     where it settled forward, its forward queue minimum elsewhere: a consistent lower bound
//     on the cost from s) and pruned above `cost`, so it reads about the region the lazy
//     search read;
//  2. from s, each step takes the least relationship to a vertex whose label continues a
//     cheapest, fewest-hop path (the labels decrease in hops, so the walk cannot loop).
// Equal costs are equal sums of doubles as computed from t; paths that differ by rounding
// only are not ties. Leaves `out` as it was when the walk does not reproduce the cost.
template <bool kFiltered>
void CanonicalCheapest(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                       const CompiledFilter& filter, const Bans& bans, GraphPath* out) {
  const LazyWorkspace& ws = lazy_workspace;  // as the lazy search left it
  const WeightedAdjacency& wa = *g.weighted();
  const VertexIndex rs = wa.rank[s], rt = wa.rank[t];
  const double cost = out->cost;
  const double limit = cost + 1e-9 * std::max(1.0, cost);
  auto bound = [&](VertexIndex v) {
    return (ws.state[v] & 1) ? ws.slot[v].dist[0] : ws.forward_floor;
  };
  struct Label {
    double d = kInf;
    uint32_t hops = UINT32_MAX;
  };
  thread_local std::vector<Label> label;
  thread_local std::vector<VertexIndex> touched;
  ResetTouched(g.num_vertices(), &label, &touched);
  auto better = [](double d, uint32_t h, const Label& l) {
    return d < l.d || (d == l.d && h < l.hops);
  };
  struct Item {
    double f;
    uint32_t hops;
    double d;
    VertexIndex v;
    bool operator>(const Item& o) const { return f != o.f ? f > o.f : hops > o.hops; }
  };
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
  label[rt] = Label{0, 0};
  touched.push_back(rt);
  queue.push({bound(rt), 0, 0, rt});
  while (!queue.empty()) {
    const Item item = queue.top();
    queue.pop();
    if (item.f > limit) break;
    const Label& l = label[item.v];
    if (item.d != l.d || item.hops != l.hops) continue;  // improved since it was queued
    if (item.v == rs) continue;                          // nothing beyond s is on a path to it
    for (uint32_t i = wa.row[item.v]; i < wa.row[item.v + 1]; ++i) {
      const WeightedEntry& e = wa.entries[i];
      const double d = item.d + e.weight;
      if (d > limit) break;  // rows are sorted by cost
      if constexpr (kFiltered) {
        if (!filter.EntryOk(e.prop, true) || bans.Rel(e.prop >> 1)) continue;
        const VertexIndex x = wa.vertex[e.target];
        if (!filter.VertexOk(x) || bans.Vertex(x)) continue;
      }
      Label& to = label[e.target];
      if (!better(d, item.hops + 1, to)) continue;
      const double f = d + bound(e.target);
      if (f > limit) continue;
      if (to.d == kInf) touched.push_back(e.target);
      to = Label{d, item.hops + 1};
      queue.push({f, item.hops + 1, d, e.target});
    }
  }
  if (label[rs].d == kInf) return;
  GraphPath p;
  p.vertices.push_back(s);
  for (VertexIndex u = rs; u != rt;) {
    const Label lu = label[u];
    RelIndex best = std::numeric_limits<RelIndex>::max();
    VertexIndex next = kNoVertex;
    for (uint32_t i = wa.row[u]; i < wa.row[u + 1]; ++i) {
      const WeightedEntry& e = wa.entries[i];
      if (e.weight > lu.d) break;
      const Label& lv = label[e.target];
      if (lv.hops + 1 != lu.hops || lv.d + e.weight != lu.d || (e.prop >> 1) >= best) continue;
      if constexpr (kFiltered) {
        if (!filter.EntryOk(e.prop, false) || bans.Rel(e.prop >> 1)) continue;
        const VertexIndex x = wa.vertex[e.target];
        if (!filter.VertexOk(x) || bans.Vertex(x)) continue;
      }
      best = e.prop >> 1;
      next = e.target;
    }
    if (next == kNoVertex) return;  // rounding broke the chain: keep the path found
    p.rels.push_back(best);
    p.vertices.push_back(wa.vertex[next]);
    u = next;
  }
  p.cost = PathCost(g, p.rels, false);
  if (std::abs(p.cost - cost) > limit - cost) return;
  *out = std::move(p);
}

// Cheapest s -> t path with at most `hop_limit` relationships, after the lazy search found
// the cheapest path to have more. A* over (vertex, hops) labels in rank space, guided by a
// lower bound on the cost to t that the lazy search left behind: the exact backward distance
// of every vertex it settled backward, and its backward queue minimum for every other vertex
// (a consistent bound for the same filter and bans). A label is dropped when a label of the
// same vertex with no more hops was settled before it (so each vertex settles at most
// hop_limit times); the first label of t settled is the answer. Rows are sorted by cost, so
// reading one stops at the best cost to t found so far.
template <bool kFiltered>
bool HopBoundedAStar(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                     const CompiledFilter& filter, const Bans& bans, uint32_t hop_limit,
                     GraphPath* out) {
  const LazyWorkspace& ws = lazy_workspace;  // as the lazy search left it
  const WeightedAdjacency& wa = *g.weighted();
  const VertexIndex rs = wa.rank[s], rt = wa.rank[t];
  auto bound = [&](VertexIndex v) {
    return (ws.state[v] & 2) ? ws.slot[v].dist[1] : ws.backward_floor;
  };
  struct Label {
    double d;
    VertexIndex v;
    uint32_t hops;
    uint32_t parent;  // label index; UINT32_MAX at s
    RelIndex rel;
  };
  std::vector<Label> labels{Label{0, rs, 0, UINT32_MAX, 0}};
  using Item = std::pair<double, uint32_t>;  // (d + bound, label)
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
  queue.push({bound(rs), 0});
  // Per rank: the fewest hops settled, and the cheapest label queued (cost, hops) -- a new
  // label no cheaper and no shorter than that one is dominated before it is queued.
  struct Mark {
    uint32_t settled_hops = UINT32_MAX;
    uint32_t queued_hops = UINT32_MAX;
    double queued = kInf;
  };
  thread_local std::vector<Mark> marks;
  thread_local std::vector<VertexIndex> touched;
  ResetTouched(g.num_vertices(), &marks, &touched);
  touched.push_back(rs);
  double upper = kInf;  // cheapest label of t queued so far
  uint32_t found = UINT32_MAX;
  while (!queue.empty()) {
    const uint32_t li = queue.top().second;
    queue.pop();
    const Label label = labels[li];
    if (label.hops >= marks[label.v].settled_hops) continue;
    marks[label.v].settled_hops = label.hops;
    if (label.v == rt) {
      found = li;
      break;
    }
    if (label.hops == hop_limit) continue;
    for (uint32_t i = wa.row[label.v]; i < wa.row[label.v + 1]; ++i) {
      const WeightedEntry& e = wa.entries[i];
      const double d = label.d + e.weight;
      if (d >= upper) break;
      Mark& mark = marks[e.target];
      if (label.hops + 1 >= mark.settled_hops) continue;
      if (mark.queued <= d && mark.queued_hops <= label.hops + 1) continue;
      if constexpr (kFiltered) {
        if (!filter.EntryOk(e.prop, false) || bans.Rel(e.prop >> 1)) continue;
        const VertexIndex x = wa.vertex[e.target];
        if (!filter.VertexOk(x) || bans.Vertex(x)) continue;
      }
      const double f = d + bound(e.target);
      if (f >= upper) continue;
      if (e.target == rt) upper = d;
      if (mark.queued == kInf && mark.settled_hops == UINT32_MAX) touched.push_back(e.target);
      if (d < mark.queued) {
        mark.queued = d;
        mark.queued_hops = label.hops + 1;
      }
      labels.push_back(Label{d, e.target, label.hops + 1, li, e.prop >> 1});
      queue.push({f, static_cast<uint32_t>(labels.size() - 1)});
    }
  }
  if (found == UINT32_MAX) return false;
  std::vector<VertexIndex> walk;
  std::vector<RelIndex> rels;
  for (uint32_t li = found; li != UINT32_MAX; li = labels[li].parent) {
    walk.push_back(wa.vertex[labels[li].v]);
    if (labels[li].parent != UINT32_MAX) rels.push_back(labels[li].rel);
  }
  std::reverse(walk.begin(), walk.end());
  std::reverse(rels.begin(), rels.end());
  CutLoops(g, walk, rels, out);
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
  const bool plain =
      filter.trivial() && !filter.directed() && bans.rels.empty() && bans.vertex.empty();
  bool found;
  if (unit || g.weighted() == nullptr) {
    found = plain ? BidirectionalDijkstra<false>(g, s, t, filter, bans, out)
                  : BidirectionalDijkstra<true>(g, s, t, filter, bans, out);
  } else {
    // Unfiltered searches start from the hub bound once a snapshot has served a few of them
    // (building the trees costs about as much as a few searches).
    constexpr uint32_t kHubTreesAfter = 3;
    const HubTrees* hubs =
        plain && g.CountWeightedSearch() > kHubTreesAfter ? &g.hub_trees() : nullptr;
    found = plain ? LazyBidirectionalDijkstra<false>(g, s, t, filter, bans, hubs, out)
                  : LazyBidirectionalDijkstra<true>(g, s, t, filter, bans, nullptr, out);
  }
  if (!found) return false;
  if (out->rels.size() <= hop_limit) {
    if (!unit && g.weighted() != nullptr) {
      if (plain) {
        CanonicalCheapest<false>(g, s, t, filter, bans, out);
      } else {
        CanonicalCheapest<true>(g, s, t, filter, bans, out);
      }
    }
    return out->rels.size() <= hop_limit;
  }
  // With unit costs the path found has the fewest relationships: none fits the bound.
  if (unit || g.weighted() == nullptr) return false;
  return plain ? HopBoundedAStar<false>(g, s, t, filter, bans, hop_limit, out)
               : HopBoundedAStar<true>(g, s, t, filter, bans, hop_limit, out);
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
  if (!Search(g, s, t, filter, none, unit_cost, filter.max_hops(), out)) return false;
  // Unit costs: the fewest-hop tie-break the unweighted searches share.
  if (unit_cost || g.weighted() == nullptr)
    CanonicalShortestPath(g, s, t, filter, static_cast<uint32_t>(out->hops()), out);
  return true;
}

Status KShortestPaths(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                      const CompiledFilter& filter, uint32_t k, bool unit_cost,
                      std::vector<GraphPath>* out, const std::function<Status()>& check) {
  out->clear();
  GraphPath first;
  Bans bans;
  if (!Search(g, s, t, filter, bans, unit_cost, filter.max_hops(), &first)) return Status::OK();
  // Unweighted, the first path is the one `path` and `--all` put first too.
  if (unit_cost)
    CanonicalShortestPath(g, s, t, filter, static_cast<uint32_t>(first.hops()), &first);
  out->push_back(std::move(first));
  if (s == t) return Status::OK();
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
      // One spur search is the unit of work a deadline can interrupt (k * hops of them).
      if (check) PG_RETURN_IF_ERROR(check());
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
  return Status::OK();
}

}  // namespace pactgraph::graph

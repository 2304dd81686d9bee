// engine/graph/paths_bfs.cpp — unweighted searches on the snapshot: the searches of
// bfs_search.h over the CSR rows, and FindPaths, which dispatches every snapshot search.
//
// Scratch arrays live in a thread-local workspace stamped with an epoch, so a query touches
// only the vertices it reaches instead of clearing O(n) memory each time.
#include <algorithm>
#include <cstring>
#include <limits>

#include "engine/graph/bfs_search.h"
#include "engine/graph/paths.h"

namespace pactgraph::graph {

namespace {

struct Side {
  std::vector<uint32_t> seen;  // epoch at which the vertex was reached
  std::vector<uint32_t> dist;
  std::vector<VertexIndex> parent;
  std::vector<RelIndex> parent_rel;
};

struct Workspace {
  Side side[2];
  std::vector<uint32_t> on_path;  // CanonicalShortestPath: epoch at which v was found on a path
  uint32_t epoch = 0;

  uint32_t Begin(uint32_t n) {
    if (side[0].seen.size() < n || ++epoch == 0) {
      for (Side& s : side) {
        s.seen.assign(n, 0);
        s.dist.resize(n);
        s.parent.resize(n);
        s.parent_rel.resize(n);
      }
      on_path.assign(n, 0);
      epoch = 1;
    }
    return epoch;
  }
};

Workspace& LocalWorkspace() {
  thread_local Workspace ws;
  return ws;
}

// The snapshot as a bfs:: graph: adjacency rows filtered by a CompiledFilter.
class CsrGraph {
 public:
  using Vertex = VertexIndex;
  using Edge = RelIndex;

  CsrGraph(const GraphSnapshot& g, const CompiledFilter& f)
      : row_(g.row_start()), col_(g.column()), prop_(g.entry_prop()), filter_(f) {}

  template <class Fn>
  Status ForEachStep(VertexIndex u, int side, Fn&& fn) {
    for (uint32_t i = row_[u], e = row_[u + 1]; i < e; ++i) {
      if (filter_.EntryOk(prop_[i], side == 1)) fn(col_[i], prop_[i] >> 1);
    }
    return Status::OK();
  }
  // EntryOk already ran in ForEachStep (it is cheaper than the search's own bookkeeping).
  bool StepOk(VertexIndex, VertexIndex, RelIndex, int) const { return true; }
  bool VertexOk(VertexIndex w) const { return filter_.VertexOk(w); }
  Status Check() const { return Status::OK(); }

 private:
  const uint32_t* row_;
  const uint32_t* col_;
  const uint32_t* prop_;
  const CompiledFilter& filter_;
};

// Per-side search state in the thread-local epoch arrays: touching a vertex is O(1) and a new
// search clears nothing.
class EpochMarks {
 public:
  EpochMarks(Workspace& ws, uint32_t n) : ws_(ws), epoch_(ws.Begin(n)) {}
  void Clear() {}
  bool Seen(int side, VertexIndex v) const { return ws_.side[side].seen[v] == epoch_; }
  uint32_t Depth(int side, VertexIndex v) const { return ws_.side[side].dist[v]; }
  void Mark(int side, VertexIndex v, uint32_t depth, VertexIndex parent, RelIndex rel) {
    Side& s = ws_.side[side];
    s.seen[v] = epoch_;
    s.dist[v] = depth;
    s.parent[v] = parent;
    s.parent_rel[v] = rel;
  }
  VertexIndex Parent(int side, VertexIndex v) const { return ws_.side[side].parent[v]; }
  RelIndex ParentEdge(int side, VertexIndex v) const { return ws_.side[side].parent_rel[v]; }

 private:
  Workspace& ws_;
  uint32_t epoch_;
};

GraphPath ToGraphPath(bfs::SearchPath<VertexIndex, RelIndex>&& p) {
  GraphPath out;
  out.vertices = std::move(p.vertices);
  out.rels = std::move(p.edges);
  out.cost = static_cast<double>(out.rels.size());
  return out;
}

}  // namespace

// Two half searches, as the bidirectional BFS does, instead of one search from the target over
// (on heavy-tailed graphs) most of the graph: distances from s up to a = ceil(hops / 2) and to t
// up to b = hops - a. A vertex lies on a shortest path when ds + dt = hops: at depth a that is
// read off both sides; below it, a vertex is on a path when one of its allowed steps reaches an
// on-path vertex one level further. The walk from s then takes, at every step, the least
// relationship to an on-path vertex one step nearer to t.
bool CanonicalShortestPath(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                           const CompiledFilter& filter, uint32_t hops, GraphPath* out) {
  if (s == t || hops == 0 || !filter.VertexOk(s)) return false;
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  Workspace& ws = LocalWorkspace();
  const uint32_t epoch = ws.Begin(g.num_vertices());
  Side& fwd = ws.side[0];
  Side& bwd = ws.side[1];
  auto ok = [&](VertexIndex v) { return v == t || filter.VertexOk(v); };
  const uint32_t a = (hops + 1) / 2, b = hops - a;
  // levels[k]: the vertices at distance k from s (k <= a).
  std::vector<std::vector<VertexIndex>> levels(a + 1);
  levels[0].push_back(s);
  fwd.seen[s] = epoch;
  fwd.dist[s] = 0;
  for (uint32_t d = 1; d <= a && !levels[d - 1].empty(); ++d) {
    for (VertexIndex u : levels[d - 1]) {
      for (uint32_t i = row[u], e = row[u + 1]; i < e; ++i) {
        const VertexIndex v = col[i];
        if (fwd.seen[v] == epoch || !filter.EntryOk(prop[i], false) || !ok(v)) continue;
        fwd.seen[v] = epoch;
        fwd.dist[v] = d;
        levels[d].push_back(v);
      }
    }
  }
  std::vector<VertexIndex> level{t}, next;
  bwd.seen[t] = epoch;
  bwd.dist[t] = 0;
  for (uint32_t d = 1; d <= b && !level.empty(); ++d) {
    next.clear();
    for (VertexIndex u : level) {
      for (uint32_t i = row[u], e = row[u + 1]; i < e; ++i) {
        const VertexIndex v = col[i];
        if (bwd.seen[v] == epoch || !filter.EntryOk(prop[i], true) || !ok(v)) continue;
        bwd.seen[v] = epoch;
        bwd.dist[v] = d;
        next.push_back(v);
      }
    }
    level.swap(next);
  }
  // on_path[v] == epoch: v is on a shortest path (only set for vertices of levels[0..a]).
  auto on = [&](VertexIndex v) { return ws.on_path[v] == epoch; };
  bool any = false;
  for (VertexIndex v : levels[a]) {
    if (bwd.seen[v] == epoch && bwd.dist[v] == b) {
      ws.on_path[v] = epoch;
      any = true;
    }
  }
  if (!any) return false;
  for (uint32_t k = a; k-- > 0;) {
    for (VertexIndex u : levels[k]) {
      for (uint32_t i = row[u], e = row[u + 1]; i < e; ++i) {
        const VertexIndex v = col[i];
        if (fwd.seen[v] == epoch && fwd.dist[v] == k + 1 && on(v) &&
            filter.EntryOk(prop[i], false)) {
          ws.on_path[u] = epoch;
          break;
        }
      }
    }
  }
  // The next vertex of a shortest path from u, which is at distance k from s.
  auto step_ok = [&](VertexIndex v, uint32_t k) {
    if (k + 1 <= a) return fwd.seen[v] == epoch && fwd.dist[v] == k + 1 && on(v);
    return bwd.seen[v] == epoch && bwd.dist[v] == hops - k - 1;
  };
  GraphPath p;
  p.vertices.push_back(s);
  uint32_t k = 0;
  for (VertexIndex u = s; u != t; ++k) {
    RelIndex best = std::numeric_limits<RelIndex>::max();
    VertexIndex best_v = kNoVertex;
    for (uint32_t i = row[u], e = row[u + 1]; i < e; ++i) {
      const VertexIndex v = col[i];
      const RelIndex r = prop[i] >> 1;
      if (r >= best || !step_ok(v, k) || !filter.EntryOk(prop[i], false)) continue;
      best = r;
      best_v = v;
    }
    if (best_v == kNoVertex || k >= hops) return false;
    p.rels.push_back(best);
    p.vertices.push_back(best_v);
    u = best_v;
  }
  p.cost = static_cast<double>(p.rels.size());
  *out = std::move(p);
  return true;
}

bool ShortestPath(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                  const CompiledFilter& filter, GraphPath* out) {
  CsrGraph graph(g, filter);
  EpochMarks marks(LocalWorkspace(), g.num_vertices());
  bfs::SearchPath<VertexIndex, RelIndex> p;
  Result<bool> found = bfs::BidirectionalShortest(graph, marks, s, t, filter.max_hops(), &p);
  if (!found.ok() || !*found) return false;  // the snapshot's graph never fails
  *out = ToGraphPath(std::move(p));
  return true;
}

bool AllShortestPaths(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                      const CompiledFilter& filter, size_t limit, std::vector<GraphPath>* out) {
  CsrGraph graph(g, filter);
  EpochMarks marks(LocalWorkspace(), g.num_vertices());
  std::vector<bfs::SearchPath<VertexIndex, RelIndex>> found;
  bool complete = true;
  out->clear();
  if (!bfs::AllShortest(graph, marks, s, t, filter.max_hops(), limit, &found, &complete).ok()) {
    return true;
  }
  out->reserve(found.size());
  for (auto& p : found) out->push_back(ToGraphPath(std::move(p)));
  return complete;
}

Status FindPaths(const GraphSnapshot& g, VertexIndex s, VertexIndex t, const PathOptions& query,
                 std::vector<GraphPath>* out, bool* truncated) {
  out->clear();
  if (truncated) *truncated = false;
  if (s >= g.num_vertices() || t >= g.num_vertices()) {
    return Status::InvalidArgument("path endpoint is not a vertex of the graph");
  }
  PG_ASSIGN_OR_RETURN(CompiledFilter filter, CompiledFilter::Compile(g, query.filter, s, t));
  const bool weighted = query.mode == PathMode::kWeighted ||
                        (query.mode == PathMode::kKShortest && !query.weight.empty());
  if (weighted && g.has_negative_weight()) {
    return Status::InvalidArgument("relationship costs ('" + g.options().weight +
                                   "') include negative or NaN values");
  }
  if (query.check) PG_RETURN_IF_ERROR(query.check());
  GraphPath p;
  switch (query.mode) {
    case PathMode::kShortest:
      if (ShortestPath(g, s, t, filter, &p)) {
        CanonicalShortestPath(g, s, t, filter, static_cast<uint32_t>(p.hops()), &p);
        out->push_back(std::move(p));
      }
      break;
    case PathMode::kAllShortest: {
      bool complete = AllShortestPaths(g, s, t, filter, query.limit, out);
      if (truncated) *truncated = !complete;
      // In relationship order, so the first is the path kShortest gives (also when cut short).
      std::sort(out->begin(), out->end(),
                [](const GraphPath& a, const GraphPath& b) { return a.rels < b.rels; });
      if (!complete && !out->empty() &&
          CanonicalShortestPath(g, s, t, filter, static_cast<uint32_t>(out->front().hops()), &p) &&
          !(p == out->front())) {
        out->pop_back();
        out->insert(out->begin(), std::move(p));
      }
      break;
    }
    case PathMode::kWeighted:
      if (WeightedShortestPath(g, s, t, filter, false, &p)) out->push_back(std::move(p));
      break;
    case PathMode::kKShortest:
      if (query.k == 0) return Status::InvalidArgument("k must be at least 1");
      return KShortestPaths(g, s, t, filter, query.k, query.weight.empty(), out, query.check);
  }
  return Status::OK();
}

}  // namespace pactgraph::graph

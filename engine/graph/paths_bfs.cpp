// engine/graph/paths_bfs.cpp — unweighted searches: bidirectional BFS and all shortest paths.
//
// Scratch arrays live in a thread-local workspace stamped with an epoch, so a query touches
// only the vertices it reaches instead of clearing O(n) memory each time.
#include <algorithm>
#include <cstring>

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
  uint32_t epoch = 0;

  uint32_t Begin(uint32_t n) {
    if (side[0].seen.size() < n || ++epoch == 0) {
      for (Side& s : side) {
        s.seen.assign(n, 0);
        s.dist.resize(n);
        s.parent.resize(n);
        s.parent_rel.resize(n);
      }
      epoch = 1;
    }
    return epoch;
  }
};

Workspace& LocalWorkspace() {
  thread_local Workspace ws;
  return ws;
}

GraphPath SingleVertex(VertexIndex v) {
  GraphPath p;
  p.vertices.push_back(v);
  return p;
}

}  // namespace

bool ShortestPath(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                  const CompiledFilter& filter, GraphPath* out) {
  if (s == t) {
    *out = SingleVertex(s);
    return true;
  }
  Workspace& ws = LocalWorkspace();
  const uint32_t epoch = ws.Begin(g.num_vertices());
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  std::vector<VertexIndex> frontier[2] = {{s}, {t}}, next;
  uint32_t depth[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    VertexIndex v = i == 0 ? s : t;
    ws.side[i].seen[v] = epoch;
    ws.side[i].dist[v] = 0;
  }
  uint32_t best = UINT32_MAX;
  VertexIndex meet_a = kNoVertex, meet_b = kNoVertex;  // meet_a on side `meet_side`
  RelIndex meet_rel = 0;
  int meet_side = 0;
  while (!frontier[0].empty() && !frontier[1].empty() && depth[0] + depth[1] < filter.max_hops()) {
    const int k = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    Side& me = ws.side[k];
    Side& other = ws.side[1 - k];
    next.clear();
    for (VertexIndex u : frontier[k]) {
      for (uint32_t i = row[u], e = row[u + 1]; i < e; ++i) {
        if (!filter.EntryOk(prop[i], k == 1)) continue;
        const VertexIndex w = col[i];
        if (other.seen[w] == epoch) {
          uint32_t len = depth[k] + 1 + other.dist[w];
          if (len < best) {
            best = len;
            meet_a = u;
            meet_b = w;
            meet_rel = prop[i] >> 1;
            meet_side = k;
          }
          continue;
        }
        if (me.seen[w] == epoch || !filter.VertexOk(w)) continue;
        me.seen[w] = epoch;
        me.dist[w] = depth[k] + 1;
        me.parent[w] = u;
        me.parent_rel[w] = prop[i] >> 1;
        next.push_back(w);
      }
    }
    ++depth[k];
    frontier[k].swap(next);
    if (best != UINT32_MAX) break;
  }
  if (best == UINT32_MAX) return false;
  // Side 0 holds the half from s, side 1 the half to t.
  VertexIndex from_s = meet_side == 0 ? meet_a : meet_b;
  VertexIndex to_t = meet_side == 0 ? meet_b : meet_a;
  out->vertices.clear();
  out->rels.clear();
  for (VertexIndex v = from_s; v != s; v = ws.side[0].parent[v]) {
    out->vertices.push_back(v);
    out->rels.push_back(ws.side[0].parent_rel[v]);
  }
  out->vertices.push_back(s);
  std::reverse(out->vertices.begin(), out->vertices.end());
  std::reverse(out->rels.begin(), out->rels.end());
  out->rels.push_back(meet_rel);
  for (VertexIndex v = to_t; v != t; v = ws.side[1].parent[v]) {
    out->vertices.push_back(v);
    out->rels.push_back(ws.side[1].parent_rel[v]);
  }
  out->vertices.push_back(t);
  out->cost = static_cast<double>(out->rels.size());
  return true;
}

bool AllShortestPaths(const GraphSnapshot& g, VertexIndex s, VertexIndex t,
                      const CompiledFilter& filter, size_t limit, std::vector<GraphPath>* out) {
  out->clear();
  if (s == t) {
    out->push_back(SingleVertex(s));
    return true;
  }
  Workspace& ws = LocalWorkspace();
  const uint32_t epoch = ws.Begin(g.num_vertices());
  Side& fw = ws.side[0];
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  // Layered BFS from s, stopping after the layer that reaches t.
  std::vector<VertexIndex> frontier{s}, next;
  fw.seen[s] = epoch;
  fw.dist[s] = 0;
  uint32_t depth = 0;
  bool reached = false;
  while (!frontier.empty() && !reached && depth < filter.max_hops()) {
    next.clear();
    for (VertexIndex u : frontier) {
      for (uint32_t i = row[u], e = row[u + 1]; i < e; ++i) {
        const VertexIndex w = col[i];
        if (fw.seen[w] == epoch || !filter.EntryOk(prop[i], false) || !filter.VertexOk(w)) {
          continue;
        }
        fw.seen[w] = epoch;
        fw.dist[w] = depth + 1;
        reached |= w == t;
        next.push_back(w);
      }
    }
    ++depth;
    frontier.swap(next);
  }
  if (!reached) return true;
  // Walk back from t: a step u -> v is on a shortest path when dist[u] == dist[v] - 1.
  struct Frame {
    VertexIndex v;
    uint32_t next_entry;
  };
  std::vector<Frame> stack{{t, row[t]}};
  std::vector<RelIndex> rels;  // rels[j] enters stack[j].v backwards (from stack[j + 1].v)
  bool complete = true;
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.v == s) {
      GraphPath p;
      for (auto it = stack.rbegin(); it != stack.rend(); ++it) p.vertices.push_back(it->v);
      p.rels.assign(rels.rbegin(), rels.rend());
      p.cost = static_cast<double>(p.rels.size());
      if (out->size() == limit) {
        complete = false;
        break;
      }
      out->push_back(std::move(p));
      stack.pop_back();
      if (!rels.empty()) rels.pop_back();
      continue;
    }
    bool pushed = false;
    while (f.next_entry < row[f.v + 1]) {
      uint32_t i = f.next_entry++;
      VertexIndex u = col[i];
      if (fw.seen[u] != epoch || fw.dist[u] + 1 != fw.dist[f.v]) continue;
      if (!filter.EntryOk(prop[i], true)) continue;
      rels.push_back(prop[i] >> 1);
      stack.push_back({u, row[u]});
      pushed = true;
      break;
    }
    if (!pushed) {
      stack.pop_back();
      if (!rels.empty()) rels.pop_back();
    }
  }
  std::sort(out->begin(), out->end(), [&](const GraphPath& a, const GraphPath& b) {
    if (a.vertices != b.vertices) return a.vertices < b.vertices;
    return a.rels < b.rels;
  });
  return complete;
}

Status FindPaths(const GraphSnapshot& g, VertexIndex s, VertexIndex t, const PathQuery& query,
                 std::vector<GraphPath>* out, bool* truncated) {
  out->clear();
  if (truncated) *truncated = false;
  if (s >= g.num_vertices() || t >= g.num_vertices()) {
    return Status::InvalidArgument("path endpoint is not a vertex of the graph");
  }
  PG_ASSIGN_OR_RETURN(CompiledFilter filter, CompiledFilter::Compile(g, query.filter, s, t));
  const bool weighted =
      query.mode == PathMode::kWeighted || (query.mode == PathMode::kKShortest && query.weighted);
  if (weighted && g.has_negative_weight()) {
    return Status::InvalidArgument("relationship costs ('" + g.options().weight +
                                   "') include negative or NaN values");
  }
  GraphPath p;
  switch (query.mode) {
    case PathMode::kShortest:
      if (ShortestPath(g, s, t, filter, &p)) out->push_back(std::move(p));
      break;
    case PathMode::kAllShortest: {
      bool complete = AllShortestPaths(g, s, t, filter, query.limit, out);
      if (truncated) *truncated = !complete;
      break;
    }
    case PathMode::kWeighted:
      if (WeightedShortestPath(g, s, t, filter, false, &p)) out->push_back(std::move(p));
      break;
    case PathMode::kKShortest:
      if (query.k == 0) return Status::InvalidArgument("k must be at least 1");
      KShortestPaths(g, s, t, filter, query.k, !query.weighted, out);
      break;
  }
  return Status::OK();
}

}  // namespace pactgraph::graph

// engine/graph/bfs_search.h — the breadth-first searches behind every unweighted path question
// (internal header).
//
// Two searches, written once against a small graph concept so that the same code runs on the
// in-memory snapshot (paths_bfs.cpp: `pactgraph path`, CALL algo.shortestPath, the public
// FindPaths) and on a query's own reader (graph_path_finder.cpp: Cypher's shortestPath() and
// allShortestPaths(), which must see the query's uncommitted writes and apply its WHERE
// predicates while the search runs):
//
//   BidirectionalShortest  one path with the fewest hops: two frontiers grow level by level,
//                          always the smaller one, until they meet; the level that meets is
//                          finished so the meeting is the shortest. Touches roughly the square
//                          root of what a one-sided search reaches.
//   AllShortest            every path with the fewest hops: a layered search from the source
//                          that stops after the layer reaching the target, then a walk back
//                          from the target through steps one layer shallower.
//
// The concept. A `Graph` provides
//   using Vertex = …;  using Edge = …;    // what a path records per vertex and per hop
//   template <class Fn> Status ForEachStep(Vertex u, int side, Fn&& fn);
//       calls fn(Vertex w, const Edge& e) for each step leaving u: side 0 walks forward (from
//       the source, in the allowed direction), side 1 backward (from the target, against it);
//   Result<bool> StepOk(Vertex from, Vertex to, const Edge& e, int side);   // edge filter
//   Result<bool> VertexOk(Vertex w);   // filter for inner vertices (never asked of endpoints)
//   Status Check();                    // limits and cancellation, once per expanded vertex
// and a `Marks` type holding per-side search state: Clear(), Seen(side, v), Depth(side, v),
// Mark(side, v, depth, parent, edge), Parent(side, v), ParentEdge(side, v). The filters are
// asked lazily, after the cheap "seen" test, so costly predicates run once per new vertex.
// Both searches stop at `max_hops` and report paths as vertex and edge sequences.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "pactgraph/status.h"

namespace pactgraph::graph::bfs {

template <class V, class E>
struct SearchPath {
  std::vector<V> vertices;  // vertices.size() == edges.size() + 1
  std::vector<E> edges;
  bool operator<(const SearchPath& o) const {
    if (vertices != o.vertices) return vertices < o.vertices;
    return edges < o.edges;
  }
};

// A filter's answer, bool or Result<bool> as the graph returns it: true to accept. An error is
// kept in *error (the first one) and rejects. Plain bools cost nothing.
template <class R>
bool Accept(R&& answer, Status* error) {
  if constexpr (std::is_same_v<std::decay_t<R>, bool>) {
    return answer;
  } else {
    if (!answer.ok()) {
      if (error->ok()) *error = answer.status();
      return false;
    }
    return *answer;
  }
}

template <class Graph, class Marks>
Result<bool> BidirectionalShortest(
    Graph& g, Marks& marks, typename Graph::Vertex s, typename Graph::Vertex t, uint32_t max_hops,
    SearchPath<typename Graph::Vertex, typename Graph::Edge>* out) {
  using V = typename Graph::Vertex;
  using E = typename Graph::Edge;
  marks.Clear();
  out->vertices.clear();
  out->edges.clear();
  if (s == t) {
    out->vertices.push_back(s);
    return true;
  }
  std::vector<V> frontier[2] = {{s}, {t}}, next;
  uint32_t depth[2] = {0, 0};
  marks.Mark(0, s, 0, s, E());
  marks.Mark(1, t, 0, t, E());
  bool met = false;
  uint32_t best = UINT32_MAX;
  V meet_from{}, meet_to{};  // the meeting step, oriented from the source's side
  E meet_edge{};
  while (!met && !frontier[0].empty() && !frontier[1].empty() &&
         depth[0] + depth[1] < max_hops) {
    const int k = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    next.clear();
    for (const V& u : frontier[k]) {
      PG_RETURN_IF_ERROR(g.Check());
      Status inner;
      PG_RETURN_IF_ERROR(g.ForEachStep(u, k, [&](const V& w, const E& e) {
        if (!inner.ok() || marks.Seen(k, w) || !Accept(g.StepOk(u, w, e, k), &inner)) return;
        if (marks.Seen(1 - k, w)) {
          const uint32_t len = depth[k] + 1 + marks.Depth(1 - k, w);
          if (len < best) {
            best = len;
            met = true;
            meet_from = k == 0 ? u : w;
            meet_to = k == 0 ? w : u;
            meet_edge = e;
          }
          return;
        }
        if (!Accept(g.VertexOk(w), &inner)) return;
        marks.Mark(k, w, depth[k] + 1, u, e);
        next.push_back(w);
      }));
      PG_RETURN_IF_ERROR(inner);
    }
    ++depth[k];
    frontier[k].swap(next);
  }
  if (!met) return false;
  for (V v = meet_from; !(v == s); v = marks.Parent(0, v)) {
    out->vertices.push_back(v);
    out->edges.push_back(marks.ParentEdge(0, v));
  }
  out->vertices.push_back(s);
  std::reverse(out->vertices.begin(), out->vertices.end());
  std::reverse(out->edges.begin(), out->edges.end());
  out->edges.push_back(meet_edge);
  for (V v = meet_to; !(v == t); v = marks.Parent(1, v)) {
    out->vertices.push_back(v);
    out->edges.push_back(marks.ParentEdge(1, v));
  }
  out->vertices.push_back(t);
  return true;
}

// Fills `out` with every shortest path (sorted by vertex, then edge sequence), at most `limit`
// of them; *complete is false when there were more.
template <class Graph, class Marks>
Status AllShortest(Graph& g, Marks& marks, typename Graph::Vertex s, typename Graph::Vertex t,
                   uint32_t max_hops, size_t limit,
                   std::vector<SearchPath<typename Graph::Vertex, typename Graph::Edge>>* out,
                   bool* complete) {
  using V = typename Graph::Vertex;
  using E = typename Graph::Edge;
  marks.Clear();
  out->clear();
  *complete = true;
  if (s == t) {
    out->push_back({{s}, {}});
    return Status::OK();
  }
  // Layered search from s, stopping after the layer that reaches t.
  std::vector<V> frontier{s}, next;
  marks.Mark(0, s, 0, s, E());
  uint32_t depth = 0;
  bool reached = false;
  while (!frontier.empty() && !reached && depth < max_hops) {
    next.clear();
    for (const V& u : frontier) {
      PG_RETURN_IF_ERROR(g.Check());
      Status inner;
      PG_RETURN_IF_ERROR(g.ForEachStep(u, 0, [&](const V& w, const E& e) {
        if (!inner.ok() || marks.Seen(0, w) || !Accept(g.StepOk(u, w, e, 0), &inner)) return;
        if (!(w == t) && !Accept(g.VertexOk(w), &inner)) return;
        marks.Mark(0, w, depth + 1, u, e);
        reached = reached || w == t;
        next.push_back(w);
      }));
      PG_RETURN_IF_ERROR(inner);
    }
    ++depth;
    frontier.swap(next);
  }
  if (!reached) return Status::OK();
  // Walk back from t: a step v <- u is on a shortest path when depth(u) + 1 == depth(v). The
  // steps into each vertex are read once and kept while the walk needs them.
  std::unordered_map<V, std::vector<std::pair<V, E>>> preds;
  using Preds = std::vector<std::pair<V, E>>;
  auto preds_of = [&](const V& v) -> Result<const Preds*> {
    auto it = preds.find(v);
    if (it != preds.end()) return &it->second;
    std::vector<std::pair<V, E>> list;
    Status inner;
    const uint32_t want = marks.Depth(0, v) - 1;
    PG_RETURN_IF_ERROR(g.ForEachStep(v, 1, [&](const V& u, const E& e) {
      if (!inner.ok() || !marks.Seen(0, u) || marks.Depth(0, u) != want) return;
      if (Accept(g.StepOk(v, u, e, 1), &inner)) list.push_back({u, e});
    }));
    PG_RETURN_IF_ERROR(inner);
    return &preds.emplace(v, std::move(list)).first->second;
  };
  struct Frame {
    V v;
    size_t next = 0;
  };
  std::vector<Frame> stack{Frame{t}};
  std::vector<E> edges;  // edges[j] enters stack[j].v from stack[j + 1].v
  while (!stack.empty()) {
    if (stack.back().v == s) {
      if (out->size() == limit) {
        *complete = false;
        break;
      }
      SearchPath<V, E> p;
      for (auto it = stack.rbegin(); it != stack.rend(); ++it) p.vertices.push_back(it->v);
      p.edges.assign(edges.rbegin(), edges.rend());
      out->push_back(std::move(p));
      stack.pop_back();
      if (!edges.empty()) edges.pop_back();
      PG_RETURN_IF_ERROR(g.Check());
      continue;
    }
    PG_ASSIGN_OR_RETURN(const Preds* list, preds_of(stack.back().v));
    Frame& f = stack.back();
    if (f.next == list->size()) {
      stack.pop_back();
      if (!edges.empty()) edges.pop_back();
      continue;
    }
    const auto& [u, e] = (*list)[f.next++];
    edges.push_back(e);
    stack.push_back(Frame{u});
  }
  std::sort(out->begin(), out->end());
  return Status::OK();
}

}  // namespace pactgraph::graph::bfs

// engine/graph/algorithms.cpp — degree, components, k-core and the algorithm dispatcher.
#include "engine/graph/algorithms.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/core_numbers.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <limits>

#include "engine/graph/csr.h"
#include "engine/graph/snapshot_cache.h"
#include "pactgraph/algorithms.h"

namespace pactgraph::graph {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

void GroupValues(const GraphSnapshot& g, const CompiledFilter& f, const std::vector<uint32_t>& rep,
                 AlgoResult* out) {
  const uint32_t n = g.num_vertices();
  std::vector<NodeId> smallest(n, std::numeric_limits<NodeId>::max());
  for (VertexIndex v = 0; v < n; ++v) {
    if (f.VertexOk(v)) smallest[rep[v]] = std::min(smallest[rep[v]], g.node_id(v));
  }
  out->values.assign(n, kNaN);
  out->groups = 0;
  for (VertexIndex v = 0; v < n; ++v) {
    if (!f.VertexOk(v)) continue;
    out->values[v] = static_cast<double>(smallest[rep[v]]);
    if (g.node_id(v) == smallest[rep[v]]) ++out->groups;
  }
}

namespace {

struct ForwardPred {
  const GraphSnapshot* g = nullptr;
  const CompiledFilter* f = nullptr;
  bool operator()(const CsrEdge& e) const {
    uint32_t p = g->entry_prop()[e.idx];
    return !EntryReverse(p) && f->RelOk(EntryRel(p)) && f->VertexOk(g->column()[e.idx]);
  }
};

struct IncludedPred {
  const CompiledFilter* f = nullptr;
  bool operator()(uint32_t v) const { return f->VertexOk(v); }
};

}  // namespace

void Degree(const GraphSnapshot& g, const CompiledFilter& f, std::string_view direction,
            AlgoResult* out) {
  const uint32_t n = g.num_vertices();
  const bool want_out = direction != "in", want_in = direction != "out";
  out->values.assign(n, kNaN);
  for (VertexIndex v = 0; v < n; ++v) {
    if (!f.VertexOk(v)) continue;
    uint64_t d = 0;
    for (uint32_t i = g.row_start()[v]; i < g.row_start()[v + 1]; ++i) {
      uint32_t p = g.entry_prop()[i];
      bool rev = EntryReverse(p);
      if ((rev ? want_in : want_out) && f.RelOk(EntryRel(p)) && f.VertexOk(g.column()[i])) ++d;
    }
    out->values[v] = static_cast<double>(d);
  }
}

void WeaklyConnectedComponents(const GraphSnapshot& g, const CompiledFilter& f, AlgoResult* out) {
  const uint32_t n = g.num_vertices();
  std::vector<uint32_t> rank(n, 0), parent(n);
  boost::typed_identity_property_map<uint32_t> id;
  auto rank_map = boost::make_iterator_property_map(rank.begin(), id);
  auto parent_map = boost::make_iterator_property_map(parent.begin(), id);
  boost::disjoint_sets<decltype(rank_map), decltype(parent_map)> sets(rank_map, parent_map);
  for (VertexIndex v = 0; v < n; ++v) sets.make_set(v);
  for (RelIndex r = 0; r < g.num_rels(); ++r) {
    VertexIndex a = g.rel_start(r), b = g.rel_end(r);
    if (f.RelOk(r) && f.VertexOk(a) && f.VertexOk(b)) sets.union_set(a, b);
  }
  std::vector<uint32_t> rep(n);
  for (VertexIndex v = 0; v < n; ++v) rep[v] = sets.find_set(v);
  GroupValues(g, f, rep, out);
}

void StronglyConnectedComponents(const GraphSnapshot& g, const CompiledFilter& f, AlgoResult* out) {
  boost::filtered_graph<Csr, ForwardPred, IncludedPred> fg(g.csr().g, ForwardPred{&g, &f},
                                                           IncludedPred{&f});
  const uint32_t n = g.num_vertices();
  std::vector<uint32_t> comp(n, 0);
  boost::strong_components(
      fg, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, fg)));
  // Component numbers are dense; map each to a representative vertex.
  std::vector<uint32_t> first(n, kNoVertex), rep(n, 0);
  for (VertexIndex v = 0; v < n; ++v) {
    if (!f.VertexOk(v)) continue;
    if (first[comp[v]] == kNoVertex) first[comp[v]] = v;
    rep[v] = first[comp[v]];
  }
  GroupValues(g, f, rep, out);
}

void KCore(const GraphSnapshot& g, const CompiledFilter& f, AlgoResult* out) {
  const uint32_t n = g.num_vertices();
  // The simple undirected graph: distinct neighbours, no self-loops, both directions.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (VertexIndex v = 0; v < n; ++v) {
    if (!f.VertexOk(v)) continue;
    size_t begin = pairs.size();
    for (uint32_t i = g.row_start()[v]; i < g.row_start()[v + 1]; ++i) {
      VertexIndex w = g.column()[i];
      if (w != v && f.RelOk(EntryRel(g.entry_prop()[i])) && f.VertexOk(w)) pairs.emplace_back(v, w);
    }
    std::sort(pairs.begin() + begin, pairs.end());
    pairs.erase(std::unique(pairs.begin() + begin, pairs.end()), pairs.end());
  }
  boost::compressed_sparse_row_graph<boost::directedS> simple(boost::edges_are_sorted,
                                                              pairs.begin(), pairs.end(), n);
  std::vector<uint32_t> core(n, 0);
  boost::core_numbers(simple, boost::make_iterator_property_map(
                                  core.begin(), boost::get(boost::vertex_index, simple)));
  out->values.assign(n, kNaN);
  out->groups = 0;
  for (VertexIndex v = 0; v < n; ++v) {
    if (!f.VertexOk(v)) continue;
    out->values[v] = core[v];
    out->groups = std::max<uint64_t>(out->groups, core[v]);
  }
}

Status RunAlgorithm(const GraphSnapshot& g, std::string_view name, const AlgorithmOptions& options,
                    AlgoResult* out) {
  *out = AlgoResult();
  PG_ASSIGN_OR_RETURN(CompiledFilter f, CompiledFilter::Compile(g, options.filter));
  if (name == "degree") {
    if (options.direction != "out" && options.direction != "in" && options.direction != "both") {
      return Status::InvalidArgument("direction must be out, in or both, not '" +
                                     options.direction + "'");
    }
    Degree(g, f, options.direction, out);
  } else if (name == "wcc") {
    WeaklyConnectedComponents(g, f, out);
  } else if (name == "scc") {
    StronglyConnectedComponents(g, f, out);
  } else if (name == "pagerank") {
    if (!(options.damping >= 0 && options.damping < 1)) {
      return Status::InvalidArgument("damping must be in [0, 1)");
    }
    PageRank(g, f, options, out);
  } else if (name == "betweenness") {
    if (options.samples == 0) return Status::InvalidArgument("samples must be at least 1");
    Betweenness(g, f, options, out);
  } else if (name == "community") {
    LabelPropagation(g, f, options, out);
  } else if (name == "kcore") {
    KCore(g, f, out);
  } else {
    std::string known;
    for (const std::string& n : AlgorithmNames()) known += (known.empty() ? "" : ", ") + n;
    return Status::NotFound("unknown algorithm '" + std::string(name) + "' (known: " + known + ")");
  }
  if (out->cancelled) return Status::Cancelled(std::string(name) + " cancelled");
  return Status::OK();
}

}  // namespace pactgraph::graph

namespace pactgraph {

const std::vector<std::string>& AlgorithmNames() {
  static const std::vector<std::string> kNames = {"degree",      "wcc",       "scc",  "pagerank",
                                                  "betweenness", "community", "kcore"};
  return kNames;
}

Status RunAlgorithm(const GraphReader& reader, std::string_view name,
                    const AlgorithmOptions& options, AlgorithmResult* out) {
  *out = AlgorithmResult();
  graph::SnapshotOptions so;
  if (options.filter.has_window()) so.date_property = "date";
  PG_ASSIGN_OR_RETURN(graph::SnapshotPtr g, graph::SharedSnapshot(reader, so));
  graph::AlgoResult res;
  PG_RETURN_IF_ERROR(graph::RunAlgorithm(*g, name, options, &res));
  for (graph::VertexIndex v = 0; v < g->num_vertices(); ++v) {
    if (std::isnan(res.values[v])) continue;
    out->nodes.push_back(g->node_id(v));
    out->values.push_back(res.values[v]);
  }
  out->groups = res.groups;
  out->iterations = res.iterations;
  out->sampled = res.sampled;
  if (options.filter.has_window() && !options.filter.include_undated) {
    GraphFilter with_undated = options.filter;
    with_undated.include_undated = true;
    PG_ASSIGN_OR_RETURN(graph::CompiledFilter f, graph::CompiledFilter::Compile(*g, with_undated));
    for (graph::RelIndex r = 0; r < g->num_rels(); ++r) {
      out->undated_left_out += g->rel_date(r) == graph::kNoDate && f.RelOk(r);
    }
  }
  return Status::OK();
}

}  // namespace pactgraph

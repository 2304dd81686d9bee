// engine/graph/centrality.cpp — PageRank, Brandes betweenness and label propagation.
//
// These three are written here rather than taken from Boost.Graph: boost::page_rank neither
// redistributes the rank of dangling vertices nor takes filters, brandes_betweenness_centrality
// cannot sample sources, and Boost 1.74 has no community detection. The tests compare
// Betweenness with boost::brandes_betweenness_centrality and PageRank with a dense reference.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "engine/graph/algorithms.h"
#include "engine/graph/csr.h"

namespace pactgraph::graph {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Sources of the relationships a random surfer may follow into each vertex.
struct InLists {
  std::vector<uint32_t> start;  // n + 1
  std::vector<VertexIndex> src;
  std::vector<uint32_t> out_degree;
};

InLists BuildInLists(const GraphSnapshot& g, const CompiledFilter& f) {
  const uint32_t n = g.num_vertices();
  InLists in;
  in.start.assign(n + 1, 0);
  in.out_degree.assign(n, 0);
  in.src.reserve(f.directed() ? g.num_rels() : 2 * static_cast<size_t>(g.num_rels()));
  for (VertexIndex v = 0; v < n; ++v) {
    if (f.VertexOk(v)) {
      for (uint32_t i = g.row_start()[v]; i < g.row_start()[v + 1]; ++i) {
        VertexIndex u = g.column()[i];
        // An entry at v that a walk from u may follow (reverse entry when directed).
        if (f.EntryOk(g.entry_prop()[i], true) && f.VertexOk(u)) {
          in.src.push_back(u);
          ++in.out_degree[u];
        }
      }
    }
    in.start[v + 1] = static_cast<uint32_t>(in.src.size());
  }
  return in;
}

}  // namespace

void PageRank(const GraphSnapshot& g, const CompiledFilter& f, const AlgorithmOptions& o,
              AlgoResult* out) {
  const uint32_t n = g.num_vertices();
  InLists in = BuildInLists(g, f);
  uint32_t count = 0;
  for (VertexIndex v = 0; v < n; ++v) count += f.VertexOk(v);
  out->values.assign(n, kNaN);
  if (count == 0) return;
  const double d = o.damping, base = (1.0 - d) / count;
  std::vector<double> pr(n, 0.0), contrib(n, 0.0), next(n, 0.0);
  for (VertexIndex v = 0; v < n; ++v) pr[v] = f.VertexOk(v) ? 1.0 / count : 0.0;
  for (uint32_t it = 0; it < o.iterations; ++it) {
    double dangling = 0;
    for (VertexIndex u = 0; u < n; ++u) {
      if (in.out_degree[u] == 0) {
        dangling += pr[u];
        contrib[u] = 0;
      } else {
        contrib[u] = pr[u] / in.out_degree[u];
      }
    }
    const double teleport = base + d * dangling / count;
    double change = 0;
    for (VertexIndex v = 0; v < n; ++v) {
      double sum = 0;
      for (uint32_t i = in.start[v]; i < in.start[v + 1]; ++i) sum += contrib[in.src[i]];
      next[v] = f.VertexOk(v) ? teleport + d * sum : 0.0;
      change += std::fabs(next[v] - pr[v]);
    }
    pr.swap(next);
    out->iterations = it + 1;
    if (o.tolerance > 0 && change < o.tolerance) break;
  }
  for (VertexIndex v = 0; v < n; ++v) {
    if (f.VertexOk(v)) out->values[v] = pr[v];
  }
}

void Betweenness(const GraphSnapshot& g, const CompiledFilter& f, const AlgorithmOptions& o,
                 AlgoResult* out) {
  const uint32_t n = g.num_vertices();
  std::vector<VertexIndex> sources;
  for (VertexIndex v = 0; v < n; ++v) {
    if (f.VertexOk(v)) sources.push_back(v);
  }
  const double count = static_cast<double>(sources.size());
  double scale = 1.0;
  if (sources.size() > o.sample_above && sources.size() > o.samples) {
    std::mt19937_64 rng(o.seed);
    std::shuffle(sources.begin(), sources.end(), rng);
    sources.resize(o.samples);
    scale = count / o.samples;
    out->sampled = true;
  }
  std::vector<double> cb(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
  std::vector<int64_t> dist(n, -1);
  std::vector<VertexIndex> order;
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  for (VertexIndex s : sources) {
    order.clear();
    order.push_back(s);
    dist[s] = 0;
    sigma[s] = 1;
    for (size_t head = 0; head < order.size(); ++head) {
      VertexIndex u = order[head];
      for (uint32_t i = row[u]; i < row[u + 1]; ++i) {
        VertexIndex w = col[i];
        if (!f.EntryOk(prop[i], false) || !f.VertexOk(w)) continue;
        if (dist[w] < 0) {
          dist[w] = dist[u] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[u] + 1) sigma[w] += sigma[u];
      }
    }
    for (size_t k = order.size(); k-- > 1;) {
      VertexIndex w = order[k];
      for (uint32_t i = row[w]; i < row[w + 1]; ++i) {
        VertexIndex v = col[i];
        if (dist[v] != dist[w] - 1 || !f.EntryOk(prop[i], true) || !f.VertexOk(v)) continue;
        delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      }
      cb[w] += delta[w];
    }
    for (VertexIndex v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  double factor = scale * (f.directed() ? 1.0 : 0.5);
  if (o.normalized && count > 2) {
    factor /= (count - 1) * (count - 2) * (f.directed() ? 1.0 : 0.5);
  }
  out->values.assign(n, kNaN);
  for (VertexIndex v = 0; v < n; ++v) {
    if (f.VertexOk(v)) out->values[v] = cb[v] * factor;
  }
}

void LabelPropagation(const GraphSnapshot& g, const CompiledFilter& f, const AlgorithmOptions& o,
                      AlgoResult* out) {
  const uint32_t n = g.num_vertices();
  std::vector<uint32_t> label(n), order;
  std::iota(label.begin(), label.end(), 0);
  for (VertexIndex v = 0; v < n; ++v) {
    if (f.VertexOk(v)) order.push_back(v);
  }
  std::vector<uint32_t> votes(n, 0);
  std::vector<uint32_t> seen;
  std::mt19937_64 rng(o.seed);
  for (uint32_t it = 0; it < o.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    uint64_t changed = 0;
    for (VertexIndex v : order) {
      seen.clear();
      for (uint32_t i = g.row_start()[v]; i < g.row_start()[v + 1]; ++i) {
        VertexIndex w = g.column()[i];
        if (w == v || !f.RelOk(EntryRel(g.entry_prop()[i])) || !f.VertexOk(w)) continue;
        if (votes[label[w]]++ == 0) seen.push_back(label[w]);
      }
      if (seen.empty()) continue;
      // Keep the current label when it is among the most voted (avoids oscillation).
      const uint32_t current_votes = votes[label[v]];
      // The most voted label; ties go to a random one among them (seeded), since always
      // taking the smallest lets one label flood across bridges.
      uint32_t best = label[v], best_votes = 0, ties = 0;
      for (uint32_t l : seen) {
        if (votes[l] > best_votes) {
          best = l;
          best_votes = votes[l];
          ties = 1;
        } else if (votes[l] == best_votes && rng() % ++ties == 0) {
          best = l;
        }
      }
      for (uint32_t l : seen) votes[l] = 0;
      if (current_votes < best_votes) {
        label[v] = best;
        ++changed;
      }
    }
    out->iterations = it + 1;
    if (changed == 0) break;
  }
  GroupValues(g, f, label, out);
}

}  // namespace pactgraph::graph

// engine/graph/centrality.cpp — PageRank, Brandes betweenness and label propagation.
//
// These three are written here rather than taken from Boost.Graph: boost::page_rank neither
// redistributes the rank of dangling vertices nor takes filters, brandes_betweenness_centrality
// cannot sample sources, and Boost 1.74 has no community detection. The tests compare
// Betweenness with boost::brandes_betweenness_centrality and PageRank with a dense reference.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>

#include "engine/graph/algorithms.h"
#include "engine/graph/csr.h"

namespace pactgraph::graph {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// AlgorithmOptions::cancel, polled between rounds and blocks of sources (relaxed: it only has
// to be seen soon, and it orders nothing).
bool StopRequested(const AlgorithmOptions& o) {
  return o.cancel != nullptr && o.cancel->load(std::memory_order_relaxed);
}

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
    if (StopRequested(o)) {
      out->cancelled = true;
      return;
    }
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

namespace {

// Brandes' accumulation for one thread's share of the sources. `kTrivial`: the filter lets
// everything through but perhaps direction, so the per-entry tests reduce to that.
struct BrandesWork {
  std::vector<double> cb, sigma, delta;
  std::vector<int32_t> dist;
  std::vector<VertexIndex> order;
  explicit BrandesWork(uint32_t n) : cb(n, 0.0), sigma(n, 0.0), delta(n, 0.0), dist(n, -1) {}
};

template <bool kTrivial>
void BrandesFrom(const GraphSnapshot& g, const CompiledFilter& f, VertexIndex s, BrandesWork* w) {
  const uint32_t* row = g.row_start();
  const uint32_t* col = g.column();
  const uint32_t* prop = g.entry_prop();
  const bool directed = f.directed();
  auto ok = [&](uint32_t i, bool backward, VertexIndex x) {
    if constexpr (kTrivial) {
      return !directed || ((prop[i] & 1u) != 0) == backward;
    } else {
      return f.EntryOk(prop[i], backward) && f.VertexOk(x);
    }
  };
  std::vector<VertexIndex>& order = w->order;
  std::vector<int32_t>& dist = w->dist;
  std::vector<double>& sigma = w->sigma;
  std::vector<double>& delta = w->delta;
  order.clear();
  order.push_back(s);
  dist[s] = 0;
  sigma[s] = 1;
  for (size_t head = 0; head < order.size(); ++head) {
    const VertexIndex u = order[head];
    const int32_t du = dist[u] + 1;
    const double su = sigma[u];
    for (uint32_t i = row[u], e = row[u + 1]; i < e; ++i) {
      const VertexIndex x = col[i];
      if (!ok(i, false, x)) continue;
      if (dist[x] < 0) {
        dist[x] = du;
        order.push_back(x);
      }
      if (dist[x] == du) sigma[x] += su;
    }
  }
  for (size_t k = order.size(); k-- > 1;) {
    const VertexIndex x = order[k];
    const int32_t want = dist[x] - 1;
    const double coeff = (1.0 + delta[x]) / sigma[x];
    for (uint32_t i = row[x], e = row[x + 1]; i < e; ++i) {
      const VertexIndex v = col[i];
      if (dist[v] != want || !ok(i, true, v)) continue;
      delta[v] += sigma[v] * coeff;
    }
    w->cb[x] += delta[x];
  }
  for (VertexIndex v : order) {
    dist[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
  }
}

}  // namespace

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
  // Each thread sums its own sources' dependencies; the sums are added at the end. Which thread
  // takes which block varies from run to run, so results may differ in the last bits only.
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::max<size_t>(
      1, std::min<size_t>({o.threads == 0 ? hw : o.threads, sources.size() / 4 + 1, 64}));
  const bool trivial = f.trivial();
  std::vector<BrandesWork> work;
  work.reserve(threads);
  for (size_t t = 0; t < threads; ++t) work.emplace_back(n);
  std::atomic<size_t> next{0}, done{0};
  std::mutex progress_mu;
  auto run = [&](size_t t) {
    // Sources in blocks of 16, taken in turn: the threads stay busy to the end.
    for (size_t begin; (begin = next.fetch_add(16)) < sources.size();) {
      if (StopRequested(o)) return;
      const size_t end = std::min(begin + 16, sources.size());
      for (size_t i = begin; i < end; ++i) {
        if (trivial) {
          BrandesFrom<true>(g, f, sources[i], &work[t]);
        } else {
          BrandesFrom<false>(g, f, sources[i], &work[t]);
        }
      }
      const size_t finished = done.fetch_add(end - begin) + (end - begin);
      if (o.progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        o.progress(finished, sources.size());
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (auto& th : pool) th.join();
  if (StopRequested(o)) {
    out->cancelled = true;
    return;
  }
  std::vector<double> cb(n, 0.0);
  for (const BrandesWork& w : work) {
    for (VertexIndex v = 0; v < n; ++v) cb[v] += w.cb[v];
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
    if (StopRequested(o)) {
      out->cancelled = true;
      return;
    }
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

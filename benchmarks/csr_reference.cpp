// benchmarks/csr_reference.cpp — the benchmark's answers from a plain CSR program, to check
// `pactgraph bench run` against at every size (S to XL).
//
// Usage: csr_reference DATASET_DIR [REPORT.json]
//
// Reads nodes.csv, edges.csv and queries.json as `pactgraph bench generate` writes them (no
// quoting: generated names hold letters and spaces only) into flat arrays, and computes the
// answers the way docs/benchmarks.md defines them, with nothing of pactgraph linked in:
//   lookup    names found (lower-cased exact match) and ids matched
//   hop1      sum over hop ids of distinct cooperation neighbours, either direction, self excluded
//   hop2      sum over the first hop2_count ids of distinct nodes at distance 1 or 2, any type
//             or direction
//   sp        hop count per pair ignoring direction (bidirectional BFS; -1: none)
//   wsp       cheapest cost on `weight` per pair ignoring direction (bidirectional Dijkstra),
//             rounded to 4 places
//   wcc       weakly connected components (union-find; isolated nodes count)
//   pagerank  20 iterations, damping 0.85, directed, dangling mass spread evenly; the CSV id of
//             the top node (the lowest id on ties)
// Prints the answers as JSON. Given a report (`pactgraph bench run DIR --format json`), it
// compares each answer with the report's (wsp within 1e-6), prints agree/DIFFERS per metric and
// exits 1 when any differs. Timings of this program go to stderr.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

[[noreturn]] void Fail(const std::string& msg) {
  std::fprintf(stderr, "csr_reference: %s\n", msg.c_str());
  std::exit(2);
}

// Calls fn(fields) for every data line of a comma-separated file (header skipped).
template <typename Fn>
void ForEachLine(const std::string& path, Fn fn) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) Fail("cannot read " + path);
  std::vector<char> buf(1 << 24);
  std::string carry;
  bool header = true;
  std::vector<std::string_view> fields;
  auto line = [&](const char* b, const char* e) {
    if (header) {
      header = false;
      return;
    }
    if (e > b && e[-1] == '\r') --e;
    if (e == b) return;
    fields.clear();
    const char* s = b;
    for (const char* p = b; p <= e; ++p) {
      if (p == e || *p == ',') {
        fields.emplace_back(s, static_cast<size_t>(p - s));
        s = p + 1;
      }
    }
    fn(fields);
  };
  size_t got;
  while ((got = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    const char* b = buf.data();
    const char* end = b + got;
    const char* nl;
    while ((nl = static_cast<const char*>(std::memchr(b, '\n', static_cast<size_t>(end - b))))) {
      if (!carry.empty()) {
        carry.append(b, nl);
        line(carry.data(), carry.data() + carry.size());
        carry.clear();
      } else {
        line(b, nl);
      }
      b = nl + 1;
    }
    carry.append(b, end);
  }
  if (!carry.empty()) line(carry.data(), carry.data() + carry.size());
  std::fclose(f);
}

uint64_t ToU64(std::string_view s) {
  uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

struct Csr {
  std::vector<uint64_t> start;  // n + 1
  std::vector<uint32_t> target;
  std::vector<uint32_t> edge;  // index into the edge columns
  // Undirected (both ends) or out-only adjacency of the edges `keep` accepts.
  template <typename Keep>
  void Build(uint32_t n, const std::vector<uint32_t>& src, const std::vector<uint32_t>& dst,
             bool undirected, Keep keep) {
    start.assign(static_cast<size_t>(n) + 1, 0);
    for (size_t e = 0; e < src.size(); ++e) {
      if (!keep(e)) continue;
      ++start[src[e] + 1];
      if (undirected) ++start[dst[e] + 1];
    }
    for (uint32_t v = 0; v < n; ++v) start[v + 1] += start[v];
    target.resize(start[n]);
    edge.resize(start[n]);
    std::vector<uint64_t> fill(start.begin(), start.end() - 1);
    for (size_t e = 0; e < src.size(); ++e) {
      if (!keep(e)) continue;
      uint64_t at = fill[src[e]]++;
      target[at] = dst[e];
      edge[at] = static_cast<uint32_t>(e);
      if (undirected) {
        at = fill[dst[e]]++;
        target[at] = src[e];
        edge[at] = static_cast<uint32_t>(e);
      }
    }
  }
};

// Per-query distances with a list of touched entries, reset in O(touched).
struct Marks {
  std::vector<double> dist;
  std::vector<uint32_t> touched;
  explicit Marks(uint32_t n) : dist(n, std::numeric_limits<double>::infinity()) {}
  void Set(uint32_t v, double d) {
    if (std::isinf(dist[v])) touched.push_back(v);
    dist[v] = d;
  }
  void Reset() {
    for (uint32_t v : touched) dist[v] = std::numeric_limits<double>::infinity();
    touched.clear();
  }
};

int64_t BfsHops(const Csr& g, uint32_t s, uint32_t t, Marks* fs, Marks* bs) {
  if (s == t) return 0;
  fs->Reset();
  bs->Reset();
  fs->Set(s, 0);
  bs->Set(t, 0);
  std::vector<uint32_t> ff{s}, bf{t}, next;
  int64_t best = -1;
  while (!ff.empty() && !bf.empty()) {
    const bool forward = ff.size() <= bf.size();
    std::vector<uint32_t>& frontier = forward ? ff : bf;
    Marks* mine = forward ? fs : bs;
    Marks* other = forward ? bs : fs;
    next.clear();
    for (uint32_t u : frontier) {
      for (uint64_t i = g.start[u]; i < g.start[u + 1]; ++i) {
        const uint32_t v = g.target[i];
        if (!std::isinf(other->dist[v])) {
          const int64_t d = static_cast<int64_t>(mine->dist[u] + 1 + other->dist[v]);
          if (best < 0 || d < best) best = d;
        }
        if (std::isinf(mine->dist[v])) {
          mine->Set(v, mine->dist[u] + 1);
          next.push_back(v);
        }
      }
    }
    if (best >= 0) return best;  // the whole level is done: no shorter meeting exists
    frontier.swap(next);
  }
  return -1;
}

double DijkstraCost(const Csr& g, const std::vector<double>& w, uint32_t s, uint32_t t, Marks* fs,
                    Marks* bs) {
  if (s == t) return 0;
  using Item = std::pair<double, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> fq, bq;
  fs->Reset();
  bs->Reset();
  fs->Set(s, 0);
  bs->Set(t, 0);
  fq.push({0, s});
  bq.push({0, t});
  double best = std::numeric_limits<double>::infinity();
  while (!fq.empty() && !bq.empty()) {
    if (fq.top().first + bq.top().first >= best) break;
    const bool forward = fq.top().first <= bq.top().first;
    auto& q = forward ? fq : bq;
    Marks* mine = forward ? fs : bs;
    Marks* other = forward ? bs : fs;
    const auto [d, u] = q.top();
    q.pop();
    if (d > mine->dist[u]) continue;
    for (uint64_t i = g.start[u]; i < g.start[u + 1]; ++i) {
      const uint32_t v = g.target[i];
      const double nd = d + w[g.edge[i]];
      if (nd < mine->dist[v]) {
        mine->Set(v, nd);
        q.push({nd, v});
      }
      if (!std::isinf(other->dist[v])) best = std::min(best, mine->dist[v] + other->dist[v]);
    }
  }
  return std::isinf(best) ? -1.0 : std::round(best * 10000.0) / 10000.0;
}

bool SameAnswer(const std::string& metric, const Json& a, const Json& b) {
  if (metric != "wsp") return a == b;
  if (!a.is_array() || !b.is_array() || a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::fabs(a[i].get<double>() - b[i].get<double>()) > 1e-6) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: csr_reference DATASET_DIR [REPORT.json]\n");
    return 2;
  }
  const std::string dir = argv[1];
  auto t0 = Clock::now();
  auto lap = [&](const char* what) {
    const auto now = Clock::now();
    std::fprintf(stderr, "%s: %.2f s\n", what, std::chrono::duration<double>(now - t0).count());
    t0 = now;
  };

  std::unordered_map<std::string, uint32_t> name_count;
  uint32_t n = 0;
  ForEachLine(dir + "/nodes.csv", [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3 || ToU64(f[0]) != n + 1) Fail("nodes.csv: ids must be 1..N in order");
    std::string name(f[1]);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ++name_count[name];
    ++n;
  });
  std::vector<uint32_t> src, dst;
  std::vector<double> weight;
  std::vector<uint8_t> coop;
  ForEachLine(dir + "/edges.csv", [&](const std::vector<std::string_view>& f) {
    if (f.size() < 5) Fail("edges.csv: expected src,dst,type,date,weight");
    // CSV ids 1..N; vertices 0..N-1.
    src.push_back(static_cast<uint32_t>(ToU64(f[0]) - 1));
    dst.push_back(static_cast<uint32_t>(ToU64(f[1]) - 1));
    coop.push_back(f[2] == "cooperation");
    weight.push_back(std::strtod(std::string(f[4]).c_str(), nullptr));
    if (src.back() >= n || dst.back() >= n) Fail("edges.csv: an endpoint is not a node id");
  });
  std::ifstream qf(dir + "/queries.json");
  if (!qf) Fail("cannot read " + dir + "/queries.json");
  const Json q = Json::parse(qf);
  lap("read");

  Json answers;
  uint64_t found = 0, matches = 0;
  for (const auto& name_json : q["lookup_names"]) {
    std::string name = name_json.get<std::string>();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = name_count.find(name);
    found += it != name_count.end();
    matches += it != name_count.end() ? it->second : 0;
  }
  answers["lookup"] = {{"found", found}, {"matches", matches}};
  name_count.clear();

  std::vector<uint32_t> stamp(n, 0);
  uint32_t round = 0;
  {
    Csr c;
    c.Build(n, src, dst, true, [&](size_t e) { return coop[e] != 0; });
    uint64_t sum = 0;
    for (const auto& v_json : q["hop_ids"]) {
      const uint32_t v = v_json.get<uint32_t>() - 1;  // CSV id -> vertex
      ++round;
      stamp[v] = round;  // the node itself is excluded
      for (uint64_t i = c.start[v]; i < c.start[v + 1]; ++i) {
        if (stamp[c.target[i]] != round) stamp[c.target[i]] = round, ++sum;
      }
    }
    answers["hop1"] = sum;
  }
  coop = {};
  lap("lookup, hop1");

  Csr g;
  g.Build(n, src, dst, true, [](size_t) { return true; });
  {
    uint64_t sum = 0;
    const uint32_t k = q["hop2_count"].get<uint32_t>();
    std::vector<uint32_t> frontier;
    for (uint32_t j = 0; j < k && j < q["hop_ids"].size(); ++j) {
      const uint32_t s = q["hop_ids"][j].get<uint32_t>() - 1;
      ++round;
      stamp[s] = round;
      frontier.clear();
      for (uint64_t i = g.start[s]; i < g.start[s + 1]; ++i) {
        if (stamp[g.target[i]] != round) {
          stamp[g.target[i]] = round;
          frontier.push_back(g.target[i]);
          ++sum;
        }
      }
      for (uint32_t u : frontier) {
        for (uint64_t i = g.start[u]; i < g.start[u + 1]; ++i) {
          if (stamp[g.target[i]] != round) stamp[g.target[i]] = round, ++sum;
        }
      }
    }
    answers["hop2"] = sum;
  }
  lap("hop2");

  Marks fs(n), bs(n);
  answers["sp"] = Json::array();
  answers["wsp"] = Json::array();
  for (const auto& pair : q["sp_pairs"]) {
    const uint32_t s = pair[0].get<uint32_t>() - 1, t = pair[1].get<uint32_t>() - 1;
    answers["sp"].push_back(BfsHops(g, s, t, &fs, &bs));
  }
  lap("sp");
  for (const auto& pair : q["sp_pairs"]) {
    const uint32_t s = pair[0].get<uint32_t>() - 1, t = pair[1].get<uint32_t>() - 1;
    const double c = DijkstraCost(g, weight, s, t, &fs, &bs);
    if (c < 0) {
      answers["wsp"].push_back(-1);
    } else {
      answers["wsp"].push_back(c);
    }
  }
  lap("wsp");
  g = Csr();
  fs = Marks(0);
  bs = Marks(0);

  {
    std::vector<uint32_t> parent(n);
    for (uint32_t v = 0; v < n; ++v) parent[v] = v;
    auto find = [&](uint32_t v) {
      while (parent[v] != v) v = parent[v] = parent[parent[v]];
      return v;
    };
    uint64_t components = n;
    for (size_t e = 0; e < src.size(); ++e) {
      const uint32_t a = find(src[e]), b = find(dst[e]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b), --components;
    }
    answers["wcc"] = components;
  }
  lap("wcc");

  {
    Csr in;  // in-lists: edge reversed, so target = source
    in.Build(n, dst, src, false, [](size_t) { return true; });
    std::vector<uint32_t> out_degree(n, 0);
    for (uint32_t s : src) ++out_degree[s];
    const double d = 0.85, base = (1.0 - d) / n;
    std::vector<double> pr(n, 1.0 / n), contrib(n), next(n);
    for (int it = 0; it < 20; ++it) {
      double dangling = 0;
      for (uint32_t u = 0; u < n; ++u) {
        if (out_degree[u] == 0) {
          dangling += pr[u];
          contrib[u] = 0;
        } else {
          contrib[u] = pr[u] / out_degree[u];
        }
      }
      const double teleport = base + d * dangling / n;
      for (uint32_t v = 0; v < n; ++v) {
        double sum = 0;
        for (uint64_t i = in.start[v]; i < in.start[v + 1]; ++i) sum += contrib[in.target[i]];
        next[v] = teleport + d * sum;
      }
      pr.swap(next);
    }
    uint32_t top = 0;
    for (uint32_t v = 1; v < n; ++v) {
      if (pr[v] > pr[top]) top = v;
    }
    answers["pagerank"] = top + 1;  // the CSV id
  }
  lap("pagerank");

  std::cout << answers.dump() << std::endl;
  if (argc < 3) return 0;
  std::ifstream rf(argv[2]);
  if (!rf) Fail(std::string("cannot read ") + argv[2]);
  const Json report = Json::parse(rf);
  bool differ = false;
  answers["hop1_store"] = answers["hop1"];  // the same questions answered from RocksDB
  answers["hop2_store"] = answers["hop2"];
  for (const auto& [metric, answer] : answers.items()) {
    const bool ok =
        report["answers"].contains(metric) && SameAnswer(metric, answer, report["answers"][metric]);
    differ |= !ok;
    std::printf("%-9s %s\n", metric.c_str(), ok ? "agrees" : "DIFFERS");
    if (!ok && report["answers"].contains(metric)) {
      std::printf("  reference %s\n  report    %s\n", answer.dump().c_str(),
                  report["answers"][metric].dump().c_str());
    }
  }
  return differ ? 1 : 0;
}

// tests/benchmarks/driver/brute_force.cpp — see brute_force.h.
#include "tests/benchmarks/brute_force.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace pactgraph::testing {
namespace {

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, ',')) out.push_back(f);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct Adj {
  uint32_t to;
  uint32_t edge;
};

}  // namespace

BruteGraph ReadBruteGraph(const std::string& dir) {
  BruteGraph g;
  std::ifstream nodes(dir + "/nodes.csv");
  std::string line;
  std::getline(nodes, line);
  if (line != "id,name,kind") throw std::runtime_error("bad nodes.csv header: " + line);
  while (std::getline(nodes, line)) {
    auto f = Split(line);
    if (f.size() != 3 || std::stoul(f[0]) != g.names.size() + 1) {  // CSV ids 1..N
      throw std::runtime_error("bad nodes.csv line: " + line);
    }
    g.names.push_back(f[1]);
    g.kinds.push_back(f[2]);
  }
  std::ifstream edges(dir + "/edges.csv");
  std::getline(edges, line);
  if (line != "src,dst,type,date,weight") throw std::runtime_error("bad edges.csv header");
  while (std::getline(edges, line)) {
    auto f = Split(line);
    if (f.size() != 5) throw std::runtime_error("bad edges.csv line: " + line);
    // Vertices 0..N-1 are CSV ids 1..N.
    g.edges.push_back({static_cast<uint32_t>(std::stoul(f[0]) - 1),
                       static_cast<uint32_t>(std::stoul(f[1]) - 1), f[2], f[3], std::stod(f[4])});
  }
  return g;
}

nlohmann::json BruteAnswers(const BruteGraph& g, const nlohmann::json& q) {
  const uint32_t n = static_cast<uint32_t>(g.names.size());
  nlohmann::json a;

  std::unordered_map<std::string, uint64_t> by_name;
  for (const auto& name : g.names) by_name[Lower(name)] += 1;
  uint64_t found = 0, matches = 0;
  for (const auto& name : q["lookup_names"]) {
    auto it = by_name.find(Lower(name.get<std::string>()));
    if (it != by_name.end()) found += 1, matches += it->second;
  }
  a["lookup"] = {{"found", found}, {"matches", matches}};

  std::vector<std::vector<Adj>> und(n);
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    und[g.edges[e].src].push_back({g.edges[e].dst, e});
    und[g.edges[e].dst].push_back({g.edges[e].src, e});
  }
  std::vector<uint64_t> hop_ids = q["hop_ids"].get<std::vector<uint64_t>>();
  for (uint64_t& v : hop_ids) v -= 1;  // CSV id -> vertex
  uint64_t hop1 = 0;
  for (uint64_t v : hop_ids) {
    std::set<uint32_t> others;
    for (const Adj& x : und[v]) {
      if (g.edges[x.edge].type == "cooperation" && x.to != v) others.insert(x.to);
    }
    hop1 += others.size();
  }
  a["hop1"] = hop1;

  // Unweighted distances by BFS from s (all of them; -1 unreachable).
  auto bfs = [&](uint32_t s) {
    std::vector<int> dist(n, -1);
    std::queue<uint32_t> todo;
    dist[s] = 0;
    todo.push(s);
    while (!todo.empty()) {
      uint32_t u = todo.front();
      todo.pop();
      for (const Adj& x : und[u]) {
        if (dist[x.to] < 0) dist[x.to] = dist[u] + 1, todo.push(x.to);
      }
    }
    return dist;
  };
  uint64_t hop2 = 0;
  for (uint32_t i = 0; i < q["hop2_count"].get<uint32_t>(); ++i) {
    auto dist = bfs(static_cast<uint32_t>(hop_ids[i]));
    for (uint32_t v = 0; v < n; ++v) hop2 += (dist[v] == 1 || dist[v] == 2) ? 1 : 0;
  }
  a["hop2"] = hop2;

  a["sp"] = nlohmann::json::array();
  a["wsp"] = nlohmann::json::array();
  for (const auto& pair : q["sp_pairs"]) {
    const uint32_t s = pair[0].get<uint32_t>() - 1, t = pair[1].get<uint32_t>() - 1;
    a["sp"].push_back(bfs(s)[t]);
    std::vector<double> cost(n, std::numeric_limits<double>::infinity());
    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    cost[s] = 0;
    heap.push({0, s});
    while (!heap.empty()) {
      auto [c, u] = heap.top();
      heap.pop();
      if (c > cost[u]) continue;
      if (u == t) break;
      for (const Adj& x : und[u]) {
        const double nc = c + g.edges[x.edge].weight;
        if (nc < cost[x.to]) cost[x.to] = nc, heap.push({nc, x.to});
      }
    }
    if (std::isinf(cost[t])) {
      a["wsp"].push_back(-1);
    } else {
      a["wsp"].push_back(std::round(cost[t] * 10000.0) / 10000.0);
    }
  }

  std::vector<uint32_t> parent(n);
  for (uint32_t v = 0; v < n; ++v) parent[v] = v;
  std::function<uint32_t(uint32_t)> find = [&](uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const auto& e : g.edges) parent[find(e.src)] = find(e.dst);
  uint64_t components = 0;
  for (uint32_t v = 0; v < n; ++v) components += find(v) == v ? 1 : 0;
  a["wcc"] = components;

  // Directed PageRank, 20 iterations, damping 0.85, dangling rank spread evenly.
  std::vector<uint32_t> out_degree(n, 0);
  for (const auto& e : g.edges) out_degree[e.src] += 1;
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int it = 0; it < 20; ++it) {
    double dangling = 0;
    for (uint32_t v = 0; v < n; ++v) dangling += out_degree[v] == 0 ? rank[v] : 0;
    std::fill(next.begin(), next.end(), (1 - 0.85) / n + 0.85 * dangling / n);
    for (const auto& e : g.edges) next[e.dst] += 0.85 * rank[e.src] / out_degree[e.src];
    rank.swap(next);
  }
  std::vector<uint32_t> order(n);
  for (uint32_t v = 0; v < n; ++v) order[v] = v;
  std::partial_sort(order.begin(), order.begin() + 2, order.end(),
                    [&](uint32_t x, uint32_t y) { return rank[x] > rank[y]; });
  a["pagerank"] = order[0] + 1;  // the CSV id
  a["pagerank_margin"] = (rank[order[0]] - rank[order[1]]) / rank[order[0]];
  return a;
}

}  // namespace pactgraph::testing

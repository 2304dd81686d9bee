// tests/benchmarks/brute_force.h — the benchmark workload computed the simplest way.
//
// An independent path for checking `pactgraph bench run`: the dataset's CSV files are parsed
// here by hand (no engine/io), held in plain adjacency lists and answered with textbook BFS,
// Dijkstra (std::priority_queue), union-find and power-iteration PageRank.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pactgraph::testing {

struct BruteEdge {
  uint32_t src = 0, dst = 0;
  std::string type, date;
  double weight = 0;
};

struct BruteGraph {
  std::vector<std::string> names, kinds;
  std::vector<BruteEdge> edges;
};

// Reads nodes.csv and edges.csv of a generated dataset (no quoting: the generator never quotes).
BruteGraph ReadBruteGraph(const std::string& dir);

// {"lookup":{"found","matches"},"hop1","hop2","sp":[…],"wsp":[…],"wcc","pagerank":top id,
//  "pagerank_margin": (top - runner-up) / top}
nlohmann::json BruteAnswers(const BruteGraph& g, const nlohmann::json& queries);

}  // namespace pactgraph::testing

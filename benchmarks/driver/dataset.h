// benchmarks/driver/dataset.h — the benchmark dataset: a synthetic partnership graph and its
// queries.
//
// A dataset is a folder holding three files (the CSV format is the one `pactgraph import`
// reads):
//   nodes.csv     header `id,name,kind`; ids 1..N (import keeps them as the node ids); kinds
//                 nation, organization, program, person, place
//   edges.csv     header `src,dst,type,date,weight`; lower-case types, ISO dates, weight in (0,1]
//   queries.json  {"lookup_names": [...], "hop_ids": [...], "hop2_count": K,
//                  "sp_pairs": [[src, dst], ...]}   (ids are CSV ids)
//
// The generator draws a Chung–Lu graph: node i gets weight (i + 1)^(-1/(gamma - 1)) with
// gamma = 2.5, and each edge picks both endpoints in proportion to weight, giving heavy-tailed
// degrees (the largest hub of M, seed 1, has 0.7% of all edge ends). Weights are assigned to ids
// through a seeded permutation so hubs are spread over the id range. Self-loops are redrawn;
// parallel edges are kept (as in news-derived graphs). Names are unique after normalisation.
// Everything is a pure function of (size, seed): its own xoshiro256** generator and integer
// arithmetic, no std:: distributions, so the files are byte-identical on every platform.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "pactgraph/status.h"

namespace pactgraph::bench {

struct DatasetSize {
  std::string name;  // "S", "M", "L", "XL"
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint32_t lookups = 0;     // names in lookup_names (about 10% of them absent)
  uint32_t hop_ids = 0;     // ids in hop_ids
  uint32_t hop2_count = 0;  // how many of hop_ids the hop2 metric uses
  uint32_t sp_pairs = 0;    // pairs for sp and wsp
};

// S = 10k nodes / 50k edges, M = 100k / 1M, L = 1M / 10M, XL = 10M / 100M. InvalidArgument
// for another name.
Result<DatasetSize> SizeByName(const std::string& name);

// Writes nodes.csv, edges.csv and queries.json into `out_dir` (created when missing).
// `progress(done, total)` reports edges written. IOError naming the file on failure.
Status GenerateDataset(const DatasetSize& size, uint64_t seed, const std::string& out_dir,
                       const std::function<void(uint64_t, uint64_t)>& progress = {});

struct BenchQueries {
  std::vector<std::string> lookup_names;
  std::vector<uint64_t> hop_ids;  // CSV ids
  uint32_t hop2_count = 0;
  std::vector<std::pair<uint64_t, uint64_t>> sp_pairs;
};

// Reads queries.json. InvalidArgument naming the place ("queries.json:3:14: ..." for JSON
// syntax, "queries.json: hop_ids[7]: ..." for content) when malformed or when an id is not
// below `node_count`.
Status ReadQueries(const std::string& path, uint64_t node_count, BenchQueries* out);

// Small deterministic generator (xoshiro256**, seeded through splitmix64).
class Rng {
 public:
  explicit Rng(uint64_t seed);
  uint64_t Next();
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n) (n > 0), without modulo bias.
  uint64_t Below(uint64_t n);

 private:
  uint64_t s_[4];
};

}  // namespace pactgraph::bench

// pactgraph/algorithms.h — whole-graph algorithms: who is central, who belongs together.
//
// RunAlgorithm computes one number per node over the state a GraphReader sees, restricted by
// a GraphFilter (relationship types, node labels, direction, a date window):
//
//   degree       relationships at the node (options.direction: out | in | both)
//   wcc          weakly connected components; value: the smallest node id of the component
//   scc          strongly connected components (always directed); same value
//   pagerank     power iteration with damping; dangling nodes spread their rank evenly
//   betweenness  Brandes; above `sample_above` nodes, `samples` random sources scaled up
//   community    label propagation (seeded); value: the smallest node id of the community
//   kcore        core number on the simple undirected graph
//
// The same algorithms answer `CALL algo.<name>` in Cypher and `pactgraph algo`. They run on
// the shared in-memory copy of the graph (see pactgraph/paths.h). Cost: degree, wcc, scc, kcore
// O(n + m); pagerank and community O(iterations x m); betweenness O(sources x m).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/paths.h"
#include "pactgraph/status.h"

namespace pactgraph {

struct AlgorithmOptions {
  GraphFilter filter;              // types, labels, direction, window (max_hops unused)
  std::string direction = "both";  // degree: out | in | both
  double damping = 0.85;           // pagerank
  uint32_t iterations = 20;        // pagerank, community: at most this many rounds
  double tolerance = 0;            // pagerank: stop when the L1 change is below this
  uint32_t samples = 256;          // betweenness: sources when sampling
  uint32_t sample_above = 5000;    // betweenness: sample when there are more nodes than this
  uint64_t seed = 42;              // betweenness sampling, community order
  bool normalized = false;         // betweenness: divide by the number of pairs
  uint32_t threads = 0;            // betweenness: worker threads (0: one per core)
  // Called now and then with (units done, units in all) by the algorithms that take long
  // (betweenness: sources); from the calling thread or a worker, never two at once.
  std::function<void(uint64_t done, uint64_t total)> progress;
  // When set, the algorithms that take long (betweenness between blocks of sources, pagerank
  // and community between rounds) stop with Cancelled soon after *cancel becomes true (e.g.
  // from a SIGINT handler). The flag is not reset.
  const std::atomic<bool>* cancel = nullptr;
};

struct AlgorithmResult {
  // The nodes that took part (not excluded by the filter's labels), in id order, and their
  // values (values[i] belongs to nodes[i]).
  std::vector<NodeId> nodes;
  std::vector<double> values;
  uint64_t groups = 0;      // wcc/scc/community: how many groups; kcore: the largest core
  uint32_t iterations = 0;  // pagerank/community: rounds run
  bool sampled = false;     // betweenness ran on sampled sources
  // With a date window and without filter.include_undated: the relationships of the allowed
  // types that were left out only because they carry no date.
  uint64_t undated_left_out = 0;
};

// The algorithm names RunAlgorithm knows, for help texts and errors.
PACTGRAPH_EXPORT const std::vector<std::string>& AlgorithmNames();

// NotFound for an unknown name (the message lists the known ones); InvalidArgument for bad
// options or an unknown type or label in the filter; storage errors as they come.
PACTGRAPH_EXPORT Status RunAlgorithm(const GraphReader& reader, std::string_view name,
                                     const AlgorithmOptions& options, AlgorithmResult* out);

}  // namespace pactgraph

// engine/graph/algorithms.h — whole-graph algorithms over a GraphSnapshot.
//
// Each algorithm gives one number per vertex (AlgoResult::values, by VertexIndex). Vertices
// excluded by the filter's label tests get NaN and take no part; relationship types, the
// date window and direction restrict which relationships count. Direction is ignored unless
// `filter.directed` (strongly connected components always follow it).
//
//   degree       relationships at the vertex (options.direction: out | in | both)
//   wcc          weakly connected components (boost::disjoint_sets); value: smallest node id
//                of the component
//   scc          strongly connected components (boost::strong_components); same value
//   pagerank     power iteration with damping; dangling vertices spread their rank evenly
//   betweenness  Brandes; on graphs larger than options.sample_above vertices, `samples`
//                random sources, scaled by n / samples (AlgoResult::sampled)
//   community    label propagation (asynchronous, seeded order and tie-breaking);
//                value: smallest node id of the community
//   kcore        core number (boost::core_numbers on the simple undirected graph: parallel
//                relationships count once, self-loops not at all)
//
// Cost: degree, wcc, kcore O(n + m); scc O(n + m); pagerank O(iterations * m);
// betweenness O(sources * m); community O(iterations * m).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "engine/graph/path_filter.h"
#include "pactgraph/algorithms.h"
#include "pactgraph/status.h"

namespace pactgraph::graph {

// AlgorithmOptions is the public API's (pactgraph/algorithms.h), as are AlgorithmNames() and the
// RunAlgorithm over a GraphReader that wraps the one below.
struct AlgoResult {
  std::vector<double> values;  // by VertexIndex; NaN for vertices filtered out
  uint64_t groups = 0;         // wcc/scc/community: how many groups; kcore: largest core
  uint32_t iterations = 0;     // pagerank/community: rounds run
  bool sampled = false;        // betweenness ran on sampled sources
  bool cancelled = false;      // stopped early by AlgorithmOptions::cancel; values unusable
};

// NotFound for an unknown name; InvalidArgument for bad options or filters.
Status RunAlgorithm(const GraphSnapshot& g, std::string_view name, const AlgorithmOptions& options,
                    AlgoResult* out);

// The individual algorithms (filter compiled without endpoints).
void Degree(const GraphSnapshot& g, const CompiledFilter& f, std::string_view direction,
            AlgoResult* out);
void WeaklyConnectedComponents(const GraphSnapshot& g, const CompiledFilter& f, AlgoResult* out);
void StronglyConnectedComponents(const GraphSnapshot& g, const CompiledFilter& f, AlgoResult* out);
void PageRank(const GraphSnapshot& g, const CompiledFilter& f, const AlgorithmOptions& o,
              AlgoResult* out);
void Betweenness(const GraphSnapshot& g, const CompiledFilter& f, const AlgorithmOptions& o,
                 AlgoResult* out);
void LabelPropagation(const GraphSnapshot& g, const CompiledFilter& f, const AlgorithmOptions& o,
                      AlgoResult* out);
void KCore(const GraphSnapshot& g, const CompiledFilter& f, AlgoResult* out);

// Sets out->values[v] to the smallest node id among the included vertices sharing
// representative rep[v], and out->groups to the number of groups.
void GroupValues(const GraphSnapshot& g, const CompiledFilter& f, const std::vector<uint32_t>& rep,
                 AlgoResult* out);

}  // namespace pactgraph::graph

// engine/graph/csr.h — the Boost.Graph type behind GraphSnapshot (internal header).
//
// Included only by engine/graph/*.cpp and the graph tests, so the template-heavy Boost.Graph
// headers stay out of everything else. The graph is a directed CSR whose vertex and edge
// indices are 32-bit; every relationship is stored as a forward and a reverse entry whose
// bundled property is `rel << 1 | reverse` (see graph_snapshot.h).
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include "engine/graph/graph_snapshot.h"

namespace pactgraph::graph {

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, uint32_t,
                                               boost::no_property, uint32_t, uint32_t>;
using CsrEdge = boost::graph_traits<Csr>::edge_descriptor;

struct CsrHolder {
  Csr g;
};

inline RelIndex EntryRel(uint32_t prop) { return prop >> 1; }
inline bool EntryReverse(uint32_t prop) { return (prop & 1u) != 0; }

}  // namespace pactgraph::graph

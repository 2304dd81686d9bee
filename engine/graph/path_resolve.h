// engine/graph/path_resolve.h — from snapshot paths back to stored nodes, relationships and
// evidence. (The public side — ResolveNode, NodeName, DescribeNode — is in pactgraph/paths.h
// and implemented in path_resolve.cpp too.)
//
// Searches work on snapshot indices; users want names, labels, relationship types and the
// sentences that justify each hop. These helpers read them from a GraphReader (the same
// database state the snapshot was built from, or a later one: a relationship deleted since
// gives NotFound).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "engine/graph/paths.h"
#include "pactgraph/graph.h"
#include "pactgraph/paths.h"
#include "pactgraph/value.h"

namespace pactgraph::graph {

Status ResolvePath(const GraphReader& reader, const GraphSnapshot& snapshot, const GraphPath& p,
                   bool with_evidence, PathResult* out);

}  // namespace pactgraph::graph

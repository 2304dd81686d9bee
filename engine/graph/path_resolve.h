// engine/graph/path_resolve.h — from snapshot paths back to stored nodes, relationships and
// evidence; from user-typed names to nodes.
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
#include "pactgraph/value.h"

namespace pactgraph::graph {

struct ResolvedPath {
  Path path;  // nodes and relationships with labels and properties
  double cost = 0;
  std::vector<std::vector<Evidence>> evidence;  // per relationship (when asked for)
  std::map<ArticleId, Article> articles;        // articles the evidence cites (no body text)
};

Status ResolvePath(const GraphReader& reader, const GraphSnapshot& snapshot, const GraphPath& p,
                   bool with_evidence, ResolvedPath* out);

// The node a user means by `name`: an exact name/alias match (normalised, see
// GraphReader::FindNodesByName), else a numeric node id. NotFound (with close names as hints)
// when nothing matches; InvalidArgument listing the candidates when several nodes match.
Result<NodeId> ResolveNodeName(const GraphReader& reader, std::string_view name);

// "Kenya (Country, id 12)": how names appear in messages and tables.
std::string DescribeNode(const Node& n);
std::string NodeName(const Node& n);

}  // namespace pactgraph::graph

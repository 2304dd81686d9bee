// engine/graph/path_resolve.cpp — reading the stored side of a path; resolving names.
#include "engine/graph/path_resolve.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace pactgraph {

std::string NodeName(const Node& n) {
  auto it = n.properties.find("name");
  if (it != n.properties.end() && it->second.is_string()) return it->second.as_string();
  return "#" + std::to_string(n.id);
}

std::string DescribeNode(const Node& n) {
  std::string labels;
  for (const std::string& l : n.labels) labels += (labels.empty() ? "" : ":") + l;
  return NodeName(n) + " (" + (labels.empty() ? "" : labels + ", ") + "id " + std::to_string(n.id) +
         ")";
}

}  // namespace pactgraph

namespace pactgraph::graph {

Status ResolvePath(const GraphReader& reader, const GraphSnapshot& snapshot, const GraphPath& p,
                   bool with_evidence, PathResult* out) {
  *out = PathResult();
  out->cost = p.cost;
  for (VertexIndex v : p.vertices) {
    Node n;
    PG_RETURN_IF_ERROR(reader.GetNode(snapshot.node_id(v), &n));
    out->path.nodes.push_back(std::move(n));
  }
  for (RelIndex r : p.rels) {
    Relationship rel;
    PG_RETURN_IF_ERROR(reader.GetRelationship(snapshot.rel_id(r), &rel));
    if (with_evidence) {
      std::vector<Evidence> ev;
      PG_RETURN_IF_ERROR(reader.GetEvidence(rel.id, &ev));
      for (const Evidence& e : ev) {
        if (out->articles.count(e.article) != 0) continue;
        Article a;
        PG_RETURN_IF_ERROR(reader.GetArticle(e.article, &a));
        a.text.clear();
        out->articles.emplace(e.article, std::move(a));
      }
      out->evidence.push_back(std::move(ev));
    }
    out->path.relationships.push_back(std::move(rel));
  }
  return Status::OK();
}

}  // namespace pactgraph::graph

namespace pactgraph {

Result<NodeId> FindNodeByExternalId(const GraphReader& reader, std::string_view external_id) {
  const auto keys = reader.PropertyKeys();
  if (std::find(keys.begin(), keys.end(), "external_id") == keys.end()) return NodeId{0};
  NodeId found = 0;
  Status inner;
  PG_RETURN_IF_ERROR(reader.ScanNodes("", [&](NodeId id) {
    Node n;
    inner = reader.GetNode(id, &n);
    if (!inner.ok()) return false;
    auto it = n.properties.find("external_id");
    if (it != n.properties.end() && it->second.is_string() &&
        it->second.as_string() == external_id) {
      found = id;
      return false;
    }
    return true;
  }));
  PG_RETURN_IF_ERROR(inner);
  return found;
}

Result<NodeId> ResolveNode(const GraphReader& reader, std::string_view name) {
  std::vector<NodeId> ids;
  PG_RETURN_IF_ERROR(reader.FindNodesByName(name, &ids));
  if (ids.empty()) {
    std::string s(name);
    char* end = nullptr;
    unsigned long long id = std::strtoull(s.c_str(), &end, 10);
    if (!s.empty() && *end == '\0') {
      PG_ASSIGN_OR_RETURN(bool exists, reader.NodeExists(id));
      if (exists) return static_cast<NodeId>(id);
    }
    // An id a file gave that could not be the node's id, kept as `external_id` by import.
    PG_ASSIGN_OR_RETURN(NodeId external, FindNodeByExternalId(reader, name));
    if (external != 0) return external;
    std::vector<std::pair<std::string, NodeId>> near;
    PG_RETURN_IF_ERROR(
        reader.FindNamesByPrefix(name.substr(0, std::min<size_t>(name.size(), 3)), 5, &near));
    std::string hint;
    for (const auto& [n, nid] : near) hint += (hint.empty() ? "" : ", ") + n;
    return Status::NotFound("no node named '" + s + "'" +
                            (hint.empty() ? "" : "; did you mean: " + hint + "?"));
  }
  if (ids.size() > 1) {
    std::string list;
    for (NodeId id : ids) {
      Node n;
      PG_RETURN_IF_ERROR(reader.GetNode(id, &n));
      list += "\n  " + DescribeNode(n);
    }
    return Status::InvalidArgument("'" + std::string(name) + "' is ambiguous; " +
                                   std::to_string(ids.size()) +
                                   " nodes match (give the id instead):" + list);
  }
  return ids.front();
}

}  // namespace pactgraph

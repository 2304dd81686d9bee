// The in-memory graph behind the query pipeline's stand-alone tests.
#include "tests/query/fake_reader.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace pactgraph::testing {
namespace {

std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> NamesOf(const Node& n) {
  std::vector<std::string> out;
  if (auto it = n.properties.find("name"); it != n.properties.end() && it->second.is_string()) {
    out.push_back(Fold(it->second.as_string()));
  }
  if (auto it = n.properties.find("aliases"); it != n.properties.end() && it->second.is_list()) {
    for (const Value& a : it->second.as_list()) {
      if (a.is_string()) out.push_back(Fold(a.as_string()));
    }
  }
  return out;
}

}  // namespace

Status FakeGraph::GetNode(NodeId id, Node* out) const {
  auto it = nodes_.find(id);
  if (it == nodes_.end()) return Status::NotFound("node " + std::to_string(id));
  *out = it->second;
  return Status::OK();
}

Result<bool> FakeGraph::NodeExists(NodeId id) const { return nodes_.count(id) != 0; }

Status FakeGraph::FindNodesByName(std::string_view name, std::vector<NodeId>* out) const {
  out->clear();
  const std::string want = Fold(name);
  for (const auto& [id, n] : nodes_) {
    auto names = NamesOf(n);
    if (std::find(names.begin(), names.end(), want) != names.end()) out->push_back(id);
  }
  return Status::OK();
}

Status FakeGraph::FindNamesByPrefix(std::string_view prefix, size_t limit,
                                    std::vector<std::pair<std::string, NodeId>>* out) const {
  out->clear();
  const std::string want = Fold(prefix);
  std::set<std::pair<std::string, NodeId>> found;
  for (const auto& [id, n] : nodes_) {
    for (const std::string& name : NamesOf(n)) {
      if (name.compare(0, want.size(), want) == 0) found.insert({name, id});
    }
  }
  for (const auto& f : found) {
    if (out->size() == limit) break;
    out->push_back(f);
  }
  return Status::OK();
}

Status FakeGraph::ScanNodes(std::string_view label, const NodeIdFn& fn) const {
  for (const auto& [id, n] : nodes_) {
    if (!label.empty() && std::find(n.labels.begin(), n.labels.end(), label) == n.labels.end()) {
      continue;
    }
    if (!fn(id)) break;
  }
  return Status::OK();
}

Status FakeGraph::GetRelationship(RelId id, Relationship* out) const {
  auto it = rels_.find(id);
  if (it == rels_.end()) return Status::NotFound("relationship " + std::to_string(id));
  *out = it->second;
  return Status::OK();
}

Status FakeGraph::ScanRelationships(const RelEndpointsFn& fn) const {
  for (const auto& [id, r] : rels_) {
    if (!fn({id, *FindType(r.type), r.start, r.end})) break;
  }
  return Status::OK();
}

Status FakeGraph::Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                            const NeighborFn& fn) const {
  // (dir, type, other, rel), the store's order.
  std::vector<std::tuple<Direction, TypeId, NodeId, RelId>> entries;
  for (const auto& [id, r] : rels_) {
    const TypeId t = *FindType(r.type);
    if (!types.empty() && std::find(types.begin(), types.end(), t) == types.end()) continue;
    if (dir != Direction::kIn && r.start == node) entries.emplace_back(Direction::kOut, t, r.end, id);
    if (dir != Direction::kOut && r.end == node) entries.emplace_back(Direction::kIn, t, r.start, id);
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& [d, t, other, rel] : entries) {
    if (!fn(NeighborEntry{rel, other, t, d})) break;
  }
  return Status::OK();
}

Result<TypeId> FakeGraph::FindType(std::string_view name) const {
  for (size_t i = 0; i < types_.size(); ++i) {
    if (types_[i] == name) return static_cast<TypeId>(i + 1);
  }
  return Status::NotFound("type " + std::string(name));
}

Result<LabelId> FakeGraph::FindLabel(std::string_view name) const {
  auto labels = Labels();
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == name) return static_cast<LabelId>(i + 1);
  }
  return Status::NotFound("label " + std::string(name));
}

std::string FakeGraph::TypeName(TypeId id) const {
  return id >= 1 && id <= types_.size() ? types_[id - 1] : "";
}

std::vector<std::string> FakeGraph::Types() const {
  std::set<std::string> used;
  for (const auto& [id, r] : rels_) used.insert(r.type);
  return {used.begin(), used.end()};
}

std::vector<std::string> FakeGraph::Labels() const {
  std::set<std::string> used;
  for (const auto& [id, n] : nodes_) used.insert(n.labels.begin(), n.labels.end());
  return {used.begin(), used.end()};
}

std::vector<std::string> FakeGraph::PropertyKeys() const { return keys_; }

Status FakeGraph::GetArticle(ArticleId id, Article* out) const {
  auto it = articles_.find(id);
  if (it == articles_.end()) return Status::NotFound("article " + std::to_string(id));
  *out = it->second;
  return Status::OK();
}

Status FakeGraph::FindArticleByHash(std::string_view content_hash, ArticleId* out) const {
  for (const auto& [id, a] : articles_) {
    if (a.content_hash == content_hash) {
      *out = id;
      return Status::OK();
    }
  }
  return Status::NotFound("no article with that hash");
}

Status FakeGraph::ScanArticles(const ArticleFn& fn) const {
  for (const auto& [id, a] : articles_) {
    if (!fn(a)) break;
  }
  return Status::OK();
}

Status FakeGraph::GetEvidence(RelId rel, std::vector<Evidence>* out) const {
  auto it = evidence_.find(rel);
  *out = it == evidence_.end() ? std::vector<Evidence>{} : it->second;
  return Status::OK();
}

Status FakeGraph::GetStats(GraphStats* out) const {
  *out = GraphStats();
  out->nodes = nodes_.size();
  out->relationships = rels_.size();
  out->articles = articles_.size();
  for (const auto& [id, n] : nodes_) {
    for (const auto& l : n.labels) ++out->labels[l];
  }
  for (const auto& [id, r] : rels_) ++out->types[r.type];
  return Status::OK();
}

TypeId FakeGraph::InternType(std::string_view name) {
  if (auto t = FindType(name); t.ok()) return *t;
  types_.emplace_back(name);
  return static_cast<TypeId>(types_.size());
}

void FakeGraph::NoteKeys(const ValueMap& properties) {
  for (const auto& [k, v] : properties) {
    if (std::find(keys_.begin(), keys_.end(), k) == keys_.end()) keys_.push_back(k);
  }
}

Result<NodeId> FakeGraph::CreateNode(const std::vector<std::string>& labels,
                                     const ValueMap& properties) {
  const NodeId id = next_node_++;
  nodes_[id] = Node{id, labels, properties};
  NoteKeys(properties);
  return id;
}

Status FakeGraph::UpdateNode(const Node& node) {
  if (!nodes_.count(node.id)) return Status::NotFound("node " + std::to_string(node.id));
  nodes_[node.id] = node;
  NoteKeys(node.properties);
  return Status::OK();
}

Status FakeGraph::DeleteNode(NodeId id, bool detach) {
  if (!nodes_.count(id)) return Status::NotFound("node " + std::to_string(id));
  std::vector<RelId> attached;
  for (const auto& [rid, r] : rels_) {
    if (r.start == id || r.end == id) attached.push_back(rid);
  }
  if (!attached.empty() && !detach) {
    return Status::InvalidArgument("node " + std::to_string(id) + " still has relationships");
  }
  for (RelId r : attached) rels_.erase(r);
  nodes_.erase(id);
  return Status::OK();
}

Result<RelId> FakeGraph::CreateRelationship(NodeId start, NodeId end, std::string_view type,
                                            const ValueMap& properties) {
  if (!nodes_.count(start) || !nodes_.count(end)) return Status::NotFound("endpoint");
  InternType(type);
  const RelId id = next_rel_++;
  rels_[id] = Relationship{id, std::string(type), start, end, properties};
  NoteKeys(properties);
  return id;
}

Status FakeGraph::UpdateRelationship(RelId id, const ValueMap& properties) {
  auto it = rels_.find(id);
  if (it == rels_.end()) return Status::NotFound("relationship " + std::to_string(id));
  it->second.properties = properties;
  NoteKeys(properties);
  return Status::OK();
}

Status FakeGraph::DeleteRelationship(RelId id) {
  if (rels_.erase(id) == 0) return Status::NotFound("relationship " + std::to_string(id));
  return Status::OK();
}

Result<ArticleId> FakeGraph::AddArticle(const Article& article) {
  const ArticleId id = articles_.size() + 1;
  articles_[id] = article;
  articles_[id].id = id;
  return id;
}

Status FakeGraph::AddEvidence(const Evidence& evidence) {
  evidence_[evidence.relationship].push_back(evidence);
  return Status::OK();
}

}  // namespace pactgraph::testing

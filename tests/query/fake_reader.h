// tests/query/fake_reader.h — an in-memory GraphWriter for testing the query pipeline alone.
//
// FakeGraph keeps nodes, relationships and the dictionary in std::maps and implements every
// GraphReader / GraphWriter call the way the store documents it (adjacency ordered by
// direction, type, other node and relationship id; names found case-insensitively; Commit a
// no-op). It exists so that tests/query can run parse → bind → plan → execute over something
// that is not RocksDB: the query library links only the reader/writer interfaces.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pactgraph/graph.h"

namespace pactgraph::testing {

class FakeGraph : public GraphWriter {
 public:
  Status GetNode(NodeId id, Node* out) const override;
  Result<bool> NodeExists(NodeId id) const override;
  Status FindNodesByName(std::string_view name, std::vector<NodeId>* out) const override;
  Status FindNamesByPrefix(std::string_view prefix, size_t limit,
                           std::vector<std::pair<std::string, NodeId>>* out) const override;
  Status ScanNodes(std::string_view label, const NodeIdFn& fn) const override;
  Status GetRelationship(RelId id, Relationship* out) const override;
  Status ScanRelationships(const RelEndpointsFn& fn) const override;
  Status Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                   const NeighborFn& fn) const override;
  Result<TypeId> FindType(std::string_view name) const override;
  Result<LabelId> FindLabel(std::string_view name) const override;
  std::string TypeName(TypeId id) const override;
  std::vector<std::string> Types() const override;
  std::vector<std::string> Labels() const override;
  std::vector<std::string> PropertyKeys() const override;
  NodeId NodeIdBound() const override { return next_node_; }
  RelId RelIdBound() const override { return next_rel_; }
  Status GetArticle(ArticleId id, Article* out) const override;
  Status FindArticleByHash(std::string_view content_hash, ArticleId* out) const override;
  Status ScanArticles(const ArticleFn& fn) const override;
  Status GetEvidence(RelId rel, std::vector<Evidence>* out) const override;
  Status GetStats(GraphStats* out) const override;

  Result<NodeId> CreateNode(const std::vector<std::string>& labels,
                            const ValueMap& properties) override;
  Status UpdateNode(const Node& node) override;
  Status DeleteNode(NodeId id, bool detach) override;
  Result<RelId> CreateRelationship(NodeId start, NodeId end, std::string_view type,
                                   const ValueMap& properties) override;
  Status UpdateRelationship(RelId id, const ValueMap& properties) override;
  Status DeleteRelationship(RelId id) override;
  Result<ArticleId> AddArticle(const Article& article) override;
  Status AddEvidence(const Evidence& evidence) override;
  Status Commit() override { return Status::OK(); }

 private:
  TypeId InternType(std::string_view name);
  void NoteKeys(const ValueMap& properties);

  std::map<NodeId, Node> nodes_;
  std::map<RelId, Relationship> rels_;
  std::vector<std::string> types_;  // TypeId - 1 -> name
  std::vector<std::string> keys_;
  std::map<ArticleId, Article> articles_;
  std::map<RelId, std::vector<Evidence>> evidence_;
  NodeId next_node_ = 1;
  RelId next_rel_ = 1;
};

}  // namespace pactgraph::testing

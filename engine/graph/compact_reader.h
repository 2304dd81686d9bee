// engine/graph/compact_reader.h — adjacency questions answered from the in-memory CSR copy
// when it holds the reader's committed state, from the store otherwise.
//
// A query that expands many start nodes (1-hop and 2-hop patterns, variable-length
// expansions, `MATCH` over a whole label) asks GraphReader::Neighbors thousands of times; each
// call is a RocksDB prefix seek per (direction, type). A GraphSnapshot of the same state
// answers the same question from flat arrays. CompactReader wraps a reader and forwards every
// call to it except Neighbors, which it answers from a CompactAdjacency (below) when a
// snapshot built for exactly the reader's state (storage::ReaderExtensions::StateToken: the
// RocksDB identity and sequence number) is at hand:
//   - a snapshot already in the process (SharedSnapshot's cache: a path search, `CALL algo.*`
//     or OfferSnapshot at this state), looked for at the first Neighbors call;
//   - else, once the reader has answered `load_file_after` Neighbors calls from the store (a
//     query that expands many nodes), the snapshot file of that state in the database
//     directory (snapshot_file.h), when there is one.
// Nothing is ever built from the store here: a small query never pays for a copy, and a
// reader without a state token (a write transaction with its own changes) always reads the
// store. The entries, their order (by direction, type, other node, relationship) and early
// stops are exactly the store's (tests/engine/graph/compact_reader_test.cpp compares them).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "pactgraph/graph.h"
#include "storage/reader_extensions.h"

namespace pactgraph::graph {

// The snapshot's adjacency re-sorted the way GraphReader::Neighbors reports it: per vertex,
// the outgoing entries then the incoming ones, each sorted by (type, other node id,
// relationship id). 8 bytes per entry (16 per relationship) plus 8 per vertex; built once per
// snapshot on both cores (CompactAdjacencyFor shares it).
class CompactAdjacency {
 public:
  explicit CompactAdjacency(SnapshotPtr snapshot);
  const GraphSnapshot& snapshot() const { return *snapshot_; }
  // GraphReader::Neighbors over the snapshot.
  Status Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                   const NeighborFn& fn) const;
  size_t MemoryBytes() const;

 private:
  SnapshotPtr snapshot_;
  std::vector<uint32_t> start_;  // n + 1: the vertex's entries begin (outgoing first)
  std::vector<uint32_t> mid_;    // n: where its incoming entries begin
  std::vector<uint32_t> other_;  // per entry: the other end (VertexIndex)
  std::vector<uint32_t> rel_;    // per entry: the relationship (RelIndex)
};

// The CompactAdjacency of `snapshot`, shared by every caller while the snapshot is among the
// most recent ones asked for (thread-safe).
std::shared_ptr<const CompactAdjacency> CompactAdjacencyFor(const SnapshotPtr& snapshot);
// Makes `adjacency`, built by the caller, the one CompactAdjacencyFor hands out for its
// snapshot.
void ShareCompactAdjacency(const std::shared_ptr<const CompactAdjacency>& adjacency);

// Every (normalised name, node) pair of one committed state in a hash table: what
// GraphReader::FindNodesByName answers, without a RocksDB seek per name. Built from one scan
// of the name index (FindNamesByPrefix with an empty prefix); about 40 bytes per name.
class NameIndex {
 public:
  static Result<std::shared_ptr<const NameIndex>> Build(const GraphReader& reader);
  // GraphReader::FindNodesByName: sorted ids of the nodes whose name or an alias normalises
  // to the normal form of `name`.
  void Find(std::string_view name, std::vector<NodeId>* out) const;
  size_t names() const { return name_start_.size() - 1; }
  size_t MemoryBytes() const;

 private:
  std::string text_;                  // the distinct normalised names, back to back
  std::vector<uint64_t> name_start_;  // distinct names + 1 offsets into text_
  std::vector<uint64_t> node_start_;  // distinct names + 1 offsets into nodes_
  std::vector<NodeId> nodes_;         // per name, sorted
  std::vector<uint32_t> slots_;       // open addressing: name index + 1, 0 empty
};

// The NameIndex of the state named `token` when one was built in this process (NotFound
// otherwise); ShareNameIndex makes one available.
Result<std::shared_ptr<const NameIndex>> CurrentNameIndex(const std::string& token);
void ShareNameIndex(const std::string& token, std::shared_ptr<const NameIndex> index);

struct CompactReaderOptions {
  // Store-answered Neighbors calls after which the snapshot file is tried (0: at the first).
  uint32_t load_file_after = 256;
  // Store-answered FindNodesByName calls after which this reader builds the NameIndex of its
  // state (shared with later readers of the same state); 0: never build one.
  uint32_t build_names_after = 2000;
  bool enabled = true;  // false: always the store (differential tests, benchmarks)
};

class CompactReader final : public GraphReader, public storage::ReaderExtensions {
 public:
  // `base` must outlive this reader.
  explicit CompactReader(const GraphReader& base, CompactReaderOptions options = {});

  // How many Neighbors calls the compact copy and the store answered so far.
  uint64_t compact_calls() const { return compact_calls_; }
  uint64_t store_calls() const { return store_calls_; }
  // The same for FindNodesByName.
  uint64_t indexed_lookups() const { return indexed_lookups_; }
  uint64_t store_lookups() const { return store_lookups_; }

  Status Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                   const NeighborFn& fn) const override;

  // --- forwarded to the base reader ----------------------------------------------------
  Status GetNode(NodeId id, Node* out) const override { return base_.GetNode(id, out); }
  Result<bool> NodeExists(NodeId id) const override { return base_.NodeExists(id); }
  // From the state's NameIndex when there is one (see CompactReaderOptions), else the store.
  Status FindNodesByName(std::string_view name, std::vector<NodeId>* out) const override;
  Status FindNamesByPrefix(std::string_view prefix, size_t limit,
                           std::vector<std::pair<std::string, NodeId>>* out) const override {
    return base_.FindNamesByPrefix(prefix, limit, out);
  }
  Status ScanNodes(std::string_view label, const NodeIdFn& fn) const override {
    return base_.ScanNodes(label, fn);
  }
  Status GetRelationship(RelId id, Relationship* out) const override {
    return base_.GetRelationship(id, out);
  }
  Status ScanRelationships(const RelEndpointsFn& fn) const override {
    return base_.ScanRelationships(fn);
  }
  Result<TypeId> FindType(std::string_view name) const override { return base_.FindType(name); }
  Result<LabelId> FindLabel(std::string_view name) const override { return base_.FindLabel(name); }
  std::string TypeName(TypeId id) const override { return base_.TypeName(id); }
  std::vector<std::string> Types() const override { return base_.Types(); }
  std::vector<std::string> Labels() const override { return base_.Labels(); }
  std::vector<std::string> PropertyKeys() const override { return base_.PropertyKeys(); }
  NodeId NodeIdBound() const override { return base_.NodeIdBound(); }
  RelId RelIdBound() const override { return base_.RelIdBound(); }
  Status GetArticle(ArticleId id, Article* out) const override { return base_.GetArticle(id, out); }
  Status FindArticleByHash(std::string_view content_hash, ArticleId* out) const override {
    return base_.FindArticleByHash(content_hash, out);
  }
  Status ScanArticles(const ArticleFn& fn) const override { return base_.ScanArticles(fn); }
  Status GetEvidence(RelId rel, std::vector<Evidence>* out) const override {
    return base_.GetEvidence(rel, out);
  }
  Status GetStats(GraphStats* out) const override { return base_.GetStats(out); }

  // --- storage::ReaderExtensions, the base's (path searches and snapshots still find the
  // state token and the database directory through this reader) -------------------------
  std::string StateToken() const override { return ext_ ? ext_->StateToken() : ""; }
  std::string DatabaseDir() const override { return ext_ ? ext_->DatabaseDir() : ""; }
  Status ScanRelationshipProperties(const std::function<bool(RelId, ValueMap&)>& fn) const override;

 private:
  void Attach() const;  // looks for a current compact copy (see the file comment)

  const GraphReader& base_;
  const storage::ReaderExtensions* ext_;
  CompactReaderOptions options_;
  mutable std::string token_;
  mutable bool looked_in_memory_ = false;
  mutable bool looked_for_file_ = false;
  mutable std::shared_ptr<const CompactAdjacency> adjacency_;
  mutable uint64_t compact_calls_ = 0;
  mutable uint64_t store_calls_ = 0;
  mutable bool names_checked_ = false;
  mutable std::shared_ptr<const NameIndex> names_;
  mutable uint64_t indexed_lookups_ = 0;
  mutable uint64_t store_lookups_ = 0;
};

}  // namespace pactgraph::graph

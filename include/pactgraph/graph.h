// pactgraph/graph.h — reading and writing the stored property graph.
//
// GraphReader is a consistent, read-only view of the database pinned to one snapshot: every
// call on one reader sees the same state, whatever writers do meanwhile. GraphWriter is a
// write transaction: its reads see the committed state at its start plus its own writes, and
// Commit() applies all its writes as one atomic RocksDB WriteBatch (all or nothing, durable
// once acknowledged). Both are single-threaded objects: use one per thread.
//
// Identifiers: node, relationship and article ids are allocated from 1 and never reused.
// Labels and relationship types are interned to small ids (LabelId/TypeId) that adjacency
// scans report, so hot loops compare integers, not strings.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/export.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph {

using TypeId = uint32_t;
using LabelId = uint32_t;

enum class Direction : uint8_t { kOut = 0, kIn = 1, kBoth = 2 };

// A news article, stored once per content hash.
struct Article {
  ArticleId id = 0;
  std::string title;
  std::string source;        // URL or publisher
  std::string date;          // ISO "YYYY-MM-DD" or "YYYY-MM"; may be empty
  std::string text;          // the body as read
  std::string content_hash;  // hex SHA-256 of the body; the deduplication key
  std::string file;          // where it was read from (base name), informative
};

// Why a relationship exists: one sentence of one article.
struct Evidence {
  RelId relationship = 0;
  ArticleId article = 0;
  std::string sentence;
  uint32_t begin = 0;  // byte offsets of the sentence in the article text
  uint32_t end = 0;
  std::string modality;  // "actual", "committed" or "planned"
  std::string date;      // ISO date of the event (sentence date, else article date)
};

// One step of an adjacency scan. `dir` is kOut when the scanned node is the start node.
struct NeighborEntry {
  RelId rel = 0;
  NodeId other = 0;
  TypeId type = 0;
  Direction dir = Direction::kOut;
};

// A relationship without its properties: what whole-graph scans report.
struct RelEndpoints {
  RelId id = 0;
  TypeId type = 0;
  NodeId start = 0;
  NodeId end = 0;
};

struct GraphStats {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t articles = 0;
  uint64_t evidence = 0;
  std::map<std::string, uint64_t> labels;  // nodes per label
  std::map<std::string, uint64_t> types;   // relationships per type
  uint64_t disk_bytes = 0;
};

// Callbacks return true to continue, false to stop the scan early.
using NodeIdFn = std::function<bool(NodeId)>;
using NeighborFn = std::function<bool(const NeighborEntry&)>;
using RelEndpointsFn = std::function<bool(const RelEndpoints&)>;
using ArticleFn = std::function<bool(const Article&)>;

class PACTGRAPH_EXPORT GraphReader {
 public:
  virtual ~GraphReader() = default;

  // --- nodes -------------------------------------------------------------------------------
  // NotFound when no live node has this id.
  virtual Status GetNode(NodeId id, Node* out) const = 0;
  virtual Result<bool> NodeExists(NodeId id) const = 0;
  // Nodes whose name or one of whose aliases equals `name` after normalisation (NFKC, case
  // folding, diacritics removed, spaces collapsed): "Việt Nam" finds "Viet Nam". Sorted ids.
  virtual Status FindNodesByName(std::string_view name, std::vector<NodeId>* out) const = 0;
  // Up to `limit` (normalised name, node) pairs whose normalised name starts with the
  // normalised `prefix`; for completion.
  virtual Status FindNamesByPrefix(std::string_view prefix, size_t limit,
                                   std::vector<std::pair<std::string, NodeId>>* out) const = 0;
  // Every live node with `label` (all nodes when label is empty), in id order.
  virtual Status ScanNodes(std::string_view label, const NodeIdFn& fn) const = 0;

  // --- relationships -----------------------------------------------------------------------
  virtual Status GetRelationship(RelId id, Relationship* out) const = 0;
  virtual Status ScanRelationships(const RelEndpointsFn& fn) const = 0;
  // Relationships at `node` in direction `dir` (kBoth: outgoing then incoming; a self-loop
  // appears once per direction) restricted to `types` (empty: all types). One prefix seek per
  // (direction, type). Entries come ordered by (dir, type, other, rel).
  virtual Status Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                           const NeighborFn& fn) const = 0;

  // --- dictionary --------------------------------------------------------------------------
  // Ids of known types/labels; NotFound when the name was never used.
  virtual Result<TypeId> FindType(std::string_view name) const = 0;
  virtual Result<LabelId> FindLabel(std::string_view name) const = 0;
  virtual std::string TypeName(TypeId id) const = 0;
  virtual std::vector<std::string> Types() const = 0;         // every type with a live relationship
  virtual std::vector<std::string> Labels() const = 0;        // every label with a live node
  virtual std::vector<std::string> PropertyKeys() const = 0;  // every key ever written
  // One past the largest node id ever allocated: node ids lie in [1, NodeIdBound()).
  virtual NodeId NodeIdBound() const = 0;
  virtual RelId RelIdBound() const = 0;

  // --- articles and evidence ---------------------------------------------------------------
  virtual Status GetArticle(ArticleId id, Article* out) const = 0;
  // NotFound when no article has this content hash.
  virtual Status FindArticleByHash(std::string_view content_hash, ArticleId* out) const = 0;
  virtual Status ScanArticles(const ArticleFn& fn) const = 0;
  // All evidence of a relationship, in insertion order.
  virtual Status GetEvidence(RelId rel, std::vector<Evidence>* out) const = 0;

  virtual Status GetStats(GraphStats* out) const = 0;
};

class PACTGRAPH_EXPORT GraphWriter : public GraphReader {
 public:
  // Labels: one or more. Properties may hold "name" (string) and "aliases" (list of strings);
  // both are indexed for FindNodesByName.
  virtual Result<NodeId> CreateNode(const std::vector<std::string>& labels,
                                    const ValueMap& properties) = 0;
  // Replaces the labels and properties of an existing node (indexes follow).
  virtual Status UpdateNode(const Node& node) = 0;
  // Without `detach`, fails with InvalidArgument when the node still has relationships.
  // With it, deletes those relationships (and their evidence) too.
  virtual Status DeleteNode(NodeId id, bool detach) = 0;

  virtual Result<RelId> CreateRelationship(NodeId start, NodeId end, std::string_view type,
                                           const ValueMap& properties) = 0;
  virtual Status UpdateRelationship(RelId id, const ValueMap& properties) = 0;
  virtual Status DeleteRelationship(RelId id) = 0;

  // Stores an article (its id is assigned; `article.id` is ignored).
  virtual Result<ArticleId> AddArticle(const Article& article) = 0;
  virtual Status AddEvidence(const Evidence& evidence) = 0;

  // Applies every write as one atomic batch. After Commit (ok or not) the writer is spent.
  virtual Status Commit() = 0;
};

// Bulk loading: many nodes and relationships written as sorted SST files and ingested
// atomically (RocksDB IngestExternalFiles). Nothing is visible until Finish() succeeds; a crash
// before that leaves the database as it was. Holds the database's write lock while alive.
class PACTGRAPH_EXPORT BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // Returns the id the node will have.
  virtual Result<NodeId> AddNode(const std::vector<std::string>& labels,
                                 const ValueMap& properties) = 0;
  // `start`/`end` are ids returned by AddNode or ids of nodes already in the database.
  virtual Result<RelId> AddRelationship(NodeId start, NodeId end, std::string_view type,
                                        const ValueMap& properties) = 0;
  // A hint: about this many nodes and relationships will be added (avoids regrowth).
  virtual void Reserve(uint64_t nodes, uint64_t relationships) {
    (void)nodes;
    (void)relationships;
  }
  virtual uint64_t pending_nodes() const = 0;
  virtual uint64_t pending_relationships() const = 0;
  // Writes and ingests everything. `progress(done, total)` may be called along the way.
  virtual Status Finish(const std::function<void(uint64_t, uint64_t)>& progress = {}) = 0;
};

}  // namespace pactgraph

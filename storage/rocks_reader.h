// storage/rocks_reader.h — GraphReader over RocksDB, shared by snapshots and write transactions.
//
// ReaderImpl<Interface> implements every GraphReader method on top of three primitives —
// GetRaw (point read), NewIter (iterator) and the dictionary — which a snapshot reader binds to
// a RocksDB snapshot and a write transaction binds to its WriteBatchWithIndex overlaid on the
// database (read-your-writes). Instantiated for GraphReader and GraphWriter in rocks_reader.cpp.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include <memory>
#include <optional>
#include <string>

#include "pactgraph/graph.h"
#include "storage/reader_extensions.h"
#include "storage/rocks_database.h"

namespace pactgraph::storage {

template <typename Interface>
class ReaderImpl : public Interface, public ReaderExtensions {
 public:
  explicit ReaderImpl(RocksDatabase* db) : db_(db) {}

  Status ScanRelationshipProperties(const std::function<bool(RelId, ValueMap&)>& fn) const override;

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
  NodeId NodeIdBound() const override;
  RelId RelIdBound() const override;
  Status GetArticle(ArticleId id, Article* out) const override;
  Status FindArticleByHash(std::string_view content_hash, ArticleId* out) const override;
  Status ScanArticles(const ArticleFn& fn) const override;
  Status GetEvidence(RelId rel, std::vector<Evidence>* out) const override;
  Status GetStats(GraphStats* out) const override;

 protected:
  // NotFound when absent.
  virtual Status GetRaw(int cf, std::string_view key, std::string* value) const = 0;
  // `total_order`: the scan may cross prefix-extractor boundaries.
  virtual std::unique_ptr<rocksdb::Iterator> NewIter(int cf, bool total_order) const = 0;
  virtual std::optional<uint32_t> DictFind(char kind, std::string_view name) const {
    return db_->dict().Find(kind, name);
  }
  virtual std::string DictName(char kind, uint32_t id) const { return db_->dict().Name(kind, id); }
  virtual IdCounters Ids() const { return db_->ids(); }
  // Counter value in meta (0 when absent).
  uint64_t ReadCounter(std::string_view key) const;
  Status DecodeNode(NodeId id, std::string_view bytes, Node* out) const;

  RocksDatabase* db_;
};

// A read-only view pinned to a RocksDB snapshot.
class SnapshotReader final : public ReaderImpl<GraphReader> {
 public:
  explicit SnapshotReader(RocksDatabase* db);
  ~SnapshotReader() override;

  std::string StateToken() const override;
  std::string DatabaseDir() const override;

 protected:
  Status GetRaw(int cf, std::string_view key, std::string* value) const override;
  std::unique_ptr<rocksdb::Iterator> NewIter(int cf, bool total_order) const override;

 private:
  const rocksdb::Snapshot* snapshot_;  // null on a read-only instance (no snapshots there)
  IdCounters ids_;
  // A read-only instance's reader sees the state of its last CatchUp(): the sequence number
  // reached then names that state until the next catch-up (a new version()).
  uint64_t version_at_start_;
  uint64_t secondary_sequence_;
  IdCounters Ids() const override { return ids_; }
};

}  // namespace pactgraph::storage

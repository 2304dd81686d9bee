// engine/io/node_matching.h — where each imported row goes: the file's ids kept as node ids,
// `external_id` for the ids that cannot be, and rows matched to what the database already
// holds (pactgraph/import_export.h gives the rules; docs/cli.md "Ids and re-import").
//
// Both importers use it the same way: Plan() with the file's ids (a pre-pass), then Place()
// for each node row in file order, Flush() once after the last, and for relationships
// MatchRelationship() before adding one.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pactgraph/bulk_restore.h"
#include "pactgraph/graph.h"
#include "pactgraph/import_export.h"

namespace pactgraph::io {

// A canonical whole number >= 1 ("3007"; not "0", "007", "+3", "3.0"): an id a node can keep.
std::optional<NodeId> KeepableId(std::string_view file_id);

class NodePlacer {
 public:
  // What Place() returns: a node id, or a row held until Flush() (Resolve() gives its id then).
  using Handle = uint64_t;

  NodePlacer(const GraphReader& reader, BulkLoader& loader, const ImportOptions& options);

  // `ascending_keepable`: every file id is KeepableId and they rise strictly in file order.
  // Such files stream; any other file's new rows are held in memory and added at Flush (ids
  // kept in ascending order first, then the new ids).
  void Plan(bool ascending_keepable) { stream_ = ascending_keepable; }

  Result<Handle> Place(const std::string& file_id, std::vector<std::string> labels, ValueMap props);
  Status Flush();
  NodeId Resolve(Handle h) const {
    return (h & kHeldBit) ? held_ids_[h & ~kHeldBit] : static_cast<NodeId>(h);
  }
  // Whether `id` was stored before this import (a matched node).
  bool Existing(NodeId id) const { return id < bound_; }

  // In kMerge mode, for a relationship between two existing nodes: true when a stored
  // relationship with this type and these properties joins them and no earlier row took it.
  Result<bool> MatchRelationship(NodeId start, NodeId end, const std::string& type,
                                 const ValueMap& props);

  void Fill(ImportSummary* summary) const;

 private:
  static constexpr Handle kHeldBit = Handle{1} << 63;
  struct Held {
    std::optional<NodeId> keep;  // the file's id, when it can be kept
    std::string file_id;
    std::vector<std::string> labels;
    ValueMap props;
  };

  Result<std::optional<NodeId>> FindStored(const std::string& file_id,
                                           const std::vector<std::string>& labels,
                                           const ValueMap& props);
  Status LoadExternalIds();
  Status Compare(NodeId id, const std::vector<std::string>& labels, const ValueMap& props);
  Result<NodeId> Add(const std::optional<NodeId>& keep, const std::string& file_id,
                     const std::vector<std::string>& labels, ValueMap props);

  const GraphReader& reader_;
  BulkLoader& loader_;
  BulkRestore* restore_;  // the loader's id control
  ImportOptions options_;
  const NodeId bound_;  // the database's next node id when the import began
  bool stream_ = false;
  NodeId last_kept_ = 0;
  std::vector<Held> held_;
  std::vector<NodeId> held_ids_;
  std::unique_ptr<std::unordered_map<std::string, NodeId>> external_;  // loaded on first need
  std::unordered_map<std::string, std::optional<TypeId>> types_;
  std::unordered_set<RelId> taken_;  // stored relationships already matched by a row
  uint64_t added_ = 0, matched_ = 0, differing_ = 0, rels_matched_ = 0;
  uint64_t external_ids_ = 0;  // added without keeping the file's id
  std::vector<NodeId> differing_examples_;
};

}  // namespace pactgraph::io

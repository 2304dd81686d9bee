// engine/graph/graph_snapshot.h — an immutable compressed-sparse-row copy of the stored graph.
//
// Whole-graph algorithms and repeated path queries run on a GraphSnapshot rather than on the
// store: it is built once from GraphReader::ScanNodes / ScanRelationships (one sequential scan
// each, plus one ScanNodes per label) and then answers adjacency questions from flat arrays.
//
// Layout. Vertices are dense indices 0..n-1 in node-id order; relationships are dense indices
// 0..m-1 in relationship-id order. The adjacency is a boost::compressed_sparse_row_graph in
// which every relationship u->v appears twice: as a forward entry at u (target v) and as a
// reverse entry at v (target u). Each entry carries `rel << 1 | reverse`. So one structure
// answers out-edges (forward entries), in-edges (reverse entries) and undirected incidence
// (all entries) without a second copy.
//
// Memory per relationship: 2 entries x (4 B column + 4 B entry property) = 16 B, plus the
// relationship columns: id 8 B, type 4 B, start 4 B, end 4 B, weight 8 B, date 4 B = 32 B;
// about 48 B per relationship in all, plus 2 x 16 B (the cost-sorted entries) and
// 12 B per node when weights are loaded. Per node: 8 B id, 4 B row start, label offsets 4 B and
// 4 B per label; the NodeId -> index table costs 4 B per id ever allocated.
//
// Thread-safety: immutable after construction; share it freely (std::shared_ptr<const>).
// Keeping it in step with writes is SnapshotCache's job (rebuilt when Database::version()
// changes).
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph::graph {

using VertexIndex = uint32_t;
using RelIndex = uint32_t;
inline constexpr VertexIndex kNoVertex = std::numeric_limits<VertexIndex>::max();
inline constexpr int32_t kNoDate = std::numeric_limits<int32_t>::min();

// What to load besides the topology. Reading properties costs one GetRelationship per
// relationship, so weights and dates are loaded only when asked for.
struct SnapshotOptions {
  // Relationship cost used by weighted searches. Empty: every relationship costs 1.
  // A property name (e.g. "weight"): its numeric value; a missing or non-numeric value costs
  // 1; negative values are rejected when a weighted search runs.
  // "evidence": 1 / (1 + number of evidence sentences) — well-attested ties are cheap.
  // "recency": 1 + age in years of the relationship's newest evidence (or `date_property`)
  // relative to the newest date in the graph; undated relationships cost the oldest age + 2.
  std::string weight;
  // Relationship property holding the date used by time windows (a date or an ISO
  // "YYYY-MM-DD" / "YYYY-MM" / "YYYY" string); a relationship without it takes the newest
  // date of its evidence. Empty: no dates loaded.
  std::string date_property;

  bool operator==(const SnapshotOptions&) const = default;
};

// One relationship for GraphSnapshot::FromEdges (tests and benchmarks).
struct EdgeSpec {
  NodeId start = 0;
  NodeId end = 0;
  TypeId type = 0;
  RelId id = 0;  // 0: assigned as position + 1
  double weight = 1.0;
  int32_t date = kNoDate;  // days since 1970-01-01
};

// The adjacency with each entry's cost beside it, for weighted searches. Vertices are
// renumbered by decreasing degree ("ranks"), so the hubs most searches pass through share a
// few cache lines of the searches' per-vertex state; each row is sorted by cost (ties by
// target, then property) so a search can stop reading a row at its horizon.
struct WeightedEntry {
  double weight;
  uint32_t target;  // a rank
  uint32_t prop;    // rel << 1 | reverse
};
struct WeightedAdjacency {
  std::vector<uint32_t> row;  // by rank: entries [row[r], row[r + 1])
  std::vector<WeightedEntry> entries;
  std::vector<uint32_t> rank;       // by VertexIndex
  std::vector<VertexIndex> vertex;  // by rank
};

// Shortest-path trees, on the weights and ignoring direction, rooted at the highest-degree
// vertices. The cost through a hub, dist[h][s] + dist[h][t], bounds an unfiltered weighted
// search from above before it starts; on heavy-tailed graphs it is within about 1% of the
// cheapest path on average, so the search can stop as soon as its two frontiers reach it.
struct HubTrees {
  std::vector<uint32_t> hubs;                 // ranks
  std::vector<std::vector<double>> dist;      // [hub][rank]
  std::vector<std::vector<uint32_t>> parent;  // [hub][rank]: rank one step nearer the hub
  std::vector<std::vector<RelIndex>> rel;     // [hub][rank]: relationship to that parent
};

struct CsrHolder;  // the Boost.Graph structure, defined in engine/graph/csr.h

class GraphSnapshot {
 public:
  // Copies the graph visible to `reader`. IOError/Corruption from the store are returned.
  static Result<std::shared_ptr<const GraphSnapshot>> Build(const GraphReader& reader,
                                                            const SnapshotOptions& options);
  // An in-memory graph: `nodes` (distinct ids; endpoints not listed are added), their labels
  // (`labels[i]` for nodes[i]; may be shorter), names of types and labels by id.
  static std::shared_ptr<const GraphSnapshot> FromEdges(
      std::vector<NodeId> nodes, const std::vector<std::vector<LabelId>>& labels,
      const std::vector<EdgeSpec>& edges, std::vector<std::string> type_names = {},
      std::vector<std::string> label_names = {});

  ~GraphSnapshot();
  GraphSnapshot(const GraphSnapshot&) = delete;
  GraphSnapshot& operator=(const GraphSnapshot&) = delete;

  uint32_t num_vertices() const { return static_cast<uint32_t>(node_ids_.size()); }
  uint32_t num_rels() const { return static_cast<uint32_t>(rel_ids_.size()); }

  NodeId node_id(VertexIndex v) const { return node_ids_[v]; }
  // kNoVertex when `id` is not a node of the snapshot.
  VertexIndex FindVertex(NodeId id) const {
    return id < index_of_.size() ? index_of_[id] : kNoVertex;
  }
  std::span<const LabelId> labels(VertexIndex v) const {
    return {label_ids_.data() + label_start_[v], label_ids_.data() + label_start_[v + 1]};
  }

  RelId rel_id(RelIndex r) const { return rel_ids_[r]; }
  TypeId rel_type(RelIndex r) const { return rel_types_[r]; }
  VertexIndex rel_start(RelIndex r) const { return rel_start_[r]; }
  VertexIndex rel_end(RelIndex r) const { return rel_end_[r]; }
  double rel_weight(RelIndex r) const { return weights_.empty() ? 1.0 : weights_[r]; }
  int32_t rel_date(RelIndex r) const { return dates_.empty() ? kNoDate : dates_[r]; }
  bool has_weights() const { return !weights_.empty(); }
  bool has_dates() const { return !dates_.empty(); }
  bool has_negative_weight() const { return has_negative_weight_; }
  const SnapshotOptions& options() const { return options_; }

  // Raw adjacency: entries of vertex v are [row_start()[v], row_start()[v + 1]); entry i has
  // target column()[i] and property entry_prop()[i] = rel << 1 | reverse.
  const uint32_t* row_start() const { return row_start_.data(); }
  const uint32_t* column() const { return column_.data(); }
  const uint32_t* entry_prop() const { return entry_prop_.data(); }
  // The adjacency again, for weighted searches: nullptr when every relationship costs 1.
  const WeightedAdjacency* weighted() const { return weighted_.row.empty() ? nullptr : &weighted_; }
  // The hub trees over weighted(), built by the first call (thread-safe; O(hubs x m log n)).
  // Callers decide when building pays off (see paths_weighted.cpp). Requires weighted().
  const HubTrees& hub_trees() const;
  // Counts the calls (how many unfiltered weighted searches ran on this snapshot).
  uint32_t CountWeightedSearch() const { return ++weighted_searches_; }

  // Dictionary (ids as the store assigns them). Empty string for unknown ids.
  const std::string& TypeName(TypeId t) const;
  const std::string& LabelName(LabelId l) const;
  const std::vector<std::string>& type_names() const { return type_names_; }
  const std::vector<std::string>& label_names() const { return label_names_; }

  // Approximate heap bytes held.
  size_t MemoryBytes() const;
  // The same adjacency as a boost::compressed_sparse_row_graph (csr.h), for the Boost.Graph
  // algorithms that want one (strong components, core numbers). Built by the first call
  // (thread-safe; a copy of the adjacency): searches use the raw rows above instead.
  const CsrHolder& csr() const;

 private:
  friend class SnapshotFileAccess;  // snapshot_file.cpp reads and writes the columns
  GraphSnapshot();
  // Builds the CSR from rel_start_/rel_end_ and the vertex count.
  void BuildAdjacency();
  // Fills weighted_ from the adjacency and weights_.
  void BuildWeightedAdjacency();
  // Loads weights_ and dates_ as options_ asks (one GetRelationship per relationship).
  Status LoadRelationshipColumns(const GraphReader& reader);

  SnapshotOptions options_;
  std::vector<NodeId> node_ids_;
  std::vector<VertexIndex> index_of_;  // NodeId -> VertexIndex
  std::vector<uint32_t> label_start_;  // n + 1 offsets into label_ids_
  std::vector<LabelId> label_ids_;
  std::vector<RelId> rel_ids_;
  std::vector<TypeId> rel_types_;
  std::vector<VertexIndex> rel_start_;
  std::vector<VertexIndex> rel_end_;
  std::vector<double> weights_;
  WeightedAdjacency weighted_;  // empty without weights
  mutable std::once_flag hub_once_;
  mutable HubTrees hub_trees_;
  mutable std::atomic<uint32_t> weighted_searches_{0};
  std::vector<int32_t> dates_;
  bool has_negative_weight_ = false;
  std::vector<std::string> type_names_;
  std::vector<std::string> label_names_;
  // Every relationship u->v as a forward entry at u and a reverse entry at v, rows in vertex
  // order, entries within a row in relationship order (forward before reverse).
  std::vector<uint32_t> row_start_;   // n + 1
  std::vector<uint32_t> column_;      // 2m
  std::vector<uint32_t> entry_prop_;  // 2m: rel << 1 | reverse
  mutable std::once_flag csr_once_;
  mutable std::unique_ptr<CsrHolder> csr_;
};

using SnapshotPtr = std::shared_ptr<const GraphSnapshot>;

// Parses a relationship date value: a Date, or a "YYYY-MM-DD" / "YYYY-MM" / "YYYY" string
// (month and year mean their first day). kNoDate when absent or unparseable.
int32_t DateDays(const Value& v);
int32_t IsoDateDays(std::string_view iso);

}  // namespace pactgraph::graph

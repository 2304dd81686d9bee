// engine/graph/path_filter.h — restrictions applied while a search runs.
//
// A PathFilter names what a search may use: relationship types, node labels to allow or
// avoid, direction, a window on relationship dates and a hop bound. CompiledFilter resolves it
// against one snapshot into integer tests that the searches call on every relationship entry
// and every vertex they reach, so filters prune the search itself instead of its results.
// The endpoints of a path query are always allowed (the caller named them); label filters
// concern the nodes in between. Whole-graph algorithms use the same filter with no endpoints.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::graph {

struct PathFilter {
  std::vector<std::string> types;         // relationship types (case-insensitive); empty: all
  std::vector<std::string> allow_labels;  // non-empty: inner nodes need one of these labels
  std::vector<std::string> avoid_labels;  // inner nodes may have none of these labels
  bool directed = false;                  // respect relationship direction
  std::optional<Date> since;              // relationship date >= since (inclusive)
  std::optional<Date> until;              // relationship date <= until (inclusive)
  uint32_t max_hops = 6;                  // longest path considered (relationships)
  // Optional extra tests (e.g. WHERE predicates of a query), called during the search.
  std::function<bool(VertexIndex)> vertex_predicate;
  std::function<bool(RelIndex)> rel_predicate;

  bool has_window() const { return since.has_value() || until.has_value(); }
};

class CompiledFilter {
 public:
  CompiledFilter() = default;
  // InvalidArgument for an unknown type or label (the message lists the known ones), or a
  // time window on a snapshot built without dates. `source`/`target` are exempt from the
  // vertex tests (kNoVertex for none).
  static Result<CompiledFilter> Compile(const GraphSnapshot& snapshot, const PathFilter& filter,
                                        VertexIndex source = kNoVertex,
                                        VertexIndex target = kNoVertex);

  // May the search follow this adjacency entry? `backward` is true for a search walking from
  // the target towards the source (it follows reverse entries when directed).
  bool EntryOk(uint32_t prop, bool backward) const {
    if (directed_ && ((prop & 1u) != 0) != backward) return false;
    return RelOk(prop >> 1);
  }
  // Type, date window and extra predicate of one relationship (direction aside).
  bool RelOk(RelIndex r) const {
    if (!type_ok_.empty()) {
      TypeId t = snapshot_->rel_type(r);
      if (t >= type_ok_.size() || !type_ok_[t]) return false;
    }
    if (has_window_) {
      int32_t d = snapshot_->rel_date(r);
      if (d == kNoDate || d < since_ || d > until_) return false;
    }
    return !rel_predicate_ || rel_predicate_(r);
  }
  bool VertexOk(VertexIndex v) const {
    if (v == source_ || v == target_) return true;
    if (!vertex_ok_.empty() && !vertex_ok_[v]) return false;
    return !vertex_predicate_ || vertex_predicate_(v);
  }
  bool directed() const { return directed_; }
  uint32_t max_hops() const { return max_hops_; }
  // True when EntryOk depends on nothing but direction (fast paths may skip the calls).
  bool trivial() const {
    return type_ok_.empty() && !has_window_ && !rel_predicate_ && vertex_ok_.empty() &&
           !vertex_predicate_;
  }

 private:
  const GraphSnapshot* snapshot_ = nullptr;
  bool directed_ = false;
  uint32_t max_hops_ = 6;
  std::vector<char> type_ok_;    // by TypeId; empty: every type
  std::vector<char> vertex_ok_;  // by VertexIndex; empty: every vertex
  bool has_window_ = false;
  int32_t since_ = 0;
  int32_t until_ = 0;
  VertexIndex source_ = kNoVertex;
  VertexIndex target_ = kNoVertex;
  std::function<bool(VertexIndex)> vertex_predicate_;
  std::function<bool(RelIndex)> rel_predicate_;
};

}  // namespace pactgraph::graph

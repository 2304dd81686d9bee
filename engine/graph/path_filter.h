// engine/graph/path_filter.h — restrictions applied while a search runs.
//
// A GraphFilter names what a search may use: relationship types, node labels to allow or
// avoid, direction, a window on relationship dates and a hop bound. CompiledFilter resolves it
// against one snapshot into integer tests that the searches call on every relationship entry
// and every vertex they reach, so filters prune the search itself instead of its results.
// The endpoints of a path query are always allowed (the caller named them); label filters
// concern the nodes in between. Whole-graph algorithms use the same filter with no endpoints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/graph/graph_snapshot.h"
#include "pactgraph/paths.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::graph {

// GraphFilter is the public API's (pactgraph/paths.h).

class CompiledFilter {
 public:
  CompiledFilter() = default;
  // InvalidArgument for an unknown type or label (the message lists the known ones), or a
  // time window on a snapshot built without dates. `source`/`target` are exempt from the
  // vertex tests (kNoVertex for none).
  static Result<CompiledFilter> Compile(const GraphSnapshot& snapshot, const GraphFilter& filter,
                                        VertexIndex source = kNoVertex,
                                        VertexIndex target = kNoVertex);

  // May the search follow this adjacency entry? `backward` is true for a search walking from
  // the target towards the source (it follows reverse entries when directed).
  bool EntryOk(uint32_t prop, bool backward) const {
    if (directed_ && ((prop & 1u) != 0) != backward) return false;
    return RelOk(prop >> 1);
  }
  // Type and date window of one relationship (direction aside).
  bool RelOk(RelIndex r) const {
    if (!type_ok_.empty()) {
      TypeId t = snapshot_->rel_type(r);
      if (t >= type_ok_.size() || !type_ok_[t]) return false;
    }
    if (has_window_) {
      int32_t d = snapshot_->rel_date(r);
      if (d == kNoDate ? !include_undated_ : (d < since_ || d > until_)) return false;
    }
    return true;
  }
  bool VertexOk(VertexIndex v) const {
    if (v == source_ || v == target_) return true;
    return vertex_ok_.empty() || vertex_ok_[v];
  }
  bool directed() const { return directed_; }
  uint32_t max_hops() const { return max_hops_; }
  // True when EntryOk depends on nothing but direction (fast paths may skip the calls).
  bool trivial() const { return type_ok_.empty() && !has_window_ && vertex_ok_.empty(); }

 private:
  const GraphSnapshot* snapshot_ = nullptr;
  bool directed_ = false;
  uint32_t max_hops_ = 6;
  std::vector<char> type_ok_;    // by TypeId; empty: every type
  std::vector<char> vertex_ok_;  // by VertexIndex; empty: every vertex
  bool has_window_ = false;
  bool include_undated_ = false;
  int32_t since_ = 0;
  int32_t until_ = 0;
  VertexIndex source_ = kNoVertex;
  VertexIndex target_ = kNoVertex;
};

}  // namespace pactgraph::graph

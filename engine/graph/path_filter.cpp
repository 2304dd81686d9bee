// engine/graph/path_filter.cpp — resolving a GraphFilter against a snapshot.
#include "engine/graph/path_filter.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace pactgraph::graph {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Ids whose name matches `wanted` case-insensitively; InvalidArgument naming the known ones.
Status Resolve(const std::vector<std::string>& names, const std::vector<std::string>& wanted,
               const char* what, std::vector<char>* mask) {
  mask->assign(std::max<size_t>(names.size(), 1), 0);
  for (const std::string& w : wanted) {
    bool found = false;
    for (size_t id = 0; id < names.size(); ++id) {
      if (!names[id].empty() && Lower(names[id]) == Lower(w)) {
        (*mask)[id] = 1;
        found = true;
      }
    }
    if (!found) {
      std::string known;
      for (const std::string& n : names) {
        if (n.empty()) continue;
        known += (known.empty() ? "" : ", ") + n;
      }
      return Status::InvalidArgument(std::string("unknown ") + what + " '" + w +
                                     "' (known: " + (known.empty() ? "none" : known) + ")");
    }
  }
  return Status::OK();
}

}  // namespace

Result<CompiledFilter> CompiledFilter::Compile(const GraphSnapshot& snapshot,
                                               const GraphFilter& filter, VertexIndex source,
                                               VertexIndex target) {
  CompiledFilter f;
  f.snapshot_ = &snapshot;
  f.directed_ = filter.directed;
  f.max_hops_ = filter.max_hops;
  f.source_ = source;
  f.target_ = target;
  if (!filter.types.empty()) {
    PG_RETURN_IF_ERROR(
        Resolve(snapshot.type_names(), filter.types, "relationship type", &f.type_ok_));
  }
  if (!filter.allow_labels.empty() || !filter.avoid_labels.empty()) {
    std::vector<char> allow, avoid;
    if (!filter.allow_labels.empty()) {
      PG_RETURN_IF_ERROR(Resolve(snapshot.label_names(), filter.allow_labels, "label", &allow));
    }
    if (!filter.avoid_labels.empty()) {
      PG_RETURN_IF_ERROR(Resolve(snapshot.label_names(), filter.avoid_labels, "label", &avoid));
    }
    f.vertex_ok_.assign(snapshot.num_vertices(), 0);
    for (VertexIndex v = 0; v < snapshot.num_vertices(); ++v) {
      bool allowed = allow.empty(), avoided = false;
      for (LabelId l : snapshot.labels(v)) {
        if (l < allow.size() && allow[l]) allowed = true;
        if (l < avoid.size() && avoid[l]) avoided = true;
      }
      f.vertex_ok_[v] = allowed && !avoided;
    }
  }
  if (filter.has_window()) {
    if (!snapshot.has_dates()) {
      return Status::InvalidArgument(
          "a time window needs relationship dates, but this graph copy has none loaded");
    }
    f.has_window_ = true;
    f.include_undated_ = filter.include_undated;
    f.since_ = filter.since ? filter.since->days : std::numeric_limits<int32_t>::min() + 1;
    f.until_ = filter.until ? filter.until->days : std::numeric_limits<int32_t>::max();
  }
  return f;
}

}  // namespace pactgraph::graph

// engine/graph/path_search.cpp — the public path search (pactgraph/paths.h): a named pair of
// nodes, options as users give them, answers as stored nodes and relationships with evidence.
// Every caller — `pactgraph path`, the shell's :path, CALL algo.shortestPath, embedders —
// comes through here to the searches of paths.h on the shared snapshot of the reader's state.
#include <algorithm>
#include <cstdlib>

#include "engine/graph/path_resolve.h"
#include "engine/graph/paths.h"
#include "engine/graph/snapshot_cache.h"
#include "pactgraph/paths.h"

namespace pactgraph {

Status FindPaths(const GraphReader& reader, NodeId from, NodeId to, const PathOptions& options,
                 PathAnswer* out) {
  *out = PathAnswer();
  const std::string& w = options.weight;
  if (!w.empty() && w != "evidence" && w != "recency") {
    // A name the data has never used would silently cost 1 per hop: refuse it.
    std::vector<std::string> keys = reader.PropertyKeys();
    if (std::find(keys.begin(), keys.end(), w) == keys.end()) {
      std::string known;
      for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
      return Status::InvalidArgument(
          "no property '" + w + "' to weigh relationships by; the stored property keys are: " +
          (known.empty() ? "(none)" : known) + "; or 'evidence', 'recency'");
    }
  }
  graph::SnapshotOptions so;
  so.weight = options.weight;
  if (options.filter.has_window()) so.date_property = "date";
  PG_ASSIGN_OR_RETURN(graph::SnapshotPtr snapshot, graph::SharedSnapshot(reader, so));
  const graph::VertexIndex s = snapshot->FindVertex(from), t = snapshot->FindVertex(to);
  if (s == graph::kNoVertex || t == graph::kNoVertex) {
    return Status::NotFound("node " + std::to_string(s == graph::kNoVertex ? from : to) +
                            " is not in the graph");
  }
  std::vector<graph::GraphPath> found;
  PG_RETURN_IF_ERROR(graph::FindPaths(*snapshot, s, t, options, &found, &out->truncated));
  out->paths.resize(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    PG_RETURN_IF_ERROR(
        graph::ResolvePath(reader, *snapshot, found[i], options.with_evidence, &out->paths[i]));
  }
  return Status::OK();
}

Result<Date> ParseDateBound(std::string_view text, std::string_view what) {
  const int32_t days = graph::IsoDateDays(text);
  if (days == graph::kNoDate) {
    return Status::InvalidArgument(std::string(what) + ": '" + std::string(text) +
                                   "' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)");
  }
  return Date{days};
}

}  // namespace pactgraph

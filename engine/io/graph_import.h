// engine/io/graph_import.h — importing graphs from CSV and JSON files.
//
// CSV: nodes.csv has a header with at least `id,name,kind`; edges.csv at least `src,dst,type`.
// `kind` becomes the node's label (nation -> Nation, research_lab -> ResearchLab); an optional
// `labels` column (';'-separated) gives several labels; `aliases` (';'-separated) becomes a list.
// `type` becomes the relationship type in upper case (mou -> MOU). Every other column becomes a
// property: integers, floats, true/false and ISO dates (YYYY-MM-DD) are typed, the rest are
// strings; an empty cell sets nothing. `weight` must be a number and `date` an ISO date.
// src/dst are ids from nodes.csv (any string, unique within the file).
//
// JSON: {"nodes":[{"id":…,"name":…,"kind":…|"labels":[…], "properties":{…} or other keys},…],
//        "edges":[{"src":…,"dst":…,"type":…, "properties":{…} or other keys},…]}.
// Strings that are ISO dates become dates, as in CSV.
//
// An import is all or nothing: everything is parsed and checked first, then loaded through a
// BulkLoader in one atomic ingestion. Errors are InvalidArgument "file:line:column: what".
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "pactgraph/database.h"

namespace pactgraph::io {

struct ImportSummary {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  double parse_seconds = 0;
  double load_seconds = 0;
};

// `progress(phase, done, total)`; phase is "parse" or "load".
using ImportProgress = std::function<void(const char* phase, uint64_t done, uint64_t total)>;

Status ImportCsv(Database& db, const std::string& nodes_path, const std::string& edges_path,
                 const ImportProgress& progress, ImportSummary* summary);
Status ImportJson(Database& db, const std::string& path, const ImportProgress& progress,
                  ImportSummary* summary);

// Helpers shared with export (so both agree on the mapping).
std::string KindToLabel(std::string_view kind);   // "research_lab" -> "ResearchLab"
std::string LabelToKind(std::string_view label);  // "ResearchLab" -> "research_lab"
std::string TypeFromCsv(std::string_view type);   // "member of" -> "MEMBER_OF"
std::string TypeToCsv(std::string_view type);     // "MEMBER_OF" -> "member_of"
// Types a CSV cell: integer, float, boolean, ISO date, else string. Empty -> null.
Value InferValue(std::string_view cell);

}  // namespace pactgraph::io

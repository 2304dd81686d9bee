// engine/io/graph_export.h — CSV cell formatting shared with the importer. The export entry
// points (ParseExportFormat, ExportGraph, ExportCsv) are the public API's
// (pactgraph/import_export.h), implemented in graph_export.cpp.
#pragma once

#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/import_export.h"

namespace pactgraph::io {

// A value formatted for a CSV cell the importer types back the same way (floats keep a '.',
// lists of strings are ';'-joined, other lists and maps are JSON).
std::string CsvCell(const Value& v);
// A CSV field quoted when it must be (RFC 4180: ',', '"', line breaks; and edge spaces).
std::string CsvQuote(const std::string& s);

// Every node and relationship of a reader, and the id each node is written with: its stored
// `external_id` string (then taken out of its properties) or else its node id. Two nodes that
// would be written with one id are an error naming both.
struct Snapshot {
  std::vector<Node> nodes;
  std::vector<Relationship> rels;
  std::unordered_map<NodeId, std::string> number;  // node id -> the id in the file
  std::unordered_set<NodeId> external;             // nodes written with their external_id
};
Status Collect(const GraphReader& r, Snapshot* s);

}  // namespace pactgraph::io

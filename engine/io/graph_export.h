// engine/io/graph_export.h — writing the stored graph as JSON, CSV, GraphML or DOT.
//
// Nodes are numbered 1..N in id order in every format (the stored ids may have holes after
// deletions), so export -> import into a fresh database -> export gives identical output.
// JSON and CSV are what `pactgraph import` reads (see graph_import.h); GraphML and DOT are for
// other tools (Gephi, yEd, Graphviz). Articles and evidence are not exported by these formats.
#pragma once

#include <ostream>
#include <string>

#include "pactgraph/graph.h"

namespace pactgraph::io {

enum class ExportFormat { kJson, kCsv, kGraphml, kDot };

// Parses "json", "csv", "graphml", "dot".
Result<ExportFormat> ParseExportFormat(std::string_view name);

// JSON, GraphML and DOT to a stream.
Status ExportGraph(const GraphReader& reader, ExportFormat format, std::ostream& out);
// CSV: writes `dir`/nodes.csv and `dir`/edges.csv (the directory is created).
Status ExportCsv(const GraphReader& reader, const std::string& dir);

// A value formatted for a CSV cell the importer types back the same way (floats keep a '.',
// lists of strings are ';'-joined, other lists and maps are JSON).
std::string CsvCell(const Value& v);

}  // namespace pactgraph::io

// engine/io/graph_export.h — CSV cell formatting shared with the importer. The export entry
// points (ParseExportFormat, ExportGraph, ExportCsv) are the public API's
// (pactgraph/import_export.h), implemented in graph_export.cpp.
#pragma once

#include <ostream>
#include <string>

#include "pactgraph/graph.h"
#include "pactgraph/import_export.h"

namespace pactgraph::io {

// A value formatted for a CSV cell the importer types back the same way (floats keep a '.',
// lists of strings are ';'-joined, other lists and maps are JSON).
std::string CsvCell(const Value& v);

}  // namespace pactgraph::io

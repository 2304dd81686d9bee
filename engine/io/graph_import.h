// engine/io/graph_import.h — the helpers import and export share. The import entry points,
// ImportCsv and ImportJson, are the public API's (pactgraph/import_export.h, which describes
// the formats); they are implemented in graph_import.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "pactgraph/database.h"
#include "pactgraph/import_export.h"

namespace pactgraph::io {

// Helpers shared with export (so both agree on the mapping).
std::string KindToLabel(std::string_view kind);   // "research_lab" -> "ResearchLab"
std::string LabelToKind(std::string_view label);  // "ResearchLab" -> "research_lab"
std::string TypeFromCsv(std::string_view type);   // "member of" -> "MEMBER_OF"
std::string TypeToCsv(std::string_view type);     // "MEMBER_OF" -> "member_of"
// Types a CSV cell: integer, float, boolean, ISO date, else string. Empty -> null.
Value InferValue(std::string_view cell);

}  // namespace pactgraph::io

// tools/support_format.h — printing query results (pactgraph query, the REPL).
//
// Formats: table (aligned columns, strings unquoted, for people), json (an array of objects,
// one per row, keys in column order), jsonl (one object per line), csv (RFC 4180; lists, maps,
// nodes, relationships and paths as JSON text; null as an empty field) and markdown (a pipe
// table). JSON values follow Value::ToJson: a node is {"id","labels","properties"}, a
// relationship {"id","type","start","end","properties"}, a path {"nodes","relationships"}.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "pactgraph/session.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::tools {

enum class OutputFormat { kTable, kJson, kJsonl, kCsv, kMarkdown };

// InvalidArgument naming the accepted formats for anything else.
Result<OutputFormat> ParseOutputFormat(std::string_view name);

void WriteResult(std::ostream& out, const QueryResult& result, OutputFormat format);

// A cell as shown in table and markdown output (strings without quotes).
std::string CellText(const Value& v);

// Parses a --param value: JSON (numbers, true/false/null, "strings", [lists], {maps}) or, when
// it is not JSON, the raw text as a string. "date:YYYY-MM-DD" gives a date.
Value ParseParamValue(const std::string& text);

}  // namespace pactgraph::tools

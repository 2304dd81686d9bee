// tools/support_format.h — printing query results: one writer for `pactgraph query` and the
// shell.
//
// Formats: table (a box of UTF-8 box-drawing characters whose columns are sized by Unicode
// display width — ICU East Asian Width: CJK and emoji count as two columns, combining marks as
// none; cells wider than a limit are cut with "…"; numbers right-aligned; a footer with the row
// count and, with the timer, the time), json (an array of objects, one per row, keys in column
// order), jsonl (one object per line), csv (RFC 4180; lists, maps, nodes, relationships and
// paths as JSON text; null as an empty field) and markdown (a pipe table). JSON values follow
// Value::ToJson: a node is {"id","labels","properties"}, a relationship
// {"id","type","start","end","properties"}, a path {"nodes","relationships"}; line (sqlite3's
// `.mode line`: one "column = value" line per cell, a blank line between rows) and vertical
// (psql's expanded mode: a "-[ RECORD n ]" rule, then "column | value" lines). A table wider
// than `terminal_width` is drawn vertical instead (psql's `\x auto`). Every format stops after
// `max_rows` rows and says how many were left out.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "pactgraph/session.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::tools {

enum class OutputFormat { kTable, kJson, kJsonl, kCsv, kMarkdown, kLine, kVertical };

// The name ParseOutputFormat takes for `format`.
const char* OutputFormatName(OutputFormat format);

// InvalidArgument naming the accepted formats for anything else.
Result<OutputFormat> ParseOutputFormat(std::string_view name);

struct RenderOptions {
  OutputFormat format = OutputFormat::kTable;
  size_t max_rows = 0;            // 0: all rows
  size_t max_cell_width = 48;     // table: display columns per cell
  bool color = false;             // table: bold header, dim footer
  bool timer = false;             // footer shows the time
  size_t terminal_width = 0;      // table: wider than this, drawn vertical; 0: never
  std::ostream* notes = nullptr;  // truncation notes for json/jsonl/csv (default: the output)
};

void RenderResult(std::ostream& out, const QueryResult& result, const RenderOptions& options);

// The columns of the terminal on `fd`, 0 when it is not a terminal.
size_t TerminalColumns(int fd);
// Terminal columns taken by `utf8`.
size_t DisplayWidth(std::string_view utf8);
// The longest prefix of `utf8` that fits in `width` columns, ending in "…" when cut.
std::string FitToWidth(std::string_view utf8, size_t width);
// A cell as shown in table and markdown output (strings without quotes).
std::string CellText(const Value& v);

// Parses a --param value: JSON (numbers, true/false/null, "strings", [lists], {maps}) or, when
// it is not JSON, the raw text as a string. "date:YYYY-MM-DD" gives a date.
Value ParseParamValue(const std::string& text);

}  // namespace pactgraph::tools

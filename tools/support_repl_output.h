// tools/support_repl_output.h — how the REPL shows a query result.
//
// Table mode draws a box (UTF-8 box-drawing characters) whose columns are sized by Unicode
// display width (ICU East Asian Width: CJK and emoji count as two columns, combining marks as
// none); cells wider than a limit are cut with "…"; a footer gives the row count and, when the
// timer is on, the time. The other modes (json, jsonl, csv, markdown) match `pactgraph query`.
// Every mode stops after `max_rows` rows and says how many were left out.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "pactgraph/session.h"
#include "tools/support_format.h"

namespace pactgraph::tools {

struct RenderOptions {
  OutputFormat format = OutputFormat::kTable;
  size_t max_rows = 0;            // 0: all rows
  size_t max_cell_width = 48;     // table: display columns per cell
  bool color = false;             // table: bold header, dim footer
  bool timer = false;             // footer shows the time
  std::ostream* notes = nullptr;  // truncation notes for json/jsonl/csv (default: the output)
};

// Terminal columns taken by `utf8`.
size_t DisplayWidth(std::string_view utf8);
// The longest prefix of `utf8` that fits in `width` columns, ending in "…" when cut.
std::string FitToWidth(std::string_view utf8, size_t width);

void RenderResult(std::ostream& out, const QueryResult& result, const RenderOptions& options);

}  // namespace pactgraph::tools

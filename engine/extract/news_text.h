// engine/extract/news_text.h — helpers shared by the HTML and feed readers (news_formats.h):
// date normalisation, whitespace collapsing and the nesting pre-check that keeps the HTML5
// tree builder linear.
#pragma once

#include <string>
#include <string_view>

#include "pactgraph/status.h"

namespace pactgraph::extract {

// The ISO date of a date text: "2024-05-02T10:00:00Z" -> "2024-05-02", "2024-05" stays,
// RFC 822 "Thu, 02 May 2024 10:00:00 GMT" -> "2024-05-02" (the date as stated, its zone
// ignored); "" when none is recognised.
std::string IsoDate(std::string_view text);

// Appends `text` to `out` with runs of white space (ASCII and no-break space) collapsed to one
// space, no space at the start of `out`.
void AppendCollapsed(std::string_view text, std::string* out);

// InvalidArgument "path:line:col: …" when the elements of `html` nest deeper than
// kMaxHtmlDepth (counted as the tree builder would: void elements, elements that close
// themselves (p, li, td, …) and raw text (script, style, …) do not nest; an end tag closes
// the open elements above its match).
Status CheckHtmlDepth(const std::string& path, std::string_view html);

}  // namespace pactgraph::extract

// engine/extract/article.h — reading article files for extraction and ingestion.
//
// Inputs: article files (optional "title:", "date:", "source:" header lines, a blank line,
// the body; Markdown marks are kept as written and ignored by the extractor), ".jsonl" files
// with one {"title","date","source","text"} object per line, directories (read recursively,
// files in name order) and "-" for stdin. Bad inputs are skipped with a problem naming the
// place: invalid UTF-8 is an error at "file:line:column (byte N)" — not repaired, so stored
// text always equals the file's bytes; binary files (a NUL byte), empty files and files over
// the size limit are refused.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/extract/extract.h"
#include "pactgraph/status.h"

namespace pactgraph::extract {

using pactgraph::InputProblem;
using pactgraph::ReadOptions;

// Parses a .jsonl text (one article per line); problems per bad line.
void ParseJsonLines(const std::string& path, const std::string& text, std::vector<Article>* out,
                    std::vector<InputProblem>* problems);

// One line of a .jsonl file (line_no 1-based): true with *out set for an article; false for a
// blank line or a bad one (which adds a problem).
bool ParseJsonLine(const std::string& path, uint64_t line_no, const std::string& line, Article* out,
                   std::vector<InputProblem>* problems);

// "line:col" of byte `offset` in `text` (1-based, columns in bytes).
std::string LineColumn(const std::string& text, uint64_t offset);

}  // namespace pactgraph::extract

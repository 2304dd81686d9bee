// tools/support_repl_complete.h — what Tab offers in the REPL, and statement splitting.
//
// Complete() looks at the text before the cursor (the pending lines of a multi-line statement
// plus the current line) and offers: meta-commands after a leading ':'; modes, on/off, help
// topics, node names or file paths as the meta-command's argument; in a query, labels after
// `(x:`, relationship types after `[r:` or `|`, property keys after `.` or inside `{…}`, node
// names inside an open string literal (quoted and escaped), and keywords otherwise. The
// dictionary comes from a GraphReader (a fresh snapshot per Tab press).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/graph.h"

namespace pactgraph::tools {

struct Completion {
  size_t start = 0;                     // where the replaced word begins in `before_cursor`
  std::vector<std::string> candidates;  // full replacements for the word, sorted, unique
  bool append_space = true;             // after a unique candidate (not after "dir/")
  // How each candidate is listed when several match (empty: as the candidates); a node found
  // by an alias shows it: "Kenyan → Kenya".
  std::vector<std::string> labels;
};

// `pending`: earlier lines of the statement being typed (context only).
// `reader` may be null (no database): dictionary words are then not offered.
Completion Complete(std::string_view pending, std::string_view before_cursor,
                    const GraphReader* reader);

// Every meta-command name with its leading ':'.
const std::vector<std::string>& MetaCommandNames();
// The meta-command closest to `name` by edit distance ("" when none is close).
std::string ClosestMetaCommand(std::string_view name);

// Splits `buffer` into the statements ended by `;` (outside strings, backquotes and `//`
// comments), appending them to `out`; returns what follows the last `;` (still pending).
std::string TakeStatements(const std::string& buffer, std::vector<std::string>* out);
// True when `text` has nothing but blanks and `//` comments.
bool IsBlankStatement(std::string_view text);

// Splits a meta-command line into words; "double" or 'single' quotes group words.
std::vector<std::string> SplitWords(std::string_view line);

}  // namespace pactgraph::tools

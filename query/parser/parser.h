// query/parser/parser.h — the recursive-descent parser of pactgraph's openCypher subset.
//
// The grammar is written down in docs/query.md; each Parse* method below implements the rule
// of the same name there. The parser only checks syntax; names, types and clause order are the
// binder's business. Errors are ParseError statuses with line:column and a caret; valid
// openCypher outside the subset gives NotSupported naming the construct.
#pragma once

#include <string_view>

#include "pactgraph/status.h"
#include "query/parser/ast.h"

namespace pactgraph::query {

Result<Query> ParseQuery(std::string_view text);

}  // namespace pactgraph::query

// query/parser/lexer.h — splits query text into tokens.
//
// Tokens carry their byte offset in the query so every later stage can point a caret at the
// source. Keywords are not special here: they are identifiers the parser compares
// case-insensitively. Backquoted identifiers (`my var`) are identifiers flagged `quoted`, so
// they never match a keyword. Comments (// to end of line, /* … */) and whitespace are skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/status.h"

namespace pactgraph::query {

enum class TokenKind { kIdent, kInt, kFloat, kString, kParam, kSymbol, kEnd };

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // identifier/parameter name, unescaped string, or the symbol
  int64_t int_value = 0;
  double float_value = 0;
  size_t pos = 0;       // byte offset in the query
  bool quoted = false;  // identifiers: `quoted`; integers: the literal 2^63 (only valid negated)
};

// Tokenises `query`; ParseError (with line:column and caret) on a bad character, an unterminated
// string or comment, or an integer literal out of range.
Result<std::vector<Token>> Tokenize(std::string_view query);

// "line L, column C" plus the offending line and a caret under `pos`, for error messages.
std::string DescribePosition(std::string_view query, size_t pos);
// A ParseError status "<message> at line L, column C:\n<line>\n<caret>".
Status ErrorAt(Status::Code code, std::string_view query, size_t pos, const std::string& message);

}  // namespace pactgraph::query

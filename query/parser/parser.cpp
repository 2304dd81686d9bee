// The parser's entry point and token helpers (parser_impl.h describes the split).
#include "query/parser/parser.h"

#include <cctype>

#include "query/parser/parser_impl.h"

namespace pactgraph::query {
namespace parser_impl {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool IsReserved(const std::string& upper) {
  static const char* kWords[] = {
      "MATCH", "OPTIONAL", "WHERE",  "RETURN",  "WITH",   "UNWIND",    "CREATE",     "MERGE",
      "SET",   "REMOVE",   "DELETE", "DETACH",  "CALL",   "YIELD",     "UNION",      "ORDER",
      "BY",    "SKIP",     "LIMIT",  "ASC",     "DESC",   "ASCENDING", "DESCENDING", "AS",
      "AND",   "OR",       "XOR",    "NOT",     "IN",     "IS",        "NULL",       "TRUE",
      "FALSE", "CASE",     "WHEN",   "THEN",    "ELSE",   "END",       "DISTINCT",   "STARTS",
      "ENDS",  "CONTAINS", "ON",     "EXPLAIN", "PROFILE"};
  return std::find(std::begin(kWords), std::end(kWords), upper) != std::end(kWords);
}

Result<Query> Parser::Run() {
  Query q;
  if (IsWord("EXPLAIN")) {
    Advance();
    q.mode = Query::Mode::kExplain;
  } else if (IsWord("PROFILE")) {
    Advance();
    q.mode = Query::Mode::kProfile;
  }
  bool first_union = true;
  while (true) {
    SingleQuery sq;
    PG_RETURN_IF_ERROR(ParseSingleQuery(&sq));
    q.parts.push_back(std::move(sq));
    if (!IsWord("UNION")) break;
    size_t upos = Peek().pos;
    Advance();
    bool all = false;
    if (IsWord("ALL")) {
      Advance();
      all = true;
    }
    if (!first_union && all != q.union_all) {
      return Error(upos, "SyntaxError (InvalidClauseComposition): cannot mix UNION and UNION ALL");
    }
    q.union_all = all;
    first_union = false;
  }
  if (IsSymbol(";")) Advance();
  if (Peek().kind != TokenKind::kEnd) return Unexpected("end of query");
  return q;
}

Status Parser::Unexpected(const std::string& expected) const {
  const Token& t = Peek();
  std::string got = t.kind == TokenKind::kEnd      ? "end of input"
                    : t.kind == TokenKind::kString ? "string '" + t.text + "'"
                    : t.kind == TokenKind::kParam  ? "$" + t.text
                                                   : "'" + t.text + "'";
  return Error(t.pos, "expected " + expected + " but found " + got);
}

Result<std::string> Parser::ParseName(const char* what) {
  const Token& t = Peek();
  if (t.kind != TokenKind::kIdent) return Unexpected(what);
  std::string s = t.text;
  Advance();
  return s;
}

Result<std::string> Parser::ParseVariableName() {
  const Token& t = Peek();
  if (t.kind != TokenKind::kIdent || (!t.quoted && IsReserved(Upper(t.text)))) {
    return Unexpected("a variable name");
  }
  std::string s = t.text;
  Advance();
  return s;
}

std::string Parser::TextFrom(size_t start) const {
  size_t end = Peek().pos;
  std::string s(text_.substr(start, end - start));
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

}  // namespace parser_impl

Result<Query> ParseQuery(std::string_view text) {
  PG_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(text));
  parser_impl::Parser p(text, std::move(tokens));
  return p.Run();
}

}  // namespace pactgraph::query

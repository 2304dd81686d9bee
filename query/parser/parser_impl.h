// query/parser/parser_impl.h — the recursive-descent parser's class (private to query/parser).
//
// One method per grammar rule (docs/query.md), split by concern over four files:
//   parser.cpp             the entry point, the token helpers, UNION / EXPLAIN / PROFILE
//   parse_clauses.cpp      MATCH, WITH, RETURN, UNWIND, CREATE, MERGE, SET, REMOVE, DELETE, CALL
//   parse_patterns.cpp     node and relationship patterns, paths, pattern lists
//   parse_expressions.cpp  the expression grammar by precedence, postfix operators
//   parse_atoms.cpp        literals, parameters, lists, maps, comprehensions, calls, CASE
// Errors carry the position of the offending token (ErrorAt gives the caret). Depth and size
// are bounded so a hostile query cannot overflow the stack of later stages.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/status.h"
#include "query/parser/ast.h"
#include "query/parser/lexer.h"

namespace pactgraph::query::parser_impl {

std::string Upper(std::string s);
// Words that end an expression or start a clause; they cannot be bare variable names.
bool IsReserved(const std::string& upper);

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), toks_(std::move(tokens)) {}

  Result<Query> Run();

 private:
  // --- token helpers -------------------------------------------------------------------------
  const Token& Peek(size_t ahead = 0) const {
    return toks_[std::min(i_ + ahead, toks_.size() - 1)];
  }
  void Advance() {
    if (i_ + 1 < toks_.size()) ++i_;
  }
  bool IsWord(const char* w, size_t ahead = 0) const {
    const Token& t = Peek(ahead);
    return t.kind == TokenKind::kIdent && !t.quoted && Upper(t.text) == w;
  }
  bool IsSymbol(const char* s, size_t ahead = 0) const {
    const Token& t = Peek(ahead);
    return t.kind == TokenKind::kSymbol && t.text == s;
  }
  Status Error(size_t pos, const std::string& m) const {
    return ErrorAt(Status::Code::kParseError, text_, pos, m);
  }
  Status NotSupported(size_t pos, const std::string& what) const {
    return ErrorAt(Status::Code::kNotSupported, text_, pos, "not supported: " + what);
  }
  Status Unexpected(const std::string& expected) const;
  Status ExpectSymbol(const char* s) {
    if (!IsSymbol(s)) return Unexpected(std::string("'") + s + "'");
    Advance();
    return Status::OK();
  }
  Status ExpectWord(const char* w) {
    if (!IsWord(w)) return Unexpected(w);
    Advance();
    return Status::OK();
  }
  Result<std::string> ParseName(const char* what);
  Result<std::string> ParseVariableName();
  bool AtVariable() const {
    const Token& t = Peek();
    return t.kind == TokenKind::kIdent && (t.quoted || !IsReserved(Upper(t.text)));
  }
  std::string TextFrom(size_t start) const;
  static std::string Squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    }
    return out;
  }

  // --- clauses -------------------------------------------------------------------------------
  Status ParseSingleQuery(SingleQuery* sq);

  Status ParseClause(Clause* c);

  Status ParseCall(Clause* c);

  Status ParseProjection(Clause* c);

  // One SET or REMOVE item: `v:L1:L2`, `v.key = expr` (REMOVE: `v.key`, i.e. set to null),
  // or, for SET only, `v = map` / `v += map`.
  Status ParseSetOrRemoveItem(bool remove, SetItem* item);

  Status ParseItems(bool remove, std::vector<SetItem>* items);
  Status ParseSetItems(std::vector<SetItem>* items) { return ParseItems(false, items); }
  Status ParseRemoveItems(std::vector<SetItem>* items) { return ParseItems(true, items); }

  // --- patterns ------------------------------------------------------------------------------
  Status ParsePatternList(std::vector<PatternPart>* parts);

  Status ParsePatternPart(PatternPart* part);

  Status ParsePatternChain(PatternPart* part);

  Status ParseNodePattern(NodePattern* n);

  Status ParseOptionalProperties(ExprPtr* props);

  Status ParseRelPattern(RelPattern* r);

  // --- expressions ---------------------------------------------------------------------------
  // Operators chain into left-deep trees that later stages walk recursively, so a hostile
  // query such as `RETURN 1+1+…+1` with 300,000 terms would overflow the stack there. The
  // number of operators per query is therefore bounded (checked at every operand).
  static constexpr int kMaxOperators = 5000;
  ExprPtr MakeBinary(const std::string& op, ExprPtr a, ExprPtr b, size_t pos) {
    ++operators_;
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::kBinary;
    e->op = op;
    e->pos = pos;
    e->args = {std::move(a), std::move(b)};
    return e;
  }

  Result<ExprPtr> ParseExpr();

  Result<ExprPtr> ParseOr();
  Result<ExprPtr> ParseXor();
  Result<ExprPtr> ParseAnd();
  Result<ExprPtr> ParseNot();
  bool AtComparison() const {
    return IsSymbol("=") || IsSymbol("<>") || IsSymbol("!=") || IsSymbol("<") || IsSymbol(">") ||
           IsSymbol("<=") || IsSymbol(">=");
  }
  Result<ExprPtr> ParseComparison();
  Result<ExprPtr> ParsePredicate();
  Result<ExprPtr> ParseAddSub();
  Result<ExprPtr> ParseMulDiv();
  Result<ExprPtr> ParsePower();
  Result<ExprPtr> ParseUnary();
  Result<ExprPtr> ParsePostfix();

  Result<ExprPtr> ParseMapLiteral();

  Result<ExprPtr> ParseAtom();
  bool AtVariable(size_t ahead) const {
    const Token& t = Peek(ahead);
    return t.kind == TokenKind::kIdent && (t.quoted || !IsReserved(Upper(t.text)));
  }

  Result<ExprPtr> ParseListOrComprehension();

  Result<ExprPtr> ParseIdentAtom();

  Result<ExprPtr> ParseCase();

  std::string_view text_;
  std::vector<Token> toks_;
  size_t i_ = 0;
  int depth_ = 0;
  int operators_ = 0;  // binary operators built so far (bounded by kMaxOperators)
};

}  // namespace pactgraph::query::parser_impl

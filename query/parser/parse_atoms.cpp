// Atoms: literals, parameters, map and list literals, list comprehensions and quantifiers,
// function calls, CASE, parenthesised expressions.
#include "query/parser/parser_impl.h"

namespace pactgraph::query::parser_impl {

Result<ExprPtr> Parser::ParseMapLiteral() {
  auto m = std::make_shared<Expr>();
  m->kind = ExprKind::kMap;
  m->pos = Peek().pos;
  PG_RETURN_IF_ERROR(ExpectSymbol("{"));
  if (!IsSymbol("}")) {
    while (true) {
      PG_ASSIGN_OR_RETURN(std::string key, ParseName("a map key"));
      PG_RETURN_IF_ERROR(ExpectSymbol(":"));
      PG_ASSIGN_OR_RETURN(ExprPtr v, ParseExpr());
      m->keys.push_back(key);
      m->args.push_back(v);
      if (!IsSymbol(",")) break;
      Advance();
    }
  }
  PG_RETURN_IF_ERROR(ExpectSymbol("}"));
  return m;
}

Result<ExprPtr> Parser::ParseAtom() {
  if (operators_ > kMaxOperators) {
    return Error(Peek().pos, "query too complex: more than " + std::to_string(kMaxOperators) +
                                 " operators in one query");
  }
  const Token& t = Peek();
  auto e = std::make_shared<Expr>();
  e->pos = t.pos;
  switch (t.kind) {
    case TokenKind::kInt:
      if (t.quoted)
        return Error(t.pos, "SyntaxError (IntegerOverflow): integer literal out of range");
      e->literal = Value(t.int_value);
      Advance();
      return e;
    case TokenKind::kFloat:
      e->literal = Value(t.float_value);
      Advance();
      return e;
    case TokenKind::kString:
      e->literal = Value(t.text);
      Advance();
      return e;
    case TokenKind::kParam:
      e->kind = ExprKind::kParameter;
      e->name = t.text;
      Advance();
      return e;
    case TokenKind::kEnd:
      return Unexpected("an expression");
    case TokenKind::kSymbol:
      break;
    case TokenKind::kIdent:
      return ParseIdentAtom();
  }
  if (IsSymbol("(")) {
    // A parenthesised pattern like (a)-->(b) is a pattern predicate: outside the subset.
    if ((AtVariable(1) && (IsSymbol(")", 2) || IsSymbol(":", 2))) || IsSymbol(")", 1)) {
      size_t save = i_;
      Advance();
      if (AtVariable()) Advance();
      while (IsSymbol(":")) {
        Advance();
        Advance();
      }
      bool pattern = IsSymbol(")") && (IsSymbol("-", 1) || IsSymbol("<", 1));
      i_ = save;
      if (pattern) return NotSupported(t.pos, "pattern expressions (use MATCH or OPTIONAL MATCH)");
    }
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr inner, ParseExpr());
    PG_RETURN_IF_ERROR(ExpectSymbol(")"));
    return inner;
  }
  if (IsSymbol("[")) return ParseListOrComprehension();
  if (IsSymbol("{")) return ParseMapLiteral();
  return Unexpected("an expression");
}

Result<ExprPtr> Parser::ParseListOrComprehension() {
  size_t pos = Peek().pos;
  Advance();
  if (AtVariable() && IsWord("IN", 1)) {
    auto c = std::make_shared<Expr>();
    c->kind = ExprKind::kComprehension;
    c->pos = pos;
    c->name = Peek().text;
    Advance();
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr list, ParseExpr());
    ExprPtr where, proj;
    if (IsWord("WHERE")) {
      Advance();
      PG_ASSIGN_OR_RETURN(where, ParseExpr());
    }
    if (IsSymbol("|")) {
      Advance();
      PG_ASSIGN_OR_RETURN(proj, ParseExpr());
    }
    c->args = {list, where, proj};
    PG_RETURN_IF_ERROR(ExpectSymbol("]"));
    return c;
  }
  auto l = std::make_shared<Expr>();
  l->kind = ExprKind::kList;
  l->pos = pos;
  if (!IsSymbol("]")) {
    while (true) {
      PG_ASSIGN_OR_RETURN(ExprPtr v, ParseExpr());
      l->args.push_back(v);
      if (!IsSymbol(",")) break;
      Advance();
    }
  }
  PG_RETURN_IF_ERROR(ExpectSymbol("]"));
  return l;
}

Result<ExprPtr> Parser::ParseIdentAtom() {
  const Token& t = Peek();
  auto e = std::make_shared<Expr>();
  e->pos = t.pos;
  std::string up = t.quoted ? "" : Upper(t.text);
  if (up == "TRUE" || up == "FALSE") {
    e->literal = Value(up == "TRUE");
    Advance();
    return e;
  }
  if (up == "NULL") {
    Advance();
    return e;
  }
  if (up == "CASE") return ParseCase();
  if (up == "EXISTS" && IsSymbol("{", 1)) return NotSupported(t.pos, "EXISTS { … } subqueries");
  if ((up == "ANY" || up == "ALL" || up == "NONE" || up == "SINGLE") && IsSymbol("(", 1) &&
      AtVariable(2) && IsWord("IN", 3)) {
    e->kind = ExprKind::kQuantifier;
    e->op = up;
    Advance();
    Advance();
    e->name = Peek().text;
    Advance();
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr list, ParseExpr());
    ExprPtr where;
    if (IsWord("WHERE")) {
      Advance();
      PG_ASSIGN_OR_RETURN(where, ParseExpr());
    } else {
      return Unexpected("WHERE in " + up + "(…)");
    }
    e->args = {list, where};
    PG_RETURN_IF_ERROR(ExpectSymbol(")"));
    return e;
  }
  // reduce(acc = init, x IN list | expression)
  if (up == "REDUCE" && IsSymbol("(", 1) && AtVariable(2) && IsSymbol("=", 3)) {
    e->kind = ExprKind::kReduce;
    Advance();
    Advance();
    e->keys = {Peek().text};
    Advance();
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr init, ParseExpr());
    PG_RETURN_IF_ERROR(ExpectSymbol(","));
    if (!AtVariable()) return Unexpected("a variable in reduce(…, x IN list | …)");
    e->name = Peek().text;
    Advance();
    PG_RETURN_IF_ERROR(ExpectWord("IN"));
    PG_ASSIGN_OR_RETURN(ExprPtr list, ParseExpr());
    PG_RETURN_IF_ERROR(ExpectSymbol("|"));
    PG_ASSIGN_OR_RETURN(ExprPtr step, ParseExpr());
    e->args = {init, list, step};
    PG_RETURN_IF_ERROR(ExpectSymbol(")"));
    return e;
  }
  if (up == "SHORTESTPATH" || up == "ALLSHORTESTPATHS") {
    return NotSupported(t.pos, "shortestPath() as an expression (use it in MATCH)");
  }
  // Function call: name, possibly namespaced (date, toLower, …).
  if (IsSymbol("(", 1) ||
      (IsSymbol(".", 1) && Peek(2).kind == TokenKind::kIdent && IsSymbol("(", 3))) {
    if (IsSymbol(".", 1)) {
      e->name = t.text + "." + Peek(2).text;
      Advance();
      Advance();
    } else {
      e->name = t.text;
    }
    e->kind = ExprKind::kFunction;
    Advance();
    Advance();  // '('
    if (IsWord("DISTINCT")) {
      Advance();
      e->distinct = true;
    }
    if (IsSymbol("*")) {
      Advance();
      e->star = true;
    } else if (!IsSymbol(")")) {
      while (true) {
        const size_t arg_pos = Peek().pos;
        auto a = ParseExpr();
        // size() of a pattern was removed from Cypher: a syntax error, not a missing feature.
        if (!a.ok() && Upper(e->name) == "SIZE" &&
            a.status().message().find("pattern expressions") != std::string::npos) {
          return Error(arg_pos,
                       "size() of a pattern is not Cypher; count the matches with "
                       "MATCH … RETURN count(*)");
        }
        PG_RETURN_IF_ERROR(a.status());
        e->args.push_back(*a);
        if (!IsSymbol(",")) break;
        Advance();
      }
    }
    PG_RETURN_IF_ERROR(ExpectSymbol(")"));
    return e;
  }
  if (!t.quoted && IsReserved(up)) return Unexpected("an expression");
  e->kind = ExprKind::kVariable;
  e->name = t.text;
  Advance();
  return e;
}

Result<ExprPtr> Parser::ParseCase() {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kCase;
  e->pos = Peek().pos;
  Advance();
  if (!IsWord("WHEN")) {
    e->has_subject = true;
    PG_ASSIGN_OR_RETURN(ExprPtr s, ParseExpr());
    e->args.push_back(s);
  }
  if (!IsWord("WHEN")) return Unexpected("WHEN");
  while (IsWord("WHEN")) {
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr w, ParseExpr());
    PG_RETURN_IF_ERROR(ExpectWord("THEN"));
    PG_ASSIGN_OR_RETURN(ExprPtr th, ParseExpr());
    e->args.push_back(w);
    e->args.push_back(th);
  }
  if (IsWord("ELSE")) {
    Advance();
    e->has_else = true;
    PG_ASSIGN_OR_RETURN(ExprPtr el, ParseExpr());
    e->args.push_back(el);
  }
  PG_RETURN_IF_ERROR(ExpectWord("END"));
  return e;
}

}  // namespace pactgraph::query::parser_impl

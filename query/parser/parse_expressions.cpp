// Expressions by precedence: OR, XOR, AND, NOT, comparison, predicates, arithmetic, postfix
// (property, index, slice); the atoms are in parse_atoms.cpp.
#include "query/parser/parser_impl.h"

namespace pactgraph::query::parser_impl {

Result<ExprPtr> Parser::ParseExpr() {
  if (++depth_ > 200) return Error(Peek().pos, "expression nested too deeply");
  auto r = ParseOr();
  --depth_;
  return r;
}

Result<ExprPtr> Parser::ParseOr() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParseXor());
  while (IsWord("OR")) {
    size_t pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParseXor());
    l = MakeBinary("OR", l, r, pos);
  }
  return l;
}

Result<ExprPtr> Parser::ParseXor() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParseAnd());
  while (IsWord("XOR")) {
    size_t pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParseAnd());
    l = MakeBinary("XOR", l, r, pos);
  }
  return l;
}

Result<ExprPtr> Parser::ParseAnd() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParseNot());
  while (IsWord("AND")) {
    size_t pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParseNot());
    l = MakeBinary("AND", l, r, pos);
  }
  return l;
}

Result<ExprPtr> Parser::ParseNot() {
  if (IsWord("NOT")) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::kUnary;
    e->op = "NOT";
    e->pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr a, ParseNot());
    e->args.push_back(a);
    return e;
  }
  return ParseComparison();
}

Result<ExprPtr> Parser::ParseComparison() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParsePredicate());
  ExprPtr result;
  while (AtComparison()) {
    std::string op = Peek().text == "!=" ? "<>" : Peek().text;
    size_t pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParsePredicate());
    ExprPtr cmp = MakeBinary(op, l, r, pos);
    result = result ? MakeBinary("AND", result, cmp, pos) : cmp;  // a < b < c
    l = r;
  }
  return result ? result : l;
}

Result<ExprPtr> Parser::ParsePredicate() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParseAddSub());
  while (true) {
    size_t pos = Peek().pos;
    std::string op;
    if (IsWord("STARTS") && IsWord("WITH", 1)) {
      Advance();
      op = "STARTS WITH";
    } else if (IsWord("ENDS") && IsWord("WITH", 1)) {
      Advance();
      op = "ENDS WITH";
    } else if (IsWord("CONTAINS")) {
      op = "CONTAINS";
    } else if (IsSymbol("=~")) {
      op = "=~";
    } else if (IsWord("IN")) {
      op = "IN";
    } else if (IsWord("IS")) {
      Advance();
      auto e = std::make_shared<Expr>();
      e->kind = ExprKind::kIsNull;
      e->pos = pos;
      if (IsWord("NOT")) {
        Advance();
        e->negated = true;
      }
      PG_RETURN_IF_ERROR(ExpectWord("NULL"));
      e->args.push_back(l);
      l = e;
      continue;
    } else {
      break;
    }
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParseAddSub());
    l = MakeBinary(op, l, r, pos);
  }
  return l;
}

Result<ExprPtr> Parser::ParseAddSub() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParseMulDiv());
  while (IsSymbol("+") || IsSymbol("-")) {
    std::string op = Peek().text;
    size_t pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParseMulDiv());
    l = MakeBinary(op, l, r, pos);
  }
  return l;
}

Result<ExprPtr> Parser::ParseMulDiv() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParsePower());
  while (IsSymbol("*") || IsSymbol("/") || IsSymbol("%")) {
    std::string op = Peek().text;
    size_t pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParsePower());
    l = MakeBinary(op, l, r, pos);
  }
  return l;
}

Result<ExprPtr> Parser::ParsePower() {
  PG_ASSIGN_OR_RETURN(ExprPtr l, ParseUnary());
  while (IsSymbol("^")) {
    size_t pos = Peek().pos;
    Advance();
    PG_ASSIGN_OR_RETURN(ExprPtr r, ParseUnary());
    l = MakeBinary("^", l, r, pos);
  }
  return l;
}

Result<ExprPtr> Parser::ParseUnary() {
  if (IsSymbol("-") || IsSymbol("+")) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::kUnary;
    e->op = Peek().text;
    e->pos = Peek().pos;
    Advance();
    // Fold -<int> so the most negative integer literal is expressible.
    if (e->op == "-" && Peek().kind == TokenKind::kInt && !IsSymbol(".", 1) && !IsSymbol("[", 1) &&
        !IsSymbol("^", 1)) {
      auto lit = std::make_shared<Expr>();
      lit->pos = e->pos;
      lit->literal = Value(Peek().quoted ? INT64_MIN : -Peek().int_value);
      Advance();
      return lit;
    }
    // And -<float>, so -0.0 is negative zero.
    if (e->op == "-" && Peek().kind == TokenKind::kFloat && !IsSymbol(".", 1) &&
        !IsSymbol("[", 1) && !IsSymbol("^", 1)) {
      auto lit = std::make_shared<Expr>();
      lit->pos = e->pos;
      lit->literal = Value(-Peek().float_value);
      Advance();
      return lit;
    }
    PG_ASSIGN_OR_RETURN(ExprPtr a, ParseUnary());
    e->args.push_back(a);
    return e;
  }
  return ParsePostfix();
}

Result<ExprPtr> Parser::ParsePostfix() {
  PG_ASSIGN_OR_RETURN(ExprPtr e, ParseAtom());
  while (true) {
    size_t pos = Peek().pos;
    if (IsSymbol(".")) {
      Advance();
      auto p = std::make_shared<Expr>();
      p->kind = ExprKind::kProperty;
      p->pos = pos;
      PG_ASSIGN_OR_RETURN(p->name, ParseName("a property key"));
      p->args.push_back(e);
      e = p;
    } else if (IsSymbol("[")) {
      Advance();
      ExprPtr from, to;
      if (!IsSymbol("..")) {
        PG_ASSIGN_OR_RETURN(from, ParseExpr());
      }
      if (IsSymbol("..")) {
        Advance();
        if (!IsSymbol("]")) {
          PG_ASSIGN_OR_RETURN(to, ParseExpr());
        }
        auto s = std::make_shared<Expr>();
        s->kind = ExprKind::kSlice;
        s->pos = pos;
        s->args = {e, from, to};
        e = s;
      } else {
        auto s = std::make_shared<Expr>();
        s->kind = ExprKind::kIndex;
        s->pos = pos;
        s->args = {e, from};
        e = s;
      }
      PG_RETURN_IF_ERROR(ExpectSymbol("]"));
    } else if (IsSymbol(":") && e->kind == ExprKind::kVariable) {
      auto l = std::make_shared<Expr>();
      l->kind = ExprKind::kLabelCheck;
      l->pos = pos;
      l->args.push_back(e);
      while (IsSymbol(":")) {
        Advance();
        PG_ASSIGN_OR_RETURN(std::string label, ParseName("a label"));
        l->keys.push_back(label);
      }
      e = l;
    } else {
      return e;
    }
  }
}

}  // namespace pactgraph::query::parser_impl

// Patterns: nodes, relationships (types, direction, variable length, properties), path chains.
#include "query/parser/parser_impl.h"

namespace pactgraph::query::parser_impl {

Status Parser::ParsePatternList(std::vector<PatternPart>* parts) {
  while (true) {
    PatternPart part;
    PG_RETURN_IF_ERROR(ParsePatternPart(&part));
    parts->push_back(std::move(part));
    if (!IsSymbol(",")) break;
    Advance();
  }
  return Status::OK();
}

Status Parser::ParsePatternPart(PatternPart* part) {
  part->pos = Peek().pos;
  if (AtVariable() && IsSymbol("=", 1)) {
    part->path_var = Peek().text;
    Advance();
    Advance();
  }
  if (IsWord("shortestPath") || IsWord("SHORTESTPATH") || IsWord("allShortestPaths") ||
      IsWord("ALLSHORTESTPATHS")) {
    part->kind = Upper(Peek().text) == "SHORTESTPATH" ? PatternPart::Kind::kShortest
                                                      : PatternPart::Kind::kAllShortest;
    Advance();
    PG_RETURN_IF_ERROR(ExpectSymbol("("));
    PG_RETURN_IF_ERROR(ParsePatternChain(part));
    return ExpectSymbol(")");
  }
  return ParsePatternChain(part);
}

Status Parser::ParsePatternChain(PatternPart* part) {
  NodePattern n;
  PG_RETURN_IF_ERROR(ParseNodePattern(&n));
  part->nodes.push_back(std::move(n));
  while (IsSymbol("<") || IsSymbol("-")) {
    RelPattern r;
    PG_RETURN_IF_ERROR(ParseRelPattern(&r));
    part->rels.push_back(std::move(r));
    NodePattern m;
    PG_RETURN_IF_ERROR(ParseNodePattern(&m));
    part->nodes.push_back(std::move(m));
  }
  return Status::OK();
}

Status Parser::ParseNodePattern(NodePattern* n) {
  n->pos = Peek().pos;
  PG_RETURN_IF_ERROR(ExpectSymbol("("));
  if (AtVariable()) {
    PG_ASSIGN_OR_RETURN(n->var, ParseVariableName());
  }
  while (IsSymbol(":")) {
    Advance();
    PG_ASSIGN_OR_RETURN(std::string l, ParseName("a label"));
    n->labels.push_back(l);
    if (IsSymbol("|")) return NotSupported(Peek().pos, "label disjunction (:A|B) on nodes");
  }
  PG_RETURN_IF_ERROR(ParseOptionalProperties(&n->props));
  if (IsWord("WHERE")) return NotSupported(Peek().pos, "WHERE inside a node pattern");
  return ExpectSymbol(")");
}

Status Parser::ParseOptionalProperties(ExprPtr* props) {
  if (IsSymbol("{")) {
    PG_ASSIGN_OR_RETURN(*props, ParseMapLiteral());
  } else if (Peek().kind == TokenKind::kParam) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::kParameter;
    e->name = Peek().text;
    e->pos = Peek().pos;
    Advance();
    *props = e;
  }
  return Status::OK();
}

Status Parser::ParseRelPattern(RelPattern* r) {
  r->pos = Peek().pos;
  bool left = false, right = false;
  if (IsSymbol("<")) {
    left = true;
    Advance();
  }
  PG_RETURN_IF_ERROR(ExpectSymbol("-"));
  if (IsSymbol("[")) {
    Advance();
    if (AtVariable()) {
      PG_ASSIGN_OR_RETURN(r->var, ParseVariableName());
    }
    if (IsSymbol(":")) {
      Advance();
      while (true) {
        PG_ASSIGN_OR_RETURN(std::string t, ParseName("a relationship type"));
        r->types.push_back(t);
        if (!IsSymbol("|")) break;
        Advance();
        if (IsSymbol(":")) Advance();
      }
    }
    if (IsSymbol("*")) {
      Advance();
      r->var_length = true;
      if (Peek().kind == TokenKind::kInt) {
        r->min_hops = Peek().int_value;
        Advance();
        if (IsSymbol("..")) {
          Advance();
          if (Peek().kind == TokenKind::kInt) {
            r->max_hops = Peek().int_value;
            Advance();
          }
        } else {
          r->max_hops = r->min_hops;
        }
      } else if (IsSymbol("..")) {
        Advance();  // `*..` alone is unbounded, as `*`
        if (Peek().kind == TokenKind::kInt) {
          r->max_hops = Peek().int_value;
          Advance();
        }
      }
      // An upper bound below the lower one (`*3..1`) is valid and matches nothing.
    }
    PG_RETURN_IF_ERROR(ParseOptionalProperties(&r->props));
    if (IsWord("WHERE")) return NotSupported(Peek().pos, "WHERE inside a relationship pattern");
    if (!IsSymbol("]")) {
      return Error(Peek().pos,
                   "SyntaxError (InvalidRelationshipPattern): expected ']' but found '" +
                       Peek().text + "' (a length is written *, *2, *1..3 or *..3)");
    }
    Advance();
  }
  PG_RETURN_IF_ERROR(ExpectSymbol("-"));
  if (IsSymbol(">")) {
    right = true;
    Advance();
  }
  // <-[]-> points both ways, which Cypher reads as either direction (like -[]-).
  r->dir = left && right ? Direction::kBoth
           : left        ? Direction::kIn
           : right       ? Direction::kOut
                         : Direction::kBoth;
  return Status::OK();
}

}  // namespace pactgraph::query::parser_impl

// Clauses: MATCH, OPTIONAL MATCH, WITH, RETURN, UNWIND, CREATE, MERGE, SET, REMOVE, DELETE, CALL.
#include "query/parser/parser_impl.h"

namespace pactgraph::query::parser_impl {

Status Parser::ParseSingleQuery(SingleQuery* sq) {
  while (true) {
    if (Peek().kind == TokenKind::kEnd || IsWord("UNION") || IsSymbol(";")) break;
    Clause c;
    c.pos = Peek().pos;
    PG_RETURN_IF_ERROR(ParseClause(&c));
    sq->clauses.push_back(std::move(c));
  }
  if (sq->clauses.empty()) return Unexpected("a clause (MATCH, RETURN, CREATE, …)");
  return Status::OK();
}

Status Parser::ParseClause(Clause* c) {
  if (IsWord("OPTIONAL")) {
    Advance();
    if (!IsWord("MATCH")) return Unexpected("MATCH after OPTIONAL");
    c->optional = true;
  }
  if (IsWord("MATCH")) {
    Advance();
    c->kind = Clause::Kind::kMatch;
    PG_RETURN_IF_ERROR(ParsePatternList(&c->patterns));
    if (IsWord("WHERE")) {
      Advance();
      PG_ASSIGN_OR_RETURN(c->where, ParseExpr());
    }
    return Status::OK();
  }
  if (IsWord("WITH") || IsWord("RETURN")) {
    c->kind = IsWord("WITH") ? Clause::Kind::kWith : Clause::Kind::kReturn;
    Advance();
    PG_RETURN_IF_ERROR(ParseProjection(c));
    if (c->kind == Clause::Kind::kWith && IsWord("WHERE")) {
      Advance();
      PG_ASSIGN_OR_RETURN(c->where, ParseExpr());
    }
    return Status::OK();
  }
  if (IsWord("UNWIND")) {
    Advance();
    c->kind = Clause::Kind::kUnwind;
    PG_ASSIGN_OR_RETURN(c->expr, ParseExpr());
    PG_RETURN_IF_ERROR(ExpectWord("AS"));
    PG_ASSIGN_OR_RETURN(c->alias, ParseVariableName());
    return Status::OK();
  }
  if (IsWord("CREATE")) {
    Advance();
    c->kind = Clause::Kind::kCreate;
    return ParsePatternList(&c->patterns);
  }
  if (IsWord("MERGE")) {
    Advance();
    c->kind = Clause::Kind::kMerge;
    PatternPart part;
    PG_RETURN_IF_ERROR(ParsePatternPart(&part));
    c->patterns.push_back(std::move(part));
    while (IsWord("ON")) {
      Advance();
      bool create = IsWord("CREATE");
      if (!create && !IsWord("MATCH")) return Unexpected("CREATE or MATCH after ON");
      Advance();
      PG_RETURN_IF_ERROR(ExpectWord("SET"));
      PG_RETURN_IF_ERROR(ParseSetItems(create ? &c->on_create : &c->on_match));
    }
    return Status::OK();
  }
  if (IsWord("SET")) {
    Advance();
    c->kind = Clause::Kind::kSet;
    return ParseSetItems(&c->set_items);
  }
  if (IsWord("REMOVE")) {
    Advance();
    c->kind = Clause::Kind::kRemove;
    return ParseRemoveItems(&c->set_items);
  }
  if (IsWord("DETACH") || IsWord("DELETE")) {
    if (IsWord("DETACH")) {
      Advance();
      c->detach = true;
      if (!IsWord("DELETE")) return Unexpected("DELETE after DETACH");
    }
    Advance();
    c->kind = Clause::Kind::kDelete;
    do {
      if (!c->exprs.empty()) Advance();
      PG_ASSIGN_OR_RETURN(auto e, ParseExpr());
      c->exprs.push_back(std::move(e));
    } while (IsSymbol(","));
    return Status::OK();
  }
  if (IsWord("CALL")) return ParseCall(c);
  if (IsWord("FOREACH") || IsWord("LOAD") || IsWord("USE") || IsWord("SHOW") || IsWord("DROP") ||
      IsWord("START")) {
    return NotSupported(Peek().pos, Upper(Peek().text) + " clause");
  }
  return Unexpected("a clause (MATCH, RETURN, CREATE, …)");
}

Status Parser::ParseCall(Clause* c) {
  Advance();
  c->kind = Clause::Kind::kCall;
  if (IsSymbol("{")) return NotSupported(Peek().pos, "CALL { … } subqueries");
  PG_ASSIGN_OR_RETURN(c->procedure, ParseName("a procedure name"));
  while (IsSymbol(".")) {
    Advance();
    PG_ASSIGN_OR_RETURN(std::string part, ParseName("a procedure name"));
    c->procedure += "." + part;
  }
  if (IsSymbol("(")) {
    Advance();
    c->call_has_args = true;
    if (!IsSymbol(")")) {
      while (true) {
        PG_ASSIGN_OR_RETURN(auto e, ParseExpr());
        c->call_args.push_back(std::move(e));
        if (!IsSymbol(",")) break;
        Advance();
      }
    }
    PG_RETURN_IF_ERROR(ExpectSymbol(")"));
  }
  if (IsWord("YIELD")) {
    Advance();
    if (IsSymbol("*")) {
      Advance();
      c->yield_star = true;
    } else {
      while (true) {
        PG_ASSIGN_OR_RETURN(std::string col, ParseName("a YIELD column"));
        std::string alias = col;
        if (IsWord("AS")) {
          Advance();
          PG_ASSIGN_OR_RETURN(alias, ParseVariableName());
        }
        c->yields.emplace_back(col, alias);
        if (!IsSymbol(",")) break;
        Advance();
      }
    }
    if (IsWord("WHERE")) {
      Advance();
      PG_ASSIGN_OR_RETURN(c->where, ParseExpr());
    }
  }
  return Status::OK();
}

Status Parser::ParseProjection(Clause* c) {
  if (IsWord("DISTINCT")) {
    Advance();
    c->distinct = true;
  }
  if (IsSymbol("*")) {
    Advance();
    c->star = true;
    if (IsSymbol(","))
      Advance();
    else
      goto order;
  }
  while (true) {
    ProjectionItem item;
    size_t start = Peek().pos;
    PG_ASSIGN_OR_RETURN(item.expr, ParseExpr());
    item.alias = TextFrom(start);
    item.text = Squeeze(item.alias);
    if (IsWord("AS")) {
      Advance();
      PG_ASSIGN_OR_RETURN(item.alias, ParseVariableName());
      item.explicit_alias = true;
    }
    c->items.push_back(std::move(item));
    if (!IsSymbol(",")) break;
    Advance();
  }
order:
  if (IsWord("ORDER")) {
    Advance();
    PG_RETURN_IF_ERROR(ExpectWord("BY"));
    while (true) {
      SortItem s;
      size_t start = Peek().pos;
      PG_ASSIGN_OR_RETURN(s.expr, ParseExpr());
      s.text = Squeeze(TextFrom(start));
      if (IsWord("DESC") || IsWord("DESCENDING")) {
        Advance();
        s.descending = true;
      } else if (IsWord("ASC") || IsWord("ASCENDING")) {
        Advance();
      }
      c->order_by.push_back(std::move(s));
      if (!IsSymbol(",")) break;
      Advance();
    }
  }
  if (IsWord("SKIP")) {
    Advance();
    PG_ASSIGN_OR_RETURN(c->skip, ParseExpr());
  }
  if (IsWord("LIMIT")) {
    Advance();
    PG_ASSIGN_OR_RETURN(c->limit, ParseExpr());
  }
  return Status::OK();
}

Status Parser::ParseSetOrRemoveItem(bool remove, SetItem* item) {
  item->pos = Peek().pos;
  PG_ASSIGN_OR_RETURN(std::string var, ParseVariableName());
  auto v = std::make_shared<Expr>();
  v->kind = ExprKind::kVariable;
  v->name = var;
  v->pos = item->pos;
  if (IsSymbol(":")) {
    item->kind = SetItem::Kind::kLabels;
    item->target = v;
    while (IsSymbol(":")) {
      Advance();
      PG_ASSIGN_OR_RETURN(std::string l, ParseName("a label"));
      item->labels.push_back(l);
    }
    return Status::OK();
  }
  if (IsSymbol(".")) {
    Advance();
    auto p = std::make_shared<Expr>();
    p->kind = ExprKind::kProperty;
    p->pos = item->pos;
    PG_ASSIGN_OR_RETURN(p->name, ParseName("a property key"));
    p->args.push_back(v);
    item->target = p;
    if (remove) {
      item->value = std::make_shared<Expr>();  // a null literal: removing = setting null
      return Status::OK();
    }
    if (IsSymbol(".")) return NotSupported(Peek().pos, "SET on a nested property");
    PG_RETURN_IF_ERROR(ExpectSymbol("="));
    PG_ASSIGN_OR_RETURN(item->value, ParseExpr());
    return Status::OK();
  }
  if (!remove && (IsSymbol("=") || IsSymbol("+="))) {
    item->kind = IsSymbol("=") ? SetItem::Kind::kReplaceMap : SetItem::Kind::kMergeMap;
    Advance();
    item->target = v;
    PG_ASSIGN_OR_RETURN(item->value, ParseExpr());
    return Status::OK();
  }
  return remove ? Unexpected("'.' or ':' in REMOVE") : Unexpected("'.', ':', '=' or '+=' in SET");
}

Status Parser::ParseItems(bool remove, std::vector<SetItem>* items) {
  while (true) {
    SetItem item;
    PG_RETURN_IF_ERROR(ParseSetOrRemoveItem(remove, &item));
    items->push_back(std::move(item));
    if (!IsSymbol(",")) break;
    Advance();
  }
  return Status::OK();
}

}  // namespace pactgraph::query::parser_impl

// The parser: one method per grammar rule (docs/query.md), tokens from Tokenize().
#include "query/parser/parser.h"

#include <algorithm>
#include <cctype>

#include "query/parser/lexer.h"

namespace pactgraph::query {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Words that end an expression or start a clause; they cannot be bare variable names.
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

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), toks_(std::move(tokens)) {}

  Result<Query> Run() {
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
        return Error(upos, "cannot mix UNION and UNION ALL");
      }
      q.union_all = all;
      first_union = false;
    }
    if (IsSymbol(";")) Advance();
    if (Peek().kind != TokenKind::kEnd) return Unexpected("end of query");
    return q;
  }

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
  Status Unexpected(const std::string& expected) const {
    const Token& t = Peek();
    std::string got = t.kind == TokenKind::kEnd      ? "end of input"
                      : t.kind == TokenKind::kString ? "string '" + t.text + "'"
                      : t.kind == TokenKind::kParam  ? "$" + t.text
                                                     : "'" + t.text + "'";
    return Error(t.pos, "expected " + expected + " but found " + got);
  }
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
  Result<std::string> ParseName(const char* what) {
    const Token& t = Peek();
    if (t.kind != TokenKind::kIdent) return Unexpected(what);
    std::string s = t.text;
    Advance();
    return s;
  }
  Result<std::string> ParseVariableName() {
    const Token& t = Peek();
    if (t.kind != TokenKind::kIdent || (!t.quoted && IsReserved(Upper(t.text)))) {
      return Unexpected("a variable name");
    }
    std::string s = t.text;
    Advance();
    return s;
  }
  bool AtVariable() const {
    const Token& t = Peek();
    return t.kind == TokenKind::kIdent && (t.quoted || !IsReserved(Upper(t.text)));
  }
  std::string TextFrom(size_t start) const {
    size_t end = Peek().pos;
    std::string s(text_.substr(start, end - start));
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    return s;
  }
  static std::string Squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    }
    return out;
  }

  // --- clauses -------------------------------------------------------------------------------
  Status ParseSingleQuery(SingleQuery* sq) {
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

  Status ParseClause(Clause* c) {
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

  Status ParseCall(Clause* c) {
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

  Status ParseProjection(Clause* c) {
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

  // One SET or REMOVE item: `v:L1:L2`, `v.key = expr` (REMOVE: `v.key`, i.e. set to null),
  // or, for SET only, `v = map` / `v += map`.
  Status ParseSetOrRemoveItem(bool remove, SetItem* item) {
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

  Status ParseItems(bool remove, std::vector<SetItem>* items) {
    while (true) {
      SetItem item;
      PG_RETURN_IF_ERROR(ParseSetOrRemoveItem(remove, &item));
      items->push_back(std::move(item));
      if (!IsSymbol(",")) break;
      Advance();
    }
    return Status::OK();
  }
  Status ParseSetItems(std::vector<SetItem>* items) { return ParseItems(false, items); }
  Status ParseRemoveItems(std::vector<SetItem>* items) { return ParseItems(true, items); }

  // --- patterns ------------------------------------------------------------------------------
  Status ParsePatternList(std::vector<PatternPart>* parts) {
    while (true) {
      PatternPart part;
      PG_RETURN_IF_ERROR(ParsePatternPart(&part));
      parts->push_back(std::move(part));
      if (!IsSymbol(",")) break;
      Advance();
    }
    return Status::OK();
  }

  Status ParsePatternPart(PatternPart* part) {
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

  Status ParsePatternChain(PatternPart* part) {
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

  Status ParseNodePattern(NodePattern* n) {
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

  Status ParseOptionalProperties(ExprPtr* props) {
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

  Status ParseRelPattern(RelPattern* r) {
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
          Advance();
          if (Peek().kind != TokenKind::kInt) return Unexpected("an upper bound after '..'");
          r->max_hops = Peek().int_value;
          Advance();
        }
        if (r->max_hops >= 0 && r->max_hops < r->min_hops) {
          return Error(r->pos, "variable-length upper bound is below the lower bound");
        }
      }
      PG_RETURN_IF_ERROR(ParseOptionalProperties(&r->props));
      if (IsWord("WHERE")) return NotSupported(Peek().pos, "WHERE inside a relationship pattern");
      PG_RETURN_IF_ERROR(ExpectSymbol("]"));
    }
    PG_RETURN_IF_ERROR(ExpectSymbol("-"));
    if (IsSymbol(">")) {
      right = true;
      Advance();
    }
    if (left && right) return Error(r->pos, "a relationship cannot point both ways");
    r->dir = left ? Direction::kIn : right ? Direction::kOut : Direction::kBoth;
    return Status::OK();
  }

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

  Result<ExprPtr> ParseExpr() {
    if (++depth_ > 200) return Error(Peek().pos, "expression nested too deeply");
    auto r = ParseOr();
    --depth_;
    return r;
  }

  Result<ExprPtr> ParseOr() {
    PG_ASSIGN_OR_RETURN(ExprPtr l, ParseXor());
    while (IsWord("OR")) {
      size_t pos = Peek().pos;
      Advance();
      PG_ASSIGN_OR_RETURN(ExprPtr r, ParseXor());
      l = MakeBinary("OR", l, r, pos);
    }
    return l;
  }
  Result<ExprPtr> ParseXor() {
    PG_ASSIGN_OR_RETURN(ExprPtr l, ParseAnd());
    while (IsWord("XOR")) {
      size_t pos = Peek().pos;
      Advance();
      PG_ASSIGN_OR_RETURN(ExprPtr r, ParseAnd());
      l = MakeBinary("XOR", l, r, pos);
    }
    return l;
  }
  Result<ExprPtr> ParseAnd() {
    PG_ASSIGN_OR_RETURN(ExprPtr l, ParseNot());
    while (IsWord("AND")) {
      size_t pos = Peek().pos;
      Advance();
      PG_ASSIGN_OR_RETURN(ExprPtr r, ParseNot());
      l = MakeBinary("AND", l, r, pos);
    }
    return l;
  }
  Result<ExprPtr> ParseNot() {
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
  bool AtComparison() const {
    return IsSymbol("=") || IsSymbol("<>") || IsSymbol("!=") || IsSymbol("<") || IsSymbol(">") ||
           IsSymbol("<=") || IsSymbol(">=");
  }
  Result<ExprPtr> ParseComparison() {
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
  Result<ExprPtr> ParsePredicate() {
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
  Result<ExprPtr> ParseAddSub() {
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
  Result<ExprPtr> ParseMulDiv() {
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
  Result<ExprPtr> ParsePower() {
    PG_ASSIGN_OR_RETURN(ExprPtr l, ParseUnary());
    while (IsSymbol("^")) {
      size_t pos = Peek().pos;
      Advance();
      PG_ASSIGN_OR_RETURN(ExprPtr r, ParseUnary());
      l = MakeBinary("^", l, r, pos);
    }
    return l;
  }
  Result<ExprPtr> ParseUnary() {
    if (IsSymbol("-") || IsSymbol("+")) {
      auto e = std::make_shared<Expr>();
      e->kind = ExprKind::kUnary;
      e->op = Peek().text;
      e->pos = Peek().pos;
      Advance();
      // Fold -<int> so the most negative integer literal is expressible.
      if (e->op == "-" && Peek().kind == TokenKind::kInt && !IsSymbol(".", 1) &&
          !IsSymbol("[", 1) && !IsSymbol("^", 1)) {
        auto lit = std::make_shared<Expr>();
        lit->pos = e->pos;
        lit->literal = Value(Peek().quoted ? INT64_MIN : -Peek().int_value);
        Advance();
        return lit;
      }
      PG_ASSIGN_OR_RETURN(ExprPtr a, ParseUnary());
      e->args.push_back(a);
      return e;
    }
    return ParsePostfix();
  }
  Result<ExprPtr> ParsePostfix() {
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

  Result<ExprPtr> ParseMapLiteral() {
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

  Result<ExprPtr> ParseAtom() {
    if (operators_ > kMaxOperators) {
      return Error(Peek().pos, "query too complex: more than " + std::to_string(kMaxOperators) +
                                   " operators in one query");
    }
    const Token& t = Peek();
    auto e = std::make_shared<Expr>();
    e->pos = t.pos;
    switch (t.kind) {
      case TokenKind::kInt:
        if (t.quoted) return Error(t.pos, "integer literal out of range");
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
        if (pattern)
          return NotSupported(t.pos, "pattern expressions (use MATCH or OPTIONAL MATCH)");
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
  bool AtVariable(size_t ahead) const {
    const Token& t = Peek(ahead);
    return t.kind == TokenKind::kIdent && (t.quoted || !IsReserved(Upper(t.text)));
  }

  Result<ExprPtr> ParseListOrComprehension() {
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

  Result<ExprPtr> ParseIdentAtom() {
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
          PG_ASSIGN_OR_RETURN(ExprPtr a, ParseExpr());
          e->args.push_back(a);
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

  Result<ExprPtr> ParseCase() {
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

  std::string_view text_;
  std::vector<Token> toks_;
  size_t i_ = 0;
  int depth_ = 0;
  int operators_ = 0;  // binary operators built so far (bounded by kMaxOperators)
};

}  // namespace

Result<Query> ParseQuery(std::string_view text) {
  PG_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(text));
  Parser p(text, std::move(tokens));
  return p.Run();
}

}  // namespace pactgraph::query

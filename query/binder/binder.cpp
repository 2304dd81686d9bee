// The binder (see binder.h). Scopes map names to slots; a WITH/RETURN replaces the scope.
#include "query/binder/binder.h"

#include <map>

#include "query/binder/grouping_keys.h"
#include "query/binder/static_types.h"
#include "query/parser/lexer.h"

namespace pactgraph::query {
namespace {

enum class VarKind { kAny, kNode, kRel, kPath };

struct Var {
  int slot = -1;
  VarKind kind = VarKind::kAny;
};

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode:
      return "a node";
    case VarKind::kRel:
      return "a relationship";
    case VarKind::kPath:
      return "a path";
    default:
      return "a value";
  }
}

// Collects aggregate calls met while binding a projection item.
struct AggCollector {
  std::vector<AggregateSpec>* specs = nullptr;
  int* next_slot = nullptr;
  int depth = 0;  // > 0 inside an aggregate's argument
  bool saw_aggregate = false;
  bool saw_outside_var = false;
  std::set<int> locals;  // comprehension variables: not grouping variables
};

ExprPtr MakeVar(int slot, size_t pos, const std::string& name = "") {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kVariable;
  e->slot = slot;
  e->pos = pos;
  e->name = name;
  return e;
}

class Binder {
 public:
  Binder(const ValueMap& params, std::string_view text, const QueryServices& services)
      : params_(params), text_(text), services_(services) {}

  Result<BoundQuery> Run(Query* q) {
    BoundQuery out;
    out.mode = q->mode;
    out.union_all = q->union_all;
    for (auto& sq : q->parts) {
      scope_.clear();
      slot_types_.clear();
      num_slots_ = 0;
      BoundSingleQuery bsq;
      PG_RETURN_IF_ERROR(BindSingle(sq, &bsq));
      bsq.num_slots = num_slots_;
      if (!out.parts.empty() && bsq.columns != out.parts[0].columns) {
        return Err(sq.clauses.front().pos, "DifferentColumnsInUnion",
                   "all parts of a UNION must return the same column names");
      }
      out.parts.push_back(std::move(bsq));
    }
    out.columns = out.parts[0].columns;
    out.writes = writes_;
    return out;
  }

 private:
  Status Err(size_t pos, const std::string& m) const {
    return ErrorAt(Status::Code::kInvalidArgument, text_, pos, m);
  }
  // A compile-time error in one of the openCypher TCK's categories: the message starts
  // "SyntaxError (VariableAlreadyBound): …" so users (and the TCK) can tell the kinds apart.
  Status Err(size_t pos, const char* detail, const std::string& m) const {
    return ErrorAt(Status::Code::kInvalidArgument, text_, pos,
                   std::string("SyntaxError (") + detail + "): " + m);
  }
  Status NotSupported(size_t pos, const std::string& m) const {
    return ErrorAt(Status::Code::kNotSupported, text_, pos, "not supported: " + m);
  }
  int NewSlot() { return num_slots_++; }

  // Static type check of a bound expression (static_types.h); the type goes to *out.
  Status Check(const ExprPtr& e, StaticType* out = nullptr) {
    StaticType ignored;
    if (!e) return Status::OK();
    return InferType(*e, &slot_types_, text_, out ? out : &ignored);
  }
  // "a relationship", "a value of type INTEGER", … for messages about a variable.
  std::string Describe(const Var& v) const {
    auto it = slot_types_.find(v.slot);
    if (v.kind == VarKind::kAny && it != slot_types_.end() && it->second.kind) {
      return std::string("a value of type ") + Value::TypeName(*it->second.kind);
    }
    return KindName(v.kind);
  }
  // A variable whose static type is known not to be `t` (e.g. WITH 1 AS n MATCH (n)).
  bool KnownNot(const Var& v, Value::Type t) const {
    auto it = slot_types_.find(v.slot);
    return v.kind == VarKind::kAny && it != slot_types_.end() && it->second.KnownOther({t});
  }

  // --- clauses -------------------------------------------------------------------------------
  Status BindSingle(SingleQuery& sq, BoundSingleQuery* out) {
    const size_t n = sq.clauses.size();
    for (size_t i = 0; i < n; ++i) {
      Clause& c = sq.clauses[i];
      bool last = i + 1 == n;
      if (c.kind == Clause::Kind::kReturn && !last) {
        return Err(sq.clauses[i + 1].pos, "RETURN must be the last clause of a query");
      }
      BoundClause bc;
      bc.clause = &c;
      bc.kind = c.kind;
      switch (c.kind) {
        case Clause::Kind::kMatch:
          PG_RETURN_IF_ERROR(BindMatch(c, &bc.match));
          break;
        case Clause::Kind::kWith:
        case Clause::Kind::kReturn:
          PG_RETURN_IF_ERROR(BindProjection(c, &bc.projection));
          if (c.kind == Clause::Kind::kReturn) {
            out->columns = bc.projection.names;
            out->column_slots = bc.projection.slots;
          }
          break;
        case Clause::Kind::kUnwind: {
          PG_RETURN_IF_ERROR(BindExpr(c.expr, nullptr));
          StaticType list;
          PG_RETURN_IF_ERROR(Check(c.expr, &list));
          bc.expr = c.expr;
          bc.slot = NewSlot();
          if (scope_.count(c.alias)) {
            return Err(c.pos, "VariableAlreadyBound",
                       "variable `" + c.alias + "` already declared");
          }
          scope_[c.alias] = Var{bc.slot, VarKind::kAny};
          if (list.Definitely(Value::Type::kList) && list.elem) {
            slot_types_[bc.slot] = StaticType::Of(*list.elem);
          }
          break;
        }
        case Clause::Kind::kCreate:
        case Clause::Kind::kMerge:
          writes_ = true;
          PG_RETURN_IF_ERROR(BindCreatePattern(c, &bc.match));
          if (c.kind == Clause::Kind::kMerge) {
            PG_RETURN_IF_ERROR(BindSetItems(c.on_create, &bc.on_create, false));
            PG_RETURN_IF_ERROR(BindSetItems(c.on_match, &bc.on_match, false));
          }
          break;
        case Clause::Kind::kSet:
        case Clause::Kind::kRemove:
          writes_ = true;
          PG_RETURN_IF_ERROR(
              BindSetItems(c.set_items, &bc.set_items, c.kind == Clause::Kind::kRemove));
          break;
        case Clause::Kind::kDelete:
          writes_ = true;
          for (auto& e : c.exprs) {
            if (e->kind == ExprKind::kLabelCheck) {
              return Err(e->pos, "InvalidDelete",
                         "DELETE removes nodes and relationships; remove a label with REMOVE "
                         "n:Label");
            }
            PG_RETURN_IF_ERROR(BindExpr(e, nullptr));
            StaticType t;
            PG_RETURN_IF_ERROR(Check(e, &t));
            if (t.KnownOther({Value::Type::kNode, Value::Type::kRel, Value::Type::kPath})) {
              return Err(e->pos, "InvalidArgumentType",
                         std::string("DELETE needs a node, relationship or path, got ") +
                             Value::TypeName(*t.kind));
            }
            bc.exprs.push_back(e);
          }
          break;
        case Clause::Kind::kCall:
          PG_RETURN_IF_ERROR(BindCall(c, &bc, n == 1, out));
          break;
      }
      out->clauses.push_back(std::move(bc));
    }
    Clause::Kind last = sq.clauses.back().kind;
    if (last == Clause::Kind::kMatch || last == Clause::Kind::kWith ||
        last == Clause::Kind::kUnwind ||
        (last == Clause::Kind::kCall && n > 1 && out->columns.empty() &&
         !sq.clauses.back().yields.empty())) {
      const char* name = last == Clause::Kind::kMatch  ? "MATCH"
                         : last == Clause::Kind::kWith ? "WITH"
                         : last == Clause::Kind::kCall ? "CALL … YIELD"
                                                       : "UNWIND";
      return Err(sq.clauses.back().pos, std::string("a query cannot end with ") + name +
                                            " (end it with RETURN or an update clause)");
    }
    return Status::OK();
  }

  Status BindCall(Clause& c, BoundClause* bc, bool standalone, BoundSingleQuery* out) {
    const Procedure* p =
        services_.procedures != nullptr ? services_.procedures->Find(c.procedure) : nullptr;
    if (!p) {
      return ErrorAt(Status::Code::kNotFound, text_, c.pos,
                     "unknown procedure " + c.procedure + " (CALL db.procedures() lists them)");
    }
    const auto& sig = p->signature;
    size_t required = 0;
    for (const auto& prm : sig.params) required += !prm.optional;
    if (c.call_args.size() < required || c.call_args.size() > sig.params.size()) {
      return Err(c.pos,
                 "procedure " + sig.name + " expects " +
                     (required == sig.params.size()
                          ? std::to_string(required)
                          : std::to_string(required) + " to " + std::to_string(sig.params.size())) +
                     " argument(s), got " + std::to_string(c.call_args.size()));
    }
    for (auto& a : c.call_args) PG_RETURN_IF_ERROR(BindExpr(a, nullptr));
    bc->procedure = p;
    bc->call_args = c.call_args;
    if (sig.writes) writes_ = true;
    bc->yield_slots.assign(sig.yields.size(), -1);
    std::vector<std::pair<std::string, std::string>> yields = c.yields;
    if (yields.empty()) {
      if (!standalone && !c.yield_star) {
        return Err(c.pos, "CALL inside a larger query must use YIELD");
      }
      for (const auto& y : sig.yields) yields.emplace_back(y, y);
    }
    for (const auto& [col, alias] : yields) {
      auto it = std::find(sig.yields.begin(), sig.yields.end(), col);
      if (it == sig.yields.end()) {
        std::string cols;
        for (const auto& y : sig.yields) cols += (cols.empty() ? "" : ", ") + y;
        return Err(c.pos, "procedure " + sig.name + " has no output column '" + col +
                              "' (it yields " + cols + ")");
      }
      if (scope_.count(alias))
        return Err(c.pos, "VariableAlreadyBound", "variable `" + alias + "` already declared");
      int slot = NewSlot();
      bc->yield_slots[it - sig.yields.begin()] = slot;
      scope_[alias] = Var{slot, VarKind::kAny};
      if (standalone || c.yields.empty()) {
        out->columns.push_back(alias);
        out->column_slots.push_back(slot);
      }
    }
    if (c.where) {
      PG_RETURN_IF_ERROR(BindExpr(c.where, nullptr));
      bc->where = c.where;
    }
    return Status::OK();
  }

  // --- patterns ------------------------------------------------------------------------------
  Status DeclareNode(const NodePattern& n, std::set<int>* new_slots, int* slot, bool create) {
    if (n.var.empty()) {
      *slot = NewSlot();
      new_slots->insert(*slot);
      return Status::OK();
    }
    auto it = scope_.find(n.var);
    if (it != scope_.end()) {
      if ((it->second.kind != VarKind::kNode && it->second.kind != VarKind::kAny) ||
          KnownNot(it->second, Value::Type::kNode)) {
        return Err(n.pos, "VariableTypeConflict",
                   "variable `" + n.var + "` is " + Describe(it->second) + ", not a node");
      }
      if (create && (!n.labels.empty() || n.props)) {
        return Err(n.pos, "VariableAlreadyBound",
                   "cannot add labels or properties to `" + n.var +
                       "` here: the variable is already bound");
      }
      *slot = it->second.slot;
      return Status::OK();
    }
    *slot = NewSlot();
    new_slots->insert(*slot);
    scope_[n.var] = Var{*slot, VarKind::kNode};
    slot_types_[*slot] = StaticType::Of(Value::Type::kNode);
    return Status::OK();
  }

  // A relationship variable: new, or (MATCH only) a relationship bound by an earlier clause,
  // which the pattern must then traverse. Re-use inside one pattern, in CREATE/MERGE, or of a
  // variable holding something else is an error in the TCK's categories.
  Status DeclareRel(const RelPattern& r, std::set<int>* new_slots, int* slot, bool create) {
    if (!r.var.empty() && scope_.count(r.var)) {
      const Var& v = scope_[r.var];
      if (v.kind == VarKind::kNode || v.kind == VarKind::kPath ||
          (!r.var_length && KnownNot(v, Value::Type::kRel)) ||
          (r.var_length && KnownNot(v, Value::Type::kList))) {
        return Err(r.pos, "VariableTypeConflict",
                   "variable `" + r.var + "` is " + Describe(v) + ", not a relationship");
      }
      if (create) {
        return Err(r.pos, "VariableAlreadyBound",
                   "variable `" + r.var +
                       "` is already bound; CREATE and MERGE make new "
                       "relationships");
      }
      if (new_slots->count(v.slot)) {
        return Err(r.pos, "RelationshipUniquenessViolation",
                   "relationship variable `" + r.var + "` used twice in one pattern");
      }
      if (v.kind == VarKind::kRel && !r.var_length) {
        *slot = v.slot;
        return Status::OK();
      }
      return NotSupported(r.pos, "re-using the bound variable `" + r.var +
                                     "` as a relationship (only a single relationship bound by "
                                     "an earlier MATCH can be re-used)");
    }
    *slot = NewSlot();
    new_slots->insert(*slot);
    if (!r.var.empty()) scope_[r.var] = Var{*slot, VarKind::kRel};
    slot_types_[*slot] = StaticType::Of(r.var_length ? Value::Type::kList : Value::Type::kRel);
    if (r.var_length) slot_types_[*slot].elem = Value::Type::kRel;
    return Status::OK();
  }

  // Inline {k: v} maps become `var.k = v` predicates.
  Status AddPropertyPredicates(ExprPtr props, int slot, size_t pos, const std::string& var,
                               std::vector<ExprPtr>* preds) {
    if (!props) return Status::OK();
    std::vector<std::string> keys;
    std::vector<ExprPtr> values;
    if (props->kind == ExprKind::kParameter) {
      return Err(props->pos, "InvalidParameterUse",
                 "a parameter cannot stand for the property map of a MATCH or MERGE pattern; "
                 "write (n {key: $" +
                     props->name + ".key})");
    } else {
      PG_RETURN_IF_ERROR(BindExpr(props, nullptr));
      keys = props->keys;
      values = props->args;
    }
    for (size_t i = 0; i < keys.size(); ++i) {
      auto prop = std::make_shared<Expr>();
      prop->kind = ExprKind::kProperty;
      prop->name = keys[i];
      prop->pos = pos;
      prop->args.push_back(MakeVar(slot, pos, var));
      auto eq = std::make_shared<Expr>();
      eq->kind = ExprKind::kBinary;
      eq->op = "=";
      eq->pos = pos;
      eq->args = {prop, values[i]};
      preds->push_back(eq);
    }
    return Status::OK();
  }

  static void SplitConjuncts(const ExprPtr& e, std::vector<ExprPtr>* out) {
    if (e->kind == ExprKind::kBinary && e->op == "AND") {
      SplitConjuncts(e->args[0], out);
      SplitConjuncts(e->args[1], out);
    } else {
      out->push_back(e);
    }
  }

  Status BindMatch(Clause& c, BoundMatch* m) {
    for (const auto& [name, v] : scope_) m->bound_before.insert(v.slot);
    std::vector<std::pair<ExprPtr, int>> var_length_props;
    for (const auto& part : c.patterns) {
      BoundPart bp;
      bp.pattern = &part;
      if (part.kind != PatternPart::Kind::kNormal && part.rels.size() != 1) {
        return Err(part.pos, "shortestPath needs a pattern with exactly one relationship");
      }
      for (size_t i = 0; i < part.nodes.size(); ++i) {
        int slot;
        PG_RETURN_IF_ERROR(DeclareNode(part.nodes[i], &m->new_slots, &slot, false));
        bp.node_slots.push_back(slot);
        PG_RETURN_IF_ERROR(AddPropertyPredicates(part.nodes[i].props, slot, part.nodes[i].pos,
                                                 part.nodes[i].var, &m->predicates));
        if (i < part.rels.size()) {
          const RelPattern& r = part.rels[i];
          int rslot;
          PG_RETURN_IF_ERROR(DeclareRel(r, &m->new_slots, &rslot, false));
          bp.rel_slots.push_back(rslot);
          if (part.kind != PatternPart::Kind::kNormal) {
            if (r.var_length && r.min_hops > 1) {
              return Err(r.pos, "shortestPath needs a minimal length of 0 or 1");
            }
            if (r.props) return NotSupported(r.pos, "properties inside shortestPath()");
          }
          int seg = -1;
          if (r.var_length) {
            seg = NewSlot();
            m->new_slots.insert(seg);
            if (r.props) PG_RETURN_IF_ERROR(BindExpr(const_cast<RelPattern&>(r).props, nullptr));
          } else {
            PG_RETURN_IF_ERROR(AddPropertyPredicates(r.props, rslot, r.pos, r.var, &m->predicates));
          }
          bp.segment_node_slots.push_back(seg);
        }
      }
      if (!part.path_var.empty()) {
        if (scope_.count(part.path_var)) {
          return Err(part.pos, "VariableAlreadyBound",
                     "variable `" + part.path_var + "` already declared");
        }
        bp.path_slot = NewSlot();
        m->new_slots.insert(bp.path_slot);
        scope_[part.path_var] = Var{bp.path_slot, VarKind::kPath};
        slot_types_[bp.path_slot] = StaticType::Of(Value::Type::kPath);
      }
      m->parts.push_back(std::move(bp));
    }
    if (c.where) {
      PG_RETURN_IF_ERROR(BindExpr(c.where, nullptr));
      PG_RETURN_IF_ERROR(Check(c.where));
      SplitConjuncts(c.where, &m->predicates);
    }
    return Status::OK();
  }

  Status BindCreatePattern(Clause& c, BoundMatch* m) {
    for (const auto& [name, v] : scope_) m->bound_before.insert(v.slot);
    const bool merge = c.kind == Clause::Kind::kMerge;
    for (const auto& part : c.patterns) {
      BoundPart bp;
      bp.pattern = &part;
      if (part.kind != PatternPart::Kind::kNormal) {
        return Err(part.pos, "shortestPath cannot be used in CREATE or MERGE");
      }
      if (part.nodes.size() == 1 && !part.nodes[0].var.empty() && scope_.count(part.nodes[0].var)) {
        return Err(part.nodes[0].pos, "VariableAlreadyBound",
                   "variable `" + part.nodes[0].var + "` is already bound; " +
                       (merge ? "MERGE" : "CREATE") + " of a lone node makes a new node");
      }
      for (size_t i = 0; i < part.nodes.size(); ++i) {
        const NodePattern& n = part.nodes[i];
        int slot;
        PG_RETURN_IF_ERROR(DeclareNode(n, &m->new_slots, &slot, true));
        bp.node_slots.push_back(slot);
        if (merge && n.props && n.props->kind == ExprKind::kParameter) {
          PG_RETURN_IF_ERROR(AddPropertyPredicates(n.props, slot, n.pos, n.var, &m->predicates));
        }
        if (n.props) PG_RETURN_IF_ERROR(BindExpr(const_cast<NodePattern&>(n).props, nullptr));
        if (merge && n.props) {
          PG_RETURN_IF_ERROR(AddPropertyPredicates(n.props, slot, n.pos, n.var, &m->predicates));
        }
        if (i < part.rels.size()) {
          const RelPattern& r = part.rels[i];
          if (!r.var.empty() && scope_.count(r.var)) {
            int ignored;
            PG_RETURN_IF_ERROR(DeclareRel(r, &m->new_slots, &ignored, true));
          }
          if (r.types.size() != 1) {
            return Err(r.pos, "NoSingleRelationshipType",
                       std::string("a relationship to ") + (merge ? "MERGE" : "CREATE") +
                           " needs exactly one type, like -[:MOU]->");
          }
          if (r.var_length)
            return Err(r.pos, "CreatingVarLength",
                       "variable-length relationships cannot be created");
          if (r.dir == Direction::kBoth && !merge) {
            return Err(r.pos, "RequiresDirectedRelationship",
                       "a relationship to CREATE needs a direction (-> or <-)");
          }
          int rslot;
          PG_RETURN_IF_ERROR(DeclareRel(r, &m->new_slots, &rslot, true));
          bp.rel_slots.push_back(rslot);
          bp.segment_node_slots.push_back(-1);
          if (merge && r.props && r.props->kind == ExprKind::kParameter) {
            PG_RETURN_IF_ERROR(AddPropertyPredicates(r.props, rslot, r.pos, r.var, &m->predicates));
          }
          if (r.props) PG_RETURN_IF_ERROR(BindExpr(const_cast<RelPattern&>(r).props, nullptr));
          if (merge && r.props) {
            PG_RETURN_IF_ERROR(AddPropertyPredicates(r.props, rslot, r.pos, r.var, &m->predicates));
          }
        }
      }
      if (!part.path_var.empty()) {
        if (scope_.count(part.path_var)) {
          return Err(part.pos, "VariableAlreadyBound",
                     "variable `" + part.path_var + "` already declared");
        }
        bp.path_slot = NewSlot();
        m->new_slots.insert(bp.path_slot);
        scope_[part.path_var] = Var{bp.path_slot, VarKind::kPath};
        slot_types_[bp.path_slot] = StaticType::Of(Value::Type::kPath);
      }
      m->parts.push_back(std::move(bp));
    }
    return Status::OK();
  }

  Status BindSetItems(std::vector<SetItem>& items, std::vector<BoundSetItem>* out, bool remove) {
    for (auto& item : items) {
      BoundSetItem b;
      b.kind = item.kind;
      b.pos = item.pos;
      b.remove = remove;
      b.labels = item.labels;
      const Expr& var =
          item.kind == SetItem::Kind::kProperty ? *item.target->args[0] : *item.target;
      auto it = scope_.find(var.name);
      if (it == scope_.end())
        return Err(var.pos, "UndefinedVariable", "variable `" + var.name + "` not defined");
      if (it->second.kind == VarKind::kPath) {
        return Err(var.pos, "cannot set properties or labels on a path");
      }
      b.slot = it->second.slot;
      if (item.kind == SetItem::Kind::kProperty) b.key = item.target->name;
      if (item.value) {
        PG_RETURN_IF_ERROR(BindExpr(item.value, nullptr));
        PG_RETURN_IF_ERROR(Check(item.value));
        b.value = item.value;
      }
      out->push_back(std::move(b));
    }
    return Status::OK();
  }

  // --- projections ---------------------------------------------------------------------------
  Status BindProjection(Clause& c, BoundProjection* p) {
    p->is_return = c.kind == Clause::Kind::kReturn;
    p->distinct = c.distinct;
    std::map<std::string, Var> old_scope = scope_;
    std::map<std::string, Var> new_scope;
    if (c.star) {
      if (old_scope.empty() && p->is_return) {
        return Err(c.pos, "NoVariablesInScope", "RETURN * with no variables in scope");
      }
      for (const auto& [name, v] : old_scope) {
        p->exprs.push_back(MakeVar(v.slot, c.pos, name));
        p->names.push_back(name);
        p->is_key.push_back(true);
      }
    }
    std::vector<StaticType> item_types;   // after the star columns
    std::vector<std::string> item_texts;  // each item's expression as written, before binding
    std::vector<bool> mixed;              // the item combines an aggregate with grouping keys
    AggCollector agg;
    agg.specs = &p->aggregates;
    agg.next_slot = &num_slots_;
    for (auto& item : c.items) {
      if (!item.explicit_alias && item.expr->kind != ExprKind::kVariable && !p->is_return) {
        return Err(item.expr->pos, "NoExpressionAlias",
                   "expression in WITH must be aliased (use AS)");
      }
      agg.saw_aggregate = false;
      agg.saw_outside_var = false;
      item_texts.push_back(ExprToText(*item.expr));
      PG_RETURN_IF_ERROR(BindExpr(item.expr, &agg));
      StaticType t;
      PG_RETURN_IF_ERROR(Check(item.expr, &t));
      item_types.push_back(t);
      mixed.push_back(agg.saw_aggregate && agg.saw_outside_var);
      p->exprs.push_back(item.expr);
      p->names.push_back(item.alias);
      p->is_key.push_back(!agg.saw_aggregate);
    }
    for (size_t i = 0; i < p->names.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (p->names[i] == p->names[j]) {
          return Err(c.pos, "ColumnNameConflict",
                     "multiple result columns with the same name '" + p->names[i] + "'");
        }
      }
      int slot = NewSlot();
      p->slots.push_back(slot);
      VarKind kind = VarKind::kAny;
      if (p->exprs[i]->kind == ExprKind::kVariable) {
        for (const auto& [n, v] : old_scope) {
          if (v.slot == p->exprs[i]->slot) kind = v.kind;
        }
      }
      new_scope[p->names[i]] = Var{slot, kind};
      const size_t stars = p->names.size() - item_types.size();
      if (i >= stars) {
        slot_types_[slot] = item_types[i - stars];
      } else if (slot_types_.count(p->exprs[i]->slot)) {
        slot_types_[slot] = slot_types_[p->exprs[i]->slot];
      }
    }
    const bool aggregating = !p->aggregates.empty();
    const size_t stars = p->names.size() - c.items.size();
    if (aggregating) PG_RETURN_IF_ERROR(RewriteMixedItems(p, mixed, stars));
    // ORDER BY sees the new names, and (without DISTINCT or aggregation) the old ones too.
    for (auto& s : c.order_by) {
      ExprPtr e = s.expr;
      bool matched = false;
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (!c.items[i].text.empty() && c.items[i].text == s.text) {
          e = MakeVar(p->slots[i + stars], s.expr->pos);
          matched = true;
        }
      }
      if (!matched) {
        // After an aggregation, parts that are projected items (an aggregate, a variable or a
        // property access) read the projected column: ORDER BY me.age + count(*).
        bool complex_key = false;
        if (aggregating) {
          for (size_t i = 0; i < c.items.size(); ++i) {
            const Expr& item = *p->exprs[i + stars];
            const bool simple = !p->is_key[i + stars] || item.kind == ExprKind::kVariable ||
                                item.kind == ExprKind::kProperty;
            if (ReplaceByAlias(&e, item_texts[i], p->names[i + stars], simple)) {
              complex_key |= !simple;
            }
          }
        }
        scope_ = (aggregating || p->distinct) ? new_scope : old_scope;
        for (const auto& [n, v] : new_scope) scope_[n] = v;
        Status st = BindExpr(e, nullptr);
        if (st.ok()) st = Check(e);
        if (!st.ok() && (aggregating || p->distinct) &&
            (st.message().find("not defined") != std::string::npos ||
             st.message().find("(InvalidAggregation)") != std::string::npos)) {
          if (complex_key) {
            return Err(e->pos, "AmbiguousAggregationExpression",
                       "ORDER BY after an aggregation can use a projected expression only as a "
                       "whole column, not inside a larger expression");
          }
          return Err(e->pos, "UndefinedVariable",
                     "ORDER BY after " + std::string(aggregating ? "an aggregation" : "DISTINCT") +
                         " can only use the projected columns");
        }
        PG_RETURN_IF_ERROR(st);
      }
      p->order_by.emplace_back(e, s.descending);
    }
    scope_ = new_scope;
    for (ExprPtr* e : {&c.skip, &c.limit}) {
      if (!*e) continue;
      std::map<std::string, Var> saved = scope_;
      scope_.clear();
      Status st = BindExpr(*e, nullptr);
      scope_ = saved;
      if (!st.ok()) {
        return Err((*e)->pos, "NonConstantExpression",
                   "SKIP and LIMIT take a constant or a parameter, not a variable");
      }
      // A literal count is checked now; a parameter or expression when the query runs.
      const char* what = e == &c.skip ? "SKIP" : "LIMIT";
      const Value& lit = (*e)->literal;
      if ((*e)->kind == ExprKind::kLiteral && !lit.is_int()) {
        return Err((*e)->pos, "InvalidArgumentType",
                   std::string(what) + " must be a non-negative integer, got " + lit.ToString());
      }
      if ((*e)->kind == ExprKind::kLiteral && lit.as_int() < 0) {
        return Err((*e)->pos, "NegativeIntegerArgument",
                   std::string(what) + " must be a non-negative integer, got " + lit.ToString());
      }
    }
    p->skip = c.skip;
    p->limit = c.limit;
    if (c.where) {
      // WITH … WHERE also sees the variables from before the WITH (Cypher's scoping), unless
      // the projection aggregates or is DISTINCT; the planner filters before pruning them.
      if (!aggregating && !p->distinct) {
        for (const auto& [n, v] : old_scope) scope_.emplace(n, v);
      }
      Status st = BindExpr(c.where, nullptr);
      if (st.ok()) st = Check(c.where);
      scope_ = new_scope;
      PG_RETURN_IF_ERROR(st);
      p->where = c.where;
    }
    return Status::OK();
  }

  // Items that combine aggregates with grouping keys (grouping_keys.h): uses of projected
  // variables and property accesses read the key columns; anything else is ambiguous.
  Status RewriteMixedItems(BoundProjection* p, const std::vector<bool>& mixed, size_t stars) {
    GroupingKeys keys;
    for (size_t i = 0; i < p->exprs.size(); ++i) {
      if (!p->is_key[i]) continue;
      const Expr& k = *p->exprs[i];
      if (k.kind == ExprKind::kVariable) keys.var_slots[k.slot] = p->slots[i];
      if (k.kind == ExprKind::kProperty) keys.texts[ExprToText(k)] = p->slots[i];
    }
    std::set<int> allowed(p->slots.begin(), p->slots.end());
    for (const auto& a : p->aggregates) allowed.insert(a.slot);
    for (size_t i = 0; i < mixed.size(); ++i) {
      if (!mixed[i]) continue;
      ExprPtr& e = p->exprs[i + stars];
      RewriteToKeys(&e, keys);
      for (int slot : FreeSlots(*e)) {
        if (!allowed.count(slot)) {
          return Err(e->pos, "AmbiguousAggregationExpression",
                     "an expression with an aggregate can only use the grouping keys projected "
                     "beside it (variables or property accesses such as n.name)");
        }
      }
    }
    return Status::OK();
  }

  // Replaces, in the unbound `*e`, subexpressions written as `text` by the variable `alias`
  // (when `replace`); true when one was found.
  static bool ReplaceByAlias(ExprPtr* e, const std::string& text, const std::string& alias,
                             bool replace) {
    if (!*e) return false;
    if (ExprToText(**e) == text) {
      if (replace) {
        auto v = std::make_shared<Expr>();
        v->kind = ExprKind::kVariable;
        v->name = alias;
        v->pos = (*e)->pos;
        *e = v;
      }
      return true;
    }
    if ((*e)->kind == ExprKind::kComprehension || (*e)->kind == ExprKind::kQuantifier ||
        (*e)->kind == ExprKind::kReduce) {
      return false;  // its own variable may shadow the text's
    }
    bool found = false;
    for (auto& a : (*e)->args) found |= ReplaceByAlias(&a, text, alias, replace);
    return found;
  }

  // --- expressions ---------------------------------------------------------------------------
  Status BindExpr(ExprPtr& e, AggCollector* agg) {
    if (!e) return Status::OK();
    switch (e->kind) {
      case ExprKind::kVariable: {
        auto it = scope_.find(e->name);
        if (it == scope_.end())
          return Err(e->pos, "UndefinedVariable", "variable `" + e->name + "` not defined");
        e->slot = it->second.slot;
        if (agg && agg->depth == 0 && !agg->locals.count(e->slot)) agg->saw_outside_var = true;
        return Status::OK();
      }
      case ExprKind::kParameter:
        if (!params_.count(e->name)) return Err(e->pos, "missing parameter $" + e->name);
        return Status::OK();
      case ExprKind::kFunction:
        return BindFunction(e, agg);
      case ExprKind::kComprehension:
      case ExprKind::kQuantifier: {
        PG_RETURN_IF_ERROR(BindExpr(e->args[0], agg));
        auto saved = scope_.find(e->name) != scope_.end() ? std::optional<Var>(scope_[e->name])
                                                          : std::nullopt;
        e->slot = NewSlot();
        scope_[e->name] = Var{e->slot, VarKind::kAny};
        if (agg) agg->locals.insert(e->slot);
        Status st = Status::OK();
        ++comprehension_depth_;
        for (size_t i = 1; i < e->args.size() && st.ok(); ++i) st = BindExpr(e->args[i], agg);
        --comprehension_depth_;
        if (saved)
          scope_[e->name] = *saved;
        else
          scope_.erase(e->name);
        return st;
      }
      case ExprKind::kReduce: {
        // The initial value and the list see the outer scope; the step sees both variables.
        PG_RETURN_IF_ERROR(BindExpr(e->args[0], agg));
        PG_RETURN_IF_ERROR(BindExpr(e->args[1], agg));
        const std::string acc = e->keys[0];
        const std::string elem = e->name;
        if (acc == elem) {
          return Err(e->pos, "VariableAlreadyBound",
                     "reduce(): the accumulator and the element cannot both be `" + acc + "`");
        }
        std::vector<std::pair<std::string, std::optional<Var>>> saved;
        for (const std::string& n : {acc, elem}) {
          auto it = scope_.find(n);
          saved.emplace_back(n, it == scope_.end() ? std::nullopt : std::optional<Var>(it->second));
        }
        e->acc_slot = NewSlot();
        e->slot = NewSlot();
        scope_[acc] = Var{e->acc_slot, VarKind::kAny};
        scope_[elem] = Var{e->slot, VarKind::kAny};
        if (agg) {
          agg->locals.insert(e->acc_slot);
          agg->locals.insert(e->slot);
        }
        ++comprehension_depth_;
        Status st = BindExpr(e->args[2], agg);
        --comprehension_depth_;
        for (auto& [n, v] : saved) {
          if (v)
            scope_[n] = *v;
          else
            scope_.erase(n);
        }
        return st;
      }
      default:
        for (auto& a : e->args) PG_RETURN_IF_ERROR(BindExpr(a, agg));
        return Status::OK();
    }
  }

  Status BindFunction(ExprPtr& e, AggCollector* agg) {
    if (const AggregateFunction* af = FindAggregateFunction(e->name)) {
      if (!agg) {
        return Err(e->pos, "InvalidAggregation",
                   "aggregate function " + e->name + "() is only allowed in WITH or RETURN items");
      }
      if (agg->depth > 0)
        return Err(e->pos, "NestedAggregation", "aggregate functions cannot be nested");
      if (!agg->locals.empty() && comprehension_depth_ > 0) {
        return Err(e->pos, "InvalidAggregation",
                   "aggregate function " + e->name +
                       "() cannot be used inside a list "
                       "comprehension or quantifier");
      }
      if (e->star && af->name != "count") return Err(e->pos, e->name + "(*) is not valid");
      if (!e->star && e->args.size() != 1) {
        return Err(e->pos, e->name + "() takes exactly one argument");
      }
      agg->depth++;
      Status st = e->star ? Status::OK() : BindExpr(e->args[0], agg);
      agg->depth--;
      PG_RETURN_IF_ERROR(st);
      AggregateSpec spec;
      spec.function = af;
      spec.distinct = e->distinct;
      spec.star = e->star;
      spec.arg = e->star ? nullptr : e->args[0];
      spec.slot = (*agg->next_slot)++;
      agg->specs->push_back(spec);
      agg->saw_aggregate = true;
      e->kind = ExprKind::kAggregateRef;
      e->slot = spec.slot;
      return Status::OK();
    }
    const ScalarFunction* f = FindScalarFunction(e->name);
    if (!f) {
      if (e->name == "exists" || e->name == "EXISTS") {
        return NotSupported(e->pos, "exists(); use IS NOT NULL");
      }
      return Err(e->pos, "UnknownFunction", "unknown function " + e->name + "()");
    }
    if (e->star || e->distinct) return Err(e->pos, "DISTINCT and * only apply to aggregates");
    int n = static_cast<int>(e->args.size());
    if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
      std::string expected =
          f->min_args == f->max_args ? std::to_string(f->min_args)
          : f->max_args < 0          ? "at least " + std::to_string(f->min_args)
                            : std::to_string(f->min_args) + " to " + std::to_string(f->max_args);
      return Err(e->pos,
                 f->name + "() takes " + expected + " argument(s), got " + std::to_string(n));
    }
    e->function = f;
    for (auto& a : e->args) PG_RETURN_IF_ERROR(BindExpr(a, agg));
    return Status::OK();
  }

  const ValueMap& params_;
  std::string_view text_;
  const QueryServices& services_;
  std::map<std::string, Var> scope_;
  SlotTypes slot_types_;         // static types by slot (static_types.h)
  int comprehension_depth_ = 0;  // > 0 inside a comprehension's WHERE or projection
  int num_slots_ = 0;
  bool writes_ = false;
};

}  // namespace

Result<BoundQuery> Bind(Query* query, const ValueMap& params, std::string_view text,
                        const QueryServices& services) {
  Binder b(params, text, services);
  return b.Run(query);
}

}  // namespace pactgraph::query

// The expression interpreter (see evaluator.h).
#include "query/execution/evaluator.h"

#include <cmath>
#include <regex>
#include <unordered_map>

#include "query/function/functions.h"
#include "query/function/temporal.h"
#include "query/function/value_ops.h"
#include "query/function/value_size.h"

namespace pactgraph::query {
namespace {

Status Mismatch(const std::string& op, const Value& a, const Value& b) {
  return Status::InvalidArgument("TypeError (InvalidArgumentType): Type mismatch: cannot apply " +
                                 op + " to " + Value::TypeName(a.type()) + " and " +
                                 Value::TypeName(b.type()));
}

Value FromBool(std::optional<bool> b) { return b ? Value(*b) : Value(); }

Result<Value> Arithmetic(const std::string& op, const Value& a, const Value& b, ExecContext& ctx) {
  if (auto t = TemporalArithmetic(op, a, b)) return std::move(*t);
  if (op == "+") {
    if (a.is_list() || b.is_list()) {
      // Charged before the copy: elements are copied (strings with their bytes).
      PG_RETURN_IF_ERROR(ctx.ChargeBuilt(EstimateValueBytes(a) + EstimateValueBytes(b)));
      ValueList out;
      if (a.is_list())
        out = a.as_list();
      else
        out.push_back(a);
      if (b.is_list())
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      else
        out.push_back(b);
      return Value(std::move(out));
    }
  }
  if (a.is_null() || b.is_null()) return Value();
  if (op == "+" && (a.is_string() || b.is_string())) {
    // No copy of a string operand: the result is sized and charged before it is built.
    std::string xt, yt;
    auto text = [](const Value& v, std::string* tmp) -> const std::string* {
      if (v.is_string()) return &v.as_string();
      if (v.is_number() || v.is_bool()) return &(*tmp = v.ToString());
      return nullptr;
    };
    const std::string *x = text(a, &xt), *y = text(b, &yt);
    if (!x || !y) return Mismatch(op, a, b);
    PG_RETURN_IF_ERROR(ctx.ChargeBuilt(StringValueBytes(x->size() + y->size())));
    std::string out;
    out.reserve(x->size() + y->size());
    out.append(*x).append(*y);
    return Value(std::move(out));
  }
  if (!a.is_number() || !b.is_number()) return Mismatch(op, a, b);
  if (op == "^") return Value(std::pow(a.as_number(), b.as_number()));
  if (a.is_int() && b.is_int()) {
    int64_t x = a.as_int(), y = b.as_int(), r = 0;
    bool overflow = false;
    if (op == "+")
      overflow = __builtin_add_overflow(x, y, &r);
    else if (op == "-")
      overflow = __builtin_sub_overflow(x, y, &r);
    else if (op == "*")
      overflow = __builtin_mul_overflow(x, y, &r);
    else {
      if (y == 0) return Status::InvalidArgument("/ by zero");
      if (x == INT64_MIN && y == -1)
        overflow = true;
      else
        r = op == "/" ? x / y : x % y;
    }
    if (overflow) return Status::InvalidArgument("integer overflow in " + op);
    return Value(r);
  }
  double x = a.as_number(), y = b.as_number();
  if (op == "+") return Value(x + y);
  if (op == "-") return Value(x - y);
  if (op == "*") return Value(x * y);
  if (op == "/") return Value(x / y);
  return Value(std::fmod(x, y));
}

Result<bool> RegexMatch(const std::string& s, const std::string& pattern) {
  static thread_local std::unordered_map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    try {
      if (cache.size() > 256) cache.clear();
      // Java's inline (?i) flag, common in Cypher queries, maps to std::regex::icase.
      bool icase = pattern.rfind("(?i)", 0) == 0;
      auto flags = std::regex::ECMAScript | (icase ? std::regex::icase : std::regex::flag_type{});
      it = cache.emplace(pattern, std::regex(pattern.substr(icase ? 4 : 0), flags)).first;
    } catch (const std::regex_error& e) {
      return Status::InvalidArgument("invalid regular expression '" + pattern + "'");
    }
  }
  return std::regex_match(s, it->second);
}

// Three-valued logic on values that must be booleans or null.
Result<std::optional<bool>> AsTruth(const Value& v, const char* op) {
  if (v.is_null()) return std::optional<bool>();
  if (!v.is_bool()) {
    return Status::InvalidArgument(std::string("TypeError (InvalidArgumentType): Type mismatch: ") +
                                   op + " expects BOOLEAN operands, got " +
                                   Value::TypeName(v.type()));
  }
  return std::optional<bool>(v.as_bool());
}

Result<Value> EvalBinary(const Expr& e, Row& row, ExecContext& ctx) {
  const std::string& op = e.op;
  if (op == "AND" || op == "OR" || op == "XOR") {
    PG_ASSIGN_OR_RETURN(Value av, Evaluate(*e.args[0], row, ctx));
    PG_ASSIGN_OR_RETURN(auto a, AsTruth(av, op.c_str()));
    if (op == "AND" && a && !*a) return Value(false);
    if (op == "OR" && a && *a) return Value(true);
    PG_ASSIGN_OR_RETURN(Value bv, Evaluate(*e.args[1], row, ctx));
    PG_ASSIGN_OR_RETURN(auto b, AsTruth(bv, op.c_str()));
    if (op == "AND") {
      if (b && !*b) return Value(false);
      if (!a || !b) return Value();
      return Value(true);
    }
    if (op == "OR") {
      if (b && *b) return Value(true);
      if (!a || !b) return Value();
      return Value(false);
    }
    if (!a || !b) return Value();
    return Value(*a != *b);
  }
  PG_ASSIGN_OR_RETURN(Value a, Evaluate(*e.args[0], row, ctx));
  PG_ASSIGN_OR_RETURN(Value b, Evaluate(*e.args[1], row, ctx));
  if (op == "=") return FromBool(CypherEquals(a, b));
  if (op == "<>") {
    auto eq = CypherEquals(a, b);
    return eq ? Value(!*eq) : Value();
  }
  if (op == "<" || op == ">" || op == "<=" || op == ">=") {
    auto c = CypherCompare(a, b);
    if (!c) return Value();
    if (op == "<") return Value(*c < 0);
    if (op == ">") return Value(*c > 0);
    if (op == "<=") return Value(*c <= 0);
    return Value(*c >= 0);
  }
  if (op == "IN") {
    if (b.is_null()) return Value();
    if (!b.is_list()) return Mismatch("IN", a, b);
    bool unknown = false;
    for (const auto& x : b.as_list()) {
      PG_RETURN_IF_ERROR(ctx.Tick());
      auto eq = CypherEquals(a, x);
      if (!eq)
        unknown = true;
      else if (*eq)
        return Value(true);
    }
    return unknown ? Value() : Value(false);
  }
  if (op == "STARTS WITH" || op == "ENDS WITH" || op == "CONTAINS" || op == "=~") {
    if (!a.is_string() || !b.is_string()) return Value();
    const std::string &s = a.as_string(), &t = b.as_string();
    if (op == "STARTS WITH") return Value(s.compare(0, t.size(), t) == 0);
    if (op == "ENDS WITH") {
      return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    }
    if (op == "CONTAINS") return Value(s.find(t) != std::string::npos);
    PG_ASSIGN_OR_RETURN(bool m, RegexMatch(s, t));
    return Value(m);
  }
  return Arithmetic(op, a, b, ctx);
}

Result<Value> EvalProperty(const Value& base, const std::string& key) {
  const ValueMap* m = nullptr;
  switch (base.type()) {
    case Value::Type::kNull:
      return Value();
    case Value::Type::kNode:
      m = &base.as_node().properties;
      break;
    case Value::Type::kRel:
      m = &base.as_rel().properties;
      break;
    case Value::Type::kMap:
      m = &base.as_map();
      break;
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      return TemporalComponent(base, key);
    default:
      return Status::InvalidArgument(
          "TypeError (InvalidArgumentType): Type mismatch: cannot read property '" + key + "' of " +
          Value::TypeName(base.type()));
  }
  auto it = m->find(key);
  return it == m->end() ? Value() : it->second;
}

int64_t ClampIndex(int64_t i, int64_t n) {
  if (i < 0) i += n;
  return std::clamp<int64_t>(i, 0, n);
}

Result<Value> EvalIterate(const Expr& e, Row& row, ExecContext& ctx) {
  PG_ASSIGN_OR_RETURN(Value list, Evaluate(*e.args[0], row, ctx));
  if (list.is_null()) return Value();
  if (!list.is_list()) {
    return Status::InvalidArgument(
        std::string(
            "TypeError (InvalidArgumentType): Type mismatch: expected a list after IN, got ") +
        Value::TypeName(list.type()));
  }
  const Expr* where = e.args[1].get();
  // Each iteration's temporaries are given back; what the comprehension keeps is charged.
  const int64_t base = ctx.built();
  if (e.kind == ExprKind::kComprehension) {
    const Expr* proj = e.args[2].get();
    ValueList out;
    int64_t kept = 0;
    for (const auto& x : list.as_list()) {
      PG_RETURN_IF_ERROR(ctx.Tick());
      row[e.slot] = x;
      if (where) {
        PG_ASSIGN_OR_RETURN(bool keep, EvaluatePredicate(*where, row, ctx));
        ctx.set_built(base + kept);
        if (!keep) continue;
      }
      Value v = x;
      if (proj) {
        PG_ASSIGN_OR_RETURN(v, Evaluate(*proj, row, ctx));
      }
      ctx.set_built(base + kept);
      int64_t bytes = EstimateValueBytes(v);
      PG_RETURN_IF_ERROR(ctx.ChargeBuilt(bytes));
      kept += bytes;
      out.push_back(std::move(v));
    }
    return Value(std::move(out));
  }
  int64_t trues = 0, falses = 0, nulls = 0;
  for (const auto& x : list.as_list()) {
    PG_RETURN_IF_ERROR(ctx.Tick());
    ctx.set_built(base);
    row[e.slot] = x;
    PG_ASSIGN_OR_RETURN(Value v, Evaluate(*where, row, ctx));
    PG_ASSIGN_OR_RETURN(auto t, AsTruth(v, e.op.c_str()));
    if (!t)
      ++nulls;
    else if (*t)
      ++trues;
    else
      ++falses;
  }
  if (e.op == "ANY") return trues ? Value(true) : nulls ? Value() : Value(false);
  if (e.op == "ALL") return falses ? Value(false) : nulls ? Value() : Value(true);
  if (e.op == "NONE") return trues ? Value(false) : nulls ? Value() : Value(true);
  if (trues > 1) return Value(false);
  if (nulls) return Value();
  return Value(trues == 1);
}

constexpr int kMaxReduceNesting = 1000;

// reduce(acc = init, x IN list | step): a null list gives null (as in Neo4j). Each step's
// temporaries are given back; only the accumulator is held, and each step ticks the
// cancellation and time checks.
Result<Value> EvalReduce(const Expr& e, Row& row, ExecContext& ctx) {
  PG_ASSIGN_OR_RETURN(Value acc, Evaluate(*e.args[0], row, ctx));
  PG_ASSIGN_OR_RETURN(Value list, Evaluate(*e.args[1], row, ctx));
  if (list.is_null()) return Value();
  if (!list.is_list()) {
    return Status::InvalidArgument(
        std::string("TypeError (InvalidArgumentType): Type mismatch: expected a list after IN "
                    "in reduce(), got ") +
        Value::TypeName(list.type()));
  }
  const int64_t base = ctx.built();
  int64_t held = EstimateValueBytes(acc);
  for (const auto& x : list.as_list()) {
    PG_RETURN_IF_ERROR(ctx.Tick());
    ctx.set_built(base + held);
    row[e.acc_slot] = std::move(acc);
    row[e.slot] = x;
    PG_ASSIGN_OR_RETURN(acc, Evaluate(*e.args[2], row, ctx));
    // Only reduce() can nest a value one level per step; code that walks values (copies,
    // comparisons, printing, destruction) recurses, so the depth is bounded.
    if (ValueNestingDepth(acc, kMaxReduceNesting + 1) > kMaxReduceNesting) {
      return Status::LimitExceeded("reduce() built a value nested more than " +
                                   std::to_string(kMaxReduceNesting) +
                                   " lists or maps deep (limit on value nesting)");
    }
    held = EstimateValueBytes(acc);
  }
  ctx.set_built(base + held);
  return acc;
}

Result<Value> EvalInner(const Expr& e, Row& row, ExecContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal;
    case ExprKind::kParameter: {
      auto it = ctx.params().find(e.name);
      if (it == ctx.params().end()) return Status::InvalidArgument("missing parameter $" + e.name);
      return it->second;
    }
    case ExprKind::kVariable:
    case ExprKind::kAggregateRef:
      return row[e.slot];
    case ExprKind::kProperty: {
      PG_ASSIGN_OR_RETURN(Value base, Evaluate(*e.args[0], row, ctx));
      return EvalProperty(base, e.name);
    }
    case ExprKind::kIndex: {
      PG_ASSIGN_OR_RETURN(Value base, Evaluate(*e.args[0], row, ctx));
      PG_ASSIGN_OR_RETURN(Value idx, Evaluate(*e.args[1], row, ctx));
      if (base.is_null() || idx.is_null()) return Value();
      if (base.is_list()) {
        if (!idx.is_int()) return Mismatch("[]", base, idx);
        int64_t n = static_cast<int64_t>(base.as_list().size()), i = idx.as_int();
        if (i < 0) i += n;
        if (i < 0 || i >= n) return Value();
        return base.as_list()[i];
      }
      if (idx.is_string() && (base.is_map() || base.is_node() || base.is_rel())) {
        return EvalProperty(base, idx.as_string());
      }
      return Mismatch("[]", base, idx);
    }
    case ExprKind::kSlice: {
      PG_ASSIGN_OR_RETURN(Value base, Evaluate(*e.args[0], row, ctx));
      Value from, to;
      if (e.args[1]) {
        PG_ASSIGN_OR_RETURN(from, Evaluate(*e.args[1], row, ctx));
        if (from.is_null()) return Value();
      }
      if (e.args[2]) {
        PG_ASSIGN_OR_RETURN(to, Evaluate(*e.args[2], row, ctx));
        if (to.is_null()) return Value();
      }
      if (base.is_null()) return Value();
      if (!base.is_list()) return Mismatch("[..]", base, from);
      if ((!from.is_null() && !from.is_int()) || (!to.is_null() && !to.is_int())) {
        return Status::InvalidArgument(
            "TypeError (InvalidArgumentType): Type mismatch: list slice bounds must be integers");
      }
      const auto& l = base.as_list();
      int64_t n = static_cast<int64_t>(l.size());
      int64_t b = from.is_null() ? 0 : ClampIndex(from.as_int(), n);
      int64_t end = to.is_null() ? n : ClampIndex(to.as_int(), n);
      if (end <= b) return Value(ValueList{});
      PG_RETURN_IF_ERROR(ctx.ChargeBuilt(ListValueBytes(end - b)));
      return Value(ValueList(l.begin() + b, l.begin() + end));
    }
    case ExprKind::kList: {
      ValueList out;
      for (const auto& a : e.args) {
        PG_ASSIGN_OR_RETURN(Value v, Evaluate(*a, row, ctx));
        out.push_back(std::move(v));
      }
      return Value(std::move(out));
    }
    case ExprKind::kMap: {
      ValueMap out;
      for (size_t i = 0; i < e.args.size(); ++i) {
        PG_ASSIGN_OR_RETURN(Value v, Evaluate(*e.args[i], row, ctx));
        out[e.keys[i]] = std::move(v);
      }
      return Value(std::move(out));
    }
    case ExprKind::kUnary: {
      PG_ASSIGN_OR_RETURN(Value a, Evaluate(*e.args[0], row, ctx));
      if (e.op == "NOT") {
        PG_ASSIGN_OR_RETURN(auto t, AsTruth(a, "NOT"));
        return t ? Value(!*t) : Value();
      }
      if (a.is_null()) return Value();
      if (!a.is_number()) return Mismatch(e.op, Value(0), a);
      if (e.op == "+") return a;
      if (a.is_int()) {
        if (a.as_int() == INT64_MIN) return Status::InvalidArgument("integer overflow in -");
        return Value(-a.as_int());
      }
      return Value(-a.as_float());
    }
    case ExprKind::kBinary:
      return EvalBinary(e, row, ctx);
    case ExprKind::kIsNull: {
      PG_ASSIGN_OR_RETURN(Value a, Evaluate(*e.args[0], row, ctx));
      return Value(a.is_null() != e.negated);
    }
    case ExprKind::kLabelCheck: {
      PG_ASSIGN_OR_RETURN(Value a, Evaluate(*e.args[0], row, ctx));
      if (a.is_null()) return Value();
      if (!a.is_node()) {
        return Status::InvalidArgument(
            std::string(
                "TypeError (InvalidArgumentType): Type mismatch: label check needs a NODE, got ") +
            Value::TypeName(a.type()));
      }
      const auto& labels = a.as_node().labels;
      for (const auto& l : e.keys) {
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) return Value(false);
      }
      return Value(true);
    }
    case ExprKind::kFunction: {
      if (!e.function) return Status::Internal("unbound function " + e.name);
      std::vector<Value> args;
      args.reserve(e.args.size());
      for (const auto& a : e.args) {
        PG_ASSIGN_OR_RETURN(Value v, Evaluate(*a, row, ctx));
        args.push_back(std::move(v));
      }
      FunctionContext fc{ctx.reader(), &ctx};
      return e.function->fn(args, fc);
    }
    case ExprKind::kCase: {
      size_t i = 0;
      Value subject;
      if (e.has_subject) {
        PG_ASSIGN_OR_RETURN(subject, Evaluate(*e.args[0], row, ctx));
        i = 1;
      }
      size_t end = e.args.size() - (e.has_else ? 1 : 0);
      for (; i + 1 < end + 1 && i < end; i += 2) {
        PG_ASSIGN_OR_RETURN(Value w, Evaluate(*e.args[i], row, ctx));
        bool hit = e.has_subject ? CypherEquals(subject, w).value_or(false) : IsTrue(w);
        if (hit) return Evaluate(*e.args[i + 1], row, ctx);
      }
      if (e.has_else) return Evaluate(*e.args.back(), row, ctx);
      return Value();
    }
    case ExprKind::kComprehension:
    case ExprKind::kQuantifier:
      return EvalIterate(e, row, ctx);
    case ExprKind::kReduce:
      return EvalReduce(e, row, ctx);
  }
  return Status::Internal("unknown expression kind");
}

}  // namespace

Result<Value> Evaluate(const Expr& e, Row& row, ExecContext& ctx) {
  const int64_t base = ctx.built();
  auto r = EvalInner(e, row, ctx);
  if (!r.ok()) return ctx.ErrorAt(e.pos, r.status());
  // When the expression built something, its subexpressions' temporaries are gone and only
  // its result is still held.
  if (ctx.built() > base) ctx.set_built(base + EstimateValueBytes(*r));
  return r;
}

Result<bool> EvaluatePredicate(const Expr& e, Row& row, ExecContext& ctx) {
  PG_ASSIGN_OR_RETURN(Value v, Evaluate(e, row, ctx));
  if (v.is_null()) return false;
  if (!v.is_bool()) {
    return ctx.ErrorAt(
        e.pos, Status::InvalidArgument(std::string("TypeError (InvalidArgumentType): Type "
                                                   "mismatch: expected a BOOLEAN predicate, got ") +
                                       Value::TypeName(v.type())));
  }
  return v.as_bool();
}

}  // namespace pactgraph::query

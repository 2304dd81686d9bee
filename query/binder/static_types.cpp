// Static type inference for compile-time type errors (see static_types.h).
#include "query/binder/static_types.h"

#include <algorithm>
#include <string>
#include <vector>

#include "query/parser/lexer.h"

namespace pactgraph::query {

bool StaticType::KnownOther(std::initializer_list<Value::Type> allowed) const {
  if (!kind || *kind == Value::Type::kNull) return false;
  for (Value::Type t : allowed) {
    if (*kind == t) return false;
  }
  return true;
}

namespace {

using T = Value::Type;

StaticType Unknown() { return StaticType{}; }

// One element type when every element has the same known one (nulls aside), else unknown.
std::optional<T> CommonType(const std::vector<StaticType>& elems) {
  std::optional<T> common;
  for (const auto& e : elems) {
    if (e.kind && *e.kind == T::kNull) continue;
    if (!e.kind || (common && *common != *e.kind)) return std::nullopt;
    common = e.kind;
  }
  return common;
}

StaticType OfValue(const Value& v) {
  StaticType t = StaticType::Of(v.type());
  if (v.is_list()) {
    std::vector<StaticType> elems;
    for (const auto& x : v.as_list()) elems.push_back(OfValue(x));
    t.elem = CommonType(elems);
  }
  return t;
}

class Inferer {
 public:
  Inferer(SlotTypes* slots, std::string_view text) : slots_(slots), text_(text) {}

  Status Infer(const Expr& e, StaticType* out) {
    *out = Unknown();
    switch (e.kind) {
      case ExprKind::kLiteral:
        *out = OfValue(e.literal);
        return Status::OK();
      case ExprKind::kVariable: {
        auto it = slots_->find(e.slot);
        if (it != slots_->end()) *out = it->second;
        return Status::OK();
      }
      case ExprKind::kList: {
        std::vector<StaticType> elems(e.args.size());
        for (size_t i = 0; i < e.args.size(); ++i) PG_RETURN_IF_ERROR(Infer(*e.args[i], &elems[i]));
        *out = StaticType::Of(T::kList);
        out->elem = CommonType(elems);
        return Status::OK();
      }
      case ExprKind::kMap:
        PG_RETURN_IF_ERROR(Children(e));
        *out = StaticType::Of(T::kMap);
        return Status::OK();
      case ExprKind::kProperty: {
        StaticType base;
        PG_RETURN_IF_ERROR(Infer(*e.args[0], &base));
        if (base.KnownOther({T::kMap, T::kNode, T::kRel, T::kDate, T::kLocalTime, T::kTime,
                             T::kLocalDateTime, T::kDateTime, T::kDuration})) {
          // A path is a graph value without properties: a syntax error, as the TCK has it.
          return Fail(e.pos, base.Definitely(T::kPath) ? "SyntaxError" : "TypeError",
                      "cannot read property '" + e.name + "' of " + Value::TypeName(*base.kind));
        }
        return Status::OK();
      }
      case ExprKind::kIndex: {
        StaticType base;
        PG_RETURN_IF_ERROR(Infer(*e.args[0], &base));
        StaticType idx;
        PG_RETURN_IF_ERROR(Infer(*e.args[1], &idx));
        if (base.Definitely(T::kList) && base.elem) *out = StaticType::Of(*base.elem);
        return Status::OK();
      }
      case ExprKind::kUnary: {
        StaticType a;
        PG_RETURN_IF_ERROR(Infer(*e.args[0], &a));
        if (e.op == "NOT") {
          if (a.KnownOther({T::kBool})) return OperandError(e, a);
          *out = StaticType::Of(T::kBool);
        } else if (a.Definitely(T::kInt) || a.Definitely(T::kFloat)) {
          *out = a;
        }
        return Status::OK();
      }
      case ExprKind::kBinary:
        return Binary(e, out);
      case ExprKind::kIsNull:
      case ExprKind::kLabelCheck:
        PG_RETURN_IF_ERROR(Children(e));
        *out = StaticType::Of(T::kBool);
        return Status::OK();
      case ExprKind::kFunction:
        return Function(e, out);
      case ExprKind::kComprehension:
      case ExprKind::kQuantifier: {
        StaticType list;
        PG_RETURN_IF_ERROR(Infer(*e.args[0], &list));
        if (list.Definitely(T::kList) && list.elem) {
          (*slots_)[e.slot] = StaticType::Of(*list.elem);
        } else {
          slots_->erase(e.slot);
        }
        std::vector<StaticType> rest(e.args.size());
        for (size_t i = 1; i < e.args.size(); ++i) {
          if (e.args[i]) PG_RETURN_IF_ERROR(Infer(*e.args[i], &rest[i]));
        }
        if (e.kind == ExprKind::kQuantifier) {
          *out = StaticType::Of(T::kBool);
        } else {
          *out = StaticType::Of(T::kList);
          if (e.args.size() > 2 && e.args[2]) {
            out->elem = rest[2].kind;
          } else if (list.Definitely(T::kList)) {
            out->elem = list.elem;
          }
        }
        return Status::OK();
      }
      case ExprKind::kReduce:
        // The accumulator may change type from step to step: nothing is known about it.
        slots_->erase(e.slot);
        slots_->erase(e.acc_slot);
        PG_RETURN_IF_ERROR(Children(e));
        *out = StaticType{};
        return Status::OK();
      default:
        return Children(e);
    }
  }

 private:
  Status Children(const Expr& e) {
    StaticType ignored;
    for (const auto& a : e.args) {
      if (a) PG_RETURN_IF_ERROR(Infer(*a, &ignored));
    }
    return Status::OK();
  }

  Status Fail(size_t pos, const char* kind, const std::string& m) const {
    return ErrorAt(Status::Code::kInvalidArgument, text_, pos,
                   std::string(kind) + " (InvalidArgumentType): Type mismatch: " + m);
  }

  Status OperandError(const Expr& e, const StaticType& got) const {
    return Fail(e.pos, "SyntaxError",
                e.op + " expects BOOLEAN operands, got " + Value::TypeName(*got.kind));
  }

  Status Binary(const Expr& e, StaticType* out) {
    StaticType a, b;
    PG_RETURN_IF_ERROR(Infer(*e.args[0], &a));
    PG_RETURN_IF_ERROR(Infer(*e.args[1], &b));
    const std::string& op = e.op;
    if (op == "AND" || op == "OR" || op == "XOR") {
      if (a.KnownOther({T::kBool})) return OperandError(e, a);
      if (b.KnownOther({T::kBool})) return OperandError(e, b);
      *out = StaticType::Of(T::kBool);
      return Status::OK();
    }
    if (op == "IN") {
      if (b.KnownOther({T::kList})) {
        return Fail(e.pos, "SyntaxError",
                    "cannot apply IN to " +
                        (a.kind ? Value::TypeName(*a.kind) : std::string("a value")) + " and " +
                        Value::TypeName(*b.kind));
      }
      *out = StaticType::Of(T::kBool);
      return Status::OK();
    }
    if (op == "-" || op == "*" || op == "/" || op == "%" || op == "^") {
      for (const StaticType* s : {&a, &b}) {
        if (s->KnownOther({T::kInt, T::kFloat, T::kDate})) {
          return Fail(e.pos, "SyntaxError",
                      "cannot apply " + op + " to " +
                          (a.kind ? Value::TypeName(*a.kind) : std::string("a value")) + " and " +
                          (b.kind ? Value::TypeName(*b.kind) : std::string("a value")));
        }
      }
      if (op == "^" && a.kind && b.kind) *out = StaticType::Of(T::kFloat);
      if (op != "^" && a.Definitely(T::kInt) && b.Definitely(T::kInt)) *out = a;
      if (op != "^" && (a.Definitely(T::kFloat) || b.Definitely(T::kFloat)) &&
          !a.KnownOther({T::kInt, T::kFloat}) && !b.KnownOther({T::kInt, T::kFloat}) && a.kind &&
          b.kind) {
        *out = StaticType::Of(T::kFloat);
      }
      return Status::OK();
    }
    if (op == "+") {
      if (a.Definitely(T::kString) && b.Definitely(T::kString)) *out = a;
      if (a.Definitely(T::kInt) && b.Definitely(T::kInt)) *out = a;
      return Status::OK();
    }
    // Comparisons, string predicates, regular expressions.
    *out = StaticType::Of(T::kBool);
    return Status::OK();
  }

  Status Function(const Expr& e, StaticType* out) {
    std::vector<StaticType> args(e.args.size());
    for (size_t i = 0; i < e.args.size(); ++i) {
      if (e.args[i]) PG_RETURN_IF_ERROR(Infer(*e.args[i], &args[i]));
    }
    std::string name;
    for (char c : e.name) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "properties" && !args.empty() && args[0].KnownOther({T::kMap, T::kNode, T::kRel})) {
      return Fail(e.pos, "SyntaxError",
                  std::string("properties() expects a node, relationship or map, got ") +
                      Value::TypeName(*args[0].kind));
    }
    // Functions on graph elements given a value that can never be one.
    static const std::map<std::string, std::vector<T>> kArgKinds = {
        {"length", {T::kPath, T::kString, T::kList}},
        {"size", {T::kList, T::kString, T::kMap}},
        {"type", {T::kRel}},
        {"labels", {T::kNode}},
        {"nodes", {T::kPath}},
        {"relationships", {T::kPath}}};
    auto kinds = kArgKinds.find(name);
    auto never = [&](const std::vector<T>& allowed) {
      const auto& k = args[0].kind;
      return k && *k != T::kNull && std::find(allowed.begin(), allowed.end(), *k) == allowed.end();
    };
    if (kinds != kArgKinds.end() && !args.empty() && never(kinds->second)) {
      return Fail(e.pos, "SyntaxError",
                  e.name + "() cannot take " + Value::TypeName(*args[0].kind));
    }
    if (name == "tostring" || name == "tolower" || name == "toupper" || name == "trim" ||
        name == "substring" || name == "replace" || name == "type") {
      *out = StaticType::Of(T::kString);
    } else if (name == "size" || name == "length" || name == "tointeger" || name == "id") {
      *out = StaticType::Of(T::kInt);
    } else if (name == "tofloat") {
      *out = StaticType::Of(T::kFloat);
    } else if (name == "labels" || name == "keys") {
      *out = StaticType::Of(T::kList);
      out->elem = T::kString;
    } else if (name == "nodes") {
      *out = StaticType::Of(T::kList);
      out->elem = T::kNode;
    } else if (name == "relationships") {
      *out = StaticType::Of(T::kList);
      out->elem = T::kRel;
    } else if (name == "startnode" || name == "endnode") {
      *out = StaticType::Of(T::kNode);
    }
    return Status::OK();
  }

  SlotTypes* slots_;
  std::string_view text_;
};

}  // namespace

Status InferType(const Expr& e, SlotTypes* slots, std::string_view text, StaticType* out) {
  Inferer inf(slots, text);
  return inf.Infer(e, out);
}

}  // namespace pactgraph::query

// Prints expressions back as Cypher-like text (EXPLAIN output, diagnostics).
#include "query/parser/ast.h"

namespace pactgraph::query {

std::string ExprToText(const Expr& e) {
  auto arg = [&](size_t i) { return e.args[i] ? ExprToText(*e.args[i]) : std::string(); };
  auto join = [&](size_t from, const char* sep) {
    std::string s;
    for (size_t i = from; i < e.args.size(); ++i) s += (i > from ? sep : "") + arg(i);
    return s;
  };
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal.ToString();
    case ExprKind::kParameter:
      return "$" + e.name;
    case ExprKind::kVariable:
      return e.name.empty() ? "anon_" + std::to_string(e.slot) : e.name;
    case ExprKind::kAggregateRef:
      return e.name.empty() ? "agg_" + std::to_string(e.slot) : e.name;
    case ExprKind::kProperty:
      return arg(0) + "." + e.name;
    case ExprKind::kIndex:
      return arg(0) + "[" + arg(1) + "]";
    case ExprKind::kSlice:
      return arg(0) + "[" + arg(1) + ".." + arg(2) + "]";
    case ExprKind::kList:
      return "[" + join(0, ", ") + "]";
    case ExprKind::kMap: {
      std::string s = "{";
      for (size_t i = 0; i < e.args.size(); ++i) s += (i ? ", " : "") + e.keys[i] + ": " + arg(i);
      return s + "}";
    }
    case ExprKind::kUnary:
      return e.op == "NOT" ? "NOT " + arg(0) : e.op + arg(0);
    case ExprKind::kBinary:
      return "(" + arg(0) + " " + e.op + " " + arg(1) + ")";
    case ExprKind::kIsNull:
      return arg(0) + (e.negated ? " IS NOT NULL" : " IS NULL");
    case ExprKind::kLabelCheck: {
      std::string s = arg(0);
      for (const auto& l : e.keys) s += ":" + l;
      return s;
    }
    case ExprKind::kFunction:
      return e.name + "(" + (e.distinct ? "DISTINCT " : "") + (e.star ? "*" : join(0, ", ")) + ")";
    case ExprKind::kCase:
      return "CASE … END";
    case ExprKind::kComprehension:
      return "[" + e.name + " IN " + arg(0) + (e.args[1] ? " WHERE " + arg(1) : "") +
             (e.args[2] ? " | " + arg(2) : "") + "]";
    case ExprKind::kQuantifier:
      return e.op + "(" + e.name + " IN " + arg(0) + " WHERE " + arg(1) + ")";
    case ExprKind::kReduce:
      return "reduce(" + e.keys[0] + " = " + arg(0) + ", " + e.name + " IN " + arg(1) + " | " +
             arg(2) + ")";
  }
  return "?";
}

}  // namespace pactgraph::query

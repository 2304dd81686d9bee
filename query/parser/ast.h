// query/parser/ast.h — the syntax tree of a query, as the parser builds it.
//
// One Expr struct serves every expression kind (the kind decides which fields are used; see the
// comments on ExprKind) to keep the tree simple to build, walk and print. Every node keeps the
// byte offset of its first token (`pos`) for error carets. The binder annotates the tree in
// place: variables get their row slot, function calls their resolved function.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/value.h"

namespace pactgraph::query {

struct ScalarFunction;
struct AggregateFunction;

enum class ExprKind {
  kLiteral,        // literal
  kParameter,      // name
  kVariable,       // name (slot set by the binder)
  kProperty,       // args[0].name
  kIndex,          // args[0][args[1]]
  kSlice,          // args[0][args[1]..args[2]]; a missing bound is a null-literal-free nullptr
  kList,           // [args...]
  kMap,            // {keys[i]: args[i]}
  kUnary,          // op args[0]: "-", "+", "NOT"
  kBinary,         // args[0] op args[1]: arithmetic, comparison, AND/OR/XOR, IN, STARTS WITH…
  kIsNull,         // args[0] IS NULL (negated: IS NOT NULL)
  kLabelCheck,     // args[0]:keys[0]:keys[1]…
  kFunction,       // name(args...), distinct for aggregates; count(*) has star = true
  kCase,           // CASE [args[0] if has_subject] WHEN a THEN b … [ELSE e] END
  kComprehension,  // [name IN args[0] WHERE args[1] | args[2]] (args[1]/args[2] may be null)
  kQuantifier,     // op(name IN args[0] WHERE args[1]), op in any/all/none/single
  kReduce,         // reduce(keys[0] = args[0], name IN args[1] | args[2])
  kAggregateRef,   // binder only: the value of aggregate number `slot` in an aggregation
};

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  size_t pos = 0;
  std::string name;  // variable, parameter, property key, function name, comprehension var
  std::string op;    // operator (upper-case for keyword operators)
  Value literal;
  std::vector<ExprPtr> args;
  std::vector<std::string> keys;  // map keys, labels
  bool distinct = false;
  bool star = false;
  bool negated = false;
  bool has_subject = false;  // CASE x WHEN …
  bool has_else = false;
  int slot = -1;      // variable slot (binder)
  int acc_slot = -1;  // kReduce: the accumulator's slot (binder)
  const ScalarFunction* function = nullptr;
  const AggregateFunction* aggregate = nullptr;
};

struct NodePattern {
  std::string var;  // may be empty (the binder names anonymous nodes)
  std::vector<std::string> labels;
  ExprPtr props;  // kMap or kParameter, or null
  size_t pos = 0;
};

struct RelPattern {
  std::string var;
  std::vector<std::string> types;  // empty: any
  ExprPtr props;
  Direction dir = Direction::kOut;  // kOut: (l)-->(r); kIn: (l)<--(r); kBoth: (l)--(r)
  bool var_length = false;
  int64_t min_hops = 1;
  int64_t max_hops = -1;  // -1: unbounded (the query limit applies)
  size_t pos = 0;
};

struct PatternPart {
  enum class Kind { kNormal, kShortest, kAllShortest };
  std::string path_var;
  Kind kind = Kind::kNormal;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
  size_t pos = 0;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: explicit alias or the expression text
  bool explicit_alias = false;
  std::string text;  // the expression as written, whitespace removed (matches ORDER BY items)
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
  std::string text;
};

struct SetItem {
  enum class Kind { kProperty, kReplaceMap, kMergeMap, kLabels };
  Kind kind = Kind::kProperty;
  ExprPtr target;  // kProperty: a kProperty expression; otherwise a kVariable
  ExprPtr value;
  std::vector<std::string> labels;
  size_t pos = 0;
};

struct Clause {
  enum class Kind {
    kMatch,
    kWith,
    kReturn,
    kUnwind,
    kCreate,
    kMerge,
    kSet,
    kRemove,
    kDelete,
    kCall
  };
  Kind kind = Kind::kMatch;
  size_t pos = 0;
  // MATCH / OPTIONAL MATCH / CREATE / MERGE (one part)
  bool optional = false;
  std::vector<PatternPart> patterns;
  ExprPtr where;  // MATCH, WITH, CALL … YIELD … WHERE
  // WITH / RETURN
  bool distinct = false;
  bool star = false;  // WITH * / RETURN *
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
  // UNWIND expr AS alias / CALL
  ExprPtr expr;
  std::string alias;
  // SET / REMOVE (kLabels or kProperty with null value), MERGE's ON CREATE / ON MATCH
  std::vector<SetItem> set_items;
  std::vector<SetItem> on_create;
  std::vector<SetItem> on_match;
  // DELETE
  bool detach = false;
  std::vector<ExprPtr> exprs;
  // CALL name(args) YIELD yields[i].first AS yields[i].second
  std::string procedure;
  std::vector<ExprPtr> call_args;
  bool call_has_args = false;
  std::vector<std::pair<std::string, std::string>> yields;
  bool yield_star = false;
};

struct SingleQuery {
  std::vector<Clause> clauses;
};

struct Query {
  enum class Mode { kRun, kExplain, kProfile };
  Mode mode = Mode::kRun;
  std::vector<SingleQuery> parts;  // joined by UNION
  bool union_all = false;          // mixing UNION and UNION ALL is refused by the parser
};

// Cypher-like text of an expression (EXPLAIN, diagnostics).
std::string ExprToText(const Expr& e);

}  // namespace pactgraph::query

// query/binder/static_types.h — what the binder knows about an expression's type before it runs.
//
// openCypher rejects some ill-typed queries at compile time: `RETURN NOT 1`, `RETURN 1 IN 'a'`,
// `WITH 123 AS x RETURN x.num`, `[x IN ['a'] WHERE x % 2 = 0]`, `WITH 1 AS n MATCH (n)`. The
// binder infers a static type for every expression from what is certain — literals, pattern
// variables (node, relationship, path), projected aliases and list elements — and reports an
// operator applied to a type it can never accept, in the TCK's categories
// (`SyntaxError (InvalidArgumentType): …`, `TypeError (InvalidArgumentType): …`).
//
// Invariant: an unknown type (`kind` empty) never raises; only a type that every execution would
// produce can. So a query this accepts may still fail at run time, and one it rejects would
// have failed on every row that reached the expression (or on none: Cypher refuses it anyway).
// Cost: one walk over the expression tree per top-level expression. Not thread-safe (the binder
// owns one SlotTypes per query).
#pragma once

#include <map>
#include <optional>
#include <string_view>

#include "pactgraph/status.h"
#include "pactgraph/value.h"
#include "query/parser/ast.h"

namespace pactgraph::query {

struct StaticType {
  std::optional<Value::Type> kind;  // empty: unknown (any type, decided at run time)
  std::optional<Value::Type> elem;  // for lists whose elements all have one known type

  static StaticType Of(Value::Type t) { return StaticType{t, std::nullopt}; }
  // A known type that is not `t` and not null.
  bool Definitely(Value::Type t) const { return kind && *kind == t; }
  bool KnownOther(std::initializer_list<Value::Type> allowed) const;
};

// Static types of the row slots the binder has declared (variables, aliases, locals).
using SlotTypes = std::map<int, StaticType>;

// Infers `e`'s static type into `*out`. `e` must be bound (slots resolved). Comprehension and
// quantifier variables get their element type in `*slots`. Errors carry the position and caret.
Status InferType(const Expr& e, SlotTypes* slots, std::string_view text, StaticType* out);

}  // namespace pactgraph::query

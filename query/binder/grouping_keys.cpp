// Grouping-key rewriting for mixed aggregate expressions (see grouping_keys.h).
#include "query/binder/grouping_keys.h"

namespace pactgraph::query {
namespace {

void Collect(const Expr& e, std::set<int>* out, std::set<int>* locals) {
  if (e.kind == ExprKind::kVariable || e.kind == ExprKind::kAggregateRef) {
    if (!locals->count(e.slot)) out->insert(e.slot);
    return;
  }
  if (e.kind == ExprKind::kComprehension || e.kind == ExprKind::kQuantifier ||
      e.kind == ExprKind::kReduce) {
    locals->insert(e.slot);
  }
  if (e.kind == ExprKind::kReduce) locals->insert(e.acc_slot);
  for (const auto& a : e.args) {
    if (a) Collect(*a, out, locals);
  }
}

}  // namespace

void RewriteToKeys(ExprPtr* e, const GroupingKeys& keys) {
  if (!*e) return;
  Expr& x = **e;
  if (x.kind == ExprKind::kAggregateRef) return;
  int slot = -1;
  if (x.kind == ExprKind::kVariable) {
    auto it = keys.var_slots.find(x.slot);
    if (it != keys.var_slots.end()) slot = it->second;
  } else if (x.kind == ExprKind::kProperty) {
    auto it = keys.texts.find(ExprToText(x));
    if (it != keys.texts.end()) slot = it->second;
  }
  if (slot >= 0) {
    auto v = std::make_shared<Expr>();
    v->kind = ExprKind::kVariable;
    v->slot = slot;
    v->pos = x.pos;
    v->name = x.kind == ExprKind::kVariable ? x.name : ExprToText(x);
    *e = v;
    return;
  }
  for (auto& a : x.args) RewriteToKeys(&a, keys);
}

std::set<int> FreeSlots(const Expr& e) {
  std::set<int> out, locals;
  Collect(e, &out, &locals);
  return out;
}

bool HasAggregate(const Expr& e) {
  if (e.kind == ExprKind::kAggregateRef) return true;
  for (const auto& a : e.args) {
    if (a && HasAggregate(*a)) return true;
  }
  return false;
}

}  // namespace pactgraph::query

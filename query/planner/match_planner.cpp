// Planning of MATCH patterns: start-point choice, expansion order, predicate placement.
#include <algorithm>

#include "query/execution/read_operators.h"
#include "query/planner/planner.h"

namespace pactgraph::query {
namespace {

void Collect(const Expr& e, std::set<int>* slots, std::set<int>* locals) {
  if (e.kind == ExprKind::kVariable || e.kind == ExprKind::kAggregateRef) {
    if (!locals->count(e.slot)) slots->insert(e.slot);
    return;
  }
  if (e.kind == ExprKind::kComprehension || e.kind == ExprKind::kQuantifier ||
      e.kind == ExprKind::kReduce) {
    locals->insert(e.slot);
  }
  if (e.kind == ExprKind::kReduce) locals->insert(e.acc_slot);
  for (const auto& a : e.args) {
    if (a) Collect(*a, slots, locals);
  }
}

std::string VarName(const std::string& v, int slot) {
  return v.empty() ? "anon_" + std::to_string(slot) : v;
}

Direction Reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
}

ExprPtr LabelCheck(int slot, const std::vector<std::string>& labels, size_t pos) {
  auto var = std::make_shared<Expr>();
  var->kind = ExprKind::kVariable;
  var->slot = slot;
  var->pos = pos;
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kLabelCheck;
  e->pos = pos;
  e->keys = labels;
  e->args.push_back(var);
  return e;
}

struct Pending {
  ExprPtr expr;
  std::set<int> slots;
  bool placed = false;
};

class MatchPlanner {
 public:
  MatchPlanner(const BoundMatch& m, ExecContext* ctx, std::set<int>* bound,
               std::vector<OperatorPtr>* ops)
      : m_(m), ctx_(ctx), bound_(bound), ops_(ops) {
    for (const auto& p : m.predicates) {
      Pending pd{p, {}, false};
      CollectSlots(*p, &pd.slots);
      pending_.push_back(std::move(pd));
    }
  }

  Status Run() {
    Flush();
    std::vector<bool> done(m_.parts.size(), false);
    for (size_t n = 0; n < m_.parts.size(); ++n) {
      // Greedy: the part whose best start node is cheapest.
      int best_part = -1, best_cost = 99;
      size_t best_node = 0;
      for (size_t i = 0; i < m_.parts.size(); ++i) {
        if (done[i]) continue;
        size_t node;
        int cost = BestStart(m_.parts[i], &node);
        if (cost < best_cost) {
          best_cost = cost;
          best_part = static_cast<int>(i);
          best_node = node;
        }
      }
      done[best_part] = true;
      PG_RETURN_IF_ERROR(PlanPart(m_.parts[best_part], best_node));
    }
    Flush();
    return Status::OK();
  }

 private:
  void Add(OperatorPtr op) {
    if (!ops_->empty()) ops_->back()->set_next(op.get());
    ops_->push_back(std::move(op));
  }

  void Bind(int slot) {
    if (slot >= 0) bound_->insert(slot);
  }

  void Flush() {
    for (auto& p : pending_) {
      if (p.placed) continue;
      if (std::includes(bound_->begin(), bound_->end(), p.slots.begin(), p.slots.end())) {
        p.placed = true;
        Add(std::make_unique<FilterOp>(ctx_, p.expr, Text(*p.expr)));
      }
    }
  }

  std::string Text(const Expr& e) const { return ExprToText(e); }

  // An expression `slot.name = <expr of bound slots>` among the pending predicates.
  ExprPtr NameLookup(int slot) const {
    for (const auto& p : pending_) {
      if (p.placed) continue;
      const Expr& e = *p.expr;
      if (e.kind != ExprKind::kBinary || e.op != "=") continue;
      for (int side = 0; side < 2; ++side) {
        const Expr& prop = *e.args[side];
        if (prop.kind != ExprKind::kProperty || prop.name != "name" ||
            prop.args[0]->kind != ExprKind::kVariable || prop.args[0]->slot != slot) {
          continue;
        }
        std::set<int> other;
        CollectSlots(*e.args[1 - side], &other);
        if (std::includes(bound_->begin(), bound_->end(), other.begin(), other.end())) {
          return e.args[1 - side];
        }
      }
    }
    return nullptr;
  }

  int NodeCost(const BoundPart& part, size_t i) const {
    int slot = part.node_slots[i];
    if (bound_->count(slot)) return 0;
    if (NameLookup(slot)) return 1;
    if (!part.pattern->nodes[i].labels.empty()) return 2;
    return 3;
  }

  int BestStart(const BoundPart& part, size_t* node) const {
    int best = 99;
    for (size_t i = 0; i < part.node_slots.size(); ++i) {
      int c = NodeCost(part, i);
      if (c < best) {
        best = c;
        *node = i;
      }
    }
    return best;
  }

  Status BindNode(const BoundPart& part, size_t i) {
    const NodePattern& np = part.pattern->nodes[i];
    int slot = part.node_slots[i];
    std::string var = VarName(np.var, slot);
    if (bound_->count(slot)) {
      if (!np.labels.empty()) {
        Add(std::make_unique<FilterOp>(ctx_, LabelCheck(slot, np.labels, np.pos),
                                       "(" + var + " has labels)"));
      }
      return Status::OK();
    }
    if (ExprPtr name = NameLookup(slot)) {
      Add(std::make_unique<NodeByNameOp>(ctx_, slot, var, name, np.labels));
    } else {
      Add(std::make_unique<NodeScanOp>(ctx_, slot, var, np.labels));
    }
    Bind(slot);
    Flush();
    return Status::OK();
  }

  std::string RelText(const BoundPart& part, size_t r, bool forward) const {
    const RelPattern& rp = part.pattern->rels[r];
    const auto& nodes = part.pattern->nodes;
    size_t from = forward ? r : r + 1, to = forward ? r + 1 : r;
    Direction d = forward ? rp.dir : Reverse(rp.dir);
    std::string s = "Expand(" + std::string(bound_->count(part.node_slots[to]) ? "Into" : "All") +
                    ") (" + VarName(nodes[from].var, part.node_slots[from]) + ")" +
                    (d == Direction::kIn ? "<-[" : "-[") + VarName(rp.var, part.rel_slots[r]);
    for (size_t t = 0; t < rp.types.size(); ++t) s += (t ? "|" : ":") + rp.types[t];
    if (rp.var_length) {
      s += "*" + std::to_string(rp.min_hops) + ".." +
           (rp.max_hops < 0 ? std::string() : std::to_string(rp.max_hops));
    }
    s += std::string(d == Direction::kOut ? "]->(" : "]-(") +
         VarName(nodes[to].var, part.node_slots[to]) + ")";
    return s;
  }

  Status Expand(const BoundPart& part, size_t r, bool forward) {
    const RelPattern& rp = part.pattern->rels[r];
    size_t from = forward ? r : r + 1, to = forward ? r + 1 : r;
    ExpandSpec spec;
    spec.description = RelText(part, r, forward);
    spec.from_slot = part.node_slots[from];
    spec.to_slot = part.node_slots[to];
    spec.rel_slot = part.rel_slots[r];
    spec.dir = forward ? rp.dir : Reverse(rp.dir);
    spec.types = rp.types;
    spec.to_labels = part.pattern->nodes[to].labels;
    spec.to_bound = bound_->count(spec.to_slot) > 0;
    spec.rel_bound = bound_->count(spec.rel_slot) > 0;
    spec.var_length = rp.var_length;
    spec.min_hops = rp.min_hops;
    spec.max_hops = rp.var_length ? rp.max_hops : 1;
    spec.segment_slot = part.segment_node_slots[r];
    spec.rel_props = rp.var_length ? rp.props : nullptr;
    spec.unique_slots = clause_rels_;
    spec.backward = !forward;
    spec.load_rel = !rp.var.empty() || rp.props || part.path_slot >= 0;
    Add(std::make_unique<ExpandOp>(ctx_, std::move(spec)));
    Bind(part.rel_slots[r]);
    Bind(part.node_slots[to]);
    Bind(part.segment_node_slots[r]);
    clause_rels_.push_back(part.rel_slots[r]);
    Flush();
    return Status::OK();
  }

  Status PlanShortest(const BoundPart& part) {
    PG_RETURN_IF_ERROR(BindNode(part, 0));
    PG_RETURN_IF_ERROR(BindNode(part, 1));
    const RelPattern& rp = part.pattern->rels[0];
    ShortestPathOp::Spec spec;
    spec.from_slot = part.node_slots[0];
    spec.to_slot = part.node_slots[1];
    spec.rel_slot = part.rel_slots[0];
    spec.path_slot = part.path_slot;
    spec.dir = rp.dir;
    spec.types = rp.types;
    spec.min_hops = rp.var_length ? rp.min_hops : 1;
    spec.max_hops = rp.var_length ? rp.max_hops : 1;
    spec.all = part.pattern->kind == PatternPart::Kind::kAllShortest;
    spec.description = std::string(spec.all ? "AllShortestPaths" : "ShortestPath") + " (" +
                       VarName(part.pattern->nodes[0].var, spec.from_slot) + ")-(" +
                       VarName(part.pattern->nodes[1].var, spec.to_slot) + ")";
    // all(x IN nodes(p) WHERE …) / none(x IN relationships(p) WHERE …) prune the search.
    for (const auto& p : pending_) {
      const Expr& e = *p.expr;
      if (e.kind != ExprKind::kQuantifier || (e.op != "ALL" && e.op != "NONE")) continue;
      const Expr& list = *e.args[0];
      if (list.kind != ExprKind::kFunction || list.args.size() != 1 ||
          list.args[0]->kind != ExprKind::kVariable ||
          (list.args[0]->slot != part.path_slot || part.path_slot < 0)) {
        continue;
      }
      std::set<int> used;
      CollectSlots(*e.args[1], &used);
      used.erase(e.slot);
      if (!std::includes(bound_->begin(), bound_->end(), used.begin(), used.end())) continue;
      ExprPtr pred = e.args[1];
      if (e.op == "NONE") {
        auto neg = std::make_shared<Expr>();
        neg->kind = ExprKind::kUnary;
        neg->op = "NOT";
        neg->pos = pred->pos;
        neg->args.push_back(pred);
        pred = neg;
      }
      std::string fn = list.function ? list.function->name : list.name;
      if (fn == "nodes") spec.node_preds.emplace_back(pred, e.slot);
      if (fn == "relationships") spec.rel_preds.emplace_back(pred, e.slot);
    }
    Add(std::make_unique<ShortestPathOp>(ctx_, std::move(spec)));
    Bind(part.rel_slots[0]);
    Bind(part.path_slot);
    clause_rels_.push_back(part.rel_slots[0]);
    Flush();
    return Status::OK();
  }

  Status PlanPart(const BoundPart& part, size_t start) {
    if (part.pattern->kind != PatternPart::Kind::kNormal) return PlanShortest(part);
    PG_RETURN_IF_ERROR(BindNode(part, start));
    for (size_t r = start; r < part.rel_slots.size(); ++r) {
      PG_RETURN_IF_ERROR(Expand(part, r, true));
    }
    for (size_t r = start; r-- > 0;) PG_RETURN_IF_ERROR(Expand(part, r, false));
    if (part.path_slot >= 0) {
      Add(std::make_unique<PathBuildOp>(ctx_, part));
      Bind(part.path_slot);
      Flush();
    }
    return Status::OK();
  }

  const BoundMatch& m_;
  ExecContext* ctx_;
  std::set<int>* bound_;
  std::vector<OperatorPtr>* ops_;
  std::vector<Pending> pending_;
  std::vector<int> clause_rels_;
};

}  // namespace

void CollectSlots(const Expr& e, std::set<int>* slots) {
  std::set<int> locals;
  Collect(e, slots, &locals);
}

Status PlanMatchInto(const BoundMatch& match, ExecContext* ctx, std::set<int>* bound,
                     std::vector<OperatorPtr>* ops) {
  MatchPlanner p(match, ctx, bound, ops);
  return p.Run();
}

}  // namespace pactgraph::query

// Relationship expansion: single hop and variable length (depth-first, relationship-unique).
#include <algorithm>

#include "query/execution/evaluator.h"
#include "query/execution/read_operators.h"
#include "query/function/value_ops.h"

namespace pactgraph::query {

Status ExpandOp::Steps(NodeId node, std::vector<NeighborEntry>* out) {
  out->clear();
  if (!spec_.types.empty()) {
    // Resolve type names lazily: a write earlier in the query may have created the type.
    if (!types_resolved_) {
      type_ids_ = ctx_->ResolveTypes(spec_.types);
      types_resolved_ = type_ids_.size() == spec_.types.size();
    }
    if (type_ids_.empty()) return Status::OK();
  }
  return ctx_->reader()->Neighbors(node, spec_.dir, type_ids_, [&](const NeighborEntry& e) {
    // An undirected scan reports a self-loop once per direction; Cypher matches it once.
    if (spec_.dir == Direction::kBoth && e.dir == Direction::kIn && e.other == node) return true;
    out->push_back(e);
    return true;
  });
}

bool ExpandOp::UsedElsewhere(const Row& row, RelId rel) const {
  for (int s : spec_.unique_slots) {
    const Value& v = row[s];
    if (v.is_rel() && v.as_rel().id == rel) return true;
    if (v.is_list()) {
      for (const auto& r : v.as_list()) {
        if (r.is_rel() && r.as_rel().id == rel) return true;
      }
    }
  }
  return false;
}

Result<bool> ExpandOp::TargetOk(const Row& row, NodeId id, Value* node) {
  if (spec_.to_bound) {
    const Value& bound = row[spec_.to_slot];
    if (!bound.is_node() || bound.as_node().id != id) return false;
    *node = bound;
  } else {
    PG_ASSIGN_OR_RETURN(*node, ctx_->LoadNode(id));
  }
  const auto& labels = node->as_node().labels;
  for (const auto& l : spec_.to_labels) {
    if (std::find(labels.begin(), labels.end(), l) == labels.end()) return false;
  }
  return true;
}

Status ExpandOp::Push(Row& row) {
  const Value& from = row[spec_.from_slot];
  if (from.is_null()) return Status::OK();
  if (!from.is_node()) {
    return Status::InvalidArgument(
        std::string(
            "TypeError (InvalidArgumentType): Type mismatch: expected a node to expand from, "
            "got ") +
        Value::TypeName(from.type()));
  }
  const NodeId start = from.as_node().id;
  if (spec_.var_length) {
    ValueMap props;
    if (spec_.rel_props) {
      PG_ASSIGN_OR_RETURN(Value p, Evaluate(*spec_.rel_props, row, *ctx_));
      if (p.is_map()) props = p.as_map();
    }
    std::vector<Value> rels, nodes;
    std::set<RelId> used;
    return VarLength(row, start, 0, &rels, &nodes, &used, spec_.rel_props ? &props : nullptr);
  }
  std::vector<NeighborEntry> steps;
  // A relationship bound by an earlier clause: the hop must be that relationship (a null one,
  // from OPTIONAL MATCH, matches nothing).
  const Value* bound_rel = spec_.rel_bound ? &row[spec_.rel_slot] : nullptr;
  if (bound_rel && !bound_rel->is_rel()) return Status::OK();
  PG_RETURN_IF_ERROR(Steps(start, &steps));
  for (const auto& e : steps) {
    if (!WantsMore()) break;
    if (bound_rel && bound_rel->as_rel().id != e.rel) continue;
    if (UsedElsewhere(row, e.rel)) continue;
    Value target;
    PG_ASSIGN_OR_RETURN(bool ok, TargetOk(row, e.other, &target));
    if (!ok) continue;
    if (bound_rel) {
      // Keep the bound value.
    } else if (spec_.load_rel) {
      PG_ASSIGN_OR_RETURN(Value rel, ctx_->LoadRel(e.rel));
      row[spec_.rel_slot] = std::move(rel);
    } else {
      bool out = e.dir == Direction::kOut;
      row[spec_.rel_slot] = Value(Relationship{e.rel,
                                               ctx_->reader()->TypeName(e.type),
                                               out ? start : e.other,
                                               out ? e.other : start,
                                               {}});
    }
    row[spec_.to_slot] = std::move(target);
    PG_RETURN_IF_ERROR(Emit(row));
  }
  return Status::OK();
}

Status ExpandOp::VarLength(Row& row, NodeId node, int64_t depth, std::vector<Value>* rels,
                           std::vector<Value>* nodes, std::set<RelId>* used,
                           const ValueMap* props) {
  PG_RETURN_IF_ERROR(ctx_->Check());
  if (depth >= spec_.min_hops) {
    Value target;
    PG_ASSIGN_OR_RETURN(bool ok, TargetOk(row, node, &target));
    if (ok) {
      if (spec_.backward) {
        // Report the segment in pattern order: relationships reversed; nodes from the one
        // after the pattern's left end up to the walk's start.
        ValueList r(rels->rbegin(), rels->rend());
        row[spec_.rel_slot] = Value(std::move(r));
        if (spec_.segment_slot >= 0) {
          ValueList n;
          for (size_t i = nodes->size(); i-- > 1;) n.push_back((*nodes)[i - 1]);
          if (!nodes->empty()) n.push_back(row[spec_.from_slot]);
          row[spec_.segment_slot] = Value(std::move(n));
        }
      } else {
        row[spec_.rel_slot] = Value(*rels);
        if (spec_.segment_slot >= 0) row[spec_.segment_slot] = Value(*nodes);
      }
      row[spec_.to_slot] = target;
      PG_RETURN_IF_ERROR(Emit(row));
    }
  }
  const int64_t limit = ctx_->limits().max_var_length_depth;
  const bool unbounded = spec_.max_hops < 0;
  if (!unbounded && depth >= spec_.max_hops) return Status::OK();
  std::vector<NeighborEntry> steps;
  PG_RETURN_IF_ERROR(Steps(node, &steps));
  for (const auto& e : steps) {
    if (!WantsMore()) break;
    if (used->count(e.rel) || UsedElsewhere(row, e.rel)) continue;
    PG_ASSIGN_OR_RETURN(Value rel, ctx_->LoadRel(e.rel));
    if (props) {
      bool match = true;
      const auto& rp = rel.as_rel().properties;
      for (const auto& [k, v] : *props) {
        auto it = rp.find(k);
        if (it == rp.end() || !CypherEquals(it->second, v).value_or(false)) match = false;
      }
      if (!match) continue;
    }
    if (unbounded && depth >= limit) {
      return Status::LimitExceeded(
          "variable-length pattern " + spec_.description + " goes deeper than " +
          std::to_string(limit) +
          " hops (limit max_var_length_depth); give an upper bound such as *.." +
          std::to_string(limit) + " or raise the limit (query --max-depth N)");
    }
    PG_ASSIGN_OR_RETURN(Value next, ctx_->LoadNode(e.other));
    used->insert(e.rel);
    rels->push_back(std::move(rel));
    nodes->push_back(std::move(next));
    Status st = VarLength(row, e.other, depth + 1, rels, nodes, used, props);
    rels->pop_back();
    nodes->pop_back();
    used->erase(e.rel);
    PG_RETURN_IF_ERROR(st);
  }
  return Status::OK();
}

}  // namespace pactgraph::query

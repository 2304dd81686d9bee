// Eager write plumbing and CREATE.
#include "query/execution/evaluator.h"
#include "query/execution/write_operators.h"

namespace pactgraph::query {
namespace {

// Nodes and relationships in `row` reloaded from the writer (deleted ones are kept as were).
void RefreshRow(ExecContext* ctx, Row* row) {
  for (Value& v : *row) {
    if (v.is_node()) {
      auto n = ctx->LoadNode(v.as_node().id);
      if (n.ok()) v = *n;
    } else if (v.is_rel()) {
      auto r = ctx->LoadRel(v.as_rel().id);
      if (r.ok()) v = *r;
    }
  }
}

Result<ValueMap> EvalProps(ExecContext* ctx, const ExprPtr& props, Row* row) {
  ValueMap out;
  if (!props) return out;
  PG_ASSIGN_OR_RETURN(Value v, Evaluate(*props, *row, *ctx));
  if (v.is_null()) return out;
  if (!v.is_map()) {
    return ctx->ErrorAt(props->pos,
                        Status::InvalidArgument("properties must be a map, got " +
                                                std::string(Value::TypeName(v.type()))));
  }
  for (const auto& [k, x] : v.as_map()) {
    if (x.is_null()) continue;
    if (x.is_node() || x.is_rel() || x.is_path()) {
      return ctx->ErrorAt(props->pos,
                          Status::InvalidArgument("property '" + k + "' cannot hold a " +
                                                  Value::TypeName(x.type())));
    }
    out[k] = x;
  }
  return out;
}

}  // namespace

Status EagerWriteOp::Push(Row& row) {
  if (!ctx_->writer()) return Status::Internal("write operator without a write transaction");
  PG_RETURN_IF_ERROR(ctx_->ChargeMemory(ExecContext::EstimateBytes(row)));
  rows_in_.push_back(row);
  return Status::OK();
}

Status EagerWriteOp::Finish() {
  std::vector<Row> rows = std::move(rows_in_);
  rows_in_.clear();
  PG_RETURN_IF_ERROR(Apply(&rows));
  ctx_->InvalidateCache();
  const bool refresh = ChangesExisting();
  for (Row& row : rows) {
    if (refresh) RefreshRow(ctx_, &row);
    PG_RETURN_IF_ERROR(Emit(row));
  }
  return FinishNext();
}

Status CreateParts(ExecContext* ctx, const std::vector<BoundPart>& parts,
                   const std::set<int>& new_slots, Row* row) {
  GraphWriter* w = ctx->writer();
  std::set<int> done;
  for (const auto& part : parts) {
    const PatternPart& pat = *part.pattern;
    for (size_t i = 0; i < pat.nodes.size(); ++i) {
      int s = part.node_slots[i];
      if (!new_slots.count(s) || done.count(s)) {
        if (!(*row)[s].is_node()) {
          return ctx->ErrorAt(pat.nodes[i].pos,
                              Status::InvalidArgument("cannot create a relationship to a null or "
                                                      "non-node value `" +
                                                      pat.nodes[i].var + "`"));
        }
        continue;
      }
      PG_ASSIGN_OR_RETURN(ValueMap props, EvalProps(ctx, pat.nodes[i].props, row));
      auto id = w->CreateNode(pat.nodes[i].labels, props);
      if (!id.ok()) return ctx->ErrorAt(pat.nodes[i].pos, id.status());
      ctx->stats().nodes_created++;
      ctx->stats().properties_set += static_cast<int64_t>(props.size());
      ctx->stats().labels_added += static_cast<int64_t>(pat.nodes[i].labels.size());
      (*row)[s] = Value(Node{*id, pat.nodes[i].labels, std::move(props)});
      done.insert(s);
    }
    for (size_t i = 0; i < pat.rels.size(); ++i) {
      const RelPattern& r = pat.rels[i];
      NodeId a = (*row)[part.node_slots[i]].as_node().id;
      NodeId b = (*row)[part.node_slots[i + 1]].as_node().id;
      if (r.dir == Direction::kIn) std::swap(a, b);
      PG_ASSIGN_OR_RETURN(ValueMap props, EvalProps(ctx, r.props, row));
      auto id = w->CreateRelationship(a, b, r.types[0], props);
      if (!id.ok()) return ctx->ErrorAt(r.pos, id.status());
      ctx->stats().relationships_created++;
      ctx->stats().properties_set += static_cast<int64_t>(props.size());
      (*row)[part.rel_slots[i]] = Value(Relationship{*id, r.types[0], a, b, std::move(props)});
    }
    if (part.path_slot >= 0) {
      Path p;
      p.nodes.push_back((*row)[part.node_slots[0]].as_node());
      for (size_t i = 0; i < part.rel_slots.size(); ++i) {
        p.relationships.push_back((*row)[part.rel_slots[i]].as_rel());
        p.nodes.push_back((*row)[part.node_slots[i + 1]].as_node());
      }
      (*row)[part.path_slot] = Value(std::move(p));
    }
  }
  ctx->InvalidateCache();
  return Status::OK();
}

Status CreateOp::Apply(std::vector<Row>* rows) {
  for (Row& row : *rows) {
    PG_RETURN_IF_ERROR(ctx_->Check());
    PG_RETURN_IF_ERROR(CreateParts(ctx_, parts_, new_slots_, &row));
  }
  return Status::OK();
}

}  // namespace pactgraph::query

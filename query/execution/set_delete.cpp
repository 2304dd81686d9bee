// SET, REMOVE and (DETACH) DELETE.
#include <algorithm>

#include "query/execution/evaluator.h"
#include "query/execution/write_operators.h"

namespace pactgraph::query {
namespace {

Status CheckStorable(const std::string& key, const Value& v) {
  if (v.is_node() || v.is_rel() || v.is_path()) {
    return Status::InvalidArgument("property '" + key + "' cannot hold a " +
                                   Value::TypeName(v.type()));
  }
  return Status::OK();
}

// Applies one item to a property map; returns the number of properties written.
Result<int64_t> UpdateProps(const BoundSetItem& item, const Value& value, ValueMap* props) {
  switch (item.kind) {
    case SetItem::Kind::kProperty:
      if (value.is_null()) {
        return static_cast<int64_t>(props->erase(item.key));
      }
      PG_RETURN_IF_ERROR(CheckStorable(item.key, value));
      (*props)[item.key] = value;
      return 1;
    case SetItem::Kind::kReplaceMap:
    case SetItem::Kind::kMergeMap: {
      const ValueMap* m = value.is_map()    ? &value.as_map()
                          : value.is_node() ? &value.as_node().properties
                          : value.is_rel()  ? &value.as_rel().properties
                                            : nullptr;
      if (!m && !value.is_null()) {
        return Status::InvalidArgument(std::string("SET needs a map, got ") +
                                       Value::TypeName(value.type()));
      }
      if (item.kind == SetItem::Kind::kReplaceMap) props->clear();
      int64_t n = 0;
      if (m) {
        for (const auto& [k, v] : *m) {
          if (v.is_null()) {
            props->erase(k);
            continue;
          }
          PG_RETURN_IF_ERROR(CheckStorable(k, v));
          (*props)[k] = v;
          ++n;
        }
      }
      return n;
    }
    case SetItem::Kind::kLabels:
      return 0;
  }
  return 0;
}

}  // namespace

Status ApplySetItems(ExecContext* ctx, const std::vector<BoundSetItem>& items, Row* row) {
  GraphWriter* w = ctx->writer();
  for (const auto& item : items) {
    const Value target = (*row)[item.slot];
    if (target.is_null()) continue;
    Value value;
    if (item.value) {
      PG_ASSIGN_OR_RETURN(value, Evaluate(*item.value, *row, *ctx));
    }
    if (target.is_node()) {
      Node n;
      PG_RETURN_IF_ERROR(w->GetNode(target.as_node().id, &n));
      if (item.kind == SetItem::Kind::kLabels) {
        for (const auto& l : item.labels) {
          auto it = std::find(n.labels.begin(), n.labels.end(), l);
          if (item.remove && it != n.labels.end()) {
            n.labels.erase(it);
            ctx->stats().labels_removed++;
          } else if (!item.remove && it == n.labels.end()) {
            n.labels.push_back(l);
            ctx->stats().labels_added++;
          }
        }
      } else {
        auto written = UpdateProps(item, value, &n.properties);
        if (!written.ok()) return ctx->ErrorAt(item.pos, written.status());
        ctx->stats().properties_set += *written;
      }
      Status st = w->UpdateNode(n);
      if (!st.ok()) return ctx->ErrorAt(item.pos, st);
      (*row)[item.slot] = Value(std::move(n));
    } else if (target.is_rel()) {
      if (item.kind == SetItem::Kind::kLabels) {
        return ctx->ErrorAt(item.pos, Status::InvalidArgument("relationships have no labels"));
      }
      Relationship r;
      PG_RETURN_IF_ERROR(w->GetRelationship(target.as_rel().id, &r));
      auto written = UpdateProps(item, value, &r.properties);
      if (!written.ok()) return ctx->ErrorAt(item.pos, written.status());
      ctx->stats().properties_set += *written;
      Status st = w->UpdateRelationship(r.id, r.properties);
      if (!st.ok()) return ctx->ErrorAt(item.pos, st);
      (*row)[item.slot] = Value(std::move(r));
    } else {
      return ctx->ErrorAt(
          item.pos, Status::InvalidArgument(std::string("SET/REMOVE needs a node or relationship, "
                                                        "got ") +
                                            Value::TypeName(target.type())));
    }
    ctx->InvalidateCache();
  }
  return Status::OK();
}

Status SetOp::Apply(std::vector<Row>* rows) {
  for (Row& row : *rows) {
    PG_RETURN_IF_ERROR(ctx_->Check());
    PG_RETURN_IF_ERROR(ApplySetItems(ctx_, items_, &row));
  }
  return Status::OK();
}

Status DeleteOp::Apply(std::vector<Row>* rows) {
  std::set<NodeId> nodes;
  std::set<RelId> rels;
  for (Row& row : *rows) {
    for (const auto& e : exprs_) {
      PG_ASSIGN_OR_RETURN(Value v, Evaluate(*e, row, *ctx_));
      if (v.is_null()) continue;
      if (v.is_node()) {
        nodes.insert(v.as_node().id);
      } else if (v.is_rel()) {
        rels.insert(v.as_rel().id);
      } else if (v.is_path()) {
        for (const auto& n : v.as_path().nodes) nodes.insert(n.id);
        for (const auto& r : v.as_path().relationships) rels.insert(r.id);
      } else if (v.is_list() && std::all_of(v.as_list().begin(), v.as_list().end(),
                                            [](const Value& x) { return x.is_rel(); })) {
        for (const auto& r : v.as_list()) rels.insert(r.as_rel().id);
      } else {
        return ctx_->ErrorAt(
            e->pos, Status::InvalidArgument(std::string("DELETE needs a node, relationship or "
                                                        "path, got ") +
                                            Value::TypeName(v.type())));
      }
    }
  }
  GraphWriter* w = ctx_->writer();
  for (RelId r : rels) {
    Status st = w->DeleteRelationship(r);
    if (st.code() == Status::Code::kNotFound) continue;
    PG_RETURN_IF_ERROR(st);
    ctx_->stats().relationships_deleted++;
  }
  for (NodeId n : nodes) {
    Status st = w->DeleteNode(n, detach_);
    if (st.code() == Status::Code::kNotFound) continue;
    if (!st.ok() && !detach_ && st.code() == Status::Code::kInvalidArgument) {
      return ctx_->ErrorAt(
          exprs_.front()->pos,
          Status::InvalidArgument(
              "ConstraintVerificationFailed (DeleteConnectedNode): cannot delete node " +
              std::to_string(n) +
              " because it still has relationships; use "
              "DETACH DELETE"));
    }
    PG_RETURN_IF_ERROR(st);
    ctx_->stats().nodes_deleted++;
  }
  ctx_->InvalidateCache();
  return Status::OK();
}

}  // namespace pactgraph::query

// Named paths and shortestPath()/allShortestPaths().
#include "query/execution/evaluator.h"
#include "query/execution/read_operators.h"

namespace pactgraph::query {

Status PathBuildOp::Push(Row& row) {
  Path p;
  const Value& first = row[part_.node_slots[0]];
  if (!first.is_node()) {
    row[part_.path_slot] = Value();
    return Emit(row);
  }
  p.nodes.push_back(first.as_node());
  for (size_t i = 0; i < part_.rel_slots.size(); ++i) {
    const Value& r = row[part_.rel_slots[i]];
    if (r.is_null()) {
      row[part_.path_slot] = Value();
      return Emit(row);
    }
    if (part_.segment_node_slots[i] >= 0) {
      for (const auto& rel : r.as_list()) p.relationships.push_back(rel.as_rel());
      for (const auto& n : row[part_.segment_node_slots[i]].as_list()) {
        p.nodes.push_back(n.as_node());
      }
    } else {
      p.relationships.push_back(r.as_rel());
      p.nodes.push_back(row[part_.node_slots[i + 1]].as_node());
    }
  }
  row[part_.path_slot] = Value(std::move(p));
  return Emit(row);
}

Status ShortestPathOp::Push(Row& row) {
  const Value& a = row[spec_.from_slot];
  const Value& b = row[spec_.to_slot];
  if (!a.is_node() || !b.is_node()) return Status::OK();
  PathRequest req;
  req.reader = ctx_->reader();
  req.start = a.as_node().id;
  req.end = b.as_node().id;
  req.direction = spec_.dir;
  if (!spec_.types.empty()) {
    req.types = ctx_->ResolveTypes(spec_.types);
    if (req.types.empty()) return Status::OK();
  }
  req.min_hops = static_cast<uint32_t>(spec_.min_hops);
  req.max_hops = spec_.max_hops < 0 ? ctx_->limits().max_var_length_depth
                                    : static_cast<uint32_t>(spec_.max_hops);
  req.mode = spec_.all ? PathRequest::Mode::kAll : PathRequest::Mode::kOne;
  req.check = [this] { return ctx_->Check(); };
  Row scratch = row;
  if (!spec_.node_preds.empty()) {
    req.node_ok = [&](NodeId id) -> Result<bool> {
      PG_ASSIGN_OR_RETURN(Value n, ctx_->LoadNode(id));
      for (const auto& [pred, slot] : spec_.node_preds) {
        scratch[slot] = n;
        PG_ASSIGN_OR_RETURN(bool ok, EvaluatePredicate(*pred, scratch, *ctx_));
        if (!ok) return false;
      }
      return true;
    };
  }
  if (!spec_.rel_preds.empty()) {
    req.rel_ok = [&](const NeighborEntry& e, NodeId) -> Result<bool> {
      PG_ASSIGN_OR_RETURN(Value r, ctx_->LoadRel(e.rel));
      for (const auto& [pred, slot] : spec_.rel_preds) {
        scratch[slot] = r;
        PG_ASSIGN_OR_RETURN(bool ok, EvaluatePredicate(*pred, scratch, *ctx_));
        if (!ok) return false;
      }
      return true;
    };
  }
  std::vector<FoundPath> paths;
  PathFinder* finder = ctx_->services().path_finder;
  if (finder == nullptr) {
    return Status::NotSupported("shortestPath() needs a path search, and none was configured");
  }
  PG_RETURN_IF_ERROR(finder->FindShortestPaths(req, &paths));
  for (const auto& fp : paths) {
    if (!WantsMore()) break;
    Path p;
    ValueList rels;
    for (NodeId id : fp.nodes) {
      PG_ASSIGN_OR_RETURN(Value n, ctx_->LoadNode(id));
      p.nodes.push_back(n.as_node());
    }
    for (RelId id : fp.rels) {
      PG_ASSIGN_OR_RETURN(Value r, ctx_->LoadRel(id));
      p.relationships.push_back(r.as_rel());
      rels.push_back(r);
    }
    if (spec_.rel_slot >= 0) row[spec_.rel_slot] = Value(std::move(rels));
    if (spec_.path_slot >= 0) row[spec_.path_slot] = Value(std::move(p));
    PG_RETURN_IF_ERROR(Emit(row));
  }
  return Status::OK();
}

}  // namespace pactgraph::query

// MERGE: match the whole pattern, or create it; then ON MATCH / ON CREATE SET.
#include "query/execution/evaluator.h"
#include "query/execution/write_operators.h"

namespace pactgraph::query {

std::string MergeOp::Describe() const {
  std::string s = "Merge [";
  for (size_t i = 0; i + 1 < matcher_.size(); ++i) s += (i ? " -> " : "") + matcher_[i]->Describe();
  return s + "]";
}

Status MergeOp::Apply(std::vector<Row>* rows) {
  auto* collect = static_cast<CollectOp*>(matcher_.back().get());
  std::vector<Row> out;
  for (Row& row : *rows) {
    PG_RETURN_IF_ERROR(ctx_->Check());
    // MERGE cannot match or create null properties.
    const PatternPart& pat = *part_.pattern;
    std::vector<const ExprPtr*> maps;
    for (const auto& n : pat.nodes) maps.push_back(&n.props);
    for (const auto& r : pat.rels) maps.push_back(&r.props);
    for (const ExprPtr* props : maps) {
      const ExprPtr& p = *props;
      if (!p || p->kind != ExprKind::kMap) continue;
      for (size_t i = 0; i < p->args.size(); ++i) {
        PG_ASSIGN_OR_RETURN(Value v, Evaluate(*p->args[i], row, *ctx_));
        if (v.is_null()) {
          return ctx_->ErrorAt(
              p->args[i]->pos,
              Status::InvalidArgument("SemanticError (MergeReadOwnWrites): cannot MERGE with a "
                                      "null value for property '" +
                                      p->keys[i] + "'"));
        }
      }
    }
    collect->rows.clear();
    Row probe = row;
    PG_RETURN_IF_ERROR(matcher_.front()->Push(probe));
    if (!collect->rows.empty()) {
      for (Row& m : collect->rows) {
        PG_RETURN_IF_ERROR(ApplySetItems(ctx_, on_match_, &m));
        out.push_back(std::move(m));
      }
    } else {
      PG_RETURN_IF_ERROR(CreateParts(ctx_, {part_}, new_slots_, &row));
      PG_RETURN_IF_ERROR(ApplySetItems(ctx_, on_create_, &row));
      out.push_back(row);
    }
    ctx_->InvalidateCache();
  }
  *rows = std::move(out);
  return Status::OK();
}

}  // namespace pactgraph::query

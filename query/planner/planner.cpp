// Clause-by-clause planning of each UNION part (see planner.h).
#include "query/planner/planner.h"

#include "query/execution/projection_operators.h"
#include "query/execution/read_operators.h"
#include "query/execution/write_operators.h"

namespace pactgraph::query {
namespace {

class PipelineBuilder {
 public:
  PipelineBuilder(ExecContext* ctx, Pipeline* p) : ctx_(ctx), p_(p) {}

  void Add(OperatorPtr op) {
    if (!p_->ops.empty()) p_->ops.back()->set_next(op.get());
    p_->ops.push_back(std::move(op));
  }

  Status Match(const BoundClause& c) {
    if (!c.clause->optional) return PlanMatchInto(c.match, ctx_, &bound_, &p_->ops);
    auto opt = std::make_unique<OptionalOp>(
        ctx_, std::vector<int>(c.match.new_slots.begin(), c.match.new_slots.end()));
    std::vector<OperatorPtr> inner;
    inner.push_back(std::make_unique<StartOp>(ctx_));
    std::set<int> inner_bound = bound_;
    PG_RETURN_IF_ERROR(PlanMatchInto(c.match, ctx_, &inner_bound, &inner));
    auto tail = std::make_unique<OptionalTailOp>(ctx_, opt.get());
    inner.back()->set_next(tail.get());
    inner.push_back(std::move(tail));
    opt->SetInner(std::move(inner));
    Add(std::move(opt));
    bound_.insert(c.match.new_slots.begin(), c.match.new_slots.end());
    return Status::OK();
  }

  Status Merge(const BoundClause& c) {
    std::vector<OperatorPtr> inner;
    inner.push_back(std::make_unique<StartOp>(ctx_));
    std::set<int> inner_bound = bound_;
    PG_RETURN_IF_ERROR(PlanMatchInto(c.match, ctx_, &inner_bound, &inner));
    auto collect = std::make_unique<CollectOp>(ctx_);
    inner.back()->set_next(collect.get());
    inner.push_back(std::move(collect));
    auto merge = std::make_unique<MergeOp>(ctx_, c.match.parts[0], c.match.new_slots, c.on_create,
                                           c.on_match);
    merge->SetMatcher(std::move(inner));
    Add(std::move(merge));
    bound_.insert(c.match.new_slots.begin(), c.match.new_slots.end());
    return Status::OK();
  }

  void Projection(const BoundProjection& p, const std::vector<std::string>* columns,
                  std::vector<Row>* rows) {
    std::string names;
    for (const auto& n : p.names) names += (names.empty() ? "" : ", ") + n;
    std::vector<std::pair<ExprPtr, int>> computed;
    if (!p.aggregates.empty()) {
      std::vector<std::pair<ExprPtr, int>> keys;
      for (size_t i = 0; i < p.exprs.size(); ++i) {
        if (p.is_key[i])
          keys.emplace_back(p.exprs[i], p.slots[i]);
        else
          computed.emplace_back(p.exprs[i], p.slots[i]);
      }
      Add(std::make_unique<AggregateOp>(ctx_, std::move(keys), p.aggregates, width_, names));
    } else {
      for (size_t i = 0; i < p.exprs.size(); ++i) computed.emplace_back(p.exprs[i], p.slots[i]);
    }
    if (!computed.empty()) Add(std::make_unique<ProjectOp>(ctx_, std::move(computed), names));
    if (p.distinct) Add(std::make_unique<DistinctOp>(ctx_, p.slots));
    if (!p.order_by.empty()) {
      Add(std::make_unique<SortOp>(ctx_, p.order_by, "", p.skip, p.limit));
    }
    if (p.skip || p.limit) Add(std::make_unique<SkipLimitOp>(ctx_, p.skip, p.limit));
    bound_ = std::set<int>(p.slots.begin(), p.slots.end());
    if (p.is_return) {
      (void)columns;
      Add(std::make_unique<ResultSinkOp>(ctx_, p.slots, rows, false));
      return;
    }
    // The filter runs before the prune: WITH … WHERE may read variables from before the WITH.
    if (p.where) Add(std::make_unique<FilterOp>(ctx_, p.where, ExprToText(*p.where)));
    Add(std::make_unique<PruneOp>(ctx_, p.slots));
  }

  Status Build(const BoundSingleQuery& q, std::vector<Row>* rows) {
    width_ = q.num_slots;
    p_->width = q.num_slots;
    Add(std::make_unique<StartOp>(ctx_));
    bool has_sink = false;
    for (const auto& c : q.clauses) {
      switch (c.kind) {
        case Clause::Kind::kMatch:
          PG_RETURN_IF_ERROR(Match(c));
          break;
        case Clause::Kind::kWith:
        case Clause::Kind::kReturn:
          Projection(c.projection, &q.columns, rows);
          has_sink = c.kind == Clause::Kind::kReturn;
          break;
        case Clause::Kind::kUnwind:
          Add(std::make_unique<UnwindOp>(ctx_, c.expr, c.slot));
          bound_.insert(c.slot);
          break;
        case Clause::Kind::kCall:
          Add(std::make_unique<CallOp>(ctx_, c.procedure, c.call_args, c.yield_slots));
          for (int s : c.yield_slots) {
            if (s >= 0) bound_.insert(s);
          }
          if (c.where) Add(std::make_unique<FilterOp>(ctx_, c.where, ExprToText(*c.where)));
          break;
        case Clause::Kind::kCreate:
          Add(std::make_unique<CreateOp>(ctx_, c.match.parts, c.match.new_slots));
          bound_.insert(c.match.new_slots.begin(), c.match.new_slots.end());
          break;
        case Clause::Kind::kMerge:
          PG_RETURN_IF_ERROR(Merge(c));
          break;
        case Clause::Kind::kSet:
        case Clause::Kind::kRemove:
          Add(std::make_unique<SetOp>(ctx_, c.set_items, c.kind == Clause::Kind::kRemove));
          break;
        case Clause::Kind::kDelete:
          Add(std::make_unique<DeleteOp>(ctx_, c.exprs, c.clause->detach));
          break;
      }
    }
    if (!has_sink) {
      // A query ending in an update (no RETURN) has no rows; a standalone CALL returns its
      // YIELD columns.
      Add(std::make_unique<ResultSinkOp>(ctx_, q.column_slots,
                                         q.column_slots.empty() ? nullptr : rows, false));
    }
    return Status::OK();
  }

 private:
  ExecContext* ctx_;
  Pipeline* p_;
  std::set<int> bound_;
  int width_ = 0;
};

void DescribeOps(const std::vector<OperatorPtr>& ops, int depth, std::vector<std::string>* out);

void DescribeOne(const Operator& op, int depth, std::vector<std::string>* out) {
  out->push_back(std::string(depth * 2, ' ') + op.Describe());
}

void DescribeOps(const std::vector<OperatorPtr>& ops, int depth, std::vector<std::string>* out) {
  for (const auto& op : ops) DescribeOne(*op, depth, out);
}

}  // namespace

Result<std::unique_ptr<Plan>> PlanQuery(const BoundQuery& query, ExecContext* ctx) {
  auto plan = std::make_unique<Plan>();
  plan->columns = query.columns;
  plan->union_distinct = query.parts.size() > 1 && !query.union_all;
  for (const auto& part : query.parts) {
    plan->pipelines.emplace_back();
    PipelineBuilder b(ctx, &plan->pipelines.back());
    PG_RETURN_IF_ERROR(b.Build(part, &plan->rows));
  }
  return plan;
}

std::vector<std::string> DescribePlan(const Plan& plan) {
  std::vector<std::string> out;
  for (size_t i = 0; i < plan.pipelines.size(); ++i) {
    if (i > 0) out.push_back(plan.union_distinct ? "Union" : "UnionAll");
    DescribeOps(plan.pipelines[i].ops, 0, &out);
  }
  return out;
}

}  // namespace pactgraph::query

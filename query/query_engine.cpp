// Drives the stages for one query (see query_engine.h).
#include "query/query_engine.h"

#include <algorithm>
#include <cstdio>
#include <new>
#include <set>
#include <stdexcept>

#include "query/binder/binder.h"
#include "query/function/value_ops.h"
#include "query/notifications.h"
#include "query/parser/lexer.h"
#include "query/parser/parser.h"
#include "query/planner/planner.h"
#include "util/utf8.h"

namespace pactgraph::query {

struct QueryRunner {
  static Result<QueryOutput> Run(const PreparedQuery& pq, const GraphReader* reader,
                                 GraphWriter* writer, const ValueMap& params,
                                 const SessionOptions& limits, const QueryServices& services) {
    if (pq.writes() && !writer) {
      return Status::InvalidArgument("this query writes: it needs a write transaction");
    }
    ExecContext ctx(writer ? writer : reader, writer, &params, pq.text_, limits, services);
    PG_ASSIGN_OR_RETURN(std::unique_ptr<Plan> plan, PlanQuery(pq.bound_, &ctx));
    QueryOutput out;
    out.warnings = UnknownNameWarnings(pq.ast_, *reader);
    if (pq.bound_.mode == Query::Mode::kExplain) {
      out.columns = {"plan"};
      for (auto& line : DescribePlan(*plan)) out.rows.push_back({Value(line)});
      return out;
    }
    const bool profile = pq.bound_.mode == Query::Mode::kProfile;
    ctx.set_profiling(profile);
    for (auto& pipeline : plan->pipelines) {
      Row row(pipeline.width);
      Operator* head = pipeline.ops.front().get();
      int64_t t0 = NowNs();
      PG_RETURN_IF_ERROR(head->Push(row));
      PG_RETURN_IF_ERROR(head->Finish());
      head->add_inclusive_ns(NowNs() - t0);
    }
    if (plan->union_distinct) {
      std::set<Row, RowLess> seen;
      std::vector<Row> unique;
      for (auto& r : plan->rows) {
        if (seen.insert(r).second) unique.push_back(std::move(r));
      }
      plan->rows = std::move(unique);
    }
    out.stats = ctx.stats();
    if (profile) {
      out.columns = {"operator", "rows", "time_ms"};
      for (size_t i = 0; i < plan->pipelines.size(); ++i) {
        for (const auto& op : plan->pipelines[i].ops) {
          char ms[32];
          std::snprintf(ms, sizeof ms, "%.3f", op->self_ms());
          out.rows.push_back({Value(op->Describe()), Value(static_cast<int64_t>(op->rows_out())),
                              Value(std::stod(ms))});
        }
      }
      return out;
    }
    out.columns = plan->columns;
    out.rows = std::move(plan->rows);
    return out;
  }
};

Result<std::unique_ptr<PreparedQuery>> PrepareQuery(std::string_view text, const ValueMap& params,
                                                    const QueryServices& services) {
  // Text that is not UTF-8 would be stored as it is and break every JSON writer afterwards.
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    std::string shown(text);  // the excerpt under the caret shows '?' for each bad byte
    for (size_t i = bad; i < shown.size();) {
      const size_t next = FindInvalidUtf8(std::string_view(shown).substr(i));
      if (next == std::string_view::npos) break;
      shown[i + next] = '?';
      i += next + 1;
    }
    return ErrorAt(Status::Code::kInvalidArgument, shown, bad,
                   std::string("invalid UTF-8 in the query (byte ") + byte + ")");
  }
  for (const auto& [name, value] : params) {
    PG_RETURN_IF_ERROR(CheckUtf8(Value(name), "parameter name"));
    PG_RETURN_IF_ERROR(CheckUtf8(value, "parameter $" + name));
  }
  auto pq = std::make_unique<PreparedQuery>();
  pq->text_ = std::string(text);
  PG_ASSIGN_OR_RETURN(pq->ast_, ParseQuery(pq->text_));
  PG_ASSIGN_OR_RETURN(pq->bound_, Bind(&pq->ast_, params, pq->text_, services));
  return pq;
}

Result<QueryOutput> RunPrepared(const PreparedQuery& prepared, const GraphReader* reader,
                                GraphWriter* writer, const ValueMap& params,
                                const SessionOptions& limits, const QueryServices& services) {
  // The memory accounting refuses values before they are built, but its figures are
  // estimates: should an allocation still fail (a tight address-space limit, a machine short of
  // memory), the query ends with LimitExceeded instead of taking the process down. Everything
  // it built is released on the way out; a write transaction is not committed.
  try {
    return QueryRunner::Run(prepared, reader, writer, params, limits, services);
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
  return Status::LimitExceeded(
      "query ran out of memory before reaching its limit of " +
      std::to_string(limits.max_memory_mb) +
      " MiB (limit max_memory_mb): the process could not allocate more; lower the limit "
      "(query --max-memory-mb N) or narrow the query");
}

}  // namespace pactgraph::query

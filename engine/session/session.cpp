// Session: chooses snapshot or write transaction, runs the query pipeline, commits.
#include "pactgraph/session.h"

#include <chrono>
#include <mutex>

#include "query/procedure/procedure_registry.h"
#include "query/query_engine.h"

#ifdef PACTGRAPH_HAVE_GRAPH_PROCEDURES
#include "engine/graph/graph_procedures.h"
#endif

namespace pactgraph {
namespace {

query::QueryLimits ToLimits(const SessionOptions& o) {
  query::QueryLimits l;
  l.max_var_length_depth = o.max_var_length_depth;
  l.timeout_ms = o.timeout_ms;
  l.max_rows = o.max_rows;
  l.max_memory_bytes = o.max_memory_mb << 20;
  l.cancel = o.cancel;
  return l;
}

void RegisterOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
#ifdef PACTGRAPH_HAVE_GRAPH_PROCEDURES
    query::ProcedureRegistry::AddRegistrationHook(
        [](query::ProcedureRegistry* r) { graph::RegisterGraphProcedures(r); });
#endif
    query::ProcedureRegistry::RunRegistrationHooks();
  });
}

void AppendCount(std::string* out, int64_t n, const char* one, const char* many) {
  if (n == 0) return;
  if (!out->empty()) *out += ", ";
  *out += std::to_string(n) + " " + (n == 1 ? one : many);
}

QueryStats ToStats(const query::WriteStats& w, double ms, bool wrote) {
  QueryStats s;
  s.nodes_created = w.nodes_created;
  s.nodes_deleted = w.nodes_deleted;
  s.relationships_created = w.relationships_created;
  s.relationships_deleted = w.relationships_deleted;
  s.properties_set = w.properties_set;
  s.labels_added = w.labels_added;
  s.labels_removed = w.labels_removed;
  s.wrote = wrote;
  s.elapsed_ms = ms;
  return s;
}

double MsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

std::string QueryStats::Summary() const {
  std::string s;
  AppendCount(&s, nodes_created, "node created", "nodes created");
  AppendCount(&s, nodes_deleted, "node deleted", "nodes deleted");
  AppendCount(&s, relationships_created, "relationship created", "relationships created");
  AppendCount(&s, relationships_deleted, "relationship deleted", "relationships deleted");
  AppendCount(&s, properties_set, "property set", "properties set");
  AppendCount(&s, labels_added, "label added", "labels added");
  AppendCount(&s, labels_removed, "label removed", "labels removed");
  return s;
}

Result<Value> QueryResult::Get(std::string_view column) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == column) return current()[i];
  }
  return Status::NotFound("no column named '" + std::string(column) + "'");
}

Session::Session(Database* db, SessionOptions options) : db_(db), options_(options) {
  RegisterOnce();
}

QueryResult Session::BuildResult(std::vector<std::string> columns,
                                 std::vector<std::vector<Value>> rows, QueryStats stats) {
  QueryResult r;
  r.columns_ = std::move(columns);
  r.rows_ = std::move(rows);
  r.stats_ = stats;
  return r;
}

Result<QueryResult> Session::Execute(std::string_view text, const ValueMap& params) {
  auto t0 = std::chrono::steady_clock::now();
  PG_ASSIGN_OR_RETURN(auto prepared, query::PrepareQuery(text, params));
  const query::QueryLimits limits = ToLimits(options_);
  if (!prepared->writes()) {
    std::unique_ptr<GraphReader> reader = db_->NewReader();
    PG_ASSIGN_OR_RETURN(query::QueryOutput out,
                        query::RunPrepared(*prepared, reader.get(), nullptr, params, limits));
    return BuildResult(std::move(out.columns), std::move(out.rows),
                       ToStats(out.stats, MsSince(t0), false));
  }
  if (db_->read_only()) {
    return Status::InvalidArgument("the query writes, but the database is open read-only");
  }
  PG_ASSIGN_OR_RETURN(std::unique_ptr<GraphWriter> writer, db_->BeginWrite());
  PG_ASSIGN_OR_RETURN(query::QueryOutput out,
                      query::RunPrepared(*prepared, writer.get(), writer.get(), params, limits));
  // Only a fully successful query is committed; an early return above drops the writer.
  PG_RETURN_IF_ERROR(writer->Commit());
  return BuildResult(std::move(out.columns), std::move(out.rows),
                     ToStats(out.stats, MsSince(t0), true));
}

Result<QueryResult> Session::ExecuteOn(const GraphReader& reader, std::string_view text,
                                       const ValueMap& params, const SessionOptions& options) {
  RegisterOnce();
  auto t0 = std::chrono::steady_clock::now();
  PG_ASSIGN_OR_RETURN(auto prepared, query::PrepareQuery(text, params));
  if (prepared->writes()) {
    return Status::InvalidArgument("ExecuteOn runs read-only queries; this query writes");
  }
  PG_ASSIGN_OR_RETURN(query::QueryOutput out,
                      query::RunPrepared(*prepared, &reader, nullptr, params, ToLimits(options)));
  return BuildResult(std::move(out.columns), std::move(out.rows),
                     ToStats(out.stats, MsSince(t0), false));
}

}  // namespace pactgraph

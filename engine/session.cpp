// Session: prepares the query with the engine's services, chooses a snapshot or a write
// transaction, runs the query pipeline and commits only a query that succeeded whole.
#include "pactgraph/session.h"

#include <chrono>

#include "engine/graph/compact_reader.h"
#include "engine/query_services.h"
#include "query/query_engine.h"

namespace pactgraph {
namespace {

using Clock = std::chrono::steady_clock;

void AppendCount(std::string* out, int64_t n, const char* one, const char* many) {
  if (n == 0) return;
  if (!out->empty()) *out += ", ";
  *out += std::to_string(n) + " " + (n == 1 ? one : many);
}

QueryStats Finished(QueryStats s, Clock::time_point t0, bool wrote) {
  s.wrote = wrote;
  s.elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  return s;
}

graph::CompactReaderOptions CompactOptions(const SessionOptions& options) {
  graph::CompactReaderOptions o;
  o.enabled = options.compact_traversals;
  return o;
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

Session::Session(Database* db, SessionOptions options) : db_(db), options_(options) {}

QueryResult Session::BuildResult(std::vector<std::string> columns,
                                 std::vector<std::vector<Value>> rows, QueryStats stats,
                                 std::vector<std::string> warnings) {
  QueryResult r;
  r.columns_ = std::move(columns);
  r.rows_ = std::move(rows);
  r.stats_ = stats;
  r.warnings_ = std::move(warnings);
  return r;
}

Result<QueryResult> Session::Execute(std::string_view text, const ValueMap& params) {
  const auto t0 = Clock::now();
  const query::QueryServices& services = engine::DefaultQueryServices();
  PG_ASSIGN_OR_RETURN(auto prepared, query::PrepareQuery(text, params, services));
  if (!prepared->writes()) {
    std::unique_ptr<GraphReader> store = db_->NewReader();
    graph::CompactReader reader(*store, CompactOptions(options_));
    PG_ASSIGN_OR_RETURN(query::QueryOutput out, query::RunPrepared(*prepared, &reader, nullptr,
                                                                   params, options_, services));
    QueryStats stats = Finished(out.stats, t0, false);
    return BuildResult(std::move(out.columns), std::move(out.rows), stats, std::move(out.warnings));
  }
  if (db_->read_only()) {
    return Status::InvalidArgument("the query writes, but the database is open read-only");
  }
  PG_ASSIGN_OR_RETURN(std::unique_ptr<GraphWriter> writer, db_->BeginWrite());
  PG_ASSIGN_OR_RETURN(
      query::QueryOutput out,
      query::RunPrepared(*prepared, writer.get(), writer.get(), params, options_, services));
  // Only a fully successful query is committed; an early return above drops the writer.
  PG_RETURN_IF_ERROR(writer->Commit());
  QueryStats stats = Finished(out.stats, t0, true);
  return BuildResult(std::move(out.columns), std::move(out.rows), stats, std::move(out.warnings));
}

Result<QueryResult> Session::ExecuteIn(GraphWriter* writer, std::string_view text,
                                       const ValueMap& params) {
  const auto t0 = Clock::now();
  if (writer == nullptr) return Status::InvalidArgument("ExecuteIn needs an open transaction");
  const query::QueryServices& services = engine::DefaultQueryServices();
  PG_ASSIGN_OR_RETURN(auto prepared, query::PrepareQuery(text, params, services));
  const bool writes = prepared->writes();
  PG_ASSIGN_OR_RETURN(
      query::QueryOutput out,
      query::RunPrepared(*prepared, writer, writes ? writer : nullptr, params, options_, services));
  QueryStats stats = Finished(out.stats, t0, writes);
  return BuildResult(std::move(out.columns), std::move(out.rows), stats, std::move(out.warnings));
}

Result<QueryResult> Session::ExecuteOn(const GraphReader& reader, std::string_view text,
                                       const ValueMap& params, const SessionOptions& options) {
  const auto t0 = Clock::now();
  const query::QueryServices& services = engine::DefaultQueryServices();
  PG_ASSIGN_OR_RETURN(auto prepared, query::PrepareQuery(text, params, services));
  if (prepared->writes()) {
    return Status::InvalidArgument("ExecuteOn runs read-only queries; this query writes");
  }
  graph::CompactReader compact(reader, CompactOptions(options));
  PG_ASSIGN_OR_RETURN(query::QueryOutput out,
                      query::RunPrepared(*prepared, &compact, nullptr, params, options, services));
  QueryStats stats = Finished(out.stats, t0, false);
  return BuildResult(std::move(out.columns), std::move(out.rows), stats, std::move(out.warnings));
}

Result<bool> Session::QueryWrites(std::string_view text, const ValueMap& params) {
  PG_ASSIGN_OR_RETURN(auto prepared,
                      query::PrepareQuery(text, params, engine::DefaultQueryServices()));
  return prepared->writes();
}

}  // namespace pactgraph

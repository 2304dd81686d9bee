// pactgraph/session.h — running openCypher-subset queries (docs/query.md).
//
// A Session runs queries against a Database. Read-only queries run on a fresh snapshot
// (GraphReader); queries with CREATE/MERGE/SET/REMOVE/DELETE run in one write transaction that
// is committed only if the whole query succeeds, so a failing query changes nothing.
// Results are fully materialised; QueryResult offers a row cursor and random access.
//
// Errors: ParseError (syntax; the message has "line L, column C" and a caret line),
// InvalidArgument (unknown variable/function, wrong argument type, missing parameter, …),
// NotSupported ("not supported: …" for openCypher outside the subset), NotFound (unknown
// procedure), LimitExceeded (naming the limit hit), and storage errors.
//
// Thread-safety: a Session is used by one thread at a time; use one Session per thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph {

struct SessionOptions {
  uint32_t max_var_length_depth = 10;  // depth allowed for `*` without an upper bound
  int64_t timeout_ms = 30'000;         // per query; <= 0 disables
  uint64_t max_rows = 10'000'000;      // rows produced by all operators of one query
  uint64_t max_memory_mb = 1024;       // MiB of rows buffered by sorts, aggregations and writes
  // When set, a running query stops with Cancelled soon after *cancel becomes true (e.g. from
  // a SIGINT handler). The flag is not reset by the Session.
  const std::atomic<bool>* cancel = nullptr;
  // Read-only queries answer adjacency (expansions, variable-length patterns) from the
  // in-memory CSR copy of the graph when one of exactly the committed state is at hand (in
  // the process, or the snapshot file once a query expands many nodes); false: always from
  // the store. Same answers either way (engine/graph/compact_reader.h).
  bool compact_traversals = true;
};

struct PACTGRAPH_EXPORT QueryStats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  bool wrote = false;  // the query ran in a write transaction (committed)
  double elapsed_ms = 0;
  // Whether the query changed anything.
  bool any() const {
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
           properties_set || labels_added || labels_removed;
  }
  // "2 nodes created, 1 relationship created, …" (empty when nothing was written).
  std::string Summary() const;
};

class PACTGRAPH_EXPORT QueryResult {
 public:
  const std::vector<std::string>& columns() const { return columns_; }
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const std::vector<Value>& row(size_t i) const { return rows_[i]; }
  const std::vector<std::vector<Value>>& rows() const { return rows_; }
  const QueryStats& stats() const { return stats_; }
  // Notifications, as Neo4j gives them: the query ran, but it reads a label, relationship
  // type or property key the database does not have, e.g. "no label :Country in this
  // database; did you mean :Nation?". Empty when every name exists (or is written by the
  // query itself). The CLI and the shell print each as "warning: …" on stderr.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Cursor: `while (result.Next()) use(result.Get(0));`
  bool Next() {
    if (cursor_ + 1 > rows_.size()) return false;
    ++cursor_;
    return cursor_ <= rows_.size();
  }
  const std::vector<Value>& current() const { return rows_[cursor_ - 1]; }
  const Value& Get(size_t column) const { return current()[column]; }
  // NotFound for an unknown column name.
  Result<Value> Get(std::string_view column) const;
  void Rewind() { cursor_ = 0; }

 private:
  friend class Session;
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;
  QueryStats stats_;
  std::vector<std::string> warnings_;
  size_t cursor_ = 0;
};

class PACTGRAPH_EXPORT Session {
 public:
  explicit Session(Database* db, SessionOptions options = {});

  // Runs one query; `params` supplies $name parameters.
  Result<QueryResult> Execute(std::string_view query, const ValueMap& params = {});

  // Runs a read-only query on a reader the caller owns (for embedding, tests and
  // benchmarks). InvalidArgument if the query writes.
  static Result<QueryResult> ExecuteOn(const GraphReader& reader, std::string_view query,
                                       const ValueMap& params = {},
                                       const SessionOptions& options = {});

  // Whether `query` would write (CREATE, MERGE, SET, REMOVE, DELETE, or a writing
  // procedure), decided by parsing and binding it without running it: lets a read-only front
  // end (`pactgraph serve`) refuse writes with its own message and status.
  // Parse and bind errors as Execute reports them.
  static Result<bool> QueryWrites(std::string_view query, const ValueMap& params = {});

  // Runs one query inside a write transaction the caller owns (an explicit transaction, e.g.
  // the shell's :begin … :commit): reads see the transaction's earlier writes, writes go to
  // `writer` and are not committed — the caller commits the writer (one atomic batch) or
  // drops it. After an error the writer may hold part of the failed query's writes: drop it.
  // stats().wrote says whether the query wrote (into the open transaction).
  Result<QueryResult> ExecuteIn(GraphWriter* writer, std::string_view query,
                                const ValueMap& params = {});

  const SessionOptions& options() const { return options_; }
  void set_options(const SessionOptions& options) { options_ = options; }

 private:
  static QueryResult BuildResult(std::vector<std::string> columns,
                                 std::vector<std::vector<Value>> rows, QueryStats stats,
                                 std::vector<std::string> warnings);
  Database* db_;
  SessionOptions options_;
};

}  // namespace pactgraph

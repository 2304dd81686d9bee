// tools/serve/api.h — the JSON API of `pactgraph serve` (docs/explorer.md lists it).
//
// Each endpoint is one function from a request to a Reply. Reading endpoints get a
// GraphReader made for the request by the server (ExplorerServer holds catch-ups back while a
// request reads, so one request sees one state of the database); they never write. The only
// writing endpoint, ApiWrite, exists only when the server was started with --allow-writes.
//
//   GET  /api/info                      database, counts, labels, types, limits, catch-up state
//   GET  /api/search?q=&limit=          completion over names and aliases (normalised prefix)
//   GET  /api/node/ID                   properties, aliases, degree by type, citing articles
//   GET  /api/neighbours?id=&types=&labels=&since=&until=&undated=&limit=
//   GET  /api/relationship/ID           a relationship, its end nodes and its evidence
//   GET  /api/article/ID                an article with its text
//   GET
//   /api/path?from=&to=&mode=&k=&weight=&types=&labels=&avoid=&since=&until=&directed=&max_hops=
//   POST /api/query   {"query", "params"}  read-only Cypher under the query limits
//   POST /api/write   {"query", "params"}  any Cypher (only with --allow-writes)
//
// Cost: search is one prefix seek; node and neighbours scan the node's adjacency (capped, see
// kMaxScannedRelationships) with one read per relationship; path is FindPaths (a CSR snapshot
// shared per database state, then the search); query is bounded by the SessionOptions limits.
// Thread-safety: the functions keep no state; each call uses only its arguments.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "pactgraph/database.h"
#include "pactgraph/graph.h"
#include "pactgraph/session.h"
#include "tools/serve/api_http.h"

namespace pactgraph::tools::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 7480;            // 0: any free port (printed at start)
  bool allow_writes = false;  // opens the database for writing and adds POST /api/write
  int catch_up_ms = 2000;     // read-only: how often to catch up with the writer
  SessionOptions limits = DefaultLimits();  // every query and path search runs under these
  size_t max_result_rows = 1000;            // rows /api/query sends (the rest are counted)
  size_t max_body_bytes = 64 * 1024;        // larger request bodies get 413
  int max_concurrent = 2;  // queries and path searches running at once; more wait, then 503
  bool verbose = false;    // log every request to stderr

  static SessionOptions DefaultLimits() {
    SessionOptions o;
    o.timeout_ms = 10'000;
    o.max_rows = 1'000'000;
    o.max_memory_mb = 256;
    return o;
  }
};

// A node's neighbourhood and articles look at no more than this many relationships of it
// (hubs of big graphs have far more); replies say when the scan stopped there.
inline constexpr size_t kMaxScannedRelationships = 20'000;

struct ApiContext {
  Database* db = nullptr;
  const ServeOptions* options = nullptr;
  const std::atomic<bool>* cancel = nullptr;     // set when the server stops
  std::function<nlohmann::json()> server_state;  // catch-up state for /api/info
};

Reply ApiInfo(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req);
Reply ApiSearch(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req);
Reply ApiNode(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req);
Reply ApiNeighbours(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req);
Reply ApiRelationship(const ApiContext& ctx, const GraphReader& reader,
                      const httplib::Request& req);
Reply ApiArticle(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req);
Reply ApiPath(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req);
Reply ApiQuery(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req);
Reply ApiWrite(const ApiContext& ctx, const httplib::Request& req);

// Relationship type names to ids; InvalidArgument naming the known types for an unknown one.
Result<std::vector<TypeId>> ResolveTypes(const GraphReader& reader,
                                         const std::vector<std::string>& names);
// The id in the route's first capture group (/api/node/12). InvalidArgument otherwise.
Result<uint64_t> RouteId(const httplib::Request& req, const char* what);

}  // namespace pactgraph::tools::serve

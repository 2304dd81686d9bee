// POST /api/query (read-only Cypher) and POST /api/write (only with --allow-writes): the body
// is {"query": "...", "params": {...}}; the reply holds the columns, the rows (at most
// max_result_rows of them) and, when the rows hold nodes, relationships or paths, the graph
// they draw (every node and relationship once, with the end nodes of relationships).
#include <set>

#include "pactgraph/paths.h"
#include "tools/serve/api.h"
#include "tools/serve/api_json.h"

namespace pactgraph::tools::serve {
namespace {

constexpr size_t kMaxGraphNodes = 2000;  // the graph of a result draws at most this many nodes

struct QueryRequest {
  std::string query;
  ValueMap params;
};

Result<QueryRequest> ParseBody(const httplib::Request& req) {
  auto body = Value::FromJson(req.body, /*iso_dates=*/false);
  if (!body.ok()) return Status::InvalidArgument("request body: " + body.status().message());
  if (!body->is_map()) {
    return Status::InvalidArgument("request body: expected a JSON object {\"query\": ...}");
  }
  QueryRequest out;
  const ValueMap& m = body->as_map();
  auto q = m.find("query");
  if (q == m.end() || !q->second.is_string() || q->second.as_string().empty()) {
    return Status::InvalidArgument("request body: \"query\" must be a non-empty string");
  }
  out.query = q->second.as_string();
  if (auto p = m.find("params"); p != m.end() && !p->second.is_null()) {
    if (!p->second.is_map()) {
      return Status::InvalidArgument("request body: \"params\" must be an object");
    }
    out.params = p->second.as_map();
  }
  for (const auto& [key, value] : m) {
    if (key != "query" && key != "params") {
      return Status::InvalidArgument("request body: unknown field \"" + key +
                                     "\" (expected query and params)");
    }
  }
  return out;
}

// Collects the nodes and relationships a result holds, for drawing it.
class GraphCollector {
 public:
  void Add(const Value& v) {
    switch (v.type()) {
      case Value::Type::kNode:
        AddNode(v.as_node());
        break;
      case Value::Type::kRel:
        AddRel(v.as_rel());
        break;
      case Value::Type::kPath:
        for (const Node& n : v.as_path().nodes) AddNode(n);
        for (const Relationship& r : v.as_path().relationships) AddRel(r);
        break;
      case Value::Type::kList:
        for (const Value& item : v.as_list()) Add(item);
        break;
      case Value::Type::kMap:
        for (const auto& [k, item] : v.as_map()) Add(item);
        break;
      default:
        break;
    }
  }

  // The end nodes of relationships the result did not return themselves are read from
  // `reader`; a relationship whose ends cannot be drawn is left out.
  nlohmann::json Finish(const GraphReader& reader) {
    for (const Relationship& r : rels_) {
      for (NodeId id : {r.start, r.end}) {
        if (node_ids_.count(id) || node_ids_.size() >= kMaxGraphNodes) continue;
        Node n;
        if (reader.GetNode(id, &n).ok()) AddNode(n);
      }
    }
    nlohmann::json out_rels = nlohmann::json::array();
    for (const Relationship& r : rels_) {
      if (node_ids_.count(r.start) && node_ids_.count(r.end)) {
        out_rels.push_back(RelationshipJson(r));
      }
    }
    return {{"nodes", nodes_}, {"relationships", out_rels}, {"truncated", truncated_}};
  }

  bool empty() const { return node_ids_.empty() && rels_.empty(); }

 private:
  void AddNode(const Node& n) {
    if (node_ids_.count(n.id)) return;
    if (node_ids_.size() >= kMaxGraphNodes) {
      truncated_ = true;
      return;
    }
    node_ids_.insert(n.id);
    nodes_.push_back(NodeBrief(n));
  }
  void AddRel(const Relationship& r) {
    if (rel_ids_.insert(r.id).second) rels_.push_back(r);
  }

  std::set<NodeId> node_ids_;
  std::set<RelId> rel_ids_;
  nlohmann::json nodes_ = nlohmann::json::array();
  std::vector<Relationship> rels_;
  bool truncated_ = false;
};

nlohmann::json ResultJson(const QueryResult& result, size_t max_rows, const GraphReader* reader) {
  nlohmann::json rows = nlohmann::json::array();
  GraphCollector graph;
  for (size_t i = 0; i < result.size() && i < max_rows; ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (const Value& v : result.row(i)) {
      row.push_back(ValueJson(v));
      graph.Add(v);
    }
    rows.push_back(std::move(row));
  }
  nlohmann::json out = {{"columns", result.columns()},
                        {"rows", rows},
                        {"row_count", result.size()},
                        {"truncated", result.size() > max_rows},
                        {"elapsed_ms", result.stats().elapsed_ms}};
  if (!graph.empty() && reader != nullptr) out["graph"] = graph.Finish(*reader);
  if (result.stats().any()) out["summary"] = result.stats().Summary();
  return out;
}

}  // namespace

Reply ApiQuery(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req) {
  auto body = ParseBody(req);
  if (!body.ok()) return Error(body.status());
  auto writes = Session::QueryWrites(body->query, body->params);
  if (!writes.ok()) return Error(writes.status());
  if (*writes) {
    return Error(403, "ReadOnly",
                 ctx.options->allow_writes
                     ? "this query writes: send it to POST /api/write"
                     : "this query writes, and the explorer is read-only (start it with "
                       "`pactgraph serve --allow-writes` to allow writes)");
  }
  SessionOptions limits = ctx.options->limits;
  limits.cancel = ctx.cancel;
  auto result = Session::ExecuteOn(reader, body->query, body->params, limits);
  if (!result.ok()) return Error(result.status());
  return Ok(ResultJson(*result, ctx.options->max_result_rows, &reader));
}

Reply ApiWrite(const ApiContext& ctx, const httplib::Request& req) {
  auto body = ParseBody(req);
  if (!body.ok()) return Error(body.status());
  SessionOptions limits = ctx.options->limits;
  limits.cancel = ctx.cancel;
  Session session(ctx.db, limits);
  auto result = session.Execute(body->query, body->params);
  if (!result.ok()) return Error(result.status());
  std::unique_ptr<GraphReader> reader = ctx.db->NewReader();
  return Ok(ResultJson(*result, ctx.options->max_result_rows, reader.get()));
}

}  // namespace pactgraph::tools::serve

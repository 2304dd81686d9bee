// GET /api/path: how two actors are connected (FindPaths), each hop oriented from the first
// actor to the second, with the evidence sentences and the articles they come from.
#include <algorithm>
#include <chrono>

#include "pactgraph/paths.h"
#include "tools/serve/api.h"
#include "tools/serve/api_json.h"

namespace pactgraph::tools::serve {
namespace {

constexpr size_t kEvidencePerHop = 20;  // sentences sent per hop (the total is given)

Status ParseOptions(const Params& p, PathOptions* q) {
  PG_ASSIGN_OR_RETURN(std::string mode, p.String("mode"));
  PG_ASSIGN_OR_RETURN(int64_t k, p.Int("k", 3, 1, 20));
  PG_ASSIGN_OR_RETURN(int64_t max_hops, p.Int("max_hops", 6, 1, 12));
  PG_ASSIGN_OR_RETURN(bool directed, p.Bool("directed", false));
  PG_ASSIGN_OR_RETURN(std::string weight, p.String("weight"));
  q->filter.types = p.List("types");
  q->filter.allow_labels = p.List("labels");
  q->filter.avoid_labels = p.List("avoid");
  q->filter.directed = directed;
  q->filter.max_hops = static_cast<uint32_t>(max_hops);
  q->with_evidence = true;
  q->limit = 20;
  for (auto [name, bound] :
       {std::pair{"since", &q->filter.since}, std::pair{"until", &q->filter.until}}) {
    PG_ASSIGN_OR_RETURN(std::string text, p.String(name));
    if (text.empty()) continue;
    PG_ASSIGN_OR_RETURN(*bound, ParseDateBound(text, std::string("parameter '") + name + "'"));
  }
  if (mode.empty() || mode == "shortest") {
    q->mode = PathMode::kShortest;
  } else if (mode == "all") {
    q->mode = PathMode::kAllShortest;
  } else if (mode == "k") {
    q->mode = PathMode::kKShortest;
    q->k = static_cast<uint32_t>(k);
    q->weight = weight;
  } else if (mode == "weighted") {
    q->mode = PathMode::kWeighted;
    q->weight = weight.empty() ? "evidence" : weight;
  } else {
    return Status::InvalidArgument(
        "parameter 'mode': expected shortest, all, k or weighted, got '" + mode + "'");
  }
  return Status::OK();
}

nlohmann::json PathJson(const PathResult& p) {
  nlohmann::json nodes = nlohmann::json::array(), hops = nlohmann::json::array();
  for (const Node& n : p.path.nodes) nodes.push_back(NodeBrief(n));
  for (size_t i = 0; i < p.path.relationships.size(); ++i) {
    const Relationship& r = p.path.relationships[i];
    const NodeId from = p.path.nodes[i].id, to = p.path.nodes[i + 1].id;
    nlohmann::json evidence = nlohmann::json::array();
    const std::vector<Evidence> none;
    const std::vector<Evidence>& ev = i < p.evidence.size() ? p.evidence[i] : none;
    for (size_t e = 0; e < ev.size() && e < kEvidencePerHop; ++e) {
      auto a = p.articles.find(ev[e].article);
      evidence.push_back(EvidenceJson(ev[e], a != p.articles.end() ? &a->second : nullptr));
    }
    hops.push_back({{"from", from},
                    {"to", to},
                    // The stored direction runs along the path (from -> to) or against it.
                    {"forward", r.start == from && r.end == to},
                    {"relationship", RelationshipJson(r)},
                    {"evidence", evidence},
                    {"evidence_total", ev.size()}});
  }
  return {
      {"length", p.path.relationships.size()}, {"cost", p.cost}, {"nodes", nodes}, {"hops", hops}};
}

}  // namespace

Reply ApiPath(const ApiContext& ctx, const GraphReader& reader, const httplib::Request& req) {
  Params p(req);
  auto from_name = p.String("from", true);
  if (!from_name.ok()) return Error(from_name.status());
  auto to_name = p.String("to", true);
  if (!to_name.ok()) return Error(to_name.status());
  PathOptions q;
  if (Status s = ParseOptions(p, &q); !s.ok()) return Error(s);
  auto from = ResolveNode(reader, *from_name);
  if (!from.ok()) return Error(from.status().WithContext("parameter 'from'"));
  auto to = ResolveNode(reader, *to_name);
  if (!to.ok()) return Error(to.status().WithContext("parameter 'to'"));
  Node from_node, to_node;
  if (Status s = reader.GetNode(*from, &from_node); !s.ok()) return Error(s);
  if (Status s = reader.GetNode(*to, &to_node); !s.ok()) return Error(s);
  if (*from == *to) {
    return Error(Status::InvalidArgument("parameter 'to': the two actors are the same node (" +
                                         DescribeNode(from_node) + ")"));
  }
  // The query time limit holds for path searches too (checked between spur searches of k
  // shortest paths, the long ones); a stopping server cancels them.
  const int64_t timeout_ms = ctx.options->limits.timeout_ms;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  q.check = [&]() -> Status {
    if (ctx.cancel != nullptr && ctx.cancel->load()) {
      return Status::Cancelled("the server is stopping");
    }
    if (timeout_ms > 0 && std::chrono::steady_clock::now() > deadline) {
      return Status::LimitExceeded("path search took more than " + std::to_string(timeout_ms) +
                                   " ms (limit timeout_ms); ask for fewer paths (k) or hops");
    }
    return Status::OK();
  };
  PathAnswer answer;
  if (Status s = FindPaths(reader, *from, *to, q, &answer); !s.ok()) return Error(s);
  nlohmann::json paths = nlohmann::json::array();
  for (const PathResult& r : answer.paths) paths.push_back(PathJson(r));
  nlohmann::json out = {{"from", NodeBrief(from_node)},
                        {"to", NodeBrief(to_node)},
                        {"paths", paths},
                        {"truncated", answer.truncated}};
  if (answer.paths.empty()) {
    std::string why = "no path from " + DescribeNode(from_node) + " to " + DescribeNode(to_node) +
                      " within " + std::to_string(q.filter.max_hops) + " hops";
    if (!q.filter.types.empty()) why += " using the chosen types";
    if (q.filter.has_window()) why += " in the date window";
    if (q.filter.directed) why += " following direction";
    out["message"] = why;
  }
  return Ok(std::move(out));
}

}  // namespace pactgraph::tools::serve

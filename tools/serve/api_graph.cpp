// The explorer's graph-reading endpoints: info, search, node, neighbours, relationship,
// article (see api.h for the routes, api_json.h for the shapes).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "pactgraph/paths.h"
#include "tools/serve/api.h"
#include "tools/serve/api_json.h"

namespace pactgraph::tools::serve {
namespace {

constexpr size_t kMaxArticleText = 200 * 1024;  // /api/article sends at most this much text
constexpr size_t kNodeArticles = 50;            // articles listed in the node panel

std::vector<std::string> Aliases(const Node& n) {
  std::vector<std::string> out;
  auto it = n.properties.find("aliases");
  if (it == n.properties.end() || !it->second.is_list()) return out;
  for (const Value& v : it->second.as_list()) {
    if (v.is_string()) out.push_back(v.as_string());
  }
  return out;
}

// The normalised index key of `text` (what FindNamesByPrefix reports), when `text` is indexed.
std::string IndexKey(const GraphReader& reader, const std::string& text) {
  std::vector<std::pair<std::string, NodeId>> hit;
  if (!reader.FindNamesByPrefix(text, 1, &hit).ok() || hit.empty()) return "";
  return hit[0].first;
}

}  // namespace

Result<std::vector<TypeId>> ResolveTypes(const GraphReader& reader,
                                         const std::vector<std::string>& names) {
  std::vector<TypeId> out;
  for (const std::string& name : names) {
    auto id = reader.FindType(name);
    if (!id.ok()) {  // types are stored upper-case (MOU); accept any case, as paths do
      std::string upper = name;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      id = reader.FindType(upper);
    }
    if (!id.ok()) {
      std::string known;
      for (const std::string& t : reader.Types()) known += (known.empty() ? "" : ", ") + t;
      return Status::InvalidArgument("parameter 'types': unknown relationship type '" + name +
                                     "' (known: " + known + ")");
    }
    out.push_back(*id);
  }
  return out;
}

Result<uint64_t> RouteId(const httplib::Request& req, const char* what) {
  const std::string text = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
  uint64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id == 0) {
    return Status::InvalidArgument(std::string(what) + " id must be a positive integer, got '" +
                                   text + "'");
  }
  return id;
}

Reply ApiInfo(const ApiContext& ctx, const GraphReader& reader, const httplib::Request&) {
  GraphStats stats;
  if (Status s = reader.GetStats(&stats); !s.ok()) return Error(s);
  const SessionOptions& limits = ctx.options->limits;
  nlohmann::json out = {{"database", ctx.db->path()},
                        {"read_only", ctx.db->read_only()},
                        {"allow_writes", ctx.options->allow_writes},
                        {"version", ctx.db->version()},
                        {"nodes", stats.nodes},
                        {"relationships", stats.relationships},
                        {"articles", stats.articles},
                        {"evidence", stats.evidence},
                        {"labels", stats.labels},
                        {"types", stats.types},
                        {"limits",
                         {{"timeout_ms", limits.timeout_ms},
                          {"max_rows", limits.max_rows},
                          {"max_memory_mb", limits.max_memory_mb},
                          {"max_result_rows", ctx.options->max_result_rows},
                          {"max_body_bytes", ctx.options->max_body_bytes}}}};
  if (ctx.server_state) out["server"] = ctx.server_state();
  return Ok(std::move(out));
}

Reply ApiSearch(const ApiContext&, const GraphReader& reader, const httplib::Request& req) {
  Params p(req);
  auto q = p.String("q", true);
  if (!q.ok()) return Error(q.status());
  auto limit = p.Int("limit", 10, 1, 50);
  if (!limit.ok()) return Error(limit.status());
  std::vector<std::pair<std::string, NodeId>> hits;
  // Several index keys may lead to one node (its name and aliases): ask for more.
  if (Status s = reader.FindNamesByPrefix(*q, static_cast<size_t>(*limit) * 4, &hits); !s.ok()) {
    return Error(s);
  }
  // A number also finds the node with that id, first.
  uint64_t as_id = 0;
  auto [end, ec] = std::from_chars(q->data(), q->data() + q->size(), as_id);
  if (ec == std::errc() && end == q->data() + q->size() && as_id > 0) {
    hits.insert(hits.begin(), {std::string(), as_id});
  }
  nlohmann::json results = nlohmann::json::array();
  std::set<NodeId> seen;
  for (const auto& [key, id] : hits) {
    if (results.size() >= static_cast<size_t>(*limit)) break;
    if (!seen.insert(id).second) continue;
    Node n;
    Status s = reader.GetNode(id, &n);
    if (s.code() == Status::Code::kNotFound) continue;
    if (!s.ok()) return Error(s);
    nlohmann::json r = NodeBrief(n);
    r["match"] = nullptr;
    // Say which alias matched when the name itself does not start with the prefix.
    if (!key.empty() && IndexKey(reader, NodeName(n)) != key) {
      for (const std::string& alias : Aliases(n)) {
        if (IndexKey(reader, alias) == key) {
          r["match"] = alias;
          break;
        }
      }
    }
    results.push_back(std::move(r));
  }
  return Ok({{"query", *q}, {"results", results}});
}

Reply ApiNode(const ApiContext&, const GraphReader& reader, const httplib::Request& req) {
  auto id = RouteId(req, "node");
  if (!id.ok()) return Error(id.status());
  Node n;
  if (Status s = reader.GetNode(*id, &n); !s.ok()) {
    return Error(s.code() == Status::Code::kNotFound
                     ? Status::NotFound("no node with id " + std::to_string(*id))
                     : s);
  }
  std::map<TypeId, std::pair<uint64_t, uint64_t>> by_type;  // type -> (out, in)
  std::vector<RelId> rels;
  uint64_t total = 0;
  Status s = reader.Neighbors(*id, Direction::kBoth, {}, [&](const NeighborEntry& e) {
    auto& counts = by_type[e.type];
    (e.dir == Direction::kOut ? counts.first : counts.second)++;
    ++total;
    if (rels.size() < kMaxScannedRelationships) rels.push_back(e.rel);
    return true;
  });
  if (!s.ok()) return Error(s);
  nlohmann::json degree = nlohmann::json::array();
  for (const auto& [type, counts] : by_type) {
    degree.push_back(
        {{"type", reader.TypeName(type)}, {"out", counts.first}, {"in", counts.second}});
  }
  // The articles that mention the node: those whose sentences are evidence of its
  // relationships, most-cited first.
  std::sort(rels.begin(), rels.end());
  rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
  std::unordered_map<ArticleId, uint64_t> cited;
  for (RelId rel : rels) {
    std::vector<Evidence> evidence;
    if (Status es = reader.GetEvidence(rel, &evidence); !es.ok()) return Error(es);
    for (const Evidence& e : evidence) ++cited[e.article];
  }
  std::vector<std::pair<ArticleId, uint64_t>> order(cited.begin(), cited.end());
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first > b.first;
  });
  nlohmann::json articles = nlohmann::json::array();
  for (size_t i = 0; i < order.size() && i < kNodeArticles; ++i) {
    Article a;
    if (Status as = reader.GetArticle(order[i].first, &a); !as.ok()) continue;
    nlohmann::json j = ArticleJson(a);
    j["evidence"] = order[i].second;
    articles.push_back(std::move(j));
  }
  return Ok({{"node", NodeFull(n)},
             {"degree", {{"total", total}, {"by_type", degree}}},
             {"articles", articles},
             {"articles_total", order.size()},
             {"scan_partial", total > rels.size()}});
}

Reply ApiRelationship(const ApiContext&, const GraphReader& reader, const httplib::Request& req) {
  auto id = RouteId(req, "relationship");
  if (!id.ok()) return Error(id.status());
  Relationship r;
  if (Status s = reader.GetRelationship(*id, &r); !s.ok()) {
    return Error(s.code() == Status::Code::kNotFound
                     ? Status::NotFound("no relationship with id " + std::to_string(*id))
                     : s);
  }
  Node start, end;
  if (Status s = reader.GetNode(r.start, &start); !s.ok()) return Error(s);
  if (Status s = reader.GetNode(r.end, &end); !s.ok()) return Error(s);
  std::vector<Evidence> evidence;
  if (Status s = reader.GetEvidence(r.id, &evidence); !s.ok()) return Error(s);
  std::map<ArticleId, Article> articles;
  nlohmann::json ev = nlohmann::json::array();
  for (const Evidence& e : evidence) {
    auto it = articles.find(e.article);
    if (it == articles.end()) {
      Article a;
      if (reader.GetArticle(e.article, &a).ok()) {
        a.text.clear();
        it = articles.emplace(e.article, std::move(a)).first;
      }
    }
    ev.push_back(EvidenceJson(e, it != articles.end() ? &it->second : nullptr));
  }
  return Ok({{"relationship", RelationshipJson(r)},
             {"start", NodeBrief(start)},
             {"end", NodeBrief(end)},
             {"evidence", ev}});
}

Reply ApiArticle(const ApiContext&, const GraphReader& reader, const httplib::Request& req) {
  auto id = RouteId(req, "article");
  if (!id.ok()) return Error(id.status());
  Article a;
  if (Status s = reader.GetArticle(*id, &a); !s.ok()) {
    return Error(s.code() == Status::Code::kNotFound
                     ? Status::NotFound("no article with id " + std::to_string(*id))
                     : s);
  }
  nlohmann::json out = ArticleJson(a);
  out["text_truncated"] = a.text.size() > kMaxArticleText;
  if (a.text.size() > kMaxArticleText) a.text.resize(kMaxArticleText);
  out["text"] = a.text;
  return Ok({{"article", out}});
}

}  // namespace pactgraph::tools::serve

// GET /api/neighbours: the relationships of one node that pass the filters (relationship
// types, the neighbour's labels, a date window), best-attested first, with their end nodes.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "pactgraph/paths.h"
#include "tools/serve/api.h"
#include "tools/serve/api_json.h"

namespace pactgraph::tools::serve {
namespace {

struct Candidate {
  Relationship rel;
  DateSpan dates;
  int64_t evidence = 0;
};

int64_t EvidenceCount(const Relationship& r) {
  auto it = r.properties.find("evidence_count");
  return it != r.properties.end() && it->second.is_int() ? it->second.as_int() : 0;
}

bool HasAnyLabel(const Node& n, const std::vector<std::string>& labels) {
  for (const std::string& l : n.labels) {
    for (const std::string& want : labels) {
      if (l == want) return true;
    }
  }
  return false;
}

}  // namespace

Reply ApiNeighbours(const ApiContext&, const GraphReader& reader, const httplib::Request& req) {
  Params p(req);
  auto id = p.Int("id", 0, 1, INT64_MAX);
  if (!id.ok()) return Error(id.status());
  if (!p.Has("id")) return Error(Status::InvalidArgument("parameter 'id' is required"));
  auto limit = p.Int("limit", 100, 1, 500);
  if (!limit.ok()) return Error(limit.status());
  auto undated = p.Bool("undated", true);
  if (!undated.ok()) return Error(undated.status());
  std::optional<std::string> since, until;
  for (auto [name, bound] : {std::pair{"since", &since}, std::pair{"until", &until}}) {
    auto text = p.String(name);
    if (!text.ok()) return Error(text.status());
    if (text->empty()) continue;
    auto d = ParseDateBound(*text, std::string("parameter '") + name + "'");
    if (!d.ok()) return Error(d.status());
    *bound = d->ToString();
  }
  const std::vector<std::string> labels = p.List("labels");
  auto types = ResolveTypes(reader, p.List("types"));
  if (!types.ok()) return Error(types.status());

  const NodeId center_id = static_cast<NodeId>(*id);
  Node center;
  if (Status s = reader.GetNode(center_id, &center); !s.ok()) {
    return Error(s.code() == Status::Code::kNotFound
                     ? Status::NotFound("no node with id " + std::to_string(center_id))
                     : s);
  }
  std::vector<NeighborEntry> entries;
  uint64_t degree = 0;
  Status s = reader.Neighbors(center_id, Direction::kBoth, *types, [&](const NeighborEntry& e) {
    ++degree;
    if (entries.size() < kMaxScannedRelationships) entries.push_back(e);
    return true;
  });
  if (!s.ok()) return Error(s);

  std::unordered_map<NodeId, Node> nodes;  // read once each
  auto node = [&](NodeId nid) -> Result<const Node*> {
    auto it = nodes.find(nid);
    if (it != nodes.end()) return &it->second;
    Node n;
    PG_RETURN_IF_ERROR(reader.GetNode(nid, &n));
    return &nodes.emplace(nid, std::move(n)).first->second;
  };
  nodes.emplace(center_id, center);

  std::unordered_set<RelId> seen;  // a self-loop is listed once per direction
  std::vector<Candidate> passing;
  const bool windowed = since || until;
  for (const NeighborEntry& e : entries) {
    if (!seen.insert(e.rel).second) continue;
    if (!labels.empty()) {
      auto other = node(e.other);
      if (!other.ok()) return Error(other.status());
      if (!HasAnyLabel(**other, labels)) continue;
    }
    Candidate c;
    if (Status rs = reader.GetRelationship(e.rel, &c.rel); !rs.ok()) return Error(rs);
    c.dates = RelationshipDates(c.rel);
    if (windowed) {
      if (!c.dates.first) {
        if (!*undated) continue;
      } else if ((since && *c.dates.last < *since) || (until && *c.dates.first > *until)) {
        continue;
      }
    }
    c.evidence = EvidenceCount(c.rel);
    passing.push_back(std::move(c));
  }
  // Best attested first, then the most recent, then the oldest id (stable across calls).
  std::sort(passing.begin(), passing.end(), [](const Candidate& a, const Candidate& b) {
    if (a.evidence != b.evidence) return a.evidence > b.evidence;
    const std::string la = a.dates.last.value_or(""), lb = b.dates.last.value_or("");
    if (la != lb) return la > lb;
    return a.rel.id < b.rel.id;
  });
  const size_t keep = std::min(passing.size(), static_cast<size_t>(*limit));
  nlohmann::json rels = nlohmann::json::array(), out_nodes = nlohmann::json::array();
  std::unordered_set<NodeId> listed = {center_id};
  out_nodes.push_back(NodeBrief(center));
  for (size_t i = 0; i < keep; ++i) {
    const Relationship& r = passing[i].rel;
    rels.push_back(RelationshipJson(r));
    const NodeId other = r.start == center_id ? r.end : r.start;
    if (!listed.insert(other).second) continue;
    auto n = node(other);
    if (!n.ok()) return Error(n.status());
    out_nodes.push_back(NodeBrief(**n));
  }
  return Ok({{"center", NodeBrief(center)},
             {"nodes", out_nodes},
             {"relationships", rels},
             {"degree", degree},
             {"matched", passing.size()},
             {"truncated", passing.size() > keep},
             {"scan_partial", degree > entries.size()}});
}

}  // namespace pactgraph::tools::serve

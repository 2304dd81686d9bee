// `pactgraph stats` and `pactgraph node NAME`.
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "pactgraph/paths.h"
#include "tools/command.h"

namespace pactgraph::tools {
namespace {

std::string HumanBytes(uint64_t b) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(b);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  return buf;
}

int RunStats(GlobalOptions& g, const std::string& format) {
  if (format != "table" && format != "json") {
    return ReportError("unknown format '" + format + "' (expected table or json)", kExitBadInput);
  }
  auto db = OpenDatabase(g, false);
  if (!db) return g.exit_code;
  GraphStats st;
  if (Status s = db->NewReader()->GetStats(&st); !s.ok()) return ReportError(s);
  if (format == "json") {
    nlohmann::json j;
    j["nodes"] = st.nodes;
    j["relationships"] = st.relationships;
    j["articles"] = st.articles;
    j["evidence"] = st.evidence;
    j["labels"] = st.labels;
    j["types"] = st.types;
    j["disk_bytes"] = st.disk_bytes;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::cout << "database       " << db->path() << "\n"
            << "nodes          " << st.nodes << "\n"
            << "relationships  " << st.relationships << "\n"
            << "articles       " << st.articles << "\n"
            << "evidence       " << st.evidence << "\n"
            << "disk           " << HumanBytes(st.disk_bytes) << "\n";
  if (!st.labels.empty()) {
    std::cout << "\nlabels\n";
    for (const auto& [l, n] : st.labels)
      std::printf("  %-24s %llu\n", l.c_str(), static_cast<unsigned long long>(n));
  }
  if (!st.types.empty()) {
    std::cout << "\nrelationship types\n";
    for (const auto& [t, n] : st.types)
      std::printf("  %-24s %llu\n", t.c_str(), static_cast<unsigned long long>(n));
  }
  return kExitOk;
}

std::string NodeTitle(const Node& n) {
  auto it = n.properties.find("name");
  std::string name = it != n.properties.end() && it->second.is_string()
                         ? it->second.as_string()
                         : "#" + std::to_string(n.id);
  std::string labels;
  for (const auto& l : n.labels) labels += ":" + l;
  if (labels.empty()) return name + " (no label, id " + std::to_string(n.id) + ")";
  return name + " (" + labels.substr(1) + ", id " + std::to_string(n.id) + ")";
}

int RunNode(GlobalOptions& g, const std::string& name, const std::string& format, size_t limit) {
  auto db = OpenDatabase(g, false);
  if (!db) return g.exit_code;
  auto r = db->NewReader();
  std::vector<NodeId> ids;
  if (Status s = r->FindNodesByName(name, &ids); !s.ok()) return ReportError(s);
  if (ids.empty()) {
    // A node id is accepted too: `pactgraph node 42`.
    char* end = nullptr;
    unsigned long long id = std::strtoull(name.c_str(), &end, 10);
    auto exists = r->NodeExists(id);
    if (!name.empty() && *end == '\0' && exists.ok() && *exists) ids.push_back(id);
  }
  if (ids.empty()) {  // an id its file gave it: `pactgraph node n17` after an import
    auto external = FindNodeByExternalId(*r, name);
    if (!external.ok()) return ReportError(external.status());
    if (*external != 0) ids.push_back(*external);
  }
  if (ids.empty()) {
    std::vector<std::pair<std::string, NodeId>> near;
    (void)r->FindNamesByPrefix(name.substr(0, std::min<size_t>(name.size(), 3)), 5, &near);
    std::string hint;
    for (const auto& [n, id] : near) hint += (hint.empty() ? "" : ", ") + n;
    return ReportError(
        "no node named '" + name + "'" + (hint.empty() ? "" : "; did you mean: " + hint + "?"),
        kExitNoResult);
  }
  nlohmann::json out = nlohmann::json::array();
  for (NodeId id : ids) {
    Node n;
    if (Status s = r->GetNode(id, &n); !s.ok()) return ReportError(s);
    // Neighbours grouped by (direction, type).
    std::map<std::pair<int, std::string>, std::vector<std::pair<NodeId, RelId>>> groups;
    Status s = r->Neighbors(id, Direction::kBoth, {}, [&](const NeighborEntry& e) {
      groups[{e.dir == Direction::kOut ? 0 : 1, r->TypeName(e.type)}].emplace_back(e.other, e.rel);
      return true;
    });
    if (!s.ok()) return ReportError(s);
    if (format == "json") {
      nlohmann::json j = nlohmann::json::parse(Value(n).ToJson());
      j["neighbors"] = nlohmann::json::array();
      for (const auto& [key, list] : groups) {
        for (const auto& [other, rel] : list) {
          Node o;
          (void)r->GetNode(other, &o);
          j["neighbors"].push_back({{"direction", key.first == 0 ? "out" : "in"},
                                    {"type", key.second},
                                    {"relationship", rel},
                                    {"node", nlohmann::json::parse(Value(o).ToJson())}});
        }
      }
      out.push_back(std::move(j));
      continue;
    }
    std::cout << NodeTitle(n) << "\n";
    for (const auto& [k, v] : n.properties) {
      std::cout << "  " << k << ": " << (v.is_string() ? v.as_string() : v.ToString()) << "\n";
    }
    if (groups.empty()) std::cout << "  (no relationships)\n";
    for (const auto& [key, list] : groups) {
      std::cout << "  " << (key.first == 0 ? "-[" : "<-[") << key.second
                << (key.first == 0 ? "]->" : "]-") << " (" << list.size() << ")\n";
      size_t shown = 0;
      for (const auto& [other, rel] : list) {
        if (shown++ == limit) {
          std::cout << "      … " << list.size() - limit << " more\n";
          break;
        }
        Node o;
        if (r->GetNode(other, &o).ok()) std::cout << "      " << NodeTitle(o) << "\n";
      }
    }
    if (ids.size() > 1) std::cout << "\n";
  }
  if (format == "json")
    std::cout << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return kExitOk;
}

CommandRegistration stats_cmd(30, [](CLI::App& app, GlobalOptions& g) {
  auto format = std::make_shared<std::string>("table");
  auto* sub = app.add_subcommand("stats", "Counts of nodes, relationships and articles; disk size");
  sub->add_option("--format", *format, "table | json")->capture_default_str();
  sub->footer("Example:\n  pactgraph stats --format json");
  sub->callback([&g, format] { g.exit_code = RunStats(g, *format); });
});

CommandRegistration node_cmd(31, [](CLI::App& app, GlobalOptions& g) {
  struct Args {
    std::string name, format = "table";
    size_t limit = 20;
  };
  auto a = std::make_shared<Args>();
  auto* sub = app.add_subcommand("node", "Show a node, its properties and its neighbours by type");
  sub->add_option("name", a->name, "Name, alias or id of the node")->required();
  sub->add_option("--format", a->format, "table | json")->capture_default_str();
  sub->add_option("--limit", a->limit, "Neighbours shown per group (table)")->capture_default_str();
  sub->footer(
      "Examples:\n  pactgraph node Rwanda\n  pactgraph node \"ICT Authority\" --format json");
  sub->callback([&g, a] { g.exit_code = RunNode(g, a->name, a->format, a->limit); });
});

}  // namespace
}  // namespace pactgraph::tools

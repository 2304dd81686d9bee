// `pactgraph path FROM TO`: shortest, all shortest, weighted and k shortest paths between two
// actors, with the evidence for every hop, as a table, JSON, Graphviz DOT or an SVG picture.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "pactgraph/paths.h"
#include "tools/command.h"
#include "tools/serve/api_json.h"  // RelationshipDates, as the explorer reads them

extern char** environ;

namespace pactgraph::tools {
namespace {

struct PathArgs {
  std::string from, to, types, labels, avoid, weighted, since, until, format = "table", svg;
  uint32_t max_hops = 6;
  uint32_t k = 0;
  bool all = false, directed = false, explain = false, include_undated = false;
  size_t limit = 100;
};

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// A DOT string: quotes and backslashes escaped, a newline becomes a line break in the label.
std::string DotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Fill colours by node kind, the same as the explorer page's (tools/web/graph.js).
const char* KindFill(const Node& n) {
  const std::string kind = n.labels.empty() ? "" : n.labels.front();
  if (kind == "Nation" || kind == "Country") return "#cfe2ff";
  if (kind == "Organization") return "#ffe3cc";
  if (kind == "Program") return "#d3f0da";
  if (kind == "Person") return "#e8dcff";
  if (kind == "Place") return "#fff1c2";
  return "#eaeef2";
}

// The path(s) as a left-to-right picture: the first actor at the far left, the second at the
// far right (both outlined), and each path in a lane of its own between them — a node on
// several paths is drawn once per path, so k paths never merge into one tangle. Every hop
// is drawn from the first actor's side to the second's whatever its stored direction; an
// arrow pointing back shows a relationship stated the other way round. Labels are names
// (the kind is the fill colour and the tooltip); an edge says its type, modality, dates and
// how many sentences support it.
std::string ToDot(const std::vector<PathResult>& paths) {
  std::ostringstream o;
  o << "digraph path {\n  rankdir=LR;\n  nodesep=0.3;\n  ranksep=0.6;\n"
    << "  node [shape=box, style=\"rounded,filled\", fontname=Helvetica, fontsize=12, "
       "color=\"#8c959f\"];\n"
    << "  edge [fontname=Helvetica, fontsize=9, color=\"#57606a\"];\n";
  if (paths.empty()) return o.str() + "}\n";
  const Node& from = paths.front().path.nodes.front();
  const Node& to = paths.front().path.nodes.back();
  auto node_line = [&](const std::string& id, const Node& n, bool endpoint) {
    const std::string kind = n.labels.empty() ? "node" : n.labels.front();
    o << "  " << id << " [label=" << DotQuote(NodeName(n)) << ", fillcolor=\"" << KindFill(n)
      << "\", tooltip=" << DotQuote(kind + " " + std::to_string(n.id));
    if (endpoint) o << ", penwidth=3, color=\"#bf3989\", fontsize=14";
    o << "];\n";
  };
  const bool lanes = paths.size() > 1;
  const std::string from_id = "n" + std::to_string(from.id), to_id = "n" + std::to_string(to.id);
  node_line(from_id, from, true);
  node_line(to_id, to, true);
  o << "  { rank=min; " << from_id << "; }\n  { rank=max; " << to_id << "; }\n";
  for (size_t p = 0; p < paths.size(); ++p) {
    const Path& path = paths[p].path;
    auto id_of = [&](size_t i) {
      if (i == 0) return from_id;
      if (i + 1 == path.nodes.size()) return to_id;
      const std::string base = "n" + std::to_string(path.nodes[i].id);
      return lanes ? base + "_p" + std::to_string(p + 1) : base;
    };
    if (lanes) {
      o << "  subgraph cluster_p" << p + 1 << " {\n    label="
        << DotQuote("path " + std::to_string(p + 1) + " · " +
                    std::to_string(path.relationships.size()) + " hop" +
                    (path.relationships.size() == 1 ? "" : "s"))
        << "; fontname=Helvetica; fontsize=10; fontcolor=\"#656d76\"; style=dashed; "
           "color=\"#d0d7de\";\n  ";
    }
    for (size_t i = 1; i + 1 < path.nodes.size(); ++i) node_line(id_of(i), path.nodes[i], false);
    if (lanes) o << "  }\n";
    for (size_t i = 0; i < path.relationships.size(); ++i) {
      const Relationship& r = path.relationships[i];
      const bool forward = r.start == path.nodes[i].id;
      std::string label = r.type;
      if (auto m = r.properties.find("modality");
          m != r.properties.end() && m->second.is_string() && m->second.as_string() != "actual") {
        label += " (" + m->second.as_string() + ")";
      }
      const serve::DateSpan dates = serve::RelationshipDates(r);
      if (dates.first) {
        label += "\n" + *dates.first + (*dates.last != *dates.first ? " – " + *dates.last : "");
      }
      if (i < paths[p].evidence.size() && !paths[p].evidence[i].empty()) {
        const size_t n = paths[p].evidence[i].size();
        label += "\n" + std::to_string(n) + (n == 1 ? " sentence" : " sentences");
      }
      o << "  " << id_of(i) << " -> " << id_of(i + 1) << " [label=" << DotQuote(label);
      if (!forward) o << ", dir=back";
      o << "];\n";
    }
  }
  o << "}\n";
  return o.str();
}

nlohmann::json ToJson(const std::vector<PathResult>& paths) {
  nlohmann::json out = {{"paths", nlohmann::json::array()}};
  for (const PathResult& p : paths) {
    nlohmann::json jp = {{"length", p.path.relationships.size()}, {"cost", p.cost}};
    jp["nodes"] = nlohmann::json::array();
    for (const Node& n : p.path.nodes) {
      jp["nodes"].push_back({{"id", n.id}, {"name", NodeName(n)}, {"labels", n.labels}});
    }
    jp["relationships"] = nlohmann::json::array();
    for (size_t i = 0; i < p.path.relationships.size(); ++i) {
      const Relationship& r = p.path.relationships[i];
      nlohmann::json ev = nlohmann::json::array();
      for (const Evidence& e : i < p.evidence.size() ? p.evidence[i] : std::vector<Evidence>{}) {
        const Article& a = p.articles.at(e.article);
        ev.push_back(
            {{"sentence", e.sentence},
             {"modality", e.modality},
             {"date", e.date},
             {"article",
              {{"id", a.id}, {"title", a.title}, {"source", a.source}, {"date", a.date}}}});
      }
      jp["relationships"].push_back({{"id", r.id},
                                     {"type", r.type},
                                     {"start", r.start},
                                     {"end", r.end},
                                     {"properties", nlohmann::json::parse(MapToJson(r.properties))},
                                     {"evidence", ev}});
    }
    out["paths"].push_back(std::move(jp));
  }
  return out;
}

void PrintTable(const std::vector<PathResult>& paths, bool explain, bool weighted) {
  for (size_t k = 0; k < paths.size(); ++k) {
    const PathResult& p = paths[k];
    size_t hops = p.path.relationships.size();
    std::cout << "Path " << k + 1 << " of " << paths.size() << ": " << hops
              << (hops == 1 ? " hop" : " hops");
    if (weighted) std::cout << ", cost " << p.cost;
    std::cout << "\n  " << DescribeNode(p.path.nodes[0]) << "\n";
    for (size_t i = 0; i < hops; ++i) {
      const Relationship& r = p.path.relationships[i];
      const Node& next = p.path.nodes[i + 1];
      bool forward = r.end == next.id && r.start == p.path.nodes[i].id;
      std::cout << "    " << (forward ? "-[:" : "<-[:") << r.type << (forward ? "]-> " : "]- ")
                << DescribeNode(next) << "\n";
      if (!explain) continue;
      if (p.evidence[i].empty()) std::cout << "        (no evidence recorded)\n";
      for (const Evidence& e : p.evidence[i]) {
        const Article& a = p.articles.at(e.article);
        std::cout << "        \"" << e.sentence << "\"\n          — " << a.title;
        std::string meta = a.source;
        if (!a.date.empty()) meta += (meta.empty() ? "" : ", ") + a.date;
        if (!e.modality.empty() && e.modality != "actual")
          meta += (meta.empty() ? "" : ", ") + e.modality;
        if (!meta.empty()) std::cout << " (" << meta << ")";
        std::cout << "\n";
      }
    }
    if (k + 1 < paths.size()) std::cout << "\n";
  }
}

// Runs `dot -Tsvg -o file` with `dot_text` on its standard input.
Status RenderSvg(const std::string& dot_text, const std::string& file) {
  int fds[2];
  if (pipe(fds) != 0) return Status::IOError("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  std::string out_arg = "-o" + file;
  const char* argv[] = {"dot", "-Tsvg", out_arg.c_str(), nullptr};
  pid_t pid;
  int rc = posix_spawnp(&pid, "dot", &actions, nullptr, const_cast<char**>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (rc != 0) {
    close(fds[1]);
    return Status::IOError("cannot run graphviz 'dot' to render " + file +
                           " (is graphviz installed?)");
  }
  size_t done = 0;
  while (done < dot_text.size()) {
    ssize_t n = write(fds[1], dot_text.data() + done, dot_text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(fds[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::IOError("graphviz 'dot' failed to write " + file);
  }
  return Status::OK();
}

int RunPath(GlobalOptions& g, const PathArgs& a) {
  if (a.format != "table" && a.format != "json" && a.format != "dot") {
    return ReportError("--format: unknown format '" + a.format + "' (expected table, json or dot)",
                       kExitBadInput);
  }
  if (a.all && (a.k > 0 || !a.weighted.empty())) {
    return ReportError("--all cannot be combined with --k or --weighted", kExitBadInput);
  }
  if (a.max_hops == 0 || a.max_hops > 64) {
    return ReportError("--max-hops must be between 1 and 64", kExitBadInput);
  }
  PathOptions q;
  q.filter.types = SplitList(a.types);
  q.filter.allow_labels = SplitList(a.labels);
  q.filter.avoid_labels = SplitList(a.avoid);
  q.filter.directed = a.directed;
  q.filter.max_hops = a.max_hops;
  q.filter.include_undated = a.include_undated;
  q.limit = a.limit;
  q.weight = a.weighted;
  q.with_evidence = a.explain || a.format == "json" || a.format == "dot" || !a.svg.empty();
  for (auto [option, text, bound] : {std::tuple{"--since", &a.since, &q.filter.since},
                                     std::tuple{"--until", &a.until, &q.filter.until}}) {
    if (text->empty()) continue;
    auto d = ParseDateBound(*text, option);
    if (!d.ok()) return ReportError(d.status());
    *bound = *d;
  }
  if (a.all) {
    q.mode = PathMode::kAllShortest;
  } else if (a.k > 0) {
    q.mode = PathMode::kKShortest;
    q.k = a.k;
  } else if (!a.weighted.empty()) {
    q.mode = PathMode::kWeighted;
  }

  auto db = OpenDatabase(g, false);
  if (!db) return g.exit_code;
  auto reader = db->NewReader();
  auto from = ResolveNode(*reader, a.from);
  if (!from.ok()) return ReportError(from.status().WithContext("FROM").message(), kExitBadInput);
  auto to = ResolveNode(*reader, a.to);
  if (!to.ok()) return ReportError(to.status().WithContext("TO").message(), kExitBadInput);
  PathAnswer answer;
  if (Status st = FindPaths(*reader, *from, *to, q, &answer); !st.ok()) return ReportError(st);
  const std::vector<PathResult>& paths = answer.paths;
  if (q.filter.has_window() && !q.filter.include_undated && !g.quiet) {
    // Undated relationships never pass a window: say when they would have changed the answer.
    PathOptions with_undated = q;
    with_undated.filter.include_undated = true;
    with_undated.with_evidence = false;
    PathAnswer other;
    if (FindPaths(*reader, *from, *to, with_undated, &other).ok() && !other.paths.empty() &&
        (paths.empty() || other.paths[0].cost < paths[0].cost)) {
      std::cerr << "pactgraph: note: undated relationships were left out by the date window; "
                << "with --include-undated there is a path of "
                << other.paths[0].path.relationships.size() << " hops\n";
    }
  }
  if (paths.empty()) {
    Node from_node, to_node;
    (void)reader->GetNode(*from, &from_node);
    (void)reader->GetNode(*to, &to_node);
    std::string why = "no path from " + DescribeNode(from_node) + " to " + DescribeNode(to_node) +
                      " within " + std::to_string(a.max_hops) + " hops";
    if (!q.filter.types.empty()) why += " using types " + a.types;
    if (q.filter.has_window()) why += " in the date window";
    if (a.directed) why += " following direction";
    std::cerr << "pactgraph: " << why << "\n";
    return kExitNoResult;
  }
  if (a.format == "json") {
    std::cout << ToJson(paths).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else if (a.format == "dot") {
    std::cout << ToDot(paths);
  } else {
    PrintTable(paths, a.explain, !a.weighted.empty());
  }
  if (answer.truncated && !g.quiet) {
    std::cerr << "pactgraph: more than " << a.limit << " shortest paths; showing the first "
              << a.limit << " (raise --limit)\n";
  }
  if (!a.svg.empty()) {
    if (Status rs = RenderSvg(ToDot(paths), a.svg); !rs.ok()) return ReportError(rs);
  }
  return kExitOk;
}

CommandRegistration path_cmd(50, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<PathArgs>();
  auto* sub = app.add_subcommand("path", "How two actors are connected, hop by hop, with evidence");
  sub->add_option("from", a->from, "Name, alias or id of the first node")->required();
  sub->add_option("to", a->to, "Name, alias or id of the second node")->required();
  sub->add_option("--types", a->types, "Relationship types to follow, comma-separated")
      ->type_name("T1,T2");
  sub->add_option("--labels", a->labels, "Only pass through nodes with one of these labels");
  sub->add_option("--avoid", a->avoid, "Never pass through nodes with these labels");
  sub->add_option("--max-hops", a->max_hops, "Longest path considered")->capture_default_str();
  sub->add_option("--weighted", a->weighted,
                  "Cheapest path by a numeric relationship property (e.g. weight), or by "
                  "'evidence' (well-attested ties are cheap) or 'recency'")
      ->type_name("PROP");
  sub->add_option("--k", a->k, "The K shortest loopless paths (Yen)");
  sub->add_flag("--all", a->all, "Every shortest path");
  sub->add_option("--limit", a->limit, "At most this many paths with --all")->capture_default_str();
  sub->add_option("--since", a->since, "Only relationships dated on or after DATE")
      ->type_name("DATE");
  sub->add_option("--until", a->until, "Only relationships dated on or before DATE")
      ->type_name("DATE");
  sub->add_flag("--include-undated", a->include_undated,
                "With --since/--until: relationships without a date pass the window too");
  sub->add_flag("--directed", a->directed, "Follow relationships only in their direction");
  sub->add_flag("--explain", a->explain, "Show the evidence sentences and articles of each hop");
  sub->add_option("--format", a->format, "table | json | dot")->capture_default_str();
  sub->add_option("--svg", a->svg, "Also render the path(s) as an SVG picture (graphviz)")
      ->type_name("FILE");
  sub->footer(
      "Examples:\n"
      "  pactgraph path Kenya Japan --explain\n"
      "  pactgraph path Kenya Japan --types MOU,COOPERATION --max-hops 4 --all\n"
      "  pactgraph path Kenya Japan --weighted evidence --k 3 --format json\n"
      "  pactgraph path Kenya Japan --since 2024-01-01 --include-undated --svg kenya-japan.svg\n"
      "Exit codes: 0 found, 1 no path, 2 bad input (unknown or ambiguous name, bad option).");
  sub->callback([&g, a] { g.exit_code = RunPath(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools

// `pactgraph algo NAME`: whole-graph algorithms (degree, components, PageRank, betweenness,
// communities, k-core) on a compressed-sparse-row copy of the database.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "pactgraph/algorithms.h"
#include "tools/command.h"

namespace pactgraph::tools {
namespace {

struct AlgoArgs {
  std::string name, types, labels, since, until, direction = "both", format = "table";
  bool directed = false, normalized = false, include_undated = false;
  double damping = 0.85, tolerance = 0;
  uint32_t iterations = 20, samples = 256;
  uint64_t seed = 42;
  size_t limit = 20;
};

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

bool Grouping(const std::string& name) {
  return name == "wcc" || name == "scc" || name == "community";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

int RunAlgo(GlobalOptions& g, const AlgoArgs& a) {
  if (a.format != "table" && a.format != "json" && a.format != "csv") {
    return ReportError("--format: unknown format '" + a.format + "' (expected table, json or csv)",
                       kExitBadInput);
  }
  if (std::find(AlgorithmNames().begin(), AlgorithmNames().end(), a.name) ==
      AlgorithmNames().end()) {
    std::string known;
    for (const auto& n : AlgorithmNames()) known += (known.empty() ? "" : ", ") + n;
    return ReportError("unknown algorithm '" + a.name + "' (known: " + known + ")", kExitBadInput);
  }
  AlgorithmOptions o;
  o.filter.types = Split(a.types);
  o.filter.allow_labels = Split(a.labels);
  o.filter.directed = a.directed;
  o.filter.include_undated = a.include_undated;
  for (auto [opt, text, dst] : {std::tuple{"--since", &a.since, &o.filter.since},
                                std::tuple{"--until", &a.until, &o.filter.until}}) {
    if (text->empty()) continue;
    auto d = ParseDateBound(*text, opt);
    if (!d.ok()) return ReportError(d.status());
    *dst = *d;
  }
  o.direction = a.direction;
  o.damping = a.damping;
  o.iterations = a.iterations;
  o.tolerance = a.tolerance;
  o.samples = a.samples;
  o.seed = a.seed;
  o.normalized = a.normalized;

  auto db = OpenDatabase(g, false);
  if (!db) return g.exit_code;
  auto reader = db->NewReader();
  ProgressBar bar(a.name + " (sources)", !g.quiet);
  o.progress = [&bar](uint64_t done, uint64_t total) { bar.Update(done, total); };
  auto t0 = std::chrono::steady_clock::now();
  AlgorithmResult res;
  Status run = RunAlgorithm(*reader, a.name, o, &res);
  bar.Finish();
  if (!run.ok()) return ReportError(run);
  auto t1 = std::chrono::steady_clock::now();
  if (res.undated_left_out > 0 && !g.quiet) {
    std::cerr << "pactgraph: note: the date window left out " << res.undated_left_out
              << " undated relationship" << (res.undated_left_out == 1 ? "" : "s")
              << " (--include-undated keeps them)\n";
  }

  // Rows: positions into res.nodes, best first (groups: biggest group first).
  std::vector<size_t> rows(res.nodes.size());
  std::map<double, uint64_t> group_size;
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i] = i;
    ++group_size[res.values[i]];
  }
  const bool grouping = Grouping(a.name);
  std::stable_sort(rows.begin(), rows.end(), [&](size_t x, size_t y) {
    double vx = res.values[x], vy = res.values[y];
    if (grouping && group_size[vx] != group_size[vy]) return group_size[vx] > group_size[vy];
    if (grouping) return vx < vy;
    return vx > vy;
  });
  const size_t total = rows.size();
  if (a.limit > 0 && rows.size() > a.limit) rows.resize(a.limit);

  nlohmann::json out = {{"algorithm", a.name}, {"nodes", total}, {"rows", nlohmann::json::array()}};
  if (grouping) out["groups"] = res.groups;
  if (a.name == "kcore") out["max_core"] = res.groups;
  if (a.name == "betweenness") out["sampled"] = res.sampled;
  if (a.name == "pagerank" || a.name == "community") out["iterations"] = res.iterations;
  if (o.filter.has_window()) out["undated_left_out"] = res.undated_left_out;
  if (a.format == "table") {
    std::cout << a.name << ": " << total << " nodes";
    if (grouping) std::cout << ", " << res.groups << " groups";
    if (a.name == "kcore") std::cout << ", largest core " << res.groups;
    if (res.sampled) std::cout << " (sampled " << a.samples << " sources)";
    if (!g.quiet) {
      auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
      std::printf(" [%.1f ms]", ms(t1 - t0));
    }
    std::cout << "\n";
    std::printf("%-10s %-40s %s\n", "id", "name", grouping ? "group (size)" : "value");
  } else if (a.format == "csv") {
    std::cout << "id,name,labels,value" << (grouping ? ",group_size" : "") << "\n";
  }
  for (size_t row : rows) {
    Node n;
    if (Status st = reader->GetNode(res.nodes[row], &n); !st.ok()) return ReportError(st);
    double value = res.values[row];
    std::string labels;
    for (const auto& l : n.labels) labels += (labels.empty() ? "" : ":") + l;
    if (a.format == "json") {
      nlohmann::json row = {
          {"id", n.id}, {"name", NodeName(n)}, {"labels", n.labels}, {"value", value}};
      if (grouping) row["group_size"] = group_size[value];
      out["rows"].push_back(std::move(row));
    } else if (a.format == "csv") {
      std::cout << n.id << "," << CsvField(NodeName(n)) << "," << CsvField(labels) << "," << value;
      if (grouping) std::cout << "," << group_size[value];
      std::cout << "\n";
    } else {
      char buf[64];
      if (grouping) {
        std::snprintf(buf, sizeof buf, "%.0f (%llu)", value,
                      static_cast<unsigned long long>(group_size[value]));
      } else {
        std::snprintf(buf, sizeof buf, "%.6g", value);
      }
      std::printf("%-10llu %-40s %s\n", static_cast<unsigned long long>(n.id), NodeName(n).c_str(),
                  buf);
    }
  }
  if (a.format == "json")
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return kExitOk;
}

CommandRegistration algo_cmd(51, [](CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<AlgoArgs>();
  auto* sub = app.add_subcommand(
      "algo", "Graph algorithms: degree, wcc, scc, pagerank, betweenness, community, kcore");
  sub->add_option("name", a->name,
                  "degree | wcc | scc | pagerank | betweenness | community | kcore")
      ->required();
  sub->add_option("--types", a->types, "Relationship types to use, comma-separated")
      ->type_name("T1,T2");
  sub->add_option("--labels", a->labels, "Only nodes with one of these labels take part");
  sub->add_option("--since", a->since, "Only relationships dated on or after DATE");
  sub->add_option("--until", a->until, "Only relationships dated on or before DATE");
  sub->add_flag("--include-undated", a->include_undated,
                "With --since/--until: keep relationships that carry no date");
  sub->add_flag("--directed", a->directed, "Respect relationship direction");
  sub->add_option("--direction", a->direction, "degree: out | in | both")->capture_default_str();
  sub->add_option("--damping", a->damping, "pagerank: damping factor")->capture_default_str();
  sub->add_option("--iterations", a->iterations, "pagerank, community: rounds")
      ->capture_default_str();
  sub->add_option("--tolerance", a->tolerance, "pagerank: stop when the L1 change is below");
  sub->add_option("--samples", a->samples, "betweenness: sources sampled on large graphs")
      ->capture_default_str();
  sub->add_flag("--normalized", a->normalized, "betweenness: divide by the number of pairs");
  sub->add_option("--seed", a->seed, "Random seed (sampling, community order)")
      ->capture_default_str();
  sub->add_option("--limit", a->limit, "Rows shown (0: all)")->capture_default_str();
  sub->add_option("--format", a->format, "table | json | csv")->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  pactgraph algo pagerank --limit 10\n"
      "  pactgraph algo wcc --types MOU,COOPERATION --format json\n"
      "  pactgraph algo betweenness --since 2020-01-01 --samples 500");
  sub->callback([&g, a] { g.exit_code = RunAlgo(g, *a); });
});

}  // namespace
}  // namespace pactgraph::tools

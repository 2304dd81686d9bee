// benchmarks/driver/report.cpp — JSON and table renderings of a BenchReport.
#include <cmath>
#include <cstdio>

#include "benchmarks/driver/driver.h"

namespace pactgraph::bench {
namespace {

std::string Fixed(double v, int digits) {
  if (std::isnan(v)) return "-";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// A short rendering of an answer for the table: long lists are cut.
std::string Short(const nlohmann::json& a) {
  if (a.is_array() && a.size() > 6) {
    std::string s = "[";
    for (size_t i = 0; i < 5; ++i) s += a[i].dump() + ", ";
    return s + "... " + std::to_string(a.size()) + " values]";
  }
  return a.dump();
}

std::string Pad(const std::string& s, size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

}  // namespace

nlohmann::json BenchReport::ToJson() const {
  nlohmann::json j;
  j["system"] = "pactgraph";
  j["version"] = version;
  j["dataset"] = dataset_dir;
  j["nodes"] = nodes;
  j["relationships"] = relationships;
  j["repeat"] = repeat;
  auto& m = j["metrics"];
  m["load_s"] = load_s;
  m["load_cpu_s"] = load_cpu_s;
  m["open_s"] = open_s;
  j["latency"] = nlohmann::json::object();
  j["answers"] = nlohmann::json::object();
  j["unavailable"] = nlohmann::json::object();
  for (const Metric& x : metrics) {
    if (!x.available) {
      j["unavailable"][x.name] = x.note;
      continue;
    }
    m[x.name + "_s"] = x.total_s;
    if (!std::isnan(x.cpu_s)) m[x.name + "_cpu_s"] = x.cpu_s;
    if (!x.latencies_us.empty()) {
      j["latency"][x.name] = {{"p50_us", x.Percentile(0.50)},
                              {"p99_us", x.Percentile(0.99)},
                              {"queries", x.latencies_us.size() / repeat}};
    }
    j["answers"][x.name] = x.answer;
    if (x.name == "extract" && x.answer.contains("bytes") && x.total_s > 0) {
      m["extract_mb_s"] = x.answer["bytes"].get<double>() / 1e6 / x.total_s;
    }
  }
  m["peak_rss_mb"] = peak_rss_mb;
  m["disk_bytes"] = disk_bytes;
  return j;
}

std::string BenchReport::ToTable() const {
  std::string out = "pactgraph " + version + " on " + dataset_dir + ": " + std::to_string(nodes) +
                    " nodes, " + std::to_string(relationships) + " relationships, repeat " +
                    std::to_string(repeat) + "\n\n";
  out += Pad("metric", 18) + Pad("total_s", 11) + Pad("cpu_s", 11) + Pad("p50_us", 11) +
         Pad("p99_us", 11) + "answer\n";
  out += Pad("load", 18) + Pad(Fixed(load_s, 3), 11) + Pad(Fixed(load_cpu_s, 3), 11) +
         Pad("-", 11) + Pad("-", 11) + "\n";
  out += Pad("open", 18) + Pad(Fixed(open_s, 3), 11) + Pad("-", 11) + Pad("-", 11) + Pad("-", 11) +
         "(cold reopen)\n";
  for (const Metric& x : metrics) {
    if (!x.available) {
      out += Pad(x.name, 18) + "unavailable: " + x.note + "\n";
      continue;
    }
    out += Pad(x.name, 18) + Pad(Fixed(x.total_s, 3), 11) + Pad(Fixed(x.cpu_s, 3), 11) +
           Pad(Fixed(x.Percentile(0.5), 1), 11) + Pad(Fixed(x.Percentile(0.99), 1), 11) +
           Short(x.answer) + "\n";
  }
  out += "\npeak memory " + Fixed(peak_rss_mb, 1) + " MB (ru_maxrss), disk " +
         Fixed(static_cast<double>(disk_bytes) / 1e6, 1) + " MB\n";
  for (const Metric& x : metrics) {
    if (x.available && !x.note.empty()) out += x.name + ": " + x.note + "\n";
  }
  return out;
}

}  // namespace pactgraph::bench

// benchmarks/driver/queries.cpp — reading and checking queries.json (see dataset.h).
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "benchmarks/driver/dataset.h"

namespace pactgraph::bench {
namespace {

using nlohmann::json;

// "path:line:column" of byte offset `pos` (1-based; nlohmann reports the offset just past the
// offending character).
std::string Where(const std::string& path, const std::string& text, size_t pos) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i + 1 < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return path + ":" + std::to_string(line) + ":" + std::to_string(column);
}

Status Bad(const std::string& path, const std::string& where, const std::string& what) {
  return Status::InvalidArgument(path + ": " + where + ": " + what);
}

Status ReadId(const json& v, uint64_t node_count, const std::string& path, const std::string& where,
              uint64_t* out) {
  if (!v.is_number_unsigned()) {
    return Bad(path, where, "expected a node id (a non-negative integer), got " + v.dump());
  }
  *out = v.get<uint64_t>();
  if (*out < 1 || *out > node_count) {
    return Bad(path, where,
               "node id " + std::to_string(*out) + " is not in nodes.csv (ids 1.." +
                   std::to_string(node_count) + ")");
  }
  return Status::OK();
}

}  // namespace

Status ReadQueries(const std::string& path, uint64_t node_count, BenchQueries* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    std::string msg = e.what();
    if (auto p = msg.find("syntax error"); p != std::string::npos) msg = msg.substr(p);
    return Status::InvalidArgument(Where(path, text, e.byte) + ": " + msg);
  }
  if (!doc.is_object()) return Bad(path, "top level", "expected a JSON object");
  for (const char* key : {"lookup_names", "hop_ids", "hop2_count", "sp_pairs"}) {
    if (!doc.contains(key)) return Bad(path, "top level", std::string("missing \"") + key + "\"");
  }
  *out = BenchQueries();
  const json& names = doc["lookup_names"];
  if (!names.is_array()) return Bad(path, "lookup_names", "expected an array of names");
  for (size_t i = 0; i < names.size(); ++i) {
    if (!names[i].is_string()) {
      return Bad(path, "lookup_names[" + std::to_string(i) + "]", "expected a string");
    }
    out->lookup_names.push_back(names[i].get<std::string>());
  }
  const json& hops = doc["hop_ids"];
  if (!hops.is_array()) return Bad(path, "hop_ids", "expected an array of node ids");
  for (size_t i = 0; i < hops.size(); ++i) {
    uint64_t id;
    PG_RETURN_IF_ERROR(
        ReadId(hops[i], node_count, path, "hop_ids[" + std::to_string(i) + "]", &id));
    out->hop_ids.push_back(id);
  }
  const json& k = doc["hop2_count"];
  if (!k.is_number_unsigned() || k.get<uint64_t>() > hops.size()) {
    return Bad(path, "hop2_count",
               "expected an integer between 0 and the number of hop_ids (" +
                   std::to_string(hops.size()) + "), got " + k.dump());
  }
  out->hop2_count = k.get<uint32_t>();
  const json& pairs = doc["sp_pairs"];
  if (!pairs.is_array()) return Bad(path, "sp_pairs", "expected an array of [src, dst] pairs");
  for (size_t i = 0; i < pairs.size(); ++i) {
    const std::string where = "sp_pairs[" + std::to_string(i) + "]";
    if (!pairs[i].is_array() || pairs[i].size() != 2) {
      return Bad(path, where, "expected a pair [src, dst], got " + pairs[i].dump());
    }
    uint64_t a, b;
    PG_RETURN_IF_ERROR(ReadId(pairs[i][0], node_count, path, where + "[0]", &a));
    PG_RETURN_IF_ERROR(ReadId(pairs[i][1], node_count, path, where + "[1]", &b));
    out->sp_pairs.emplace_back(a, b);
  }
  return Status::OK();
}

}  // namespace pactgraph::bench

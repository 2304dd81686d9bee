#include "engine/io/graph_export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "engine/io/graph_import.h"
#include "util/value_json.h"

namespace pactgraph::io {
namespace {

std::string FloatText(double d) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string DotEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string NameOf(const Node& n) {
  auto it = n.properties.find("name");
  return it != n.properties.end() && it->second.is_string() ? it->second.as_string() : "";
}

nlohmann::json PropsJson(const ValueMap& m, const char* skip) {
  nlohmann::json j = nlohmann::json::parse(MapToJson(m));
  if (skip) j.erase(skip);
  return j;
}

Status WriteJson(const Snapshot& s, std::ostream& out) {
  nlohmann::json doc;
  doc["nodes"] = nlohmann::json::array();
  doc["edges"] = nlohmann::json::array();
  for (const auto& n : s.nodes) {
    nlohmann::json j;
    if (s.external.count(n.id)) {
      j["id"] = s.number.at(n.id);
    } else {
      j["id"] = n.id;
    }
    j["name"] = NameOf(n);
    if (n.labels.size() == 1) {
      j["kind"] = LabelToKind(n.labels[0]);
    } else {
      j["labels"] = n.labels;
    }
    j["properties"] = PropsJson(n.properties, "name");
    doc["nodes"].push_back(std::move(j));
  }
  for (const auto& r : s.rels) {
    nlohmann::json j;
    for (auto [key, node] : {std::pair{"src", r.start}, std::pair{"dst", r.end}}) {
      if (s.external.count(node)) {
        j[key] = s.number.at(node);
      } else {
        j[key] = node;
      }
    }
    j["type"] = TypeToCsv(r.type);
    j["properties"] = PropsJson(r.properties, nullptr);
    doc["edges"].push_back(std::move(j));
  }
  out << doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return out ? Status::OK() : Status::IOError("write failed");
}

std::string GraphmlType(const Value& v) {
  switch (v.type()) {
    case Value::Type::kBool:
      return "boolean";
    case Value::Type::kInt:
      return "long";
    case Value::Type::kFloat:
      return "double";
    default:
      return "string";
  }
}

std::string GraphmlText(const Value& v) {
  switch (v.type()) {
    case Value::Type::kString:
      return v.as_string();
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      return TemporalExportText(v);
    case Value::Type::kFloat:
      return FloatText(v.as_float());
    case Value::Type::kList:
    case Value::Type::kMap:
      return v.ToJson();
    default:
      return v.ToString();
  }
}

Status WriteGraphml(const Snapshot& s, std::ostream& out) {
  // One key per (domain, property): the first value seen fixes its declared type.
  std::map<std::string, std::string> node_keys, edge_keys;
  for (const auto& n : s.nodes)
    for (const auto& [k, v] : n.properties) node_keys.emplace(k, GraphmlType(v));
  for (const auto& r : s.rels)
    for (const auto& [k, v] : r.properties) edge_keys.emplace(k, GraphmlType(v));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
         "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n";
  for (const auto& [k, t] : node_keys) {
    out << "  <key id=\"n_" << XmlEscape(k) << "\" for=\"node\" attr.name=\"" << XmlEscape(k)
        << "\" attr.type=\"" << t << "\"/>\n";
  }
  for (const auto& [k, t] : edge_keys) {
    out << "  <key id=\"e_" << XmlEscape(k) << "\" for=\"edge\" attr.name=\"" << XmlEscape(k)
        << "\" attr.type=\"" << t << "\"/>\n";
  }
  out << "  <graph id=\"pactgraph\" edgedefault=\"directed\">\n";
  for (const auto& n : s.nodes) {
    std::string labels;
    for (const auto& l : n.labels) labels += ":" + l;
    out << "    <node id=\"n" << XmlEscape(s.number.at(n.id)) << "\"><data key=\"labels\">"
        << XmlEscape(labels) << "</data>";
    for (const auto& [k, v] : n.properties) {
      out << "<data key=\"n_" << XmlEscape(k) << "\">" << XmlEscape(GraphmlText(v)) << "</data>";
    }
    out << "</node>\n";
  }
  uint64_t e = 0;
  for (const auto& r : s.rels) {
    out << "    <edge id=\"e" << ++e << "\" source=\"n" << XmlEscape(s.number.at(r.start))
        << "\" target=\"n" << XmlEscape(s.number.at(r.end)) << "\"><data key=\"type\">"
        << XmlEscape(r.type) << "</data>";
    for (const auto& [k, v] : r.properties) {
      out << "<data key=\"e_" << XmlEscape(k) << "\">" << XmlEscape(GraphmlText(v)) << "</data>";
    }
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  return out ? Status::OK() : Status::IOError("write failed");
}

// n<id>, quoted when the id is not a plain word.
std::string DotId(const std::string& id) {
  bool plain = std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  return plain ? "n" + id : "\"n" + DotEscape(id) + "\"";
}

Status WriteDot(const Snapshot& s, std::ostream& out) {
  out << "digraph pactgraph {\n  node [shape=box, style=rounded];\n";
  for (const auto& n : s.nodes) {
    std::string label = NameOf(n);
    if (!n.labels.empty()) label += "\n(" + n.labels[0] + ")";
    out << "  " << DotId(s.number.at(n.id)) << " [label=\"" << DotEscape(label) << "\"];\n";
  }
  for (const auto& r : s.rels) {
    out << "  " << DotId(s.number.at(r.start)) << " -> " << DotId(s.number.at(r.end))
        << " [label=\"" << DotEscape(r.type) << "\"];\n";
  }
  out << "}\n";
  return out ? Status::OK() : Status::IOError("write failed");
}

}  // namespace

}  // namespace pactgraph::io

namespace pactgraph {

// The public entry points (pactgraph/import_export.h) below use this file's helpers.
using namespace io;  // NOLINT(google-build-using-namespace)

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "dot") return ExportFormat::kDot;
  if (name == "neo4j") return ExportFormat::kNeo4j;
  return Status::InvalidArgument("unknown export format '" + std::string(name) +
                                 "' (expected json, csv, neo4j, graphml or dot)");
}

}  // namespace pactgraph

namespace pactgraph::io {

Status Collect(const GraphReader& r, Snapshot* s) {
  std::vector<NodeId> ids;
  PG_RETURN_IF_ERROR(r.ScanNodes("", [&](NodeId id) {
    ids.push_back(id);
    return true;
  }));
  s->nodes.resize(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) PG_RETURN_IF_ERROR(r.GetNode(ids[i], &s->nodes[i]));
  // The id each node is written with: its external_id (what the file it came from called
  // it), else its node id. A node id comes first: an external_id that another node's id
  // already spells (an import beside ingested nodes) gives way to the node's own id.
  std::unordered_map<std::string, NodeId> taken;  // file id -> node
  std::vector<std::string> external(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    Node& n = s->nodes[i];
    if (auto it = n.properties.find("external_id"); it != n.properties.end()) {
      if (it->second.is_string() && !it->second.as_string().empty()) {
        external[i] = it->second.as_string();
        n.properties.erase(it);
      }
    }
    if (external[i].empty() || external[i] == std::to_string(n.id)) {
      external[i].clear();
      taken.emplace(std::to_string(n.id), n.id);
    }
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    const Node& n = s->nodes[i];
    std::string file_id = std::to_string(n.id);
    if (!external[i].empty()) {
      if (taken.emplace(external[i], n.id).second) {
        file_id = external[i];
        s->external.insert(n.id);
      } else if (!taken.emplace(file_id, n.id).second) {
        return Status::InvalidArgument("nodes " + std::to_string(taken.at(file_id)) + " and " +
                                       file_id + " would both be written with the id '" + file_id +
                                       "'; change one external_id with SET");
      }
    }
    s->number[n.id] = std::move(file_id);
  }
  // Nodes written with their own ids first (ascending), then those written with an
  // external_id (in id order): the order an import gives them back (kept ids, then new ids
  // in file order), so export -> import -> export is identical.
  std::stable_partition(s->nodes.begin(), s->nodes.end(),
                        [&](const Node& n) { return !s->external.count(n.id); });
  std::vector<RelId> rel_ids;
  PG_RETURN_IF_ERROR(r.ScanRelationships([&](const RelEndpoints& e) {
    rel_ids.push_back(e.id);
    return true;
  }));
  s->rels.resize(rel_ids.size());
  for (size_t i = 0; i < rel_ids.size(); ++i) {
    PG_RETURN_IF_ERROR(r.GetRelationship(rel_ids[i], &s->rels[i]));
  }
  return Status::OK();
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos && !s.empty() && s.front() != ' ' &&
      s.back() != ' ') {
    return s;
  }
  if (s.empty()) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvCell(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return "";
    case Value::Type::kString:
      return v.as_string();
    case Value::Type::kFloat:
      return FloatText(v.as_float());
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      return TemporalExportText(v);
    case Value::Type::kList: {
      bool all_strings = true;
      for (const auto& e : v.as_list()) all_strings &= e.is_string();
      if (!all_strings) return v.ToJson();
      std::string out;
      for (const auto& e : v.as_list()) out += (out.empty() ? "" : ";") + e.as_string();
      return out;
    }
    case Value::Type::kMap:
      return v.ToJson();
    default:
      return v.ToString();
  }
}

}  // namespace pactgraph::io

namespace pactgraph {

Status ExportGraph(const GraphReader& reader, ExportFormat format, std::ostream& out) {
  Snapshot s;
  PG_RETURN_IF_ERROR(Collect(reader, &s));
  switch (format) {
    case ExportFormat::kJson:
      return WriteJson(s, out);
    case ExportFormat::kGraphml:
      return WriteGraphml(s, out);
    case ExportFormat::kDot:
      return WriteDot(s, out);
    case ExportFormat::kCsv:
    case ExportFormat::kNeo4j:
      return Status::InvalidArgument("CSV export writes two files: give a directory with --out");
  }
  return Status::Internal("unknown format");
}

}  // namespace pactgraph

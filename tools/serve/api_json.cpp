// JSON encodings of nodes, relationships, articles, evidence and values (see api_json.h).
#include "tools/serve/api_json.h"

#include <cmath>

#include "pactgraph/paths.h"

namespace pactgraph::tools::serve {
namespace {

std::optional<std::string> DateText(const ValueMap& props, const char* key) {
  auto it = props.find(key);
  if (it == props.end()) return std::nullopt;
  if (it->second.is_date()) return it->second.as_date().ToString();
  if (it->second.is_string() && !it->second.as_string().empty()) return it->second.as_string();
  return std::nullopt;
}

nlohmann::json OptionalText(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

nlohmann::json PropertiesJson(const ValueMap& props) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : props) out[k] = ValueJson(v);
  return out;
}

}  // namespace

nlohmann::json ValueJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return nullptr;
    case Value::Type::kBool:
      return v.as_bool();
    case Value::Type::kInt:
      return v.as_int();
    case Value::Type::kFloat:
      return std::isfinite(v.as_float()) ? nlohmann::json(v.as_float()) : nlohmann::json();
    case Value::Type::kString:
      return v.as_string();
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      return v.TemporalText();  // ISO text, as the other JSON writers give it
    case Value::Type::kList: {
      nlohmann::json out = nlohmann::json::array();
      for (const Value& item : v.as_list()) out.push_back(ValueJson(item));
      return out;
    }
    case Value::Type::kMap:
      return PropertiesJson(v.as_map());
    case Value::Type::kNode:
      return NodeFull(v.as_node());
    case Value::Type::kRel:
      return RelationshipJson(v.as_rel());
    case Value::Type::kPath: {
      nlohmann::json nodes = nlohmann::json::array(), rels = nlohmann::json::array();
      for (const Node& n : v.as_path().nodes) nodes.push_back(NodeFull(n));
      for (const Relationship& r : v.as_path().relationships) rels.push_back(RelationshipJson(r));
      return {{"nodes", nodes}, {"relationships", rels}};
    }
  }
  return nullptr;
}

nlohmann::json NodeBrief(const Node& node) {
  return {{"id", node.id},
          {"name", NodeName(node)},
          {"labels", node.labels},
          {"kind", node.labels.empty() ? std::string() : node.labels.front()}};
}

nlohmann::json NodeFull(const Node& node) {
  nlohmann::json out = NodeBrief(node);
  out["properties"] = PropertiesJson(node.properties);
  nlohmann::json aliases = nlohmann::json::array();
  if (auto it = node.properties.find("aliases");
      it != node.properties.end() && it->second.is_list()) {
    for (const Value& a : it->second.as_list()) {
      if (a.is_string()) aliases.push_back(a.as_string());
    }
  }
  out["aliases"] = aliases;
  return out;
}

DateSpan RelationshipDates(const Relationship& rel) {
  DateSpan span;
  span.first = DateText(rel.properties, "first_date");
  span.last = DateText(rel.properties, "last_date");
  if (!span.first && !span.last) span.first = span.last = DateText(rel.properties, "date");
  if (!span.first) span.first = span.last;
  if (!span.last) span.last = span.first;
  return span;
}

nlohmann::json RelationshipJson(const Relationship& rel) {
  const DateSpan dates = RelationshipDates(rel);
  nlohmann::json out = {{"id", rel.id},
                        {"type", rel.type},
                        {"start", rel.start},
                        {"end", rel.end},
                        {"first_date", OptionalText(dates.first)},
                        {"last_date", OptionalText(dates.last)},
                        {"modality", nullptr},
                        {"evidence_count", nullptr},
                        {"properties", PropertiesJson(rel.properties)}};
  if (auto it = rel.properties.find("modality");
      it != rel.properties.end() && it->second.is_string()) {
    out["modality"] = it->second.as_string();
  }
  if (auto it = rel.properties.find("evidence_count");
      it != rel.properties.end() && it->second.is_int()) {
    out["evidence_count"] = it->second.as_int();
  }
  return out;
}

nlohmann::json ArticleJson(const Article& a) {
  return {
      {"id", a.id}, {"title", a.title}, {"source", a.source}, {"date", a.date}, {"file", a.file}};
}

nlohmann::json EvidenceJson(const Evidence& e, const Article* article) {
  return {{"sentence", e.sentence},
          {"modality", e.modality},
          {"date", e.date},
          {"article_id", e.article},
          {"article", article != nullptr ? ArticleJson(*article) : nlohmann::json(nullptr)}};
}

}  // namespace pactgraph::tools::serve

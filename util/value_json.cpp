// Value <-> JSON: the one encoding of values in every JSON input and output of pactgraph.
#include "util/value_json.h"

#include <cmath>

namespace pactgraph {

nlohmann::json ValueToJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return nullptr;
    case Value::Type::kBool:
      return v.as_bool();
    case Value::Type::kInt:
      return v.as_int();
    case Value::Type::kFloat:
      if (!std::isfinite(v.as_float())) return nullptr;
      return v.as_float();
    case Value::Type::kString:
      return v.as_string();
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      return TemporalExportText(v);
    case Value::Type::kList: {
      auto a = nlohmann::json::array();
      for (const auto& e : v.as_list()) a.push_back(ValueToJson(e));
      return a;
    }
    case Value::Type::kMap:
      return ValueMapToJson(v.as_map());
    case Value::Type::kNode: {
      const Node& n = v.as_node();
      return {{"id", n.id}, {"labels", n.labels}, {"properties", ValueMapToJson(n.properties)}};
    }
    case Value::Type::kRel: {
      const Relationship& r = v.as_rel();
      return {{"id", r.id},
              {"type", r.type},
              {"start", r.start},
              {"end", r.end},
              {"properties", ValueMapToJson(r.properties)}};
    }
    case Value::Type::kPath: {
      const Path& p = v.as_path();
      auto nodes = nlohmann::json::array();
      auto rels = nlohmann::json::array();
      for (const auto& n : p.nodes) nodes.push_back(ValueToJson(Value(n)));
      for (const auto& r : p.relationships) rels.push_back(ValueToJson(Value(r)));
      return {{"nodes", nodes}, {"relationships", rels}};
    }
  }
  return nullptr;
}

std::string TemporalExportText(const Value& v) {
  std::string t = v.TemporalText();
  if (v.is_local_time() && t.size() == 5) t += ":00";
  return t;
}

nlohmann::json ValueMapToJson(const ValueMap& m) {
  auto o = nlohmann::json::object();
  for (const auto& [k, v] : m) o[k] = ValueToJson(v);
  return o;
}

Value JsonToValue(const nlohmann::json& j, bool iso_dates) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return Value();
    case nlohmann::json::value_t::boolean:
      return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value(j.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      uint64_t u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) return Value(static_cast<double>(u));
      return Value(static_cast<int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
      return Value(j.get<double>());
    case nlohmann::json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      if (iso_dates) {
        if (auto t = ParseTemporalText(s)) return *t;
      }
      return Value(s);
    }
    case nlohmann::json::value_t::array: {
      ValueList l;
      l.reserve(j.size());
      for (const auto& e : j) l.push_back(JsonToValue(e, iso_dates));
      return Value(std::move(l));
    }
    case nlohmann::json::value_t::object: {
      ValueMap m;
      for (auto it = j.begin(); it != j.end(); ++it)
        m[it.key()] = JsonToValue(it.value(), iso_dates);
      return Value(std::move(m));
    }
    default:  // binary and discarded values do not come out of the text parser
      return Value();
  }
}

std::string Value::ToJson() const {
  return ValueToJson(*this).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string MapToJson(const ValueMap& m) {
  return ValueMapToJson(m).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Value> Value::FromJson(std::string_view json, bool iso_dates) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Re-parse with exceptions for the position of the first error (rare path).
    try {
      nlohmann::json again = nlohmann::json::parse(json);
      (void)again;
    } catch (const nlohmann::json::parse_error& e) {
      return Status::InvalidArgument("invalid JSON at byte " + std::to_string(e.byte) + ": " +
                                     e.what());
    }
    return Status::InvalidArgument("invalid JSON");
  }
  return JsonToValue(j, iso_dates);
}

}  // namespace pactgraph

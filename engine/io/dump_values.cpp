#include "engine/io/dump_values.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "util/value_json.h"

namespace pactgraph::io {
namespace {

const char* TemporalTag(Value::Type t) {
  switch (t) {
    case Value::Type::kDate:
      return "$date";
    case Value::Type::kLocalTime:
      return "$localtime";
    case Value::Type::kTime:
      return "$time";
    case Value::Type::kLocalDateTime:
      return "$localdatetime";
    case Value::Type::kDateTime:
      return "$datetime";
    case Value::Type::kDuration:
      return "$duration";
    default:
      return nullptr;
  }
}

constexpr Value::Type kTemporalTypes[] = {Value::Type::kDate,     Value::Type::kLocalTime,
                                          Value::Type::kTime,     Value::Type::kLocalDateTime,
                                          Value::Type::kDateTime, Value::Type::kDuration};

void AppendFloat(std::string* out, double d) {
  if (std::isnan(d)) {
    out->append(R"({"$float":"NaN"})");
    return;
  }
  if (std::isinf(d)) {
    out->append(d > 0 ? R"({"$float":"Infinity"})" : R"({"$float":"-Infinity"})");
    return;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d);
  std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
  out->append(text);
  if (text.find_first_of(".e") == std::string_view::npos) out->append(".0");
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (u < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[u >> 4]);
          out->push_back(kHex[u & 15]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

Status AppendDumpValue(std::string* out, const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      out->append("null");
      return Status::OK();
    case Value::Type::kBool:
      out->append(v.as_bool() ? "true" : "false");
      return Status::OK();
    case Value::Type::kInt: {
      char buf[32];
      auto res = std::to_chars(buf, buf + sizeof buf, v.as_int());
      out->append(buf, res.ptr);
      return Status::OK();
    }
    case Value::Type::kFloat:
      AppendFloat(out, v.as_float());
      return Status::OK();
    case Value::Type::kString:
      AppendJsonString(out, v.as_string());
      return Status::OK();
    case Value::Type::kList: {
      out->push_back('[');
      bool first = true;
      for (const auto& e : v.as_list()) {
        if (!first) out->push_back(',');
        first = false;
        PG_RETURN_IF_ERROR(AppendDumpValue(out, e));
      }
      out->push_back(']');
      return Status::OK();
    }
    case Value::Type::kMap:
      out->append(R"({"$map":)");
      PG_RETURN_IF_ERROR(AppendDumpMap(out, v.as_map()));
      out->push_back('}');
      return Status::OK();
    case Value::Type::kNode:
    case Value::Type::kRel:
    case Value::Type::kPath:
      return Status::InvalidArgument("a stored property holds a " + v.ToString() +
                                     ", which a dump cannot write");
    default:
      break;
  }
  const char* tag = TemporalTag(v.type());
  if (tag == nullptr) return Status::Internal("unknown value type in a dump");
  out->append("{\"");
  out->append(tag);
  out->append("\":");
  AppendJsonString(out, TemporalExportText(v));
  out->push_back('}');
  return Status::OK();
}

Status AppendDumpMap(std::string* out, const ValueMap& m) {
  out->push_back('{');
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(out, k);
    out->push_back(':');
    PG_RETURN_IF_ERROR(AppendDumpValue(out, v));
  }
  out->push_back('}');
  return Status::OK();
}

bool DecodeDumpValue(const nlohmann::json& j, Value* out, std::string* why) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      *out = Value();
      return true;
    case nlohmann::json::value_t::boolean:
      *out = Value(j.get<bool>());
      return true;
    case nlohmann::json::value_t::number_integer:
      *out = Value(j.get<int64_t>());
      return true;
    case nlohmann::json::value_t::number_unsigned: {
      const auto u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) {
        *why = "integer " + j.dump() + " out of range";
        return false;
      }
      *out = Value(static_cast<int64_t>(u));
      return true;
    }
    case nlohmann::json::value_t::number_float:
      *out = Value(j.get<double>());
      return true;
    case nlohmann::json::value_t::string:
      *out = Value(j.get<std::string>());
      return true;
    case nlohmann::json::value_t::array: {
      ValueList list;
      list.reserve(j.size());
      for (const auto& e : j) {
        Value v;
        if (!DecodeDumpValue(e, &v, why)) return false;
        list.push_back(std::move(v));
      }
      *out = Value(std::move(list));
      return true;
    }
    case nlohmann::json::value_t::object:
      break;
    default:
      *why = "unexpected JSON value " + j.dump();
      return false;
  }
  if (j.size() != 1) {
    *why = "a typed value must be an object with one \"$type\" key, not " + j.dump();
    return false;
  }
  const std::string& tag = j.begin().key();
  const nlohmann::json& body = j.begin().value();
  if (tag == "$map") {
    ValueMap m;
    if (!DecodeDumpMap(body, &m, why)) return false;
    *out = Value(std::move(m));
    return true;
  }
  if (tag == "$float" && body.is_string()) {
    const auto& s = body.get_ref<const std::string&>();
    if (s == "NaN")
      *out = Value(std::nan(""));
    else if (s == "Infinity")
      *out = Value(HUGE_VAL);
    else if (s == "-Infinity")
      *out = Value(-HUGE_VAL);
    else {
      *why = "bad {\"$float\"} value '" + s + "'";
      return false;
    }
    return true;
  }
  for (Value::Type t : kTemporalTypes) {
    if (tag != TemporalTag(t)) continue;
    if (!body.is_string()) break;
    auto v = ParseTemporalText(body.get_ref<const std::string&>());
    if (!v || v->type() != t) {
      *why = "bad {\"" + tag + "\"} value " + body.dump();
      return false;
    }
    *out = std::move(*v);
    return true;
  }
  *why = "unknown typed value " + j.dump();
  return false;
}

bool DecodeDumpMap(const nlohmann::json& j, ValueMap* out, std::string* why) {
  if (!j.is_object()) {
    *why = "properties must be an object";
    return false;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key().empty()) {
      *why = "an empty property key";
      return false;
    }
    Value v;
    if (!DecodeDumpValue(it.value(), &v, why)) return false;
    (*out)[it.key()] = std::move(v);
  }
  return true;
}

}  // namespace pactgraph::io

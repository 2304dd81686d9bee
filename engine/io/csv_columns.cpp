#include "engine/io/csv_columns.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "engine/io/graph_export.h"
#include "engine/io/graph_import.h"
#include "util/value_json.h"

namespace pactgraph::io {
namespace {

struct TypeName {
  const char* name;
  Value::Type type;
};
// The scalar types a header may name; the first name of a type is the one export writes.
constexpr TypeName kTypes[] = {
    {"string", Value::Type::kString},     {"int", Value::Type::kInt},
    {"long", Value::Type::kInt},          {"short", Value::Type::kInt},
    {"byte", Value::Type::kInt},          {"float", Value::Type::kFloat},
    {"double", Value::Type::kFloat},      {"boolean", Value::Type::kBool},
    {"date", Value::Type::kDate},         {"localtime", Value::Type::kLocalTime},
    {"time", Value::Type::kTime},         {"localdatetime", Value::Type::kLocalDateTime},
    {"datetime", Value::Type::kDateTime}, {"duration", Value::Type::kDuration},
};

const TypeName* FindType(std::string_view name) {
  for (const auto& t : kTypes) {
    if (name.size() == std::string_view(t.name).size()) {
      bool same = true;
      for (size_t i = 0; i < name.size() && same; ++i) {
        same = std::tolower(static_cast<unsigned char>(name[i])) == t.name[i];
      }
      if (same) return &t;
    }
  }
  return nullptr;
}

const char* NameOfType(Value::Type t) {
  for (const auto& x : kTypes) {
    if (x.type == t) return x.name;
  }
  return nullptr;
}

// "key:type" -> type (empty when there is no ':' past the first character).
std::string_view Suffix(std::string_view header) {
  const size_t colon = header.rfind(':');
  if (colon == std::string_view::npos) return {};
  return header.substr(colon + 1);
}

bool KnownSuffix(std::string_view type) {
  if (type == "json" || type == "any") return true;
  if (type.size() > 2 && type.substr(type.size() - 2) == "[]") type.remove_suffix(2);
  return FindType(type) != nullptr;
}

bool ScalarCell(Value::Type type, std::string_view cell, Value* out, std::string* why) {
  const std::string text(cell);
  switch (type) {
    case Value::Type::kString:
      *out = Value(text);
      return true;
    case Value::Type::kInt: {
      int64_t v;
      auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
      if (ec != std::errc() || p != cell.data() + cell.size()) break;
      *out = Value(v);
      return true;
    }
    case Value::Type::kFloat: {
      if (text == "NaN" || text == "nan")
        *out = Value(std::nan(""));
      else if (text == "Infinity" || text == "inf")
        *out = Value(HUGE_VAL);
      else if (text == "-Infinity" || text == "-inf")
        *out = Value(-HUGE_VAL);
      else {
        Value v = InferValue(cell);
        if (!v.is_number()) break;
        *out = Value(v.as_number());
      }
      return true;
    }
    case Value::Type::kBool:
      if (text == "true" || text == "TRUE" || text == "True")
        *out = Value(true);
      else if (text == "false" || text == "FALSE" || text == "False")
        *out = Value(false);
      else
        break;
      return true;
    default: {
      auto v = ParseTemporalText(cell);
      if (!v || v->type() != type) break;
      *out = std::move(*v);
      return true;
    }
  }
  *why = "'" + text + "' is not a " + NameOfType(type);
  return false;
}

}  // namespace

bool CanonicalColumn(std::string_view header, std::string* out, std::string* why) {
  const size_t colon = header.rfind(':');
  if (colon == std::string_view::npos) {
    *out = std::string(header);
    return true;
  }
  std::string_view role = header.substr(colon + 1);
  // An ID space ("ID(Person)") is read as a plain role: ids must be unique across the file.
  if (size_t paren = role.find('('); paren != std::string_view::npos && role.back() == ')') {
    role = role.substr(0, paren);
  }
  if (role == "ID")
    *out = "id";
  else if (role == "LABEL")
    *out = "labels";
  else if (role == "START_ID")
    *out = "src";
  else if (role == "END_ID")
    *out = "dst";
  else if (role == "TYPE")
    *out = "type";
  else if (role == "IGNORE")
    *out = "";
  else if (colon == 0 || !KnownSuffix(role)) {
    *why = "unknown column type '" + std::string(role) + "' in '" + std::string(header) +
           "' (known: string, int, long, float, double, boolean, date, localtime, time, "
           "localdatetime, datetime, duration, each also as an array with [], json, any; and "
           "the roles :ID, :LABEL, :START_ID, :END_ID, :TYPE, :IGNORE)";
    return false;
  } else {
    *out = std::string(header);
  }
  return true;
}

std::string ColumnKey(std::string_view header) {
  const size_t colon = header.rfind(':');
  return std::string(colon == std::string_view::npos ? header : header.substr(0, colon));
}

bool IsTypedColumn(std::string_view header) { return !Suffix(header).empty(); }

bool TypeTypedCell(std::string_view header, std::string_view cell, Value* out, std::string* why) {
  std::string_view type = Suffix(header);
  if (type == "any") {
    *out = InferValue(cell);
    return true;
  }
  if (type == "json") {
    auto v = Value::FromJson(cell, /*iso_dates=*/true);
    if (!v.ok()) {
      *why = "bad JSON in column '" + std::string(header) + "': " + v.status().message();
      return false;
    }
    *out = std::move(v).value();
    return true;
  }
  const bool array = type.size() > 2 && type.substr(type.size() - 2) == "[]";
  if (array) type.remove_suffix(2);
  const TypeName* t = FindType(type);
  if (t == nullptr) {
    *why = "unknown column type in '" + std::string(header) + "'";
    return false;
  }
  if (!array) {
    if (ScalarCell(t->type, cell, out, why)) return true;
    *why += " (column '" + std::string(header) + "')";
    return false;
  }
  ValueList list;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find(';', start);
    if (end == std::string_view::npos) end = cell.size();
    Value v;
    if (!ScalarCell(t->type, cell.substr(start, end - start), &v, why)) {
      *why += " (an element of column '" + std::string(header) + "')";
      return false;
    }
    list.push_back(std::move(v));
    start = end + 1;
  }
  *out = Value(std::move(list));
  return true;
}

std::string ColumnTypeFor(const std::vector<const Value*>& values, bool neo4j) {
  auto scalar = [](const Value& v) {
    return !v.is_list() && !v.is_map() && NameOfType(v.type()) != nullptr;
  };
  bool same = true, lists = true;
  std::optional<Value::Type> type, element;
  for (const Value* v : values) {
    if (!type) type = v->type();
    same &= v->type() == *type && scalar(*v);
    if (!v->is_list() || v->as_list().empty()) {
      lists = false;
      continue;
    }
    for (const auto& e : v->as_list()) {
      if (!element) element = e.type();
      // A string element with ';' (or empty) would not split back into itself.
      lists &= scalar(e) && e.type() == *element &&
               !(e.is_string() &&
                 (e.as_string().empty() || e.as_string().find(';') != std::string::npos));
    }
  }
  // Neo4j's `int` and `float` are 32 bits wide: its 64-bit names keep every value.
  auto name = [neo4j](Value::Type t) -> std::string {
    if (neo4j && t == Value::Type::kInt) return "long";
    if (neo4j && t == Value::Type::kFloat) return "double";
    return NameOfType(t);
  };
  if (values.empty()) return "string";
  if (same) return name(*type);
  if (lists && element) return name(*element) + "[]";
  return neo4j ? "string" : "json";
}

std::string TypedCellText(const Value& v, std::string_view type) {
  if (type == "json") return v.ToJson();
  if (type.size() > 2 && type.substr(type.size() - 2) == "[]" && v.is_list()) {
    std::string out;
    const std::string_view element = type.substr(0, type.size() - 2);
    for (const auto& e : v.as_list()) {
      if (!out.empty()) out += ';';
      out += TypedCellText(e, element);
    }
    return out;
  }
  if (v.is_float()) {
    const double d = v.as_float();
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  }
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_list() || v.is_map()) return v.ToJson();
  return CsvCell(v);
}

}  // namespace pactgraph::io

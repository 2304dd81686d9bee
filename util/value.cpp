#include "pactgraph/value.h"

#include <cmath>
#include <cstdio>

namespace pactgraph {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::string QuoteCypher(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

std::string MapToString(const ValueMap& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out += ", ";
    first = false;
    out += k + ": " + v.ToString();
  }
  return out + "}";
}

std::string NodeToString(const Node& n) {
  std::string out = "(" + std::to_string(n.id);
  for (const auto& l : n.labels) out += ":" + l;
  if (!n.properties.empty()) out += " " + MapToString(n.properties);
  return out + ")";
}

std::string RelToString(const Relationship& r) {
  std::string out = "[" + std::to_string(r.id) + ":" + r.type;
  if (!r.properties.empty()) out += " " + MapToString(r.properties);
  return out + "]";
}

}  // namespace

Date Date::FromYmd(int year, unsigned month, unsigned day) {
  return Date{static_cast<int32_t>(DaysFromCivil(year, month, day))};
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t pos, size_t n, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return FromYmd(y, m, d);
}

void Date::ToYmd(int* year, unsigned* month, unsigned* day) const {
  int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<int>(y + (m <= 2));
  *month = m;
  *day = d;
}

std::string Date::ToString() const {
  int y;
  unsigned m, d;
  ToYmd(&y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

std::string Value::ToString() const {
  switch (type()) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return as_bool() ? "true" : "false";
    case Type::kInt:
      return std::to_string(as_int());
    case Type::kFloat:
      return FormatFloat(as_float());
    case Type::kString:
      return QuoteCypher(as_string());
    case Type::kDate:
      return "date('" + as_date().ToString() + "')";
    case Type::kLocalTime:
      return "localtime('" + TemporalText() + "')";
    case Type::kTime:
      return "time('" + TemporalText() + "')";
    case Type::kLocalDateTime:
      return "localdatetime('" + TemporalText() + "')";
    case Type::kDateTime:
      return "datetime('" + TemporalText() + "')";
    case Type::kDuration:
      return "duration('" + TemporalText() + "')";
    case Type::kList: {
      std::string out = "[";
      bool first = true;
      for (const auto& e : as_list()) {
        if (!first) out += ", ";
        first = false;
        out += e.ToString();
      }
      return out + "]";
    }
    case Type::kMap:
      return MapToString(as_map());
    case Type::kNode:
      return NodeToString(as_node());
    case Type::kRel:
      return RelToString(as_rel());
    case Type::kPath: {
      const Path& p = as_path();
      std::string out;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += NodeToString(p.nodes[i]);
        if (i < p.relationships.size()) {
          const auto& r = p.relationships[i];
          bool forward = r.start == p.nodes[i].id;
          out += forward ? "-" + RelToString(r) + "->" : "<-" + RelToString(r) + "-";
        }
      }
      return out;
    }
  }
  return "?";
}

bool operator==(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::kNull:
      return true;
    case Value::Type::kBool:
      return a.as_bool() == b.as_bool();
    case Value::Type::kInt:
      return a.as_int() == b.as_int();
    case Value::Type::kFloat:
      return a.as_float() == b.as_float() || (std::isnan(a.as_float()) && std::isnan(b.as_float()));
    case Value::Type::kString:
      return a.as_string() == b.as_string();
    case Value::Type::kDate:
      return a.as_date() == b.as_date();
    case Value::Type::kLocalTime:
      return a.as_local_time() == b.as_local_time();
    case Value::Type::kTime:
      return a.as_time() == b.as_time();
    case Value::Type::kLocalDateTime:
      return a.as_local_datetime() == b.as_local_datetime();
    case Value::Type::kDateTime:
      return a.as_datetime() == b.as_datetime();
    case Value::Type::kDuration:
      return a.as_duration() == b.as_duration();
    case Value::Type::kList:
      return a.as_list() == b.as_list();
    case Value::Type::kMap:
      return a.as_map() == b.as_map();
    case Value::Type::kNode: {
      const Node &x = a.as_node(), &y = b.as_node();
      return x.id == y.id && x.labels == y.labels && x.properties == y.properties;
    }
    case Value::Type::kRel: {
      const Relationship &x = a.as_rel(), &y = b.as_rel();
      return x.id == y.id && x.type == y.type && x.start == y.start && x.end == y.end &&
             x.properties == y.properties;
    }
    case Value::Type::kPath: {
      const Path &x = a.as_path(), &y = b.as_path();
      if (x.nodes.size() != y.nodes.size() || x.relationships.size() != y.relationships.size())
        return false;
      for (size_t i = 0; i < x.nodes.size(); ++i)
        if (!(Value(x.nodes[i]) == Value(y.nodes[i]))) return false;
      for (size_t i = 0; i < x.relationships.size(); ++i)
        if (!(Value(x.relationships[i]) == Value(y.relationships[i]))) return false;
      return true;
    }
  }
  return false;
}

const char* Value::TypeName(Type t) {
  switch (t) {
    case Type::kNull:
      return "NULL";
    case Type::kBool:
      return "BOOLEAN";
    case Type::kInt:
      return "INTEGER";
    case Type::kFloat:
      return "FLOAT";
    case Type::kString:
      return "STRING";
    case Type::kDate:
      return "DATE";
    case Type::kLocalTime:
      return "LOCAL TIME";
    case Type::kTime:
      return "ZONED TIME";
    case Type::kLocalDateTime:
      return "LOCAL DATETIME";
    case Type::kDateTime:
      return "ZONED DATETIME";
    case Type::kDuration:
      return "DURATION";
    case Type::kList:
      return "LIST";
    case Type::kMap:
      return "MAP";
    case Type::kNode:
      return "NODE";
    case Type::kRel:
      return "RELATIONSHIP";
    case Type::kPath:
      return "PATH";
  }
  return "?";
}

}  // namespace pactgraph

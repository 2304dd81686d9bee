// Equality, comparability and orderability of values (see value_ops.h).
#include "query/function/value_ops.h"

#include <cmath>

namespace pactgraph::query {
namespace {

int Sign(double d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

int NumberCompare(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
  double x = a.as_number(), y = b.as_number();
  if (std::isnan(x) || std::isnan(y)) return std::isnan(x) - std::isnan(y);
  return Sign(x - y);
}

int TypeRank(const Value& v) {
  switch (v.type()) {
    case Value::Type::kMap:
      return 0;
    case Value::Type::kNode:
      return 1;
    case Value::Type::kRel:
      return 2;
    case Value::Type::kList:
      return 3;
    case Value::Type::kPath:
      return 4;
    case Value::Type::kDateTime:
      return 5;
    case Value::Type::kLocalDateTime:
      return 6;
    case Value::Type::kDate:
      return 7;
    case Value::Type::kTime:
      return 8;
    case Value::Type::kLocalTime:
      return 9;
    case Value::Type::kDuration:
      return 10;
    case Value::Type::kString:
      return 11;
    case Value::Type::kBool:
      return 12;
    case Value::Type::kInt:
    case Value::Type::kFloat:
      return 13;
    case Value::Type::kNull:
      return 14;
  }
  return 15;
}

template <typename T>
int Cmp(const T& x, const T& y) {
  return x < y ? -1 : y < x ? 1 : 0;
}

// Two values of the same temporal kind: instants (zoned kinds by UTC, then offset), readings
// (local kinds), durations part by part. Nullopt for other kinds.
std::optional<int> TemporalCompare(const Value& a, const Value& b) {
  switch (a.type()) {
    case Value::Type::kDate:
      return Cmp(a.as_date().days, b.as_date().days);
    case Value::Type::kLocalTime:
      return Cmp(a.as_local_time().nanos, b.as_local_time().nanos);
    case Value::Type::kTime: {
      const Time x = a.as_time(), y = b.as_time();
      int c = Cmp(x.UtcNanos(), y.UtcNanos());
      return c != 0 ? c : Cmp(x.offset_seconds, y.offset_seconds);
    }
    case Value::Type::kLocalDateTime: {
      const LocalDateTime x = a.as_local_datetime(), y = b.as_local_datetime();
      int c = Cmp(x.date.days, y.date.days);
      return c != 0 ? c : Cmp(x.nanos, y.nanos);
    }
    case Value::Type::kDateTime: {
      const DateTime x = a.as_datetime(), y = b.as_datetime();
      int c = Cmp(x.EpochSeconds(), y.EpochSeconds());
      if (c == 0) c = Cmp(x.nanos % kNanosPerSecond, y.nanos % kNanosPerSecond);
      return c != 0 ? c : Cmp(x.offset_seconds, y.offset_seconds);
    }
    case Value::Type::kDuration: {
      const Duration x = a.as_duration(), y = b.as_duration();
      int c = Cmp(x.months, y.months);
      if (c == 0) c = Cmp(x.days, y.days);
      if (c == 0) c = Cmp(x.seconds, y.seconds);
      return c != 0 ? c : Cmp(x.nanos, y.nanos);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<bool> CypherEquals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    return a.as_number() == b.as_number();
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::kBool:
      return a.as_bool() == b.as_bool();
    case Value::Type::kString:
      return a.as_string() == b.as_string();
    case Value::Type::kTime:
      return a.as_time().UtcNanos() == b.as_time().UtcNanos();
    case Value::Type::kDateTime:
      return a.as_datetime().EpochSeconds() == b.as_datetime().EpochSeconds() &&
             a.as_datetime().nanos % kNanosPerSecond == b.as_datetime().nanos % kNanosPerSecond;
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDuration:
      return TemporalCompare(a, b) == 0;
    case Value::Type::kNode:
      return a.as_node().id == b.as_node().id;
    case Value::Type::kRel:
      return a.as_rel().id == b.as_rel().id;
    case Value::Type::kPath: {
      const Path &x = a.as_path(), &y = b.as_path();
      if (x.nodes.size() != y.nodes.size()) return false;
      for (size_t i = 0; i < x.nodes.size(); ++i) {
        if (x.nodes[i].id != y.nodes[i].id) return false;
      }
      for (size_t i = 0; i < x.relationships.size(); ++i) {
        if (x.relationships[i].id != y.relationships[i].id) return false;
      }
      return true;
    }
    case Value::Type::kList: {
      const auto &x = a.as_list(), &y = b.as_list();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (size_t i = 0; i < x.size(); ++i) {
        auto e = CypherEquals(x[i], y[i]);
        if (!e)
          unknown = true;
        else if (!*e)
          return false;
      }
      if (unknown) return std::nullopt;
      return true;
    }
    case Value::Type::kMap: {
      const auto &x = a.as_map(), &y = b.as_map();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first) return false;
      }
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        auto e = CypherEquals(i->second, j->second);
        if (!e)
          unknown = true;
        else if (!*e)
          return false;
      }
      if (unknown) return std::nullopt;
      return true;
    }
    default:
      return false;
  }
}

std::optional<int> CypherCompare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if ((a.is_float() && std::isnan(a.as_float())) || (b.is_float() && std::isnan(b.as_float()))) {
      return std::nullopt;
    }
    return NumberCompare(a, b);
  }
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case Value::Type::kBool:
      return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Value::Type::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0;
    }
    case Value::Type::kTime:
    case Value::Type::kDateTime:
      // Comparison is by instant; the offset only breaks ties in ORDER BY.
      if (CypherEquals(a, b) == true) return 0;
      return TemporalCompare(a, b);
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kLocalDateTime:
      return TemporalCompare(a, b);
    case Value::Type::kList: {
      const auto &x = a.as_list(), &y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        auto c = CypherCompare(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c != 0) return c;
      }
      return x.size() < y.size() ? -1 : x.size() > y.size();
    }
    default:
      return std::nullopt;
  }
}

int OrderCompare(const Value& a, const Value& b) {
  int ra = TypeRank(a), rb = TypeRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case Value::Type::kNull:
      return 0;
    case Value::Type::kInt:
    case Value::Type::kFloat:
      return NumberCompare(a, b);
    case Value::Type::kBool:
      return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Value::Type::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0;
    }
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      return *TemporalCompare(a, b);
    case Value::Type::kNode:
      return a.as_node().id < b.as_node().id ? -1 : a.as_node().id > b.as_node().id;
    case Value::Type::kRel:
      return a.as_rel().id < b.as_rel().id ? -1 : a.as_rel().id > b.as_rel().id;
    case Value::Type::kList: {
      const auto &x = a.as_list(), &y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        int c = OrderCompare(x[i], y[i]);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : x.size() > y.size();
    }
    case Value::Type::kMap: {
      const auto &x = a.as_map(), &y = b.as_map();
      auto i = x.begin();
      auto j = y.begin();
      for (; i != x.end() && j != y.end(); ++i, ++j) {
        int c = i->first.compare(j->first);
        if (c != 0) return c < 0 ? -1 : 1;
        c = OrderCompare(i->second, j->second);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : x.size() > y.size();
    }
    case Value::Type::kPath: {
      const Path &x = a.as_path(), &y = b.as_path();
      for (size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
        if (x.nodes[i].id != y.nodes[i].id) return x.nodes[i].id < y.nodes[i].id ? -1 : 1;
      }
      for (size_t i = 0; i < x.relationships.size() && i < y.relationships.size(); ++i) {
        if (x.relationships[i].id != y.relationships[i].id) {
          return x.relationships[i].id < y.relationships[i].id ? -1 : 1;
        }
      }
      return x.nodes.size() < y.nodes.size() ? -1 : x.nodes.size() > y.nodes.size();
    }
  }
  return 0;
}

bool RowLess::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    int c = OrderCompare(a[i], b[i]);
    if (c != 0) return c < 0;
  }
  return a.size() < b.size();
}

}  // namespace pactgraph::query

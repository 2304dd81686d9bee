// The scalar functions of the subset (docs/query.md lists them with their null behaviour).
// Unless stated otherwise a null argument gives null.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>

#include "query/function/functions.h"
#include "query/function/temporal.h"

namespace pactgraph::query {
namespace {

using Args = std::vector<Value>;
using Fn = std::function<Result<Value>(const Args&, FunctionContext&)>;

// Wraps `fn` so that a null first argument yields null.
Fn NullIn(Fn fn) {
  return [fn](const Args& a, FunctionContext& c) -> Result<Value> {
    for (const auto& v : a) {
      if (v.is_null()) return Value();
    }
    return fn(a, c);
  };
}

std::string Trim(const std::string& s, bool left, bool right) {
  size_t b = 0, e = s.size();
  while (left && b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (right && e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

Result<Value> StringFn(const char* name, const Args& a,
                       const std::function<std::string(const std::string&)>& f) {
  if (!a[0].is_string()) return TypeMismatch(name, "STRING", a[0]);
  return Value(f(a[0].as_string()));
}

Result<Value> ToStringValue(const Value& v) {
  switch (v.type()) {
    case Value::Type::kString:
      return v;
    case Value::Type::kInt:
    case Value::Type::kFloat:
    case Value::Type::kBool:
      return Value(v.ToString());
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      return Value(v.TemporalText());
    default:
      return TypeMismatch("toString", "a string, number, boolean or temporal value", v);
  }
}

Result<Value> ToInteger(const Value& v) {
  if (v.is_int()) return v;
  if (v.is_float()) {
    double d = v.as_float();
    if (!std::isfinite(d) || std::fabs(d) >= 9.2e18) return Value();
    return Value(static_cast<int64_t>(std::trunc(d)));
  }
  if (v.is_bool()) return Value(static_cast<int64_t>(v.as_bool()));
  if (v.is_string()) {
    const std::string s = Trim(v.as_string(), true, true);
    char* end = nullptr;
    errno = 0;
    long long x = std::strtoll(s.c_str(), &end, 10);
    if (!s.empty() && end && *end == '\0' && errno == 0) return Value(static_cast<int64_t>(x));
    double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end && *end == '\0' && std::isfinite(d) && std::fabs(d) < 9.2e18) {
      return Value(static_cast<int64_t>(std::trunc(d)));
    }
    return Value();
  }
  return TypeMismatch("toInteger", "a string, number or boolean", v);
}

Result<Value> ToFloat(const Value& v) {
  if (v.is_number()) return Value(v.as_number());
  if (v.is_string()) {
    const std::string s = Trim(v.as_string(), true, true);
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end && *end == '\0') return Value(d);
    return Value();
  }
  return TypeMismatch("toFloat", "a string or number", v);
}

Result<Value> LoadNode(FunctionContext& c, NodeId id) {
  Node n;
  PG_RETURN_IF_ERROR(c.reader->GetNode(id, &n));
  return Value(std::move(n));
}

Result<Value> Size(const Args& a, FunctionContext&) {
  const Value& v = a[0];
  if (v.is_list()) return Value(static_cast<int64_t>(v.as_list().size()));
  if (v.is_string()) {
    int64_t n = 0;
    for (unsigned char ch : v.as_string()) n += (ch & 0xC0) != 0x80;
    return Value(n);
  }
  if (v.is_map()) return Value(static_cast<int64_t>(v.as_map().size()));
  return TypeMismatch("size", "a list or string", v);
}

Result<Value> Range(const Args& a, FunctionContext& c) {
  for (const auto& v : a) {
    if (!v.is_int()) return TypeMismatch("range", "INTEGER arguments", v);
  }
  int64_t from = a[0].as_int(), to = a[1].as_int(), step = a.size() > 2 ? a[2].as_int() : 1;
  if (step == 0)
    return Status::InvalidArgument(
        "ArgumentError (NumberOutOfRange): range(): step must not be zero");
  // The count first, so that a range too large for the memory limit is refused before it is
  // built (in 128-bit arithmetic: range(-2^63, 2^63-1) does not fit in 64 bits).
  __int128 span = static_cast<__int128>(to) - from;
  __int128 count = (step > 0 ? span >= 0 : span <= 0) ? span / step + 1 : 0;
  if (count > 10'000'000) {
    return Status::LimitExceeded(
        "range(): more than 10,000,000 values; UNWIND range(…) streams any length");
  }
  PG_RETURN_IF_ERROR(c.Charge(ListValueBytes(static_cast<uint64_t>(count))));
  ValueList out;
  out.reserve(static_cast<size_t>(count));
  for (__int128 k = 0; k < count; ++k) {
    out.push_back(Value(static_cast<int64_t>(from + k * step)));
    if ((k & 1023) == 1023) PG_RETURN_IF_ERROR(c.Tick());
  }
  return Value(std::move(out));
}

Result<Value> Substring(const Args& a, FunctionContext&) {
  if (!a[0].is_string()) return TypeMismatch("substring", "STRING", a[0]);
  if (!a[1].is_int() || (a.size() > 2 && !a[2].is_int())) {
    return TypeMismatch("substring", "INTEGER start and length", a[1]);
  }
  const std::string& s = a[0].as_string();
  int64_t start = a[1].as_int();
  int64_t len = a.size() > 2 ? a[2].as_int() : static_cast<int64_t>(s.size());
  if (start < 0 || len < 0) return Status::InvalidArgument("substring(): negative start or length");
  if (static_cast<size_t>(start) >= s.size()) return Value("");
  return Value(s.substr(start, len));
}

std::map<std::string, ScalarFunction> BuildTable() {
  std::map<std::string, ScalarFunction> t;
  auto add = [&](const char* name, int min, int max, Fn fn) {
    std::string lower;
    for (const char* p = name; *p; ++p) lower += static_cast<char>(std::tolower(*p));
    t[lower] = ScalarFunction{name, min, max, std::move(fn)};
  };
  add("id", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (a[0].is_node()) return Value(static_cast<int64_t>(a[0].as_node().id));
        if (a[0].is_rel()) return Value(static_cast<int64_t>(a[0].as_rel().id));
        return TypeMismatch("id", "a node or relationship", a[0]);
      }));
  add("labels", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_node()) return TypeMismatch("labels", "a node", a[0]);
        ValueList l;
        for (const auto& s : a[0].as_node().labels) l.push_back(Value(s));
        return Value(std::move(l));
      }));
  add("type", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_rel()) return TypeMismatch("type", "a relationship", a[0]);
        return Value(a[0].as_rel().type);
      }));
  add("properties", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (a[0].is_node()) return Value(a[0].as_node().properties);
        if (a[0].is_rel()) return Value(a[0].as_rel().properties);
        if (a[0].is_map()) return a[0];
        return TypeMismatch("properties", "a node, relationship or map", a[0]);
      }));
  add("keys", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        const ValueMap* m = a[0].is_node()  ? &a[0].as_node().properties
                            : a[0].is_rel() ? &a[0].as_rel().properties
                            : a[0].is_map() ? &a[0].as_map()
                                            : nullptr;
        if (!m) return TypeMismatch("keys", "a node, relationship or map", a[0]);
        ValueList l;
        for (const auto& [k, v] : *m) l.push_back(Value(k));
        return Value(std::move(l));
      }));
  add("startNode", 1, 1, NullIn([](const Args& a, FunctionContext& c) -> Result<Value> {
        if (!a[0].is_rel()) return TypeMismatch("startNode", "a relationship", a[0]);
        return LoadNode(c, a[0].as_rel().start);
      }));
  add("endNode", 1, 1, NullIn([](const Args& a, FunctionContext& c) -> Result<Value> {
        if (!a[0].is_rel()) return TypeMismatch("endNode", "a relationship", a[0]);
        return LoadNode(c, a[0].as_rel().end);
      }));
  add("nodes", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_path()) return TypeMismatch("nodes", "a path", a[0]);
        ValueList l;
        for (const auto& n : a[0].as_path().nodes) l.push_back(Value(n));
        return Value(std::move(l));
      }));
  add("relationships", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_path()) return TypeMismatch("relationships", "a path", a[0]);
        ValueList l;
        for (const auto& r : a[0].as_path().relationships) l.push_back(Value(r));
        return Value(std::move(l));
      }));
  add("length", 1, 1, NullIn([](const Args& a, FunctionContext& c) -> Result<Value> {
        if (a[0].is_path()) return Value(static_cast<int64_t>(a[0].as_path().relationships.size()));
        if (a[0].is_list() || a[0].is_string()) return Size(a, c);
        return TypeMismatch("length", "a path", a[0]);
      }));
  add("size", 1, 1, NullIn(Size));
  add("head", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_list()) return TypeMismatch("head", "a list", a[0]);
        return a[0].as_list().empty() ? Value() : a[0].as_list().front();
      }));
  add("last", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_list()) return TypeMismatch("last", "a list", a[0]);
        return a[0].as_list().empty() ? Value() : a[0].as_list().back();
      }));
  add("tail", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_list()) return TypeMismatch("tail", "a list", a[0]);
        const auto& l = a[0].as_list();
        return Value(l.empty() ? ValueList{} : ValueList(l.begin() + 1, l.end()));
      }));
  add("reverse", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (a[0].is_list()) {
          ValueList l = a[0].as_list();
          std::reverse(l.begin(), l.end());
          return Value(std::move(l));
        }
        return StringFn("reverse", a, [](std::string s) {
          std::reverse(s.begin(), s.end());
          return s;
        });
      }));
  add("range", 2, 3, NullIn(Range));
  add("coalesce", 1, -1, [](const Args& a, FunctionContext&) -> Result<Value> {
    for (const auto& v : a) {
      if (!v.is_null()) return v;
    }
    return Value();
  });
  add("toLower", 1, 1, NullIn([](const Args& a, FunctionContext&) {
        return StringFn("toLower", a, [](std::string s) {
          for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          return s;
        });
      }));
  add("toUpper", 1, 1, NullIn([](const Args& a, FunctionContext&) {
        return StringFn("toUpper", a, [](std::string s) {
          for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
          return s;
        });
      }));
  add("trim", 1, 1, NullIn([](const Args& a, FunctionContext&) {
        return StringFn("trim", a, [](const std::string& s) { return Trim(s, true, true); });
      }));
  add("ltrim", 1, 1, NullIn([](const Args& a, FunctionContext&) {
        return StringFn("ltrim", a, [](const std::string& s) { return Trim(s, true, false); });
      }));
  add("rtrim", 1, 1, NullIn([](const Args& a, FunctionContext&) {
        return StringFn("rtrim", a, [](const std::string& s) { return Trim(s, false, true); });
      }));
  add("substring", 2, 3, NullIn(Substring));
  add("replace", 3, 3, NullIn([](const Args& a, FunctionContext& c) -> Result<Value> {
        for (const auto& v : a) {
          if (!v.is_string()) return TypeMismatch("replace", "STRING arguments", v);
        }
        const std::string& s = a[0].as_string();
        const std::string &from = a[1].as_string(), &to = a[2].as_string();
        if (from.empty()) return Value(s);
        uint64_t hits = 0;
        for (size_t j = s.find(from); j != std::string::npos; j = s.find(from, j + from.size()))
          ++hits;
        uint64_t size = s.size() - hits * from.size() + hits * to.size();
        PG_RETURN_IF_ERROR(c.Charge(StringValueBytes(size)));
        std::string out;
        out.reserve(size);
        size_t i = 0, j;
        while ((j = s.find(from, i)) != std::string::npos) {
          out.append(s, i, j - i).append(to);
          i = j + from.size();
        }
        out.append(s, i, std::string::npos);
        return Value(std::move(out));
      }));
  add("split", 2, 2, NullIn([](const Args& a, FunctionContext& c) -> Result<Value> {
        if (!a[0].is_string() || !a[1].is_string()) {
          return TypeMismatch("split", "STRING arguments", a[0].is_string() ? a[1] : a[0]);
        }
        const std::string &s = a[0].as_string(), &sep = a[1].as_string();
        uint64_t pieces = 1;
        if (sep.empty()) {
          pieces = s.size();
        } else {
          for (size_t j = s.find(sep); j != std::string::npos; j = s.find(sep, j + sep.size()))
            ++pieces;
        }
        PG_RETURN_IF_ERROR(c.Charge(ListValueBytes(pieces) + static_cast<int64_t>(s.size())));
        ValueList out;
        out.reserve(pieces);
        if (sep.empty()) {
          for (char ch : s) out.push_back(Value(std::string(1, ch)));
          return Value(std::move(out));
        }
        size_t i = 0, j;
        while ((j = s.find(sep, i)) != std::string::npos) {
          out.push_back(Value(s.substr(i, j - i)));
          i = j + sep.size();
        }
        out.push_back(Value(s.substr(i)));
        return Value(std::move(out));
      }));
  add("toString", 1, 1,
      NullIn([](const Args& a, FunctionContext&) { return ToStringValue(a[0]); }));
  add("toInteger", 1, 1, NullIn([](const Args& a, FunctionContext&) { return ToInteger(a[0]); }));
  add("toFloat", 1, 1, NullIn([](const Args& a, FunctionContext&) { return ToFloat(a[0]); }));
  add("toBoolean", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (a[0].is_bool()) return a[0];
        if (a[0].is_string()) {
          std::string s = Trim(a[0].as_string(), true, true);
          for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (s == "true") return Value(true);
          if (s == "false") return Value(false);
          return Value();
        }
        return TypeMismatch("toBoolean", "a string or boolean", a[0]);
      }));
  auto math = [&](const char* name, double (*f)(double)) {
    add(name, 1, 1, NullIn([name, f](const Args& a, FunctionContext&) -> Result<Value> {
          if (!a[0].is_number()) return TypeMismatch(name, "a number", a[0]);
          return Value(f(a[0].as_number()));
        }));
  };
  math("sqrt", [](double x) { return std::sqrt(x); });
  math("ceil", [](double x) { return std::ceil(x); });
  math("floor", [](double x) { return std::floor(x); });
  math("round", [](double x) { return std::round(x); });
  add("abs", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (a[0].is_int()) return Value(a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int());
        if (a[0].is_float()) return Value(std::fabs(a[0].as_float()));
        return TypeMismatch("abs", "a number", a[0]);
      }));
  add("sign", 1, 1, NullIn([](const Args& a, FunctionContext&) -> Result<Value> {
        if (!a[0].is_number()) return TypeMismatch("sign", "a number", a[0]);
        double x = a[0].as_number();
        return Value(static_cast<int64_t>((x > 0) - (x < 0)));
      }));
  AddTemporalFunctions(&t);
  return t;
}

}  // namespace

const ScalarFunction* FindScalarFunction(const std::string& name) {
  static const auto* table = new std::map<std::string, ScalarFunction>(BuildTable());
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = table->find(lower);
  return it == table->end() ? nullptr : &it->second;
}

}  // namespace pactgraph::query

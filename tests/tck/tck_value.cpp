// The TCK value notation: a small recursive-descent parser and the canonical text.
#include "tests/tck/tck_value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace pactgraph::tck {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view t) : t_(t) {}

  Result<Value> Top() {
    PG_ASSIGN_OR_RETURN(Value v, Any());
    Skip();
    if (i_ != t_.size()) return Err("unexpected text after the value");
    return v;
  }

 private:
  Status Err(const std::string& what) const {
    return Status::InvalidArgument("TCK value '" + std::string(t_) + "', offset " +
                                   std::to_string(i_) + ": " + what);
  }
  void Skip() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n')) ++i_;
  }
  bool Eat(char c) {
    Skip();
    if (i_ < t_.size() && t_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool EatWord(std::string_view w) {
    Skip();
    if (t_.substr(i_, w.size()) != w) return false;
    size_t e = i_ + w.size();
    if (e < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[e])) || t_[e] == '_')) {
      return false;
    }
    i_ = e;
    return true;
  }
  Status Expect(char c) { return Eat(c) ? Status::OK() : Err(std::string("expected '") + c + "'"); }

  Result<std::string> Name() {
    Skip();
    if (i_ < t_.size() && t_[i_] == '`') {
      size_t e = t_.find('`', i_ + 1);
      if (e == std::string_view::npos) return Err("unterminated `name`");
      std::string n(t_.substr(i_ + 1, e - i_ - 1));
      i_ = e + 1;
      return n;
    }
    size_t b = i_;
    while (i_ < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[i_])) || t_[i_] == '_' ||
                              static_cast<unsigned char>(t_[i_]) >= 0x80)) {
      ++i_;
    }
    if (b == i_) return Err("expected a name");
    return std::string(t_.substr(b, i_ - b));
  }

  Result<ValueMap> MapBody() {  // after '{'
    ValueMap m;
    if (Eat('}')) return m;
    while (true) {
      PG_ASSIGN_OR_RETURN(std::string k, Name());
      PG_RETURN_IF_ERROR(Expect(':'));
      PG_ASSIGN_OR_RETURN(Value v, Any());
      m[k] = std::move(v);
      if (Eat('}')) return m;
      PG_RETURN_IF_ERROR(Expect(','));
    }
  }

  Result<Node> NodeBody() {  // after '('
    Node n;
    while (Eat(':')) {
      PG_ASSIGN_OR_RETURN(std::string l, Name());
      n.labels.push_back(std::move(l));
    }
    if (Eat('{')) {
      PG_ASSIGN_OR_RETURN(n.properties, MapBody());
    }
    PG_RETURN_IF_ERROR(Expect(')'));
    return n;
  }

  Result<Relationship> RelBody() {  // after '[' and ':'
    Relationship r;
    PG_ASSIGN_OR_RETURN(r.type, Name());
    if (Eat('{')) {
      PG_ASSIGN_OR_RETURN(r.properties, MapBody());
    }
    PG_RETURN_IF_ERROR(Expect(']'));
    return r;
  }

  Result<Value> PathBody() {  // after '<'
    Path p;
    PG_RETURN_IF_ERROR(Expect('('));
    PG_ASSIGN_OR_RETURN(Node first, NodeBody());
    first.id = 1;
    p.nodes.push_back(std::move(first));
    while (!Eat('>')) {
      bool left = Eat('<');
      PG_RETURN_IF_ERROR(Expect('-'));
      PG_RETURN_IF_ERROR(Expect('['));
      PG_RETURN_IF_ERROR(Expect(':'));
      PG_ASSIGN_OR_RETURN(Relationship r, RelBody());
      PG_RETURN_IF_ERROR(Expect('-'));
      bool right = Eat('>');
      if (left == right) return Err("a path step needs exactly one direction");
      PG_RETURN_IF_ERROR(Expect('('));
      PG_ASSIGN_OR_RETURN(Node n, NodeBody());
      n.id = p.nodes.size() + 1;
      r.start = right ? p.nodes.back().id : n.id;
      r.end = right ? n.id : p.nodes.back().id;
      p.relationships.push_back(std::move(r));
      p.nodes.push_back(std::move(n));
    }
    return Value(std::move(p));
  }

  Result<Value> String(char quote) {  // after the quote
    std::string s;
    while (i_ < t_.size() && t_[i_] != quote) {
      if (t_[i_] == '\\' && i_ + 1 < t_.size()) {
        char n = t_[i_ + 1];
        if (n == '\\' || n == '\'' || n == '"') {
          s += n;
          i_ += 2;
          continue;
        }
      }
      s += t_[i_++];
    }
    if (i_ >= t_.size()) return Err("unterminated string");
    ++i_;
    return Value(std::move(s));
  }

  Result<Value> Number() {
    size_t b = i_;
    if (t_[i_] == '-' || t_[i_] == '+') ++i_;
    if (t_.substr(i_, 3) == "NaN") {
      i_ += 3;
      return Value(std::nan(""));
    }
    if (t_.substr(i_, 8) == "Infinity") {
      i_ += 8;
      return Value(t_[b] == '-' ? -HUGE_VAL : HUGE_VAL);
    }
    bool is_float = false;
    while (i_ < t_.size()) {
      char c = t_[i_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++i_;
      } else if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
        ++i_;
        if ((c == 'e' || c == 'E') && i_ < t_.size() && (t_[i_] == '-' || t_[i_] == '+')) ++i_;
      } else {
        break;
      }
    }
    std::string text(t_.substr(b, i_ - b));
    if (is_float) return Value(std::strtod(text.c_str(), nullptr));
    int64_t v = 0;
    auto r = std::from_chars(text.data() + (text[0] == '+'), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return Err("bad integer");
    return Value(v);
  }

  Result<Value> Any() {
    if (++depth_ > 100) return Err("nested too deeply");
    auto r = AnyInner();
    --depth_;
    return r;
  }

  Result<Value> AnyInner() {
    Skip();
    if (i_ >= t_.size()) return Err("expected a value");
    char c = t_[i_];
    if (c == '\'' || c == '"') {
      ++i_;
      return String(c);
    }
    if (c == '[') {
      ++i_;
      if (Eat(':')) {
        PG_ASSIGN_OR_RETURN(Relationship r, RelBody());
        return Value(std::move(r));
      }
      ValueList l;
      if (Eat(']')) return Value(std::move(l));
      while (true) {
        PG_ASSIGN_OR_RETURN(Value v, Any());
        l.push_back(std::move(v));
        if (Eat(']')) return Value(std::move(l));
        PG_RETURN_IF_ERROR(Expect(','));
      }
    }
    if (c == '{') {
      ++i_;
      PG_ASSIGN_OR_RETURN(ValueMap m, MapBody());
      return Value(std::move(m));
    }
    if (c == '(') {
      ++i_;
      PG_ASSIGN_OR_RETURN(Node n, NodeBody());
      return Value(std::move(n));
    }
    if (c == '<') {
      ++i_;
      return PathBody();
    }
    if (EatWord("null")) return Value();
    if (EatWord("true")) return Value(true);
    if (EatWord("false")) return Value(false);
    if (c == '-' || c == '+' || c == '.' || c == 'N' || c == 'I' ||
        std::isdigit(static_cast<unsigned char>(c))) {
      return Number();
    }
    return Err("expected a value");
  }

  std::string_view t_;
  size_t i_ = 0;
  int depth_ = 0;
};

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string FloatText(double d) {
  if (std::isnan(d)) return "NaN";
  if (d == 0) d = 0.0;  // by value: -0.0 equals 0.0 (the kit writes RETURN -0.0 as 0.0)
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, r.ptr);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return "f" + s;  // never equal to an integer's text
}

std::string MapText(const ValueMap& m, bool sort_lists) {
  std::string out = "{";
  for (const auto& [k, v] : m) {  // ValueMap is ordered by key
    out += (out.size() > 1 ? ", " : "") + k + ": " + Canonical(v, sort_lists);
  }
  return out + "}";
}

std::string NodeText(const Node& n, bool sort_lists) {
  std::vector<std::string> labels = n.labels;
  std::sort(labels.begin(), labels.end());
  std::string out = "(";
  for (const auto& l : labels) out += ":" + l;
  if (!n.properties.empty()) out += " " + MapText(n.properties, sort_lists);
  return out + ")";
}

std::string RelText(const Relationship& r, bool sort_lists) {
  std::string out = "[:" + r.type;
  if (!r.properties.empty()) out += " " + MapText(r.properties, sort_lists);
  return out + "]";
}

}  // namespace

Result<Value> ParseTckValue(std::string_view text) { return Reader(text).Top(); }

std::string Canonical(const Value& v, bool sort_lists) {
  switch (v.type()) {
    case Value::Type::kNull:
      return "null";
    case Value::Type::kBool:
      return v.as_bool() ? "true" : "false";
    case Value::Type::kInt:
      return std::to_string(v.as_int());
    case Value::Type::kFloat:
      return FloatText(v.as_float());
    case Value::Type::kString:
      return Quote(v.as_string());
    case Value::Type::kDate:
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      // The kit writes temporal values as the quoted ISO text of the value.
      return Quote(v.TemporalText());
    case Value::Type::kList: {
      std::vector<std::string> items;
      for (const auto& e : v.as_list()) items.push_back(Canonical(e, sort_lists));
      if (sort_lists) std::sort(items.begin(), items.end());
      std::string out = "[";
      for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
      return out + "]";
    }
    case Value::Type::kMap:
      return MapText(v.as_map(), sort_lists);
    case Value::Type::kNode:
      return NodeText(v.as_node(), sort_lists);
    case Value::Type::kRel:
      return RelText(v.as_rel(), sort_lists);
    case Value::Type::kPath: {
      const Path& p = v.as_path();
      std::string out = "<";
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += NodeText(p.nodes[i], sort_lists);
        if (i < p.relationships.size()) {
          const Relationship& r = p.relationships[i];
          bool forward = r.start == p.nodes[i].id && r.end == p.nodes[i + 1].id;
          out +=
              forward ? "-" + RelText(r, sort_lists) + "->" : "<-" + RelText(r, sort_lists) + "-";
        }
      }
      return out + ">";
    }
  }
  return "?";
}

}  // namespace pactgraph::tck

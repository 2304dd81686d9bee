// pactgraph/value.h — typed values: property values and query results.
//
// A Value is null, a boolean, a 64-bit integer, a double, a UTF-8 string, a calendar date,
// a list, a map, or (in query results only) a node, a relationship or a path. Lists, maps,
// nodes, relationships and paths are held by shared pointer to immutable data, so copying a
// Value is cheap. Properties stored in the database are the scalar, date, list and map kinds.
//
// Equality here is structural (used by tests and containers); Cypher's comparison and
// three-valued logic live in the query engine.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pactgraph/export.h"
#include "pactgraph/status.h"

namespace pactgraph {

using NodeId = uint64_t;
using RelId = uint64_t;
using ArticleId = uint64_t;

// A proleptic Gregorian calendar date, stored as days since 1970-01-01.
struct PACTGRAPH_EXPORT Date {
  int32_t days = 0;

  static Date FromYmd(int year, unsigned month, unsigned day);
  // Parses "YYYY-MM-DD" exactly; nullopt on anything else (including invalid days).
  static std::optional<Date> Parse(std::string_view iso);
  void ToYmd(int* year, unsigned* month, unsigned* day) const;
  std::string ToString() const;  // "YYYY-MM-DD"
  auto operator<=>(const Date&) const = default;
};

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value, std::less<>>;

struct Node {
  NodeId id = 0;
  std::vector<std::string> labels;
  ValueMap properties;  // includes "name" (string) and "aliases" (list of strings) when set
};

struct Relationship {
  RelId id = 0;
  std::string type;
  NodeId start = 0;
  NodeId end = 0;
  ValueMap properties;
};

struct Path {
  std::vector<Node> nodes;                  // nodes.size() == relationships.size() + 1
  std::vector<Relationship> relationships;  // relationships[i] joins nodes[i] and nodes[i+1]
};

class PACTGRAPH_EXPORT Value {
 public:
  enum class Type { kNull, kBool, kInt, kFloat, kString, kDate, kList, kMap, kNode, kRel, kPath };

  Value() = default;
  Value(std::nullptr_t) {}                                                           // NOLINT
  Value(bool b) : v_(b) {}                                                           // NOLINT
  Value(int v) : v_(static_cast<int64_t>(v)) {}                                      // NOLINT
  Value(int64_t v) : v_(v) {}                                                        // NOLINT
  Value(double v) : v_(v) {}                                                         // NOLINT
  Value(const char* s) : v_(std::string(s)) {}                                       // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                                         // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}                                  // NOLINT
  Value(Date d) : v_(d) {}                                                           // NOLINT
  Value(ValueList l) : v_(std::make_shared<const ValueList>(std::move(l))) {}        // NOLINT
  Value(ValueMap m) : v_(std::make_shared<const ValueMap>(std::move(m))) {}          // NOLINT
  Value(Node n) : v_(std::make_shared<const Node>(std::move(n))) {}                  // NOLINT
  Value(Relationship r) : v_(std::make_shared<const Relationship>(std::move(r))) {}  // NOLINT
  Value(Path p) : v_(std::make_shared<const Path>(std::move(p))) {}                  // NOLINT

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_float() const { return type() == Type::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return type() == Type::kString; }
  bool is_date() const { return type() == Type::kDate; }
  bool is_list() const { return type() == Type::kList; }
  bool is_map() const { return type() == Type::kMap; }
  bool is_node() const { return type() == Type::kNode; }
  bool is_rel() const { return type() == Type::kRel; }
  bool is_path() const { return type() == Type::kPath; }

  // Accessors: the caller checks the type first (a wrong type is a programming error).
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(v_); }
  const ValueMap& as_map() const { return *std::get<std::shared_ptr<const ValueMap>>(v_); }
  const Node& as_node() const { return *std::get<std::shared_ptr<const Node>>(v_); }
  const Relationship& as_rel() const { return *std::get<std::shared_ptr<const Relationship>>(v_); }
  const Path& as_path() const { return *std::get<std::shared_ptr<const Path>>(v_); }

  // Cypher-like literal text: strings quoted with '...', dates as date('YYYY-MM-DD'),
  // nodes as (id:Label {props}). Used by table output and error messages.
  std::string ToString() const;
  // The JSON encoding used by every JSON output of pactgraph (see docs/cli.md):
  // dates are "YYYY-MM-DD" strings, a node is {"id","labels","properties"}, a relationship
  // {"id","type","start","end","properties"}, a path {"nodes":[…],"relationships":[…]}.
  // Non-finite floats become null.
  std::string ToJson() const;
  // Parses JSON text: null, booleans, integers (beyond int64: floats), floats, strings,
  // arrays -> lists, objects -> maps; with `iso_dates`, "YYYY-MM-DD" strings become dates.
  // InvalidArgument naming the byte offset on malformed JSON.
  static Result<Value> FromJson(std::string_view json, bool iso_dates = false);

  // Structural equality: same type and same contents (1 != 1.0; NaN == NaN).
  friend bool operator==(const Value& a, const Value& b);

  static const char* TypeName(Type t);

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date,
               std::shared_ptr<const ValueList>, std::shared_ptr<const ValueMap>,
               std::shared_ptr<const Node>, std::shared_ptr<const Relationship>,
               std::shared_ptr<const Path>>
      v_;
};

PACTGRAPH_EXPORT bool operator==(const Value& a, const Value& b);

// Writes the JSON of `m` as an object (keys sorted, as the map is).
PACTGRAPH_EXPORT std::string MapToJson(const ValueMap& m);

}  // namespace pactgraph

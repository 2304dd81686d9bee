// pactgraph/value.h — typed values: property values and query results.
//
// A Value is null, a boolean, a 64-bit integer, a double, a UTF-8 string, a temporal value
// (date, local time, time, local date-time, date-time, duration — Cypher's six temporal types),
// a list, a map, or (in query results only) a node, a relationship or a path. Lists, maps,
// nodes, relationships and paths are held by shared pointer to immutable data, so copying a
// Value is cheap. Properties stored in the database are the scalar, temporal, list and map
// kinds.
//
// Temporal values have nanosecond precision and fixed UTC offsets (named time zones such as
// Europe/Paris are not supported: construction refuses them). Their text forms are ISO 8601
// as Cypher prints them ("12:31:14.645876123", "1984-10-11T12:31+01:00", "P1Y2M3DT4H"); each
// struct's Parse accepts that form and ToString produces it.
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

constexpr int64_t kNanosPerSecond = 1'000'000'000;
constexpr int64_t kNanosPerDay = 86'400 * kNanosPerSecond;

// A time of day without a zone: nanoseconds since midnight, in [0, kNanosPerDay).
struct PACTGRAPH_EXPORT LocalTime {
  int64_t nanos = 0;

  // "HH:MM[:SS[.fffffffff]]" (also "HHMM[SS]"); nullopt on anything else.
  static std::optional<LocalTime> Parse(std::string_view iso);
  std::string ToString() const;  // "HH:MM", then ":SS" and ".f…" only when not zero
  auto operator<=>(const LocalTime&) const = default;
};

// A time of day at a fixed UTC offset (seconds east of UTC, within ±18 hours). Values compare
// by their UTC time of day, then by offset.
struct PACTGRAPH_EXPORT Time {
  int64_t nanos = 0;  // local time of day, as LocalTime
  int32_t offset_seconds = 0;

  // A local time followed by "Z" or "±HH:MM" (no offset: UTC).
  static std::optional<Time> Parse(std::string_view iso);
  std::string ToString() const;                  // "12:31:14+01:00", "10:35Z"
  int64_t UtcNanos() const;                      // nanos - offset, may fall outside one day
  bool operator==(const Time&) const = default;  // structural: same reading, same offset
};

// A date and a time of day without a zone.
struct PACTGRAPH_EXPORT LocalDateTime {
  Date date;
  int64_t nanos = 0;  // time of day, as LocalTime

  // "YYYY-MM-DDTHH:MM[:SS[.f…]]" (a date alone is midnight).
  static std::optional<LocalDateTime> Parse(std::string_view iso);
  std::string ToString() const;
  auto operator<=>(const LocalDateTime&) const = default;
};

// A date and time at a fixed UTC offset: the local wall-clock reading plus the offset.
// Values compare by instant, then by offset.
struct PACTGRAPH_EXPORT DateTime {
  Date date;
  int64_t nanos = 0;  // local time of day
  int32_t offset_seconds = 0;

  // A local date-time followed by "Z" or "±HH:MM" (no offset: UTC).
  static std::optional<DateTime> Parse(std::string_view iso);
  std::string ToString() const;  // "1984-10-11T12:31:14.645876123+01:00"
  // Whole seconds since 1970-01-01T00:00Z; the fraction is nanos % kNanosPerSecond.
  int64_t EpochSeconds() const;
  bool operator==(const DateTime&) const = default;  // structural: same reading, same offset
};

// An amount of time kept in four parts, as Cypher does: months and days have no fixed length
// (a month added to 31 January is the end of February), seconds and nanoseconds do. Each part
// may be negative; nanos is in (-1e9, 1e9) with the sign of seconds.
struct PACTGRAPH_EXPORT Duration {
  int64_t months = 0;
  int64_t days = 0;
  int64_t seconds = 0;
  int32_t nanos = 0;

  // ISO 8601 "P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]", components may be negative or fractional
  // ("P0.5D"); nullopt on anything else.
  static std::optional<Duration> Parse(std::string_view iso);
  std::string ToString() const;  // "P1Y2M3DT4H5M6.5S", zero as "PT0S"
  auto operator<=>(const Duration&) const = default;
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
  // The order is the variant's: kinds added later go at the end so existing numbers keep their
  // meaning for bindings (the storage codec has its own tags, docs/storage.md).
  enum class Type {
    kNull,
    kBool,
    kInt,
    kFloat,
    kString,
    kDate,
    kList,
    kMap,
    kNode,
    kRel,
    kPath,
    kLocalTime,
    kTime,
    kLocalDateTime,
    kDateTime,
    kDuration,
  };

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
  Value(LocalTime t) : v_(t) {}                                                      // NOLINT
  Value(Time t) : v_(t) {}                                                           // NOLINT
  Value(LocalDateTime t) : v_(t) {}                                                  // NOLINT
  Value(DateTime t) : v_(t) {}                                                       // NOLINT
  Value(Duration d) : v_(d) {}                                                       // NOLINT

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
  bool is_local_time() const { return type() == Type::kLocalTime; }
  bool is_time() const { return type() == Type::kTime; }
  bool is_local_datetime() const { return type() == Type::kLocalDateTime; }
  bool is_datetime() const { return type() == Type::kDateTime; }
  bool is_duration() const { return type() == Type::kDuration; }
  // Any of the six temporal kinds (date included).
  bool is_temporal() const { return is_date() || (type() >= Type::kLocalTime); }

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
  LocalTime as_local_time() const { return std::get<LocalTime>(v_); }
  Time as_time() const { return std::get<Time>(v_); }
  LocalDateTime as_local_datetime() const { return std::get<LocalDateTime>(v_); }
  DateTime as_datetime() const { return std::get<DateTime>(v_); }
  Duration as_duration() const { return std::get<Duration>(v_); }
  // The ISO text of a temporal value (dates "YYYY-MM-DD"); empty for other kinds.
  std::string TemporalText() const;

  // Cypher-like literal text: strings quoted with '...', dates as date('YYYY-MM-DD') (and
  // the other temporal kinds alike: localtime('10:35'), duration('P1D')),
  // nodes as (id:Label {props}). Used by table output and error messages.
  std::string ToString() const;
  // The JSON encoding used by every JSON output of pactgraph (see docs/cli.md):
  // temporal values are their ISO strings ("YYYY-MM-DD", "10:35+01:00", "P1D"), a node is
  // {"id","labels","properties"}, a relationship
  // {"id","type","start","end","properties"}, a path {"nodes":[…],"relationships":[…]}.
  // Non-finite floats become null.
  std::string ToJson() const;
  // Parses JSON text: null, booleans, integers (beyond int64: floats), floats, strings,
  // arrays -> lists, objects -> maps; with `iso_dates`, strings that ParseTemporalText
  // recognises become temporal values.
  // InvalidArgument naming the byte offset on malformed JSON.
  static Result<Value> FromJson(std::string_view json, bool iso_dates = false);

  // Structural equality: same type and same contents (1 != 1.0; NaN == NaN).
  friend bool operator==(const Value& a, const Value& b);

  static const char* TypeName(Type t);

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date,
               std::shared_ptr<const ValueList>, std::shared_ptr<const ValueMap>,
               std::shared_ptr<const Node>, std::shared_ptr<const Relationship>,
               std::shared_ptr<const Path>, LocalTime, Time, LocalDateTime, DateTime, Duration>
      v_;
};

PACTGRAPH_EXPORT bool operator==(const Value& a, const Value& b);

// The temporal value whose ISO text (Value::TemporalText) `text` is: a date, a date-time with
// or without an offset, a time with an offset, a local time with seconds ("12:30:00"), or a
// duration ("P…"). Nullopt for anything else, so plain strings such as "12:30" or "Paris" stay
// strings. Used by JSON and CSV import to bring exported temporal properties back.
PACTGRAPH_EXPORT std::optional<Value> ParseTemporalText(std::string_view text);

// Writes the JSON of `m` as an object (keys sorted, as the map is).
PACTGRAPH_EXPORT std::string MapToJson(const ValueMap& m);

}  // namespace pactgraph

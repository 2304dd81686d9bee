// query/function/value_ops.h — Cypher's comparison semantics over pactgraph::Value.
//
// Three notions, as in openCypher:
//  - equality (`=`): null when either side is or contains null where it matters; 1 = 1.0;
//    nodes/relationships compare by id; values of different types are unequal;
//  - comparability (`<`, `<=`, …): defined within numbers, strings, booleans, each temporal
//    kind but durations (zoned kinds by instant), and lists of those; anything else (or null)
//    compares to null;
//  - orderability (ORDER BY, DISTINCT, grouping, min/max): a total order over all values —
//    MAP < NODE < RELATIONSHIP < LIST < PATH < DATETIME < LOCALDATETIME < DATE < TIME <
//    LOCALTIME < DURATION < STRING < BOOLEAN < NUMBER < NULL — in which null equals null and
//    1 equals 1.0.
// Temporal equality: same instant for the zoned kinds (12:00+01:00 = 11:00Z), same reading for
// the local ones, same four parts for durations.
#pragma once

#include <optional>
#include <vector>

#include "pactgraph/value.h"

namespace pactgraph::query {

// nullopt means null.
std::optional<bool> CypherEquals(const Value& a, const Value& b);
// <0, 0, >0; nullopt when the values are not comparable (or null).
std::optional<int> CypherCompare(const Value& a, const Value& b);
// Total order (see above).
int OrderCompare(const Value& a, const Value& b);

struct ValueLess {
  bool operator()(const Value& a, const Value& b) const { return OrderCompare(a, b) < 0; }
};
struct RowLess {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// Cypher truthiness of a predicate result: true only for boolean true.
inline bool IsTrue(const Value& v) { return v.is_bool() && v.as_bool(); }

}  // namespace pactgraph::query

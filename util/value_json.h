// util/value_json.h — Value <-> nlohmann::json, for the project's JSON readers and writers.
//
// The public side is Value::ToJson / Value::FromJson / MapToJson (pactgraph/value.h); this
// header gives code that already holds an nlohmann::json document (import, export, the bench
// reports) the same conversions without a round trip through text. One encoding everywhere:
// dates as "YYYY-MM-DD" strings, nodes as {"id","labels","properties"}, relationships as
// {"id","type","start","end","properties"}, paths as {"nodes","relationships"}, non-finite
// floats as null.
#pragma once

#include <nlohmann/json.hpp>

#include "pactgraph/value.h"

namespace pactgraph {

nlohmann::json ValueToJson(const Value& v);
nlohmann::json ValueMapToJson(const ValueMap& m);

// How JSON and CSV output write a temporal value: its ISO text (Value::TemporalText), a local
// time always with seconds ("10:35:00") so that import (ParseTemporalText) reads it back as a
// time while a string such as "10:35" stays a string.
std::string TemporalExportText(const Value& v);

// JSON -> Value: null, booleans, integers (beyond int64: floats), floats, strings, arrays ->
// lists, objects -> maps. With `iso_dates`, ISO temporal strings (ParseTemporalText) become
// temporal values (how imported JSON graphs carry dates and times). Never fails: every JSON value
// has a Value.
Value JsonToValue(const nlohmann::json& j, bool iso_dates);

}  // namespace pactgraph

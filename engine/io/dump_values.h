// engine/io/dump_values.h — how a dump writes property values, and reads them back.
//
// JSON null, booleans, strings and lists stand for themselves; integers are JSON integers and
// floats JSON numbers that always carry a '.' or an exponent (1.0, 2.5e-07), so the two never
// mix. Everything else is a one-key object naming its type: {"$date":"2024-03-01"},
// {"$localtime":"10:35:00"}, {"$time":…}, {"$localdatetime":…}, {"$datetime":…},
// {"$duration":"P1DT2H"}, {"$float":"NaN"|"Infinity"|"-Infinity"}, {"$map":{…}}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::io {

void AppendJsonString(std::string* out, std::string_view s);
// InvalidArgument for a value no property can hold (a node, relationship or path).
Status AppendDumpValue(std::string* out, const Value& v);
Status AppendDumpMap(std::string* out, const ValueMap& m);
// False with `why` set when `j` is not a value AppendDumpValue writes.
bool DecodeDumpValue(const nlohmann::json& j, Value* out, std::string* why);
bool DecodeDumpMap(const nlohmann::json& j, ValueMap* out, std::string* why);

}  // namespace pactgraph::io

// query/function/temporal.h — Cypher's temporal functions, arithmetic and components.
//
// Constructors: date, localtime, time, localdatetime, datetime and duration, each from an ISO
// string, a map of components ({year, month, day, hour, minute, second, millisecond,
// microsecond, nanosecond, timezone} / {years, months, weeks, days, hours, minutes, seconds,
// milliseconds, microseconds, nanoseconds}), another temporal value (its matching parts), or
// nothing (now, UTC); duration.between(a, b) and duration.inMonths/inDays/inSeconds.
// Arithmetic: temporal ± duration, duration ± duration, duration * or / a number. Components:
// v.year … v.nanosecond, v.timezone, v.offset, v.epochSeconds, duration.years … .nanoseconds.
//
// Named time zones ("Europe/Paris") are refused with a clear error: only fixed offsets are
// kept. All functions are pure (except the no-argument "now" forms) and allocation-free except
// for the values they return. Errors name the function and use the TCK's categories.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "pactgraph/status.h"
#include "pactgraph/value.h"
#include "query/function/functions.h"

namespace pactgraph::query {

// Registers the temporal constructors in the scalar function table (keys lower case).
void AddTemporalFunctions(std::map<std::string, ScalarFunction>* table);

// `a op b` when either side is temporal (op one of + - * /); nullopt when neither is, so the
// caller's numeric rules apply. A wrong combination is a TypeError.
std::optional<Result<Value>> TemporalArithmetic(const std::string& op, const Value& a,
                                                const Value& b);

// The component `key` of a temporal value (`d.year`, `t.hour`, `dur.minutes`, …).
Result<Value> TemporalComponent(const Value& v, const std::string& key);

}  // namespace pactgraph::query

// Temporal constructors, arithmetic and components (see temporal.h).
#include "query/function/temporal.h"

#include <chrono>
#include <cmath>

namespace pactgraph::query {
namespace {

using Args = std::vector<Value>;
using T = Value::Type;

Status Bad(const std::string& fn, const std::string& m) {
  return Status::InvalidArgument("ArgumentError (InvalidArgumentValue): " + fn + "(): " + m);
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int64_t DaysIn(int64_t y, int64_t m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Months added to a date keep the day, clamped to the end of a shorter month.
Date AddMonths(Date d, int64_t months) {
  int y;
  unsigned m, day;
  d.ToYmd(&y, &m, &day);
  int64_t total = int64_t{y} * 12 + (m - 1) + months;
  int64_t ny = FloorDiv(total, 12), nm = FloorMod(total, 12) + 1;
  int64_t nd = std::min<int64_t>(day, DaysIn(ny, nm));
  return Date::FromYmd(static_cast<int>(ny), static_cast<unsigned>(nm), static_cast<unsigned>(nd));
}

// Whole parts from fractional amounts, each fraction carried to the next smaller unit
// (a month is 30.436875 days, as Cypher's average Gregorian month).
Duration FromParts(long double months, long double days, long double seconds) {
  Duration d;
  d.months = static_cast<int64_t>(months);
  days += (months - d.months) * 30.436875L;
  d.days = static_cast<int64_t>(days);
  seconds += (days - d.days) * 86'400;
  const long double nanos = std::roundl(seconds * 1e9L);
  d.seconds = static_cast<int64_t>(nanos / 1e9L);
  d.nanos = static_cast<int32_t>(nanos - static_cast<long double>(d.seconds) * 1e9L);
  return d;
}

Duration Normalize(int64_t months, int64_t days, __int128 nanos) {
  Duration d;
  d.months = months;
  d.days = days;
  d.seconds = static_cast<int64_t>(nanos / kNanosPerSecond);
  d.nanos = static_cast<int32_t>(nanos % kNanosPerSecond);
  return d;
}

__int128 DurNanos(const Duration& d) {
  return static_cast<__int128>(d.seconds) * kNanosPerSecond + d.nanos;
}

// A local reading (date, time of day) plus a duration: months, then days, then the clock.
void AddToReading(Date* date, int64_t* nanos, const Duration& d) {
  *date = AddMonths(*date, d.months);
  __int128 total = static_cast<__int128>(*nanos) + DurNanos(d);
  int64_t carry = static_cast<int64_t>(total / kNanosPerDay);
  int64_t rest = static_cast<int64_t>(total % kNanosPerDay);
  if (rest < 0) {
    rest += kNanosPerDay;
    --carry;
  }
  date->days = static_cast<int32_t>(date->days + d.days + carry);
  *nanos = rest;
}

Result<Value> AddDuration(const Value& t, const Duration& d) {
  switch (t.type()) {
    case T::kDate: {
      Date date = t.as_date();
      int64_t nanos = 0;
      AddToReading(&date, &nanos, d);
      return Value(date);
    }
    case T::kLocalTime:
      return Value(LocalTime{
          FloorMod(static_cast<int64_t>((t.as_local_time().nanos + DurNanos(d)) % kNanosPerDay),
                   kNanosPerDay)});
    case T::kTime: {
      Time x = t.as_time();
      x.nanos =
          FloorMod(static_cast<int64_t>((x.nanos + DurNanos(d)) % kNanosPerDay), kNanosPerDay);
      return Value(x);
    }
    case T::kLocalDateTime: {
      LocalDateTime x = t.as_local_datetime();
      AddToReading(&x.date, &x.nanos, d);
      return Value(x);
    }
    case T::kDateTime: {
      DateTime x = t.as_datetime();
      AddToReading(&x.date, &x.nanos, d);
      return Value(x);
    }
    default:
      return Status::Internal("not a temporal value");
  }
}

Duration Negate(const Duration& d) { return Duration{-d.months, -d.days, -d.seconds, -d.nanos}; }

// --- construction ---------------------------------------------------------------------------

struct Fields {
  const ValueMap* m;
  std::string fn;
  Result<std::optional<int64_t>> Int(const char* k) const {
    auto it = m->find(k);
    if (it == m->end() || it->second.is_null()) return std::optional<int64_t>();
    if (!it->second.is_int()) {
      return Status::InvalidArgument("TypeError (InvalidArgumentType): " + fn + "(): '" + k +
                                     "' must be an integer, got " + it->second.ToString());
    }
    return std::optional<int64_t>(it->second.as_int());
  }
};

Result<Date> DateFromMap(const Fields& f) {
  PG_ASSIGN_OR_RETURN(auto y, f.Int("year"));
  PG_ASSIGN_OR_RETURN(auto mo, f.Int("month"));
  PG_ASSIGN_OR_RETURN(auto d, f.Int("day"));
  for (const char* k : {"week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter"}) {
    if (f.m->count(k)) return Bad(f.fn, std::string("the '") + k + "' form is not supported");
  }
  if (!y) return Bad(f.fn, "the map needs a year");
  const int64_t m = mo.value_or(1), day = d.value_or(1);
  if (*y < -9999 || *y > 9999 || m < 1 || m > 12 || day < 1 || day > DaysIn(*y, m)) {
    return Bad(f.fn, "invalid date " + std::to_string(*y) + "-" + std::to_string(m) + "-" +
                         std::to_string(day));
  }
  return Date::FromYmd(static_cast<int>(*y), static_cast<unsigned>(m), static_cast<unsigned>(day));
}

Result<int64_t> ClockFromMap(const Fields& f) {
  PG_ASSIGN_OR_RETURN(auto h, f.Int("hour"));
  PG_ASSIGN_OR_RETURN(auto mi, f.Int("minute"));
  PG_ASSIGN_OR_RETURN(auto s, f.Int("second"));
  PG_ASSIGN_OR_RETURN(auto ms, f.Int("millisecond"));
  PG_ASSIGN_OR_RETURN(auto us, f.Int("microsecond"));
  PG_ASSIGN_OR_RETURN(auto ns, f.Int("nanosecond"));
  const int64_t hh = h.value_or(0), mm = mi.value_or(0), ss = s.value_or(0);
  const int64_t frac = ms.value_or(0) * 1'000'000 + us.value_or(0) * 1'000 + ns.value_or(0);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59 || frac < 0 ||
      frac >= kNanosPerSecond) {
    return Bad(f.fn, "invalid time of day");
  }
  return ((hh * 60 + mm) * 60 + ss) * kNanosPerSecond + frac;
}

Result<int32_t> Offset(const std::string& fn, const Value& tz) {
  if (!tz.is_string()) return Bad(fn, "timezone must be a string such as '+01:00'");
  auto t = Time::Parse("00:00" + tz.as_string());
  if (!t) {
    return Bad(fn, "time zone '" + tz.as_string() +
                       "' is not supported: give a UTC offset such as '+01:00' or 'Z'");
  }
  return t->offset_seconds;
}

Result<int32_t> OffsetFromMap(const Fields& f) {
  auto it = f.m->find("timezone");
  if (it == f.m->end() || it->second.is_null()) return 0;
  return Offset(f.fn, it->second);
}

// Now, in UTC.
void Now(Date* date, int64_t* nanos) {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  date->days = static_cast<int32_t>(FloorDiv(ns, kNanosPerDay));
  *nanos = FloorMod(ns, kNanosPerDay);
}

// Splits any temporal value into the parts a constructor may take from it.
struct Parts {
  std::optional<Date> date;
  std::optional<int64_t> nanos;
  std::optional<int32_t> offset;
};

std::optional<Parts> PartsOf(const Value& v) {
  switch (v.type()) {
    case T::kDate:
      return Parts{v.as_date(), std::nullopt, std::nullopt};
    case T::kLocalTime:
      return Parts{std::nullopt, v.as_local_time().nanos, std::nullopt};
    case T::kTime:
      return Parts{std::nullopt, v.as_time().nanos, v.as_time().offset_seconds};
    case T::kLocalDateTime:
      return Parts{v.as_local_datetime().date, v.as_local_datetime().nanos, std::nullopt};
    case T::kDateTime:
      return Parts{v.as_datetime().date, v.as_datetime().nanos, v.as_datetime().offset_seconds};
    default:
      return std::nullopt;
  }
}

// One constructor: `want` says which parts the result has.
Result<Value> Construct(const std::string& fn, T want, const Args& a) {
  const bool has_date = want == T::kDate || want == T::kLocalDateTime || want == T::kDateTime;
  const bool has_time = want != T::kDate;
  const bool has_zone = want == T::kTime || want == T::kDateTime;
  Date date;
  int64_t nanos = 0;
  int32_t offset = 0;
  if (a.empty()) {
    Now(&date, &nanos);
  } else {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_string()) {
      const std::string& s = v.as_string();
      std::optional<Value> parsed;
      bool ok = false;
      if (want == T::kDate) {
        if (auto d = Date::Parse(s)) date = *d, ok = true;
      } else if (want == T::kLocalTime) {
        if (auto t = LocalTime::Parse(s)) nanos = t->nanos, ok = true;
      } else if (want == T::kTime) {
        if (auto t = Time::Parse(s)) nanos = t->nanos, offset = t->offset_seconds, ok = true;
      } else if (want == T::kLocalDateTime) {
        if (auto t = LocalDateTime::Parse(s)) date = t->date, nanos = t->nanos, ok = true;
      } else if (auto t = DateTime::Parse(s)) {
        date = t->date, nanos = t->nanos, offset = t->offset_seconds, ok = true;
      }
      if (!ok) return Bad(fn, "'" + s + "' is not a valid " + fn + " (ISO 8601)");
    } else if (v.is_map()) {
      Fields f{&v.as_map(), fn};
      if (has_date) {
        if (has_zone && (f.m->count("epochSeconds") || f.m->count("epochMillis"))) {
          PG_ASSIGN_OR_RETURN(auto es, f.Int("epochSeconds"));
          PG_ASSIGN_OR_RETURN(auto em, f.Int("epochMillis"));
          PG_ASSIGN_OR_RETURN(auto ns, f.Int("nanosecond"));
          if (!es && !em) return Bad(f.fn, "epochSeconds or epochMillis must be an integer");
          int64_t total = es ? *es * kNanosPerSecond : *em * 1'000'000;
          total += ns.value_or(0);
          date.days = static_cast<int32_t>(FloorDiv(total, kNanosPerDay));
          nanos = FloorMod(total, kNanosPerDay);
          PG_ASSIGN_OR_RETURN(offset, OffsetFromMap(f));
          AddToReading(&date, &nanos, Duration{0, 0, offset, 0});
          return Value(DateTime{date, nanos, offset});
        }
        PG_ASSIGN_OR_RETURN(date, DateFromMap(f));
      }
      if (has_time) {
        PG_ASSIGN_OR_RETURN(nanos, ClockFromMap(f));
      }
      if (has_zone) {
        PG_ASSIGN_OR_RETURN(offset, OffsetFromMap(f));
      }
    } else if (auto p = PartsOf(v)) {
      if (has_date && !p->date) return Bad(fn, "cannot take a date from " + v.ToString());
      if (has_time && !p->nanos && !has_date) {
        return Bad(fn, "cannot take a time from " + v.ToString());
      }
      if (p->date) date = *p->date;
      nanos = p->nanos.value_or(0);
      offset = p->offset.value_or(0);
    } else {
      return TypeMismatch(fn, "a string, map or temporal value", v);
    }
  }
  switch (want) {
    case T::kDate:
      return Value(date);
    case T::kLocalTime:
      return Value(LocalTime{nanos});
    case T::kTime:
      return Value(Time{nanos, offset});
    case T::kLocalDateTime:
      return Value(LocalDateTime{date, nanos});
    default:
      return Value(DateTime{date, nanos, offset});
  }
}

Result<Value> MakeDuration(const Args& a) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_string()) {
    auto d = Duration::Parse(v.as_string());
    if (!d) return Bad("duration", "'" + v.as_string() + "' is not an ISO 8601 duration");
    return Value(*d);
  }
  if (v.is_duration()) return v;
  if (!v.is_map()) return TypeMismatch("duration", "a string or map", v);
  long double months = 0, days = 0, seconds = 0;
  static const std::pair<const char*, std::pair<int, long double>> kUnits[] = {
      {"years", {0, 12}},
      {"quarters", {0, 3}},
      {"months", {0, 1}},
      {"weeks", {1, 7}},
      {"days", {1, 1}},
      {"hours", {2, 3600}},
      {"minutes", {2, 60}},
      {"seconds", {2, 1}},
      {"milliseconds", {2, 1e-3L}},
      {"microseconds", {2, 1e-6L}},
      {"nanoseconds", {2, 1e-9L}}};
  for (const auto& [k, val] : v.as_map()) {
    const std::pair<int, long double>* unit = nullptr;
    for (const auto& u : kUnits) {
      if (k == u.first) unit = &u.second;
    }
    if (!unit) return Bad("duration", "unknown component '" + k + "'");
    if (val.is_null()) continue;
    if (!val.is_number()) return TypeMismatch("duration", "numeric components", val);
    long double x = static_cast<long double>(val.as_number()) * unit->second;
    (unit->first == 0 ? months : unit->first == 1 ? days : seconds) += x;
  }
  return Value(FromParts(months, days, seconds));
}

// duration.between(a, b) and its inMonths / inDays / inSeconds forms.
Result<Value> Between(const Args& a, int mode) {
  if (a[0].is_null() || a[1].is_null()) return Value();
  auto pa = PartsOf(a[0]), pb = PartsOf(a[1]);
  if (!pa || !pb) return TypeMismatch("duration.between", "two temporal values", pa ? a[1] : a[0]);
  int64_t n1 = pa->nanos.value_or(0), n2 = pb->nanos.value_or(0);
  // Zoned on both sides: compare in the first one's offset.
  if (pa->offset && pb->offset) n2 += (int64_t{*pa->offset} - *pb->offset) * kNanosPerSecond;
  if (!pa->date || !pb->date) {
    // A time of day on either side: the clock difference only.
    if (mode == 1 || mode == 2) return Value(Duration{});
    return Value(Normalize(0, 0, static_cast<__int128>(n2) - n1));
  }
  Date d1 = *pa->date, d2 = *pb->date;
  // Carry n2 into whole days so it lies within one day.
  d2.days = static_cast<int32_t>(d2.days + FloorDiv(n2, kNanosPerDay));
  n2 = FloorMod(n2, kNanosPerDay);
  auto before = [](Date x, int64_t xn, Date y, int64_t yn) {
    return x.days < y.days || (x.days == y.days && xn < yn);
  };
  const bool forward = !before(d2, n2, d1, n1);
  int y1, y2;
  unsigned m1, m2, dd1, dd2;
  d1.ToYmd(&y1, &m1, &dd1);
  d2.ToYmd(&y2, &m2, &dd2);
  int64_t months = (int64_t{y2} - y1) * 12 + (int64_t{m2} - m1);
  auto overshoots = [&](int64_t m) {
    Date c = AddMonths(d1, m);
    return forward ? before(d2, n2, c, n1) : before(c, n1, d2, n2);
  };
  while (months != 0 && overshoots(months)) months += forward ? -1 : 1;
  if (mode == 1) return Value(Duration{months, 0, 0, 0});
  Date c = mode == 2 || mode == 3 ? d1 : AddMonths(d1, months);
  int64_t days = int64_t{d2.days} - c.days;
  int64_t nanos = n2 - n1;
  if (days > 0 && nanos < 0) {
    --days;
    nanos += kNanosPerDay;
  } else if (days < 0 && nanos > 0) {
    ++days;
    nanos -= kNanosPerDay;
  }
  if (mode == 2) return Value(Duration{0, days, 0, 0});
  if (mode == 3) return Value(Normalize(0, 0, static_cast<__int128>(days) * kNanosPerDay + nanos));
  return Value(Normalize(months, days, nanos));
}

}  // namespace

void AddTemporalFunctions(std::map<std::string, ScalarFunction>* t) {
  auto add = [&](const std::string& name, T want) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    (*t)[lower] = ScalarFunction{name, 0, 1, [name, want](const Args& a, FunctionContext&) {
                                   return Construct(name, want, a);
                                 }};
  };
  add("date", T::kDate);
  add("localtime", T::kLocalTime);
  add("time", T::kTime);
  add("localdatetime", T::kLocalDateTime);
  add("datetime", T::kDateTime);
  (*t)["duration"] = ScalarFunction{
      "duration", 1, 1, [](const Args& a, FunctionContext&) { return MakeDuration(a); }};
  const std::pair<const char*, int> kBetween[] = {{"duration.between", 0},
                                                  {"duration.inMonths", 1},
                                                  {"duration.inDays", 2},
                                                  {"duration.inSeconds", 3}};
  for (const auto& [name, mode] : kBetween) {
    std::string lower;
    for (const char* c = name; *c; ++c) lower += static_cast<char>(std::tolower(*c));
    const int m = mode;
    (*t)[lower] =
        ScalarFunction{name, 2, 2, [m](const Args& a, FunctionContext&) { return Between(a, m); }};
  }
}

std::optional<Result<Value>> TemporalArithmetic(const std::string& op, const Value& a,
                                                const Value& b) {
  if (!a.is_temporal() && !b.is_temporal()) return std::nullopt;
  if (a.is_null() || b.is_null()) return Result<Value>(Value());
  auto mismatch = [&]() -> Result<Value> {
    return Status::InvalidArgument("TypeError (InvalidArgumentType): Type mismatch: cannot apply " +
                                   op + " to " + Value::TypeName(a.type()) + " and " +
                                   Value::TypeName(b.type()));
  };
  if (a.is_duration() && b.is_duration() && (op == "+" || op == "-")) {
    Duration x = a.as_duration(), y = op == "-" ? Negate(b.as_duration()) : b.as_duration();
    return Result<Value>(
        Value(Normalize(x.months + y.months, x.days + y.days, DurNanos(x) + DurNanos(y))));
  }
  if (a.is_duration() && b.is_number() && (op == "*" || op == "/")) {
    long double f = static_cast<long double>(b.as_number());
    if (op == "/") {
      if (f == 0)
        return Result<Value>(
            Status::InvalidArgument("ArgumentError (NumberOutOfRange): / by zero"));
      f = 1 / f;
    }
    const Duration d = a.as_duration();
    return Result<Value>(Value(FromParts(
        d.months * f, d.days * f, (static_cast<long double>(d.seconds) + d.nanos * 1e-9L) * f)));
  }
  if (a.is_number() && b.is_duration() && op == "*") return TemporalArithmetic(op, b, a);
  if (b.is_duration() && a.is_temporal() && !a.is_duration() && (op == "+" || op == "-")) {
    return AddDuration(a, op == "-" ? Negate(b.as_duration()) : b.as_duration());
  }
  if (a.is_duration() && b.is_temporal() && !b.is_duration() && op == "+") {
    return AddDuration(b, a.as_duration());
  }
  return mismatch();
}

Result<Value> TemporalComponent(const Value& v, const std::string& key) {
  auto i = [](int64_t x) { return Value(x); };
  if (v.is_duration()) {
    const Duration d = v.as_duration();
    const __int128 ns = DurNanos(d);
    if (key == "years") return i(d.months / 12);
    if (key == "quarters") return i(d.months / 3);
    if (key == "months") return i(d.months);
    if (key == "weeks") return i(d.days / 7);
    if (key == "days") return i(d.days);
    if (key == "hours") return i(d.seconds / 3600);
    if (key == "minutes") return i(d.seconds / 60);
    if (key == "seconds") return i(d.seconds);
    if (key == "milliseconds") return i(static_cast<int64_t>(ns / 1'000'000));
    if (key == "microseconds") return i(static_cast<int64_t>(ns / 1'000));
    if (key == "nanoseconds") return i(static_cast<int64_t>(ns));
    if (key == "quartersOfYear") return i(d.months / 3 % 4);
    if (key == "monthsOfQuarter") return i(d.months % 3);
    if (key == "monthsOfYear") return i(d.months % 12);
    if (key == "daysOfWeek") return i(d.days % 7);
    if (key == "minutesOfHour") return i(d.seconds / 60 % 60);
    if (key == "secondsOfMinute") return i(d.seconds % 60);
    if (key == "millisecondsOfSecond") return i(d.nanos / 1'000'000);
    if (key == "microsecondsOfSecond") return i(d.nanos / 1'000);
    if (key == "nanosecondsOfSecond") return i(d.nanos);
    return Status::InvalidArgument("a duration has no component '" + key + "'");
  }
  auto p = PartsOf(v);
  if (p && p->date) {
    int y;
    unsigned m, d;
    p->date->ToYmd(&y, &m, &d);
    if (key == "year") return i(y);
    if (key == "quarter") return i((m - 1) / 3 + 1);
    if (key == "month") return i(m);
    if (key == "day") return i(d);
    if (key == "ordinalDay") return i(p->date->days - Date::FromYmd(y, 1, 1).days + 1);
    if (key == "dayOfWeek") return i(FloorMod(int64_t{p->date->days} + 3, 7) + 1);  // Monday 1
  }
  if (p && p->nanos) {
    const int64_t n = *p->nanos, s = n / kNanosPerSecond;
    if (key == "hour") return i(s / 3600);
    if (key == "minute") return i(s / 60 % 60);
    if (key == "second") return i(s % 60);
    if (key == "millisecond") return i(n % kNanosPerSecond / 1'000'000);
    if (key == "microsecond") return i(n % kNanosPerSecond / 1'000);
    if (key == "nanosecond") return i(n % kNanosPerSecond);
  }
  if (p && p->offset) {
    const std::string text = Time{0, *p->offset}.ToString().substr(5);
    if (key == "timezone" || key == "offset") return Value(text == "Z" ? "+00:00" : text);
    if (key == "offsetMinutes") return i(*p->offset / 60);
    if (key == "offsetSeconds") return i(*p->offset);
  }
  if (v.is_datetime()) {
    const DateTime x = v.as_datetime();
    if (key == "epochSeconds") return i(x.EpochSeconds());
    if (key == "epochMillis")
      return i(x.EpochSeconds() * 1000 + x.nanos % kNanosPerSecond / 1'000'000);
  }
  return Status::InvalidArgument(std::string("a ") + Value::TypeName(v.type()) +
                                 " value has no component '" + key + "'");
}

}  // namespace pactgraph::query

// ISO 8601 text of the temporal kinds (pactgraph/value.h): parsing and printing.
//
// The forms are those Cypher prints: a time drops ":SS" when seconds and fraction are zero and
// prints the fraction without trailing zeros; offsets are "Z" or "±HH:MM" (":SS" when there are
// offset seconds); durations print years, months, days, hours, minutes and seconds, each only
// when not zero, zero as "PT0S".
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "pactgraph/value.h"

namespace pactgraph {
namespace {

// Reads exactly `n` digits at *pos.
bool Digits(std::string_view s, size_t* pos, size_t n, int64_t* out) {
  if (*pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = *pos; i < *pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

// "HH:MM[:SS[.f…]]" or "HHMM[SS[.f…]]" starting at *pos; stops before an offset.
bool ParseClock(std::string_view s, size_t* pos, int64_t* nanos) {
  int64_t h, m, sec = 0, frac = 0;
  if (!Digits(s, pos, 2, &h)) return false;
  const bool colons = *pos < s.size() && s[*pos] == ':';
  if (colons) ++*pos;
  if (!Digits(s, pos, 2, &m)) return false;
  if (*pos < s.size() &&
      (colons ? s[*pos] == ':' : std::isdigit(static_cast<unsigned char>(s[*pos])))) {
    if (colons) ++*pos;
    if (!Digits(s, pos, 2, &sec)) return false;
    if (*pos < s.size() && (s[*pos] == '.' || s[*pos] == ',')) {
      ++*pos;
      size_t digits = 0;
      while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos]))) {
        if (digits < 9) frac = frac * 10 + (s[*pos] - '0');
        ++digits;
        ++*pos;
      }
      if (digits == 0) return false;
      for (size_t d = digits; d < 9; ++d) frac *= 10;
    }
  }
  if (h > 23 || m > 59 || sec > 59) return false;
  *nanos = ((h * 60 + m) * 60 + sec) * kNanosPerSecond + frac;
  return true;
}

// "Z", "±HH", "±HH:MM", "±HHMM" (and ":SS"); an empty rest is UTC when `optional`.
bool ParseOffset(std::string_view s, size_t* pos, int32_t* offset) {
  if (*pos == s.size()) {
    *offset = 0;
    return true;
  }
  if (s[*pos] == 'Z' || s[*pos] == 'z') {
    ++*pos;
    *offset = 0;
    return *pos == s.size();
  }
  if (s[*pos] != '+' && s[*pos] != '-') return false;
  const int sign = s[*pos] == '-' ? -1 : 1;
  ++*pos;
  int64_t h, m = 0, sec = 0;
  if (!Digits(s, pos, 2, &h)) return false;
  if (*pos < s.size()) {
    if (s[*pos] == ':') ++*pos;
    if (!Digits(s, pos, 2, &m)) return false;
    if (*pos < s.size()) {
      if (s[*pos] == ':') ++*pos;
      if (!Digits(s, pos, 2, &sec)) return false;
    }
  }
  if (*pos != s.size() || h > 18 || m > 59 || sec > 59) return false;
  *offset = static_cast<int32_t>(sign * ((h * 60 + m) * 60 + sec));
  return std::abs(*offset) <= 18 * 3600;
}

std::string ClockText(int64_t nanos) {
  const int64_t secs = nanos / kNanosPerSecond, frac = nanos % kNanosPerSecond;
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(secs / 3600),
                        static_cast<long long>(secs / 60 % 60));
  std::string out(buf, n);
  if (secs % 60 != 0 || frac != 0) {
    n = std::snprintf(buf, sizeof buf, ":%02lld", static_cast<long long>(secs % 60));
    out.append(buf, n);
  }
  if (frac != 0) {
    n = std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
    std::string f(buf, n);
    while (f.back() == '0') f.pop_back();
    out += f;
  }
  return out;
}

std::string OffsetText(int32_t offset) {
  if (offset == 0) return "Z";
  const int32_t a = std::abs(offset);
  char buf[24];
  int n =
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  std::string out(buf, n);
  if (a % 60 != 0) {
    n = std::snprintf(buf, sizeof buf, ":%02d", a % 60);
    out.append(buf, n);
  }
  return out;
}

// "YYYY-MM-DD" at the start of s, then 'T' and a clock; a date alone is midnight.
bool ParseDateClock(std::string_view s, size_t* pos, Date* date, int64_t* nanos) {
  if (s.size() < 10) return false;
  auto d = Date::Parse(s.substr(0, 10));
  if (!d) return false;
  *date = *d;
  *pos = 10;
  *nanos = 0;
  if (*pos == s.size()) return true;
  if (s[*pos] != 'T' && s[*pos] != 't') return false;
  ++*pos;
  return ParseClock(s, pos, nanos);
}

}  // namespace

std::optional<LocalTime> LocalTime::Parse(std::string_view iso) {
  size_t pos = 0;
  LocalTime t;
  if (!ParseClock(iso, &pos, &t.nanos) || pos != iso.size()) return std::nullopt;
  return t;
}

std::string LocalTime::ToString() const { return ClockText(nanos); }

std::optional<Time> Time::Parse(std::string_view iso) {
  size_t pos = 0;
  Time t;
  if (!ParseClock(iso, &pos, &t.nanos) || !ParseOffset(iso, &pos, &t.offset_seconds)) {
    return std::nullopt;
  }
  return t;
}

std::string Time::ToString() const { return ClockText(nanos) + OffsetText(offset_seconds); }

int64_t Time::UtcNanos() const { return nanos - int64_t{offset_seconds} * kNanosPerSecond; }

std::optional<LocalDateTime> LocalDateTime::Parse(std::string_view iso) {
  size_t pos = 0;
  LocalDateTime t;
  if (!ParseDateClock(iso, &pos, &t.date, &t.nanos) || pos != iso.size()) return std::nullopt;
  return t;
}

std::string LocalDateTime::ToString() const { return date.ToString() + "T" + ClockText(nanos); }

std::optional<DateTime> DateTime::Parse(std::string_view iso) {
  size_t pos = 0;
  DateTime t;
  if (!ParseDateClock(iso, &pos, &t.date, &t.nanos) || !ParseOffset(iso, &pos, &t.offset_seconds)) {
    return std::nullopt;
  }
  return t;
}

std::string DateTime::ToString() const {
  return date.ToString() + "T" + ClockText(nanos) + OffsetText(offset_seconds);
}

int64_t DateTime::EpochSeconds() const {
  return int64_t{date.days} * 86'400 + nanos / kNanosPerSecond - offset_seconds;
}

std::optional<Duration> Duration::Parse(std::string_view iso) {
  if (iso.empty()) return std::nullopt;
  size_t pos = 0;
  int sign = 1;
  if (iso[0] == '-') {
    sign = -1;
    ++pos;
  }
  if (pos >= iso.size() || (iso[pos] != 'P' && iso[pos] != 'p')) return std::nullopt;
  ++pos;
  // Fractions of a unit carry down, as Cypher does: P0.5D is 12 hours.
  long double months = 0, days = 0, seconds = 0;
  bool time = false, any = false;
  while (pos < iso.size()) {
    if (iso[pos] == 'T' || iso[pos] == 't') {
      if (time) return std::nullopt;
      time = true;
      ++pos;
      continue;
    }
    const char* begin = iso.data() + pos;
    char* end = nullptr;
    std::string num(begin, iso.size() - pos);
    long double v = std::strtold(num.c_str(), &end);
    size_t used = static_cast<size_t>(end - num.c_str());
    if (used == 0 || pos + used >= iso.size()) return std::nullopt;
    pos += used;
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(iso[pos++])));
    any = true;
    if (!time && unit == 'Y')
      months += 12 * v;
    else if (!time && unit == 'M')
      months += v;
    else if (!time && unit == 'W')
      days += 7 * v;
    else if (!time && unit == 'D')
      days += v;
    else if (time && unit == 'H')
      seconds += 3600 * v;
    else if (time && unit == 'M')
      seconds += 60 * v;
    else if (time && unit == 'S')
      seconds += v;
    else
      return std::nullopt;
  }
  if (!any) return std::nullopt;
  Duration d;
  d.months = static_cast<int64_t>(months);
  // The fraction of a month is 30.436875 days (the Gregorian mean), as Cypher's.
  days += (months - d.months) * 30.436875L;
  d.days = static_cast<int64_t>(days);
  seconds += (days - d.days) * 86'400;
  const long double total_nanos = std::roundl(seconds * 1e9L);
  d.seconds = static_cast<int64_t>(total_nanos / 1e9L);
  d.nanos = static_cast<int32_t>(total_nanos - static_cast<long double>(d.seconds) * 1e9L);
  d.months *= sign;
  d.days *= sign;
  d.seconds *= sign;
  d.nanos *= sign;
  return d;
}

std::string Duration::ToString() const {
  std::string out = "P";
  if (months / 12 != 0) out += std::to_string(months / 12) + "Y";
  if (months % 12 != 0) out += std::to_string(months % 12) + "M";
  if (days != 0) out += std::to_string(days) + "D";
  // Seconds and nanoseconds as one signed amount, then split into H, M and S.
  const __int128 total = static_cast<__int128>(seconds) * kNanosPerSecond + nanos;
  std::string t;
  if (total != 0) {
    const bool neg = total < 0;
    const __int128 a = neg ? -total : total;
    const int64_t secs = static_cast<int64_t>(a / kNanosPerSecond);
    const int64_t frac = static_cast<int64_t>(a % kNanosPerSecond);
    const std::string sign = neg ? "-" : "";
    if (secs / 3600 != 0) t += sign + std::to_string(secs / 3600) + "H";
    if (secs / 60 % 60 != 0) t += sign + std::to_string(secs / 60 % 60) + "M";
    if (secs % 60 != 0 || frac != 0) {
      t += sign + std::to_string(secs % 60);
      if (frac != 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
        std::string f = buf;
        while (f.back() == '0') f.pop_back();
        t += f;
      }
      t += "S";
    }
  }
  if (!t.empty()) out += "T" + t;
  if (out == "P") out = "PT0S";
  return out;
}

std::string Value::TemporalText() const {
  switch (type()) {
    case Type::kDate:
      return as_date().ToString();
    case Type::kLocalTime:
      return as_local_time().ToString();
    case Type::kTime:
      return as_time().ToString();
    case Type::kLocalDateTime:
      return as_local_datetime().ToString();
    case Type::kDateTime:
      return as_datetime().ToString();
    case Type::kDuration:
      return as_duration().ToString();
    default:
      return "";
  }
}

std::optional<Value> ParseTemporalText(std::string_view t) {
  if (t.size() < 3) return std::nullopt;
  if (t[0] == 'P' || (t[0] == '-' && t[1] == 'P')) {
    if (auto d = Duration::Parse(t)) return Value(*d);
    return std::nullopt;
  }
  if (t.size() >= 10 && t[4] == '-') {
    if (t.size() == 10) {
      if (auto d = Date::Parse(t)) return Value(*d);
      return std::nullopt;
    }
    if (auto l = LocalDateTime::Parse(t)) return Value(*l);
    if (auto d = DateTime::Parse(t)) return Value(*d);
    return std::nullopt;
  }
  if (t.size() >= 8 && t[2] == ':' && t[5] == ':') {
    if (auto l = LocalTime::Parse(t)) return Value(*l);
  }
  if (t.size() >= 6 && t[2] == ':' && t.find_first_of("Z+-", 5) != std::string_view::npos) {
    if (auto z = Time::Parse(t)) return Value(*z);
  }
  return std::nullopt;
}

}  // namespace pactgraph

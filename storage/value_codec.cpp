#include "storage/value_codec.h"

#include <cstring>

#include "storage/key_codec.h"
#include "util/utf8.h"

namespace pactgraph::storage {
namespace {

enum Tag : uint8_t {
  kNull = 0,
  kFalse = 1,
  kTrue = 2,
  kInt = 3,
  kFloat = 4,
  kString = 5,
  kDate = 6,
  kList = 7,
  kMap = 8,
  // Added with the temporal kinds (docs/storage.md); older readers report them as corrupt.
  kLocalTime = 9,       // zigzag varint nanos of day
  kTime = 10,           // zigzag varint nanos of day, zigzag varint offset seconds
  kLocalDateTime = 11,  // zigzag varint days since 1970-01-01, zigzag varint nanos of day
  kDateTime = 12,       // as kLocalDateTime, then zigzag varint offset seconds
  kDuration = 13,       // zigzag varints months, days, seconds, nanos
};

void PutSigned(std::string* dst, int64_t v);
bool GetSigned(std::string_view* in, int64_t* v);

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1)); }

Status Corrupt(const char* what) {
  return Status::Corruption(std::string("bad stored value: ") + what);
}

void PutString(std::string* dst, std::string_view s) {
  PutVarint64(dst, s.size());
  dst->append(s);
}

bool GetString(std::string_view* in, std::string* out) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) return false;
  out->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

Status EncodeValueAt(const Value& v, std::string* dst, int depth);

Status EncodeMapBody(const ValueMap& m, std::string* dst, int depth) {
  PutVarint64(dst, m.size());
  for (const auto& [k, v] : m) {
    if (FindInvalidUtf8(k) != std::string::npos) {
      return Status::InvalidArgument("a map key is not valid UTF-8");
    }
    PutString(dst, k);
    PG_RETURN_IF_ERROR(EncodeValueAt(v, dst, depth + 1));
  }
  return Status::OK();
}

Status EncodeValueAt(const Value& v, std::string* dst, int depth) {
  if (depth > kMaxDepth) return Status::InvalidArgument("property value nested too deeply");
  switch (v.type()) {
    case Value::Type::kNull:
      dst->push_back(kNull);
      return Status::OK();
    case Value::Type::kBool:
      dst->push_back(v.as_bool() ? kTrue : kFalse);
      return Status::OK();
    case Value::Type::kInt:
      dst->push_back(kInt);
      PutVarint64(dst, ZigZag(v.as_int()));
      return Status::OK();
    case Value::Type::kFloat: {
      dst->push_back(kFloat);
      uint64_t bits;
      double d = v.as_float();
      std::memcpy(&bits, &d, sizeof bits);
      PutU64BE(dst, bits);
      return Status::OK();
    }
    case Value::Type::kString:
      // The last guard: every stored string is UTF-8 (JSON writers and the name index need it).
      if (size_t bad = FindInvalidUtf8(v.as_string()); bad != std::string::npos) {
        return Status::InvalidArgument("a string value is not valid UTF-8 (at byte " +
                                       std::to_string(bad) + ")");
      }
      dst->push_back(kString);
      PutString(dst, v.as_string());
      return Status::OK();
    case Value::Type::kDate:
      dst->push_back(kDate);
      PutVarint64(dst, ZigZag(v.as_date().days));
      return Status::OK();
    case Value::Type::kLocalTime:
      dst->push_back(kLocalTime);
      PutSigned(dst, v.as_local_time().nanos);
      return Status::OK();
    case Value::Type::kTime:
      dst->push_back(kTime);
      PutSigned(dst, v.as_time().nanos);
      PutSigned(dst, v.as_time().offset_seconds);
      return Status::OK();
    case Value::Type::kLocalDateTime:
      dst->push_back(kLocalDateTime);
      PutSigned(dst, v.as_local_datetime().date.days);
      PutSigned(dst, v.as_local_datetime().nanos);
      return Status::OK();
    case Value::Type::kDateTime:
      dst->push_back(kDateTime);
      PutSigned(dst, v.as_datetime().date.days);
      PutSigned(dst, v.as_datetime().nanos);
      PutSigned(dst, v.as_datetime().offset_seconds);
      return Status::OK();
    case Value::Type::kDuration: {
      const Duration d = v.as_duration();
      dst->push_back(kDuration);
      for (int64_t part : {d.months, d.days, d.seconds, int64_t{d.nanos}}) PutSigned(dst, part);
      return Status::OK();
    }
    case Value::Type::kList:
      dst->push_back(kList);
      PutVarint64(dst, v.as_list().size());
      for (const auto& e : v.as_list()) PG_RETURN_IF_ERROR(EncodeValueAt(e, dst, depth + 1));
      return Status::OK();
    case Value::Type::kMap:
      dst->push_back(kMap);
      return EncodeMapBody(v.as_map(), dst, depth);
    case Value::Type::kNode:
    case Value::Type::kRel:
    case Value::Type::kPath:
      return Status::InvalidArgument(std::string("a ") + Value::TypeName(v.type()) +
                                     " cannot be stored as a property value");
  }
  return Status::Internal("unknown value type");
}

Status DecodeValueAt(std::string_view* in, Value* out, int depth);

Status DecodeMapBody(std::string_view* in, ValueMap* out, int depth) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) return Corrupt("map size");
  out->clear();
  for (uint64_t i = 0; i < n; ++i) {
    std::string key;
    if (!GetString(in, &key)) return Corrupt("map key");
    Value v;
    PG_RETURN_IF_ERROR(DecodeValueAt(in, &v, depth + 1));
    out->emplace_hint(out->end(), std::move(key), std::move(v));
  }
  return Status::OK();
}

Status DecodeValueAt(std::string_view* in, Value* out, int depth) {
  if (depth > kMaxDepth) return Corrupt("nested too deeply");
  if (in->empty()) return Corrupt("truncated");
  uint8_t tag = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  switch (tag) {
    case kNull:
      *out = Value();
      return Status::OK();
    case kFalse:
      *out = Value(false);
      return Status::OK();
    case kTrue:
      *out = Value(true);
      return Status::OK();
    case kInt: {
      uint64_t u;
      if (!GetVarint64(in, &u)) return Corrupt("integer");
      *out = Value(UnZigZag(u));
      return Status::OK();
    }
    case kFloat: {
      if (in->size() < 8) return Corrupt("float");
      uint64_t bits = GetU64BE(in->data());
      in->remove_prefix(8);
      double d;
      std::memcpy(&d, &bits, sizeof d);
      *out = Value(d);
      return Status::OK();
    }
    case kString: {
      std::string s;
      if (!GetString(in, &s)) return Corrupt("string");
      *out = Value(std::move(s));
      return Status::OK();
    }
    case kDate: {
      uint64_t u;
      if (!GetVarint64(in, &u)) return Corrupt("date");
      int64_t days = UnZigZag(u);
      if (days < INT32_MIN || days > INT32_MAX) return Corrupt("date range");
      *out = Value(Date{static_cast<int32_t>(days)});
      return Status::OK();
    }
    case kLocalTime: {
      int64_t nanos;
      if (!GetSigned(in, &nanos) || nanos < 0 || nanos >= kNanosPerDay) return Corrupt("time");
      *out = Value(LocalTime{nanos});
      return Status::OK();
    }
    case kTime: {
      int64_t nanos, offset;
      if (!GetSigned(in, &nanos) || !GetSigned(in, &offset) || nanos < 0 || nanos >= kNanosPerDay ||
          offset < -64800 || offset > 64800) {
        return Corrupt("time");
      }
      *out = Value(Time{nanos, static_cast<int32_t>(offset)});
      return Status::OK();
    }
    case kLocalDateTime:
    case kDateTime: {
      int64_t days, nanos, offset = 0;
      if (!GetSigned(in, &days) || !GetSigned(in, &nanos) ||
          (tag == kDateTime && !GetSigned(in, &offset)) || days < INT32_MIN || days > INT32_MAX ||
          nanos < 0 || nanos >= kNanosPerDay || offset < -64800 || offset > 64800) {
        return Corrupt("datetime");
      }
      Date date{static_cast<int32_t>(days)};
      if (tag == kDateTime) {
        *out = Value(DateTime{date, nanos, static_cast<int32_t>(offset)});
      } else {
        *out = Value(LocalDateTime{date, nanos});
      }
      return Status::OK();
    }
    case kDuration: {
      int64_t parts[4];
      for (int64_t& p : parts) {
        if (!GetSigned(in, &p)) return Corrupt("duration");
      }
      if (parts[3] <= -kNanosPerSecond || parts[3] >= kNanosPerSecond) return Corrupt("duration");
      *out = Value(Duration{parts[0], parts[1], parts[2], static_cast<int32_t>(parts[3])});
      return Status::OK();
    }
    case kList: {
      uint64_t n;
      if (!GetVarint64(in, &n) || n > in->size()) return Corrupt("list size");
      ValueList l;
      l.reserve(n);
      for (uint64_t i = 0; i < n; ++i) {
        Value e;
        PG_RETURN_IF_ERROR(DecodeValueAt(in, &e, depth + 1));
        l.push_back(std::move(e));
      }
      *out = Value(std::move(l));
      return Status::OK();
    }
    case kMap: {
      ValueMap m;
      PG_RETURN_IF_ERROR(DecodeMapBody(in, &m, depth));
      *out = Value(std::move(m));
      return Status::OK();
    }
    default:
      return Corrupt("unknown tag");
  }
}

void PutSigned(std::string* dst, int64_t v) { PutVarint64(dst, ZigZag(v)); }

bool GetSigned(std::string_view* in, int64_t* v) {
  uint64_t u;
  if (!GetVarint64(in, &u)) return false;
  *v = UnZigZag(u);
  return true;
}

}  // namespace

void PutVarint64(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

bool GetVarint64(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    uint64_t byte = static_cast<unsigned char>((*in)[0]);
    in->remove_prefix(1);
    if (shift == 63 && byte > 1) return false;
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

Status EncodeValue(const Value& v, std::string* dst) { return EncodeValueAt(v, dst, 0); }
Status DecodeValue(std::string_view* in, Value* out) { return DecodeValueAt(in, out, 0); }

Status EncodePropertyMap(const ValueMap& m, std::string* dst) { return EncodeMapBody(m, dst, 0); }
Status DecodePropertyMap(std::string_view* in, ValueMap* out) { return DecodeMapBody(in, out, 0); }

Status EncodeNodeRecord(const NodeRecord& r, std::string* dst) {
  PutVarint64(dst, r.labels.size());
  for (uint32_t l : r.labels) PutVarint64(dst, l);
  return EncodePropertyMap(r.properties, dst);
}

namespace {
Status DecodeLabelsAt(std::string_view* in, std::vector<uint32_t>* labels) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) return Corrupt("label count");
  labels->clear();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t l;
    if (!GetVarint64(in, &l) || l > UINT32_MAX) return Corrupt("label id");
    labels->push_back(static_cast<uint32_t>(l));
  }
  return Status::OK();
}
}  // namespace

Status DecodeNodeLabels(std::string_view in, std::vector<uint32_t>* labels) {
  return DecodeLabelsAt(&in, labels);
}

Status DecodeNodeRecord(std::string_view in, NodeRecord* out) {
  PG_RETURN_IF_ERROR(DecodeLabelsAt(&in, &out->labels));
  PG_RETURN_IF_ERROR(DecodePropertyMap(&in, &out->properties));
  if (!in.empty()) return Corrupt("trailing bytes in node record");
  return Status::OK();
}

Status EncodeRelRecord(const RelRecord& r, std::string* dst) {
  PutVarint64(dst, r.type);
  PutU64BE(dst, r.start);
  PutU64BE(dst, r.end);
  return EncodePropertyMap(r.properties, dst);
}

namespace {
Status DecodeRelHeaderAt(std::string_view* in, RelRecord* out) {
  uint64_t t;
  if (!GetVarint64(in, &t) || t > UINT32_MAX) return Corrupt("relationship type");
  if (in->size() < 16) return Corrupt("relationship endpoints");
  out->type = static_cast<uint32_t>(t);
  out->start = GetU64BE(in->data());
  out->end = GetU64BE(in->data() + 8);
  in->remove_prefix(16);
  return Status::OK();
}
}  // namespace

Status DecodeRelHeader(std::string_view in, RelRecord* out) { return DecodeRelHeaderAt(&in, out); }

Status DecodeRelRecord(std::string_view in, RelRecord* out) {
  PG_RETURN_IF_ERROR(DecodeRelHeaderAt(&in, out));
  PG_RETURN_IF_ERROR(DecodePropertyMap(&in, &out->properties));
  if (!in.empty()) return Corrupt("trailing bytes in relationship record");
  return Status::OK();
}

void EncodeArticle(const Article& a, std::string* dst) {
  for (const std::string* s : {&a.title, &a.source, &a.date, &a.text, &a.content_hash, &a.file}) {
    PutString(dst, *s);
  }
}

Status DecodeArticle(std::string_view in, Article* out) {
  for (std::string* s :
       {&out->title, &out->source, &out->date, &out->text, &out->content_hash, &out->file}) {
    if (!GetString(&in, s)) return Corrupt("article record");
  }
  if (!in.empty()) return Corrupt("trailing bytes in article record");
  return Status::OK();
}

void EncodeEvidence(const Evidence& e, std::string* dst) {
  PutU64BE(dst, e.article);
  PutVarint64(dst, e.begin);
  PutVarint64(dst, e.end);
  PutString(dst, e.sentence);
  PutString(dst, e.modality);
  PutString(dst, e.date);
}

Status DecodeEvidence(std::string_view in, Evidence* out) {
  if (in.size() < 8) return Corrupt("evidence record");
  out->article = GetU64BE(in.data());
  in.remove_prefix(8);
  uint64_t b, e;
  if (!GetVarint64(&in, &b) || !GetVarint64(&in, &e) || b > UINT32_MAX || e > UINT32_MAX) {
    return Corrupt("evidence offsets");
  }
  out->begin = static_cast<uint32_t>(b);
  out->end = static_cast<uint32_t>(e);
  if (!GetString(&in, &out->sentence) || !GetString(&in, &out->modality) ||
      !GetString(&in, &out->date) || !in.empty()) {
    return Corrupt("evidence record");
  }
  return Status::OK();
}

}  // namespace pactgraph::storage

#include "util/utf8.h"

#include <cstdint>
#include <cstdio>

namespace pactgraph {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong encodings, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

namespace {

Status CheckString(std::string_view s, const std::string& where) {
  const size_t bad = FindInvalidUtf8(s);
  if (bad == std::string_view::npos) return Status::OK();
  char what[64];
  std::snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02X at offset %zu)",
                static_cast<unsigned>(static_cast<unsigned char>(s[bad])), bad);
  return Status::InvalidArgument(where + ": " + what);
}

Status CheckMap(const ValueMap& m, const std::string& where) {
  for (const auto& [k, x] : m) {
    PG_RETURN_IF_ERROR(CheckString(k, where + " (a key)"));
    PG_RETURN_IF_ERROR(CheckUtf8(x, where + "." + k));
  }
  return Status::OK();
}

}  // namespace

Status CheckUtf8(const Value& v, const std::string& where) {
  switch (v.type()) {
    case Value::Type::kString:
      return CheckString(v.as_string(), where);
    case Value::Type::kList: {
      const ValueList& list = v.as_list();
      for (size_t i = 0; i < list.size(); ++i) {
        PG_RETURN_IF_ERROR(CheckUtf8(list[i], where + "[" + std::to_string(i) + "]"));
      }
      return Status::OK();
    }
    case Value::Type::kMap:
      return CheckMap(v.as_map(), where);
    default:
      return Status::OK();  // numbers, booleans, dates; graph values come from the store
  }
}

}  // namespace pactgraph

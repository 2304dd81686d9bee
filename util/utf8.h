// util/utf8.h — UTF-8 validation, for every place text enters the database.
//
// Everything pactgraph stores is UTF-8: JSON output, the name index and the extractor depend on
// it, and nlohmann::json refuses (throws on) anything else. So text is checked where it enters —
// files (engine/io), query text and parameters (query/query_engine.cpp), every stored string
// value (storage/value_codec.cpp) — and refused with the byte position. Valid means RFC 3629:
// no overlong forms, no surrogates, nothing past U+10FFFF. Cost: one pass, about 1 GB/s.
#pragma once

#include <string>
#include <string_view>

#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph {

// Byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is all valid.
size_t FindInvalidUtf8(std::string_view text);

// InvalidArgument "<where>: invalid UTF-8 (byte 0xXX at offset N)" when a string anywhere in
// `v` (list elements, map keys and values) is not UTF-8. Node, relationship and path values
// are not looked into: they come from the store, where every string was checked.
Status CheckUtf8(const Value& v, const std::string& where);

}  // namespace pactgraph

// storage/value_codec.h — encoding of stored values and records.
//
// Values (properties):  tag:u8 payload
//   0 null | 1 false | 2 true | 3 int: zigzag varint | 4 float: IEEE-754 bits as u64 BE
//   5 string: varint length, bytes | 6 date: zigzag varint days since 1970-01-01
//   7 list: varint count, values | 8 map: varint count, (varint key length, key, value)…
// Property maps are stored as a map body (count, entries in key order) without the tag.
// Nodes, relationships and paths are query results only and cannot be stored.
//
// Records:
//   node          varint label count, varint label ids…, property map
//   relationship  varint type id, start:u64 BE, end:u64 BE, property map
//   article       strings (varint length + bytes): title, source, date, text, hash, file
//   evidence      article:u64 BE, varint begin, varint end, strings: sentence, modality, date
//
// Decoders check every length against the input and nest at most kMaxDepth deep: corrupt
// bytes give Status::Corruption, never a crash.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::storage {

constexpr int kMaxDepth = 64;

void PutVarint64(std::string* dst, uint64_t v);
// Reads a varint from *in, advancing it; false on truncation or overlong encoding.
bool GetVarint64(std::string_view* in, uint64_t* v);

// InvalidArgument when `v` holds a node, relationship or path, or nests too deep.
Status EncodeValue(const Value& v, std::string* dst);
Status DecodeValue(std::string_view* in, Value* out);

Status EncodePropertyMap(const ValueMap& m, std::string* dst);
Status DecodePropertyMap(std::string_view* in, ValueMap* out);

struct NodeRecord {
  std::vector<uint32_t> labels;
  ValueMap properties;
};
Status EncodeNodeRecord(const NodeRecord& r, std::string* dst);
Status DecodeNodeRecord(std::string_view in, NodeRecord* out);
// Decodes only the labels (for scans that skip properties).
Status DecodeNodeLabels(std::string_view in, std::vector<uint32_t>* labels);

struct RelRecord {
  uint32_t type = 0;
  uint64_t start = 0;
  uint64_t end = 0;
  ValueMap properties;
};
Status EncodeRelRecord(const RelRecord& r, std::string* dst);
Status DecodeRelRecord(std::string_view in, RelRecord* out);
// Decodes only type, start and end.
Status DecodeRelHeader(std::string_view in, RelRecord* out);

void EncodeArticle(const Article& a, std::string* dst);
Status DecodeArticle(std::string_view in, Article* out);

void EncodeEvidence(const Evidence& e, std::string* dst);
Status DecodeEvidence(std::string_view in, Evidence* out);

}  // namespace pactgraph::storage

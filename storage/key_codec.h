// storage/key_codec.h — the one file that knows pactgraph's on-disk key layout.
//
// Every integer in a key is big-endian, so RocksDB's bytewise order is numeric order.
// Column families and their keys (values are described in value_codec.h):
//
//   CF         key layout                                              value
//   ---------  ------------------------------------------------------  -----------------------
//   meta       ASCII name (see format.h: "magic", "format_version",     meta value
//              "next_node", "count_nodes", …) | 'c' 'l' label:u32 |
//              'c' 't' type:u32                                        (u64 BE counters)
//   dict       kind:u8 ('T' type, 'L' label, 'K' property key) id:u32  UTF-8 name
//   nodes      node:u64                                                node record
//   rels       rel:u64                                                 relationship record
//   adj        node:u64 dir:u8 (0 out, 1 in) type:u32 other:u64 rel:u64  empty
//   labels     label:u32 node:u64                                      empty
//   names      normalised-name bytes 0x00 node:u64                     name as written
//   articles   article:u64                                             article record
//   hashes     content-hash bytes (hex SHA-256)                        article:u64
//   evidence   rel:u64 evidence:u64                                    evidence record
//
// Every relationship has exactly two adjacency entries: (start, out, type, end, rel) and
// (end, in, type, start, rel); a self-loop therefore appears once in each direction.
// "Neighbours of v over type T in direction d" is one prefix seek on (v, d, T): 13 bytes.
// The adj CF has a fixed 8-byte prefix extractor (the node) with prefix bloom filters; the
// names CF has a prefix extractor that cuts at the 0x00 separator, so an exact name lookup
// is a bloom-filtered prefix seek.
//
// Tags and layouts are on-disk constants: changing one needs a new format version.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pactgraph::storage {

// --- fixed-width big-endian integers -------------------------------------------------------
void PutU32BE(std::string* dst, uint32_t v);
void PutU64BE(std::string* dst, uint64_t v);
uint32_t GetU32BE(const char* p);
uint64_t GetU64BE(const char* p);

// --- keys ----------------------------------------------------------------------------------
constexpr uint8_t kDirOut = 0;
constexpr uint8_t kDirIn = 1;

constexpr char kDictType = 'T';
constexpr char kDictLabel = 'L';
constexpr char kDictPropertyKey = 'K';

struct IdKey {  // nodes, rels, articles
  uint64_t id;
  std::string Encode() const;
  static std::optional<IdKey> Decode(std::string_view key);
};

struct AdjKey {
  uint64_t node;
  uint8_t dir;
  uint32_t type;
  uint64_t other;
  uint64_t rel;
  static constexpr size_t kSize = 8 + 1 + 4 + 8 + 8;
  std::string Encode() const;
  static std::optional<AdjKey> Decode(std::string_view key);
  static std::string NodePrefix(uint64_t node);                              // 8 bytes
  static std::string DirPrefix(uint64_t node, uint8_t dir);                  // 9 bytes
  static std::string TypePrefix(uint64_t node, uint8_t dir, uint32_t type);  // 13 bytes
};

struct LabelKey {
  uint32_t label;
  uint64_t node;
  std::string Encode() const;
  static std::optional<LabelKey> Decode(std::string_view key);
  static std::string Prefix(uint32_t label);
};

// `name` is the normalised name (normalize.h), which never contains a 0x00 byte.
struct NameKey {
  std::string name;
  uint64_t node;
  std::string Encode() const;
  static std::optional<NameKey> Decode(std::string_view key);
  static std::string Prefix(std::string_view normalised_name);  // name + 0x00
};

struct DictKey {
  char kind;
  uint32_t id;
  std::string Encode() const;
  static std::optional<DictKey> Decode(std::string_view key);
};

struct EvidenceKey {
  uint64_t rel;
  uint64_t evidence;
  std::string Encode() const;
  static std::optional<EvidenceKey> Decode(std::string_view key);
  static std::string Prefix(uint64_t rel);
};

// Meta keys for per-label and per-type counters.
std::string LabelCountKey(uint32_t label);
std::string TypeCountKey(uint32_t type);
std::optional<uint32_t> DecodeCountKey(std::string_view key, char kind /* 'l' or 't' */);

}  // namespace pactgraph::storage

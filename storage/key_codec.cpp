#include "storage/key_codec.h"

namespace pactgraph::storage {

void PutU32BE(std::string* dst, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  dst->append(b, 4);
}

void PutU64BE(std::string* dst, uint64_t v) {
  PutU32BE(dst, static_cast<uint32_t>(v >> 32));
  PutU32BE(dst, static_cast<uint32_t>(v));
}

uint32_t GetU32BE(const char* p) {
  auto u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | uint32_t{u[3]};
}

uint64_t GetU64BE(const char* p) {
  return (static_cast<uint64_t>(GetU32BE(p)) << 32) | GetU32BE(p + 4);
}

std::string IdKey::Encode() const {
  std::string k;
  PutU64BE(&k, id);
  return k;
}

std::optional<IdKey> IdKey::Decode(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return IdKey{GetU64BE(key.data())};
}

std::string AdjKey::Encode() const {
  std::string k;
  k.reserve(kSize);
  PutU64BE(&k, node);
  k.push_back(static_cast<char>(dir));
  PutU32BE(&k, type);
  PutU64BE(&k, other);
  PutU64BE(&k, rel);
  return k;
}

std::optional<AdjKey> AdjKey::Decode(std::string_view key) {
  if (key.size() != kSize) return std::nullopt;
  const char* p = key.data();
  uint8_t dir = static_cast<uint8_t>(p[8]);
  if (dir != kDirOut && dir != kDirIn) return std::nullopt;
  return AdjKey{GetU64BE(p), dir, GetU32BE(p + 9), GetU64BE(p + 13), GetU64BE(p + 21)};
}

std::string AdjKey::NodePrefix(uint64_t node) {
  std::string k;
  PutU64BE(&k, node);
  return k;
}

std::string AdjKey::DirPrefix(uint64_t node, uint8_t dir) {
  std::string k = NodePrefix(node);
  k.push_back(static_cast<char>(dir));
  return k;
}

std::string AdjKey::TypePrefix(uint64_t node, uint8_t dir, uint32_t type) {
  std::string k = DirPrefix(node, dir);
  PutU32BE(&k, type);
  return k;
}

std::string LabelKey::Encode() const {
  std::string k = Prefix(label);
  PutU64BE(&k, node);
  return k;
}

std::optional<LabelKey> LabelKey::Decode(std::string_view key) {
  if (key.size() != 12) return std::nullopt;
  return LabelKey{GetU32BE(key.data()), GetU64BE(key.data() + 4)};
}

std::string LabelKey::Prefix(uint32_t label) {
  std::string k;
  PutU32BE(&k, label);
  return k;
}

std::string NameKey::Encode() const {
  std::string k = Prefix(name);
  PutU64BE(&k, node);
  return k;
}

std::optional<NameKey> NameKey::Decode(std::string_view key) {
  if (key.size() < 9) return std::nullopt;
  size_t sep = key.size() - 9;
  if (key[sep] != '\0' || key.substr(0, sep).find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  return NameKey{std::string(key.substr(0, sep)), GetU64BE(key.data() + sep + 1)};
}

std::string NameKey::Prefix(std::string_view normalised_name) {
  std::string k(normalised_name);
  k.push_back('\0');
  return k;
}

std::string DictKey::Encode() const {
  std::string k(1, kind);
  PutU32BE(&k, id);
  return k;
}

std::optional<DictKey> DictKey::Decode(std::string_view key) {
  if (key.size() != 5) return std::nullopt;
  char kind = key[0];
  if (kind != kDictType && kind != kDictLabel && kind != kDictPropertyKey) return std::nullopt;
  return DictKey{kind, GetU32BE(key.data() + 1)};
}

std::string EvidenceKey::Encode() const {
  std::string k = Prefix(rel);
  PutU64BE(&k, evidence);
  return k;
}

std::optional<EvidenceKey> EvidenceKey::Decode(std::string_view key) {
  if (key.size() != 16) return std::nullopt;
  return EvidenceKey{GetU64BE(key.data()), GetU64BE(key.data() + 8)};
}

std::string EvidenceKey::Prefix(uint64_t rel) {
  std::string k;
  PutU64BE(&k, rel);
  return k;
}

std::string LabelCountKey(uint32_t label) {
  std::string k = "cl";
  PutU32BE(&k, label);
  return k;
}

std::string TypeCountKey(uint32_t type) {
  std::string k = "ct";
  PutU32BE(&k, type);
  return k;
}

std::optional<uint32_t> DecodeCountKey(std::string_view key, char kind) {
  if (key.size() != 6 || key[0] != 'c' || key[1] != kind) return std::nullopt;
  return GetU32BE(key.data() + 2);
}

}  // namespace pactgraph::storage

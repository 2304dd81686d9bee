#include "storage/key_codec.h"

#include <catch2/catch.hpp>
#include <random>

using namespace pactgraph::storage;

TEST_CASE("KeyCodec: adjacency keys round-trip", "[storage][codec]") {
  AdjKey k{0x0102030405060708ULL, kDirIn, 0xA0B0C0D0, 42, 7};
  auto enc = k.Encode();
  REQUIRE(enc.size() == AdjKey::kSize);
  auto dec = AdjKey::Decode(enc);
  REQUIRE(dec.has_value());
  CHECK(dec->node == k.node);
  CHECK(dec->dir == k.dir);
  CHECK(dec->type == k.type);
  CHECK(dec->other == k.other);
  CHECK(dec->rel == k.rel);
}

TEST_CASE("KeyCodec: golden bytes of an out-edge key", "[storage][codec]") {
  AdjKey k{1, kDirOut, 2, 3, 4};
  const std::string expected(
      "\x00\x00\x00\x00\x00\x00\x00\x01"
      "\x00"
      "\x00\x00\x00\x02"
      "\x00\x00\x00\x00\x00\x00\x00\x03"
      "\x00\x00\x00\x00\x00\x00\x00\x04",
      29);
  CHECK(k.Encode() == expected);
  CHECK(LabelKey{5, 6}.Encode() ==
        std::string("\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x06", 12));
  CHECK(NameKey{"kenya", 9}.Encode() ==
        std::string("kenya\x00\x00\x00\x00\x00\x00\x00\x00\x09", 14));
  CHECK(DictKey{kDictType, 1}.Encode() == std::string("T\x00\x00\x00\x01", 5));
}

TEST_CASE("KeyCodec: out-edge keys sort by (node, dir, type, other, rel)", "[storage][codec]") {
  std::mt19937_64 rng(7);
  std::vector<AdjKey> keys;
  for (int i = 0; i < 2000; ++i) {
    keys.push_back(AdjKey{rng() % 50, static_cast<uint8_t>(rng() % 2),
                          static_cast<uint32_t>(rng() % 300), rng(), rng() % 1000000});
  }
  auto tuple = [](const AdjKey& k) { return std::tie(k.node, k.dir, k.type, k.other, k.rel); };
  for (size_t i = 0; i + 1 < keys.size(); ++i) {
    const auto& a = keys[i];
    const auto& b = keys[i + 1];
    CHECK((tuple(a) < tuple(b)) == (a.Encode() < b.Encode()));
  }
}

TEST_CASE("KeyCodec: prefixes are prefixes of full keys", "[storage][codec]") {
  AdjKey k{77, kDirOut, 3, 9, 10};
  std::string enc = k.Encode();
  CHECK(enc.rfind(AdjKey::NodePrefix(77), 0) == 0);
  CHECK(enc.rfind(AdjKey::DirPrefix(77, kDirOut), 0) == 0);
  CHECK(enc.rfind(AdjKey::TypePrefix(77, kDirOut, 3), 0) == 0);
  CHECK(enc.rfind(AdjKey::TypePrefix(77, kDirOut, 4), 0) != 0);
}

TEST_CASE("KeyCodec: decoders reject malformed keys", "[storage][codec]") {
  CHECK_FALSE(AdjKey::Decode("short").has_value());
  std::string bad_dir = AdjKey{1, kDirOut, 2, 3, 4}.Encode();
  bad_dir[8] = 7;
  CHECK_FALSE(AdjKey::Decode(bad_dir).has_value());
  CHECK_FALSE(IdKey::Decode("1234567").has_value());
  CHECK_FALSE(NameKey::Decode("abc").has_value());
  CHECK_FALSE(NameKey::Decode(std::string("a\0b\0\0\0\0\0\0\0\0\1", 12)).has_value());
  CHECK_FALSE(DictKey::Decode(std::string("X\0\0\0\1", 5)).has_value());
  auto nk = NameKey::Decode(NameKey{"viet nam", 12}.Encode());
  REQUIRE(nk.has_value());
  CHECK(nk->name == "viet nam");
  CHECK(nk->node == 12);
}

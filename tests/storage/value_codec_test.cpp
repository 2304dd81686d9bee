#include "storage/value_codec.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace pactgraph;
using namespace pactgraph::storage;

namespace {

Value RandomValue(std::mt19937_64& rng, int depth) {
  switch (rng() % (depth > 2 ? 7 : 9)) {
    case 0:
      return Value();
    case 1:
      return Value(rng() % 2 == 0);
    case 2:
      return Value(static_cast<int64_t>(rng()));
    case 3:
      return Value(static_cast<double>(static_cast<int64_t>(rng() % 100000)) / 7.0);
    case 4:
      return Value(std::string(rng() % 20, static_cast<char>('a' + rng() % 26)));
    case 5:
      return Value(Date{static_cast<int32_t>(rng() % 40000) - 20000});
    case 6:
      return Value(std::string("\xc3\xa9t\xc3\xa9"));
    case 7: {
      ValueList l;
      for (int i = 0, n = rng() % 4; i < n; ++i) l.push_back(RandomValue(rng, depth + 1));
      return Value(std::move(l));
    }
    default: {
      ValueMap m;
      for (int i = 0, n = rng() % 4; i < n; ++i)
        m["k" + std::to_string(i)] = RandomValue(rng, depth + 1);
      return Value(std::move(m));
    }
  }
}

}  // namespace

TEST_CASE("ValueCodec: random values round-trip", "[storage][codec]") {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 2000; ++i) {
    Value v = RandomValue(rng, 0);
    std::string enc;
    REQUIRE(EncodeValue(v, &enc).ok());
    std::string_view in = enc;
    Value out;
    REQUIRE(DecodeValue(&in, &out).ok());
    CHECK(in.empty());
    CHECK(out == v);
  }
}

TEST_CASE("ValueCodec: golden bytes", "[storage][codec]") {
  std::string enc;
  REQUIRE(EncodeValue(Value(int64_t{-1}), &enc).ok());
  CHECK(enc == std::string("\x03\x01", 2));
  enc.clear();
  REQUIRE(EncodeValue(Value("ab"), &enc).ok());
  CHECK(enc == std::string("\x05\x02"
                           "ab",
                           4));
  enc.clear();
  REQUIRE(EncodeValue(Value(*Date::Parse("1970-01-02")), &enc).ok());
  CHECK(enc == std::string("\x06\x02", 2));
}

TEST_CASE("ValueCodec: nodes cannot be stored", "[storage][codec]") {
  std::string enc;
  Status s = EncodeValue(Value(Node{}), &enc);
  CHECK(s.code() == Status::Code::kInvalidArgument);
}

TEST_CASE("ValueCodec: corrupt and truncated bytes never crash", "[storage][codec]") {
  std::mt19937_64 rng(3);
  int errors = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string bytes(rng() % 24, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    std::string_view in = bytes;
    Value out;
    if (!DecodeValue(&in, &out).ok()) ++errors;
    NodeRecord n;
    (void)DecodeNodeRecord(bytes, &n);
    RelRecord r;
    (void)DecodeRelRecord(bytes, &r);
    pactgraph::Article a;
    (void)DecodeArticle(bytes, &a);
  }
  CHECK(errors > 0);
  // A list claiming 2^60 elements is rejected, not allocated.
  std::string huge("\x07\x80\x80\x80\x80\x80\x80\x80\x80\x10", 10);
  std::string_view in = huge;
  Value out;
  CHECK(DecodeValue(&in, &out).code() == Status::Code::kCorruption);
}

TEST_CASE("ValueCodec: records round-trip", "[storage][codec]") {
  NodeRecord n{{1, 5}, {{"name", Value("Kenya")}, {"aliases", Value(ValueList{Value("KE")})}}};
  std::string enc;
  REQUIRE(EncodeNodeRecord(n, &enc).ok());
  NodeRecord n2;
  REQUIRE(DecodeNodeRecord(enc, &n2).ok());
  CHECK(n2.labels == n.labels);
  CHECK(n2.properties == n.properties);

  RelRecord r{3, 10, 20, {{"weight", Value(0.5)}}};
  enc.clear();
  REQUIRE(EncodeRelRecord(r, &enc).ok());
  RelRecord r2;
  REQUIRE(DecodeRelRecord(enc, &r2).ok());
  CHECK(r2.type == 3);
  CHECK(r2.start == 10);
  CHECK(r2.end == 20);
  CHECK(r2.properties == r.properties);

  pactgraph::Evidence e{1, 2, "Kenya and Rwanda signed.", 10, 34, "actual", "2024-05-01"};
  enc.clear();
  EncodeEvidence(e, &enc);
  pactgraph::Evidence e2;
  REQUIRE(DecodeEvidence(enc, &e2).ok());
  CHECK(e2.article == 2);
  CHECK(e2.sentence == e.sentence);
  CHECK(e2.begin == 10);
  CHECK(e2.end == 34);
  CHECK(e2.modality == "actual");
  CHECK(e2.date == "2024-05-01");
}

TEST_CASE("ValueCodec: temporal values round-trip with the documented tags", "[storage][codec]") {
  const Value values[] = {
      Value(LocalTime{45'296'000'000'001}),
      Value(Time{3'600'000'000'000, -28'800}),
      Value(LocalDateTime{Date{-719'162}, 1}),
      Value(DateTime{Date{18'000}, kNanosPerDay - 1, 64'800}),
      Value(Duration{-14, 3, -7'200, -500}),
      Value(ValueList{Value(Duration{}), Value(LocalTime{})}),
  };
  for (const Value& v : values) {
    std::string enc;
    REQUIRE(EncodeValue(v, &enc).ok());
    std::string_view in = enc;
    Value out;
    REQUIRE(DecodeValue(&in, &out).ok());
    CHECK(in.empty());
    CHECK(out == v);
  }
  // docs/storage.md: tag 9 local time (zigzag nanos), 13 duration (four zigzag parts).
  std::string enc;
  REQUIRE(EncodeValue(Value(LocalTime{1}), &enc).ok());
  CHECK(enc == std::string("\x09\x02", 2));
  enc.clear();
  REQUIRE(EncodeValue(Value(Duration{1, -1, 0, 0}), &enc).ok());
  CHECK(enc == std::string("\x0d\x02\x01\x00\x00", 5));
  // A local time outside one day is corrupt, not a value.
  std::string_view bad("\x09\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10);
  Value out;
  CHECK(DecodeValue(&bad, &out).code() == Status::Code::kCorruption);
}

// util/utf8: the validator every entry point uses, and the value walk for parameters.
#include "util/utf8.h"

#include <catch2/catch.hpp>

namespace pactgraph {
namespace {

TEST_CASE("Utf8: validator rejects overlongs, surrogates, truncation and values past U+10FFFF",
          "[util]") {
  CHECK(FindInvalidUtf8("plain") == std::string_view::npos);
  CHECK(FindInvalidUtf8("Vi\xE1\xBB\x87t") == std::string_view::npos);
  CHECK(FindInvalidUtf8("\xF0\x9F\x8C\x8D globe") == std::string_view::npos);
  CHECK(FindInvalidUtf8("\xC0\xAF") == 0);            // overlong '/'
  CHECK(FindInvalidUtf8("a\xED\xA0\x80") == 1);       // surrogate
  CHECK(FindInvalidUtf8("ab\xF4\x90\x80\x80") == 2);  // > U+10FFFF
  CHECK(FindInvalidUtf8("abc\xE2\x82") == 3);         // truncated
  CHECK(FindInvalidUtf8("x\xFFy") == 1);              // never a UTF-8 byte
  CHECK(FindInvalidUtf8("\x80") == 0);                // a lone continuation byte
}

TEST_CASE("Utf8: CheckUtf8 names the place inside lists and maps", "[util]") {
  CHECK(CheckUtf8(Value("ok"), "parameter $p").ok());
  CHECK(CheckUtf8(Value(int64_t{3}), "parameter $p").ok());
  Status s = CheckUtf8(Value("a\xFF"), "parameter $p");
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message() == "parameter $p: invalid UTF-8 (byte 0xFF at offset 1)");
  ValueList list = {Value("fine"), Value(ValueMap{{"name", Value("bad\xC3")}})};
  s = CheckUtf8(Value(list), "parameter $rows");
  CHECK(s.message().find("parameter $rows[1].name: invalid UTF-8") == 0);
  s = CheckUtf8(Value(ValueMap{{"k\xFE", Value(1)}}), "parameter $m");
  CHECK(s.message().find("parameter $m (a key): invalid UTF-8") == 0);
}

}  // namespace
}  // namespace pactgraph

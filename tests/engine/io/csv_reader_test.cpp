#include "engine/io/csv_reader.h"

#include <catch2/catch.hpp>

using namespace pactgraph;
using namespace pactgraph::io;

namespace {
std::vector<std::vector<std::string>> ReadAll(const std::string& text, Status* st) {
  auto r = CsvReader::FromString("t.csv", text);
  std::vector<std::vector<std::string>> rows;
  if (!r.ok()) {
    *st = r.status();
    return rows;
  }
  std::vector<std::string> f;
  while (r->Next(&f)) rows.push_back(f);
  *st = r->status();
  return rows;
}
}  // namespace

TEST_CASE("CsvReader: quoting, escaped quotes, CRLF and multi-line fields", "[io][csv]") {
  Status st;
  auto rows = ReadAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3", &st);
  REQUIRE(st.ok());
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(rows[2] == std::vector<std::string>{"1", "", "3"});
}

TEST_CASE("CsvReader: reports positions of errors", "[io][csv]") {
  Status st;
  ReadAll("a,b\n1,\"open\n2,3\n", &st);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK_THAT(st.message(), Catch::StartsWith("t.csv:2:3: unbalanced quote"));

  ReadAll("a,b\n1,x\"y\n", &st);
  CHECK_THAT(st.message(), Catch::StartsWith("t.csv:2:4: stray quote"));

  ReadAll("a,b\n\"x\"y,1\n", &st);
  CHECK_THAT(st.message(),
             Catch::StartsWith("t.csv:2:4: unexpected character after a closing quote"));

  ReadAll("", &st);
  CHECK_THAT(st.message(), Catch::StartsWith("t.csv:1:1: empty file"));

  ReadAll("a,b\n1,2\x00\n", &st);
  ReadAll(std::string("a,b\n1,2\0\n", 9), &st);
  CHECK_THAT(st.message(), Catch::Contains("t.csv:2:4: NUL byte"));

  ReadAll("a,b\nK\xC3\xA9nya,\xFF\n", &st);
  CHECK_THAT(st.message(), Catch::StartsWith("t.csv:2:8: invalid UTF-8"));
}

TEST_CASE("CsvReader: field columns are reported", "[io][csv]") {
  auto r = CsvReader::FromString("f.csv", "id,name\n12,Kenya\n");
  REQUIRE(r.ok());
  std::vector<std::string> f;
  REQUIRE(r->Next(&f));
  REQUIRE(r->Next(&f));
  CHECK(r->Where(1) == "f.csv:2:4");
}

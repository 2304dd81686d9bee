#include "storage/normalize.h"

#include <catch2/catch.hpp>

using pactgraph::storage::NormalizeName;

TEST_CASE("Normalize: case, diacritics, width and spaces fold", "[storage][normalize]") {
  CHECK(NormalizeName("Việt Nam") == NormalizeName("viet nam"));
  CHECK(NormalizeName("  Côte   d’Ivoire ") == "cote d'ivoire");
  CHECK(NormalizeName("ＵＡＥ") == "uae");
  CHECK(NormalizeName("Straße") == NormalizeName("STRASSE"));
  CHECK(NormalizeName("São Tomé") == "sao tome");
  CHECK(NormalizeName("Kenya") != NormalizeName("Kenyan"));
}

TEST_CASE("Normalize: controls, NUL and invalid UTF-8 are safe", "[storage][normalize]") {
  std::string with_nul("Ken\0ya", 6);
  CHECK(NormalizeName(with_nul) == "kenya");
  CHECK(NormalizeName("\xff\xfe").find('\0') == std::string::npos);
  CHECK(NormalizeName("").empty());
  CHECK(NormalizeName("   ").empty());
}

TEST_CASE("Normalize: the printable-ASCII fast path gives ICU's bytes", "[storage][normalize]") {
  using pactgraph::storage::NormalizeNameIcu;
  // Every printable ASCII character alone, between letters and around spaces.
  for (int c = 0x20; c <= 0x7E; ++c) {
    const std::string ch(1, static_cast<char>(c));
    for (const std::string& s : {ch, "Ab" + ch + "Cd", " " + ch + "  x ", ch + ch + " " + ch}) {
      INFO("input '" << s << "'");
      CHECK(NormalizeName(s) == NormalizeNameIcu(s));
    }
  }
  // Random printable strings, spaces frequent.
  uint64_t x = 12345;
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const int len = static_cast<int>((x >> 33) % 12);
    for (int j = 0; j < len; ++j) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      const int r = static_cast<int>((x >> 33) % 120);
      s += r < 25 ? ' ' : static_cast<char>(0x20 + r % 95);
    }
    INFO("input '" << s << "'");
    CHECK(NormalizeName(s) == NormalizeNameIcu(s));
  }
  CHECK(NormalizeName("Rwanda Development Board") == "rwanda development board");
  CHECK(NormalizeName("it`s") == "it's");
}

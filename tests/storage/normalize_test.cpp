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

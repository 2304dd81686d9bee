// Tests of engine/extract/text.h and sha256.h: folding, segmentation offsets, UTF-8 checks.
#include "engine/extract/text.h"

#include <catch2/catch.hpp>

#include "engine/extract/sha256.h"

namespace pactgraph::extract {

TEST_CASE("Extract: Fold removes case and diacritics", "[extract]") {
  CHECK(Fold("HÀ NỘI") == "ha noi");
  CHECK(Fold("Việt Nam") == "viet nam");
  CHECK(Fold("Kenya’s") == "kenya's");
  CHECK(Fold("Côte") == "cote");
  CHECK(Fold("Kenya") == "kenya");
}

TEST_CASE("Extract: tokens keep byte offsets into the text", "[extract]") {
  Segmenter seg;
  REQUIRE(seg.ok());
  const std::string text = "Kenya’s Dr.Fred Matiang’i met U.S.-based G42's team.";
  std::vector<Sentence> sentences;
  seg.Split(text, &sentences);
  REQUIRE(sentences.size() == 1);
  std::vector<std::string> words;
  for (const Token& t : sentences[0].tokens) words.push_back(text.substr(t.begin, t.end - t.begin));
  std::vector<std::string> expected = {"Kenya", "’s",    "Dr.", "Fred", "Matiang’i", "met", "U.S.",
                                       "-",     "based", "G42", "'s",   "team",      "."};
  CHECK(words == expected);
  CHECK(sentences[0].tokens[1].Is(kPoss));
  CHECK(sentences[0].tokens[6].Is(kUpper));
}

TEST_CASE("Extract: sentences break at lines and after full stops, not after H.E.", "[extract]") {
  Segmenter seg;
  const std::string text =
      "He met H.E. Nakajo Kazuya. Mr. Liu Xianfa attended.\nHeading line\nLast one.";
  std::vector<Sentence> s;
  seg.Split(text, &s);
  REQUIRE(s.size() == 4);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "He met H.E. Nakajo Kazuya.");
  CHECK(text.substr(s[1].begin, s[1].end - s[1].begin) == "Mr. Liu Xianfa attended.");
  CHECK(text.substr(s[2].begin, s[2].end - s[2].begin) == "Heading line");
}

TEST_CASE("Extract: invalid UTF-8 is found at its byte offset", "[extract]") {
  CHECK(FindInvalidUtf8("plain ascii") == -1);
  CHECK(FindInvalidUtf8("Việt Nam") == -1);
  CHECK(FindInvalidUtf8(std::string("ab\xff"
                                    "cd")) == 2);
  CHECK(FindInvalidUtf8(std::string("ok \xE2\x80")) == 3);  // truncated sequence
  std::string s = std::string("a\xffz");
  CHECK(RepairUtf8(&s) == 1);
  CHECK(s == "a\xEF\xBF\xBDz");
}

TEST_CASE("Extract: SHA-256 matches the FIPS test vectors", "[extract]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000, 'a')).size() == 64);
}

}  // namespace pactgraph::extract

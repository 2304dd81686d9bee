// Tests of pass 6, structural rules (patterns.tsv, structural.cpp, name_nation in output.cpp):
// relations stated by the shape of a phrase.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Structural: place-based and nationality modifiers", "[extract]") {
  Extraction a = ExtractText("Lisbon-based Zenova Systems and Chilean miner Andex met.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Andex", "based_in", "Chile"));
  Extraction b =
      ExtractText("Ghana partnered with US firm Voltrix and the Norwegian insurer Skarv.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Voltrix", "based_in", "United States"));
  CHECK(FindRel(b, "Skarv", "based_in", "Norway"));
  CHECK_FALSE(FindRel(b, "Ghana", "cooperation", "United States"));
  Extraction c = ExtractText("Voltrix, the Peruvian battery maker, opened a plant.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Voltrix", "based_in", "Peru"));
  Extraction d = ExtractText("Skarv, a Bergen-based insurer, joined the deal.");
  INFO(Dump(d));
  CHECK(FindRel(d, "Skarv", "based_in", "Bergen"));
}

TEST_CASE("Structural: a nation's body and a body of a nation", "[extract]") {
  Extraction a = ExtractText("Ghana's Fisheries Commission met the Ministry of Energy of Peru.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Fisheries Commission (Ghana)", "based_in", "Ghana"));
  CHECK(FindRel(a, "Ministry of Energy (Peru)", "based_in", "Peru"));
  Extraction b = ExtractText("Skarv Insurance is headquartered in Bergen, Norway.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Skarv Insurance", "based_in", "Bergen"));
  CHECK(FindRel(b, "Skarv Insurance", "based_in", "Norway"));
}

TEST_CASE("Structural: a nation named inside a body's name (name_nation)", "[extract]") {
  Extraction a = ExtractText("Telecom Benin and the Ghana Space Agency signed a deal.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Telecom Benin", "based_in", "Benin"));
  CHECK(FindRel(a, "Ghana Space Agency (Ghana)", "based_in", "Ghana"));
  // A nation inside a hyphenated regional word is not one.
  Extraction b = ExtractText("The Inter-Peruvian Rail Company expanded.");
  INFO(Dump(b));
  CHECK(CountType(b, "based_in") == 0);
}

TEST_CASE("Structural: a body's programme", "[extract]") {
  Extraction a = ExtractText("Zenova Systems's Solar Schools Initiative reached Benin.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Zenova Systems", "runs", "Solar Schools Initiative"));
  Extraction b = ExtractText("Ghana trains nurses under its Care Forward Programme.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Ghana", "runs", "Care Forward Programme"));
  Extraction c = ExtractText(
      "These are initiatives led by the Government of Peru such as Andes Connect, Peru Codes "
      "and Agro Futuro.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Peru", "runs", "Andes Connect"));
  CHECK(FindRel(c, "Peru", "runs", "Peru Codes"));
  CHECK(FindRel(c, "Peru", "runs", "Agro Futuro"));
}

TEST_CASE("Structural: part of a larger body", "[extract]") {
  Extraction a =
      ExtractText("Financing came from Skarv Capital (SKC, part of Nordhavn Group) and from Peru.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Skarv Capital", "member_of", "Nordhavn Group"));
  Extraction b = ExtractText("Andex, a member of the Pacific Mining Council, signed the deal.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Andex", "member_of", "Pacific Mining Council"));
}

TEST_CASE("Structural: shareholders of a body invest in it", "[extract]") {
  Extraction a = ExtractText(
      "Voltrix, whose shareholders include Lisbon-based Zenova Systems, won the tender.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Zenova Systems", "invest", "Voltrix"));
}

}  // namespace pactgraph::extract

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Structural: an owner's programme named in quotes after its head noun", "[extract]") {
  Extraction a = ExtractText(
      "The deal adds a course under Orvik Labs's youth initiative \"Code for Tomorrow\" for "
      "students.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "runs", "Code for Tomorrow"));
  Extraction b =
      ExtractText("Ghana's flagship programme \u201CDigital Villages\u201D reached 300 towns.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Ghana", "runs", "Digital Villages"));
}

}  // namespace pactgraph::extract

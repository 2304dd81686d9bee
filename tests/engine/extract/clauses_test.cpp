// Tests of pass 6 on the wider clause (frames.cpp, frame_checks.cpp, clause_slots.cpp): parties
// reached through purposes, nominalised signings, noun lists, speakers and plural members; the
// guards that keep such readings apart. Each class gets sentences of its own, written for these
// tests.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Frames: a partnership named as a document's purpose joins its parties", "[extract]") {
  Extraction a = ExtractText(
      "Orvik Labs has signed an agreement with Zenova Systems to deepen cooperation in batteries.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Zenova Systems"));
  CHECK(FindRel(a, "Orvik Labs", "cooperation", "Zenova Systems"));
  Extraction b = ExtractText("Peru signed an MoU with Chile to strengthen their collaboration.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "cooperation", "Chile"));
  // The document's subject matter is no separate partnership.
  Extraction c = ExtractText("Ghana and Togo signed a memorandum on cooperation in fisheries.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Ghana", "mou", "Togo"));
  CHECK_FALSE(FindRel(c, "Ghana", "cooperation", "Togo"));
}

TEST_CASE("Frames: a minister of a named nation stands for the nation, not another's ministry",
          "[extract]") {
  Extraction a = ExtractText(
      "Ghana's Minister of Energy, Kofi Mensah, and Peru's Minister of Mines, Ana Ruiz, "
      "discussed lithium. Chile's Ministry of Energy later joined the talks.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Ghana", "meet", "Peru"));
  CHECK_FALSE(FindRel(a, "Ministry of Energy (Chile)", "meet", "Peru"));
}

TEST_CASE("Frames: 'the signing of' a document takes the parties of its clause", "[extract]") {
  Extraction a = ExtractText(
      "Ghana and Peru held talks in Accra following the signing of a memorandum of "
      "understanding on mining.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Ghana", "mou", "Peru"));
  CHECK(FindRel(a, "Ghana", "meet", "Peru"));
  Extraction b =
      ExtractText("Orvik Labs and Zenova Systems celebrated the conclusion of a supply agreement.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Orvik Labs", "agreement", "Zenova Systems"));
}

TEST_CASE("Frames: financing or training in a nation reaches the nation", "[extract]") {
  Extraction a = ExtractText("The Tessaro Development Bank has financed solar farms in Chad.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Tessaro Development Bank", "fund", "Chad"));
  Extraction b = ExtractText("Orvik Labs trained two thousand nurses in Malawi last year.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Orvik Labs", "support", "Malawi"));
  // A named beneficiary right after the verb wins over the place.
  Extraction c = ExtractText("Orvik Labs funded Zenova Systems in Chile.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Orvik Labs", "fund", "Zenova Systems"));
  CHECK_FALSE(FindRel(c, "Orvik Labs", "fund", "Chile"));
}

TEST_CASE("Frames: a conjunct's seat does not end the list", "[extract]") {
  Extraction a =
      ExtractText("BioGen Pharma in Egypt and Orvik Labs in Ghana expanded their partnership.");
  INFO(Dump(a));
  CHECK(FindRel(a, "BioGen Pharma", "cooperation", "Orvik Labs"));
  CHECK_FALSE(FindRel(a, "BioGen Pharma", "cooperation", "Ghana"));
  Extraction b = ExtractText(
      "Kestrel Mining Corporation from Chile, Marlow Freight from Peru and Orvik Labs signed a "
      "deal.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Kestrel Mining Corporation", "agreement", "Marlow Freight"));
  CHECK(FindRel(b, "Marlow Freight", "agreement", "Orvik Labs"));
}

TEST_CASE("Frames: a venture 'with' several partners pairs them", "[extract]") {
  Extraction a = ExtractText(
      "The Kestrel Hydrogen Company, a joint venture with Orvik Labs, Zenova Systems and "
      "Marlow Freight, builds electrolysers.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "cooperation", "Zenova Systems"));
  CHECK(FindRel(a, "Marlow Freight", "cooperation", "Zenova Systems"));
}

TEST_CASE("Frames: a nation and its own ministry are one party", "[extract]") {
  Extraction a = ExtractText("Ghana, through its Ministry of Fisheries, signed an MoU with Peru.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Ghana", "mou", "Peru"));
  CHECK_FALSE(FindRel(a, "Ghana", "mou", "Ministry of Fisheries (Ghana)"));
}

TEST_CASE("Frames: a document reached through a list of common nouns keeps both levels",
          "[extract]") {
  Extraction a = ExtractText(
      "Chile and Norway agreed to exchange knowledge, technical skills, and best methods "
      "through a memorandum of understanding signed between the Chilean Energy Agency and the "
      "Norwegian Water Agency.");
  INFO(Dump(a));
  REQUIRE(FindRel(a, "Chile", "mou", "Norway"));
  // Stated as signed: in force, whatever the clause intends.
  CHECK(FindRel(a, "Chile", "mou", "Norway")->modality == "actual");
  CHECK(FindRel(a, "Chilean Energy Agency (Chile)", "mou", "Norwegian Water Agency (Norway)"));
  Extraction b = ExtractText("Ghana and Togo will sign a memorandum of understanding next year.");
  INFO(Dump(b));
  REQUIRE(FindRel(b, "Ghana", "mou", "Togo"));
  CHECK(FindRel(b, "Ghana", "mou", "Togo")->modality == "committed");
}

TEST_CASE("Frames: a nation modifier right before a name is read through", "[extract]") {
  Extraction a = ExtractText(
      "Orvik Labs (OL) on Tuesday signed an agreement to form a joint venture with US "
      "aerospace firm Kestrel Martin.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Kestrel Martin"));
  CHECK(FindRel(a, "Orvik Labs", "cooperation", "Kestrel Martin"));
  CHECK_FALSE(FindRel(a, "Orvik Labs", "agreement", "United States"));
  Extraction c = ExtractText(
      "Kestrel Martin was hired. Orvik Labs signed a deal with US Kestrel Martin on Monday.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Orvik Labs", "agreement", "Kestrel Martin"));
  Extraction b = ExtractText("Peru partnered with Norwegian Marlow Freight on ports.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "cooperation", "Marlow Freight"));
}

TEST_CASE("Frames: the speaker of an agentless signing is its party", "[extract]") {
  Extraction a = ExtractText(
      "The agreements were signed with Zenova Systems and Marlow Freight, Orvik Labs said in a "
      "statement.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Zenova Systems"));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Marlow Freight"));
  Extraction b = ExtractText("A memorandum was signed with Peru on Monday, Ghana has said.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Ghana", "mou", "Peru"));
}

TEST_CASE("Frames: the named members of a plural noun are the group", "[extract]") {
  Extraction a = ExtractText(
      "Orvik Labs has provided training programmes on welding to several firms, including "
      "Zenova Systems and Marlow Freight.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "support", "Zenova Systems"));
  CHECK(FindRel(a, "Orvik Labs", "support", "Marlow Freight"));
  // Members of firms are firms, not programmes.
  CHECK(IsEntity(a, "Zenova Systems", EntityKind::kOrganization));
  Extraction b = ExtractText(
      "Peru signed deals with mining firms such as Kestrel Mining Corporation and Marlow "
      "Freight.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "agreement", "Kestrel Mining Corporation"));
  CHECK(FindRel(b, "Peru", "agreement", "Marlow Freight"));
}

TEST_CASE("Frames: joining someone in doing something is no membership", "[extract]") {
  Extraction a = ExtractText(
      "Ghana's ministers joined Orvik Labs president Tom Ray in signing a declaration.");
  INFO(Dump(a));
  CHECK_FALSE(FindRel(a, "Ghana", "member_of", "Orvik Labs"));
  Extraction b = ExtractText("Peru joined the Pacific Fisheries Council in 2019.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "member_of", "Pacific Fisheries Council"));
}

}  // namespace pactgraph::extract

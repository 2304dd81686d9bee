// Tests of pass 5 (references.cpp, coref.cpp): phrases that point at actors named before.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("References: 'the two' / 'both' + plural noun take the last pair", "[extract]") {
  Extraction a = ExtractText(
      "Ghana and Peru signed an MoU in Accra. The two countries will work together on ports.");
  INFO(Dump(a));
  const ExtractedRelation* r = FindRel(a, "Ghana", "cooperation", "Peru");
  REQUIRE(r);
  CHECK(r->modality == "committed");
  Extraction b =
      ExtractText("Zenova Systems met Korvath Labs in Oslo. Both companies agreed to collaborate.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Zenova Systems", "cooperation", "Korvath Labs"));
  Extraction c = ExtractText(
      "Norway hosted Chile and Bolivia. The three nations are expected to sign an accord.");
  INFO(Dump(c));
  // "the three" with nation nouns: the last three nations.
  CHECK(FindRel(c, "Norway", "agreement", "Chile"));
  CHECK(FindRel(c, "Chile", "agreement", "Bolivia"));
}

TEST_CASE("References: 'the company', 'the agency', 'the lender' take the last such actor",
          "[extract]") {
  Extraction a =
      ExtractText("Voltrix opened a plant in Ghana. The company also signed a deal with Peru.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Voltrix", "agreement", "Peru"));
  Extraction b =
      ExtractText("Norway met the Selby Space Agency. Later the Agency signed an MoU with Chile.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Selby Space Agency", "mou", "Chile"));
  Extraction c = ExtractText(
      "The Tessaro Development Bank cut rates. The bank will lend to Bolivia through a new "
      "loan to Bolivia.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Tessaro Development Bank", "fund", "Bolivia"));
}

TEST_CASE("References: 'the government' and 'the kingdom' take the nation", "[extract]") {
  Extraction a = ExtractText(
      "Norway named a new envoy. Zenova Systems said it would partner with the government.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Zenova Systems", "cooperation", "Norway"));
}

TEST_CASE("References: 'its' and 'it' take the clause's actor", "[extract]") {
  Extraction a = ExtractText("Korvath Labs expanded its partnership with Ghana.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Korvath Labs", "cooperation", "Ghana"));
  Extraction b = ExtractText("Peru opened its Andes Skills Programme in Cusco.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "runs", "Andes Skills Programme"));
  Extraction c = ExtractText("Zenova Systems grew fast. It has partnered with Benin.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Zenova Systems", "cooperation", "Benin"));
}

TEST_CASE("References: quoted 'we' is the body of the quoted speaker", "[extract]") {
  Extraction a = ExtractText(
      "\"We look forward to working with Ghana,\" said Lukas Brandt, chief executive of "
      "Korvath Labs.");
  INFO(Dump(a));
  const ExtractedRelation* r = FindRel(a, "Korvath Labs", "cooperation", "Ghana");
  REQUIRE(r);
  Extraction b = ExtractText(
      "Rosa Quispe, Peru's trade minister, spoke on Monday. \"Our partnership with Chile is "
      "strong,\" she said.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "cooperation", "Chile"));
}

TEST_CASE("References: an unresolvable reference gives no relation", "[extract]") {
  Extraction a = ExtractText("The two companies signed an MoU.");
  INFO(Dump(a));
  CHECK(CountType(a, "mou") == 0);
}

}  // namespace pactgraph::extract

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("References: a plural definite is the last pair of its kind", "[extract]") {
  Extraction a = ExtractText(
      "Orvik Labs and Zenova Systems will build a port in Ghana. The companies and Peru are "
      "due to sign a letter of intent in May.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Peru"));
  CHECK(FindRel(a, "Zenova Systems", "agreement", "Peru"));
  // "The companies and Peru": each company with Peru, not the companies together.
  CHECK_FALSE(FindRel(a, "Orvik Labs", "agreement", "Zenova Systems"));
  Extraction b =
      ExtractText("Ghana and Togo met in Lome. The countries later signed a fisheries pact.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Ghana", "agreement", "Togo"));
}

TEST_CASE("References: 'due to', 'set to', 'expected to' carry the clause's subject", "[extract]") {
  Extraction a = ExtractText("Orvik Labs and Peru are due to sign a deal.");
  INFO(Dump(a));
  REQUIRE(FindRel(a, "Orvik Labs", "agreement", "Peru"));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Peru")->modality == "planned");
  Extraction b = ExtractText("Chile and Norway are expected to sign a memorandum.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Chile", "mou", "Norway"));
}

}  // namespace pactgraph::extract

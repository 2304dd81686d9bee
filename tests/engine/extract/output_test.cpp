// Tests of pass 7, canonical names (output.cpp): one entity per body however the article spells
// it. Sentences are written for these tests.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Output: spelling variants of one body are one entity, named by the fuller form",
          "[extract]") {
  Extraction a = ExtractText(
      "Ghana's Ministry of Trade, Industry and Digital Economy met Orvik Labs. Orvik Labs "
      "signed an MoU with the Ministry of Trade, Industry and the Digital Economy.");
  INFO(Dump(a));
  const ExtractedEntity* m = nullptr;
  for (const auto& e : a.entities) {
    if (e.canonical.find("Ministry of Trade") == 0) {
      CHECK(m == nullptr);  // only one
      m = &e;
    }
  }
  REQUIRE(m != nullptr);
  CHECK(m->canonical == "Ministry of Trade, Industry and the Digital Economy (Ghana)");
}

TEST_CASE("Output: the serial comma is dropped from a body's name", "[extract]") {
  Extraction a =
      ExtractText("Peru's Ministry of Energy, Mines, and Water signed a deal with Orvik Labs.");
  INFO(Dump(a));
  CHECK(FindEntity(a, "Ministry of Energy, Mines and Water (Peru)"));
  Extraction b = ExtractText("The Board of Ports, Roads, and Rail (BPRR) hired Orvik Labs.");
  INFO(Dump(b));
  CHECK(FindEntity(b, "Board of Ports, Roads and Rail"));
}

TEST_CASE("Output: a short form that spells a body's acronym joins it", "[extract]") {
  // The acronym ZDA does not spell "Data Agency" but spells "ZD Agency".
  Extraction a = ExtractText(
      "Orvik Labs signed an MoU with Zanbar's Data Agency (ZDA). Orvik Labs will train staff "
      "of the ZD Agency.");
  INFO(Dump(a));
  size_t agencies = 0;
  for (const auto& e : a.entities) agencies += e.canonical.find("Agency") != std::string::npos;
  CHECK(agencies == 1);
}

}  // namespace pactgraph::extract

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Output: bodies side by side with their nations take the nation left to them",
          "[extract]") {
  Extraction a = ExtractText(
      "Chile and Norway signed a memorandum between the Department of Water Rights and the "
      "Ministry of Fisheries in Norway.");
  INFO(Dump(a));
  CHECK(FindEntity(a, "Department of Water Rights (Chile)"));
  CHECK(FindEntity(a, "Ministry of Fisheries (Norway)"));
  CHECK(FindRel(a, "Department of Water Rights (Chile)", "mou", "Ministry of Fisheries (Norway)"));
}

}  // namespace pactgraph::extract

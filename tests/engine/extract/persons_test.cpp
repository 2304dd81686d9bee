// Tests of persons as arguments (persons.cpp, slots.cpp): a person is never an endpoint; the
// body named in their office stands for them, wherever the office is written. Sentences are
// written for these tests.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Persons: offices in appositions keep a coordinated subject together", "[extract]") {
  Extraction a = ExtractText(
      "Maria Lund, Director General of the Zanbar Space Agency, and Tomas Okafor, President "
      "of Orvik Labs, signed three agreements in Lisbon.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Zanbar Space Agency"));
  // A long office with the body's acronym and seat is still one apposition.
  Extraction b = ExtractText(
      "Jane Doe, Chair and CEO of Orvik Labs, and Tom Ray, Rector of the University of Sea "
      "Studies (USS) in Porto (Portugal), signed their first partnership agreement.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Orvik Labs", "agreement", "University of Sea Studies"));
  // The same people named again later, lower-case offices.
  Extraction c = ExtractText(
      "Maria Lund, Director General of the Zanbar Space Agency, spoke first. Later Maria Lund, "
      "director general of the Zanbar Space Agency, and Tomas Okafor, president of Orvik "
      "Labs, signed an accord.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Orvik Labs", "agreement", "Zanbar Space Agency"));
}

TEST_CASE("Persons: a person 'of' a body stands for it in a group", "[extract]") {
  Extraction a = ExtractText(
      "Dr Maria Lund spoke. Maria Lund of the Zanbar Space Agency and Tomas Okafor, CEO of "
      "Orvik Labs, signed a pact.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Zanbar Space Agency"));
}

TEST_CASE("Persons: an opening prepositional phrase is not part of the subject", "[extract]") {
  Extraction a = ExtractText(
      "On the occasion of the Lisbon Ocean Fair, Jane Doe, CEO of Orvik Labs, and Tom Ray, "
      "President of Zenova Systems, signed an agreement.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Zenova Systems"));
  CHECK_FALSE(FindRel(a, "Lisbon Ocean Fair", "agreement", "Zenova Systems"));
  Extraction b = ExtractText("In Accra, Ghana and Togo signed a memorandum of understanding.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Ghana", "mou", "Togo"));
}

}  // namespace pactgraph::extract

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Persons: an office ends where the sentence goes on", "[extract]") {
  // Inside a relative clause, the office's comma does not close the clause.
  Extraction a = ExtractText(
      "It follows a deal with Zenova Systems, which was signed during the visit of Jane Doe, "
      "Orvik Labs founder and chief executive, to Peru on Monday.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Orvik Labs", "visit", "Peru"));
  Extraction b = ExtractText(
      "The pact was signed during a visit of Tom Ray, Zenova Systems chairman to Ghana on Friday.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Zenova Systems", "visit", "Ghana"));
}

}  // namespace pactgraph::extract

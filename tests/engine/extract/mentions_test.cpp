// Tests of passes 3 and 4 (names.cpp, mentions.cpp, mention_context.cpp, persons.cpp): which
// spans are names and of what kind. Every sentence is written for these tests.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Mentions: capitalised and mixed-case spans with a head noun are typed by it",
          "[extract]") {
  Extraction x = ExtractText(
      "The Korvath Maritime Authority met officials of the Selby Institute of Oceanography. "
      "Later the Blue Harbour Initiative and the Orland Province joined the talks.");
  INFO(Dump(x));
  CHECK(IsEntity(x, "Korvath Maritime Authority", EntityKind::kOrganization));
  CHECK(IsEntity(x, "Selby Institute of Oceanography", EntityKind::kOrganization));
  CHECK(IsEntity(x, "Blue Harbour Initiative", EntityKind::kProgram));
  CHECK(IsEntity(x, "Orland Province", EntityKind::kPlace));
}

TEST_CASE("Mentions: head nouns from WordNet name bodies, compound heads in other languages",
          "[extract]") {
  // "Trusts" and "Gesellschaft" are in no project list.
  Extraction x = ExtractText(
      "Funds came from the Halvorsen Family Trusts and the Baumwerk Entwicklungsgesellschaft.");
  INFO(Dump(x));
  CHECK(IsEntity(x, "Halvorsen Family Trusts", EntityKind::kOrganization));
  CHECK(IsEntity(x, "Baumwerk Entwicklungsgesellschaft", EntityKind::kOrganization));
}

TEST_CASE("Mentions: names introduced by 'dubbed', 'called', 'known as' or quotes are candidates",
          "[extract]") {
  Extraction a = ExtractText("Norway launched a programme dubbed Fjordlink to connect schools.");
  INFO(Dump(a));
  CHECK(IsEntity(a, "Fjordlink", EntityKind::kProgram));
  Extraction b = ExtractText("The ministry runs an initiative called 'Green Roots for All'.");
  INFO(Dump(b));
  CHECK(IsEntity(b, "Green Roots for All", EntityKind::kProgram));
  Extraction c = ExtractText("A start-up known as Quillmark will build the platform.");
  INFO(Dump(c));
  CHECK(FindEntity(c, "Quillmark"));
  Extraction d = ExtractText("Peru unveiled the \"Andes Data Bridge\" project last week.");
  INFO(Dump(d));
  CHECK(IsEntity(d, "Andes Data Bridge", EntityKind::kProgram));
}

TEST_CASE("Mentions: an acronym in parentheses is an alias, in either order", "[extract]") {
  Extraction a = ExtractText(
      "The Tessaro Development Bank (TDB) approved a loan. Later TDB opened an office in Lima.");
  INFO(Dump(a));
  const ExtractedEntity* tdb = FindEntity(a, "Tessaro Development Bank");
  REQUIRE(tdb);
  CHECK(std::find(tdb->aliases.begin(), tdb->aliases.end(), "TDB") != tdb->aliases.end());
  CHECK(tdb->mentions.size() >= 2);
  CHECK_FALSE(FindEntity(a, "TDB"));
  Extraction b = ExtractText("KMA (Korvath Marine Agency) signed the plan.");
  INFO(Dump(b));
  CHECK(FindEntity(b, "Korvath Marine Agency"));
  // An acronym of common words is no name: "remote sensing (RS)".
  Extraction c = ExtractText("Ghana will invest in remote sensing (RS) with Peru.");
  INFO(Dump(c));
  CHECK_FALSE(FindEntity(c, "RS"));
}

TEST_CASE("Mentions: a later acronym joins the full name by its initials", "[extract]") {
  Extraction x = ExtractText(
      "The Baltic Grid Operators Association held a forum. Norway said BGOA would expand.");
  INFO(Dump(x));
  const ExtractedEntity* e = FindEntity(x, "Baltic Grid Operators Association");
  REQUIRE(e);
  CHECK(e->mentions.size() >= 2);
}

TEST_CASE("Mentions: the kind of an unknown name comes from its context", "[extract]") {
  // The noun before or after, an apposition, a preposition of place, a speech verb.
  Extraction x = ExtractText(
      "Battery maker Voltrix and Zenova, a Lisbon-based chipmaker, opened a plant in Marrowby. "
      "\"We are ready,\" said Amara Osei.");
  INFO(Dump(x));
  CHECK(IsEntity(x, "Voltrix", EntityKind::kOrganization));
  CHECK(IsEntity(x, "Zenova", EntityKind::kOrganization));
  CHECK(IsEntity(x, "Marrowby", EntityKind::kPlace));
  CHECK(IsEntity(x, "Amara Osei", EntityKind::kPerson));
}

TEST_CASE("Mentions: capitalised topics and sentence-initial words are not names", "[extract]") {
  Extraction x = ExtractText(
      "Meanwhile, Digital Literacy and Renewable Energy were the themes. Further talks follow.");
  INFO(Dump(x));
  CHECK_FALSE(FindEntity(x, "Meanwhile"));
  CHECK_FALSE(FindEntity(x, "Digital Literacy"));
  CHECK_FALSE(FindEntity(x, "Renewable Energy"));
  CHECK_FALSE(FindEntity(x, "Further"));
}

TEST_CASE("Mentions: a title-case heading only keeps names known from other evidence",
          "[extract]") {
  Extraction x = ExtractText("Building Smarter Ports Across The Region\nGhana signed a deal.");
  INFO(Dump(x));
  CHECK_FALSE(FindEntity(x, "Building Smarter Ports Across The Region"));
  CHECK_FALSE(FindEntity(x, "Smarter Ports"));
  CHECK(FindEntity(x, "Ghana"));
}

TEST_CASE("Mentions: 'and' splits two names but not a name with 'and' inside", "[extract]") {
  Extraction x = ExtractText(
      "Zenova Systems and Korvath Labs joined the Ministry of Fisheries and Ocean Affairs.");
  INFO(Dump(x));
  CHECK(FindEntity(x, "Zenova Systems"));
  CHECK(FindEntity(x, "Korvath Labs"));
  CHECK(IsEntity(x, "Ministry of Fisheries and Ocean Affairs", EntityKind::kOrganization));
  Extraction y = ExtractText("The Norway-Peru partnership covers salmon farming.");
  INFO(Dump(y));
  CHECK(FindRel(y, "Norway", "cooperation", "Peru"));
}

TEST_CASE("Mentions: nations from names, demonyms and 'Government of'", "[extract]") {
  Extraction x = ExtractText(
      "The Government of the Republic of Ghana and the Peruvian government met. Norwegian "
      "officials joined.");
  INFO(Dump(x));
  const ExtractedEntity* ghana = FindEntity(x, "Ghana");
  REQUIRE(ghana);
  CHECK(ghana->iso_alpha3 == "GHA");
  CHECK(FindEntity(x, "Peru"));
  CHECK(FindEntity(x, "Norway"));
  CHECK(FindRel(x, "Ghana", "meet", "Peru"));
}

TEST_CASE("Mentions: currency signs and dollars are not the nation", "[extract]") {
  Extraction x = ExtractText("Zenova Systems will invest US$40 million in Ghana.");
  INFO(Dump(x));
  CHECK_FALSE(FindEntity(x, "United States"));
  CHECK(FindRel(x, "Zenova Systems", "invest", "Ghana"));
}

TEST_CASE("Mentions: titles introduce persons and say whom they act for", "[extract]") {
  Extraction x = ExtractText(
      "Ghana's Minister of Fisheries, Kojo Mensah, met Lukas Brandt, chief executive of "
      "Korvath Labs. Dr Ines Valdez of Peru also attended.");
  INFO(Dump(x));
  const ExtractedEntity* kojo = FindEntity(x, "Kojo Mensah");
  REQUIRE(kojo);
  CHECK(kojo->kind == EntityKind::kPerson);
  CHECK(kojo->affiliation == "Ghana");
  const ExtractedEntity* lukas = FindEntity(x, "Lukas Brandt");
  REQUIRE(lukas);
  CHECK(lukas->affiliation == "Korvath Labs");
  CHECK(IsEntity(x, "Ines Valdez", EntityKind::kPerson));
  // A title is not an organisation.
  CHECK_FALSE(FindEntity(x, "Minister of Fisheries"));
  CHECK(FindRel(x, "Ghana", "meet", "Korvath Labs"));
}

TEST_CASE("Mentions: a state office with no stated body acts for the article's nation",
          "[extract]") {
  Extraction x = ExtractText(
      "Peru will open a data centre. Energy Minister Rosa Quispe announced the plan. Peru "
      "hopes to finish in 2027.");
  INFO(Dump(x));
  const ExtractedEntity* rosa = FindEntity(x, "Rosa Quispe");
  REQUIRE(rosa);
  CHECK(rosa->affiliation == "Peru");
}

}  // namespace pactgraph::extract

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Mentions: a nation's office without a name is no organisation", "[extract]") {
  Extraction a = ExtractText("The Chilean Ambassador welcomed the deal with Orvik Labs.");
  INFO(Dump(a));
  CHECK_FALSE(FindEntity(a, "Chilean Ambassador"));
  CHECK(IsEntity(a, "Chile", EntityKind::kNation));
  Extraction b = ExtractText("A Kenyan Foreign Minister once visited Orvik Labs.");
  INFO(Dump(b));
  CHECK_FALSE(FindEntity(b, "Kenyan Foreign Minister"));
  // With a name after it the office names a person.
  Extraction c = ExtractText("The Ghanaian Ambassador Kofi Mensah met Orvik Labs.");
  INFO(Dump(c));
  CHECK(IsEntity(c, "Kofi Mensah", EntityKind::kPerson));
}

}  // namespace pactgraph::extract

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Mentions: events and amounts are no actors", "[extract]") {
  Extraction a = ExtractText(
      "At the Lisbon Ocean Summit, Orvik Labs signed an agreement with Zenova Systems.");
  INFO(Dump(a));
  CHECK_FALSE(FindEntity(a, "Lisbon Ocean Summit"));
  CHECK(FindRel(a, "Orvik Labs", "agreement", "Zenova Systems"));
  Extraction b = ExtractText("Ghana met Peru on the sidelines of the Atlantic Trade Forum 2025.");
  INFO(Dump(b));
  CHECK_FALSE(FindEntity(b, "Atlantic Trade Forum 2025"));
  CHECK(FindRel(b, "Ghana", "meet", "Peru"));
  Extraction c = ExtractText("The Tessaro Development Bank lent USD 10 million to Chad.");
  INFO(Dump(c));
  for (const auto& e : c.entities) CHECK(e.canonical.find("USD") == std::string::npos);
}

}  // namespace pactgraph::extract

// Tests of pass 6, trigger frames (frames.cpp, slots.cpp): arguments read over noun phrases.
// Each class of wording gets several sentences of its own, written for these tests.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Frames: a coordinated subject signs with every partner", "[extract]") {
  Extraction a = ExtractText("Ghana, Togo and Benin signed a trade accord.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Ghana", "agreement", "Togo"));
  CHECK(FindRel(a, "Ghana", "agreement", "Benin"));
  CHECK(FindRel(a, "Togo", "agreement", "Benin"));
  Extraction b = ExtractText("Zenova Systems has partnered with Korvath Labs and Peru.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Zenova Systems", "cooperation", "Korvath Labs"));
  CHECK(FindRel(b, "Zenova Systems", "cooperation", "Peru"));
  CHECK_FALSE(FindRel(b, "Korvath Labs", "cooperation", "Peru"));
}

TEST_CASE("Frames: appositions and acronyms do not break a list", "[extract]") {
  Extraction a = ExtractText(
      "The Tessaro Development Bank (TDB), a regional lender, and Norway signed an MoU.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Tessaro Development Bank", "mou", "Norway"));
  Extraction b =
      ExtractText("Peru signed a deal with the shipping giant, Marlow Freight, on Friday.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "agreement", "Marlow Freight"));
}

TEST_CASE("Frames: 'between A and B' anywhere in the clause", "[extract]") {
  Extraction a = ExtractText("An agreement between Chad and Niger was signed in Niamey.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Chad", "agreement", "Niger"));
  Extraction b = ExtractText("Talks were held on Tuesday between Korvath Labs and Zenova Systems.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Korvath Labs", "meet", "Zenova Systems"));
  // Both levels sign when nations act through their ministries.
  Extraction c = ExtractText(
      "The MoU was signed between Ghana through the Ministry of Fisheries and Peru through "
      "the Ministry of Production.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Ghana", "mou", "Peru"));
  CHECK(FindRel(c, "Ministry of Fisheries (Ghana)", "mou", "Ministry of Production (Peru)"));
}

TEST_CASE("Frames: passives and 'by' agents", "[extract]") {
  Extraction a = ExtractText("A memorandum has been signed by Norway and Chile.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Norway", "mou", "Chile"));
  Extraction b = ExtractText("The Kestrel Seed Fund is financed by the Tessaro Development Bank.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Tessaro Development Bank", "fund", "Kestrel Seed Fund"));
  Extraction c = ExtractText("Voltrix, which is owned by Zenova Systems, builds batteries.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Zenova Systems", "invest", "Voltrix"));
}

TEST_CASE("Frames: possessive agents of noun triggers", "[extract]") {
  Extraction a = ExtractText("Norway's investment in Ghana doubled last year.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Norway", "invest", "Ghana"));
  Extraction b = ExtractText("Zenova Systems announced its partnership with Korvath Labs.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Zenova Systems", "cooperation", "Korvath Labs"));
  Extraction c = ExtractText("Peru's loan to Bolivia was approved.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Peru", "fund", "Bolivia"));
}

TEST_CASE("Frames: nominalised triggers read their arguments from the governing verb",
          "[extract]") {
  Extraction a = ExtractText("Ghana and Togo announced a new partnership on ports.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Ghana", "cooperation", "Togo"));
  Extraction b = ExtractText("The Tessaro Development Bank extended a loan to Bolivia.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Tessaro Development Bank", "fund", "Bolivia"));
  // A receiving verb makes its subject the target.
  Extraction c = ExtractText("Bolivia secured a grant from the Tessaro Development Bank.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Tessaro Development Bank", "fund", "Bolivia"));
  CHECK_FALSE(FindRel(c, "Bolivia", "fund", "Tessaro Development Bank"));
}

TEST_CASE("Frames: an infinitive or gerund takes the controlling subject", "[extract]") {
  Extraction a = ExtractText("Zenova Systems agreed to invest in Peru.");
  INFO(Dump(a));
  const ExtractedRelation* r = FindRel(a, "Zenova Systems", "invest", "Peru");
  REQUIRE(r);
  CHECK(r->modality == "committed");
  Extraction b = ExtractText("Korvath Labs marked the day by signing an MoU with Ghana.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Korvath Labs", "mou", "Ghana"));
  Extraction c =
      ExtractText("Norway signed an agreement to establish a joint venture with Zenova Systems.");
  INFO(Dump(c));
  const ExtractedRelation* jv = FindRel(c, "Norway", "cooperation", "Zenova Systems");
  REQUIRE(jv);
  CHECK(jv->modality == "committed");
}

TEST_CASE("Frames: a relative clause's subject is its antecedent", "[extract]") {
  Extraction a =
      ExtractText("Voltrix, which partnered with Korvath Labs in 2020, opened a plant in Ghana.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Voltrix", "cooperation", "Korvath Labs"));
}

TEST_CASE("Frames: persons stand for the body they act for", "[extract]") {
  Extraction a = ExtractText(
      "Lukas Brandt, chief executive of Korvath Labs, and Ghana's Minister of Energy, Kojo "
      "Mensah, signed the agreement.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Korvath Labs", "agreement", "Ghana"));
  Extraction b = ExtractText(
      "Peru's Foreign Minister Rosa Quispe met her counterparts from Chile "
      "and Bolivia.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Peru", "meet", "Chile"));
  CHECK(FindRel(b, "Peru", "meet", "Bolivia"));
}

TEST_CASE("Frames: visits from visitor to host", "[extract]") {
  Extraction a = ExtractText("A delegation from Korvath Labs visited Ghana in May.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Korvath Labs", "visit", "Ghana"));
  Extraction b = ExtractText("Peru received a state visit from Norway.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Norway", "visit", "Peru"));
  Extraction c =
      ExtractText("Norway's prime minister spoke to reporters while in Ghana for talks.");
  INFO(Dump(c));
  CHECK(FindRel(c, "Norway", "visit", "Ghana"));
}

TEST_CASE("Frames: launches and programmes", "[extract]") {
  Extraction a = ExtractText("Ghana launched the Coastal Skills Programme on Monday.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Ghana", "launch", "Coastal Skills Programme"));
  Extraction b = ExtractText("The Harbour Data Platform was unveiled by Zenova Systems.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Zenova Systems", "launch", "Harbour Data Platform"));
  // A launch needs a programme or facility, not an actor.
  Extraction c = ExtractText("Peru launched talks with Chile.");
  INFO(Dump(c));
  CHECK_FALSE(FindRel(c, "Peru", "launch", "Chile"));
}

TEST_CASE("Frames: training and technical support from provider to beneficiary", "[extract]") {
  Extraction a = ExtractText("Korvath Labs will train officials of the Ghana Revenue Authority.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Korvath Labs", "support", "Ghana Revenue Authority (Ghana)"));
  Extraction b = ExtractText("Norway provided technical assistance to Benin.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Norway", "support", "Benin"));
}

TEST_CASE("Frames: noun senses of verb triggers are not triggers", "[extract]") {
  // "fund" and "partners" as nouns name no funding or partnership between the actors.
  Extraction a = ExtractText("Ghana and Peru both have a sovereign fund.");
  INFO(Dump(a));
  CHECK(CountType(a, "fund") == 0);
  Extraction b = ExtractText("Members of the Peru delegation toured the Zenova Systems plant.");
  INFO(Dump(b));
  CHECK(CountType(b, "member_of") == 0);
}

TEST_CASE("Frames: a trigger inside a name is not a trigger", "[extract]") {
  Extraction a = ExtractText("The Lindqvist Cooperation Agency opened an office in Peru.");
  INFO(Dump(a));
  CHECK(CountType(a, "cooperation") == 0);
  Extraction b = ExtractText("The Partnership for Clean Ports Peru welcomed the news.");
  INFO(Dump(b));
  CHECK(CountType(b, "cooperation") == 0);
}

TEST_CASE("Frames: modality and negation from the clause", "[extract]") {
  Extraction a = ExtractText("Ghana and Peru plan to sign an MoU on fisheries.");
  const ExtractedRelation* p = FindRel(a, "Ghana", "mou", "Peru");
  REQUIRE(p);
  CHECK(p->modality == "planned");
  Extraction b = ExtractText("Norway will fund the Coastal Skills Programme.");
  const ExtractedRelation* c = FindRel(b, "Norway", "fund", "Coastal Skills Programme");
  REQUIRE(c);
  CHECK(c->modality == "committed");
  Extraction d = ExtractText("Chile has not signed an agreement with Bolivia.");
  INFO(Dump(d));
  CHECK_FALSE(FindRel(d, "Chile", "agreement", "Bolivia"));
  bool negated = false;
  for (const auto& r : d.relations) negated |= r.negated && r.type == "agreement";
  CHECK(negated);
}

TEST_CASE("Frames: a body that approves a document is not a party to it", "[extract]") {
  Extraction a = ExtractText("The Peruvian cabinet approved an MoU signed with Chile.");
  INFO(Dump(a));
  CHECK_FALSE(FindRel(a, "Peru", "mou", "Chile"));
}

TEST_CASE("Frames: a document's subject matter is no separate partnership", "[extract]") {
  Extraction a = ExtractText("Ghana signed an MoU with Peru on cooperation in fisheries.");
  INFO(Dump(a));
  CHECK(FindRel(a, "Ghana", "mou", "Peru"));
  Extraction b = ExtractText("Ghana and Peru signed an MoU on cooperation in fisheries.");
  INFO(Dump(b));
  CHECK(FindRel(b, "Ghana", "mou", "Peru"));
  CHECK_FALSE(FindRel(b, "Ghana", "cooperation", "Peru"));
}

TEST_CASE("Frames: every relation names its rule and its words", "[extract]") {
  Extraction x = ExtractText("Zenova Systems partnered with Korvath Labs.");
  INFO(Dump(x));
  const ExtractedRelation* r = FindRel(x, "Zenova Systems", "cooperation", "Korvath Labs");
  REQUIRE(r);
  CHECK(r->rule.find("triggers.tsv:") != std::string::npos);
  CHECK(r->rule.find("symmetric_verb") != std::string::npos);
  CHECK(r->trigger == "partnered");
  CHECK(r->trigger_span.end > r->trigger_span.begin);
  CHECK(r->source_span.end > r->source_span.begin);
}

}  // namespace pactgraph::extract

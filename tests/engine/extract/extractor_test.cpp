// Tests of the extractor on the project's own sample articles (data/articles): specific
// entities, relations and modalities, including the hard cases.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Extract: coreference 'the two countries' and a received visit", "[extract]") {
  Extraction x = ExtractSample("01-rwanda-japan-ai.txt");
  REQUIRE(FindEntity(x, "Rwanda"));
  REQUIRE(FindEntity(x, "Japan"));
  const ExtractedEntity* amb = FindEntity(x, "Nakajo Kazuya");
  REQUIRE(amb);
  CHECK(amb->kind == EntityKind::kPerson);
  CHECK(amb->affiliation == "Japan");
  CHECK(FindEntity(x, "Paula Ingabire"));
  // "received a courtesy visit from the Ambassador of Japan": Japan visits its host.
  const ExtractedRelation* visit = FindRel(x, "Japan", "visit", "Rwanda");
  REQUIRE(visit);
  CHECK(visit->modality == "actual");
  // "The two countries will work together ...": committed cooperation read through coreference.
  bool committed = false;
  for (const auto& ev : x.evidence) {
    if (ev.type == "cooperation" && ev.sentence.rfind("The two countries", 0) == 0) {
      committed = ev.modality == "committed";
    }
  }
  CHECK(committed);
  CHECK(FindRel(x, "Rwanda", "cooperation", "Japan"));
}

TEST_CASE("Extract: 'X signed an MoU with U.S.-based Y' gives mou and based_in", "[extract]") {
  Extraction x = ExtractSample("02-rwanda-anthropic-mou.txt");
  const ExtractedRelation* mou = FindRel(x, "Rwanda", "mou", "Anthropic");
  REQUIRE(mou);
  CHECK(mou->modality == "actual");
  CHECK(FindRel(x, "Anthropic", "based_in", "United States"));
  CHECK_FALSE(FindRel(x, "United States", "mou", "Rwanda"));  // a modifier is not a party
  const ExtractedEntity* us = FindEntity(x, "United States");
  REQUIRE(us);
  CHECK(us->iso_alpha3 == "USA");
}

TEST_CASE("Extract: planned versus actual, and negation", "[extract]") {
  Extraction x = ExtractSample("03-kenya-rwanda-ai.txt");
  const ExtractedRelation* coop = FindRel(x, "Kenya", "cooperation", "Rwanda");
  REQUIRE(coop);
  CHECK(coop->modality == "actual");
  const ExtractedRelation* plan = FindRel(x, "Kenya", "agreement", "Rwanda");
  REQUIRE(plan);
  CHECK(plan->modality == "planned");
  bool negated = false;
  for (const auto& r : x.relations) {
    if (r.negated && r.type == "agreement") negated = true;
  }
  CHECK(negated);  // "The two countries have not signed a common data protection treaty."
}

TEST_CASE("Extract: possessive 'X's Y initiative' is runs; places with County", "[extract]") {
  Extraction x = ExtractSample("04-huawei-digitruck-lamu.txt");
  const ExtractedEntity* prog = FindEntity(x, "DigiTruck initiative");
  REQUIRE(prog);
  CHECK(prog->kind == EntityKind::kProgram);
  CHECK(FindRel(x, "Huawei", "runs", "DigiTruck initiative"));
  const ExtractedEntity* lamu = FindEntity(x, "Lamu County");
  REQUIRE(lamu);
  CHECK(lamu->kind == EntityKind::kPlace);
}

TEST_CASE("Extract: passive 'was launched by X' and 'through its Y'", "[extract]") {
  Extraction x = ExtractSample("05-bank-of-kigali-open-api.txt");
  CHECK(FindRel(x, "Bank of Kigali", "launch", "Open API platform"));
  CHECK(FindRel(x, "Bank of Kigali", "runs", "Open API platform"));
  CHECK_FALSE(FindRel(x, "Rwanda", "runs", "Open API platform"));
}

TEST_CASE("Extract: acronyms in parentheses and X's programme", "[extract]") {
  Extraction x = ExtractSample("06-rwanda-dpi-strategy.txt");
  const ExtractedEntity* dpi = FindEntity(x, "Digital Public Infrastructure strategy");
  REQUIRE(dpi);
  CHECK(std::find(dpi->aliases.begin(), dpi->aliases.end(), "DPI") != dpi->aliases.end());
  CHECK(dpi->mentions.size() >= 2);  // "The DPI strategy" is the same programme
  CHECK(FindRel(x, "Rwanda", "launch", "Digital Public Infrastructure strategy"));
  CHECK(FindRel(x, "Rwanda", "runs", "Vision 2050"));
}

TEST_CASE("Extract: coordination with X-based, 'the companies', a visit by", "[extract]") {
  Extraction x = ExtractSample("07-microsoft-g42-kenya.txt");
  CHECK(FindRel(x, "Microsoft", "invest", "Kenya"));
  CHECK(FindRel(x, "G42", "invest", "Kenya"));
  CHECK(FindRel(x, "G42", "based_in", "Abu Dhabi"));
  CHECK(FindRel(x, "Microsoft", "agreement", "Kenya"));
  CHECK(FindRel(x, "G42", "agreement", "Kenya"));
  CHECK_FALSE(FindRel(x, "Microsoft", "agreement", "G42"));  // one conjunct, not a pair
  CHECK(FindRel(x, "Kenya", "visit", "United States"));
  const ExtractedEntity* ruto = FindEntity(x, "William Ruto");
  REQUIRE(ruto);
  CHECK(ruto->affiliation == "Kenya");
}

TEST_CASE("Extract: funding frames 'funded by X ... to Y' and 'financing from X'", "[extract]") {
  Extraction a = ExtractSample("10-kenya-kaist-konza.txt");
  CHECK(FindRel(a, "Export-Import Bank of Korea", "fund", "Kenya"));
  Extraction b = ExtractSample("11-konza-data-centre.txt");
  CHECK(FindRel(b, "China", "fund", "Kenya"));
}

TEST_CASE("Extract: 'Kenya's Ministry of ...' and 'is based in'", "[extract]") {
  Extraction x = ExtractSample("16-jica-rwanda-ict.txt");
  const ExtractedEntity* m = FindEntity(x, "Ministry of ICT and Innovation (Rwanda)");
  REQUIRE(m);
  CHECK(m->kind == EntityKind::kOrganization);
  CHECK(FindRel(x, "Ministry of ICT and Innovation (Rwanda)", "based_in", "Rwanda"));
  CHECK(FindRel(x, "JICA", "support", "Ministry of ICT and Innovation (Rwanda)"));
  Extraction y = ExtractSample("14-smart-africa-kigali.txt");
  CHECK(FindRel(y, "Smart Africa", "based_in", "Rwanda"));
}

TEST_CASE("Extract: evidence offsets point at the sentence in the body", "[extract]") {
  for (const char* name : {"01-rwanda-japan-ai.txt", "07-microsoft-g42-kenya.txt"}) {
    Article a;
    Extraction x = ExtractSample(name, &a);
    REQUIRE_FALSE(x.evidence.empty());
    for (const auto& ev : x.evidence) {
      CHECK(a.text.substr(ev.sentence_span.begin, ev.sentence_span.end - ev.sentence_span.begin) ==
            ev.sentence);
      CHECK_FALSE(ev.date.empty());  // both articles carry a date
    }
    for (const auto& e : x.entities) {
      for (const auto& m : e.mentions) CHECK(m.end <= a.text.size());
    }
  }
}

TEST_CASE("Extract: a date stated in the sentence wins over the article date", "[extract]") {
  Extraction x = ExtractText("Kenya and Ghana signed an MoU on March 3, 2021 in Accra.", "2024-01");
  const ExtractedRelation* r = FindRel(x, "Kenya", "mou", "Ghana");
  REQUIRE(r);
  CHECK(r->date == "2021-03-03");
}

TEST_CASE("Extract: --rules files add triggers; bad lines name file and line", "[extract]") {
  pactgraph::testing::TempDir dir;
  const std::string rules = dir / "extra.tsv";
  pactgraph::testing::WriteFile(rules, "# extra\ntrigger\tcooperation\tshook hands with\n");
  ExtractorOptions o;
  o.data_dir = DataDir();
  o.rule_files = {rules};
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  Article a;
  a.text = "Kenya shook hands with Ghana on digital trade.";
  Extraction with, without;
  REQUIRE((*ex)->Extract(a, &with).ok());
  REQUIRE(SharedExtractor().Extract(a, &without).ok());
  CHECK(FindRel(with, "Kenya", "cooperation", "Ghana"));
  CHECK_FALSE(FindRel(without, "Kenya", "cooperation", "Ghana"));

  pactgraph::testing::WriteFile(rules, "trigger\tcooperation\tok\nbogus line\n");
  auto bad = Extractor::Create(o);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("extra.tsv:2:") != std::string::npos);
}

}  // namespace pactgraph::extract

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Extract: frames on unseen sentences", "[extract]") {
  Extraction a =
      ExtractText("Airtel Africa has partnered with Mastercard and Visa to expand payments.");
  CHECK(FindRel(a, "Airtel", "cooperation", "Mastercard"));
  CHECK(FindRel(a, "Airtel", "cooperation", "Visa"));
  CHECK_FALSE(FindRel(a, "Mastercard", "cooperation", "Visa"));
  Extraction b = ExtractText("Safaricom, the Kenyan telecom operator, expanded its network.");
  CHECK(FindRel(b, "Safaricom", "based_in", "Kenya"));
  Extraction c = ExtractText("The World Bank approved a $200 million grant to Ethiopia.");
  const ExtractedRelation* fund = FindRel(c, "World Bank", "fund", "Ethiopia");
  REQUIRE(fund);
  CHECK(fund->modality == "actual");
  Extraction d =
      ExtractText("Ghana's Minister for Communications, Ursula Owusu-Ekuful, met Kenya's envoy.");
  const ExtractedEntity* p = FindEntity(d, "Ursula Owusu-Ekuful");
  REQUIRE(p);
  CHECK(p->affiliation == "Ghana");
  Extraction e = ExtractText("Egypt did not renew its agreement with Orange.");
  CHECK_FALSE(FindRel(e, "Egypt", "agreement", "Orange"));
  bool negated = false;
  for (const auto& r : e.relations) negated |= r.negated && r.type == "agreement";
  CHECK(negated);
  Extraction f = ExtractText(
      "Mauritius and India are expected to sign a memorandum of understanding next month.");
  const ExtractedRelation* mou = FindRel(f, "Mauritius", "mou", "India");
  REQUIRE(mou);
  CHECK(mou->modality == "planned");
}

}  // namespace pactgraph::extract

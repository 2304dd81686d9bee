// Tests of the Extractor as a whole: the project's sample articles (data/articles), offsets,
// dates, canonical names, and bad rule data.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

TEST_CASE("Extract: the sample articles give their headline relations", "[extract]") {
  Extraction a = ExtractSample("02-rwanda-anthropic-mou.txt");
  INFO(Dump(a));
  const ExtractedRelation* mou = FindRel(a, "Rwanda", "mou", "Anthropic");
  REQUIRE(mou);
  CHECK(mou->modality == "actual");
  CHECK(FindRel(a, "Anthropic", "based_in", "United States"));
  CHECK_FALSE(FindRel(a, "United States", "mou", "Rwanda"));  // a modifier is not a party
  const ExtractedEntity* us = FindEntity(a, "United States");
  REQUIRE(us);
  CHECK(us->iso_alpha3 == "USA");
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
      CHECK_FALSE(ev.rule.empty());
      for (const Span& s : {ev.trigger_span, ev.source_span, ev.target_span}) {
        CHECK(s.end <= a.text.size());
        CHECK(s.begin <= s.end);
      }
    }
    for (const auto& e : x.entities) {
      for (const auto& m : e.mentions) CHECK(m.end <= a.text.size());
    }
  }
}

TEST_CASE("Extract: a date stated in the sentence wins over the article date", "[extract]") {
  Extraction x = ExtractText("Chad and Niger signed an MoU on March 3, 2021 in Niamey.", "2024-01");
  const ExtractedRelation* r = FindRel(x, "Chad", "mou", "Niger");
  REQUIRE(r);
  CHECK(r->date == "2021-03-03");
}

TEST_CASE("Extract: canonical names — full name with acronym alias, 'Name (Country)'",
          "[extract]") {
  Extraction x = ExtractText(
      "Peru's Ministry of Production signed a deal with the Nordhavn Maritime Institute (NMI). "
      "NMI will train staff.");
  INFO(Dump(x));
  const ExtractedEntity* m = FindEntity(x, "Ministry of Production (Peru)");
  REQUIRE(m);
  CHECK(m->nation == "Peru");
  const ExtractedEntity* nmi = FindEntity(x, "Nordhavn Maritime Institute");
  REQUIRE(nmi);
  CHECK(std::find(nmi->aliases.begin(), nmi->aliases.end(), "NMI") != nmi->aliases.end());
  // Sub-national governments are organisations.
  Extraction y = ExtractText("The Lagos State Government signed an MoU with Voltrix.");
  INFO(Dump(y));
  CHECK(FindRel(y, "Lagos State Government", "mou", "Voltrix"));
  CHECK(IsEntity(y, "Lagos State Government", EntityKind::kOrganization));
}

TEST_CASE("Extract: one relation per (source, type, target), every sentence as evidence",
          "[extract]") {
  Extraction x = ExtractText(
      "Chad and Niger signed an MoU. Niger and Chad later signed the MoU again in Ndjamena.");
  INFO(Dump(x));
  const ExtractedRelation* r = FindRel(x, "Chad", "mou", "Niger");
  REQUIRE(r);
  CHECK(r->evidence_count == 2);
  CHECK(CountType(x, "mou") == 1);
}

TEST_CASE("Extract: a missing data directory is NotFound", "[extract]") {
  // An empty data_dir means DefaultDataDir() (which finds the source tree's data/); a directory
  // without the tables is refused.
  ExtractorOptions o;
  o.data_dir = "/nonexistent/pactgraph-data";
  auto r = Extractor::Create(o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kNotFound);
}

}  // namespace pactgraph::extract

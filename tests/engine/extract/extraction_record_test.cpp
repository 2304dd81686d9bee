// Tests of extraction records (pactgraph/extraction_record.h): every field survives the round
// trip, and damaged records are refused with the place.
#include "pactgraph/extraction_record.h"

#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

namespace {
bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

void SameRelation(const ExtractedRelation& a, const ExtractedRelation& b) {
  CHECK(a.source == b.source);
  CHECK(a.type == b.type);
  CHECK(a.target == b.target);
  CHECK(a.modality == b.modality);
  CHECK(a.negated == b.negated);
  CHECK(a.directed == b.directed);
  CHECK(a.sentence == b.sentence);
  CHECK(a.sentence_span.begin == b.sentence_span.begin);
  CHECK(a.sentence_span.end == b.sentence_span.end);
  CHECK(a.date == b.date);
  CHECK(a.trigger == b.trigger);
  CHECK(a.evidence_count == b.evidence_count);
  CHECK(a.rule == b.rule);
  CHECK(a.trigger_span.begin == b.trigger_span.begin);
  CHECK(a.source_span.end == b.source_span.end);
  CHECK(a.target_span.begin == b.target_span.begin);
}
}  // namespace

TEST_CASE("Records: an extraction survives the record round trip", "[extract][record]") {
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
  ReadArticles({testing::DataDir() + "/articles"}, ReadOptions(), &articles, &problems);
  REQUIRE(articles.size() >= 15);
  size_t relations = 0, negated = 0;
  for (const Article& article : articles) {
    Extraction x;
    REQUIRE(testing::SharedExtractor().Extract(article, &x).ok());
    const std::string line = ExtractionRecord(article, x);
    CHECK(line.find('\n') == std::string::npos);
    Article a2;
    Extraction x2;
    Status st = ParseExtractionRecord(line, &a2, &x2);
    INFO(article.file << ": " << st.ToString());
    REQUIRE(st.ok());
    CHECK(a2.file == article.file);
    CHECK(a2.title == article.title);
    CHECK(a2.date == article.date);
    CHECK(a2.source == article.source);
    CHECK(a2.text == article.text);
    REQUIRE(x2.entities.size() == x.entities.size());
    for (size_t i = 0; i < x.entities.size(); ++i) {
      const auto &e = x.entities[i], &f = x2.entities[i];
      CHECK(e.canonical == f.canonical);
      CHECK(e.kind == f.kind);
      CHECK(e.aliases == f.aliases);
      CHECK(e.iso_alpha3 == f.iso_alpha3);
      CHECK(e.nation == f.nation);
      CHECK(e.affiliation == f.affiliation);
      REQUIRE(e.mentions.size() == f.mentions.size());
      for (size_t k = 0; k < e.mentions.size(); ++k) {
        CHECK(e.mentions[k].begin == f.mentions[k].begin);
        CHECK(e.mentions[k].end == f.mentions[k].end);
      }
    }
    REQUIRE(x2.relations.size() == x.relations.size());
    for (size_t i = 0; i < x.relations.size(); ++i) SameRelation(x.relations[i], x2.relations[i]);
    REQUIRE(x2.evidence.size() == x.evidence.size());
    for (size_t i = 0; i < x.evidence.size(); ++i) SameRelation(x.evidence[i], x2.evidence[i]);
    CHECK(x2.warnings == x.warnings);
    relations += x.relations.size();
    for (const auto& r : x.relations) negated += r.negated;
    // Writing the parsed record again gives the same line.
    CHECK(ExtractionRecord(a2, x2) == line);
  }
  CHECK(relations > 20);
  CHECK(negated >= 1);  // the sample corpus has a denied relation: the flag travels too
}

TEST_CASE("Records: damaged records are refused with what is wrong", "[extract][record]") {
  Article a;
  a.file = "a.txt";
  a.text = "Kenya and Ghana signed an MoU.\n";
  Extraction x;
  REQUIRE(testing::SharedExtractor().Extract(a, &x).ok());
  const std::string good = ExtractionRecord(a, x);
  Article out;
  Extraction ox;
  REQUIRE(ParseExtractionRecord(good, &out, &ox).ok());
  Status st = ParseExtractionRecord(good.substr(0, good.size() / 2), &out, &ox);
  REQUIRE_FALSE(st.ok());
  CHECK(st.message().rfind("col ", 0) == 0);
  std::string other = good;
  other.replace(other.find("\"version\":1"), 11, "\"version\":7");
  st = ParseExtractionRecord(other, &out, &ox);
  CHECK(Has(st.message(), "format version 7; this pactgraph reads version 1"));
  std::string changed = good;
  changed.replace(changed.find("Ghana signed"), 5, "Tonga");
  st = ParseExtractionRecord(changed, &out, &ox);
  CHECK(Has(st.message(), "content_hash does not match"));
  std::string span = good;
  const size_t at = span.find("\"sentence_span\":[");
  REQUIRE(at != std::string::npos);
  span.replace(at, 17, "\"sentence_span\":[9000,9001],\"moved\":[");
  st = ParseExtractionRecord(span, &out, &ox);
  CHECK(Has(st.message(), "lies outside the article text"));
  st = ParseExtractionRecord("[1,2]", &out, &ox);
  CHECK(Has(st.message(), "not a JSON object"));
}

TEST_CASE("Records: the checker names file and line and a cut last line", "[extract][record]") {
  Article a;
  a.text = "Kenya and Ghana signed an MoU.\n";
  Extraction x;
  REQUIRE(testing::SharedExtractor().Extract(a, &x).ok());
  const std::string line = ExtractionRecord(a, x);
  TempDir dir;
  WriteFile(dir / "ok.jsonl", line + "\n\n" + line + "\n");
  WriteFile(dir / "bad.jsonl", line + "\n{\"pactgraph\":\"extraction\",\n" + line);
  std::vector<InputProblem> problems;
  CHECK(CheckExtractionRecords({dir / "ok.jsonl"}, &problems) == 2);
  CHECK(problems.empty());
  CHECK(CheckExtractionRecords({dir / "bad.jsonl"}, &problems) == 1);
  REQUIRE(problems.size() == 2);
  CHECK(Has(problems[0].message, "bad.jsonl:2:"));
  CHECK(Has(problems[1].message, "bad.jsonl:3: the last record has no newline"));
}

}  // namespace pactgraph::extract

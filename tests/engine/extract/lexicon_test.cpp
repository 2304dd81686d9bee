// Tests of the Lexicon (lexicon.cpp, rules.cpp) and the WordNet table compiled in at build time.
#include "engine/extract/lexicon.h"

#include "engine/extract/wordnet.h"
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using namespace testing;

namespace {

const Lexicon& SharedLexicon() {
  static Lexicon* lex = [] {
    auto* l = new Lexicon();
    Segmenter seg;
    ExtractorOptions o;
    o.data_dir = DataDir();
    REQUIRE(l->Load(o, &seg).ok());
    return l;
  }();
  return *lex;
}

WordInfo Word(const std::string& fold) {
  WordInfo w;
  SharedLexicon().Lookup(fold, &w);
  return w;
}

}  // namespace

TEST_CASE("Lexicon: the WordNet table gives parts of speech and noun classes", "[extract]") {
  CHECK(wordnet::kWordCount > 50000);
  CHECK((Word("integrate").pos & wordnet::kVerb) != 0);
  CHECK((Word("consortium").noun_classes & wordnet::Bit(wordnet::kGroup)) != 0);
  CHECK((Word("province").noun_classes & wordnet::Bit(wordnet::kLocation)) != 0);
  CHECK((Word("manufacturer").noun_classes & wordnet::Bit(wordnet::kPerson)) != 0);
  // A proper name's senses do not make it a common word: "riyadh" has no lower-case sense.
  CHECK(Word("riyadh").pos == 0);
  bool instance = false;
  CHECK((SharedLexicon().NameClasses("riyadh", &instance) & wordnet::Bit(wordnet::kLocation)) != 0);
  CHECK(instance);
  CHECK((SharedLexicon().NameClasses("aral sea", &instance) != 0));
}

TEST_CASE("Lexicon: inflected forms take the classes of their base", "[extract]") {
  WordInfo agencies = Word("agencies");
  CHECK((agencies.classes & ClassBit(kOrgHead)) != 0);
  CHECK(agencies.plural);
  WordInfo shook = Word("shook");
  CHECK((shook.pos & wordnet::kVerb) != 0);
  CHECK(shook.past);
  CHECK(Word("signed").past);
  CHECK((Word("signed").classes & ClassBit(kLightVerb)) != 0);
}

TEST_CASE("Lexicon: word classes, phrases and gazetteers from the data files", "[extract]") {
  std::vector<Token> toks;
  Segmenter seg;
  seg.Tokenize("the prime minister said", 0, &toks);
  CHECK(SharedLexicon().MatchClass(kTitle, toks, 1, toks.size()) == 2);
  const GazEntry* ghana = SharedLexicon().Gazetteer("ghana");
  REQUIRE(ghana);
  CHECK(ghana->kind == EntityKind::kNation);
  CHECK(ghana->iso3 == "GHA");
  // Demonyms derived from nation names: "Saudi Arabia" -> "Saudi Arabian".
  const GazEntry* d = SharedLexicon().Gazetteer("saudi arabian");
  REQUIRE(d);
  CHECK(d->demonym);
}

TEST_CASE("Lexicon: a --rules file adds triggers, frames and patterns, errors name the line",
          "[extract]") {
  pactgraph::testing::TempDir dir;
  const std::string rules = dir / "extra.tsv";
  pactgraph::testing::WriteFile(
      rules,
      "# extra\n"
      "frame\thandshake\tverb\tsrc=subj dst=with,obj\n"
      "trigger\tcooperation\tshook hands\thandshake\n"
      "pattern\tcity_of\tbased_in\tORG of the city of PLACE\tsrc=1 dst=2\n");
  ExtractorOptions o;
  o.data_dir = DataDir();
  o.rule_files = {rules};
  auto ex = Extractor::Create(o);
  REQUIRE(ex.ok());
  Article a;
  a.text = "Peru shook hands with Benin.";
  Extraction with, without;
  REQUIRE((*ex)->Extract(a, &with).ok());
  REQUIRE(SharedExtractor().Extract(a, &without).ok());
  CHECK(FindRel(with, "Peru", "cooperation", "Benin"));
  CHECK_FALSE(FindRel(without, "Peru", "cooperation", "Benin"));
  // A trigger without a frame takes the default frame of its type.
  pactgraph::testing::WriteFile(rules, "trigger\tcooperation\tshook hands with\n");
  auto ex2 = Extractor::Create(o);
  REQUIRE(ex2.ok());
  Extraction w2;
  REQUIRE((*ex2)->Extract(a, &w2).ok());
  CHECK(FindRel(w2, "Peru", "cooperation", "Benin"));
  for (const char* bad :
       {"trigger\tcooperation\tok\nbogus line\n", "trigger\tfriendship\tshook hands\n",
        "trigger\tcooperation\tshook hands\tno_such_frame\n", "frame\tf\tverb\tsrc=subj\n",
        "pattern\tp\tbased_in\t@det ORG\tsrc=1 dst=1\n", "word\tno_such_class\tfoo\n"}) {
    pactgraph::testing::WriteFile(rules, bad);
    auto r = Extractor::Create(o);
    INFO(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("extra.tsv:") != std::string::npos);
  }
}

}  // namespace pactgraph::extract

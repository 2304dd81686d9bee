// engine/extract/document.h — the per-article working state shared by the extraction passes.
//
// The passes run in a fixed order, each over every sentence, each reading what the earlier
// ones wrote (docs/extraction.md has the picture):
//   1. segment (text.h)       sentences and tokens, byte offsets into the body
//   2. tag (tagger.cpp)       lexicon entry and coarse part of speech of every token
//   3. names (names.cpp)      candidate name spans from the text's own evidence
//   4. mentions (mentions.cpp, persons.cpp)  spans typed and joined into document entities
//   5. references (coref.cpp) "the two countries", "the company", "its", quoted "we"
//   6. frames (frames.cpp, slots.cpp, structural.cpp)  relation records with their rule
//   7. output (extractor.cpp) canonical names, one relation per (source, type, target)
// Everything is bounded per sentence (see kMax* below), so the cost is linear in the text.
// Internal to engine/extract.
#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/extract/extract.h"
#include "engine/extract/lexicon.h"
#include "engine/extract/text.h"

namespace pactgraph::extract {

// Bounds that keep crowded sentences linear (each documented in docs/extraction.md).
constexpr size_t kMaxGroup = 12;              // conjuncts read in one coordinated group
constexpr size_t kMaxPairsPerSentence = 200;  // relation candidates emitted per sentence
constexpr size_t kSlotWindow = 40;            // tokens a slot search looks ahead or back
constexpr size_t kMaxNameTokens = 14;         // tokens in one name span

// Coarse tags chosen by the tagger.
enum Tag : uint16_t {
  kTagPunct = 1,
  kTagPoss = 2,
  kTagDet = 4,
  kTagPrep = 8,
  kTagConj = 16,
  kTagPron = 32,
  kTagAux = 64,
  kTagVerb = 128,
  kTagNoun = 256,
  kTagAdj = 512,
  kTagAdv = 1024,
  kTagNum = 2048,
  kTagName = 4096,
  kTagRel = 8192,
  kTagSubord = 16384
};

struct TokenInfo {
  WordInfo word;       // the lexicon's entry for the folded form (empty when unknown)
  bool known = false;  // the lexicon or WordNet knows the form
  uint16_t tag = 0;
};

enum class RefKind : uint8_t {
  kNone,
  kPair,      // "the two countries", "both sides", "they"
  kTriple,    // "all three", "the three companies"
  kDefinite,  // "the company", "the Ministry", "the government"
  kIts,       // "its", "their" (possessive)
  kIt,        // "it" as a subject
  kWe,        // "we", "our", "us" inside a quotation
};

struct Mention {
  size_t tb = 0, te = 0;    // token range [tb, te) in the sentence
  int entity = -1;          // the document entity of a named mention
  bool demonym = false;     // "Kenyan", "Saudi"
  bool possessive = false;  // followed by "'s"
  bool modifier = false;    // a premodifier or part of a title, not an actor itself
  size_t app_te = 0;        // a person's appositive office (", CEO of Acme") ends here
  RefKind ref = RefKind::kNone;
  EntityKind ref_kind = EntityKind::kOrganization;  // the kind a reference looks for
  bool ref_any_kind = false;                        // "both sides": nations or organisations
  std::string ref_head;   // folded head noun of a definite reference ("company")
  std::vector<int> refs;  // entities a reference resolved to
};

struct DocEntity {
  std::string name;  // as first written in full
  EntityKind kind = EntityKind::kOrganization;
  std::string iso3;
  std::string nation;            // the country, when known
  bool nation_explicit = false;  // stated in the text
  bool gov_body = false;         // a public body: canonical "Name (Country)"
  bool facility = false;         // a named facility ("... Centre", "... Plant")
  std::string acronym;           // defined with the name ("(ICTA)")
  std::vector<std::string> aliases;
  std::vector<Span> mentions;
  std::string name_nation;  // a nation named inside the name ("Telecom Egypt")
  // Persons.
  int affiliation = -1;
  int title_org = -1, title_nation = -1;
  std::string title_head, title_complement;
  bool gov_title = false;  // a state office ("minister", "ambassador")
  bool reported = true;
};

// One relation candidate, with the rule that produced it (for --trace).
struct RelationRecord {
  int source = -1, target = -1;
  std::string type;
  std::string modality = "actual";
  bool negated = false;
  size_t sentence = 0;
  std::string trigger;  // the words of the trigger
  std::string
      rule;  // "trigger fund 'loan|loans' (triggers.tsv:40), frame give_noun: src=poss dst=to"
  Span trigger_span, source_span, target_span;
  bool via_person = false;
};

struct SentenceState {
  std::vector<TokenInfo> info;
  std::vector<Mention> mentions;  // ordered by position, not overlapping
  std::vector<int> mention_at;    // token -> mention covering it, or -1
  bool in_quote_start = false;    // the sentence starts inside a quotation
  int speaker = -1;               // entity the quotation in this sentence is attributed to
};

struct Document {
  const Article* article = nullptr;
  std::vector<Sentence> sentences;
  std::vector<SentenceState> state;
  std::vector<DocEntity> ents;
  std::unordered_map<std::string, int> alias_index;  // folded name -> entity
  std::unordered_map<std::string, int> weak_alias;   // first word of a longer name -> entity
  std::unordered_map<std::string, int> nation_counts;
  std::string first_nation;  // the first nation named in the body
  int dominant_nation = -1;  // see ResolveAffiliations
  std::vector<std::string>* warnings = nullptr;
  std::vector<std::string>* trace = nullptr;  // rejected candidates, when tracing
  size_t candidates = 0;                      // relation candidates in the current sentence
  // "A and B ... between C and D": nations and their bodies side by side (nation, nation,
  // body, body), for the bodies' countries (output.cpp).
  std::vector<std::array<int, 4>> level_pairs;

  int AddEntity(const std::string& name, EntityKind kind, const std::string& key);
  void AddAlias(int ent, const std::string& key, const std::string& surface);
  int Find(const std::string& key) const {
    auto it = alias_index.find(key);
    return it == alias_index.end() ? -1 : it->second;
  }
  std::string Surface(uint32_t begin, uint32_t end) const {
    return article->text.substr(begin, end - begin);
  }
  std::string Surface(size_t si, size_t tb, size_t te) const {
    const auto& t = sentences[si].tokens;
    return Surface(t[tb].begin, t[te - 1].end);
  }
  bool Actor(int e) const {
    return e >= 0 &&
           (ents[e].kind == EntityKind::kNation || ents[e].kind == EntityKind::kOrganization);
  }
};

// Token shape helpers.
inline bool CapLike(const Token& t) {
  return t.Is(kWord) && (t.Is(kCap) || t.Is(kUpper) || t.Is(kMixed));
}
inline bool IsDirected(const std::string& type) {
  return !(type == "mou" || type == "agreement" || type == "cooperation" || type == "meet");
}

// The passes (each over one sentence unless stated).
void TagSentence(const Lexicon& lex, const Sentence& s, std::vector<TokenInfo>* out);
void FindMentions(const Lexicon& lex, Document* doc, size_t si);
void ResolveAffiliations(const Lexicon& lex, Document* doc);  // whole document, after pass 4

class CorefState;
void ResolveReferences(const Lexicon& lex, Document* doc, size_t si, CorefState* state);
void ReadFrames(const Lexicon& lex, Document* doc, size_t si, CorefState* state,
                std::vector<RelationRecord>* out);
void ReadStructural(const Lexicon& lex, Document* doc, size_t si, std::vector<RelationRecord>* out);

}  // namespace pactgraph::extract

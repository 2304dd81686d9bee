// engine/extract/document.h — per-article working state shared by the extraction passes.
//
// Pass 1 (mentions.cpp) walks the sentences and records entity mentions, creating document
// entities and an alias index so that later short forms ("Owalo", "ICTA", "the Ministry")
// resolve to the same entity. Between the passes, organisations and persons get their country
// and affiliation (extractor.cpp). Pass 2 (relations.cpp) reads trigger patterns in each
// sentence and fills relation frames from the mentions. Internal to engine/extract.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/extract/extract.h"
#include "engine/extract/lexicon.h"
#include "engine/extract/text.h"

namespace pactgraph::extract {

struct DocEntity {
  std::string name;  // as first written (organisations get " (Country)" when finalised)
  EntityKind kind = EntityKind::kOrganization;
  std::string iso3;
  std::string nation;            // known country of an organisation/place
  bool nation_explicit = false;  // stated in the text ("Kenya's Authority", "of Japan")
  bool gov_body = false;         // ministry, department, authority...: named "Name (Country)"
  std::string acronym;           // "(ICTA)" introduced with the name
  int affiliation = -1;          // persons: the entity they act for
  std::string title_head;        // persons: "minister", "secretary", ...
  std::string title_complement;  // persons: "ICT and Innovation" of "Minister of ICT and ..."
  int title_nation = -1;         // persons: nation named with the title ("Kenyan President")
  int title_org = -1;            // persons: organisation named with the title
  std::vector<std::string> aliases;
  std::vector<Span> mentions;
  bool reported = true;  // false for entities only used internally
};

struct Mention {
  size_t tb = 0, te = 0;  // token range within the sentence
  std::vector<int> ents;  // one entity, or several for "the two countries"
  bool coref = false;
  bool possessive = false;  // followed by "'s"
  bool modifier = false;    // "U.S.-based", "American company": not an actor itself
  bool demonym = false;
  bool in_title = false;   // part of a person's title phrase ("Ambassador of Japan")
  int person = -1;         // when the mention names a person: that person
  std::string coref_kind;  // unresolved reference, resolved in pass 2: "pair", "nations",
                           // "companies", "nation", "org:<head>", "person", "its", "their"
};

struct Document {
  const Article* article = nullptr;
  std::vector<Sentence> sentences;
  std::vector<std::vector<Mention>> mentions;  // per sentence, ordered by position
  std::vector<DocEntity> ents;
  std::unordered_map<std::string, int> alias_index;  // folded name -> entity
  size_t max_alias_tokens = 1;
  std::unordered_map<std::string, int> nation_counts;

  int AddEntity(const std::string& name, EntityKind kind, const std::string& key);
  void AddAlias(int ent, const std::string& key, const std::string& surface);
  std::string Surface(uint32_t begin, uint32_t end) const {
    return article->text.substr(begin, end - begin);
  }
};

// Pass 1 over one sentence.
void FindMentions(const Lexicon& lex, Document* doc, size_t sentence);
// Between the passes: countries of organisations, affiliations of persons.
void ResolveEntities(const Lexicon& lex, Document* doc);
// Pass 2 over one sentence; appends evidence records (canonical names filled later).
struct RelationRecord {
  int source = -1, target = -1;
  std::string type;
  std::string modality;
  bool negated = false;
  size_t sentence = 0;
  std::string trigger;
  bool via_person = false;  // an endpoint came from a person's affiliation
};
// What references resolve against: the latest actors seen, in text order.
struct CorefState {
  std::vector<int> nations, orgs, persons, actors;
  std::vector<int> last_pair;  // the two actors of the latest bilateral relation
  void Note(const Document& doc, int ent);
};

class RelationFinder {
 public:
  RelationFinder(const Lexicon& lex, Document* doc) : lex_(lex), doc_(doc) {}
  void Run(size_t sentence, std::vector<RelationRecord>* out);

 private:
  const Lexicon& lex_;
  Document* doc_;
  CorefState state_;
};

// Directedness of the twelve relation types.
bool IsDirected(const std::string& type);

}  // namespace pactgraph::extract

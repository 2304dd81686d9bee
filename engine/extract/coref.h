// engine/extract/coref.h — pass 5: what reference phrases point at.
//
// CorefState remembers, in text order, the actors named so far (bounded lists), the two actors
// of the latest bilateral relation and the subject of the latest clause. ResolveReferences
// fills Mention::refs for each reference phrase of a sentence before its frames are read:
//   kPair / kTriple   the latest bilateral pair when it fits, else the last two (three) distinct
//                     actors of the phrase's kind
//   kDefinite         the last actor whose name shares the head noun ("the Agency" -> "Space
//                     Agency of X"), else the last actor of a compatible class (a company noun
//                     takes a non-government body, "the government" the last nation)
//   kIts, kIt         the actor subject of the clause, else the last actor named
//   kWe               the body of the person the quotation is attributed to
// Internal to engine/extract.
#pragma once

#include <vector>

#include "engine/extract/document.h"

namespace pactgraph::extract {

class CorefState {
 public:
  static constexpr size_t kRecent = 16;  // actors remembered per kind

  void Note(const Document& doc, int ent);
  void NotePair(int a, int b) { pair_ = {a, b}; }
  void NoteSubject(int ent) { subject_ = ent; }
  // The party of the latest document read ("A signed agreements ... The agreements were
  // signed with B and C": A).
  void NoteDocumentParty(const std::vector<int>& ents) { doc_party_ = ents; }
  const std::vector<int>& DocumentParty() const { return doc_party_; }

  std::vector<int> Pair(const Document& doc, const Mention& m, size_t count) const;
  int Definite(const Document& doc, const Mention& m) const;
  int LastActor() const { return actors_.empty() ? -1 : actors_.back(); }
  int Subject() const { return subject_; }
  int DominantNation() const { return dominant_; }
  void SetDominantNation(int e) { dominant_ = e; }

 private:
  std::vector<int> nations_, orgs_, actors_, programs_;
  std::vector<int> pair_;
  std::vector<int> doc_party_;
  int subject_ = -1;
  int dominant_ = -1;
};

// Speakers of quotations: for each sentence, the entity a quotation in it (or a quotation it
// continues) is attributed to ("..., said X", "X said: ..."). Whole document.
void AssignSpeakers(const Lexicon& lex, Document* doc);

}  // namespace pactgraph::extract

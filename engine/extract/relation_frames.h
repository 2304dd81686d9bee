// engine/extract/relation_frames.h — the frames that turn one sentence's mentions and
// trigger matches into relation records. Internal to engine/extract; see relations.cpp.
#pragma once

#include <string>
#include <vector>

#include "engine/extract/document.h"

namespace pactgraph::extract {

// A mention as a relation endpoint: the actors it stands for.
struct Slot {
  size_t tb = 0, te = 0;
  std::vector<int> ents;  // nations/organisations (persons already mapped), or programmes
  bool actor = false;     // nation or organisation (else programme/place)
  bool program = false;
  bool place = false;
  bool modifier = false;
  bool possessive = false;
  bool via_person = false;
  bool coref = false;
};

class SentenceFrames {
 public:
  SentenceFrames(const Lexicon& lex, Document* doc, size_t si, CorefState* state);

  void ResolveSlots();
  void Structural(std::vector<RelationRecord>* out);
  void Triggers(std::vector<RelationRecord>* out);

 private:
  const std::string& F(size_t k) const;
  size_t ClauseStart(size_t ts) const;
  int SlotAt(size_t tb) const;  // first slot starting at or after tb, -1 when none
  int PrevNonDet(size_t k) const;
  bool Preposed(const Slot& s) const;  // preceded by a preposition
  bool Coordinated(size_t a_end, size_t b_begin) const;
  // Coordinated actor slots starting with slot `first`, as conjuncts.
  std::vector<int> Group(int first, size_t limit) const;
  std::vector<int> SubjectGroup(size_t from, size_t ts) const;
  std::vector<int> GroupAfterWord(const std::string& word, size_t from, size_t to,
                                  size_t max_gap) const;
  int FirstActorAfter(size_t from, size_t to, bool allow_place) const;
  int FirstProgramAfter(size_t from, size_t to) const;
  std::string Modality(size_t clause, size_t ts, size_t te, bool document, bool* negated) const;
  void Emit(const std::string& type, const std::vector<int>& src, const std::vector<int>& dst,
            bool via, const std::string& modality, bool negated, const std::string& trig,
            std::vector<RelationRecord>* out);
  void EmitPairs(const std::string& type, const std::vector<std::vector<int>>& conjuncts, bool via,
                 const std::string& modality, bool negated, const std::string& trig,
                 std::vector<RelationRecord>* out);
  void Trigger(const TriggerRule& rule, size_t ts, size_t te, size_t clause_end, size_t doc_end,
               std::vector<RelationRecord>* out);
  std::vector<int> Ents(const std::vector<int>& slots) const;
  bool ViaPerson(const std::vector<int>& slots) const;

  const Lexicon& lex_;
  Document* doc_;
  size_t si_;
  CorefState* state_;
  const std::vector<Token>& t_;
  size_t n_;
  std::vector<Slot> slots_;
  std::vector<char> masked_;
  size_t last_doc_start_ =
      0;  // start of the latest document trigger  // inside ", who/which ... ," relative clauses
};

}  // namespace pactgraph::extract

// engine/extract/frames.h — pass 6: relations read from the chunked clause.
//
// SentenceFrames reads one sentence after its mentions are typed and its references resolved.
// Slot readers (slots.cpp) find argument groups over noun phrases, never by raw token distance
// alone: a group is a coordination of actor phrases ("A, B and C", "A and Globex's unit B"),
// skipping appositions ("A, the US chipmaker,"), parenthesised acronyms and relative clauses
// (", which ..."), with a phrase's modifiers ("Saudi", "Kenya's") kept apart from its head and
// role nouns read through ("officials from A" is A). The slots are:
//   subj     the subject group of the clause's verb; of an infinitive, the controlling subject;
//            in a relative clause, the antecedent
//   obj      the group right after a verb
//   agent    "by" A (passives, "the signing of an MoU by A and B")
//   poss     the possessor of a noun trigger ("A's investment", "its partnership")
//   premod   actors inside the trigger's phrase ("the A-B partnership")
//   between  "between A and B" anywhere in the clause
//   <prep>   the group after that preposition ("with", "to", "in", "from", ...)
// frames.cpp matches trigger patterns, fills the frame's slots in order, checks the guards
// (noun triggers only as nouns, verb triggers only as verbs, no trigger inside a name, no
// document signed by a party that only approved it) and emits relation records with the rule
// that produced them. Cost: every search is bounded by kSlotWindow tokens and kMaxGroup
// conjuncts, and a sentence emits at most kMaxPairsPerSentence candidates.
#pragma once

#include <string>
#include <vector>

#include "engine/extract/coref.h"
#include "engine/extract/document.h"

namespace pactgraph::extract {

struct Group {
  std::vector<int> ents;     // entities, in text order, no repeats
  std::vector<int> through;  // per conjunct: the body it acts "through" (-1: none)
  std::vector<int> conj;     // per entity: the conjunct it came from ("the companies" is one)
  size_t tb = 0, te = 0;     // tokens covered
  bool via_person = false;
  bool empty() const { return ents.empty(); }
};

class SentenceFrames {
 public:
  SentenceFrames(const Lexicon& lex, Document* doc, size_t si, CorefState* state,
                 std::vector<RelationRecord>* out);
  void ReadTriggers();

  // Sentence structure (slots.cpp).
  const std::string& F(size_t k) const;
  size_t ClauseStart(size_t k) const;
  size_t ClauseEnd(size_t k) const;
  Group ReadGroup(size_t from, size_t limit, bool adjacent, bool non_actors) const;
  Group Subject(size_t verb_b, size_t clause_b, int depth, bool non_actors = false) const;
  Group Object(size_t verb_e, size_t limit, bool non_actors) const;
  Group AfterWord(const std::string& word, size_t from, size_t limit, bool non_actors) const;
  Group Between(size_t clause_b, size_t clause_e) const;
  Group Possessor(size_t phrase_b) const;
  Group Premodifiers(size_t phrase_b, size_t trigger_b) const;
  size_t PhraseStart(size_t trigger_b, size_t clause_b) const;
  int GoverningVerb(size_t phrase_b, size_t clause_b) const;
  size_t VerbGroupStart(size_t verb) const;

 private:
  struct Match {
    const TriggerRule* rule;
    size_t ts, te;  // trigger tokens
    size_t clause_b, clause_e;
    size_t phrase_b;              // start of a noun trigger's phrase
    int verb = -1;                // a noun trigger's governing verb
    bool after_document = false;  // a document trigger opened the clause's object before it
  };
  bool Denote(int mi, bool non_actors, std::vector<int>* ents, bool* via_person) const;
  bool PersonOfBody(int mi, size_t limit, Group* g, size_t* end) const;
  size_t SkipLocative(size_t pos, size_t limit) const;
  size_t SkipPrefix(size_t pos, size_t limit, bool* jumped) const;
  bool NationNounAt(size_t x, int modifier_mi, std::vector<int>* ents) const;
  bool PosTagFits(const Frame& fr, size_t ts, size_t te) const;
  Group Fill(const SlotRef& slot, const Match& m, const Frame& fr, bool target) const;
  std::string Modality(const Match& m, bool document, bool* negated) const;
  bool NonParty(const Match& m) const;
  void Apply(const Match& m);
  void PairLevels(const Group& nations, const Group& bodies);
  Group Attribution(size_t from) const;
  void EmitBetween(const Match& m, const Group& b, const std::string& modality, bool negated);
  void Emit(const Match& m, const Group& src, const Group& dst, const std::string& how,
            const std::string& modality, bool negated);
  void Reject(const Match& m, const std::string& why) const;
  bool TargetFits(const Frame& fr, const std::string& type, int ent) const;

  const Lexicon& lex_;
  Document* doc_;
  size_t si_;
  CorefState* state_;
  std::vector<RelationRecord>* out_;
  const std::vector<Token>& t_;
  const SentenceState& st_;
  size_t n_;
  std::vector<char> masked_;    // inside ", which ... ," or "( ... )"
  std::vector<int> app_owner_;  // token -> the person mention whose appositive office holds it
  struct CueHit {
    size_t at, len;
    const CueRule* cue;
  };
  std::vector<CueHit> cue_hits_;       // every cue match of the sentence, in text order
  mutable bool group_capped_ = false;  // the group cap warning was given for this sentence
  size_t last_document_ = static_cast<size_t>(-1);   // token of the latest document trigger
  std::vector<std::pair<int, int>> document_pairs_;  // the parties that trigger paired
};

}  // namespace pactgraph::extract

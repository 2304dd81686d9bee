// engine/extract/mentions.h — pass 3 and 4: from capitalised spans to typed mentions.
//
// The MentionFinder walks one sentence left to right. At each position it tries, in order: a
// reference phrase ("the two countries", "the company", "its" — typed here, resolved in pass
// 5), a person introduced by a title or honorific ("Foreign Minister Jane Doe", "Dr Jane
// Doe"), a name introduced by the text ("a platform dubbed 'Acme'", "the 'Acme' initiative"),
// then every capitalised, mixed-case or acronym span. A span is split where it joins two names
// ("Acme and Globex"), trimmed of sentence-initial function words, and typed by, in order: the
// gazetteers, the document's earlier names and acronyms, its head noun's class (lexicon.tsv,
// then WordNet), then its context (an apposition, the noun before or after it, the verb it is
// subject of, a preposition of place). Each typed span becomes a Mention of a DocEntity;
// aliases ("(ICTA)", a surname, the first word of a company's name) point later mentions at
// the same entity. Files: names.cpp (reading and splitting spans), mentions.cpp (typing),
// persons.cpp (titles and persons), references.cpp (reference phrases). Internal.
#pragma once

#include <string>
#include <vector>

#include "engine/extract/document.h"

namespace pactgraph::extract {

// Schwartz & Hearst (2003): does `short_form` abbreviate `long_form`? Both folded.
bool Abbreviates(const std::string& short_form, const std::string& long_form);

class MentionFinder {
 public:
  MentionFinder(const Lexicon& lex, Document* doc, size_t si);
  void Run();

 private:
  friend struct SpanTyper;
  // Helpers over the sentence.
  const std::string& F(size_t k) const;
  bool Has(size_t k, WordClass c) const { return k < n_ && (info_[k].word.classes & ClassBit(c)); }
  // Length of the phrase of class `c` at k (0: none), from the cached lexicon entry.
  size_t Match(WordClass c, size_t k) const {
    if (k >= n_ || (!(info_[k].word.classes & ClassBit(c)) && info_[k].word.class_phrase_len < 2)) {
      return 0;
    }
    return lex_.MatchClass(c, t_, k, n_);
  }
  bool Lower(size_t k) const { return k < n_ && t_[k].Is(kLower) && !t_[k].Is(kMixed); }
  bool CommonWord(size_t k) const;  // a WordNet or closed-class word (any case)
  bool SentenceInitial(size_t k) const;
  size_t Gaz(size_t k, const GazEntry** e) const;  // longest gazetteer match at k (0: none)

  // Names (names.cpp).
  size_t SpanEnd(size_t k) const;
  size_t ReadSpan(size_t b, size_t e);  // returns where the scan goes on
  bool CompleteName(size_t b, size_t e) const;
  size_t SplitAtAnd(size_t b, size_t e) const;  // position of a splitting "and", or e
  size_t HeadToken(size_t b, size_t e) const;
  size_t IntroducedName(size_t k);  // "dubbed X", quoted names
  size_t SkipParenthesis(size_t k) const;
  size_t AttachParenthesis(int ent, size_t e);  // "(ACR)" or "(Long Name)" after a name

  // Typing (mentions.cpp).
  size_t TypeSpan(size_t b, size_t e);
  size_t LeadingGazetteer(const GazEntry* g, size_t glen, size_t b, size_t e);
  int NationPhrase(size_t b, size_t e);
  bool WordEndsAsBody(size_t k) const;
  size_t ListedNames(size_t k);  // "initiatives such as A, B and C"
  bool HeadKind(size_t b, size_t e, EntityKind* kind, bool* gov) const;
  bool ContextKind(size_t b, size_t e, EntityKind* kind, bool* facility) const;
  size_t PhraseLead(size_t b) const;
  bool PersonCue(size_t b, size_t e) const;
  bool ActorContext(size_t b, size_t e) const;
  bool DefinedByAcronym(size_t b, size_t e) const;
  bool Heading() const { return heading_; }
  bool PersonLike(size_t b, size_t e) const;
  bool PersonLike(size_t b, size_t e, bool cued) const;  // cued: a title or speech verb says so
  int Known(size_t b, size_t e) const;                   // an entity the document already has
  int AddNamed(size_t b, size_t e, EntityKind kind, const std::string& name);
  Mention& Emit(size_t b, size_t e, int ent);
  int GazEntity(const GazEntry* g, size_t b, size_t e);
  void NoteNameNation(int ent, size_t b, size_t e);

  // Persons (persons.cpp).
  size_t TitledPerson(size_t k);
  bool TitlePrefix(size_t k, size_t p);
  size_t HonorificPerson(size_t k);
  size_t PersonName(size_t k, size_t limit) const;  // end of a person's name at k (k: none)
  int AddPerson(size_t b, size_t e);
  bool PersonNameWord(size_t k) const;  // a given name or surname WordNet knows
  void ReadTitle(int person, size_t tb, size_t te);
  void Apposition(int person, size_t after);

  // References (references.cpp).
  size_t Reference(size_t k);
  size_t AddReference(size_t b, size_t e, RefKind ref, EntityKind kind, bool any,
                      const std::string& head);
  void MarkModifiers();

  const Lexicon& lex_;
  Document* doc_;
  size_t si_;
  const std::vector<Token>& t_;
  const std::vector<TokenInfo>& info_;
  size_t n_;
  std::vector<Mention> out_;
  std::vector<size_t> gaz_len_;
  std::vector<const GazEntry*> gaz_;
  struct PendingTitle {
    int person;
    size_t b, e;  // the apposition after the name
  };
  std::vector<PendingTitle> pending_;
  bool heading_ = false;  // a title-case line: only names known from other evidence count
};

}  // namespace pactgraph::extract

// Pass 4, continued: the kind of a name from its context when its head noun does not say, and
// which mentions are modifiers rather than actors (see mentions.h).
#include "engine/extract/mentions.h"
#include "engine/extract/wordnet.h"

namespace pactgraph::extract {

namespace {

using wordnet::Bit;

// A lower-case noun that names a kind of body, programme or place ("company", "initiative").
bool KindNoun(uint64_t classes, EntityKind* kind, bool* facility) {
  *facility = false;
  if (classes & ClassBit(kFacilityHead)) {
    *kind = EntityKind::kOrganization;
    *facility = true;
    return true;
  }
  if (classes & (ClassBit(kFirmNoun) | ClassBit(kOrgHead) | ClassBit(kGovHead))) {
    *kind = EntityKind::kOrganization;
    return true;
  }
  if (classes & ClassBit(kProgramHead)) {
    *kind = EntityKind::kProgram;
    return true;
  }
  if (classes & ClassBit(kPlaceHead)) {
    *kind = EntityKind::kPlace;
    return true;
  }
  return false;
}

}  // namespace

// The word before a name's phrase, past determiners, adjectives and modifier mentions.
size_t MentionFinder::PhraseLead(size_t b) const {
  size_t x = b;
  while (x > 0 && x + 6 > b) {
    size_t p = x - 1;
    bool modifier_mention = false;
    for (auto it = out_.rbegin(); it != out_.rend() && it->te >= p + 1; ++it) {
      if (it->tb <= p && p < it->te && it->modifier) modifier_mention = true;
    }
    if (modifier_mention || (info_[p].tag & (kTagDet | kTagAdj | kTagNum)) || F(p) == "-") {
      x = p;
      continue;
    }
    break;
  }
  return x;  // the lead word is x - 1 (none when x == 0)
}

// "Zeta Defence Works (ZDW)": a span the next parenthesis abbreviates is a name.
bool MentionFinder::DefinedByAcronym(size_t b, size_t e) const {
  if (F(e) != "(" || F(e + 2) != ")" || e + 2 >= n_) return false;
  const Token& a = t_[e + 1];
  return (a.Is(kUpper) || a.Is(kMixed)) && !Has(e + 1, kAcronymStop) &&
         Abbreviates(a.fold, JoinFolds(t_, b, e));
}

// Where only an actor can stand: "with X", "between X", "X's", "X president Jane Doe".
bool MentionFinder::ActorContext(size_t b, size_t e) const {
  if (e < n_ && t_[e].Is(kPoss)) return true;
  if (e < n_ && Lower(e) && Has(e, kTitle)) return true;
  // Coordinated with another name: "Acme Robotics and Globex", "Globex and Acme Robotics".
  if (e + 1 < n_ && (F(e) == "and" || F(e) == "&") &&
      (Gaz(e + 1, nullptr) > 0 || Known(e + 1, SpanEnd(e + 1)) >= 0)) {
    return true;
  }
  if (b >= 2 && (F(b - 1) == "and" || F(b - 1) == "&") && !out_.empty() &&
      out_.back().te == b - 1 && doc_->Actor(out_.back().entity)) {
    return true;
  }
  const size_t lead = PhraseLead(b);
  if (lead == 0) return false;
  const std::string& w = F(lead - 1);
  return w == "with" || w == "between" || w == "by";
}

bool MentionFinder::PersonCue(size_t b, size_t e) const {
  if (e < n_ && Has(e, kSpeechVerb)) return true;     // "X said"
  if (b > 0 && Has(b - 1, kSpeechVerb)) return true;  // "said X"
  if (F(e) == "," && (Has(e + 1, kSpeechVerb) || F(e + 1) == "who")) return true;
  if (F(e) == "," && e + 1 < n_) {  // "X, CEO of Y"
    size_t a = e + 1;
    if (Has(a, kDet)) ++a;
    for (size_t x = a; x < n_ && x < a + 4; ++x) {
      if (Match(kTitle, x) > 0) return true;
      if (F(x) == ",") break;
    }
  }
  if (b >= 2 && F(b - 1) == "to" && F(b - 2) == "according") return true;
  return false;
}

bool MentionFinder::ContextKind(size_t b, size_t e, EntityKind* kind, bool* facility) const {
  *facility = false;
  const bool single = e == b + 1;
  const Token& first = t_[b];
  // WordNet's capitalised lemmas: "Riyadh", "Aral Sea", "World Bank".
  bool instance = false;
  uint32_t wn = lex_.NameClasses(JoinFolds(t_, b, e), &instance);
  bool followed_by_noun = e < n_ && Lower(e) && (info_[e].tag & kTagNoun);
  if ((wn & (Bit(wordnet::kLocation) | (instance ? Bit(wordnet::kObject) : 0))) &&
      !followed_by_noun) {
    *kind = EntityKind::kPlace;
    return true;
  }
  if ((wn & Bit(wordnet::kGroup)) && instance) {
    *kind = EntityKind::kOrganization;
    return true;
  }
  // The noun before the name in its phrase ("company X", "the programme X") or after it.
  if (b > 0 && Lower(b - 1) && KindNoun(info_[b - 1].word.classes, kind, facility)) return true;
  if (b > 1 && F(b - 1) == "of" && Lower(b - 2) && Has(b - 2, kPlaceHead)) {
    *kind = EntityKind::kPlace;  // "the city of X"
    return true;
  }
  if (e < n_ && Lower(e) && !(e + 1 < n_ && CapLike(t_[e + 1])) &&
      KindNoun(info_[e].word.classes, kind, facility)) {
    return true;
  }
  // An apposition: "X, a Seoul-based chipmaker", "X, the developer of ...".
  if (F(e) == "," && e + 1 < n_) {
    if (F(e + 1) == "which") {
      *kind = EntityKind::kOrganization;
      return true;
    }
    size_t a = e + 1;
    if (Has(a, kDet)) {
      for (size_t x = a + 1; x < n_ && x < a + 7; ++x) {
        if (F(x) == "," || (info_[x].tag & (kTagVerb | kTagPrep))) break;
        if (Has(x, kTitle) && PersonLike(b, e)) {
          *kind = EntityKind::kPerson;
          return true;
        }
        if (Lower(x) && KindNoun(info_[x].word.classes, kind, facility)) return true;
      }
    }
    const GazEntry* g = nullptr;
    if (Gaz(a, &g) > 0 && (g->kind == EntityKind::kNation || g->kind == EntityKind::kPlace) &&
        !(a + Gaz(a, &g) < n_ && t_[a + Gaz(a, &g)].Is(kPoss))) {
      *kind = EntityKind::kPlace;  // "Springfield, Freedonia"
      return true;
    }
  }
  if (F(e) == "-" && (F(e + 1) == "based" || F(e + 1) == "headquartered")) {
    *kind = EntityKind::kPlace;
    return true;
  }
  // Acronyms and mixed-case words name bodies; a long word in capitals is only shouted.
  if (single && (first.Is(kUpper) || first.Is(kMixed)) && first.fold.size() >= 2) {
    if (first.Is(kUpper) && first.fold.size() >= 4 && CommonWord(b)) return false;
    *kind = EntityKind::kOrganization;
    return true;
  }
  // A name made only of common words ("Artificial Intelligence", "Digital Economy") is a
  // topic written with capitals, unless the text introduced it (names.cpp).
  bool all_common = true;
  for (size_t x = b; x < e; ++x) {
    if (t_[x].Is(kWord) && !Has(x, kNameConnector) && (!CommonWord(x) || PersonNameWord(x))) {
      all_common = false;
    }
  }
  // "African", "European": WordNet knows the word only as a kind of person, not as a name.
  if (single && (info_[b].word.name_classes == Bit(wordnet::kPerson)) &&
      !info_[b].word.name_instance) {
    return false;
  }
  if (all_common && !ActorContext(b, e) && !DefinedByAcronym(b, e)) return false;
  const bool person_like = PersonLike(b, e);
  if (PersonLike(b, e, true) && PersonCue(b, e)) {
    *kind = EntityKind::kPerson;
    return true;
  }
  const size_t lead = PhraseLead(b);
  if (lead > 0 && Has(lead - 1, kPlacePrep) && !(e < n_ && t_[e].Is(kPoss))) {
    *kind = EntityKind::kPlace;  // "in X", "at X"
    return true;
  }
  // "X's": a body unless a person is named.
  if (e < n_ && t_[e].Is(kPoss)) {
    *kind = person_like && PersonCue(b, e) ? EntityKind::kPerson : EntityKind::kOrganization;
    return true;
  }
  if (person_like && e < n_ && (info_[e].tag & (kTagVerb | kTagAux)) && !single) {
    *kind = EntityKind::kPerson;  // "Jane Doe met ..."
    return true;
  }
  *kind = EntityKind::kOrganization;
  return true;
}

// Which mentions are modifiers rather than actors: demonyms ("Chinese company X"), a nation
// before a name or noun in one phrase ("US tech giant X"), and mentions inside titles.
void MentionFinder::MarkModifiers() {
  for (size_t i = 0; i < out_.size(); ++i) {
    Mention& m = out_[i];
    if (m.entity < 0 || m.ref != RefKind::kNone) continue;
    const DocEntity& d = doc_->ents[m.entity];
    if (d.kind != EntityKind::kNation && d.kind != EntityKind::kPlace &&
        d.kind != EntityKind::kOrganization) {
      continue;
    }
    size_t x = m.te;
    if (m.possessive) {
      m.modifier = true;
      continue;
    }
    if (m.demonym) {
      m.modifier =
          x < n_ && t_[x].Is(kWord) && !(info_[x].tag & (kTagVerb | kTagAux)) ? true : m.modifier;
      if (x < n_ && (F(x) == "and" || F(x) == "," || F(x) == "-")) m.modifier = true;
      continue;
    }
    // "U.S.-based", "Germany-headquartered": the place describes what follows.
    if (x + 1 < n_ && F(x) == "-" && t_[x].begin == t_[x - 1].end &&
        (Match(kOwnVerb, x + 1) > 0 || F(x + 1) == "based" || F(x + 1) == "headquartered" ||
         F(x + 1) == "registered" || F(x + 1) == "led" || F(x + 1) == "funded")) {
      m.modifier = true;
      continue;
    }
    if (d.kind == EntityKind::kNation && x < n_ && t_[x].Is(kWord) &&
        (info_[x].tag & (kTagNoun | kTagAdj | kTagName)) && !Has(x, kNameConnector)) {
      // "US tech giant X": the nation opens a longer phrase.
      if (i + 1 < out_.size() && out_[i + 1].tb <= x + 4) m.modifier = true;
      if (Lower(x) && Has(x, kFirmNoun)) m.modifier = true;
    }
  }
}

}  // namespace pactgraph::extract

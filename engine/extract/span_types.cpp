// Pass 4, typing one capitalised span (see mentions.h): a gazetteer entry, a nation phrase, a
// name already seen, a body named before its officer, a modifier and a name, or a new name
// typed by its head word and context.
#include <algorithm>

#include "engine/extract/mentions.h"
#include "engine/extract/wordnet.h"

namespace pactgraph::extract {

// "Government of [the Republic of] X", "Federal Republic of X": the nation itself.
int MentionFinder::NationPhrase(size_t b, size_t e) {
  for (size_t o = b + 1; o + 1 < e; ++o) {
    if (F(o) != "of") continue;
    if (!Has(o - 1, kNationNoun)) return -1;
    size_t c = o + 1;
    if (F(c) == "the") ++c;
    const GazEntry* g = nullptr;
    if (Gaz(c, &g) == e - c && g->kind == EntityKind::kNation) return GazEntity(g, c, e);
    return -1;
  }
  return -1;
}

size_t MentionFinder::TypeSpan(size_t b, size_t e) {
  const GazEntry* g = nullptr;
  size_t glen = Gaz(b, &g);
  if (glen == e - b) {  // the whole span is a gazetteer entry
    // "US$", "U.S. dollars": a currency, not the nation.
    if (g->kind == EntityKind::kNation && e < n_ && Has(e, kCurrency)) return e;
    int ent = GazEntity(g, b, e);
    // "The United Arab Emirates (UAE) Space Agency": a body named after the nation.
    size_t close = e + 2;
    if (g->kind == EntityKind::kNation && F(e) == "(" && F(close) == ")" && close + 1 < n_ &&
        CapLike(t_[close + 1])) {
      size_t re = SpanEnd(close + 1);
      EntityKind k;
      bool gov;
      if (HeadKind(close + 1, re, &k, &gov) && k == EntityKind::kOrganization) {
        const std::string short_name =
            doc_->Surface(t_[e + 1].begin, t_[e + 1].end) + " " + doc_->Surface(si_, close + 1, re);
        int body = AddNamed(b, re, k, short_name);
        doc_->AddAlias(body, t_[e + 1].fold + " " + JoinFolds(t_, close + 1, re), "");
        doc_->AddAlias(body, JoinFolds(t_, b, re), doc_->Surface(si_, b, re));
        if (gov) doc_->ents[body].gov_body = true;
        doc_->ents[body].name_nation = doc_->ents[ent].name;
        if (doc_->ents[ent].mentions.size() < 64) {
          doc_->ents[ent].mentions.push_back({t_[b].begin, t_[e - 1].end});
        }
        Emit(b, re, body);
        return re;
      }
    }
    Emit(b, e, ent).demonym = g->demonym;
    return AttachParenthesis(ent, e);
  }
  if (glen > 0) {
    size_t split = LeadingGazetteer(g, glen, b, e);
    if (split > 0) return split;
  }
  // "Memorandum of Understanding", "Framework Agreement": a document, read as a trigger.
  if (Has(b, kDocumentNoun) || Has(HeadToken(b, e), kDocumentNoun)) return e;
  // "Central American nations", "Latin American markets": an adjective, not a name.
  if (e > b + 1 && e < n_ && Lower(e)) {
    const GazEntry* last = nullptr;
    if (Gaz(e - 1, &last) == 1 && last->demonym) return e;
  }
  int nation = NationPhrase(b, e);
  if (nation >= 0) {
    Emit(b, e, nation);
    return e;
  }
  int known = Known(b, e);
  if (known >= 0) {
    Emit(b, e, known);
    if (doc_->ents[known].kind == EntityKind::kPerson) Apposition(known, e);
    return AttachParenthesis(known, e);
  }
  // "Jane Doe of Acme and ...": a person already named opens the span; the rest is read apart.
  for (size_t p = b + 2; p + 1 < e && p < b + 5; ++p) {
    const std::string& f = F(p);
    if (f != "of" && f != "from" && f != "at" && f != "and") continue;
    int person = Known(b, p);
    if (person < 0 || doc_->ents[person].kind != EntityKind::kPerson) continue;
    Emit(b, p, person);
    return p;
  }
  // "Acme Jane Doe", "ACR Jane Doe": a body named just before a person acting for it.
  for (size_t p = b + 1; p + 2 <= e && p < b + 4; ++p) {
    int body = Known(b, p);
    if (body < 0 || !doc_->Actor(body) || !PersonLike(p, e)) continue;
    Emit(b, p, body).modifier = true;
    int person = AddPerson(p, e);
    if (doc_->ents[person].title_org < 0) doc_->ents[person].title_org = body;
    Emit(p, e, person);
    return e;
  }
  if (e == b + 1 && SentenceInitial(b) && CommonWord(b) && !t_[b].Is(kUpper) && !t_[b].Is(kMixed)) {
    return e;  // "Further", "Signing": a capital that only opens the sentence
  }
  if (e == b + 1 && (Has(b, kAcronymStop) || Has(b, kStopCap) || Has(b, kWeekday) ||
                     Has(b, kMonth) || Has(b, kTitle) || Has(b, kNotName))) {
    return e;
  }
  if (heading_ && !(e == b + 1 && (t_[b].Is(kUpper) || t_[b].Is(kMixed)))) return e;
  // "the Lisbon Ocean Summit", "the Expo 2030 Forum": events are no actors; "USD 10 million":
  // an amount.
  if (Has(HeadToken(b, e), kEventHead) || Has(b, kCurrency)) return e;
  EntityKind kind = EntityKind::kOrganization;
  bool gov = false, facility = false;
  size_t name_end = e;
  bool typed = HeadKind(b, e, &kind, &gov);
  if (typed) facility = Has(HeadToken(b, e), kFacilityHead);
  if (!typed) typed = ContextKind(b, e, &kind, &facility);
  if (!typed) return e;
  // "X initiative": the programme noun is part of the name; a plural ("the X projects") names
  // projects under X, and X is the name.
  if (kind == EntityKind::kProgram && e < n_ && Lower(e) && Has(e, kProgramHead) &&
      !(F(e).size() > 3 && F(e).back() == 's')) {
    name_end = e + 1;
  }
  if (kind == EntityKind::kPerson) {
    int p = AddPerson(b, e);
    Emit(b, e, p);
    Apposition(p, e);
    return e;
  }
  int ent = AddNamed(b, name_end, kind, doc_->Surface(si_, b, name_end));
  if (name_end > e) doc_->AddAlias(ent, JoinFolds(t_, b, e), doc_->Surface(si_, b, e));
  if (gov) doc_->ents[ent].gov_body = true;
  if (facility) doc_->ents[ent].facility = true;
  NoteNameNation(ent, b, e);
  Emit(b, name_end, ent);
  return AttachParenthesis(ent, name_end);
}

// A span that opens with a gazetteer entry: "Kenya Power" (one name), "US Acme Robotics" (a
// modifier and a name), "Kenya Government" (the nation), "Washington DC" (a place), "German
// Development Finance Institution Acme Bank" (a description, then the name). Returns where
// the scan goes on, or 0 when the span is one name to be typed as a whole.
size_t MentionFinder::LeadingGazetteer(const GazEntry* g, size_t glen, size_t b, size_t e) {
  size_t r = b + glen;
  if (g->kind == EntityKind::kPlace && e - r <= 2) {
    bool tail = true;
    for (size_t x = r; x < e; ++x) tail &= t_[x].Is(kUpper) || Has(x, kPlaceHead);
    if (tail) {  // "Washington DC", "Lagos State"
      int ent = AddNamed(b, e, EntityKind::kPlace, doc_->Surface(si_, b, e));
      if (doc_->ents[ent].nation.empty()) doc_->ents[ent].nation = g->nation;
      Emit(b, e, ent);
      return e;
    }
  }
  if (g->kind == EntityKind::kOrganization) {
    bool suffix = true;  // "Acme Group" is Acme
    for (size_t x = r; x < e; ++x) suffix &= Has(x, kCorpSuffix);
    if (suffix) {
      int ent = GazEntity(g, b, e);
      Emit(b, e, ent);
      return AttachParenthesis(ent, e);
    }
  }
  if (g->kind != EntityKind::kNation) return 0;
  // "the Chinese Ambassador", "the Kenyan Foreign Minister": an office, not a body.
  if (r < e && Match(kTitle, r) == e - r) {
    Mention& m = Emit(b, r, GazEntity(g, b, r));
    m.demonym = g->demonym;
    m.modifier = true;
    return e;
  }
  if (e == r + 1 && Has(r, kNationNoun)) {
    Emit(b, e, GazEntity(g, b, r));
    return e;
  }
  EntityKind k;
  bool gov;
  bool rest_head = HeadKind(r, e, &k, &gov);
  size_t descriptor = e;
  for (size_t h = r; h + 1 < e; ++h) {
    if ((Has(h, kOrgHead) || Has(h, kGovHead)) && CapLike(t_[h + 1]) &&
        !Has(h + 1, kNameConnector)) {
      descriptor = h + 1;
    }
  }
  // "Saudi Public Investment Fund (PIF)" after "Public Investment Fund": the demonym describes a
  // body already named; "Ghana Space Agency" after "the Space Agency" is a name of its own.
  const int rest = Known(r, e);
  const bool rest_named = rest >= 0 && (e - r >= 3 || !doc_->ents[rest].acronym.empty());
  if (rest_named || (!rest_head && e - r >= 2) || descriptor < e) {
    int ent = GazEntity(g, b, r);
    Mention& m = Emit(b, r, ent);
    m.demonym = g->demonym;
    m.modifier = true;
    return TypeSpan(descriptor < e ? descriptor : r, e);
  }
  return 0;
}

}  // namespace pactgraph::extract

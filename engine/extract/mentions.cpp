// Pass 4: typing name spans and joining them into document entities (see mentions.h).
#include <algorithm>

#include "engine/extract/mentions.h"
#include "engine/extract/wordnet.h"

namespace pactgraph::extract {

int Document::AddEntity(const std::string& name, EntityKind kind, const std::string& key) {
  auto it = alias_index.find(key);
  if (it != alias_index.end() && ents[it->second].kind == kind) return it->second;
  DocEntity e;
  e.name = name;
  e.kind = kind;
  ents.push_back(std::move(e));
  int id = static_cast<int>(ents.size()) - 1;
  AddAlias(id, key, name);
  return id;
}

void Document::AddAlias(int ent, const std::string& key, const std::string& surface) {
  if (key.empty()) return;
  alias_index.emplace(key, ent);
  auto& al = ents[ent].aliases;
  if (!surface.empty() && surface != ents[ent].name &&
      std::find(al.begin(), al.end(), surface) == al.end() && al.size() < 32) {
    al.push_back(surface);
  }
}

MentionFinder::MentionFinder(const Lexicon& lex, Document* doc, size_t si)
    : lex_(lex),
      doc_(doc),
      si_(si),
      t_(doc->sentences[si].tokens),
      info_(doc->state[si].info),
      n_(t_.size()) {}

const std::string& MentionFinder::F(size_t k) const {
  static const std::string kEmpty;
  return k < n_ ? t_[k].fold : kEmpty;
}

bool MentionFinder::CommonWord(size_t k) const {
  if (k >= n_) return false;
  const WordInfo& w = info_[k].word;
  return w.pos != 0 || (w.classes & ~(ClassBit(kOrgHead) | ClassBit(kCorpSuffix))) != 0;
}

bool MentionFinder::SentenceInitial(size_t k) const {
  if (k == 0) return true;
  const std::string& p = F(k - 1);
  return p == "\"" || p == "'" || p == ":" || p == "(" || p == "-" || p == "." || p == ";" ||
         p == "*" || p == "#" || p == "|";
}

size_t MentionFinder::Gaz(size_t k, const GazEntry** e) const {
  if (k >= n_) return 0;
  if (e) *e = gaz_[k];
  return gaz_len_[k];
}

int MentionFinder::Known(size_t b, size_t e) const {
  if (e <= b || (e == b + 1 && Has(b, kAcronymStop))) return -1;
  std::string key = JoinFolds(t_, b, e);
  int id = doc_->Find(key);
  if (id >= 0) return id;
  auto it = doc_->weak_alias.find(key);
  if (it != doc_->weak_alias.end() && (e == b + 1 || t_[b].Is(kUpper))) return it->second;
  return -1;
}

Mention& MentionFinder::Emit(size_t b, size_t e, int ent) {
  Mention m;
  m.tb = b;
  m.te = e;
  m.entity = ent;
  if (ent >= 0) {
    DocEntity& d = doc_->ents[ent];
    if (d.mentions.size() < 64) d.mentions.push_back({t_[b].begin, t_[e - 1].end});
    if (d.kind == EntityKind::kNation) {
      doc_->nation_counts[d.name]++;
      if (doc_->first_nation.empty()) doc_->first_nation = d.name;
    }
  }
  m.possessive = e < n_ && t_[e].Is(kPoss);
  out_.push_back(std::move(m));
  return out_.back();
}

int MentionFinder::GazEntity(const GazEntry* g, size_t b, size_t e) {
  // Nations take their iso-codes name; other entries keep the text's spelling ("South-East
  // Asia", "IFC"), the gazetteer's name becoming an alias.
  const bool nation = g->kind == EntityKind::kNation;
  const std::string key = Fold(g->canonical);
  const bool fresh = doc_->Find(key) < 0;
  int id = doc_->AddEntity(nation ? g->canonical : doc_->Surface(si_, b, e), g->kind, key);
  if (!nation && fresh && doc_->ents[id].name != g->canonical) {
    doc_->ents[id].aliases.push_back(g->canonical);
  }
  DocEntity& d = doc_->ents[id];
  d.iso3 = g->iso3;
  if (!g->nation.empty() && d.nation.empty()) d.nation = g->nation;
  if (g->state_body) d.gov_body = true;
  doc_->AddAlias(id, JoinFolds(t_, b, e), g->demonym ? "" : doc_->Surface(si_, b, e));
  if (g->demonym) {
    std::string s = doc_->Surface(si_, b, e);
    auto& al = d.aliases;
    if (std::find(al.begin(), al.end(), s) == al.end() && al.size() < 32) al.push_back(s);
  }
  return id;
}

int MentionFinder::AddNamed(size_t b, size_t e, EntityKind kind, const std::string& name) {
  std::string key = JoinFolds(t_, b, e);
  int known = doc_->Find(key);
  if (known >= 0) return known;
  int id = doc_->AddEntity(name, kind, key);
  if (kind != EntityKind::kOrganization && kind != EntityKind::kProgram) return id;
  // Short forms later mentions may use: the first word(s) of a longer name ("Acme" for "Acme
  // Robotics Holdings"), the name without its company suffix, and its initials.
  size_t last = e;
  while (last > b + 1 && Has(last - 1, kCorpSuffix)) --last;
  if (last < e) doc_->weak_alias.emplace(JoinFolds(t_, b, last), id);
  const GazEntry* g = nullptr;
  if (e > b + 1 && CapLike(t_[b]) && !Has(b, kStopCap) && !Has(b, kStateWord) &&
      Gaz(b, &g) == 0 && !Has(b, kHeadFirst) && !Has(b, kGovHead) && !Has(b, kOrgHead) &&
      !Has(b, kAcronymStop) && !(CommonWord(b) && t_[b].Is(kUpper))) {
    doc_->weak_alias.emplace(t_[b].fold, id);
  }
  std::string initials, short_initials;
  bool of = false;
  for (size_t x = b; x < e; ++x) {
    if (Has(x, kNameConnector)) {
      if (F(x) == "of") of = true;
      continue;
    }
    if (!t_[x].Is(kWord)) continue;
    if (x > b && F(x - 1) == "-" && !CapLike(t_[x])) continue;
    initials += t_[x].fold[0];
    if (!of) short_initials += t_[x].fold[0];
  }
  if (initials.size() >= 2) doc_->weak_alias.emplace(initials, id);
  if (short_initials.size() >= 2 && short_initials != initials) {
    doc_->weak_alias.emplace(short_initials, id);
  }
  return id;
}

void MentionFinder::NoteNameNation(int ent, size_t b, size_t e) {
  DocEntity& d = doc_->ents[ent];
  if (d.kind != EntityKind::kOrganization && d.kind != EntityKind::kProgram) return;
  for (size_t x = b; x < e; ++x) {
    const GazEntry* g = nullptr;
    size_t len = Gaz(x, &g);
    if (len == 0 || g->kind != EntityKind::kNation || (x == b && len == e - b)) continue;
    if (x > b && F(x - 1) == "-") continue;  // "Inter-American"
    int nation = GazEntity(g, x, x + len);
    DocEntity& n = doc_->ents[nation];
    if (n.mentions.size() < 64) n.mentions.push_back({t_[x].begin, t_[x + len - 1].end});
    DocEntity& o = doc_->ents[ent];
    if (o.name_nation.empty()) o.name_nation = n.name;
    if (x > b && (F(x - 1) == "of" || F(x - 1) == "the") && x + len == e) {
      o.nation = n.name;
      o.nation_explicit = true;
    }
    x += len - 1;
  }
}

bool MentionFinder::HeadKind(size_t b, size_t e, EntityKind* kind, bool* gov) const {
  if (e <= b) return false;
  size_t h = HeadToken(b, e);
  *gov = false;
  if (e > b + 1 && Has(e - 1, kCorpSuffix)) {
    *kind = EntityKind::kOrganization;
    return true;
  }
  if (Has(h, kTitle) && !Has(h, kOrgHead)) return false;
  if (Has(h, kGovHead) || (h == b && Has(h, kHeadFirst))) {
    *kind = EntityKind::kOrganization;
    *gov = Has(h, kGovHead);
    return e > b + 1;
  }
  if (Has(h, kOrgHead) || Has(h, kFacilityHead)) {
    *kind = EntityKind::kOrganization;
    *gov = Has(b, kStateWord);
    return e > b + 1;
  }
  if (Has(h, kProgramHead) && e > b + 1) {
    *kind = EntityKind::kProgram;
    return true;
  }
  if (Has(h, kPlaceHead) && e > b + 1) {
    *kind = EntityKind::kPlace;
    return true;
  }
  // A compound head written as one word: "...gesellschaft", "...ministerium".
  if (e > b + 1 && h == e - 1 && WordEndsAsBody(h)) {
    *kind = EntityKind::kOrganization;
    return true;
  }
  return false;
}

bool MentionFinder::WordEndsAsBody(size_t k) const {
  const std::string& f = t_[k].fold;
  WordInfo w;
  for (size_t len = 4; len + 2 <= f.size() && len <= 14; ++len) {
    if (lex_.Lookup(f.substr(f.size() - len), &w) && (w.classes & ClassBit(kOrgWordEnd))) {
      return true;
    }
  }
  return false;
}

bool MentionFinder::PersonLike(size_t b, size_t e) const { return PersonLike(b, e, false); }

bool MentionFinder::PersonLike(size_t b, size_t e, bool cued) const {
  if (e - b < 2 || e - b > 6 || !CapLike(t_[b])) return false;
  int common = 0;
  for (size_t x = b; x < e; ++x) {
    if (!t_[x].Is(kWord)) {
      if (F(x) == "-" || F(x) == "'") continue;
      return false;
    }
    if (Has(x, kNameParticle) && Lower(x) && x > b && x + 1 < e) continue;
    if (!CapLike(t_[x]) || (t_[x].Is(kUpper) && t_[x].fold.size() > 3)) return false;
    if (Has(x, kTitle) || Has(x, kOrgHead) || Has(x, kGovHead) || Has(x, kProgramHead) ||
        Has(x, kPlaceHead) || Has(x, kStopCap) || Has(x, kStateWord) || Has(x, kNotName)) {
      return false;
    }
    const GazEntry* g = nullptr;
    if (Gaz(x, &g) > 0 && g->kind != EntityKind::kPlace) return false;
    bool person_name = (info_[x].word.name_classes & wordnet::Bit(wordnet::kPerson)) != 0;
    if (CommonWord(x) && !person_name) ++common;
  }
  if (cued) return common < static_cast<int>(e - b);  // one word at least that is no common word
  return common <= (e - b >= 3 ? 1 : 0) || (common == 1 && e - b == 2 && !CommonWord(e - 1));
}

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
        const std::string short_name = doc_->Surface(t_[e + 1].begin, t_[e + 1].end) + " " +
                                       doc_->Surface(si_, close + 1, re);
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
  if (e == b + 1 && SentenceInitial(b) && CommonWord(b) && !t_[b].Is(kUpper) &&
      !t_[b].Is(kMixed)) {
    return e;  // "Further", "Signing": a capital that only opens the sentence
  }
  if (e == b + 1 && (Has(b, kAcronymStop) || Has(b, kStopCap) || Has(b, kWeekday) ||
                     Has(b, kMonth) || Has(b, kTitle) || Has(b, kNotName))) {
    return e;
  }
  if (heading_ && !(e == b + 1 && (t_[b].Is(kUpper) || t_[b].Is(kMixed)))) return e;
  EntityKind kind = EntityKind::kOrganization;
  bool gov = false, facility = false;
  size_t name_end = e;
  bool typed = HeadKind(b, e, &kind, &gov);
  if (typed) facility = Has(HeadToken(b, e), kFacilityHead);
  if (!typed) typed = ContextKind(b, e, &kind, &facility);
  if (!typed) return e;
  // "X initiative": the programme noun is part of the name.
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
    if ((Has(h, kOrgHead) || Has(h, kGovHead)) && CapLike(t_[h + 1]) && !Has(h + 1, kNameConnector)) {
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

void MentionFinder::Run() {
  gaz_len_.assign(n_, 0);
  gaz_.assign(n_, nullptr);
  for (size_t k = 0; k < n_; ++k) {
    if (!CapLike(t_[k])) continue;
    size_t max = std::min<size_t>(info_[k].word.phrase_len, n_ - k);
    if (max == 0) continue;
    for (size_t len = max; len >= 1; --len) {
      const GazEntry* e = lex_.Gazetteer(JoinFolds(t_, k, k + len));
      if (e == nullptr || !CapLike(t_[k + len - 1])) continue;
      if (e->upper_only) {
        bool upper = true;
        for (size_t j = k; j < k + len; ++j) upper &= !t_[j].Is(kLower) || !t_[j].Is(kWord);
        if (!upper) continue;
      }
      gaz_len_[k] = len;
      gaz_[k] = e;
      break;
    }
  }
  // A title-case line (a heading, a label): only names with other evidence count.
  size_t words = 0, caps = 0;
  for (size_t k = 0; k < n_; ++k) {
    if (!t_[k].Is(kWord) || t_[k].Is(kDigit)) continue;
    const uint16_t tag = info_[k].tag;
    if (tag & (kTagDet | kTagPrep | kTagConj | kTagAux | kTagPron | kTagRel | kTagSubord)) continue;
    ++words;
    caps += CapLike(t_[k]);
  }
  heading_ = words >= 3 && words <= 20 && caps * 10 >= words * 8 && F(n_ - 1) != "." &&
             F(n_ - 1) != "\"";
  size_t k = 0;
  while (k < n_) {
    size_t next = SkipParenthesis(k);
    if (next == k) next = ListedNames(k);
    if (next == k) next = Reference(k);
    if (next == k) next = HonorificPerson(k);
    if (next == k) next = TitledPerson(k);
    if (next == k) next = IntroducedName(k);
    if (next == k && CapLike(t_[k])) next = ReadSpan(k, SpanEnd(k));
    k = next > k ? next : k + 1;
  }
  std::sort(out_.begin(), out_.end(), [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
  // Overlaps (a parenthesis alias inside a span read later) keep the first mention.
  std::vector<Mention> kept;
  for (Mention& m : out_) {
    if (!kept.empty() && m.tb < kept.back().te) continue;
    kept.push_back(std::move(m));
  }
  out_ = std::move(kept);
  // Offices stated after names ("X, CEO of Acme"): read once the apposition's mentions exist.
  for (const PendingTitle& p : pending_) {
    ReadTitle(p.person, p.b, p.e);
    for (Mention& m : out_) {
      if (m.tb >= p.b && m.te <= p.e && m.entity != p.person) m.modifier = true;
    }
    // The office belongs to the person's phrase: argument groups read over it.
    for (size_t i = out_.size(); i-- > 0;) {
      if (out_[i].entity == p.person && out_[i].te <= p.b) {
        out_[i].app_te = p.e;
        break;
      }
    }
  }
  MarkModifiers();
  SentenceState& st = doc_->state[si_];
  st.mention_at.assign(n_, -1);
  for (size_t i = 0; i < out_.size(); ++i) {
    for (size_t x = out_[i].tb; x < out_[i].te; ++x) st.mention_at[x] = static_cast<int>(i);
  }
  st.mentions = std::move(out_);
}

void FindMentions(const Lexicon& lex, Document* doc, size_t si) {
  MentionFinder f(lex, doc, si);
  f.Run();
}

}  // namespace pactgraph::extract

// Pass 4: typing name spans and joining them into document entities (see mentions.h).
#include "engine/extract/mentions.h"

#include <algorithm>

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
  if (e > b + 1 && CapLike(t_[b]) && !Has(b, kStopCap) && !Has(b, kStateWord) && Gaz(b, &g) == 0 &&
      !Has(b, kHeadFirst) && !Has(b, kGovHead) && !Has(b, kOrgHead) && !Has(b, kAcronymStop) &&
      !(CommonWord(b) && t_[b].Is(kUpper))) {
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
  heading_ =
      words >= 3 && words <= 20 && caps * 10 >= words * 8 && F(n_ - 1) != "." && F(n_ - 1) != "\"";
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
  std::sort(out_.begin(), out_.end(),
            [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
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

// The relation frames of one sentence (see relation_frames.h and relations.cpp).
#include "engine/extract/relation_frames.h"

#include <algorithm>

namespace pactgraph::extract {

namespace {

bool CapLike(const Token& t) { return t.Is(kWord) && (t.Is(kCap) || t.Is(kUpper) || t.Is(kMixed)); }

void PushRecent(std::vector<int>* v, int ent) {
  v->erase(std::remove(v->begin(), v->end(), ent), v->end());
  v->push_back(ent);
}

std::vector<int> LastTwo(const std::vector<int>& v) {
  if (v.size() < 2) return {};
  return {v[v.size() - 2], v[v.size() - 1]};
}

}  // namespace

void CorefState::Note(const Document& doc, int ent) {
  switch (doc.ents[ent].kind) {
    case EntityKind::kNation:
      PushRecent(&nations, ent);
      PushRecent(&actors, ent);
      break;
    case EntityKind::kOrganization:
      PushRecent(&orgs, ent);
      PushRecent(&actors, ent);
      break;
    case EntityKind::kPerson:
      PushRecent(&persons, ent);
      break;
    default:
      break;
  }
}

SentenceFrames::SentenceFrames(const Lexicon& lex, Document* doc, size_t si, CorefState* state)
    : lex_(lex), doc_(doc), si_(si), state_(state), t_(doc->sentences[si].tokens), n_(t_.size()) {
  masked_.assign(n_, 0);
  for (size_t k = 0; k + 1 < n_; ++k) {
    if (F(k) == "," && (F(k + 1) == "who" || F(k + 1) == "which")) {
      size_t e = k + 2;
      while (e < n_ && F(e) != "," && F(e) != ";") ++e;
      if (e < n_ && F(e) == ",") {
        for (size_t x = k + 1; x <= e; ++x) masked_[x] = 1;
      }
    }
  }
}

const std::string& SentenceFrames::F(size_t k) const {
  static const std::string kEmpty;
  return k < n_ ? t_[k].fold : kEmpty;
}

void SentenceFrames::ResolveSlots() {
  std::vector<size_t> deferred_its;
  const std::vector<int> actors_before = state_->actors;
  for (const Mention& m : doc_->mentions[si_]) {
    Slot s;
    s.tb = m.tb;
    s.te = m.te;
    s.modifier = m.modifier;
    s.possessive = m.possessive;
    s.coref = m.coref;
    if (m.coref) {
      const std::string& k = m.coref_kind;
      if (k == "nations") {
        s.ents = LastTwo(state_->nations);
      } else if (k == "pair" || k == "their") {
        s.ents = state_->last_pair.size() == 2 ? state_->last_pair : LastTwo(state_->actors);
      } else if (k == "companies") {
        std::vector<int> c;
        for (auto it = state_->orgs.rbegin(); it != state_->orgs.rend() && c.size() < 2; ++it) {
          if (!doc_->ents[*it].gov_body) c.insert(c.begin(), *it);
        }
        if (c.size() == 2) s.ents = c;
      } else if (k == "nation") {
        if (!state_->nations.empty()) s.ents = {state_->nations.back()};
      } else if (k == "person") {
        if (!state_->persons.empty()) {
          int aff = doc_->ents[state_->persons.back()].affiliation;
          if (aff >= 0) s.ents = {aff};
          s.via_person = true;
        }
      } else if (k == "its") {
        for (auto it = slots_.rbegin(); it != slots_.rend(); ++it) {
          if (it->actor && !it->modifier && it->ents.size() == 1) {
            s.ents = it->ents;
            break;
          }
        }
        // "Through its platform, the bank ...": the subject after the fronted phrase.
        if (s.ents.empty()) deferred_its.push_back(slots_.size());
      } else if (k.rfind("org:", 0) == 0) {
        std::string head = k.substr(4);
        bool company = head == "company" || head == "firm" || head == "giant";
        for (auto it = state_->orgs.rbegin(); it != state_->orgs.rend(); ++it) {
          const DocEntity& e = doc_->ents[*it];
          if (company ? !e.gov_body : Fold(e.name).find(head) != std::string::npos) {
            s.ents = {*it};
            break;
          }
        }
      }
      s.actor = !s.ents.empty();
    } else if (!m.ents.empty()) {
      int ent = m.ents[0];
      const DocEntity& e = doc_->ents[ent];
      if (e.kind == EntityKind::kPerson) {
        if (e.affiliation >= 0) {
          s.ents = {e.affiliation};
          s.actor = true;
          s.via_person = true;
        }
      } else {
        s.ents = {ent};
        s.actor = e.kind == EntityKind::kNation || e.kind == EntityKind::kOrganization;
        s.program = e.kind == EntityKind::kProgram;
        s.place = e.kind == EntityKind::kPlace;
      }
      state_->Note(*doc_, ent);
      if (e.kind == EntityKind::kPerson && e.affiliation >= 0 && !m.modifier) {
        state_->Note(*doc_, e.affiliation);
      }
    }
    slots_.push_back(std::move(s));
  }
  for (size_t i : deferred_its) {
    Slot& s = slots_[i];
    bool comma = false;
    for (size_t j = i + 1; j < slots_.size() && s.ents.empty(); ++j) {
      for (size_t x = s.te; x < slots_[j].tb; ++x) comma |= F(x) == ",";
      if (comma && slots_[j].actor && !slots_[j].modifier && slots_[j].ents.size() == 1) {
        s.ents = slots_[j].ents;
      }
    }
    if (s.ents.empty() && !actors_before.empty()) s.ents = {actors_before.back()};
    s.actor = !s.ents.empty();
  }
}

size_t SentenceFrames::ClauseStart(size_t ts) const {
  for (size_t k = ts; k-- > 0;) {
    if (masked_[k]) continue;
    const std::string& f = F(k);
    if (f == ";" || f == ":" || f == "\"" || f == "that") return k + 1;
    if (f == "-" && k > 0 && t_[k].begin != t_[k - 1].end) return k + 1;  // a dash
  }
  return 0;
}

int SentenceFrames::PrevNonDet(size_t k) const {
  size_t p = k;
  while (p > 0) {
    --p;
    const std::string& f = F(p);
    if (f == "the" || f == "a" || f == "an" || f == "its" || f == "their" ||
        (t_[p].Is(kLower) && lex_.Has("adjective", f))) {
      continue;
    }
    return static_cast<int>(p);
  }
  return -1;
}

bool SentenceFrames::Preposed(const Slot& s) const {
  int p = PrevNonDet(s.tb);
  return p >= 0 && lex_.Has("preposition", F(p));
}

bool SentenceFrames::Coordinated(size_t a_end, size_t b_begin) const {
  if (b_begin < a_end || b_begin - a_end > 20) return false;
  bool conj = false;
  for (size_t x = a_end; x < b_begin; ++x) {
    const std::string& f = F(x);
    if (f == "," || f == "and" || f == "&") {
      conj = true;
      continue;
    }
    if (f == "-") {
      if (x == a_end && t_[x].begin == t_[x - 1].end) conj = true;
      if (F(x + 1) == "based") ++x;  // "Abu Dhabi-based"
      continue;
    }
    if (f == "the" || f == "of" || f == "for" || f == "on" || t_[x].Is(kPoss) || f == "(" ||
        f == ")" || CapLike(t_[x]) || t_[x].Is(kDigit)) {
      continue;
    }
    if (size_t h = lex_.MatchWords("title", t_, x); h > 0) {
      x += h - 1;
      continue;
    }
    return false;
  }
  return conj;
}

std::vector<int> SentenceFrames::Group(int first, size_t limit) const {
  std::vector<int> g = {first};
  for (size_t j = first + 1; j < slots_.size(); ++j) {
    const Slot& s = slots_[j];
    if (s.tb >= limit) break;
    if (!s.actor || s.modifier) continue;
    if (!Coordinated(slots_[g.back()].te, s.tb)) break;
    g.push_back(static_cast<int>(j));
  }
  return g;
}

std::vector<int> SentenceFrames::SubjectGroup(size_t from, size_t ts) const {
  for (size_t j = 0; j < slots_.size(); ++j) {
    const Slot& s = slots_[j];
    if (s.tb < from || masked_[s.tb]) continue;
    if (s.te > ts) break;
    if (!s.actor || s.modifier || Preposed(s)) continue;
    std::vector<int> g = Group(static_cast<int>(j), ts);
    // Drop members inside relative clauses.
    g.erase(std::remove_if(g.begin(), g.end(), [&](int x) { return masked_[slots_[x].tb] != 0; }),
            g.end());
    return g;
  }
  return {};
}

std::vector<int> SentenceFrames::GroupAfterWord(const std::string& word, size_t from, size_t to,
                                                size_t max_gap) const {
  for (size_t w = from; w < std::min(to, from + max_gap + 1); ++w) {
    if (F(w) != word) continue;
    for (size_t j = 0; j < slots_.size(); ++j) {
      const Slot& s = slots_[j];
      if (s.tb <= w) continue;
      if (s.tb > w + 10 || s.tb >= to) break;
      if (!s.actor || s.modifier) continue;
      return Group(static_cast<int>(j), to);
    }
    return {};
  }
  return {};
}

int SentenceFrames::FirstActorAfter(size_t from, size_t to, bool allow_place) const {
  for (size_t j = 0; j < slots_.size(); ++j) {
    const Slot& s = slots_[j];
    if (s.tb < from) continue;
    if (s.tb >= to) break;
    if (s.ents.empty() || s.modifier) continue;
    if (s.coref && (F(s.tb) == "its" || F(s.tb) == "their")) continue;
    if (s.actor || (allow_place && s.place)) return static_cast<int>(j);
  }
  return -1;
}

int SentenceFrames::FirstProgramAfter(size_t from, size_t to) const {
  for (size_t j = 0; j < slots_.size(); ++j) {
    const Slot& s = slots_[j];
    if (s.tb < from) continue;
    if (s.tb >= to) break;
    if (s.program) return static_cast<int>(j);
  }
  return -1;
}

std::vector<int> SentenceFrames::Ents(const std::vector<int>& slots) const {
  std::vector<int> out;
  for (int j : slots) {
    for (int e : slots_[j].ents) {
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
  }
  return out;
}

bool SentenceFrames::ViaPerson(const std::vector<int>& slots) const {
  for (int j : slots) {
    if (slots_[j].via_person) return true;
  }
  return false;
}

std::string SentenceFrames::Modality(size_t clause, size_t ts, size_t te, bool document,
                                     bool* negated) const {
  bool planned = false, committed = false;
  *negated = false;
  for (size_t k = clause; k < ts; ++k) {
    for (const CueRule& c : lex_.cues()) {
      size_t len = MatchPattern(c.pattern, t_, k, te);
      if (len == 0) continue;
      if (c.category == "planned") planned = true;
      if (c.category == "committed" && (!document || ts - k <= 4)) committed = true;
      if (c.category == "negation" && ts - k <= 8) *negated = true;
    }
  }
  if (!planned && ts > 0 && F(ts - 1) == "to") committed = true;
  // "an investment to build ...": a purpose not yet carried out.
  if (!planned && !document && F(te) == "to" && te + 1 < n_ && t_[te + 1].Is(kLower) &&
      lex_.Has("purpose_verb", F(te + 1))) {
    committed = true;
  }
  size_t subj = clause;
  if (F(subj) == "the") ++subj;
  if (planned && lex_.Has("document_noun", F(subj))) return "committed";
  return planned ? "planned" : committed ? "committed" : "actual";
}

}  // namespace pactgraph::extract

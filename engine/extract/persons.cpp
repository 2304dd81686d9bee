// Pass 4, persons: people introduced by a title or an honorific, and the office they hold
// (see mentions.h). A person is never a relation endpoint; the office says whom they act for.
//
//   [Nation's | Demonym | Org] [Modifier] TITLE [of|for COMPLEMENT] [,] NAME   "Foreign Minister X"
//   HONORIFIC NAME                                                            "Dr X"
//   NAME , [the] [Modifier] TITLE [of|for|at ORG]                              "X, CEO of Acme"
#include <algorithm>

#include "engine/extract/mentions.h"

namespace pactgraph::extract {

size_t MentionFinder::PersonName(size_t k, size_t limit) const {
  size_t j = k, words = 0;
  limit = std::min(limit, std::min(n_, k + 7));
  while (j < limit) {
    const Token& tk = t_[j];
    const GazEntry* g = nullptr;
    bool blocked = Has(j, kTitle) || Has(j, kStopCap) || Has(j, kWeekday) || Has(j, kMonth) ||
                   Has(j, kOrgHead) || Has(j, kGovHead) || Has(j, kProgramHead) ||
                   Has(j, kStateWord) || Has(j, kHonorific) || Has(j, kNotName) ||
                   (Gaz(j, &g) > 0 && g->kind != EntityKind::kPlace) ||
                   (tk.Is(kUpper) && tk.fold.size() > 1 && tk.fold.back() != '.');
    if (CapLike(tk) && !blocked) {
      ++j;
      ++words;
      // "Jean-Pierre", "Owusu-Ekuful": glued hyphenated parts.
      while (j + 1 < n_ && F(j) == "-" && tk.end <= t_[j].begin && t_[j].begin == t_[j - 1].end &&
             t_[j + 1].begin == t_[j].end && t_[j + 1].Is(kWord)) {
        j += 2;
      }
      continue;
    }
    if (words > 0 && Has(j, kNameParticle) && j + 1 < limit && CapLike(t_[j + 1])) {
      ++j;
      continue;
    }
    if (words > 0 &&
        (tk.fold == "jr." || tk.fold == "sr." || tk.fold == "ii" || tk.fold == "iii")) {
      ++j;
    }
    break;
  }
  return words > 0 ? j : k;
}

bool MentionFinder::PersonNameWord(size_t k) const {
  return k < n_ && (info_[k].word.name_classes & (1u << (18 - 3))) != 0;  // WordNet noun.person
}

int MentionFinder::AddPerson(size_t b, size_t e) {
  std::string key = JoinFolds(t_, b, e);
  int known = doc_->Find(key);
  if (known >= 0 && doc_->ents[known].kind == EntityKind::kPerson) return known;
  int id = doc_->AddEntity(doc_->Surface(si_, b, e), EntityKind::kPerson, key);
  size_t last = e - 1;
  while (last > b && (F(last) == "jr." || F(last) == "sr." || F(last) == "ii")) --last;
  if (last > b && doc_->Find(t_[last].fold) < 0) {
    doc_->AddAlias(id, t_[last].fold, doc_->Surface(t_[last].begin, t_[last].end));
  }
  return id;
}

size_t MentionFinder::HonorificPerson(size_t k) {
  size_t h = Match(kHonorific, k);
  if (h == 0 || !CapLike(t_[k])) return k;
  size_t e = PersonName(k + h, n_);
  if (e == k + h) return k;
  int p = AddPerson(k + h, e);
  Emit(k + h, e, p);
  Apposition(p, e);
  return e;
}

// The person's title and who it names: tokens [tb, te) of the title phrase.
void MentionFinder::ReadTitle(int person, size_t tb, size_t te) {
  DocEntity& p = doc_->ents[person];
  for (size_t x = tb; x < te; ++x) {
    size_t h = lex_.MatchClass(kTitle, t_, x, te);
    if (h == 0) continue;
    if (p.title_head.empty()) p.title_head = JoinFolds(t_, tb, x + h);
    p.gov_title = p.gov_title || lex_.MatchClass(kGovTitle, t_, x, te) > 0;
    x += h - 1;
  }
  for (const Mention& m : out_) {
    if (m.tb < tb || m.te > te || m.entity < 0 || m.entity == person) continue;
    EntityKind k = doc_->ents[m.entity].kind;
    if (k == EntityKind::kOrganization && p.title_org < 0) p.title_org = m.entity;
    if (k == EntityKind::kNation && p.title_nation < 0) p.title_nation = m.entity;
  }
}

bool MentionFinder::TitlePrefix(size_t k, size_t p) {
  const GazEntry* g = nullptr;
  size_t len = Gaz(k, &g);
  if (len > 0 && len <= p - k) {
    Emit(k, k + len, GazEntity(g, k, k + len)).modifier = true;
    return true;
  }
  int known = Known(k, p);
  if (known >= 0) {
    Emit(k, p, known).modifier = true;
    return true;
  }
  if (p == k + 1 && (t_[k].Is(kUpper) || t_[k].Is(kMixed)) && !Has(k, kAcronymStop)) {
    Emit(k, p, AddNamed(k, p, EntityKind::kOrganization, doc_->Surface(si_, k, p))).modifier = true;
    return true;
  }
  return false;
}

size_t MentionFinder::TitledPerson(size_t k) {
  if (!t_[k].Is(kWord)) return k;
  // "The Ghanaian Ambassador Jane Doe": a capitalised article before the office.
  if (Has(k, kDet) && CapLike(t_[k]) && k + 1 < n_ && !Has(k + 1, kDet)) {
    const size_t r = TitledPerson(k + 1);
    return r > k + 1 ? r : k;
  }
  const size_t span = CapLike(t_[k]) ? SpanEnd(k) : k + 1;
  size_t p = k, h = 0;
  for (; p < std::min(span, k + 4); ++p) {
    h = Match(kTitle, p);
    if (h > 0) break;
    if (Has(p, kOrgHead) || Has(p, kGovHead) || Has(p, kNameConnector) || Lower(p)) return k;
  }
  if (h == 0) return k;
  const size_t first_new = out_.size();
  size_t from = k;
  // A mention right before the title: "Kenya's President", "Acme's Vice President".
  if (first_new > 0) {
    Mention& prev = out_[first_new - 1];
    if (prev.entity >= 0 && (prev.te == k || (prev.te + 1 == k && t_[prev.te].Is(kPoss)))) {
      prev.modifier = true;
      from = prev.tb;
    }
  }
  if (p > k) TitlePrefix(k, p);  // "Acme Chief Executive X"
  size_t j = p + h;
  std::string complement;
  size_t name_b = 0, name_e = 0;
  // "Minister of Trade and Industry", "President of Acme": the complement, which may run
  // into the person's name inside one capitalised run.
  const std::string& prep = F(j);
  if ((prep == "of" || prep == "for" || prep == "on" || prep == "at") && j + 1 < n_) {
    size_t c = j + 1;
    if (F(c) == "the") ++c;
    if (c < n_ && CapLike(t_[c])) {
      size_t ce = SpanEnd(c), split = ce;
      // The name is the run of name words at the end: "... Trade and Industry Jane Doe".
      while (
          split > c + 1 && CapLike(t_[split - 1]) && !t_[split - 1].Is(kUpper) &&
          (!CommonWord(split - 1) || PersonNameWord(split - 1) || Has(split - 1, kNameParticle)) &&
          PersonName(split - 1, ce) == ce) {
        --split;
      }
      if (ce - split < 2) split = ce;
      // The complement names a body only when it is one ("President of Acme"); words of a
      // portfolio ("Minister of Trade and Industry") are not a name of their own.
      size_t after = CompleteName(c, split) ? ReadSpan(c, split) : split;
      for (size_t x = c; x < split && after == split; ++x) {
        const GazEntry* g = nullptr;
        size_t len = Gaz(x, &g);
        if (len == 0 || x + len > split || g->kind != EntityKind::kNation) continue;
        Emit(x, x + len, GazEntity(g, x, x + len)).modifier = true;
        x += len - 1;
      }
      complement = doc_->Surface(si_, c, split);
      if (split < ce) {
        name_b = split;
        name_e = ce;
      } else {
        j = std::max(after, ce);
      }
    }
  }
  if (name_e == 0) {
    name_b = F(j) == "," ? j + 1 : j;
    name_b += Match(kHonorific, name_b);  // "..., H.E. Jane Doe"
    name_e = PersonName(name_b, n_);
  }
  if (name_e == name_b) {
    for (size_t i = first_new; i < out_.size(); ++i) out_[i].modifier = true;
    return j;  // the title alone ("the Minister said"): not a name
  }
  int person = AddPerson(name_b, name_e);
  DocEntity& pe = doc_->ents[person];
  if (pe.title_complement.empty()) pe.title_complement = complement;
  Emit(name_b, name_e, person);
  ReadTitle(person, from, name_e);
  // The whole phrase, title included, is one mention of the person; what the title named is
  // known to ReadTitle and stays recorded on its entities.
  out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(first_new), out_.end() - 1);
  out_.back().tb = k;
  Apposition(person, name_e);
  return name_e;
}

// "X, Managing Director of Acme", "X, Acme president": an office after the name.
void MentionFinder::Apposition(int person, size_t after) {
  if (F(after) != "," || after + 1 >= n_) return;
  size_t a = after + 1;
  if (Has(a, kDet)) ++a;
  size_t end = a;
  bool title = false;
  // Up to 24 tokens: a long body name with its acronym and seat ("Rector of the University of
  // X and Y (UXY) in Town (Country)") is still one office.
  int depth = 0;
  while (end < n_ && end < a + 24 && (depth > 0 || (F(end) != "," && F(end) != ";")) &&
         !(info_[end].tag & kTagVerb)) {
    if (F(end) == "(") ++depth;
    if (F(end) == ")" && depth > 0) --depth;
    // "..., Acme founder, to Ghana on Monday": the office ends where the sentence goes on.
    const std::string& f = F(end);
    if (depth == 0 && end > a &&
        (f == "." || f == "to" || f == "on" || f == "during" || f == "with" || f == "from" ||
         (f == "in" && !(end + 1 < n_ && CapLike(t_[end + 1]))))) {
      break;
    }
    if (Match(kTitle, end) > 0) title = true;
    ++end;
  }
  if (!title || depth > 0) return;
  pending_.push_back({person, a, end});
}

}  // namespace pactgraph::extract

// Pass 6, clause slots: the subject, object, agent, possessor and "between" groups of a
// trigger, found from the clause around it (see frames.h); groups themselves are read by
// slots.cpp.
#include <algorithm>

#include "engine/extract/frames.h"

namespace pactgraph::extract {

size_t SentenceFrames::VerbGroupStart(size_t verb) const {
  size_t b = verb;
  // "set up", "rolled out": the particle belongs to the verb before it.
  if (b > 0 && (F(b) == "up" || F(b) == "out" || F(b) == "off") &&
      (st_.info[b - 1].tag & kTagVerb)) {
    --b;
  }
  while (b > 0 && (st_.info[b - 1].tag & (kTagAux | kTagAdv)) && b + 6 > verb) --b;
  return b;
}

Group SentenceFrames::Subject(size_t verb_b, size_t clause_b, int depth, bool non_actors) const {
  size_t x = verb_b;
  // "to build" inside "A agreed to build", "by signing" inside "A marked it by signing": the
  // controlling subject.
  const std::string& vf = F(x < n_ && (st_.info[x].tag & kTagVerb) ? x : x);
  const bool gerund_after_prep = x > clause_b && (st_.info[x - 1].tag & kTagPrep) &&
                                 vf.size() > 4 && vf.compare(vf.size() - 3, 3, "ing") == 0;
  if (x > clause_b && (F(x - 1) == "to" || gerund_after_prep) && depth < 2) {
    for (size_t v = x - 1; v-- > clause_b && v + kSlotWindow > x;) {
      if (st_.info[v].tag & kTagVerb) {
        while (v > clause_b && (st_.info[v - 1].tag & kTagVerb)) --v;  // "look forward to"
        return Subject(VerbGroupStart(v), clause_b, depth + 1, non_actors);
      }
    }
    // "A and B are due to sign", "A is set to launch": the auxiliary carries the subject.
    for (size_t v = x - 1; v-- > clause_b && v + kSlotWindow > x;) {
      if (st_.info[v].tag & kTagAux)
        return Subject(VerbGroupStart(v), clause_b, depth + 1, non_actors);
    }
    return Group();
  }
  // In a relative clause the subject is the antecedent: "A, which is owned by B".
  if (x > 0 && masked_[x - 1] && x >= 2) {
    size_t r = x;
    while (r > 0 && masked_[r - 1]) --r;
    if (r < n_ && (st_.info[r].tag & kTagRel) && r >= 2 && F(r - 1) == ",") {
      size_t end = r - 1;
      int mi = st_.mention_at[end - 1];
      if (mi >= 0) return ReadGroup(st_.mentions[mi].tb, end, false, non_actors);
    }
  }
  // Skip an insertion just before the verb: "A, the US chipmaker, said".
  if (x > clause_b && F(x - 1) == "," && !(x >= 2 && app_owner_[x - 2] >= 0)) {
    size_t c = x - 1;
    while (c > clause_b && c + 14 > x && F(c - 1) != ",") --c;
    // Not when the commas belong to one mention ("Minister of Energy, Jane Doe,").
    int inside = x >= 2 ? st_.mention_at[x - 2] : -1;
    bool one_mention = inside >= 0 && st_.mentions[inside].tb < c;
    if (c > clause_b && F(c - 1) == "," && !one_mention) x = c - 1;
  }
  while (x > clause_b && masked_[x - 1]) --x;
  if (x > clause_b && F(x - 1) == ",") --x;
  // "A on Monday signed", "A last week said": a time phrase between subject and verb.
  for (size_t y = x; y > clause_b && y + 4 > x;) {
    const uint64_t c = st_.info[y - 1].word.classes;
    if (!(c & (ClassBit(kWeekday) | ClassBit(kMonth) | ClassBit(kTimeWord))) &&
        !t_[y - 1].Is(kDigit)) {
      break;
    }
    size_t p = y - 1;
    while (p > clause_b && p + 3 > y && !(st_.info[p - 1].tag & kTagPrep) && F(p - 1) != "last" &&
           F(p - 1) != "this" && F(p - 1) != "next" && !t_[p - 1].Is(kDigit) &&
           !(st_.info[p - 1].word.classes & (ClassBit(kMonth) | ClassBit(kWeekday)))) {
      break;
    }
    if (p > clause_b) x = p - 1;
    break;
  }
  // The subject phrase ends at x: walk back over phrase material to where it starts.
  size_t s = x;
  int pps = 0;
  while (s > clause_b && s + kSlotWindow > x) {
    size_t p = s - 1;
    const uint16_t tag = st_.info[p].tag;
    if (app_owner_[p] >= 0) {  // a person's office: the phrase goes on at the person
      s = st_.mentions[app_owner_[p]].tb;
      continue;
    }
    if (st_.mention_at[p] >= 0 || (tag & (kTagDet | kTagAdj | kTagNum | kTagNoun | kTagPoss))) {
      s = p;
      continue;
    }
    const std::string& f = F(p);
    if (f == "and" || f == "&" || f == "-" || f == "'" || f == "\"" || f == "or" || f == "(" ||
        f == ")") {
      s = p;
      continue;
    }
    if (f == "," && p > clause_b && st_.mention_at[p - 1] >= 0) {
      // "In Lisbon, A and B signed", "on the occasion of the Expo, A ...": an opening
      // prepositional phrase is not part of the subject.
      size_t q = p;
      while (q > clause_b && F(q - 1) != ",") --q;
      if (st_.info[q].tag & kTagPrep) break;
      s = p;
      continue;
    }
    // "A, a regional lender, and B": an apposition inside the subject list.
    if (f == "," && p > clause_b && (st_.info[p - 1].tag & kTagNoun) && t_[p - 1].Is(kLower)) {
      size_t q = p - 1;
      while (q > clause_b && q + 10 > p && F(q - 1) != "," &&
             (st_.info[q - 1].tag & (kTagDet | kTagAdj | kTagNoun | kTagNum))) {
        --q;
      }
      if (q > clause_b + 1 && F(q - 1) == "," && (st_.mention_at[q - 2] >= 0 || F(q - 2) == ")") &&
          (st_.info[q].tag & kTagDet)) {
        s = q - 1;
        continue;
      }
    }
    // "technology, media and telecom company A": a list of modifiers.
    if (f == "," && p > clause_b && t_[p - 1].Is(kLower) &&
        (st_.info[p - 1].tag & (kTagNoun | kTagAdj)) && p + 1 < n_ && t_[p + 1].Is(kLower)) {
      s = p;
      continue;
    }
    const int before = p > clause_b ? st_.mention_at[p - 1] : -1;
    const bool person_before = before >= 0 && st_.mentions[before].entity >= 0 &&
                               doc_->ents[st_.mentions[before].entity].kind == EntityKind::kPerson;
    if ((f == "of" || f == "from" || (f == "at" && person_before)) && p > clause_b &&
        ((st_.info[p - 1].word.classes & ClassBit(kRoleNoun)) || person_before)) {
      s = p;
      continue;
    }
    if (masked_[p]) {
      s = p;
      continue;
    }
    // "Acme in Egypt and Globex in Peru signed": a conjunct's seat is part of the list.
    if ((tag & kTagPrep) && p > clause_b && st_.mention_at[p - 1] >= 0 && SkipLocative(p, x) > p) {
      s = p;
      continue;
    }
    // "A with support from B, leads ...": B is inside a phrase that modifies A.
    if ((st_.info[p].tag & kTagPrep) && p > clause_b && s < x && ++pps <= 2 &&
        (st_.mention_at[p - 1] >= 0 || (st_.info[p - 1].tag & kTagNoun))) {
      s = p;
      continue;
    }
    break;
  }
  // The group read from where the walk stopped; a walk through a phrase starts at its head.
  if (pps > 0 && s < x) {
    size_t stop = s;
    while (stop < x && !(st_.info[stop].tag & kTagPrep)) ++stop;
    return ReadGroup(s, stop, false, non_actors);
  }
  if (s >= x) return Group();
  // Start at the first phrase from which the group reaches the verb.
  return ReadGroup(s, x, false, non_actors);
}

Group SentenceFrames::Object(size_t verb_e, size_t limit, bool non_actors) const {
  size_t x = verb_e;
  while (x < limit && (st_.info[x].tag & kTagAdv)) ++x;
  if (F(x) == "up" || F(x) == "out" || F(x) == "off") ++x;
  return ReadGroup(x, limit, true, non_actors);
}

Group SentenceFrames::AfterWord(const std::string& word, size_t from, size_t limit,
                                bool non_actors) const {
  limit = std::min(limit, from + kSlotWindow);
  bool verb_group = true;  // the verb group right after the trigger ("has been signed by")
  for (size_t x = from; x < limit; ++x) {
    if (masked_[x] && !(from < n_ && masked_[from])) continue;
    const uint16_t tag = st_.info[x].tag;
    if (F(x) == word) {
      Group g = ReadGroup(x + 1, limit, true, non_actors);
      if (!g.empty()) return g;
      continue;
    }
    if (tag & (kTagAux | kTagVerb)) {
      if (!verb_group) break;
      continue;
    }
    if (x > from) verb_group = false;
    if (tag & kTagSubord) break;
  }
  return Group();
}

Group SentenceFrames::Between(size_t clause_b, size_t clause_e) const {
  for (size_t x = clause_b; x < clause_e; ++x) {
    if (F(x) != "between" || masked_[x]) continue;
    Group g = ReadGroup(x + 1, clause_e, true, false);
    if (g.ents.size() >= 2) return g;
  }
  return Group();
}

size_t SentenceFrames::PhraseStart(size_t trigger_b, size_t clause_b) const {
  size_t s = trigger_b;
  while (s > clause_b && s + 8 > trigger_b) {
    const uint16_t tag = st_.info[s - 1].tag;
    const std::string& f = F(s - 1);
    if ((tag & (kTagDet | kTagAdj | kTagNum | kTagNoun | kTagPoss)) || st_.mention_at[s - 1] >= 0 ||
        f == "-" || f == "$" || f == "%" || f == "\"" || f == "'") {
      --s;
      continue;
    }
    break;
  }
  return s;
}

Group SentenceFrames::Possessor(size_t phrase_b) const {
  Group g;
  for (size_t x = phrase_b; x < n_ && x < phrase_b + 8; ++x) {
    if (t_[x].Is(kPoss) && x > 0 && st_.mention_at[x - 1] >= 0) {
      int mi = st_.mention_at[x - 1];
      Denote(mi, false, &g.ents, &g.via_person);
      g.tb = st_.mentions[mi].tb;
      g.te = x + 1;
      return g;
    }
    int mi = st_.mention_at[x];
    if (mi >= 0 && st_.mentions[mi].ref == RefKind::kIts) {
      Denote(mi, false, &g.ents, &g.via_person);
      g.tb = x;
      g.te = x + 1;
      return g;
    }
  }
  return g;
}

Group SentenceFrames::Premodifiers(size_t phrase_b, size_t trigger_b) const {
  Group g;
  g.tb = phrase_b;
  g.te = trigger_b;
  for (size_t x = phrase_b; x < trigger_b; ++x) {
    int mi = st_.mention_at[x];
    if (mi < 0 || st_.mentions[mi].tb != x || st_.mentions[mi].possessive) continue;
    bool vp = false;
    Denote(mi, false, &g.ents, &vp);
  }
  g.through.resize(g.ents.size(), -1);
  return g;
}

int SentenceFrames::GoverningVerb(size_t phrase_b, size_t clause_b) const {
  size_t x = phrase_b;
  int preps = 0;
  while (x > clause_b && x + 16 > phrase_b) {
    size_t p = x - 1;
    const uint16_t tag = st_.info[p].tag;
    if (tag & kTagVerb) return static_cast<int>(p);
    if ((tag & kTagPrep) && ++preps <= 2) {
      x = PhraseStart(p, clause_b);
      if (x == p) x = p;
      continue;
    }
    if (tag & (kTagAux | kTagAdv)) {
      --x;
      continue;
    }
    if (st_.mention_at[p] >= 0 ||
        (tag & (kTagDet | kTagAdj | kTagNum | kTagNoun | kTagPoss | kTagName))) {
      --x;
      continue;
    }
    // "share knowledge, expertise, and best practices through an MoU": a list of common nouns
    // is one object phrase.
    if (F(p) == "," || F(p) == "and") {
      size_t q = p;
      while (q > clause_b && (F(q - 1) == "," || F(q - 1) == "and")) --q;
      if (q > clause_b && q + 2 >= p && t_[q - 1].Is(kLower) &&
          (st_.info[q - 1].tag & (kTagNoun | kTagAdj))) {
        x = q;
        continue;
      }
    }
    break;
  }
  return -1;
}

}  // namespace pactgraph::extract

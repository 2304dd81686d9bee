// Pass 6, slot readers: argument groups over the noun phrases of a clause (see frames.h).
#include <algorithm>

#include "engine/extract/frames.h"

namespace pactgraph::extract {

namespace {

bool ListMark(const std::string& f) { return f == "," || f == "and" || f == "or" || f == "&"; }

void AddUnique(std::vector<int>* v, int e) {
  if (std::find(v->begin(), v->end(), e) == v->end()) v->push_back(e);
}

}  // namespace

SentenceFrames::SentenceFrames(const Lexicon& lex, Document* doc, size_t si, CorefState* state,
                               std::vector<RelationRecord>* out)
    : lex_(lex),
      doc_(doc),
      si_(si),
      state_(state),
      out_(out),
      t_(doc->sentences[si].tokens),
      st_(doc->state[si]),
      n_(t_.size()) {
  app_owner_.assign(n_, -1);
  for (size_t i = 0; i < st_.mentions.size(); ++i) {
    const Mention& m = st_.mentions[i];
    for (size_t x = m.te; x < m.app_te && x < n_; ++x) app_owner_[x] = static_cast<int>(i);
  }
  // Relative clauses set off by commas and parentheses are read apart from the main clause.
  masked_.assign(n_, 0);
  for (size_t k = 0; k + 1 < n_; ++k) {
    bool rel = F(k) == "," && (st_.info[k + 1].tag & kTagRel) && F(k + 1) != "that";
    bool paren = F(k) == "(";
    if (!rel && !paren) continue;
    size_t e = k + 1;
    const char* close = paren ? ")" : ",";
    while (e < n_ && e < k + 30 && F(e) != close && F(e) != ";" && !(paren && F(e) == "(")) {
      // ", which was signed by Jane Doe, Acme founder, in May,": a person's office inside.
      if (!paren && e + 1 < n_ && F(e + 1) == "," && app_owner_[e + 1] >= 0) {
        e = st_.mentions[app_owner_[e + 1]].app_te;
        // "..., to Peru on Monday": a preposition after the office goes on with the clause; a
        // verb resumes the main clause.
        if (e + 1 < n_ && F(e) == "," && (st_.info[e + 1].tag & kTagPrep)) ++e;
        continue;
      }
      ++e;
    }
    if (e < n_ && (F(e) == close || (!paren && e + 1 == n_))) {
      for (size_t x = k + 1; x < e; ++x) masked_[x] = 1;
    }
    k = e - 1 > k ? e - 1 : k;
  }
  std::vector<int> cues;
  for (size_t k = 0; k < n_; ++k) {
    if (!t_[k].Is(kWord) && !t_[k].Is(kPoss)) continue;
    lex_.CuesFor(t_[k].fold, st_.info[k].word, &cues);
    for (int idx : cues) {
      const CueRule& c = lex_.cues()[idx];
      size_t len = MatchPattern(c.pattern, t_, k, n_);
      if (len > 0) cue_hits_.push_back({k, len, &c});
    }
  }
}

const std::string& SentenceFrames::F(size_t k) const {
  static const std::string kEmpty;
  return k < n_ ? t_[k].fold : kEmpty;
}

size_t SentenceFrames::ClauseStart(size_t k) const {
  const bool inner = k < n_ && masked_[k];
  size_t floor = k > kSlotWindow * 2 ? k - kSlotWindow * 2 : 0;
  for (size_t x = k; x-- > floor;) {
    if (!inner && masked_[x]) continue;
    if (inner && !masked_[x]) return x + 1;
    const std::string& f = F(x);
    if (f == ";" || f == ":" || f == "\"" || (st_.info[x].tag & kTagSubord)) return x + 1;
    if (f == "that" && x > 0 && (st_.info[x - 1].word.classes & ClassBit(kSpeechVerb))) return x + 1;
    if (f == "-" && x > 0 && t_[x].begin != t_[x - 1].end) return x + 1;  // a dash
  }
  return floor;
}

size_t SentenceFrames::ClauseEnd(size_t k) const {
  const bool inner = k < n_ && masked_[k];
  size_t ceil = std::min(n_, k + kSlotWindow * 2);
  for (size_t x = k; x < ceil; ++x) {
    if (inner && !masked_[x]) return x;
    if (!inner && masked_[x]) continue;
    const std::string& f = F(x);
    if (f == ";" || f == "\"" || ((st_.info[x].tag & kTagSubord) && x > k)) return x;
  }
  return ceil;
}

bool SentenceFrames::Denote(int mi, bool non_actors, std::vector<int>* ents,
                            bool* via_person) const {
  const Mention& m = st_.mentions[mi];
  if (m.ref != RefKind::kNone) {
    for (int e : m.refs) {
      if (doc_->Actor(e) || non_actors) AddUnique(ents, e);
    }
    return !m.refs.empty();
  }
  if (m.entity < 0) return false;
  const DocEntity& d = doc_->ents[m.entity];
  if (d.kind == EntityKind::kPerson) {
    if (d.affiliation < 0) return false;
    AddUnique(ents, d.affiliation);
    *via_person = true;
    return true;
  }
  if (!doc_->Actor(m.entity) && !non_actors) return false;
  AddUnique(ents, m.entity);
  return true;
}

// "the Saudi government", "Kenyan officials": a nation modifier before a nation or role noun.
bool SentenceFrames::NationNounAt(size_t x, int modifier_mi, std::vector<int>* ents) const {
  if (x >= n_ || modifier_mi < 0) return false;
  const uint64_t c = st_.info[x].word.classes;
  if (!(c & (ClassBit(kNationNoun) | ClassBit(kRoleNoun)))) return false;
  const Mention& m = st_.mentions[modifier_mi];
  if (m.entity < 0 || doc_->ents[m.entity].kind != EntityKind::kNation) return false;
  AddUnique(ents, m.entity);
  return true;
}

// "Acme in Egypt and Globex in Peru", "Acme of Kenya, Globex": a conjunct's seat, right after
// it and followed by the list's next mark or the end of the group, is a modifier of the
// conjunct (its based_in relation comes from the structural patterns). Returns where the group
// goes on.
size_t SentenceFrames::SkipLocative(size_t pos, size_t limit) const {
  const std::string& f = F(pos);
  if (f != "in" && f != "of" && f != "from" && f != "at") return pos;
  size_t y = pos + 1;
  if (F(y) == "the") ++y;
  if (y >= limit || st_.mention_at[y] < 0) return pos;
  const Mention& where = st_.mentions[st_.mention_at[y]];
  if (where.entity < 0 || where.tb != y) return pos;
  const EntityKind k = doc_->ents[where.entity].kind;
  if (k != EntityKind::kNation && k != EntityKind::kPlace) return pos;
  const size_t after = where.te;
  if (after < limit && !ListMark(F(after)) && !(st_.info[after].tag & (kTagVerb | kTagAux))) {
    return pos;
  }
  return after;
}

// "Jane Doe of Acme", "an envoy from Ghana": a person stands for the body named after them.
bool SentenceFrames::PersonOfBody(int mi, size_t limit, Group* g, size_t* end) const {
  const Mention& m = st_.mentions[mi];
  if (m.entity < 0 || doc_->ents[m.entity].kind != EntityKind::kPerson || m.app_te > m.te) {
    return false;
  }
  const std::string& f = F(m.te);
  if (f != "of" && f != "from" && f != "at") return false;
  size_t y = m.te + 1;
  if (F(y) == "the") ++y;
  if (y >= limit || st_.mention_at[y] < 0) return false;
  const Mention& body = st_.mentions[st_.mention_at[y]];
  if (body.tb != y || body.entity < 0 || !doc_->Actor(body.entity)) return false;
  AddUnique(&g->ents, body.entity);
  g->via_person = true;
  *end = body.te;
  return true;
}

// Skips the words that open a noun phrase before its head: determiners, adjectives, numbers,
// amounts, lower-case nouns, quotation marks. Role nouns are read through "of"/"from".
size_t SentenceFrames::SkipPrefix(size_t pos, size_t limit, bool* jumped) const {
  size_t x = pos;
  while (x < limit && x < pos + 10) {
    if (st_.mention_at[x] >= 0) return x;
    const uint16_t tag = st_.info[x].tag;
    const std::string& f = F(x);
    if ((st_.info[x].word.classes & ClassBit(kRoleNoun)) && (F(x + 1) == "of" || F(x + 1) == "from")) {
      *jumped = true;
      x += 2;
      continue;
    }
    // Capitalised words that name nothing ("AI company Acme") are modifiers too.
    if (tag & (kTagDet | kTagAdj | kTagNum | kTagNoun | kTagAdv | kTagName)) {
      ++x;
      continue;
    }
    if (f == "\"" || f == "'" || f == "$" || f == "%" || f == "-" || f == "." ||
        (st_.info[x].word.classes & ClassBit(kCurrency))) {
      ++x;
      continue;
    }
    // "technology, media and telecom (TMT) company A": modifiers in a list, an acronym of them.
    if ((f == "," || f == "and") && x > pos && t_[x - 1].Is(kLower) && x + 1 < limit &&
        t_[x + 1].Is(kLower) && (st_.info[x + 1].tag & (kTagNoun | kTagAdj))) {
      ++x;
      continue;
    }
    if (f == "(" && masked_[x + 1]) {
      while (x < limit && F(x) != ")") ++x;
      ++x;
      continue;
    }
    break;
  }
  return x;
}

Group SentenceFrames::ReadGroup(size_t from, size_t limit, bool adjacent, bool non_actors) const {
  Group g;
  g.tb = from;
  size_t pos = from;
  limit = std::min(limit, n_);
  bool first = true;
  while (pos < limit && g.ents.size() < kMaxGroup) {
    bool jumped = false;
    size_t x = SkipPrefix(pos, limit, &jumped);
    // "the global technology giant, Acme Corp": the name after a descriptive phrase.
    if (x > pos && x + 1 < limit && F(x) == "," && st_.mention_at[x + 1] >= 0 &&
        (st_.info[x - 1].tag & kTagNoun)) {
      ++x;
    }
    if (x >= limit || st_.mention_at[x] < 0) break;
    if (adjacent && first && x > pos + 8) break;
    int mi = st_.mention_at[x];
    const Mention& m = st_.mentions[mi];
    size_t end = m.te;
    bool got = false;
    if (m.modifier && m.ref == RefKind::kNone) {
      // A modifier: the phrase goes on to its head ("Saudi Arabian telecom company Acme").
      size_t after = end < n_ && t_[end].Is(kPoss) ? end + 1 : end;
      size_t head = SkipPrefix(after, limit, &jumped);
      if (head > after && head < n_ && t_[head].Is(kPoss) && NationNounAt(head - 1, mi, &g.ents)) {
        g.ents.pop_back();  // "the Saudi state's fund": the fund is the member
        pos = head + 1;
        continue;
      } else if (head > after && NationNounAt(head - 1, mi, &g.ents)) {
        got = true;
        end = head;
      } else if (head < limit && st_.mention_at[head] >= 0 && head >= end) {
        pos = head;
        continue;
      } else if (NationNounAt(after, mi, &g.ents)) {
        got = true;
        end = after + 1;
      } else {
        break;
      }
    } else if (PersonOfBody(mi, limit, &g, &end)) {
      got = true;
    } else {
      got = Denote(mi, non_actors, &g.ents, &g.via_person);
      // "Jane Doe, President of Acme, and ...": the office is part of the person's phrase.
      if (got && m.app_te > end && m.app_te <= limit) end = m.app_te;
    }
    if (!got) break;
    first = false;
    g.through.resize(g.ents.size(), -1);
    g.conj.resize(g.ents.size(), static_cast<int>(x));
    pos = end;
    if (pos < n_ && t_[pos].Is(kPoss)) break;  // "A's unit": A is not the conjunct
    // "India through its Ministry of X": the body a party acts through.
    if (F(pos) == "through" && pos + 1 < limit) {
      bool j2 = false;
      size_t y = SkipPrefix(pos + 1, limit, &j2);
      if (y < limit && st_.mention_at[y] >= 0) {
        std::vector<int> via;
        bool vp = false;
        if (Denote(st_.mention_at[y], false, &via, &vp) && !via.empty()) g.through.back() = via[0];
        pos = st_.mentions[st_.mention_at[y]].te;
      }
    }
    pos = SkipLocative(pos, limit);  // "Acme in Egypt and Globex in Peru"
    if (pos + 1 < limit && F(pos) == "(" && masked_[pos + 1]) ++pos;  // "A (ACR)"
    while (pos < limit && masked_[pos]) ++pos;  // parenthesis or relative clause
    if (pos < limit && F(pos) == ")") ++pos;
    // Coordination or an apposition.
    if (pos >= limit || !ListMark(F(pos))) {
      if (F(pos) == "as" && F(pos + 1) == "well" && F(pos + 2) == "as") {
        pos += 3;
        continue;
      }
      if ((F(pos) == "along" || F(pos) == "together") && F(pos + 1) == "with") {
        pos += 2;
        continue;
      }
      break;
    }
    size_t next = pos + 1;
    if (F(pos) == "," && (F(next) == "and" || F(next) == "or")) ++next;
    bool j3 = false;
    size_t y = SkipPrefix(next, limit, &j3);
    // ", chief executive of Acme," is an apposition of the member before, not a new member.
    const bool appositive = F(pos) == "," && y < limit && st_.mention_at[y] >= 0 &&
                            st_.mentions[st_.mention_at[y]].modifier && t_[next].Is(kLower);
    if (y < limit && st_.mention_at[y] >= 0 && !appositive) {
      pos = next;
      continue;
    }
    if (F(pos) != ",") break;
    // ", the US chipmaker," — an apposition; the list may go on after it.
    size_t close = next;
    while (close < limit && close < next + 12 && F(close) != "," && !(st_.info[close].tag & kTagVerb)) {
      ++close;
    }
    if (close < limit && F(close) == "," && close + 1 < limit && ListMark(F(close + 1)) &&
        F(close + 1) != ",") {
      pos = close + 1;
      if (F(pos) != ",") ++pos;
      continue;
    }
    break;
  }
  if (g.ents.size() >= kMaxGroup && !group_capped_ && doc_->warnings) {
    group_capped_ = true;
    doc_->warnings->push_back("sentence " + std::to_string(si_ + 1) + ": a list of more than " +
                              std::to_string(kMaxGroup) +
                              " conjuncts; only the first are read as arguments");
  }
  g.te = pos;
  g.through.resize(g.ents.size(), -1);
  return g;
}

size_t SentenceFrames::VerbGroupStart(size_t verb) const {
  size_t b = verb;
  // "set up", "rolled out": the particle belongs to the verb before it.
  if (b > 0 && (F(b) == "up" || F(b) == "out" || F(b) == "off") && (st_.info[b - 1].tag & kTagVerb)) {
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
      if (st_.info[v].tag & kTagAux) return Subject(VerbGroupStart(v), clause_b, depth + 1, non_actors);
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
      if (q > clause_b + 1 && F(q - 1) == "," &&
          (st_.mention_at[q - 2] >= 0 || F(q - 2) == ")") && (st_.info[q].tag & kTagDet)) {
        s = q - 1;
        continue;
      }
    }
    // "technology, media and telecom company A": a list of modifiers.
    if (f == "," && p > clause_b && t_[p - 1].Is(kLower) && (st_.info[p - 1].tag & (kTagNoun | kTagAdj)) &&
        p + 1 < n_ && t_[p + 1].Is(kLower)) {
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
    if ((tag & kTagPrep) && p > clause_b && st_.mention_at[p - 1] >= 0 &&
        SkipLocative(p, x) > p) {
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
    if (st_.mention_at[p] >= 0 || (tag & (kTagDet | kTagAdj | kTagNum | kTagNoun | kTagPoss | kTagName))) {
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

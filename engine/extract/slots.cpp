// Pass 6, slot readers: argument groups over the noun phrases of a clause (see frames.h); the
// clause positions they are read from are in clause_slots.cpp.
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
    if (f == "that" && x > 0 && (st_.info[x - 1].word.classes & ClassBit(kSpeechVerb)))
      return x + 1;
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
    if ((st_.info[x].word.classes & ClassBit(kRoleNoun)) &&
        (F(x + 1) == "of" || F(x + 1) == "from")) {
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
    // "to several manufacturers, including A and B", "firms such as A": the named members of
    // a plural noun are the group.
    if (first && x < limit && st_.mention_at[x] < 0) {
      for (size_t c = x > pos && F(x - 1) == "such" ? x - 1 : x; c < limit && c < x + 4; ++c) {
        const size_t cue = lex_.MatchClass(kListCue, t_, c, limit);
        if (cue > 0) {
          if (c > pos && c + cue < limit && st_.mention_at[c + cue] >= 0) x = c + cue;
          break;
        }
        if (!t_[c].Is(kLower) && F(c) != ",") break;
      }
    }
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
    while (close < limit && close < next + 12 && F(close) != "," &&
           !(st_.info[close].tag & kTagVerb)) {
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

}  // namespace pactgraph::extract

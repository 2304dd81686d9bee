// Pass 5: resolving reference phrases (see coref.h), persons' affiliations and quotation
// speakers.
#include "engine/extract/coref.h"

#include <algorithm>

namespace pactgraph::extract {

namespace {

void PushRecent(std::vector<int>* v, int ent) {
  v->erase(std::remove(v->begin(), v->end(), ent), v->end());
  v->push_back(ent);
  if (v->size() > CorefState::kRecent) v->erase(v->begin());
}

bool GovHead(const std::string& head) {
  return head == "ministry" || head == "department" || head == "agency" || head == "authority" ||
         head == "commission" || head == "government" || head == "regulator" || head == "council";
}

}  // namespace

void CorefState::Note(const Document& doc, int ent) {
  if (ent < 0) return;
  switch (doc.ents[ent].kind) {
    case EntityKind::kNation:
      PushRecent(&nations_, ent);
      PushRecent(&actors_, ent);
      break;
    case EntityKind::kOrganization:
      PushRecent(&orgs_, ent);
      PushRecent(&actors_, ent);
      if (doc.ents[ent].facility) PushRecent(&programs_, ent);
      break;
    case EntityKind::kProgram:
      PushRecent(&programs_, ent);
      break;
    default:
      break;
  }
}

std::vector<int> CorefState::Pair(const Document& doc, const Mention& m, size_t count) const {
  const std::vector<int>& pool = m.ref_any_kind                      ? actors_
                                 : m.ref_kind == EntityKind::kNation ? nations_
                                                                     : orgs_;
  if (count == 2 && pair_.size() == 2) {
    bool fits = true;
    for (int e : pair_) {
      fits &= m.ref_any_kind || doc.ents[e].kind == m.ref_kind;
    }
    if (fits) return pair_;
  }
  if (pool.size() < count) return {};
  return std::vector<int>(pool.end() - static_cast<std::ptrdiff_t>(count), pool.end());
}

int CorefState::Definite(const Document& doc, const Mention& m) const {
  if (m.ref_kind == EntityKind::kNation) {
    // "the kingdom", "the country": the nation the document is about when it is among those
    // named lately, else the last one.
    if (dominant_ >= 0 &&
        std::find(nations_.begin(), nations_.end(), dominant_) != nations_.end()) {
      return dominant_;
    }
    if (!nations_.empty()) return nations_.back();
    return dominant_;
  }
  if (m.ref_kind == EntityKind::kProgram) {
    for (auto it = programs_.rbegin(); it != programs_.rend(); ++it) {
      if (Fold(doc.ents[*it].name).find(m.ref_head) != std::string::npos) return *it;
    }
    return programs_.empty() ? -1 : programs_.back();
  }
  const std::string& head = m.ref_head;
  // An actor whose name has the head noun: "the Agency" -> "Acme Space Agency".
  for (auto it = orgs_.rbegin(); it != orgs_.rend(); ++it) {
    const std::string name = Fold(doc.ents[*it].name);
    size_t at = name.find(head);
    if (at != std::string::npos && (at == 0 || name[at - 1] == ' ')) return *it;
  }
  if (GovHead(head)) {
    for (auto it = orgs_.rbegin(); it != orgs_.rend(); ++it) {
      if (doc.ents[*it].gov_body) return *it;
    }
    return -1;
  }
  // A company noun takes the last body that is not a public one.
  for (auto it = orgs_.rbegin(); it != orgs_.rend(); ++it) {
    if (!doc.ents[*it].gov_body) return *it;
  }
  return -1;
}

void AssignSpeakers(const Lexicon& lex, Document* doc) {
  int open_speaker = -1;
  int last_person = -1;  // "..., she said": the person named last
  bool open = false;     // a quotation runs on from an earlier sentence
  for (size_t si = 0; si < doc->sentences.size(); ++si) {
    const auto& t = doc->sentences[si].tokens;
    SentenceState& st = doc->state[si];
    st.in_quote_start = open;
    int quotes = 0;
    for (const Token& tk : t) quotes += tk.fold == "\"";
    // "..., said X", "X said", "according to X", "X told reporters".
    int speaker = -1;
    for (size_t k = 0; k < t.size() && speaker < 0; ++k) {
      if (!(st.info[k].word.classes & ClassBit(kSpeechVerb)) && t[k].fold != "according") continue;
      bool pronoun = (k > 0 && (t[k - 1].fold == "he" || t[k - 1].fold == "she")) ||
                     (k + 1 < t.size() && (t[k + 1].fold == "he" || t[k + 1].fold == "she"));
      if (pronoun && last_person >= 0) {
        speaker = last_person;
        break;
      }
      for (size_t j = k + 1; j < std::min(t.size(), k + 4) && speaker < 0; ++j) {
        int mi = st.mention_at[j];
        if (mi >= 0 && st.mentions[mi].entity >= 0) speaker = st.mentions[mi].entity;
      }
      for (size_t j = k; j-- > (k >= 6 ? k - 6 : 0) && speaker < 0;) {
        int mi = st.mention_at[j];
        if (mi >= 0 && st.mentions[mi].entity >= 0 && !st.mentions[mi].modifier) {
          speaker = st.mentions[mi].entity;
        }
      }
    }
    for (const Mention& m : st.mentions) {
      if (m.entity >= 0 && doc->ents[m.entity].kind == EntityKind::kPerson) last_person = m.entity;
    }
    if (speaker >= 0 && doc->ents[speaker].kind == EntityKind::kPerson) {
      speaker = doc->ents[speaker].affiliation;
    }
    if (speaker >= 0 && !doc->Actor(speaker)) speaker = -1;
    bool quoted = quotes > 0 || open;
    if (quoted) st.speaker = speaker >= 0 ? speaker : open_speaker;
    if (speaker >= 0) open_speaker = speaker;
    if (quotes % 2 == 1) open = !open;
    if (!open && quotes == 0) open_speaker = -1;
    // A quotation's later sentences learn its speaker from the sentence that names one.
    if (speaker >= 0 && quoted) {
      for (size_t back = si; back-- > 0 && back + 4 > si;) {
        SentenceState& prev = doc->state[back];
        if (prev.speaker >= 0 || !(prev.in_quote_start || back + 1 == si)) break;
        prev.speaker = speaker;
      }
    }
  }
  (void)lex;
}

void ResolveReferences(const Lexicon& lex, Document* doc, size_t si, CorefState* state) {
  (void)lex;
  SentenceState& st = doc->state[si];
  int clause_actor = -1;
  for (Mention& m : st.mentions) {
    if (m.ref == RefKind::kNone) {
      int e = m.entity;
      if (e < 0) continue;
      if (doc->ents[e].kind == EntityKind::kPerson) e = doc->ents[e].affiliation;
      if (e >= 0 && doc->ents[e].kind == EntityKind::kProgram) state->Note(*doc, e);
      if (e >= 0 && doc->Actor(e)) {
        state->Note(*doc, e);
        if (!m.modifier && clause_actor < 0) clause_actor = e;
      }
      continue;
    }
    m.refs.clear();
    switch (m.ref) {
      case RefKind::kPair:
        m.refs = state->Pair(*doc, m, 2);
        break;
      case RefKind::kTriple:
        m.refs = state->Pair(*doc, m, 3);
        break;
      case RefKind::kDefinite: {
        int e = state->Definite(*doc, m);
        if (e >= 0) m.refs = {e};
        break;
      }
      case RefKind::kIts:
      case RefKind::kIt: {
        int e = clause_actor >= 0 ? clause_actor : state->LastActor();
        if (e >= 0) m.refs = {e};
        break;
      }
      case RefKind::kWe:
        if (st.speaker >= 0) m.refs = {st.speaker};
        break;
      case RefKind::kNone:
        break;
    }
    if (m.refs.size() == 1 && clause_actor < 0 && m.ref != RefKind::kIts && doc->Actor(m.refs[0])) {
      clause_actor = m.refs[0];
    }
  }
}

}  // namespace pactgraph::extract

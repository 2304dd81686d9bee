// Pass 6, frame checks: the guards a trigger match must pass (part of speech, target kind,
// non-party verbs), its modality and negation, and the readings that complete a frame from
// outside its slots (an attributed speaker, levels side by side). See frames.h.
#include <algorithm>

#include "engine/extract/frames.h"

namespace pactgraph::extract {

bool SentenceFrames::PosTagFits(const Frame& fr, size_t ts, size_t te) const {
  (void)te;
  const uint16_t tag = st_.info[ts].tag;
  if (fr.noun) return !(tag & kTagVerb) || (st_.info[ts].word.pos & 1) == 0;
  return (tag & kTagVerb) != 0;
}

bool SentenceFrames::TargetFits(const Frame& fr, const std::string& type, int ent) const {
  const DocEntity& d = doc_->ents[ent];
  if (fr.program_target) {
    return d.kind == EntityKind::kProgram || (d.kind == EntityKind::kOrganization && d.facility);
  }
  if (d.kind == EntityKind::kNation || d.kind == EntityKind::kOrganization) return true;
  if (d.kind == EntityKind::kProgram) return type == "fund" || type == "invest";
  if (d.kind == EntityKind::kPlace) return fr.place_target;
  return false;
}

bool SentenceFrames::NonParty(const Match& m) const {
  if (m.verb < 0) return false;
  for (const CueHit& h : cue_hits_) {
    if (h.at == static_cast<size_t>(m.verb) && h.cue->category == "nonparty") return true;
  }
  return false;
}

std::string SentenceFrames::Modality(const Match& m, bool document, bool* negated) const {
  *negated = false;
  bool planned = false, committed = false;
  const size_t anchor =
      m.verb >= 0 && static_cast<size_t>(m.verb) < m.ts ? VerbGroupStart(m.verb) : m.ts;
  auto hit = std::lower_bound(cue_hits_.begin(), cue_hits_.end(), m.clause_b,
                              [](const CueHit& h, size_t at) { return h.at < at; });
  for (; hit != cue_hits_.end() && hit->at < m.te; ++hit) {
    if (hit->at + hit->len > m.te) continue;
    const size_t k = hit->at;
    const std::string& category = hit->cue->category;
    if (category == "planned") planned = true;
    if (category == "committed" && (!document || anchor <= k + 5)) committed = true;
    if (category == "negation" && anchor <= k + 8) *negated = true;
  }
  if (anchor > 0 && F(anchor - 1) == "to") committed = true;
  // "... through an MoU signed between A and B": a document stated as signed is in force,
  // whatever the clause it serves intends.
  for (size_t x = m.te; document && !*negated && x < n_ && x < m.te + 8; ++x) {
    const std::string& f = F(x);
    if ((f == "signed" || f == "inked") && (F(x + 1) == "between" || F(x + 1) == "by")) {
      return "actual";
    }
    if (!masked_[x] && f != "(" && f != ")" &&
        !(st_.info[x].tag & (kTagPrep | kTagAdj | kTagNoun))) {
      break;
    }
  }
  if (planned) return "planned";
  return committed ? "committed" : "actual";
}

void SentenceFrames::Reject(const Match& m, const std::string& why) const {
  if (doc_->trace == nullptr || doc_->trace->size() > 10000) return;
  std::string words = doc_->Surface(si_, m.ts, m.te);
  doc_->trace->push_back("sentence " + std::to_string(si_ + 1) + ": trigger " + m.rule->type +
                         " '" + words + "' (" + m.rule->where + ", frame " +
                         lex_.frames()[m.rule->frame].name + "): " + why);
}

// "A and B signed, between their bodies C and D, ...": the levels pair up, so a public body
// whose country is not stated takes the nation its partner's nation leaves.
void SentenceFrames::PairLevels(const Group& nations, const Group& bodies) {
  if (nations.ents.size() != 2 || bodies.ents.size() != 2) return;
  for (int e : nations.ents) {
    if (doc_->ents[e].kind != EntityKind::kNation) return;
  }
  // Resolved in pass 7, once every body's stated country is known.
  if (doc_->level_pairs.size() < kMaxPairsPerSentence) {
    doc_->level_pairs.push_back({nations.ents[0], nations.ents[1], bodies.ents[0], bodies.ents[1]});
  }
}

// ", A said", ", A said in a statement": the actor a sentence's statement is attributed to,
// after the clause that ends at `from`.
Group SentenceFrames::Attribution(size_t from) const {
  for (size_t k = from; k + 1 < n_ && k < from + kSlotWindow; ++k) {
    if (F(k) != "," || st_.mention_at[k + 1] < 0) continue;
    const Mention& m = st_.mentions[st_.mention_at[k + 1]];
    if (m.tb != k + 1 || m.te >= n_) continue;
    size_t v = m.te;
    while (v < n_ && (st_.info[v].tag & (kTagAux | kTagAdv))) ++v;
    if (v >= n_ || !(st_.info[v].word.classes & ClassBit(kSpeechVerb))) continue;
    Group g;
    bool vp = false;
    if (!Denote(st_.mention_at[k + 1], false, &g.ents, &vp)) continue;
    g.tb = m.tb;
    g.te = m.te;
    g.via_person = vp;
    return g;
  }
  return Group();
}

}  // namespace pactgraph::extract

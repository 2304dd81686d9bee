// Pass 6, trigger frames: match trigger patterns and fill their frames (see frames.h).
#include "engine/extract/frames.h"

#include <algorithm>

namespace pactgraph::extract {

namespace {

const char* SlotName(const SlotRef& s) {
  switch (s.slot) {
    case Slot::kSubj:
      return "subj";
    case Slot::kObj:
      return "obj";
    case Slot::kAgent:
      return "agent";
    case Slot::kPoss:
      return "poss";
    case Slot::kPremod:
      return "premod";
    case Slot::kBetween:
      return "between";
    case Slot::kPrep:
      return s.prep.c_str();
  }
  return "?";
}

}  // namespace

Group SentenceFrames::Fill(const SlotRef& slot, const Match& m, const Frame& fr,
                           bool target) const {
  const bool non_actors = target;
  switch (slot.slot) {
    case Slot::kSubj:
      if (!fr.noun) return Subject(VerbGroupStart(m.ts), m.clause_b, 0, non_actors);
      if (fr.document && NonParty(m)) return Group();
      if (fr.document && m.phrase_b >= 2 && F(m.phrase_b - 1) == "of" &&
          (st_.info[m.phrase_b - 2].word.classes & ClassBit(kSignNoun))) {
        // "A and B held talks following the signing of an MoU": the signing has no subject of
        // its own; the clause's verb before it gives the parties.
        for (size_t v = m.phrase_b - 2; v-- > m.clause_b;) {
          const std::string& f = F(v);
          // "following", "during", "after": a preposition in -ing form opens the phrase.
          const bool ing_prep =
              v + 3 >= m.phrase_b - 2 && f.size() > 4 && f.compare(f.size() - 3, 3, "ing") == 0;
          if ((st_.info[v].tag & kTagVerb) && !ing_prep) {
            return Subject(VerbGroupStart(v), m.clause_b, 0);
          }
        }
        return Group();
      }
      if (m.verb >= 0) return Subject(VerbGroupStart(m.verb), m.clause_b, 0);
      // "A announced X while in B for talks": a verbless subordinate clause takes the subject
      // of the clause it hangs on.
      if (m.clause_b > 0 && (st_.info[m.clause_b - 1].tag & kTagSubord)) {
        size_t outer = ClauseStart(m.clause_b - 1);
        for (size_t v = m.clause_b - 1; v-- > outer;) {
          if (st_.info[v].tag & kTagVerb) return Subject(VerbGroupStart(v), outer, 0);
        }
      }
      return Group();
    case Slot::kObj:
      return Object(m.te, m.clause_e, non_actors);
    case Slot::kAgent:
      if (F(m.te - 1) == "by") return ReadGroup(m.te, m.clause_e, true, non_actors);  // "owned by"
      return AfterWord("by", m.te, m.clause_e, non_actors);
    case Slot::kPoss:
      return fr.noun ? Possessor(m.phrase_b) : Group();
    case Slot::kPremod:
      return fr.noun ? Premodifiers(m.phrase_b, m.ts) : Group();
    case Slot::kBetween:
      return Between(m.clause_b, m.clause_e);
    case Slot::kPrep:
      if (F(m.te - 1) == slot.prep) return ReadGroup(m.te, m.clause_e, true, non_actors);
      return AfterWord(slot.prep, m.te, m.clause_e, non_actors);
  }
  return Group();
}

void SentenceFrames::Emit(const Match& m, const Group& src, const Group& dst,
                          const std::string& how, const std::string& modality, bool negated) {
  const std::string& type = m.rule->type;
  const Frame& fr = lex_.frames()[m.rule->frame];
  const auto& t = t_;
  for (int s : src.ents) {
    for (int d : dst.ents) {
      if (s == d || !doc_->Actor(s) || !TargetFits(fr, type, d)) continue;
      if (doc_->candidates >= kMaxPairsPerSentence) {
        if (doc_->candidates == kMaxPairsPerSentence && doc_->warnings) {
          doc_->warnings->push_back("sentence " + std::to_string(si_ + 1) + ": more than " +
                                    std::to_string(kMaxPairsPerSentence) +
                                    " relation candidates; the rest of the sentence is skipped");
        }
        ++doc_->candidates;
        return;
      }
      ++doc_->candidates;
      RelationRecord r;
      r.source = s;
      r.target = d;
      r.type = type;
      r.modality = modality;
      r.negated = negated;
      r.sentence = si_;
      r.trigger = doc_->Surface(si_, m.ts, m.te);
      r.rule = "trigger " + type + " '" + m.rule->text + "' (" + m.rule->where + "), frame " +
               fr.name + ": " + how;
      r.trigger_span = {t[m.ts].begin, t[m.te - 1].end};
      if (src.te > src.tb) r.source_span = {t[src.tb].begin, t[std::min(src.te, n_) - 1].end};
      if (dst.te > dst.tb) r.target_span = {t[dst.tb].begin, t[std::min(dst.te, n_) - 1].end};
      r.via_person = src.via_person || dst.via_person;
      out_->push_back(std::move(r));
      if (fr.document && !negated) document_pairs_.emplace_back(s, d);
    }
  }
}

// "between A and B": the pairs of the group, and of the bodies they act through.
void SentenceFrames::EmitBetween(const Match& m, const Group& b, const std::string& modality,
                                 bool negated) {
  Group a, c;
  a.ents = {b.ents[0]};
  c.ents.assign(b.ents.begin() + 1, b.ents.end());
  a.tb = c.tb = b.tb;
  a.te = c.te = b.te;
  a.via_person = c.via_person = b.via_person;
  Emit(m, a, c, "parties=between", modality, negated);
  if (b.through.size() >= 2 && b.through[0] >= 0 && b.through[1] >= 0) {
    Group x, y;
    x.ents = {b.through[0]};
    y.ents = {b.through[1]};
    Emit(m, x, y, "parties=between (through)", modality, negated);
  }
  if (!negated && b.ents.size() == 2) state_->NotePair(b.ents[0], b.ents[1]);
}

void SentenceFrames::Apply(const Match& m) {
  const Frame& fr = lex_.frames()[m.rule->frame];
  const std::string& type = m.rule->type;
  bool negated = false;
  const std::string modality = Modality(m, fr.document, &negated);
  Group src, dst;
  std::string src_how, dst_how;
  // "Y received a loan from X", "Y hosted a visit by X": the receiver is the target.
  const bool receive =
      fr.receive_swaps && m.verb >= 0 && (st_.info[m.verb].word.classes & ClassBit(kReceiveVerb));
  if (receive) {
    dst = Fill(SlotRef{Slot::kSubj, ""}, m, fr, true);
    dst_how = "subj (receiver)";
  }
  // "A signed an MoU with B to deepen cooperation": a partnership named as the purpose of a
  // document is one of the document's parties.
  if (!IsDirected(type) && !fr.document && m.after_document && m.verb >= 1 &&
      F(static_cast<size_t>(m.verb) - 1) == "to" && !document_pairs_.empty()) {
    const auto pairs = document_pairs_;
    for (const auto& [s, d] : pairs) {
      Group a, c;
      a.ents = {s};
      c.ents = {d};
      Emit(m, a, c, "parties of the document whose purpose it is", modality, negated);
    }
    return;
  }
  for (const SlotRef& s : fr.src) {
    if (receive && s.slot == Slot::kSubj) continue;
    if (s.slot == Slot::kBetween) {
      Group b = Fill(s, m, fr, false);
      if (b.ents.size() >= 2 && !IsDirected(type)) {
        EmitBetween(m, b, modality, negated);
        // "A and B signed an MoU between their ministries C and D": both levels sign.
        if (fr.document) {
          Group g = Fill(SlotRef{Slot::kSubj, ""}, m, fr, false);
          PairLevels(g, b);
          for (size_t i = 0; i + 1 < g.ents.size(); ++i) {
            Group a, c;
            a.ents = {g.ents[i]};
            c.ents.assign(g.ents.begin() + i + 1, g.ents.end());
            Emit(m, a, c, "parties=subj (group, beside between)", modality, negated);
          }
        }
        return;
      }
      continue;
    }
    src = Fill(s, m, fr, false);
    if (!src.empty()) {
      src_how = SlotName(s);
      break;
    }
  }
  for (const SlotRef& s : fr.dst) {
    if (receive) break;
    Group g = Fill(s, m, fr, true);
    g.ents.erase(std::remove_if(g.ents.begin(), g.ents.end(),
                                [&](int e) {
                                  return std::find(src.ents.begin(), src.ents.end(), e) !=
                                         src.ents.end();
                                }),
                 g.ents.end());
    if (!g.empty()) {
      dst = g;
      dst_how = SlotName(s);
      break;
    }
  }
  if (fr.document) {
    // "The agreements were signed with B": a definite document reads back to its party.
    const std::string& det = F(m.phrase_b);
    if (src.empty() && !dst.empty() && (det == "the" || det == "these" || det == "those")) {
      src.ents = state_->DocumentParty();
      src_how = "party of the document read before";
    }
    // "The deal was signed with B, A said": the speaker of an agentless signing is its party.
    if (src.empty() && !dst.empty()) {
      src = Attribution(m.te);
      if (!src.empty()) src_how = "speaker";
    }
    if (!src.empty() && src_how == "subj") state_->NoteDocumentParty(src.ents);
  }
  // "An MoU was signed by A and B": the agents are the parties; "X, a joint venture with A, B
  // and C": with no party of its own, the partners are the parties.
  if (!IsDirected(type) && src.empty() && dst.ents.size() >= 2 &&
      (dst_how == "agent" || (fr.noun && !fr.document && dst_how == "with"))) {
    std::swap(src, dst);
    src_how = dst_how;
  }
  if (!IsDirected(type) && dst.empty() && src.ents.size() >= 2) {
    // "A and B signed an MoU on cooperation in X": the document's subject matter, no separate
    // partnership of its signatories.
    if (m.after_document && src_how == "subj") {
      Reject(m, "subject matter of a document its parties signed");
      return;
    }
    // "A and B signed an MoU": every pair of the group; "the companies and Kenya" pairs each
    // company with Kenya, not the companies together.
    // ("the two will work together" is one conjunct that pairs its own members).
    src.conj.resize(src.ents.size(), -1);
    const bool one_conjunct =
        std::all_of(src.conj.begin(), src.conj.end(), [&](int c) { return c == src.conj[0]; });
    for (size_t i = 0; i + 1 < src.ents.size(); ++i) {
      Group a, c;
      a.ents = {src.ents[i]};
      for (size_t j = i + 1; j < src.ents.size(); ++j) {
        if (one_conjunct || src.conj[j] < 0 || src.conj[j] != src.conj[i]) {
          c.ents.push_back(src.ents[j]);
        }
      }
      if (c.ents.empty()) continue;
      a.tb = c.tb = src.tb;
      a.te = c.te = src.te;
      a.via_person = c.via_person = src.via_person;
      Emit(m, a, c, "parties=" + src_how + " (group)", modality, negated);
    }
    if (!negated && src.ents.size() == 2) state_->NotePair(src.ents[0], src.ents[1]);
    return;
  }
  // "A joined B in signing ...": keeping company, not membership.
  if (type == "member_of" && !fr.noun && dst_how == "obj" && F(dst.te) == "in" &&
      F(dst.te + 1).size() > 4 && F(dst.te + 1).compare(F(dst.te + 1).size() - 3, 3, "ing") == 0) {
    Reject(m, "joined someone in doing something");
    return;
  }
  if (src.empty() || dst.empty()) {
    Reject(m, src.empty() ? "no source (tried " + std::to_string(fr.src.size()) + " slots)"
                          : "no target (tried " + std::to_string(fr.dst.size()) + " slots)");
    return;
  }
  Emit(m, src, dst, "src=" + src_how + " dst=" + dst_how, modality, negated);
  if (!negated && src.ents.size() == 1 && dst.ents.size() == 1 &&
      (!IsDirected(type) || type == "visit")) {
    state_->NotePair(src.ents[0], dst.ents[0]);
  }
}

void SentenceFrames::ReadTriggers() {
  std::vector<int> cands;
  size_t k = 0;
  while (k < n_) {
    int mi = st_.mention_at[k];
    if (mi >= 0 && st_.mentions[mi].entity >= 0 && st_.mentions[mi].ref == RefKind::kNone) {
      k = st_.mentions[mi].te;  // no trigger inside a name ("... Cooperation Agency")
      continue;
    }
    if (!t_[k].Is(kWord)) {
      ++k;
      continue;
    }
    lex_.TriggersFor(F(k), &cands);
    const TriggerRule* best = nullptr;
    size_t best_len = 0;
    for (int idx : cands) {
      const TriggerRule& r = lex_.triggers()[idx];
      size_t len = MatchPattern(r.pattern, t_, k, n_);
      if (len <= best_len) continue;
      if (!PosTagFits(lex_.frames()[r.frame], k, k + len)) continue;
      best = &r;
      best_len = len;
    }
    if (best == nullptr) {
      ++k;
      continue;
    }
    Match m;
    m.rule = best;
    m.ts = k;
    m.te = k + best_len;
    m.clause_b = ClauseStart(k);
    m.clause_e = ClauseEnd(m.te);
    const Frame& fr = lex_.frames()[best->frame];
    m.phrase_b = fr.noun ? PhraseStart(k, m.clause_b) : k;
    m.verb = fr.noun ? GoverningVerb(m.phrase_b, m.clause_b) : static_cast<int>(k);
    m.after_document = last_document_ != static_cast<size_t>(-1) && last_document_ >= m.clause_b &&
                       last_document_ < k && !fr.document;
    if (fr.document) document_pairs_.clear();
    Apply(m);
    if (fr.document) last_document_ = k;
    if (doc_->candidates > kMaxPairsPerSentence) return;
    k = m.te;
  }
}

void ReadFrames(const Lexicon& lex, Document* doc, size_t si, CorefState* state,
                std::vector<RelationRecord>* out) {
  SentenceFrames frames(lex, doc, si, state, out);
  frames.ReadTriggers();
}

}  // namespace pactgraph::extract

// Pass 2: relations of one sentence (see document.h).
//
// Mentions become actor slots (persons stand for their affiliation; references such as "the
// two countries" are resolved against what came before). Each trigger match is then read in
// frames: the subject group (first coordinated actors of the clause, not inside a
// prepositional phrase), "with Y", "between X [through X'] and Y [through Y']", the passive
// "by X", and type-specific object slots ("in Y" for invest, "to Y" for visit/support).
// Structural frames need no trigger: "X-based Y", "Kenya's Authority", "Org of/in Nation",
// "Nation through Org" (based_in) and "X's Y initiative", "through/under its Y", "initiatives
// by X such as Y" (runs) — see relation_triggers.cpp.
#include <algorithm>

#include "engine/extract/document.h"
#include "engine/extract/relation_frames.h"

namespace pactgraph::extract {

bool IsDirected(const std::string& type) {
  return !(type == "mou" || type == "agreement" || type == "cooperation" || type == "meet");
}

void RelationFinder::Run(size_t si, std::vector<RelationRecord>* out) {
  SentenceFrames frames(lex_, doc_, si, &state_);
  frames.ResolveSlots();
  frames.Structural(out);
  frames.Triggers(out);
}

void SentenceFrames::Trigger(const TriggerRule& rule, size_t ts, size_t te, size_t clause_end,
                             size_t doc_end, std::vector<RelationRecord>* out) {
  const std::string& type = rule.type;
  const std::string trig = rule.text;
  size_t clause = ClauseStart(ts);
  bool nonparty = false;
  for (size_t k = clause; k < ts; ++k) {
    for (const CueRule& c : lex_.cues()) {
      if (c.category == "nonparty" && rule.document && MatchPattern(c.pattern, t_, k, ts) > 0) {
        nonparty = true;
      }
    }
  }
  std::vector<int> subj = nonparty ? std::vector<int>{} : SubjectGroup(clause, ts);
  // "X, who was invited to Japan by MIC, ...": the antecedent of "who".
  if (clause > 0 && clause >= 1 && F(clause - 1) == "who") subj.clear();
  if (ts > 0 && masked_[ts]) {
    size_t w = ts;
    while (w > 0 && masked_[w]) --w;
    for (size_t j = slots_.size(); j-- > 0;) {
      if (slots_[j].te <= w + 1 && slots_[j].actor && slots_[j].via_person) {
        subj = {static_cast<int>(j)};
        break;
      }
    }
  }
  bool negated = false;
  std::string modality = Modality(clause, ts, te, rule.document, &negated);
  size_t right = clause_end;

  if (!IsDirected(type)) {
    // "an MoU on cooperation in ...": the document's subject matter, not a new relation.
    // "an MoU to strengthen cooperation in ...": the document's subject matter, not a new
    // relation — unless new parties are named in between ("commits Kenya and the UAE to ...").
    size_t doc_clause = ClauseStart(last_doc_start_);
    bool doc_is_subject = doc_end > 0 && last_doc_start_ <= doc_clause + 1;  // "The MoU intends"
    if (type == "cooperation" && doc_end > 0 && !doc_is_subject) {
      bool parties = false;
      for (const Slot& s : slots_) {
        if (s.tb + 1 >= doc_end && s.tb < ts && s.actor && !s.modifier) parties = true;
      }
      if (!parties) return;
    }
    // "The agreement will see them ...": a definite document refers back to one already read.
    bool definite = rule.document && ts > 0 &&
                    (F(ts - 1) == "the" || F(ts - 1) == "this" || F(ts - 1) == "that");
    bool produced = false;
    // between X [through X'] and Y [through Y']
    for (size_t b = te; b < std::min(right, te + 7); ++b) {
      if (F(b) != "between") continue;
      std::vector<int> main, through(2, -1);
      for (size_t j = 0; j < slots_.size(); ++j) {
        const Slot& s = slots_[j];
        if (s.tb <= b || s.tb >= right || !s.actor || s.modifier) continue;
        int p = PrevNonDet(s.tb);
        if (p >= 0 && F(p) == "through") {
          if (!main.empty() && main.size() <= 2) through[main.size() - 1] = static_cast<int>(j);
          continue;
        }
        if (!main.empty() && !(p >= 0 && (F(p) == "and" || F(p) == "&" || F(p) == ","))) break;
        main.push_back(static_cast<int>(j));
        if (main.size() == 1 && s.ents.size() >= 2) break;  // "between the two countries"
        if (main.size() > 2) {
          main.pop_back();
          break;
        }
      }
      if (main.size() == 1 && slots_[main[0]].ents.size() == 2) {
        const auto& e = slots_[main[0]].ents;
        Emit(type, {e[0]}, {e[1]}, false, modality, negated, trig, out);
        produced = true;
      } else if (main.size() == 2) {
        Emit(type, slots_[main[0]].ents, slots_[main[1]].ents, ViaPerson(main), modality, negated,
             trig, out);
        if (through[0] >= 0 && through[1] >= 0) {
          Emit(type, slots_[through[0]].ents, slots_[through[1]].ents, false, modality, negated,
               trig, out);
        }
        produced = true;
      }
      break;
    }
    std::vector<std::vector<int>> conj;
    for (int j : subj) conj.push_back(slots_[j].ents);
    if (conj.size() >= 2) {
      EmitPairs(type, conj, ViaPerson(subj), modality, negated, trig, out);
      produced = true;
    } else if (conj.size() == 1 && conj[0].size() == 2 && !definite) {
      Emit(type, {conj[0][0]}, {conj[0][1]}, false, modality, negated, trig, out);
      produced = true;
    }
    size_t with_at = te > 0 && (F(te - 1) == "with" || F(te - 1) == "of") ? te - 1 : te;
    std::vector<int> with = GroupAfterWord(with_at < te ? F(with_at) : "with", with_at, right, 4);
    if (conj.size() == 1 && conj[0].size() == 1 && !with.empty()) {
      Emit(type, conj[0], Ents(with), ViaPerson(subj) || ViaPerson(with), modality, negated, trig,
           out);
      produced = true;
    }
    // "Minister X met his counterpart Y": a verb trigger's object.
    if (!produced && !rule.noun && conj.size() == 1 && conj[0].size() == 1 && with.empty()) {
      int a = FirstActorAfter(te, std::min(right, te + 4), false);
      if (a >= 0 &&
          !(slots_[a].tb > 0 && (F(slots_[a].tb - 1) == "in" || F(slots_[a].tb - 1) == "at"))) {
        Emit(type, conj[0], slots_[a].ents, ViaPerson(subj) || slots_[a].via_person, modality,
             negated, trig, out);
        produced = true;
      }
    }
    std::vector<int> by = GroupAfterWord("by", te, right, 3);
    if (!produced && subj.empty() && by.size() >= 2) {
      std::vector<std::vector<int>> bc;
      for (int j : by) bc.push_back(slots_[j].ents);
      EmitPairs(type, bc, ViaPerson(by), modality, negated, trig, out);
      produced = true;
    }
    if (!produced && subj.empty() && !definite) {
      for (const Slot& s : slots_) {
        if (s.tb >= te && s.tb < right && s.coref && s.ents.size() == 2) {
          Emit(type, {s.ents[0]}, {s.ents[1]}, false, modality, negated, trig, out);
          break;
        }
      }
    }
    return;
  }

  // Directed types: source, then target.
  std::vector<int> src;
  bool via = false;
  size_t by_from = te > 0 && F(te - 1) == "by" ? te - 1 : te;
  std::vector<int> by = GroupAfterWord("by", by_from, right, rule.passive ? 0 : 2);
  if (type == "visit") {
    std::vector<int> from = GroupAfterWord("from", te, right, 1);
    if (from.empty()) from = GroupAfterWord("of", te, right, 1);
    if (!from.empty()) by = from;
  }
  if (!by.empty() &&
      (rule.passive || type != "visit" || F(te) == "by" || F(te) == "from" || F(te) == "of")) {
    src = Ents(by);
    via = ViaPerson(by);
  } else {
    src = Ents(subj);
    via = ViaPerson(subj);
  }
  std::vector<int> dst;
  if (type == "launch" || type == "runs") {
    int p = FirstProgramAfter(te, std::min(right, te + 10));
    // "An Open API platform was launched by Bank of Kigali": the programme is the subject.
    if (rule.passive) p = FirstProgramAfter(clause, ts);
    if (p >= 0) dst = slots_[p].ents;
  } else if (type == "invest" || type == "visit") {
    bool received = false;
    for (size_t k = clause; k < ts; ++k) received |= lex_.Has("host_verb", F(k));
    if (type == "visit" && received && !by.empty()) {
      dst = Ents(subj);
    } else {
      for (size_t k = te; k < std::min(right, te + 14); ++k) {
        if (F(k) != "in" && F(k) != "to" && F(k) != "into") continue;
        if (type == "invest" && F(k) == "to") continue;
        int a = FirstActorAfter(k + 1, std::min(right, k + 4), type == "visit");
        if (a >= 0) {
          dst = slots_[a].ents;
          break;
        }
      }
      if (dst.empty() && !rule.noun) {
        int a = FirstActorAfter(te, std::min(right, te + 3), false);
        if (a >= 0) dst = slots_[a].ents;
      }
    }
  } else if (type == "fund") {
    // "with financing from China", "a loan to Kenya", "funded by X ... for Y".
    std::vector<int> from = GroupAfterWord("from", te, right, 1);
    if (!from.empty()) {
      src = Ents(from);
      via = ViaPerson(from);
    }
    for (size_t k = clause; k < right && dst.empty(); ++k) {
      if (F(k) != "to" && F(k) != "for") continue;
      int a = FirstActorAfter(k + 1, std::min(right, k + 4), false);
      if (a >= 0 && std::find(src.begin(), src.end(), slots_[a].ents[0]) == src.end()) {
        dst = slots_[a].ents;
      }
    }
    if (dst.empty() && !rule.passive) {
      int a = FirstActorAfter(te, std::min(right, te + 3), false);
      if (a >= 0) dst = slots_[a].ents;
    }
  } else if (type == "support" || type == "member_of") {
    int a = FirstActorAfter(te, std::min(right, te + 4), false);
    if (a >= 0 && !(slots_[a].tb > 0 && F(slots_[a].tb - 1) == "in")) dst = slots_[a].ents;
    if (dst.empty() && type == "support") {
      // "X signed an MoU with Y to train ...": Y supports X.
      std::vector<int> with = GroupAfterWord("with", clause, ts, ts - clause);
      if (!with.empty() && src.size() == 1 && ts > 0 && F(ts - 1) == "to") {
        dst = src;
        src = Ents(with);
      }
    }
  }
  if (src.empty() || dst.empty()) return;
  Emit(type, src, dst, via, modality, negated, trig, out);
}

}  // namespace pactgraph::extract

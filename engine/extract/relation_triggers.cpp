// Trigger-driven and structural frames of one sentence (see relation_frames.h).
#include <algorithm>

#include "engine/extract/relation_frames.h"

namespace pactgraph::extract {

namespace {
bool Actorish(const DocEntity& e) {
  return e.kind == EntityKind::kNation || e.kind == EntityKind::kOrganization;
}
}  // namespace

void SentenceFrames::Emit(const std::string& type, const std::vector<int>& src,
                          const std::vector<int>& dst, bool via, const std::string& modality,
                          bool negated, const std::string& trig, std::vector<RelationRecord>* out) {
  for (int s : src) {
    for (int t : dst) {
      if (s == t || !Actorish(doc_->ents[s])) continue;
      RelationRecord r;
      r.source = s;
      r.target = t;
      r.type = type;
      r.modality = modality;
      r.negated = negated;
      r.sentence = si_;
      r.trigger = trig;
      r.via_person = via;
      out->push_back(r);
      if ((!IsDirected(type) || type == "visit") && !negated) state_->last_pair = {s, t};
    }
  }
}

void SentenceFrames::EmitPairs(const std::string& type,
                               const std::vector<std::vector<int>>& conjuncts, bool via,
                               const std::string& modality, bool negated, const std::string& trig,
                               std::vector<RelationRecord>* out) {
  for (size_t i = 0; i < conjuncts.size(); ++i) {
    for (size_t j = i + 1; j < conjuncts.size(); ++j) {
      Emit(type, conjuncts[i], conjuncts[j], via, modality, negated, trig, out);
    }
  }
}

void SentenceFrames::Structural(std::vector<RelationRecord>* out) {
  auto based = [&](int org, int where) {
    DocEntity& o = doc_->ents[org];
    const DocEntity& w = doc_->ents[where];
    if (o.kind != EntityKind::kOrganization) return;
    if (w.kind == EntityKind::kNation && !o.nation_explicit) {
      o.nation = w.name;
      o.nation_explicit = true;
    }
    Emit("based_in", {org}, {where}, false, "actual", false, "", out);
  };
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.ents.size() != 1) continue;
    int e = s.ents[0];
    const DocEntity& d = doc_->ents[e];
    bool where = d.kind == EntityKind::kNation || d.kind == EntityKind::kPlace;
    const Slot* next = i + 1 < slots_.size() ? &slots_[i + 1] : nullptr;
    // "U.S.-based AI company Anthropic"
    if (where && s.te + 1 < n_ && F(s.te) == "-" && F(s.te + 1) == "based") {
      bool done = false;
      for (size_t j = i + 1; j < slots_.size() && slots_[j].tb <= s.te + 7; ++j) {
        if (slots_[j].actor && slots_[j].ents.size() == 1 && !slots_[j].via_person) {
          based(slots_[j].ents[0], e);
          done = true;
          break;
        }
      }
      // "Andela, a Lagos-based startup": the organisation before the apposition.
      if (!done && i > 0 && slots_[i - 1].actor && slots_[i - 1].ents.size() == 1 &&
          !slots_[i - 1].via_person && slots_[i - 1].te + 2 >= s.tb && F(slots_[i - 1].te) == ",") {
        based(slots_[i - 1].ents[0], e);
      }
      continue;
    }
    // "American technology company NVIDIA", "Kenya's Communication Technology Authority"
    if (d.kind == EntityKind::kNation && s.modifier && !s.coref && next && next->actor &&
        !next->via_person && next->ents.size() == 1) {
      bool direct = doc_->mentions[si_][i].demonym || s.possessive;
      if (direct) based(next->ents[0], e);
    }
    // "Safaricom, the Kenyan telecom operator": a demonym in an apposition.
    if (d.kind == EntityKind::kNation && doc_->mentions[si_][i].demonym && i > 0 && s.tb >= 2 &&
        (F(s.tb - 1) == "the" || F(s.tb - 1) == "a" || F(s.tb - 1) == "an") && F(s.tb - 2) == "," &&
        slots_[i - 1].te + 2 == s.tb && slots_[i - 1].actor && slots_[i - 1].ents.size() == 1 &&
        !slots_[i - 1].via_person &&
        doc_->ents[slots_[i - 1].ents[0]].kind == EntityKind::kOrganization) {
      based(slots_[i - 1].ents[0], e);
    }
    // "Department of ... in the Philippines", "Ministry of ... of Kenya"
    if (d.kind == EntityKind::kOrganization && !s.via_person && next && next->ents.size() == 1 &&
        doc_->ents[next->ents[0]].kind == EntityKind::kNation) {
      size_t x = s.te;
      bool of = F(x) == "of" || (F(x) == "in" && d.gov_body);
      if (of && (next->tb == x + 1 || (next->tb == x + 2 && F(x + 1) == "the"))) {
        based(e, next->ents[0]);
      }
    }
    // "The Smart Africa Secretariat is based in Kigali, Rwanda"
    if (d.kind == EntityKind::kOrganization && !s.via_person && next && next->ents.size() == 1 &&
        !doc_->ents[next->ents[0]].name.empty()) {
      size_t x = s.te;
      if (F(x) == "is" || F(x) == "are" || F(x) == "was" || F(x) == ",") ++x;
      if ((F(x) == "based" || F(x) == "headquartered") && F(x + 1) == "in" && next->tb == x + 2) {
        based(e, next->ents[0]);
        size_t after = next->te;
        if (after + 1 < n_ && F(after) == "," && i + 2 < slots_.size() &&
            slots_[i + 2].tb == after + 1 && slots_[i + 2].ents.size() == 1 &&
            doc_->ents[slots_[i + 2].ents[0]].kind == EntityKind::kNation) {
          based(e, slots_[i + 2].ents[0]);  // "in Kigali, Rwanda"
        }
      }
    }
    // "India through the Ministry of Electronics and Information Technology"
    if (d.kind == EntityKind::kNation && next && next->ents.size() == 1 && F(s.te) == "through" &&
        (next->tb == s.te + 1 || (next->tb == s.te + 2 && F(s.te + 1) == "the"))) {
      based(next->ents[0], e);
    }
    // runs: "Huawei's DigiTruck initiative", "the government's Agenda", "under its Vision 2050"
    bool owner = s.actor && (s.possessive || (s.coref && F(s.tb) == "its"));
    if (owner) {
      for (size_t j = i + 1; j < slots_.size() && slots_[j].tb <= s.te + 5; ++j) {
        if (slots_[j].program) {
          bool plain = true;
          for (size_t x = s.te; x < slots_[j].tb; ++x) {
            if (F(x) == "," || F(x) == "and" || F(x) == "with" || F(x) == "to") plain = false;
          }
          if (plain) Emit("runs", {e}, slots_[j].ents, false, "actual", false, "'s", out);
          break;
        }
        if (slots_[j].actor && !slots_[j].modifier) break;
      }
    }
  }
  // "initiatives taken by the Government of India such as Digital India, ..."
  for (size_t k = 0; k + 2 < n_; ++k) {
    if (!t_[k].Is(kLower) || !lex_.Has("program_head", F(k))) continue;
    size_t b = k + 1;
    if (F(b) != "by" && lex_.Has("runs_verb", F(b))) ++b;
    if (F(b) != "by" && F(b) != "of") continue;
    int a = FirstActorAfter(b + 1, std::min(n_, b + 8), false);
    if (a < 0) continue;
    std::vector<int> progs;
    for (size_t j = 0; j < slots_.size(); ++j) {
      const Slot& s = slots_[j];
      if (!s.program) continue;
      bool after_list = s.tb > slots_[a].te && s.tb < slots_[a].te + 25;
      bool before = s.te + 4 >= k && s.te <= k;  // "DigiTruck, an initiative by Huawei"
      if (after_list || before) progs.push_back(s.ents[0]);
    }
    Emit("runs", slots_[a].ents, progs, false, "actual", false, F(k), out);
  }
}

void SentenceFrames::Triggers(std::vector<RelationRecord>* out) {
  size_t doc_end = 0;  // end of the latest document trigger + 1 (0: none yet)
  std::vector<int> cands;
  size_t k = 0;
  while (k < n_) {
    if (!t_[k].Is(kWord) && !t_[k].Is(kPunct)) {
      ++k;
      continue;
    }
    lex_.TriggersFor(F(k), &cands);
    int best = -1;
    size_t best_len = 0;
    for (int idx : cands) {
      size_t len = MatchPattern(lex_.triggers()[idx].pattern, t_, k, n_);
      if (len > best_len) {
        best_len = len;
        best = idx;
      }
    }
    if (best < 0) {
      ++k;
      continue;
    }
    size_t clause_end = k + best_len;
    while (clause_end < n_ && F(clause_end) != ";") ++clause_end;
    const TriggerRule& rule = lex_.triggers()[best];
    Trigger(rule, k, k + best_len, clause_end, doc_end, out);
    if (rule.document) {
      doc_end = k + best_len + 1;
      last_doc_start_ = k;
    }
    k += best_len;
  }
}

}  // namespace pactgraph::extract

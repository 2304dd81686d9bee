// Pass 6, structural rules: relations stated by the shape of a phrase rather than by a trigger
// ("A-based B", "Kenya's Authority", "A's B programme", "B, part of A"). Each rule is a
// `pattern` record (patterns.tsv) matched over the sentence, where a mention counts as one
// element: NATION, PLACE, WHERE, ORG, PROG, ACTOR, DEMONYM, PERSON, OWNER (a possessive actor:
// "A's", "its"), word classes "@class", any modifier word "@mod", literal words; "?" optional,
// "*" (classes only) zero to six. Matching starts only at mentions or literal words, and each
// element consumes at least one token or is optional, so a sentence costs
// O(tokens x rules x pattern length).
#include <algorithm>

#include "engine/extract/document.h"

namespace pactgraph::extract {

namespace {

class StructuralMatcher {
 public:
  StructuralMatcher(const Lexicon& lex, Document* doc, size_t si, std::vector<RelationRecord>* out)
      : lex_(lex),
        doc_(doc),
        si_(si),
        t_(doc->sentences[si].tokens),
        st_(doc->state[si]),
        n_(t_.size()),
        out_(out) {}

  void Run() {
    for (size_t k = 0; k < n_; ++k) {
      int mi = st_.mention_at[k];
      const bool mention_start = mi >= 0 && st_.mentions[mi].tb == k;
      const uint16_t cls = mention_start ? ClassOf(st_.mentions[mi]) : 0;
      for (const StructuralRule& r : lex_.structural()) {
        const PatternElement& first = r.elements[0];
        if (first.kind == PatternElement::kMention) {
          if ((cls & first.mention) == 0) continue;
        } else if (!SlotMatches(first.words, t_[k].fold)) {
          continue;
        }
        captures_.clear();
        if (Match(r, 0, k)) Emit(r);
        if (doc_->candidates > kMaxPairsPerSentence) return;
      }
    }
  }

 private:
  uint16_t ClassOf(const Mention& m) const {
    int e = m.entity;
    uint16_t bits = 0;
    if (m.ref != RefKind::kNone) {
      if (m.refs.size() != 1) return 0;
      e = m.refs[0];
      if (m.ref == RefKind::kIts) bits |= kMentionOwner;
    }
    if (e < 0) return 0;
    switch (doc_->ents[e].kind) {
      case EntityKind::kNation:
        bits |= kMentionNation;
        break;
      case EntityKind::kPlace:
        bits |= kMentionPlace;
        break;
      case EntityKind::kOrganization:
        bits |= kMentionOrg;
        break;
      case EntityKind::kProgram:
        bits |= kMentionProgram;
        break;
      case EntityKind::kPerson:
        bits |= kMentionPerson;
        break;
    }
    if (m.demonym) bits |= kMentionDemonym;
    if (m.modifier && (bits & kMentionNation)) bits |= kMentionNationMod;
    if (m.possessive) bits |= kMentionOwner;
    return bits;
  }

  bool ModWord(size_t x) const {
    if (x >= n_) return false;
    const uint16_t tag = st_.info[x].tag;
    const std::string& f = t_[x].fold;
    if (t_[x].Is(kLower) && (tag & (kTagNoun | kTagAdj | kTagNum | kTagAdv))) return true;
    if (tag & kTagNum) return true;
    // A capitalised word that names nothing ("AI company"): a modifier too.
    if (t_[x].Is(kWord) && st_.mention_at[x] < 0 &&
        !(tag &
          (kTagVerb | kTagPrep | kTagConj | kTagDet | kTagAux | kTagPron | kTagRel | kTagSubord))) {
      return true;
    }
    if (f == "-" || f == "(" || f == ")" || f == "%" || f == "$") return true;
    // "technology, media and telecom company": a list of modifiers.
    if ((f == "," || f == "and") && x + 1 < n_ && t_[x + 1].Is(kLower) &&
        (st_.info[x + 1].tag & (kTagNoun | kTagAdj))) {
      return true;
    }
    int mi = st_.mention_at[x];
    return mi >= 0 && st_.mentions[mi].modifier;  // "(TMT)", "US"
  }

  bool Match(const StructuralRule& r, size_t ei, size_t pos) {
    if (ei == r.elements.size()) return true;
    const PatternElement& el = r.elements[ei];
    if (el.optional && Match(r, ei + 1, pos)) return true;
    if (pos >= n_) return false;
    switch (el.kind) {
      case PatternElement::kMention: {
        int mi = st_.mention_at[pos];
        if (mi < 0 || st_.mentions[mi].tb != pos) return false;
        if ((ClassOf(st_.mentions[mi]) & el.mention) == 0) return false;
        captures_.push_back(mi);
        size_t end = st_.mentions[mi].te;
        if (Match(r, ei + 1, end)) return true;
        // "Acme (ACR)": a parenthesis right after a mention belongs to it.
        if (end < n_ && t_[end].fold == "(" && r.elements.size() > ei + 1 &&
            !(r.elements[ei + 1].kind == PatternElement::kWords &&
              SlotMatches(r.elements[ei + 1].words, "("))) {
          size_t close = end + 1;
          while (close < n_ && close < end + 14 && t_[close].fold != ")") ++close;
          if (close < n_ && t_[close].fold == ")" && Match(r, ei + 1, close + 1)) return true;
        }
        captures_.pop_back();
        return false;
      }
      case PatternElement::kWords:
        return SlotMatches(el.words, t_[pos].fold) && Match(r, ei + 1, pos + 1);
      case PatternElement::kClass:
      case PatternElement::kAnyLower: {
        size_t max = el.repeat ? 10 : 1, x = pos;
        std::vector<size_t> ends;
        while (x < n_ && ends.size() < max && Accepts(el, x)) ends.push_back(++x);
        if (el.repeat && Match(r, ei + 1, pos)) return true;
        for (size_t i = ends.size(); i-- > 0;) {
          if (Match(r, ei + 1, ends[i])) return true;
        }
        return false;
      }
    }
    return false;
  }

  bool Accepts(const PatternElement& el, size_t x) const {
    if (el.kind == PatternElement::kAnyLower) {
      if (el.word_class == kAdverb) return ModWord(x);  // "@mod"
      return t_[x].Is(kLower);
    }
    return (st_.info[x].word.classes & ClassBit(el.word_class)) != 0;
  }

  std::vector<int> Ents(int capture) const {
    const Mention& m = st_.mentions[captures_[capture - 1]];
    if (m.ref != RefKind::kNone) return m.refs;
    if (m.entity < 0) return {};
    const DocEntity& d = doc_->ents[m.entity];
    if (d.kind == EntityKind::kPerson)
      return d.affiliation >= 0 ? std::vector<int>{d.affiliation} : std::vector<int>{};
    return {m.entity};
  }

  // The mentions listed after the last mention element: "such as A, B and C".
  std::vector<int> ListAfter(int capture) const {
    std::vector<int> out = Ents(capture);
    if (capture != static_cast<int>(captures_.size())) return out;
    const Mention& last = st_.mentions[captures_[capture - 1]];
    const uint16_t cls = ClassOf(last) & ~(kMentionOwner | kMentionNationMod);
    size_t x = last.te;
    while (x + 1 < n_ && out.size() < kMaxGroup) {
      const std::string& f = t_[x].fold;
      if (f != "," && f != "and" && f != "or") break;
      size_t y = x + 1;
      if (t_[y].fold == "and" || t_[y].fold == "or") ++y;
      int mi = y < n_ ? st_.mention_at[y] : -1;
      if (mi < 0 || st_.mentions[mi].tb != y || (ClassOf(st_.mentions[mi]) & cls) == 0) break;
      const Mention& m = st_.mentions[mi];
      if (m.entity >= 0) out.push_back(m.entity);
      x = m.te;
    }
    return out;
  }

  void Emit(const StructuralRule& r) {
    if (static_cast<int>(captures_.size()) < std::max(r.src, r.dst)) return;
    for (int s : ListAfter(r.src)) {
      for (int d : ListAfter(r.dst)) {
        if (s == d || !Fits(r.type, s, d)) continue;
        if (++doc_->candidates > kMaxPairsPerSentence) return;
        RelationRecord rec;
        rec.source = s;
        rec.target = d;
        rec.type = r.type;
        rec.sentence = si_;
        rec.rule = "pattern " + r.name + " (" + r.where + ")";
        const Mention& ms = st_.mentions[captures_[r.src - 1]];
        const Mention& md = st_.mentions[captures_[r.dst - 1]];
        rec.source_span = {t_[ms.tb].begin, t_[ms.te - 1].end};
        rec.target_span = {t_[md.tb].begin, t_[md.te - 1].end};
        rec.trigger = doc_->Surface(std::min(rec.source_span.begin, rec.target_span.begin),
                                    std::max(rec.source_span.end, rec.target_span.end));
        if (r.type == "based_in" && doc_->ents[d].kind == EntityKind::kNation &&
            !doc_->ents[s].nation_explicit) {
          doc_->ents[s].nation = doc_->ents[d].name;
          doc_->ents[s].nation_explicit = true;
        }
        out_->push_back(std::move(rec));
      }
    }
  }

  bool Fits(const std::string& type, int s, int d) const {
    EntityKind sk = doc_->ents[s].kind, dk = doc_->ents[d].kind;
    if (type == "based_in") {
      return sk == EntityKind::kOrganization &&
             (dk == EntityKind::kNation || dk == EntityKind::kPlace);
    }
    if (type == "runs") return doc_->Actor(s) && dk == EntityKind::kProgram;
    if (type == "member_of") return doc_->Actor(s) && dk == EntityKind::kOrganization;
    return doc_->Actor(s) && (doc_->Actor(d) || dk == EntityKind::kProgram);
  }

  const Lexicon& lex_;
  Document* doc_;
  size_t si_;
  const std::vector<Token>& t_;
  const SentenceState& st_;
  size_t n_;
  std::vector<RelationRecord>* out_;
  std::vector<int> captures_;
};

}  // namespace

void ReadStructural(const Lexicon& lex, Document* doc, size_t si,
                    std::vector<RelationRecord>* out) {
  StructuralMatcher m(lex, doc, si, out);
  m.Run();
}

}  // namespace pactgraph::extract

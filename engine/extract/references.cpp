// Pass 4, reference phrases: phrases that name no actor themselves but point at one the text
// named before (resolved in pass 5, coref.cpp). Typed here by their head noun's class:
//   the two / both / all three + plural noun  -> the last two (three) actors of that kind
//   the + coreference noun ("the company", "the Ministry", "the lender") -> the last such actor
//   its / their, it, they / them              -> the clause's actor, the last subject, a pair
//   we / our / us (in a quotation)            -> the body of the quoted speaker
#include "engine/extract/mentions.h"

namespace pactgraph::extract {

namespace {

// The base form of a plural head: "companies" -> "company", "agencies" -> "agency".
std::string Singular(const std::string& f) {
  if (f.size() > 4 && f.compare(f.size() - 3, 3, "ies") == 0)
    return f.substr(0, f.size() - 3) + "y";
  if (f.size() > 3 && f.back() == 's' && f[f.size() - 2] != 's') return f.substr(0, f.size() - 1);
  return f;
}

}  // namespace

size_t MentionFinder::AddReference(size_t b, size_t e, RefKind ref, EntityKind kind, bool any,
                                   const std::string& head) {
  Mention m;
  m.tb = b;
  m.te = e;
  m.ref = ref;
  m.ref_kind = kind;
  m.ref_any_kind = any;
  m.ref_head = head;
  m.possessive = e < n_ && t_[e].Is(kPoss);
  out_.push_back(std::move(m));
  return e;
}

size_t MentionFinder::Reference(size_t k) {
  const std::string& f = F(k);
  if (!t_[k].Is(kWord) || t_[k].Is(kUpper)) return k;  // "US" is not "us"
  // Pronouns.
  if (f == "its" || f == "their")
    return AddReference(k, k + 1, RefKind::kIts, EntityKind::kOrganization, true, "");
  if (f == "we" || f == "our" || f == "us") {
    return AddReference(k, k + 1, RefKind::kWe, EntityKind::kOrganization, true, "");
  }
  if (f == "they" || f == "them") {
    return AddReference(k, k + 1, RefKind::kPair, EntityKind::kOrganization, true, "");
  }
  if (f == "it" && k + 1 < n_ && (info_[k + 1].tag & (kTagVerb | kTagAux | kTagAdv))) {
    return AddReference(k, k + 1, RefKind::kIt, EntityKind::kOrganization, true, "");
  }
  // "the two countries", "both agencies", "all three companies", "the two".
  size_t j = k;
  RefKind group = RefKind::kNone;
  if (f == "the" && (F(k + 1) == "two" || F(k + 1) == "three")) {
    group = F(k + 1) == "two" ? RefKind::kPair : RefKind::kTriple;
    j = k + 2;
  } else if (f == "both" || (f == "all" && F(k + 1) == "three")) {
    group = f == "both" ? RefKind::kPair : RefKind::kTriple;
    j = f == "both" ? k + 1 : k + 2;
    if (f == "both" && j < n_ && CapLike(t_[j])) return k;  // "both Acme and Globex"
  }
  if (group != RefKind::kNone) {
    while (j < n_ && Lower(j) && (info_[j].tag & kTagAdj) && j < k + 5) ++j;
    if (j < n_ && Lower(j) && (info_[j].tag & kTagNoun)) {
      const uint64_t c = info_[j].word.classes;
      if (c & ClassBit(kNationNoun))
        return AddReference(k, j + 1, group, EntityKind::kNation, false, "");
      if (c & (ClassBit(kCorefNoun) | ClassBit(kGroupNoun) | ClassBit(kOrgHead) |
               ClassBit(kFirmNoun))) {
        bool any = (c & ClassBit(kGroupNoun)) != 0;
        return AddReference(k, j + 1, group, EntityKind::kOrganization, any, Singular(F(j)));
      }
      return k;  // "the two days"
    }
    if (f != "all" && (j >= n_ || !t_[j].Is(kWord) || (info_[j].tag & (kTagVerb | kTagAux)))) {
      return AddReference(k, j, group, EntityKind::kOrganization, true, "");
    }
    return k;
  }
  // "the company", "the Ministry", "the government", "this institution", "Acme's new plant".
  const bool after_poss = k > 0 && t_[k - 1].Is(kPoss) && Lower(k);
  if (f == "the" || f == "this" || f == "that" || after_poss) {
    size_t h = after_poss ? k : k + 1;
    while (h < n_ && h < k + 3 && Lower(h) && (info_[h].tag & kTagAdj)) ++h;
    if (h >= n_ || !t_[h].Is(kWord)) return k;
    const uint64_t c = info_[h].word.classes;
    if (!(c & (ClassBit(kCorefNoun) | ClassBit(kNationNoun)))) return k;
    // "the companies", "the two sides' ministries": a plural refers to the last pair of that
    // kind, like "the two companies".
    const bool plural = info_[h].word.plural && F(h) != "authorities";
    if (plural && (f != "the" || after_poss)) return k;
    if (after_poss && h + 1 < n_ &&
        (CapLike(t_[h + 1]) || (info_[h + 1].tag & (kTagNoun | kTagAdj)))) {
      return k;  // "Kenya's state miner Acme": the phrase goes on to its head
    }
    // Not a reference when a name follows: "the Ministry of Energy", "the programme 'Acme'".
    size_t of = h + 2;
    if (of < n_ && F(of) == "the") ++of;
    if (h + 1 < n_ && (CapLike(t_[h + 1]) ||
                       ((F(h + 1) == "of" || F(h + 1) == "for") && of < n_ && CapLike(t_[of])))) {
      return k;
    }
    if (h + 2 < n_ && (F(h + 1) == "'" || F(h + 1) == "\"") && CapLike(t_[h + 2])) return k;
    if (plural) {
      const EntityKind kind =
          (c & ClassBit(kNationNoun)) ? EntityKind::kNation : EntityKind::kOrganization;
      return AddReference(k, h + 1, RefKind::kPair, kind, false, Singular(F(h)));
    }
    if (c & ClassBit(kNationNoun))
      return AddReference(k, h + 1, RefKind::kDefinite, EntityKind::kNation, false, F(h));
    if (c & ClassBit(kProgramHead))
      return AddReference(k, h + 1, RefKind::kDefinite, EntityKind::kProgram, false, F(h));
    return AddReference(k, h + 1, RefKind::kDefinite, EntityKind::kOrganization, false, F(h));
  }
  return k;
}

}  // namespace pactgraph::extract

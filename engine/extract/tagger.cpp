// Pass 2: tag every token from the lexicon (see document.h).
//
// Closed-class words (determiners, prepositions, auxiliaries, ...) come from lexicon.tsv; open
// classes from WordNet's parts of speech. A word WordNet lists as both noun and verb ("fund",
// "partners", "signs") is read from its left neighbour: after a determiner, possessive,
// adjective or number it is a noun; after "to", a modal, an auxiliary or a subject pronoun it is
// a verb; after a name it is a verb when something follows that a verb takes. Capitalised
// words are names unless they open the sentence and are common words. No model weights; one
// hash probe per token.
#include <unordered_map>

#include "engine/extract/document.h"
#include "engine/extract/wordnet.h"

namespace pactgraph::extract {

namespace {

uint16_t ClosedTag(uint64_t c) {
  if (c & ClassBit(kDet)) return kTagDet;
  if (c & ClassBit(kPossPron)) return kTagDet;
  if (c & ClassBit(kQuantifier)) return kTagDet;
  if (c & ClassBit(kRelPron)) return kTagRel;
  if (c & ClassBit(kSubord)) return kTagSubord;
  if (c & ClassBit(kPrep)) return kTagPrep;
  if (c & ClassBit(kConj)) return kTagConj;
  if (c & (ClassBit(kSubjPron) | ClassBit(kObjPron))) return kTagPron;
  if (c & (ClassBit(kAux) | ClassBit(kModal))) return kTagAux;
  if (c & ClassBit(kNeg)) return kTagAdv;
  if (c & ClassBit(kAdverb)) return kTagAdv;
  if (c & ClassBit(kNumberWord)) return kTagNum;
  return 0;
}

// Open-class tag of a lower-case word from its WordNet parts of speech and its neighbours.
uint16_t OpenTag(const std::vector<Token>& t, const std::vector<TokenInfo>& info, size_t k) {
  const WordInfo& w = info[k].word;
  const bool noun = w.pos & wordnet::kNoun, verb = w.pos & wordnet::kVerb;
  const bool adj = w.pos & wordnet::kAdj, adv = w.pos & wordnet::kAdv;
  if (!noun && !verb) {
    if (adj) return kTagAdj;
    if (adv) return kTagAdv;
    return info[k].known ? kTagNoun : (t[k].Is(kDigit) ? kTagNum : kTagNoun);
  }
  if (noun && !verb)
    return (adj && !w.plural && k + 1 < t.size() && t[k + 1].Is(kWord) && !t[k + 1].Is(kLower)
                ? kTagAdj
                : kTagNoun);
  const uint16_t prev = k > 0 ? info[k - 1].tag : 0;
  const std::string& pf = k > 0 ? t[k - 1].fold : t[k].fold;
  // "state-owned", "Seoul-based": the second half of a hyphenated modifier.
  if (k > 1 && pf == "-" && t[k - 1].begin == t[k - 2].end && t[k].begin == t[k - 1].end) {
    return verb && !noun ? kTagAdj : kTagNoun;
  }
  if (!noun) {
    // "-ed" participles between a determiner or adverb and a noun read as adjectives.
    if (adj && (prev & (kTagDet | kTagAdv)) && k + 1 < t.size() &&
        (CapLike(t[k + 1]) || (info[k + 1].tag == 0 && (info[k + 1].word.pos & wordnet::kNoun)))) {
      return kTagAdj;
    }
    return kTagVerb;
  }
  const std::string& f = t[k].fold;
  const bool ed = w.past || (f.size() > 3 && f.compare(f.size() - 2, 2, "ed") == 0);
  const bool s_form = f.size() > 3 && f.back() == 's' && w.plural;
  const uint16_t next = k + 1 < t.size() ? info[k + 1].tag : 0;
  const bool next_nominal =
      k + 1 < t.size() &&
      (CapLike(t[k + 1]) || (info[k + 1].tag == 0 && (info[k + 1].word.pos & wordnet::kNoun)));
  if (prev & (kTagDet | kTagPoss | kTagAdj | kTagNum)) return kTagNoun;
  if (k > 0 && pf == "to") return kTagVerb;
  if (prev & kTagVerb) return kTagNoun;  // "held talks", "signed deals"
  if (prev & (kTagAux | kTagPron | kTagRel)) return kTagVerb;
  if (k > 0 && t[k - 1].fold == "not") return kTagVerb;
  if (prev & kTagPrep) return kTagNoun;
  if (ed && (prev & kTagAdv) && next_nominal) return kTagAdj;  // "the newly appointed envoy"
  const uint16_t prev2 = k > 1 ? info[k - 2].tag : 0;
  if ((prev & kTagName) && (prev2 & (kTagNum | kTagAdj))) return kTagNoun;  // "two Acme units"
  if (prev & (kTagName | kTagNoun)) {
    // "Google funds the project", "Kenya partners with Ghana", but "Acme company".
    if (k + 1 >= t.size()) return kTagNoun;
    const std::string& nf = t[k + 1].fold;
    const bool takes_object = (next & (kTagDet | kTagName | kTagPron)) || nf == "with" ||
                              nf == "to" || nf == "in" || nf == "into" || nf == "up";
    if (ed) return kTagVerb;
    if (s_form && takes_object) return kTagVerb;
    if (takes_object && w.verb_tags > w.noun_tags) return kTagVerb;
    return kTagNoun;
  }
  if (ed) return kTagVerb;
  return w.verb_tags > w.noun_tags ? kTagVerb : kTagNoun;
}

}  // namespace

namespace {

// Lookups with WordNet's detachment rules cost a few probes; words repeat, so each thread keeps
// the answers for the Lexicon it last used (bounded; cleared when full or when the Lexicon
// changes).
bool CachedLookup(const Lexicon& lex, const std::string& fold, WordInfo* out) {
  struct Entry {
    bool known;
    WordInfo info;
  };
  thread_local std::unordered_map<std::string, Entry> cache;
  thread_local uint64_t owner = 0;
  if (owner != lex.id() || cache.size() > 200000) {
    cache.clear();
    owner = lex.id();
  }
  auto it = cache.find(fold);
  if (it != cache.end()) {
    *out = it->second.info;
    return it->second.known;
  }
  bool known = lex.Lookup(fold, out);
  cache.emplace(fold, Entry{known, *out});
  return known;
}

}  // namespace

void TagSentence(const Lexicon& lex, const Sentence& s, std::vector<TokenInfo>* out) {
  const std::vector<Token>& t = s.tokens;
  out->assign(t.size(), TokenInfo());
  std::vector<TokenInfo>& info = *out;
  for (size_t k = 0; k < t.size(); ++k) {
    const Token& tk = t[k];
    if (tk.Is(kPoss)) {
      info[k].tag = kTagPoss;
      continue;
    }
    if (!tk.Is(kWord)) {
      info[k].known = CachedLookup(lex, tk.fold, &info[k].word);
      info[k].tag = kTagPunct;
      continue;
    }
    info[k].known = CachedLookup(lex, tk.fold, &info[k].word);
  }
  // Closed classes and names first, then open classes (which read their left neighbour).
  for (size_t k = 0; k < t.size(); ++k) {
    if (info[k].tag != 0) continue;
    const Token& tk = t[k];
    const uint64_t c = info[k].word.classes;
    if (tk.Is(kDigit)) {
      info[k].tag = kTagNum;
      continue;
    }
    const bool cap = CapLike(tk);
    if (cap) {
      // A capitalised closed-class word is that word ("The", "In"); other capitals are names,
      // the pass that reads names decides about sentence-initial common words.
      uint16_t closed = ClosedTag(c);
      bool initial = k == 0 || !t[k - 1].Is(kWord);
      // A word in capitals ("US", "WHO") is an abbreviation, never the closed-class word.
      info[k].tag = closed != 0 && !tk.Is(kUpper) ? closed : static_cast<uint16_t>(kTagName);
      (void)initial;
      continue;
    }
    info[k].tag = ClosedTag(c);
  }
  for (size_t k = 0; k < t.size(); ++k) {
    if (info[k].tag == 0) info[k].tag = OpenTag(t, info, k);
  }
}

}  // namespace pactgraph::extract

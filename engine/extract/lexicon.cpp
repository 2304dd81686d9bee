// Word lookups of the Lexicon (see lexicon.h): the WordNet table, WordNet's detachment rules
// for inflected forms, word-class phrases and gazetteer probes. Loading of the rule files is in
// rules.cpp.
#include "engine/extract/lexicon.h"

#include <algorithm>

#include "engine/extract/wordnet.h"

namespace pactgraph::extract {

const std::array<const char*, kClassCount> kClassNames = {
    "det",           "poss_pron",   "subj_pron",      "obj_pron",     "prep",
    "conj",          "subord",      "rel_pron",       "aux",          "modal",
    "neg",           "number_word", "month",          "weekday",      "honorific",
    "title",         "gov_title",   "name_connector", "corp_suffix",  "org_head",
    "head_first",    "gov_head",    "program_head",   "place_head",   "facility_head",
    "firm_noun",     "role_noun",   "nation_noun",    "coref_noun",   "group_noun",
    "speech_verb",   "naming_verb", "receive_verb",   "host_verb",    "light_verb",
    "time_word",     "stop_cap",    "acronym_stop",   "place_prep",   "currency",
    "document_noun", "own_verb",    "quantifier",     "adverb",       "purpose_verb",
    "state_word",    "not_name",    "name_particle",  "org_word_end", "list_cue",
    "sign_noun",     "event_head"};

namespace {

// Classes that an inflected form inherits from its noun or verb base ("agencies", "signed").
constexpr uint64_t kNounInherited =
    ClassBit(kOrgHead) | ClassBit(kGovHead) | ClassBit(kProgramHead) | ClassBit(kPlaceHead) |
    ClassBit(kFacilityHead) | ClassBit(kFirmNoun) | ClassBit(kRoleNoun) | ClassBit(kNationNoun) |
    ClassBit(kCorefNoun) | ClassBit(kGroupNoun) | ClassBit(kDocumentNoun) | ClassBit(kTitle) |
    ClassBit(kCorpSuffix) | ClassBit(kHeadFirst) | ClassBit(kCurrency) | ClassBit(kEventHead);
constexpr uint64_t kVerbInherited =
    ClassBit(kSpeechVerb) | ClassBit(kNamingVerb) | ClassBit(kReceiveVerb) | ClassBit(kHostVerb) |
    ClassBit(kLightVerb) | ClassBit(kOwnVerb) | ClassBit(kPurposeVerb);

struct Detachment {
  const char* suffix;
  const char* ending;
  uint8_t pos;
};
// WordNet's morphy rules (morph.c), noun, verb and adjective.
constexpr Detachment kDetachments[] = {
    {"s", "", wordnet::kNoun},      {"ses", "s", wordnet::kNoun},   {"xes", "x", wordnet::kNoun},
    {"zes", "z", wordnet::kNoun},   {"ches", "ch", wordnet::kNoun}, {"shes", "sh", wordnet::kNoun},
    {"men", "man", wordnet::kNoun}, {"ies", "y", wordnet::kNoun},   {"s", "", wordnet::kVerb},
    {"ies", "y", wordnet::kVerb},   {"es", "e", wordnet::kVerb},    {"es", "", wordnet::kVerb},
    {"ed", "e", wordnet::kVerb},    {"ed", "", wordnet::kVerb},     {"ing", "e", wordnet::kVerb},
    {"ing", "", wordnet::kVerb},    {"er", "", wordnet::kAdj},      {"est", "", wordnet::kAdj},
    {"er", "e", wordnet::kAdj},     {"est", "e", wordnet::kAdj}};

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::char_traits<char>::length(suffix);
  return s.size() > n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

WordInfo& Lexicon::Entry(const std::string& fold) { return words_[fold]; }

void Lexicon::NotePhrase(const std::string& first, size_t len) {
  WordInfo& w = Entry(first);
  w.phrase_len = static_cast<uint8_t>(std::max<size_t>(w.phrase_len, std::min<size_t>(len, 12)));
}

void Lexicon::LoadWordNet() {
  using namespace wordnet;
  words_.reserve(kWordCount + kNameCount + 4096);
  for (size_t i = 0; i < kWordCount; ++i) {
    const WordRecord& r = kWords[i];
    WordInfo& w = Entry(Key(r.key));
    w.pos |= r.pos;
    w.noun_classes |= r.noun_classes;
    w.verb_classes |= r.verb_classes;
    w.noun_first = r.noun_first;
    w.noun_tags = r.noun_tags;
    w.verb_tags = r.verb_tags;
  }
  for (size_t i = 0; i < kNameCount; ++i) {
    const NameRecord& r = kNames[i];
    std::string key = Key(r.key);
    size_t words = 1 + std::count(key.begin(), key.end(), ' ');
    if (words == 1) {
      WordInfo& w = Entry(key);
      w.name_classes |= r.classes;
      w.name_instance = w.name_instance || r.instance;
      continue;
    }
    wordnet_names_[key] = {r.classes, r.instance != 0};
    NotePhrase(key.substr(0, key.find(' ')), words);
  }
  for (size_t i = 0; i < kExceptionCount; ++i) {
    const ExceptionRecord& e = kExceptions[i];
    exceptions_.emplace(Key(e.inflected), std::make_pair(std::string(Key(e.base)), e.pos));
  }
}

void Lexicon::AddBase(const std::string& base, uint8_t pos, bool past, WordInfo* out) const {
  auto it = words_.find(base);
  if (it == words_.end() || (it->second.pos & pos) == 0) return;
  const WordInfo& b = it->second;
  out->pos |= pos;
  if (pos == wordnet::kNoun) {
    out->noun_classes |= b.noun_classes;
    if (out->noun_first == 0) out->noun_first = b.noun_first;
    out->noun_tags = std::max(out->noun_tags, b.noun_tags);
    out->classes |= b.classes & kNounInherited;
    out->plural = true;
  } else if (pos == wordnet::kVerb) {
    if (past) out->past = true;
    out->verb_classes |= b.verb_classes;
    out->verb_tags = std::max(out->verb_tags, b.verb_tags);
    out->classes |= b.classes & kVerbInherited;
  }
}

bool Lexicon::Lookup(const std::string& fold, WordInfo* out) const {
  *out = WordInfo();
  bool found = false;
  if (auto it = words_.find(fold); it != words_.end()) {
    *out = it->second;
    found = true;
  }
  if (fold.size() < 3 || fold[0] < 'a' || fold[0] > 'z') return found;
  const uint8_t before = out->pos;
  auto range = exceptions_.equal_range(fold);
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& b = it->second.first;
    // An irregular verb form that is not the -ing form is a past ("shook", "won", "led").
    bool past = it->second.second == wordnet::kVerb &&
                fold.compare(fold.size() - 3, 3, "ing") != 0 &&
                !(fold.back() == 's' && fold.compare(0, b.size(), b) == 0);
    AddBase(b, it->second.second, past, out);
  }
  const char last = fold.back();
  if (last != 's' && last != 'd' && last != 'g' && last != 'r' && last != 't' && last != 'n') {
    return found || out->pos != before;
  }
  for (const Detachment& d : kDetachments) {
    if (!EndsWith(fold, d.suffix)) continue;
    std::string base = fold.substr(0, fold.size() - std::char_traits<char>::length(d.suffix));
    base += d.ending;
    AddBase(base, d.pos, d.pos == wordnet::kVerb && d.suffix[0] == 'e' && d.suffix[1] == 'd', out);
  }
  return found || out->pos != before || out->classes != 0;
}

size_t Lexicon::MatchClass(WordClass c, const std::vector<Token>& tokens, size_t i,
                           size_t end) const {
  if (i >= end) return 0;
  size_t best = 0;
  auto it = words_.find(tokens[i].fold);
  if (it == words_.end()) return 0;
  if (it->second.classes & ClassBit(c)) best = 1;
  size_t max = std::min<size_t>(it->second.class_phrase_len, end - i);
  if (max < 2) return best;
  std::string key = tokens[i].fold;
  for (size_t n = 2; n <= max; ++n) {
    key += ' ';
    key += tokens[i + n - 1].fold;
    auto p = class_phrases_.find(key);
    if (p != class_phrases_.end() && (p->second & ClassBit(c))) best = n;
  }
  return best;
}

const GazEntry* Lexicon::Gazetteer(const std::string& key) const {
  auto it = gaz_.find(key);
  return it == gaz_.end() ? nullptr : &it->second;
}

const GazEntry* Lexicon::Nation(const std::string& canonical) const {
  auto it = nations_.find(canonical);
  return it == nations_.end() ? nullptr : &it->second;
}

uint32_t Lexicon::NameClasses(const std::string& key, bool* instance) const {
  *instance = false;
  if (key.find(' ') == std::string::npos) {
    auto it = words_.find(key);
    if (it == words_.end()) return 0;
    *instance = it->second.name_instance;
    return it->second.name_classes;
  }
  auto it = wordnet_names_.find(key);
  if (it == wordnet_names_.end()) return 0;
  *instance = it->second.second;
  return it->second.first;
}

size_t Lexicon::MaxPhrase(std::string_view fold) const {
  auto it = words_.find(std::string(fold));
  return it == words_.end() ? 0 : it->second.phrase_len;
}

void Lexicon::TriggersFor(const std::string& fold, std::vector<int>* out) const {
  out->clear();
  auto it = words_.find(fold);
  if (it != words_.end() && it->second.trigger_list >= 0) {
    *out = trigger_lists_[it->second.trigger_list];
  }
  for (int idx : prefix_triggers_) {
    if (SlotMatches(triggers_[idx].pattern[0], fold) &&
        std::find(out->begin(), out->end(), idx) == out->end()) {
      out->push_back(idx);
    }
  }
}

void Lexicon::CuesFor(const std::string& fold, const WordInfo& w, std::vector<int>* out) const {
  out->clear();
  if (w.cue_list >= 0) *out = cue_lists_[w.cue_list];
  for (int idx : prefix_cues_) {
    if (SlotMatches(cues_[idx].pattern[0], fold)) out->push_back(idx);
  }
}

bool SlotMatches(const PatternSlot& slot, const std::string& fold) {
  for (size_t k = 0; k < slot.words.size(); ++k) {
    const std::string& w = slot.words[k];
    if (slot.prefix[k] ? fold.compare(0, w.size(), w) == 0 : fold == w) return true;
  }
  return false;
}

size_t MatchPattern(const Pattern& pattern, const std::vector<Token>& tokens, size_t i,
                    size_t end) {
  if (i + pattern.size() > end) return 0;
  for (size_t k = 0; k < pattern.size(); ++k) {
    if (!SlotMatches(pattern[k], tokens[i + k].fold)) return 0;
  }
  return pattern.size();
}

}  // namespace pactgraph::extract

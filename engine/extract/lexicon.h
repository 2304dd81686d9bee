// engine/extract/lexicon.h — the extractor's data: gazetteers, word lists, trigger patterns.
//
// Everything the rules know about the language lives in data files, all in one line format
// (tab-separated, '#' starts a comment) so that a user's --rules file can add any of it:
//
//   trigger  TYPE      PATTERN   [FLAGS]      relation trigger, e.g. "trigger mou inked a deal"
//   cue      CATEGORY  PATTERN                modality/negation cue: committed, planned, actual,
//                                             negation, nonparty
//   word     CATEGORY  PHRASE                 word lists: title, org_head, org_start, gov_head,
//                                             program_head, corp_suffix, place_suffix,
//                                             stop_cap, name_vocab, acronym_stop, org_noun, ...
//   entity   KIND      CANONICAL [ALIASES] [NATION]   gazetteer entry; aliases '|'-separated
//   demonym  DEMONYM   NATION                 "Kenyan -> Kenya" (plural "Kenyans" implied)
//   canonical ISO3     NAME                   preferred name of an iso-codes country
//
// PATTERN: words separated by spaces; "a|b" alternatives; "word*" matches any word starting
// with "word"; punctuation is written as its own word ("co - operation"). Matching is on
// folded words (case and diacritics ignored).
// Nations come from iso_3166-1.json (name, common_name, official_name), subdivisions from
// iso_3166-2.json (single common words skipped). On a clash a nation beats an organisation,
// which beats a place table entry, which beats a subdivision.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/extract/extract.h"
#include "engine/extract/text.h"

namespace pactgraph::extract {

struct GazEntry {
  std::string canonical;
  EntityKind kind = EntityKind::kOrganization;
  std::string nation;       // the country of an organisation or place, when known
  std::string iso3;         // nations
  bool demonym = false;     // "Kenyan", "Japanese"
  bool upper_only = false;  // "US", "UN": match only when written in capitals
  int priority = 0;         // lower wins on a clash
};

// One word slot of a pattern: alternatives, each exact or a prefix ("collaborat*").
struct PatternSlot {
  std::vector<std::string> words;
  std::vector<bool> prefix;
};
using Pattern = std::vector<PatternSlot>;

struct TriggerRule {
  std::string type;
  Pattern pattern;
  std::string text;       // the pattern as written
  bool passive = false;   // "visit by X": the by-agent is the source
  bool document = false;  // names a signed document (MoU, agreement)
  bool noun = false;      // a noun trigger ("partnership", "investment")
};

struct CueRule {
  std::string category;
  Pattern pattern;
};

class Lexicon {
 public:
  // Loads iso-codes, the tables in <data_dir>/extract/ and `rule_files`.
  Status Load(const ExtractorOptions& options, Segmenter* seg);

  const GazEntry* Lookup(const std::string& key) const;
  // The nation entry whose canonical name is `name`, or null.
  const GazEntry* Nation(const std::string& name) const;
  size_t max_phrase_tokens() const { return max_tokens_; }
  // Longest gazetteer phrase starting with the word `first` (0: none starts with it).
  size_t MaxTokensFrom(const std::string& first) const {
    auto it = first_word_len_.find(first);
    return it == first_word_len_.end() ? 0 : it->second;
  }

  bool Has(const std::string& category, const std::string& phrase) const;
  // Longest phrase of `category` starting at tokens[i] (0 when none); max 5 words.
  size_t MatchWords(const std::string& category, const std::vector<Token>& tokens, size_t i) const;

  const std::vector<TriggerRule>& triggers() const { return triggers_; }
  const std::vector<CueRule>& cues() const { return cues_; }
  // Trigger rules whose first slot can match `fold` (exact or prefix).
  void TriggersFor(const std::string& fold, std::vector<int>* out) const;

 private:
  Status LoadFile(const std::string& path, bool required, Segmenter* seg);
  Status LoadIso(const std::string& dir, Segmenter* seg);
  void AddGaz(const std::string& phrase, const GazEntry& entry, Segmenter* seg);
  Status ParsePattern(const std::string& text, Segmenter* seg, Pattern* out) const;

  std::unordered_map<std::string, GazEntry> gaz_;
  std::unordered_map<std::string, std::string> nation_by_alpha2_;
  std::unordered_map<std::string, std::string> canonical_override_;  // iso3 -> name
  std::unordered_map<std::string, GazEntry> nations_;                // canonical -> entry
  std::unordered_map<std::string, std::unordered_set<std::string>> words_;
  std::vector<TriggerRule> triggers_;
  std::unordered_map<std::string, std::vector<int>> trigger_index_;  // exact first words
  std::vector<int> prefix_triggers_;
  std::vector<CueRule> cues_;
  std::vector<std::pair<std::string, std::string>> pending_subdivisions_;
  size_t max_tokens_ = 1;
  std::unordered_map<std::string, size_t> first_word_len_;
};

// True when `fold` matches the slot.
bool SlotMatches(const PatternSlot& slot, const std::string& fold);
// Number of tokens matched by `pattern` at tokens[i], or 0.
size_t MatchPattern(const Pattern& pattern, const std::vector<Token>& tokens, size_t i, size_t end);

}  // namespace pactgraph::extract

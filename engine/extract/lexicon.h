// engine/extract/lexicon.h — the extractor's knowledge: word classes, gazetteers and rules.
//
// Everything the passes know about the language is data, loaded once by Lexicon::Load from
// data/extract/*.tsv, iso-codes and the WordNet table compiled in at build time (wordnet.h),
// plus any --rules files. A rule file is tab-separated, one record a line, '#' for comments:
//
//   word      CLASS     PHRASE                      a word or phrase in a word class (kClassNames)
//   entity    KIND      CANONICAL [ALIASES [NATION [FLAGS]]]   a gazetteer entry
//   demonym   DEMONYM   NATION                      "Kenyan" -> Kenya (plural in -s implied)
//   canonical ISO3      NAME                        preferred name of an iso-codes country
//   trigger   TYPE      PATTERN   [FRAME]           a relation trigger read in a frame
//   frame     NAME      POS       ROLES [FLAGS]     where a trigger's arguments are found
//   pattern   NAME      TYPE      ELEMENTS   ROLES  a structural rule ("X-based Y")
//   cue       CATEGORY  PATTERN                     modality and negation cues
//
// Trigger and cue PATTERNs are words separated by spaces, matched on folded words: "a|b"
// alternatives, "word*" any word starting with "word". Frame ROLES are "src=..." and "dst=...",
// each a list of slots tried in order
// (subj, obj, agent, poss, premod, between, or a preposition). Pattern ELEMENTS and ROLES are
// described in docs/extraction.md.
//
// The Lexicon is immutable after Load and shared by threads. Lookups are hash probes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/extract/extract.h"
#include "engine/extract/text.h"

namespace pactgraph::extract {

// Word classes: bit positions in WordInfo::classes. Names as written in data files.
enum WordClass : int {
  kDet,
  kPossPron,
  kSubjPron,
  kObjPron,
  kPrep,
  kConj,
  kSubord,
  kRelPron,
  kAux,
  kModal,
  kNeg,
  kNumberWord,
  kMonth,
  kWeekday,
  kHonorific,
  kTitle,
  kGovTitle,
  kNameConnector,
  kCorpSuffix,
  kOrgHead,
  kHeadFirst,
  kGovHead,
  kProgramHead,
  kPlaceHead,
  kFacilityHead,
  kFirmNoun,
  kRoleNoun,
  kNationNoun,
  kCorefNoun,
  kGroupNoun,
  kSpeechVerb,
  kNamingVerb,
  kReceiveVerb,
  kHostVerb,
  kLightVerb,
  kTimeWord,
  kStopCap,
  kAcronymStop,
  kPlacePrep,
  kCurrency,
  kDocumentNoun,
  kOwnVerb,
  kQuantifier,
  kAdverb,
  kPurposeVerb,
  kStateWord,
  kNotName,
  kNameParticle,
  kOrgWordEnd,
  kListCue,
  kSignNoun,
  kEventHead,
  kClassCount
};
extern const std::array<const char*, kClassCount> kClassNames;
constexpr uint64_t ClassBit(WordClass c) { return 1ull << c; }

// Classes of mentions, for structural pattern elements (NATION, ORG, ...).
enum MentionClass : uint16_t {
  kMentionNation = 1,
  kMentionPlace = 2,
  kMentionOrg = 4,
  kMentionProgram = 8,
  kMentionPerson = 16,
  kMentionDemonym = 32,
  kMentionOwner = 64,
  kMentionNationMod = 128,
  kMentionAny = 0x7f
};

// What is known about one folded word form. Only forms that occur in a table get an entry.
struct WordInfo {
  uint64_t classes = 0;       // ClassBit(WordClass) of the form (single-word entries)
  uint8_t pos = 0;            // wordnet::Pos bits of the form or its base forms
  uint32_t noun_classes = 0;  // WordNet noun classes of the form's noun base
  uint16_t verb_classes = 0;  // WordNet verb classes of the form's verb base
  uint8_t noun_first = 0;     // class of the most frequent noun sense
  uint8_t noun_tags = 0;      // frequency hints (tagged senses)
  uint8_t verb_tags = 0;
  uint32_t name_classes = 0;  // WordNet classes of a capitalised lemma with this spelling
  bool name_instance = false;
  bool plural = false;           // a noun form derived by a plural rule ("agencies")
  bool past = false;             // a verb form of the past ("signed", "shook")
  uint8_t phrase_len = 0;        // longest phrase entry (class, gazetteer, name) starting here
  uint8_t class_phrase_len = 0;  // longest word-class phrase starting here
  int32_t trigger_list = -1;     // index into trigger lists for patterns starting here
  int32_t cue_list = -1;         // index into cue lists for patterns starting here
};

struct GazEntry {
  std::string canonical;
  EntityKind kind = EntityKind::kOrganization;
  std::string nation;       // the country of an organisation or place, when known
  std::string iso3;         // nations
  bool demonym = false;     // "Kenyan", "Japanese"
  bool upper_only = false;  // "US": match only when written in capitals
  bool state_body = false;  // a public body named "Name (Country)" (flag "state")
  int priority = 0;         // lower wins on a clash
};

// One word slot of a pattern: alternatives, each exact or a prefix ("collaborat*").
struct PatternSlot {
  std::vector<std::string> words;
  std::vector<bool> prefix;
};
using Pattern = std::vector<PatternSlot>;

// Argument slots of a frame.
enum class Slot : uint8_t { kSubj, kObj, kAgent, kPoss, kPremod, kBetween, kPrep };
struct SlotRef {
  Slot slot = Slot::kSubj;
  std::string prep;  // kPrep: the preposition ("with", "to")
};

struct Frame {
  std::string name;
  bool noun = false;              // the trigger is a noun (else a verb)
  std::vector<SlotRef> src, dst;  // source and target (undirected: a party and the other)
  bool document = false;          // names a signed document (MoU, agreement)
  bool receive_swaps = false;     // "Y received a loan from X": a receive verb's subject is dst
  bool program_target = false;    // the target is a programme or facility
  bool place_target = false;      // a place may be the target ("arrived in")
};

struct TriggerRule {
  std::string type;
  Pattern pattern;
  std::string text;   // the pattern as written
  int frame = 0;      // index into frames()
  std::string where;  // "file:line" for --trace
};

// A structural pattern element.
struct PatternElement {
  enum Kind : uint8_t { kWords, kMention, kClass, kAnyLower } kind = kWords;
  PatternSlot words;            // kWords
  uint16_t mention = 0;         // kMention: MentionClass bits
  WordClass word_class = kDet;  // kClass
  bool optional = false;        // "?"
  bool repeat = false;          // "*": zero to four
};
struct StructuralRule {
  std::string name;
  std::string type;
  std::vector<PatternElement> elements;
  int src = 0, dst = 0;  // 1-based indexes among the mention elements
  std::string where;
};

struct CueRule {
  std::string category;  // committed, planned, negation, nonparty, hedge
  Pattern pattern;
};

// Rule-file helpers (rule_records.cpp): the non-empty parts of `s` between `sep`; a pattern
// ("memorandum|memoranda of understanding", "co - operat*") parsed into slots.
std::vector<std::string> SplitList(const std::string& s, char sep);
Status ParsePattern(const std::string& text, Pattern* out);

class Lexicon {
 public:
  Status Load(const ExtractorOptions& options, Segmenter* seg);

  // What is known of a folded word form: its own entry merged with those of its base forms
  // (WordNet's detachment rules and exception lists). False when nothing is known.
  bool Lookup(const std::string& fold, WordInfo* out) const;
  // Length of the longest phrase of class `c` at tokens[i] (0 when none).
  size_t MatchClass(WordClass c, const std::vector<Token>& tokens, size_t i, size_t end) const;
  // Gazetteer entry of a folded phrase; WordNet name classes of a folded phrase.
  const GazEntry* Gazetteer(const std::string& key) const;
  const GazEntry* Nation(const std::string& canonical) const;
  uint32_t NameClasses(const std::string& key, bool* instance) const;
  // Longest gazetteer/name/class phrase that can start with `fold` (in tokens).
  size_t MaxPhrase(std::string_view fold) const;

  const std::vector<TriggerRule>& triggers() const { return triggers_; }
  const std::vector<Frame>& frames() const { return frames_; }
  const std::vector<StructuralRule>& structural() const { return structural_; }
  const std::vector<CueRule>& cues() const { return cues_; }
  // Cue rules whose first slot can match `fold` (`w` its entry).
  void CuesFor(const std::string& fold, const WordInfo& w, std::vector<int>* out) const;
  // A number no other Lexicon of the process has (for per-thread caches of lookups).
  uint64_t id() const { return id_; }
  // Trigger rules whose first slot can match `fold`.
  void TriggersFor(const std::string& fold, std::vector<int>* out) const;

 private:
  Status LoadFile(const std::string& path, bool required, Segmenter* seg);
  Status LoadRecord(const std::vector<std::string>& f, Segmenter* seg);
  Status LoadIso(const std::string& dir, Segmenter* seg);
  void LoadWordNet();
  void AddGaz(const std::string& phrase, const GazEntry& entry, Segmenter* seg);
  void AddClassPhrase(WordClass c, const std::string& phrase, Segmenter* seg);
  WordInfo& Entry(const std::string& fold);
  void NotePhrase(const std::string& first, size_t len);
  Status AddTrigger(const std::vector<std::string>& f, Segmenter* seg);
  Status AddFrame(const std::vector<std::string>& f);
  Status AddStructural(const std::vector<std::string>& f);
  void AddBase(const std::string& base, uint8_t pos, bool past, WordInfo* out) const;

  std::unordered_map<std::string, WordInfo> words_;
  std::unordered_map<std::string, uint64_t> class_phrases_;  // multiword class entries
  std::unordered_map<std::string, GazEntry> gaz_;
  std::unordered_map<std::string, std::pair<uint32_t, bool>> wordnet_names_;
  std::unordered_multimap<std::string, std::pair<std::string, uint8_t>> exceptions_;
  std::unordered_map<std::string, GazEntry> nations_;  // canonical -> entry
  std::unordered_map<std::string, std::string> nation_by_alpha2_;
  std::unordered_map<std::string, std::string> canonical_override_;
  std::vector<std::pair<std::string, std::string>> pending_subdivisions_;
  std::vector<TriggerRule> triggers_;
  std::vector<std::vector<int>> trigger_lists_;
  std::vector<int> prefix_triggers_;
  std::vector<Frame> frames_;
  std::unordered_map<std::string, int> frame_index_;
  std::vector<StructuralRule> structural_;
  std::vector<CueRule> cues_;
  std::vector<std::vector<int>> cue_lists_;
  std::vector<int> prefix_cues_;
  uint64_t id_ = 0;
  std::string current_where_;
};

bool SlotMatches(const PatternSlot& slot, const std::string& fold);
// Number of tokens matched by `pattern` at tokens[i] (not past `end`), or 0.
size_t MatchPattern(const Pattern& pattern, const std::vector<Token>& tokens, size_t i, size_t end);

}  // namespace pactgraph::extract

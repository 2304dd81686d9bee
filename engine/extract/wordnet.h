// engine/extract/wordnet.h — the WordNet table compiled into the extractor at build time.
//
// wordnet_gen.cpp turns the Princeton WordNet 3.0 database (Debian wordnet-base) into sorted
// arrays over one string pool (wordnet_table.cpp in the build directory). The extractor uses
// three things from it, all looked up by folded key:
//   - the parts of speech a word can take and the lexicographer classes of its noun senses
//     (noun.group for "agency", "bank", "consortium"; noun.act for "programme", "initiative";
//     noun.location for "province", "port"; noun.person for "minister", "chipmaker"), which is
//     how a name's head noun gets its kind without a hand-grown list;
//   - capitalised lemmas ("Riyadh", "Aral Sea", "World Bank") with their classes: a gazetteer
//     of places and bodies that is one signal among several;
//   - irregular inflections, for the few forms WordNet's detachment rules do not cover.
// Invariants: arrays sorted by key (bytewise); keys lower case, words joined by one space.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pactgraph::extract::wordnet {

enum Pos : uint8_t { kNoun = 1, kVerb = 2, kAdj = 4, kAdv = 8 };

// Noun lexicographer files (WordNet's lexnames numbering, 3..28).
enum NounClass : int {
  kTops = 3,
  kAct,
  kAnimal,
  kArtifact,
  kAttribute,
  kBody,
  kCognition,
  kCommunication,
  kEvent,
  kFeeling,
  kFood,
  kGroup,
  kLocation,
  kMotive,
  kObject,
  kPerson,
  kPhenomenon,
  kPlant,
  kPossession,
  kProcess,
  kQuantity,
  kRelation,
  kShape,
  kState,
  kSubstance,
  kTime
};
constexpr uint32_t Bit(NounClass c) { return 1u << (c - 3); }

// Verb lexicographer files (29..44); bit (file - 29) of WordRecord::verb_classes.
enum VerbClass : int {
  kVerbBody = 29,
  kVerbChange,
  kVerbCognition,
  kVerbCommunication,
  kVerbCompetition,
  kVerbConsumption,
  kVerbContact,
  kVerbCreation,
  kVerbEmotion,
  kVerbMotion,
  kVerbPerception,
  kVerbPossession,
  kVerbSocial,
  kVerbStative,
  kVerbWeather
};
constexpr uint16_t VerbBit(VerbClass c) { return static_cast<uint16_t>(1u << (c - 29)); }

struct WordRecord {
  uint32_t key;           // offset into kPool
  uint8_t pos;            // Pos bits
  uint32_t noun_classes;  // Bit(NounClass) of every noun sense
  uint16_t verb_classes;  // VerbBit(VerbClass) of every verb sense
  uint8_t noun_first;     // class of the most frequent noun sense (0: not a noun)
  uint8_t noun_tags;      // tagged noun senses in the semantic concordance (frequency hint)
  uint8_t verb_tags;      // same for verb senses
};

struct NameRecord {
  uint32_t key;      // "aral sea"
  uint32_t classes;  // Bit(NounClass) of its senses
  uint8_t instance;  // 1 when a sense is an instance (a particular city, body, person)
};

struct ExceptionRecord {
  uint32_t inflected;
  uint32_t base;
  uint8_t pos;
};

extern const char kPool[];
extern const WordRecord kWords[];
extern const size_t kWordCount;
extern const NameRecord kNames[];
extern const size_t kNameCount;
extern const ExceptionRecord kExceptions[];
extern const size_t kExceptionCount;

inline const char* Key(uint32_t offset) { return kPool + offset; }

}  // namespace pactgraph::extract::wordnet

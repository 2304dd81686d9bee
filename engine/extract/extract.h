// engine/extract/extract.h — article decomposition: news text -> actors and typed relations.
//
// The extractor is a pure function of (article text, header metadata, rule data): it needs no
// database. It segments the body into sentences and words with ICU (offsets stay byte offsets
// into the UTF-8 body), finds entity mentions with gazetteers (iso-codes nations and
// subdivisions, project tables of demonyms, aliases, organisations and places) and
// capitalised-span rules with head-noun cues, resolves references ("the two countries", "the
// Ministry", "its"), and reads relations from trigger patterns (data files, extensible with
// --rules) placed in a small set of frames ("X and Y signed ...", "... with Y", "between X and
// Y", "by X", "X's Y initiative", "through its Y", "X-based", "Kenya's Ministry of ...").
//
// An Extractor is immutable after Create() and may be shared by threads; Extract() allocates
// its own ICU iterators. Cost: linear in the text; a few MB/s on one core.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph::extract {

enum class EntityKind : uint8_t { kNation, kOrganization, kProgram, kPerson, kPlace };
const char* EntityKindName(EntityKind kind);   // "nation", "organization", ...
const char* EntityKindLabel(EntityKind kind);  // "Nation", "Organization", ... (graph labels)

// A span of the article body: byte offsets [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct ExtractedEntity {
  std::string canonical;  // "Kenya", "Ministry of ICT (Kenya)", "Paula Ingabire"
  EntityKind kind = EntityKind::kOrganization;
  std::vector<std::string> aliases;  // other names and demonyms seen in the text
  std::string iso_alpha3;            // nations only
  std::string nation;                // organisations/places: the country, when known
  std::string affiliation;           // persons: the body they act for, when known
  std::vector<Span> mentions;        // named mentions in the body
};

struct ExtractedRelation {
  std::string source;  // canonical names of ExtractedEntity
  std::string type;    // mou, agreement, cooperation, launch, runs, fund, invest, support,
                       // visit, meet, member_of, based_in
  std::string target;
  std::string modality;  // actual, committed, planned
  bool negated = false;  // "did not sign": kept apart from asserted relations
  bool directed = true;
  std::string sentence;    // the evidence sentence
  Span sentence_span;      // its byte offsets in the body
  std::string date;        // ISO date stated in the sentence, else the article's date
  std::string trigger;     // the words that triggered the relation
  int evidence_count = 1;  // sentences supporting (source, type, target) in this article
};

// Articles are pactgraph::Article (pactgraph/graph.h), the same record the store keeps: the
// extractor reads `text` (all offsets are byte offsets into it) and the header fields; `id`
// and `content_hash` are filled in when the article is stored.
using pactgraph::Article;

struct Extraction {
  std::vector<ExtractedEntity> entities;
  std::vector<ExtractedRelation> relations;  // one per (source, type, target), first evidence
  std::vector<ExtractedRelation> evidence;   // every supporting sentence, in text order
  std::vector<std::string> warnings;
};

struct ExtractorOptions {
  std::string data_dir;  // holds extract/*.tsv; see ResolveDataDir()
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
  std::vector<std::string> rule_files;  // extra trigger/cue/lexicon files (--rules)
};

class Extractor {
 public:
  // Loads the data tables. InvalidArgument with file:line on a malformed rule line,
  // NotFound when a required table is missing.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);
  ~Extractor();

  // Decomposes one article. The body must be valid UTF-8 (see ReadArticles).
  Status Extract(const Article& article, Extraction* out) const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The data directory: $PACTGRAPH_DATA_DIR when set, else the first of `candidates` holding
// extract/triggers.tsv; empty when none does.
std::string ResolveDataDir(const std::vector<std::string>& candidates);

}  // namespace pactgraph::extract

// pactgraph/ingest.h — from news articles to the partnership graph: read, extract, ingest.
//
// Three steps, usable one by one or all at once:
//   1. ReadArticles: article files (optional "title:", "date:", "source:" header lines, a blank
//      line, the body), ".jsonl" files (one {"title","date","source","text"} object per line),
//      directories (read recursively, in name order) and "-" for standard input. Bad inputs are
//      skipped with an InputProblem naming the place ("file:line:col: invalid UTF-8 (byte N)");
//      text is never repaired, so stored text always equals the file's bytes.
//   2. Extractor::Extract: one article -> actors (nations, organisations, programmes, persons,
//      places) and typed relations (mou, agreement, cooperation, launch, runs, fund, invest,
//      support, visit, meet, member_of, based_in), each with its evidence sentence, byte
//      offsets, date and modality. A pure function of the text and the rule data
//      (data/extract/*.tsv plus --rules files): no database needed, so it can run anywhere.
//   3. IngestArticle: stores one article and its extraction in one write transaction: the
//      article (skipped when its SHA-256 is already stored), one node per actor, one
//      relationship per (source, TYPE, target) carrying first_date, last_date and
//      evidence_count, and one Evidence record per supporting sentence. A crash leaves whole
//      articles only. Entity resolution across articles: a node is found again by the
//      entity's canonical name or any alias (acronym, other spellings, the gazetteer name),
//      folding case and diacritics; an organisation also stores its initials ("ZSA" for
//      "Zanbar Space Agency") so an article naming it only by acronym joins it; a public
//      body's name without its country is not used to match, and a node of another country is
//      never joined. So one actor is one node however many articles and spellings name it.
// Ingest() runs the three over a list of paths, one transaction per article.
//
// Thread-safety: an Extractor is immutable after Create() and may be shared by threads.
// Errors: Status values; see each function.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph {

enum class EntityKind : uint8_t { kNation, kOrganization, kProgram, kPerson, kPlace };
PACTGRAPH_EXPORT const char* EntityKindName(EntityKind kind);   // "nation", "organization", …
PACTGRAPH_EXPORT const char* EntityKindLabel(EntityKind kind);  // "Nation", … (graph labels)

// A span of the article text: byte offsets [begin, end).
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
  std::vector<Span> mentions;        // named mentions in the text
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
  Span sentence_span;      // its byte offsets in the text
  std::string date;        // ISO date stated in the sentence, else the article's date
  std::string trigger;     // the words that triggered the relation
  int evidence_count = 1;  // sentences supporting (source, type, target) in this article
  // Why it was read (pactgraph extract --trace): the rule and frame or pattern that produced
  // it ("trigger fund 'loan|loans' (triggers.tsv:52), frame give_noun: src=poss dst=to") and
  // the byte spans of the trigger words and of the source and target phrases.
  std::string rule;
  Span trigger_span, source_span, target_span;
};

struct Extraction {
  std::vector<ExtractedEntity> entities;
  std::vector<ExtractedRelation> relations;  // one per (source, type, target), first evidence
  std::vector<ExtractedRelation> evidence;   // every supporting sentence, in text order
  std::vector<std::string> warnings;         // e.g. a sentence over the candidate cap
  std::vector<std::string> trace;            // rejected candidates, when options.trace is set
};

struct ExtractorOptions {
  // Holds extract/*.tsv. Empty: DefaultDataDir().
  std::string data_dir;
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
  std::vector<std::string> rule_files;  // extra trigger/cue/lexicon files (--rules)
  bool trace = false;                   // record rejected trigger candidates in Extraction::trace
};

// Where the rule data lives: $PACTGRAPH_DATA_DIR when set, else the source tree's data/ (a
// build that was not installed), else the installed share/pactgraph; empty when none holds
// extract/triggers.tsv.
PACTGRAPH_EXPORT std::string DefaultDataDir();

class PACTGRAPH_EXPORT Extractor {
 public:
  // Loads the data tables. InvalidArgument with file:line on a malformed rule line or a rule
  // file that is not a regular file; NotFound when a required table is missing.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options = {});
  ~Extractor();

  // Decomposes one article (its `text` must be valid UTF-8, as ReadArticles guarantees).
  Status Extract(const Article& article, Extraction* out) const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// --- reading articles --------------------------------------------------------------------

struct ReadOptions {
  uint64_t max_bytes = 8ull << 20;  // larger files are refused
};

struct InputProblem {
  std::string path;
  std::string message;  // "path:line:col: invalid UTF-8 (byte 1234)", "binary file, skipped"
};

// OK when every path is a regular file, a directory or "-"; else InvalidArgument for the first
// that is a FIFO, a device or a socket (refused before anything is read or opened).
PACTGRAPH_EXPORT Status CheckArticlePaths(const std::vector<std::string>& paths);
// Reads every input; each unreadable or bad input adds a problem and is skipped.
PACTGRAPH_EXPORT void ReadArticles(const std::vector<std::string>& paths,
                                   const ReadOptions& options, std::vector<Article>* out,
                                   std::vector<InputProblem>* problems);
// Parses the text of one article file (header lines, blank line, body). InvalidArgument on
// invalid UTF-8 or an empty body; `path` names the place in messages.
PACTGRAPH_EXPORT Status ParseArticleText(const std::string& path, const std::string& text,
                                         Article* out);

// The JSON that shared/corpus/score.py reads, with evidence, offsets and rules:
// {"documents":[{"file","title","date","entities","relations","negated","evidence"}]},
// pretty-printed with `indent` >= 0, compact with -1.
PACTGRAPH_EXPORT std::string ExtractionsToJson(const std::vector<Article>& articles,
                                               const std::vector<Extraction>& extractions,
                                               int indent);
// A human-readable listing of one article's entities and relations.
PACTGRAPH_EXPORT std::string ExtractionToTable(const Article& article,
                                               const Extraction& extraction);
// Why each relation was read (`pactgraph extract --trace`): per evidence sentence, the rule
// (trigger pattern and frame with the slots that filled it, or the structural pattern) with its
// file:line, and the trigger, source and target words with their byte offsets; then the trigger
// candidates that were rejected and why (kept when ExtractorOptions::trace is set) and the
// warnings.
PACTGRAPH_EXPORT std::string ExtractionTrace(const Article& article, const Extraction& extraction);

// --- storing -----------------------------------------------------------------------------

struct IngestStats {
  uint64_t articles_added = 0;
  uint64_t articles_skipped = 0;  // already stored (same content hash)
  uint64_t nodes_added = 0;
  uint64_t nodes_merged = 0;
  uint64_t relationships_added = 0;
  uint64_t relationships_merged = 0;
  uint64_t evidence_added = 0;
};

// Stores `article` with `extraction` in one transaction; adds what it did to `stats`.
PACTGRAPH_EXPORT Status IngestArticle(Database* db, const Article& article,
                                      const Extraction& extraction, IngestStats* stats);

struct IngestOptions {
  // The extractor to use; when null, one is created from `rules` for the run.
  const Extractor* extractor = nullptr;
  ExtractorOptions rules;
  ReadOptions read;
  // Called after each article's commit (so an acknowledged article survives a crash) with the
  // article and what storing it changed; `stored` is false when it was already in the database.
  std::function<void(const Article& article, bool stored, const IngestStats& delta)> on_article;
  // Called after each article with (articles done, articles read).
  std::function<void(uint64_t done, uint64_t total)> progress;
  // When set, ingestion stops (Cancelled) before the next article once *cancel is true.
  const std::atomic<bool>* cancel = nullptr;
};

struct IngestSummary {
  uint64_t articles_read = 0;
  IngestStats stats;
  std::vector<InputProblem> problems;  // inputs skipped and articles that failed to extract
};

// Reads, extracts and stores every article under `paths`, one transaction per article, and
// fills `summary` as it goes. Bad inputs and articles the extractor refuses become problems in
// the summary and the run goes on; the first storage error (IOError, Busy, …) stops it and is
// returned, with the articles committed before it kept. InvalidArgument before anything is
// read for a path that is not a file, directory or "-", or for a bad rule file.
PACTGRAPH_EXPORT Status Ingest(Database* db, const std::vector<std::string>& paths,
                               const IngestOptions& options, IngestSummary* summary);
// The same for articles already in memory (from a binding, a feed reader, …).
PACTGRAPH_EXPORT Status IngestArticles(Database* db, const std::vector<Article>& articles,
                                       const IngestOptions& options, IngestSummary* summary);

}  // namespace pactgraph

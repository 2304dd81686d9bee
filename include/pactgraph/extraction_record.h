// pactgraph/extraction_record.h — extraction records: one self-contained JSON line per article
// (the article with its text and hash, its entities, relations and evidence with offsets), so
// that extraction — the costly, database-free part of ingestion — can run on other machines and
// the records be stored later with exactly the result of ingesting the articles directly
// (docs/scale-out.md has the format and examples).
//
//   pactgraph extract --format jsonl news/ > part-0001.jsonl        (anywhere, in parallel)
//   pactgraph --db graph.db ingest --extracted part-*.jsonl          (one writer)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/ingest.h"
#include "pactgraph/status.h"

namespace pactgraph {

// The record format version written and read.
inline constexpr int kExtractionRecordVersion = 1;

// One record: a single line of JSON, without the newline.
PACTGRAPH_EXPORT std::string ExtractionRecord(const Article& article, const Extraction& extraction);

// Parses one record. InvalidArgument "col N: …" (1-based byte column) for malformed JSON, or
// naming the field for a missing or mistyped one, another format version, a content_hash that
// does not match the text, an offset outside the text or invalid UTF-8.
PACTGRAPH_EXPORT Status ParseExtractionRecord(std::string_view line, Article* article,
                                              Extraction* extraction);

// Checks every record of `files` ("-" is standard input, read whole): each bad record — and a
// last line without its newline (a truncated file) — adds a problem "file:line[:col]: …"; so
// does a file that cannot be opened or is a directory.
// Returns the number of good records.
PACTGRAPH_EXPORT uint64_t CheckExtractionRecords(const std::vector<std::string>& files,
                                                 std::vector<InputProblem>* problems);

// Stores the records of `files`, one transaction per article, exactly as IngestArticles stores
// an article with its extraction (an article already stored is skipped). Every file is checked
// first: with any bad record the problems are added to `summary` and InvalidArgument is returned
// with nothing stored. options.extractor, rules and read are not used; progress counts records.
PACTGRAPH_EXPORT Status IngestExtracted(Database* db, const std::vector<std::string>& files,
                                        const IngestOptions& options, IngestSummary* summary);

// IngestExtracted without its check, for a caller that ran CheckExtractionRecords itself (the
// CLI does, before it opens the database); `total_records` is what the check counted (for
// progress). A bad record met here stops the run with InvalidArgument, the records before it
// stored.
PACTGRAPH_EXPORT Status StoreExtracted(Database* db, const std::vector<std::string>& files,
                                       const IngestOptions& options, IngestSummary* summary,
                                       uint64_t total_records);

}  // namespace pactgraph

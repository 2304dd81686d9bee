// engine/extract/ingest.h — storing an article and what was read from it in the graph.
//
// One article is one GraphWriter transaction (Commit once): the article record (skipped when
// its SHA-256 content hash is already stored), its entities as nodes (found again by name or
// alias with FindNodesByName, so one actor is one node across articles; aliases accumulate;
// labels Nation/Organization/Program/Person/Place), its relationships (type in capitals, e.g.
// MOU; the same (source, TYPE, target) merges — either direction for undirected types — and
// carries first_date, last_date and evidence_count) and one Evidence record per supporting
// sentence. A crash leaves whole articles only.
#pragma once

#include <cstdint>

#include "engine/extract/extract.h"
#include "pactgraph/database.h"

namespace pactgraph::extract {

struct IngestStats {
  uint64_t articles_added = 0;
  uint64_t articles_skipped = 0;  // already stored (same content hash)
  uint64_t nodes_added = 0;
  uint64_t nodes_merged = 0;
  uint64_t relationships_added = 0;
  uint64_t relationships_merged = 0;
  uint64_t evidence_added = 0;
};

// Stores `article` with `extraction` in one transaction; adds to `stats`.
Status IngestArticle(Database* db, const Article& article, const Extraction& extraction,
                     IngestStats* stats);

}  // namespace pactgraph::extract

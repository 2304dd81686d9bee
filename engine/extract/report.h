// engine/extract/report.h — printing extractions: the JSON read by the corpus scorer
// (shared/corpus/score.py) with evidence and offsets added, and a plain-text table.
#pragma once

#include <string>
#include <vector>

#include "engine/extract/extract.h"

namespace pactgraph::extract {

// {"documents":[{"file":..,"title":..,"date":..,"entities":[..],"relations":[..],
//   "negated":[..],"evidence":[..]}]} — pretty-printed with `indent` >= 0, compact with -1.
std::string ExtractionsToJson(const std::vector<Article>& articles,
                              const std::vector<Extraction>& extractions, int indent);
// Human-readable listing of one article's entities and relations.
std::string ExtractionToTable(const Article& article, const Extraction& extraction);

}  // namespace pactgraph::extract

// tools/serve/api_json.h — how the explorer's API writes graph records as JSON.
//
// One encoding for every endpoint, so the page has one way to read a node or a relationship:
//   node (brief):  {"id", "name", "labels", "kind"}           (kind: the first label)
//   node (full):   brief + {"properties", "aliases"}
//   relationship:  {"id", "type", "start", "end", "modality", "first_date", "last_date",
//                   "evidence_count", "properties"}  (dates as ISO strings or null)
//   article:       {"id", "title", "source", "date", "file"}
//   evidence:      {"sentence", "modality", "date", "article": article}
// Values follow pactgraph's JSON output (docs/cli.md): dates as "YYYY-MM-DD", non-finite
// floats as null, nodes/relationships/paths inside query results in the forms above (paths
// as {"nodes": [...], "relationships": [...]}).
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "pactgraph/graph.h"
#include "pactgraph/value.h"

namespace pactgraph::tools::serve {

nlohmann::json ValueJson(const Value& value);
nlohmann::json NodeBrief(const Node& node);
nlohmann::json NodeFull(const Node& node);
nlohmann::json RelationshipJson(const Relationship& rel);
nlohmann::json ArticleJson(const Article& article);
// `article` may be null (an article that could not be read): then "article" is null.
nlohmann::json EvidenceJson(const Evidence& evidence, const Article* article);

// The span of dates a relationship covers, as ISO strings: first_date/last_date when present,
// else a single "date" property (imported graphs). Partial dates ("2024-05") stay as they are.
struct DateSpan {
  std::optional<std::string> first, last;
};
DateSpan RelationshipDates(const Relationship& rel);

}  // namespace pactgraph::tools::serve

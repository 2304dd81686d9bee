// engine/extract/output.h — pass 7: from document entities and relation records to the
// Extraction the caller sees.
//
// Entities get their canonical names: the full name as first written (an acronym defined with
// it becomes an alias), "Name (Country)" for public bodies whose country is known, the
// iso-codes name for nations. An acronym-only entity whose letters are the initials of a full
// name elsewhere in the article is the same entity. A body whose name contains a nation
// ("Acme Kenya", "Ghana Space Agency") is based there (rule name_nation). Relation records
// become one relation per (source, type, target) — undirected types as unordered pairs — with
// every supporting sentence kept as evidence, dated by a date in the sentence or the article's.
#pragma once

#include <vector>

#include "engine/extract/document.h"

namespace pactgraph::extract {

void BuildExtraction(const Lexicon& lex, Document* doc, std::vector<RelationRecord>* records,
                     Extraction* out);

}  // namespace pactgraph::extract

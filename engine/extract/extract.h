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
#include "pactgraph/ingest.h"
#include "pactgraph/status.h"

namespace pactgraph::extract {

// The result types are the public API's (pactgraph/ingest.h); this module implements them.
using pactgraph::EntityKind;
using pactgraph::ExtractedEntity;
using pactgraph::ExtractedRelation;
using pactgraph::Extraction;
using pactgraph::ExtractorOptions;
using pactgraph::Span;

// Articles are pactgraph::Article (pactgraph/graph.h), the same record the store keeps: the
// extractor reads `text` (all offsets are byte offsets into it) and the header fields; `id`
// and `content_hash` are filled in when the article is stored.
using pactgraph::Article;

// The Extractor itself is the public class (pactgraph/ingest.h); extractor.cpp implements it
// with the passes of document.h.
using pactgraph::Extractor;

// The data directory: $PACTGRAPH_DATA_DIR when set, else the first of `candidates` holding
// extract/triggers.tsv; empty when none does.
std::string ResolveDataDir(const std::vector<std::string>& candidates);

}  // namespace pactgraph::extract

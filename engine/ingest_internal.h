// engine/ingest_internal.h — what the ingestion loops (ingest.cpp, ingest_extracted.cpp) share.
#pragma once

#include "pactgraph/ingest.h"

namespace pactgraph {

// What storing changed: `after` minus `before`, field by field.
IngestStats IngestDelta(const IngestStats& after, const IngestStats& before);

}  // namespace pactgraph

// pactgraph/dump.h — a whole database to one file and back (docs/dump.md).
//
// A dump is JSON Lines (one UTF-8 JSON object a line): a header with the format version and
// the record counts, then every node, relationship, article and evidence record in id order,
// then an end record. It keeps every id (node, relationship, article), every label, type and
// property with its type (integers, floats, dates and the other temporal kinds, lists, maps),
// the aliases, the articles' text and hashes and the evidence with its offsets, so that
// dump -> restore -> dump gives the same bytes. Both directions stream: memory stays bounded
// whatever the size (the restore goes through the spilling BulkLoader).
//
// Restore needs an empty database and is all or nothing: a dump that is truncated, of another
// format version, malformed, or has duplicate or dangling ids is refused with InvalidArgument
// "NAME:LINE (byte OFFSET): what", and nothing is stored.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "pactgraph/database.h"
#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph {

// The version this build writes and the only one it reads.
constexpr int kDumpFormatVersion = 1;

struct DumpSummary {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t articles = 0;
  uint64_t evidence = 0;
  uint64_t bytes = 0;  // of the dump text
};

// `progress(phase, done, total)`: "dump" counts records written, "read" records read, "write"
// the keys a restore writes to its sorted files. `total` is 0 when unknown.
using DumpProgress = std::function<void(const char* phase, uint64_t done, uint64_t total)>;

// Writes the reader's snapshot. IOError when the stream fails.
PACTGRAPH_EXPORT Status DumpDatabase(const GraphReader& reader, std::ostream& out,
                                     const DumpProgress& progress, DumpSummary* summary);

// Reads a dump from `in` (`name` is how errors call it: a path, or "stdin") into `db`, which
// must hold nothing (no node, relationship or article, never any id allocated).
PACTGRAPH_EXPORT Status RestoreDatabase(Database& db, std::istream& in, const std::string& name,
                                        const DumpProgress& progress, DumpSummary* summary);

}  // namespace pactgraph

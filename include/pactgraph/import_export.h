// pactgraph/import_export.h — graphs in and out: CSV and JSON import, JSON / CSV / GraphML /
// DOT export, and the checks every file a user names goes through.
//
// Import. CSV: nodes.csv has a header with at least `id` (usually `id,name,kind`); edges.csv
// at least `src,dst,type`. A header `key:type` types its column (`weight:float`,
// `since:date`, `aliases:string[]`, `meta:json`; docs/cli.md), and Neo4j's admin-import
// headers (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`) are read as those columns. `kind`
// becomes the node's label (nation -> Nation, research_lab -> ResearchLab); an optional `labels`
// column (';'-separated) gives several labels; `aliases`
// (';'-separated) becomes a list. `type` becomes the relationship type in upper case (mou ->
// MOU). Every other column becomes a property: integers, floats, true/false and ISO dates are
// typed, the rest are strings; an empty cell sets nothing. src/dst are ids from nodes.csv.
// JSON: {"nodes":[{"id","name","kind"|"labels","properties"|other keys}],
//        "edges":[{"src","dst","type","properties"|other keys}]}; ISO date strings become dates.
// An import is all or nothing: a BulkLoader ingests everything atomically at the end, and any
// error leaves the database exactly as it was. Errors are InvalidArgument
// "file:line:column: what".
//
// Node ids (docs/cli.md, "Ids and re-import"). A file's node id that is a whole number >= 1
// becomes the node's id: `pactgraph node 3007` is the node the file calls 3007. Any other id
// ("n17", "0", "-4", "007"), or a number the database cannot give (below its next id), gets a
// new id after every id the file keeps, in file order. Every node an import adds (kMerge) stores
// the file's id as the string property `external_id`; export writes it back as the id and
// `ResolveNode` / `FindNodeByExternalId` (pactgraph/paths.h) find it.
// Into a database that already has nodes (ImportMode::kMerge, the default), a row whose id is
// a stored `external_id` (or, with ImportMatch::kName, whose name and
// labels equal a stored node's) is that node: it is not added again and its stored labels and
// properties are kept (ImportSummary counts the rows that differ). A relationship between two
// matched nodes is not added when one with the same type and properties already joins them
// (each stored relationship matches one row), so importing the same files twice changes
// nothing. ImportMode::kAppend adds every row as a new node or relationship.
//
// Export. Nodes are written with their ids (a stored `external_id` string in its place,
// unless another node's id already spells it): those written with their own ids first, in id
// order, then the others in id order, which is the order an import gives them back; so
// export -> import into a fresh database -> export is identical (JSON, CSV, Neo4j). For a copy
// with articles, evidence and the rest, see pactgraph/dump.h. JSON and CSV are what the
// importer reads; GraphML and DOT are for other tools (Gephi, yEd, Graphviz).
//
// Input files. Only regular files are read: a directory, a FIFO, a device or a socket where a
// file is expected is refused at once ("PATH: is a FIFO (named pipe), not a regular file"),
// without blocking (opened O_NONBLOCK and checked with fstat before any read).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph {

enum class ImportMode {
  kMerge,   // rows that name stored nodes (and their identical relationships) match them
  kAppend,  // every row is added; file ids are kept only where they are free
};
enum class ImportMatch {
  kId,    // the file's id: a node id, or a stored `external_id`
  kName,  // the `name` property and the labels (every label the row gives)
};
struct ImportOptions {
  ImportMode mode = ImportMode::kMerge;
  ImportMatch match_on = ImportMatch::kId;
};

struct ImportSummary {
  uint64_t nodes = 0;          // added
  uint64_t relationships = 0;  // added
  uint64_t nodes_matched = 0;  // rows that named a stored node
  uint64_t relationships_matched = 0;
  // Matched rows whose labels or properties differ from the stored node (kept as stored),
  // with the first few of those nodes' ids.
  uint64_t nodes_differing = 0;
  std::vector<NodeId> differing_examples;
  uint64_t external_ids = 0;  // nodes added with an `external_id` (their file id is not theirs)
  double parse_seconds = 0;
  double load_seconds = 0;
};

// `progress(phase, done, total)`: phase "parse" counts input rows (CSV records, JSON elements)
// against the input's size in rows; "load" counts parsed records handed to the loader (JSON);
// "write" counts the keys written to the sorted files (each node and relationship makes two
// to four). `total` is 0 when unknown.
using ImportProgress = std::function<void(const char* phase, uint64_t done, uint64_t total)>;

// `edges_path` may be empty (nodes only).
PACTGRAPH_EXPORT Status ImportCsv(Database& db, const std::string& nodes_path,
                                  const std::string& edges_path, const ImportOptions& options,
                                  const ImportProgress& progress, ImportSummary* summary);
PACTGRAPH_EXPORT Status ImportJson(Database& db, const std::string& path,
                                   const ImportOptions& options, const ImportProgress& progress,
                                   ImportSummary* summary);
// The same with the default options (merge, match on id).
PACTGRAPH_EXPORT Status ImportCsv(Database& db, const std::string& nodes_path,
                                  const std::string& edges_path, const ImportProgress& progress,
                                  ImportSummary* summary);
PACTGRAPH_EXPORT Status ImportJson(Database& db, const std::string& path,
                                   const ImportProgress& progress, ImportSummary* summary);

enum class ExportFormat { kJson, kCsv, kGraphml, kDot, kNeo4j };

// Parses "json", "csv", "graphml", "dot", "neo4j"; InvalidArgument naming the known ones otherwise.
PACTGRAPH_EXPORT Result<ExportFormat> ParseExportFormat(std::string_view name);
// JSON, GraphML and DOT to a stream.
PACTGRAPH_EXPORT Status ExportGraph(const GraphReader& reader, ExportFormat format,
                                    std::ostream& out);
// CSV: writes `dir`/nodes.csv and `dir`/edges.csv (the directory is created).
// Property columns carry their type in the header (`weight:float`, `founded:date`,
// `aliases:string[]`; engine/io/csv_columns.h and docs/cli.md give the rule), so that
// export -> import -> export gives the same files.
PACTGRAPH_EXPORT Status ExportCsv(const GraphReader& reader, const std::string& dir);
// Neo4j: writes `dir`/nodes.csv (`id:ID,:LABEL,name:string,…`) and `dir`/relationships.csv
// (`:START_ID,:END_ID,:TYPE,…`) in the header format `neo4j-admin database import full`
// reads (docs/cli.md); `import` reads them back too.
PACTGRAPH_EXPORT Status ExportNeo4j(const GraphReader& reader, const std::string& dir);

// OK when `path` is a regular file (or, with `allow_directory`, a directory). Otherwise
// InvalidArgument naming the path: "no such file", "is a directory, not a file", "is a FIFO
// (named pipe), not a regular file", …; IOError for other stat failures. Never blocks.
PACTGRAPH_EXPORT Status CheckInputFile(const std::string& path, bool allow_directory = false);

struct ReadLimits {
  size_t max_bytes = SIZE_MAX;       // the whole file
  size_t max_line_bytes = SIZE_MAX;  // one line (bytes between line feeds)
};

// Reads a regular file whole, refusing anything else (see CheckInputFile) without blocking.
// Over `max_bytes`: "PATH: file too large"; a line over `max_line_bytes`: "PATH:LINE:COLUMN:
// line longer than N bytes", found while reading.
PACTGRAPH_EXPORT Status ReadInputFile(const std::string& path, std::string* out,
                                      const ReadLimits& limits);

}  // namespace pactgraph

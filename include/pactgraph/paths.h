// pactgraph/paths.h — how two actors are connected, hop by hop, with the evidence.
//
// FindPaths answers "how is A connected to B" on the state a GraphReader sees: the shortest
// path (fewest hops, bidirectional breadth-first search), every shortest path, the cheapest
// path by a relationship cost (bidirectional Dijkstra), or the k shortest loopless paths
// (Yen), restricted by a GraphFilter (relationship types, node labels to pass through or
// avoid, direction, a window on relationship dates, a hop bound) that prunes the search while
// it runs. Each path comes back as stored nodes and relationships, with the evidence sentences
// and articles behind every hop when asked.
//
// This is the same search that answers Cypher's shortestPath() / allShortestPaths(),
// `CALL algo.shortestPath` and `pactgraph path`. It runs on an in-memory compressed copy of the
// graph (O(nodes + relationships) to build, shared by every reader that sees the same
// committed state, so only the first question after a commit pays for it).
//
// Thread-safety: safe to call concurrently (each call reads through the reader it is given,
// which is single-threaded: use one reader per thread).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph {

// What a search or an algorithm may use.
struct GraphFilter {
  std::vector<std::string> types;         // relationship types (case-insensitive); empty: all
  std::vector<std::string> allow_labels;  // non-empty: inner nodes need one of these labels
  std::vector<std::string> avoid_labels;  // inner nodes may have none of these labels
  bool directed = false;                  // follow relationships only in their direction
  std::optional<Date> since;              // relationship date >= since (inclusive)
  std::optional<Date> until;              // relationship date <= until (inclusive)
  uint32_t max_hops = 6;                  // longest path considered (paths only)
  // With a window: an undated relationship passes too (by default only dated ones inside the
  // window do).
  bool include_undated = false;

  bool has_window() const { return since.has_value() || until.has_value(); }
};

enum class PathMode {
  kShortest,     // one path with the fewest hops
  kAllShortest,  // every path with the fewest hops (up to `limit`)
  kWeighted,     // the cheapest path by `weight`
  kKShortest,    // the k shortest loopless paths, by `weight` when set, else by hops
};

struct PathOptions {
  GraphFilter filter;
  PathMode mode = PathMode::kShortest;
  uint32_t k = 1;  // kKShortest
  // Relationship cost: a numeric property name (a missing or non-numeric value costs 1;
  // negative values are refused), "evidence" (1 / (1 + evidence sentences): well-attested ties
  // are cheap) or "recency" (1 + age in years of the newest evidence). Empty: every hop costs 1.
  std::string weight;
  size_t limit = 1000;         // kAllShortest: at most this many paths (then `truncated`)
  bool with_evidence = false;  // fill PathResult::evidence and ::articles
  // Called between the steps of a long search (kKShortest: before each spur search) and once
  // before the search starts; a non-OK status stops the search and FindPaths returns it (a
  // server's deadline or cancellation). Empty: never stopped. The copy of the graph a search
  // runs on (built once per committed state) is not interrupted.
  std::function<Status()> check;
};

struct PathResult {
  Path path;        // nodes and relationships with labels and properties, from `from` to `to`
  double cost = 0;  // hops, or the sum of relationship costs when weighted
  std::vector<std::vector<Evidence>> evidence;  // per relationship (when with_evidence)
  std::map<ArticleId, Article> articles;        // articles the evidence cites (no body text)
};

struct PathAnswer {
  std::vector<PathResult> paths;  // best first; empty when there is no path
  bool truncated = false;         // kAllShortest found more than `limit` paths
};

// The relationships between two actors, with the sentences and articles behind each: what
// `pactgraph evidence A B`, the Python binding's `db.evidence(a, b)` and any embedder that
// wants to show "why are these two linked" read.
struct RelationshipEvidence {
  Relationship relationship;       // as stored: start/end give its direction
  std::vector<Evidence> evidence;  // every supporting sentence, in insertion order
};

struct EvidenceAnswer {
  Node a;  // the two actors as stored
  Node b;
  // Every relationship joining a and b in either direction, once each, in a's adjacency order
  // (outgoing then incoming, by type, then id); empty when they are not adjacent.
  std::vector<RelationshipEvidence> relationships;
  std::map<ArticleId, Article> articles;  // the articles the evidence cites (no body text)
};

// Fills `out` for the nodes `a` and `b` (a == b lists a's self-loops). NotFound for an id
// that is not a live node; storage errors as they come. Cost: one adjacency scan of `a` plus
// one read per relationship, evidence record and cited article.
PACTGRAPH_EXPORT Status EvidenceBetween(const GraphReader& reader, NodeId a, NodeId b,
                                        EvidenceAnswer* out);

// Runs the search from `from` to `to`. InvalidArgument for an unknown relationship type or
// label (the message lists the known ones), k == 0, negative costs; NotFound for a node id
// that is not in the graph; storage errors as they come.
PACTGRAPH_EXPORT Status FindPaths(const GraphReader& reader, NodeId from, NodeId to,
                                  const PathOptions& options, PathAnswer* out);

// The node a user means by `name`: an exact name or alias (normalised: case, accents and
// spacing do not matter), else a numeric node id, else an import's `external_id`. NotFound (with
// close names as hints) when nothing matches; InvalidArgument listing the candidates when several
// nodes match.
PACTGRAPH_EXPORT Result<NodeId> ResolveNode(const GraphReader& reader, std::string_view name);
// The node an import stored with this `external_id` (the id its file gave it when that could
// not be its node id; pactgraph/import_export.h), or 0 when none. One scan of the nodes, made
// only when some node has that property key.
PACTGRAPH_EXPORT Result<NodeId> FindNodeByExternalId(const GraphReader& reader,
                                                     std::string_view external_id);

// "Kenya" (the name property, else "#id").
PACTGRAPH_EXPORT std::string NodeName(const Node& node);
// "Kenya (Nation, id 12)": how nodes appear in messages and tables.
PACTGRAPH_EXPORT std::string DescribeNode(const Node& node);

// Verifies the copies of the graph that path searches and algorithms keep in the database
// directory (<db>/snapshots, so a new process need not rebuild them): a file written for the
// current state must hold exactly what the store holds, else a problem is reported; files of
// older states are noted (they are rebuilt when next needed). Read-only instances skip it.
PACTGRAPH_EXPORT Status CheckSnapshotFiles(Database* db, CheckReport* report);

// "YYYY-MM-DD", "YYYY-MM" or "YYYY" (the first day of the month or year), for --since/--until
// style bounds. InvalidArgument naming `what` otherwise.
PACTGRAPH_EXPORT Result<Date> ParseDateBound(std::string_view text, std::string_view what);

}  // namespace pactgraph

// CompactReader (engine/graph/compact_reader.h): Neighbors from the CSR copy reports exactly
// what the store reports — same entries, same order, same early stops — and is used only when
// the copy holds the reader's committed state; queries give the same rows either way.
#include "engine/graph/compact_reader.h"

#include <catch2/catch.hpp>
#include <random>

#include "engine/graph/snapshot_cache.h"
#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "tests/test_util.h"

namespace pactgraph::graph {
namespace {

struct Entry {
  RelId rel;
  NodeId other;
  TypeId type;
  Direction dir;
  bool operator==(const Entry&) const = default;
};

// Up to `limit` entries (the scan is stopped after them).
std::vector<Entry> Scan(const GraphReader& r, NodeId node, Direction dir,
                        const std::vector<TypeId>& types, size_t limit = SIZE_MAX) {
  std::vector<Entry> out;
  REQUIRE(r.Neighbors(node, dir, types, [&](const NeighborEntry& e) {
             out.push_back(Entry{e.rel, e.other, e.type, e.dir});
             return out.size() < limit;
           }).ok());
  return out;
}

struct Fixture {
  pactgraph::testing::TempDir dir;
  std::unique_ptr<Database> db;
  Fixture() {
    auto opened = Database::Open(dir / "db", Options());
    REQUIRE(opened.ok());
    db = std::move(*opened);
  }
  // Random multigraph with self-loops and parallel edges over 4 types, then some nodes and
  // relationships deleted (holes in both id ranges).
  void AddRandomGraph(uint64_t seed, uint32_t n, uint32_t m) {
    std::mt19937_64 rng(seed);
    auto w = db->BeginWrite();
    REQUIRE(w.ok());
    std::vector<NodeId> nodes;
    for (uint32_t v = 0; v < n; ++v) {
      auto id = (*w)->CreateNode({"Actor"}, {{"name", Value("n" + std::to_string(v))}});
      REQUIRE(id.ok());
      nodes.push_back(*id);
    }
    std::vector<RelId> rels;
    for (uint32_t i = 0; i < m; ++i) {
      const NodeId a = nodes[rng() % n];
      const NodeId b = rng() % 10 == 0 ? a : nodes[rng() % n];
      auto id = (*w)->CreateRelationship(a, b, "T" + std::to_string(rng() % 4), {});
      REQUIRE(id.ok());
      rels.push_back(*id);
    }
    for (uint32_t i = 0; i < m / 10; ++i) (void)(*w)->DeleteRelationship(rels[rng() % m]);
    for (uint32_t i = 0; i < n / 10; ++i) (void)(*w)->DeleteNode(nodes[rng() % n], true);
    REQUIRE((*w)->Commit().ok());
  }
};

// Every node (and ids around them), every direction, several type lists, early stops.
void CompareAll(const GraphReader& store, const GraphReader& compact) {
  std::vector<std::vector<TypeId>> type_lists = {{}};
  std::vector<TypeId> all;
  for (const std::string& t : store.Types()) {
    auto id = store.FindType(t);
    REQUIRE(id.ok());
    all.push_back(*id);
    type_lists.push_back({*id});
  }
  if (all.size() >= 2) type_lists.push_back({all[1], all[0], all[1]});  // unsorted, repeated
  type_lists.push_back(all);
  type_lists.push_back({9999});  // a type no relationship has
  for (NodeId id = 0; id < store.NodeIdBound() + 2; ++id) {
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      for (const auto& types : type_lists) {
        const auto expected = Scan(store, id, d, types);
        REQUIRE(Scan(compact, id, d, types) == expected);
        if (expected.size() > 1) {
          const size_t k = expected.size() / 2;
          REQUIRE(Scan(compact, id, d, types, k) == Scan(store, id, d, types, k));
        }
      }
    }
  }
}

TEST_CASE("compact reader: Neighbors from the snapshot equals the store's", "[graph][compact]") {
  for (uint64_t seed : {1, 2, 3, 4}) {
    Fixture f;
    f.AddRandomGraph(seed, 40 + 20 * static_cast<uint32_t>(seed), 300);
    auto reader = f.db->NewReader();
    REQUIRE(SharedSnapshot(*reader, SnapshotOptions{}).ok());  // the copy of this state
    CompactReader compact(*reader);
    CompareAll(*reader, compact);
    CHECK(compact.compact_calls() > 0);
    CHECK(compact.store_calls() == 0);
  }
}

TEST_CASE("compact reader: a copy of another state is never used", "[graph][compact]") {
  Fixture f;
  f.AddRandomGraph(7, 50, 200);
  {
    auto reader = f.db->NewReader();
    REQUIRE(SharedSnapshot(*reader, SnapshotOptions{}).ok());  // in memory and on disk
  }
  f.AddRandomGraph(8, 10, 40);  // a new committed state
  auto reader = f.db->NewReader();
  CompactReaderOptions o;
  o.load_file_after = 0;
  CompactReader compact(*reader, o);
  CompareAll(*reader, compact);
  CHECK(compact.compact_calls() == 0);
  CHECK(compact.store_calls() > 0);

  // A write transaction with changes of its own names no state: always the store.
  auto w = f.db->BeginWrite();
  REQUIRE(w.ok());
  REQUIRE((*w)->CreateNode({"Actor"}, {}).ok());
  CompactReader over_writer(**w, o);
  CompareAll(**w, over_writer);
  CHECK(over_writer.compact_calls() == 0);
}

TEST_CASE("compact reader: a new process loads the snapshot file after many expansions",
          "[graph][compact]") {
  Fixture f;
  f.AddRandomGraph(11, 60, 300);
  auto reader = f.db->NewReader();
  REQUIRE(SharedSnapshot(*reader, SnapshotOptions{}).ok());  // writes the file
  ClearSharedSnapshots();                                    // what a new process sees
  const uint64_t loads = SharedSnapshotLoads();
  CompactReaderOptions o;
  o.load_file_after = 5;
  CompactReader compact(*reader, o);
  for (NodeId id = 1; id <= 5; ++id) (void)Scan(compact, id, Direction::kBoth, {});
  CHECK(compact.store_calls() == 5);
  CHECK(compact.compact_calls() == 0);
  CompareAll(*reader, compact);
  CHECK(compact.store_calls() == 5);
  CHECK(compact.compact_calls() > 0);
  CHECK(SharedSnapshotLoads() == loads + 1);
}

TEST_CASE("compact reader: queries return the same rows from the snapshot and the store",
          "[graph][compact]") {
  Fixture f;
  f.AddRandomGraph(21, 80, 400);
  {
    auto reader = f.db->NewReader();
    REQUIRE(SharedSnapshot(*reader, SnapshotOptions{}).ok());
  }
  SessionOptions store_only;
  store_only.compact_traversals = false;
  Session compact_session(f.db.get());
  Session store_session(f.db.get(), store_only);
  const char* queries[] = {
      "MATCH (a)-[r]->(b) RETURN id(a), id(r), id(b)",
      "MATCH (a)-[r:T1|T0]-(b) RETURN id(a), id(r), type(r), id(b)",
      "MATCH (a)<-[:T2]-(b)-[:T3]->(c) RETURN id(a), id(b), id(c)",
      "MATCH (a:Actor)-[*1..3]-(b) RETURN id(a), id(b)",
      "MATCH (a)-[:T0*2]->(b) RETURN id(a), count(b)",
      "MATCH (a)--()--(c) WHERE id(a) < 20 RETURN id(a), count(DISTINCT c)",
  };
  for (const char* q : queries) {
    INFO(q);
    auto a = compact_session.Execute(q);
    auto b = store_session.Execute(q);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(a->rows().size() > 0);
    CHECK(a->rows() == b->rows());
  }
}

}  // namespace
}  // namespace pactgraph::graph

namespace pactgraph::graph {
namespace {

TEST_CASE("compact reader: lookups from the name index equal the store's", "[graph][compact]") {
  Fixture f;
  {
    auto w = f.db->BeginWrite();
    REQUIRE(w.ok());
    const char* names[] = {"Việt Nam", "viet nam", "Côte d’Ivoire",     "Kenya",  "KENYA",
                           "Straße",   "Strasse",  "  Rwanda   Board ", "ＵＡＥ", "Japan"};
    for (const char* n : names) REQUIRE((*w)->CreateNode({"Actor"}, {{"name", Value(n)}}).ok());
    ValueMap with_alias{{"name", Value("Republic of Kenya")}};
    with_alias["aliases"] = Value(std::vector<Value>{Value("Kenya"), Value("RoK")});
    REQUIRE((*w)->CreateNode({"Nation"}, with_alias).ok());
    REQUIRE((*w)->Commit().ok());
  }
  f.AddRandomGraph(31, 50, 10);  // n0..n49, some deleted with their names
  auto reader = f.db->NewReader();
  CompactReaderOptions o;
  o.build_names_after = 3;
  CompactReader compact(*reader, o);
  const char* asked[] = {"kenya",
                         "Viet Nam",
                         "VIET  NAM",
                         "cote d'ivoire",
                         "STRASSE",
                         "rwanda board",
                         "uae",
                         "rok",
                         "Republic of Kenya",
                         "nowhere",
                         "",
                         "   ",
                         "n7",
                         "N13",
                         "n49",
                         "n50",
                         "japan"};
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* name : asked) {
      INFO(name);
      std::vector<NodeId> a, b;
      REQUIRE(compact.FindNodesByName(name, &a).ok());
      REQUIRE(reader->FindNodesByName(name, &b).ok());
      CHECK(a == b);
    }
  }
  CHECK(compact.store_lookups() == 3);
  CHECK(compact.indexed_lookups() == 2 * std::size(asked) - 3);
  // A later reader of the same state finds the index built; one of a new state does not.
  CompactReader again(*reader);
  std::vector<NodeId> ids;
  REQUIRE(again.FindNodesByName("Kenya", &ids).ok());
  CHECK(again.indexed_lookups() == 1);
  f.AddRandomGraph(32, 5, 0);
  auto newer = f.db->NewReader();
  CompactReader fresh(*newer);
  REQUIRE(fresh.FindNodesByName("Kenya", &ids).ok());
  CHECK(fresh.indexed_lookups() == 0);
  CHECK(ids.size() == 3);
}

}  // namespace
}  // namespace pactgraph::graph

// The graph module against a real database: snapshots built from the store, the Boost.Graph
// view of a reader (concept checks and BGL algorithms run on it), and the snapshot cache.
#include <boost/concept/assert.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/graph/paths.h"
#include "engine/graph/snapshot_cache.h"
#include "engine/graph/store_view.h"
#include "pactgraph/database.h"
#include "tests/engine/graph/random_graph.h"
#include "tests/test_util.h"

namespace pactgraph::graph {
namespace {

BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<StoreView>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<StoreView>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<StoreView>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<StoreVertexIndexMap, NodeId>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<StoreWeightMap, StoreEdge>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyGraphConcept<StoreView, NodeId, boost::vertex_index_t>));

std::unique_ptr<Database> OpenDb(const std::string& path) {
  auto db = Database::Open(path, Options());
  REQUIRE(db.ok());
  return std::move(db).value();
}

// Writes `g` into `db`: node i+1 and relationship i+1 keep their ids.
void Store(Database* db, const testing::RandomGraph& g) {
  auto w = db->BeginWrite();
  REQUIRE(w.ok());
  for (uint32_t v = 0; v < g.n; ++v) {
    std::vector<std::string> labels{"Actor"};
    for (LabelId l : g.labels[v]) labels.push_back(l == 0 ? "A" : "B");
    auto id = (*w)->CreateNode(labels, {{"name", Value("n" + std::to_string(v + 1))}});
    REQUIRE(id.ok());
    REQUIRE(*id == v + 1);
  }
  for (const EdgeSpec& e : g.edges) {
    ValueMap props{{"weight", Value(e.weight)}};
    if (e.date != kNoDate) props["date"] = Value(Date{e.date});
    auto id = (*w)->CreateRelationship(e.start, e.end, "T" + std::to_string(e.type), props);
    REQUIRE(id.ok());
  }
  REQUIRE((*w)->Commit().ok());
}

TEST_CASE("Store: snapshots built from the database answer like in-memory ones", "[graph][store]") {
  std::mt19937_64 rng(99);
  for (int round = 0; round < 40; ++round) {
    auto g = testing::MakeRandomGraph(rng, 8, 16);
    pactgraph::testing::TempDir dir;
    auto db = OpenDb(dir / "db");
    Store(db.get(), g);
    auto reader = db->NewReader();
    SnapshotOptions so;
    so.weight = "weight";
    so.date_property = "date";
    auto built = GraphSnapshot::Build(*reader, so);
    REQUIRE(built.ok());
    const GraphSnapshot& s = **built;
    REQUIRE(s.num_vertices() == g.n);
    REQUIRE(s.num_rels() == g.edges.size());
    for (int q = 0; q < 20; ++q) {
      PathOptions query;
      query.filter = testing::RandomFilter(rng);
      if (!g.snapshot->has_dates()) query.filter.since = query.filter.until = std::nullopt;
      uint32_t a = rng() % g.n, b = rng() % g.n;
      INFO("round " << round << " query " << q);
      for (PathMode mode : {PathMode::kShortest, PathMode::kAllShortest, PathMode::kWeighted}) {
        query.mode = mode;
        std::vector<GraphPath> want, got;
        REQUIRE(FindPaths(*g.snapshot, a, b, query, &want).ok());
        Status st = FindPaths(s, s.FindVertex(a + 1), s.FindVertex(b + 1), query, &got);
        if (!st.ok()) {
          // The store only knows types and labels that are in use; the generator's may not be.
          REQUIRE(st.message().find("unknown") != std::string::npos);
          continue;
        }
        REQUIRE(got.size() == want.size());
        for (size_t i = 0; i < got.size(); ++i) {
          REQUIRE(got[i].hops() == want[i].hops());
          REQUIRE(got[i].cost == Approx(want[i].cost));
        }
      }
    }
  }
}

// Records BFS distances.
struct DistanceRecorder : boost::default_bfs_visitor {
  std::map<NodeId, int>* dist;
  void tree_edge(const StoreEdge& e, const StoreView&) const {
    (*dist)[e.target] = (*dist)[e.source] + 1;
  }
};

TEST_CASE("Store: Boost.Graph algorithms run on the reader view", "[graph][store]") {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 30; ++round) {
    auto g = testing::MakeRandomGraph(rng, 8, 14);
    pactgraph::testing::TempDir dir;
    auto db = OpenDb(dir / "db");
    Store(db.get(), g);
    auto reader = db->NewReader();
    for (bool directed : {false, true}) {
      StoreView view(reader.get(), directed);
      NodeId start = 1 + rng() % g.n;
      std::map<NodeId, int> dist{{start, 0}};
      boost::breadth_first_search(view, start,
                                  boost::visitor(DistanceRecorder{{}, &dist})
                                      .vertex_index_map(get(boost::vertex_index, view)));
      REQUIRE(view.status().ok());
      std::vector<double> wdist(num_vertices(view), 0);
      boost::dijkstra_shortest_paths(view, start,
                                     boost::weight_map(get(boost::edge_weight, view))
                                         .distance_map(boost::make_iterator_property_map(
                                             wdist.begin(), get(boost::vertex_index, view)))
                                         .vertex_index_map(get(boost::vertex_index, view))
                                         .distance_inf(INFINITY));
      REQUIRE(view.status().ok());
      PathOptions q;
      q.filter.directed = directed;
      q.filter.max_hops = 100;
      for (NodeId t = 1; t <= g.n; ++t) {
        std::vector<GraphPath> paths;
        REQUIRE(FindPaths(*g.snapshot, start - 1, t - 1, q, &paths).ok());
        INFO("round " << round << " directed " << directed << " " << start << "->" << t);
        REQUIRE(dist.count(t) == paths.size());
        if (!paths.empty()) REQUIRE(dist[t] == static_cast<int>(paths[0].hops()));
        q.mode = PathMode::kWeighted;
        REQUIRE(FindPaths(*g.snapshot, start - 1, t - 1, q, &paths).ok());
        double w = wdist[view.Index(t)];
        if (paths.empty()) {
          REQUIRE(std::isinf(w));
        } else {
          REQUIRE(w == Approx(paths[0].cost));
        }
        q.mode = PathMode::kShortest;
      }
    }
    StoreView view(reader.get(), false);
    view.Index(g.n + 100);  // not a node: the error is recorded, not thrown
    CHECK(view.status().code() == Status::Code::kNotFound);
  }
}

TEST_CASE("Store: the snapshot cache rebuilds when the database changes", "[graph][store]") {
  pactgraph::testing::TempDir dir;
  auto db = OpenDb(dir / "db");
  std::mt19937_64 rng(1);
  auto g = testing::MakeRandomGraph(rng, 6, 6);
  Store(db.get(), g);
  SnapshotCache cache(db.get());
  auto a = cache.Get();
  REQUIRE(a.ok());
  auto b = cache.Get();
  REQUIRE(b.ok());
  CHECK(a->get() == b->get());
  CHECK(cache.builds() == 1);
  {
    auto w = db->BeginWrite();
    REQUIRE(w.ok());
    REQUIRE((*w)->CreateRelationship(1, 1, "T0", {}).ok());
    REQUIRE((*w)->Commit().ok());
  }
  auto c = cache.Get();
  REQUIRE(c.ok());
  CHECK(cache.builds() == 2);
  CHECK((*c)->num_rels() == (*a)->num_rels() + 1);
  CHECK((*a)->num_rels() == g.edges.size());  // the old snapshot is unchanged
}

}  // namespace
}  // namespace pactgraph::graph

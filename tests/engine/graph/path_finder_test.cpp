// GraphPathFinder (the search behind shortestPath()) against the reference BFS oracle.
#include <catch2/catch.hpp>
#include <set>

#include "engine/graph/graph_path_finder.h"
#include "pactgraph/database.h"
#include "tests/engine/graph/random_graph.h"
#include "tests/engine/graph/reference_bfs.h"
#include "tests/test_util.h"

namespace pactgraph::graph {
namespace {

TEST_CASE("PathFinder: the bidirectional and all-shortest searches over the store match the reference BFS",
          "[graph][finder]") {
  std::mt19937_64 rng(31);
  int found = 0, all_found = 0, several = 0;
  for (int round = 0; round < 40; ++round) {
    auto g = testing::MakeRandomGraph(rng, 10, 20, false);
    pactgraph::testing::TempDir dir;
    auto db = Database::Open(dir / "db", Options());
    REQUIRE(db.ok());
    {
      auto w = (*db)->BeginWrite();
      REQUIRE(w.ok());
      for (uint32_t v = 0; v < g.n; ++v) {
        std::vector<std::string> labels{"N"};
        for (LabelId l : g.labels[v]) labels.push_back(l == 0 ? "A" : "B");
        REQUIRE((*w)->CreateNode(labels, {}).ok());
      }
      for (const EdgeSpec& e : g.edges) {
        REQUIRE((*w)->CreateRelationship(e.start, e.end, "T" + std::to_string(e.type), {}).ok());
      }
      REQUIRE((*w)->Commit().ok());
    }
    auto reader = (*db)->NewReader();
    auto t1 = reader->FindType("T1");
    for (int q = 0; q < 25; ++q) {
      query::PathRequest req;
      req.reader = reader.get();
      req.start = 1 + rng() % g.n;
      req.end = 1 + rng() % g.n;
      req.direction =
          std::vector<Direction>{Direction::kOut, Direction::kIn, Direction::kBoth}[rng() % 3];
      req.max_hops = 1 + rng() % 6;
      if (rng() % 2) {
        // Nodes with label B are off limits.
        req.node_ok = [&g](NodeId id) -> Result<bool> {
          const auto& ls = g.labels[id - 1];
          return std::find(ls.begin(), ls.end(), 1u) == ls.end();
        };
      }
      if (rng() % 2 && t1.ok()) {
        TypeId banned = *t1;
        req.rel_ok = [banned](const NeighborEntry& e, NodeId) -> Result<bool> {
          return e.type != banned;
        };
      }
      // allShortestPaths: the exact same set of paths, also
      // under a predicate that depends on the direction a relationship is walked in.
      if (req.start != req.end) {
        query::PathRequest all = req;
        all.mode = query::PathRequest::Mode::kAll;
        if (rng() % 3 == 0) {
          all.rel_ok = [](const NeighborEntry& e, NodeId from) -> Result<bool> {
            return e.dir == Direction::kOut || (e.other + from) % 3 != 0;
          };
        }
        std::vector<query::FoundPath> want_all, got_all;
        REQUIRE(pactgraph::testing::ReferenceBfs().FindShortestPaths(all, &want_all).ok());
        REQUIRE(GraphPathFinder().FindShortestPaths(all, &got_all).ok());
        auto key = [](const std::vector<query::FoundPath>& ps) {
          std::set<std::pair<std::vector<NodeId>, std::vector<RelId>>> k;
          for (const auto& p : ps) k.insert({p.nodes, p.rels});
          return k;
        };
        INFO("allShortestPaths, round " << round << " query " << q);
        REQUIRE(got_all.size() == want_all.size());
        REQUIRE(key(got_all) == key(want_all));
        all_found += !got_all.empty();
        several += got_all.size() > 1;
      }
      std::vector<query::FoundPath> want, got;
      REQUIRE(pactgraph::testing::ReferenceBfs().FindShortestPaths(req, &want).ok());
      REQUIRE(GraphPathFinder().FindShortestPaths(req, &got).ok());
      INFO("round " << round << " query " << q);
      REQUIRE(got.size() == want.size());
      if (got.empty()) continue;
      ++found;
      const auto& p = got[0];
      REQUIRE(p.rels.size() == want[0].rels.size());
      REQUIRE(p.nodes.front() == req.start);
      REQUIRE(p.nodes.back() == req.end);
      for (size_t i = 0; i < p.rels.size(); ++i) {
        Relationship r;
        REQUIRE(reader->GetRelationship(p.rels[i], &r).ok());
        bool fwd = r.start == p.nodes[i] && r.end == p.nodes[i + 1];
        bool bwd = r.end == p.nodes[i] && r.start == p.nodes[i + 1];
        if (req.direction == Direction::kOut) REQUIRE(fwd);
        if (req.direction == Direction::kIn) REQUIRE(bwd);
        REQUIRE((fwd || bwd));
        if (req.rel_ok) REQUIRE(r.type != "T1");
        if (i > 0 && req.node_ok) REQUIRE(*req.node_ok(p.nodes[i]));
      }
    }
  }
  CHECK(found > 100);
  CHECK(all_found > 100);
  CHECK(several > 20);
}

}  // namespace
}  // namespace pactgraph::graph

// Differential tests of the path searches against brute-force enumeration of simple paths.
#include "engine/graph/paths.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "tests/engine/graph/random_graph.h"

namespace pactgraph::graph {
namespace {

using testing::AllSimplePaths;
using testing::MakeRandomGraph;
using testing::RandomFilter;
using testing::RefFilter;
using testing::RefPath;

// The path is a real path of the graph that the filter allows.
void CheckValid(const testing::RandomGraph& g, const RefFilter& rf, const GraphPath& p, uint32_t s,
                uint32_t t) {
  REQUIRE(p.vertices.size() == p.rels.size() + 1);
  REQUIRE(p.vertices.front() == s);
  REQUIRE(p.vertices.back() == t);
  REQUIRE(p.rels.size() <= rf.f.max_hops);
  std::set<uint32_t> distinct(p.vertices.begin(), p.vertices.end());
  REQUIRE(distinct.size() == p.vertices.size());
  double cost = 0;
  for (size_t i = 0; i < p.rels.size(); ++i) {
    const EdgeSpec& e = g.edges[p.rels[i]];
    uint32_t a = static_cast<uint32_t>(e.start - 1), b = static_cast<uint32_t>(e.end - 1);
    bool forward = a == p.vertices[i] && b == p.vertices[i + 1];
    bool backward = b == p.vertices[i] && a == p.vertices[i + 1];
    REQUIRE((forward || (backward && !rf.f.directed)));
    REQUIRE(rf.Rel(p.rels[i]));
    if (i > 0) REQUIRE(rf.Inner(p.vertices[i]));
    cost += e.weight;
  }
  (void)cost;
}

double Cost(const testing::RandomGraph& g, const GraphPath& p) {
  double c = 0;
  for (RelIndex r : p.rels) c += g.edges[r].weight;
  return c;
}

TEST_CASE("Paths: shortest, all shortest, weighted and k shortest match brute force",
          "[graph][paths]") {
  std::mt19937_64 rng(20240611);
  int with_path = 0, without_path = 0;
  for (int round = 0; round < 600; ++round) {
    auto g = MakeRandomGraph(rng);
    GraphFilter filter = RandomFilter(rng);
    if (!g.snapshot->has_dates()) filter.since = filter.until = std::nullopt;  // no edges
    RefFilter rf{&g, filter};
    uint32_t s = rng() % g.n, t = rng() % g.n;
    INFO("round " << round << " s=" << s << " t=" << t << " directed=" << filter.directed
                  << " max_hops=" << filter.max_hops);
    std::vector<RefPath> all = AllSimplePaths(rf, s, t);
    size_t min_hops = SIZE_MAX;
    double min_cost = INFINITY;
    for (const RefPath& p : all) {
      min_hops = std::min(min_hops, p.rels.size());
      min_cost = std::min(min_cost, p.cost);
    }
    (all.empty() ? without_path : with_path)++;

    PathOptions q;
    q.filter = filter;
    std::vector<GraphPath> got;
    REQUIRE(FindPaths(*g.snapshot, s, t, q, &got).ok());
    REQUIRE(got.size() == (all.empty() ? 0u : 1u));
    if (!got.empty()) {
      CheckValid(g, rf, got[0], s, t);
      REQUIRE(got[0].hops() == min_hops);
    }

    // All shortest: exactly the set of minimum-hop simple paths.
    q.mode = PathMode::kAllShortest;
    REQUIRE(FindPaths(*g.snapshot, s, t, q, &got).ok());
    std::set<std::pair<std::vector<uint32_t>, std::vector<uint32_t>>> want, have;
    for (const RefPath& p : all) {
      if (p.rels.size() == min_hops) want.insert({p.vertices, p.rels});
    }
    for (const GraphPath& p : got) {
      CheckValid(g, rf, p, s, t);
      have.insert({p.vertices, p.rels});
    }
    REQUIRE(have.size() == got.size());
    REQUIRE(have == want);

    // Weighted: the cheapest simple path within the hop bound.
    q.mode = PathMode::kWeighted;
    REQUIRE(FindPaths(*g.snapshot, s, t, q, &got).ok());
    REQUIRE(got.size() == (all.empty() ? 0u : 1u));
    if (!got.empty()) {
      CheckValid(g, rf, got[0], s, t);
      REQUIRE(got[0].cost == Approx(min_cost));
      REQUIRE(Cost(g, got[0]) == Approx(min_cost));
    }

    // k shortest (by cost and by hops): the k best of all simple paths, in order, distinct.
    for (bool weighted : {true, false}) {
      q.mode = PathMode::kKShortest;
      q.weight = weighted ? "weight" : "";
      q.k = 1 + rng() % 5;
      REQUIRE(FindPaths(*g.snapshot, s, t, q, &got).ok());
      std::vector<double> costs;
      for (const RefPath& p : all) costs.push_back(weighted ? p.cost : p.rels.size());
      std::sort(costs.begin(), costs.end());
      REQUIRE(got.size() == std::min<size_t>(q.k, all.size()));
      std::set<std::vector<uint32_t>> distinct;
      for (size_t i = 0; i < got.size(); ++i) {
        CheckValid(g, rf, got[i], s, t);
        double c = weighted ? Cost(g, got[i]) : got[i].hops();
        REQUIRE(c == Approx(costs[i]));
        REQUIRE(got[i].cost == Approx(c));
        distinct.insert(got[i].rels);
      }
      REQUIRE(distinct.size() == got.size());
    }
  }
  // The generator must exercise both outcomes.
  CHECK(with_path > 100);
  CHECK(without_path > 50);
}

TEST_CASE("Paths: edge cases", "[graph][paths]") {
  // 1 - 2 twice (parallel), 2 - 2 self-loop, 3 isolated, 2 -> 4.
  std::vector<EdgeSpec> edges = {
      {1, 2, 0, 0, 1.0}, {1, 2, 0, 0, 3.0}, {2, 2, 0, 0, 1.0}, {2, 4, 0, 0, 1.0}};
  auto g = GraphSnapshot::FromEdges({1, 2, 3, 4}, {}, edges, {"T"});
  PathOptions q;
  std::vector<GraphPath> got;
  SECTION("same source and target gives the empty path") {
    for (PathMode mode :
         {PathMode::kShortest, PathMode::kAllShortest, PathMode::kWeighted, PathMode::kKShortest}) {
      q.mode = mode;
      q.k = 3;
      REQUIRE(FindPaths(*g, 1, 1, q, &got).ok());
      REQUIRE(got.size() == 1);
      CHECK(got[0].hops() == 0);
      CHECK(got[0].cost == 0);
    }
  }
  SECTION("isolated and unreachable targets give no path") {
    REQUIRE(FindPaths(*g, 0, 2, q, &got).ok());
    CHECK(got.empty());
    q.filter.directed = true;
    REQUIRE(FindPaths(*g, 3, 0, q, &got).ok());  // 4 -> 1 against direction
    CHECK(got.empty());
    q.filter.directed = false;
    REQUIRE(FindPaths(*g, 3, 0, q, &got).ok());
    CHECK(got.size() == 1);
  }
  SECTION("parallel relationships are distinct paths") {
    q.mode = PathMode::kAllShortest;
    REQUIRE(FindPaths(*g, 0, 3, q, &got).ok());
    CHECK(got.size() == 2);
    q.mode = PathMode::kWeighted;
    REQUIRE(FindPaths(*g, 0, 3, q, &got).ok());
    REQUIRE(got.size() == 1);
    CHECK(got[0].cost == 2.0);
    CHECK(got[0].rels == std::vector<RelIndex>{0, 3});
    q.mode = PathMode::kKShortest;
    q.weight = "weight";
    q.k = 5;
    REQUIRE(FindPaths(*g, 0, 3, q, &got).ok());
    REQUIRE(got.size() == 2);  // the self-loop never makes a loopless path
    CHECK(got[1].cost == 4.0);
  }
  SECTION("the hop bound is honoured") {
    q.filter.max_hops = 1;
    REQUIRE(FindPaths(*g, 0, 3, q, &got).ok());
    CHECK(got.empty());
    q.mode = PathMode::kWeighted;
    REQUIRE(FindPaths(*g, 0, 3, q, &got).ok());
    CHECK(got.empty());
  }
  SECTION("bad filters and options are errors") {
    q.filter.types = {"NOPE"};
    Status st = FindPaths(*g, 0, 3, q, &got);
    CHECK(st.code() == Status::Code::kInvalidArgument);
    CHECK(st.message().find("NOPE") != std::string::npos);
    q.filter.types.clear();
    q.filter.since = Date{0};
    CHECK(FindPaths(*g, 0, 3, q, &got).code() == Status::Code::kInvalidArgument);
    q.filter.since.reset();
    q.mode = PathMode::kKShortest;
    q.k = 0;
    CHECK(FindPaths(*g, 0, 3, q, &got).code() == Status::Code::kInvalidArgument);
  }
}

TEST_CASE("Paths: weighted search prefers a cheap long path within the hop bound",
          "[graph][paths]") {
  // 1-2-3-4-5 costs 1 each; 1-5 costs 10; with max_hops 3 only the direct one fits.
  std::vector<EdgeSpec> edges = {{1, 2, 0, 0, 1}, {2, 3, 0, 0, 1},  {3, 4, 0, 0, 1},
                                 {4, 5, 0, 0, 1}, {1, 5, 0, 0, 10}, {1, 3, 0, 0, 5}};
  auto g = GraphSnapshot::FromEdges({1, 2, 3, 4, 5}, {}, edges, {"T"});
  PathOptions q;
  q.mode = PathMode::kWeighted;
  std::vector<GraphPath> got;
  REQUIRE(FindPaths(*g, 0, 4, q, &got).ok());
  CHECK(got[0].cost == 4);
  q.filter.max_hops = 3;
  REQUIRE(FindPaths(*g, 0, 4, q, &got).ok());
  CHECK(got[0].cost == 7);  // 1-3 (5) + 3-4 + 4-5
  q.filter.max_hops = 2;
  REQUIRE(FindPaths(*g, 0, 4, q, &got).ok());
  CHECK(got[0].cost == 10);
}

}  // namespace
}  // namespace pactgraph::graph

namespace pactgraph::graph {
namespace {

TEST_CASE("Paths: a check stops k shortest paths between spur searches", "[graph][paths]") {
  // 1 -> {2, 3, 4} -> {5, 6, 7} -> 8: nine paths of three hops.
  std::vector<EdgeSpec> edges;
  for (uint64_t a : {2, 3, 4}) {
    edges.push_back({1, a, 0, 0, 1.0});
    for (uint64_t b : {5, 6, 7}) edges.push_back({a, b, 0, 0, 1.0});
  }
  for (uint64_t b : {5, 6, 7}) edges.push_back({b, 8, 0, 0, 1.0});
  auto g = GraphSnapshot::FromEdges({1, 2, 3, 4, 5, 6, 7, 8}, {}, edges, {"T"});
  PathOptions q;
  q.mode = PathMode::kKShortest;
  q.k = 9;
  int calls = 0;
  q.check = [&] {
    ++calls;
    return Status::OK();
  };
  std::vector<GraphPath> got;
  REQUIRE(FindPaths(*g, 0, 7, q, &got).ok());
  CHECK(got.size() == 9);
  CHECK(calls > 9);  // once before the search, then before every spur search
  const int all_calls = calls;
  // A check that fails part way stops the search with its status.
  calls = 0;
  q.check = [&] {
    return ++calls > all_calls / 2 ? Status::LimitExceeded("too slow") : Status::OK();
  };
  Status s = FindPaths(*g, 0, 7, q, &got);
  CHECK(s.code() == Status::Code::kLimitExceeded);
  CHECK(s.message() == "too slow");
  CHECK(calls == all_calls / 2 + 1);
  // Failing at once stops every mode before it searches.
  for (PathMode mode : {PathMode::kShortest, PathMode::kAllShortest, PathMode::kWeighted}) {
    q.mode = mode;
    q.check = [] { return Status::Cancelled("stop"); };
    CHECK(FindPaths(*g, 0, 7, q, &got).code() == Status::Code::kCancelled);
  }
}

}  // namespace
}  // namespace pactgraph::graph

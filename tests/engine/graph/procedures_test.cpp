// The algo.* procedures and shortestPath(), through the query language.
#include <catch2/catch.hpp>

#include "engine/graph/graph_path_finder.h"
#include "engine/graph/snapshot_cache.h"
#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "tests/test_util.h"

namespace pactgraph {
namespace {

QueryResult Run(Session& s, const std::string& q) {
  auto r = s.Execute(q);
  INFO(q << "\n" << r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("Procedures: algo.* and shortestPath run from queries", "[graph][procedures]") {
  pactgraph::testing::TempDir dir;
  auto db = Database::Open(dir / "db", Options());
  REQUIRE(db.ok());
  Session s(db->get());
  Run(s,
      "CREATE (k:Country {name: 'Kenya'})-[:MOU {weight: 1.0, date: '2021-03-04'}]->"
      "(i:Organization {name: 'ICT Authority'})-[:COOPERATION {weight: 1.0, date: "
      "'2022-01-01'}]->(j:Country {name: 'Japan'}), (k)-[:TRADE {weight: 5.0, date: "
      "'2010-01-01'}]->(j), (:Country {name: 'Iceland'})");

  auto r = Run(s, "CALL algo.wcc() YIELD node, value RETURN node.name AS n, value ORDER BY n");
  REQUIRE(r.size() == 4);
  // Sorted by name: ICT Authority, Iceland, Japan, Kenya.
  CHECK(r.row(0)[1] == r.row(2)[1]);
  CHECK(r.row(0)[1] == r.row(3)[1]);
  CHECK(!(r.row(0)[1] == r.row(1)[1]));

  r = Run(s,
          "CALL algo.degree({types: ['MOU', 'TRADE']}) YIELD node, value "
          "RETURN node.name AS n, value ORDER BY n");
  REQUIRE(r.size() == 4);
  CHECK(r.row(0)[1] == Value(int64_t{1}));  // ICT Authority: MOU only
  CHECK(r.row(2)[1] == Value(int64_t{1}));  // Japan: TRADE only
  CHECK(r.row(3)[1] == Value(int64_t{2}));  // Kenya

  r = Run(s, "CALL algo.pageRank({iterations: 30}) YIELD node, value RETURN sum(value) AS total");
  REQUIRE(r.size() == 1);
  CHECK(r.row(0)[0].as_number() == Approx(1.0));

  r = Run(s,
          "MATCH (a {name: 'Kenya'}), (b {name: 'Japan'}) "
          "CALL algo.shortestPath(a, b, {weight: 'weight', k: 3}) YIELD path, cost "
          "RETURN length(path) AS hops, cost");
  REQUIRE(r.size() == 2);
  CHECK(r.row(0)[0] == Value(int64_t{2}));
  CHECK(r.row(0)[1] == Value(2.0));
  CHECK(r.row(1)[1] == Value(5.0));

  r = Run(s,
          "MATCH (a {name: 'Kenya'}), (b {name: 'Japan'}) "
          "CALL algo.shortestPath(a, b, {since: '2020-01-01'}) YIELD path RETURN length(path)");
  REQUIRE(r.size() == 1);
  CHECK(r.row(0)[0] == Value(int64_t{2}));

  r = Run(s,
          "MATCH p = shortestPath((a {name: 'Kenya'})-[:MOU|COOPERATION*..6]-(b {name: 'Japan'})) "
          "RETURN length(p)");
  REQUIRE(r.size() == 1);
  CHECK(r.row(0)[0] == Value(int64_t{2}));
  r = Run(s,
          "MATCH p = shortestPath((a {name: 'Kenya'})-[*..6]-(b {name: 'Japan'})) "
          "WHERE none(n IN nodes(p) WHERE n:Organization) RETURN length(p)");
  REQUIRE(r.size() == 1);
  CHECK(r.row(0)[0] == Value(int64_t{1}));

  auto bad = s.Execute("CALL algo.pageRank({damping: 'high'}) YIELD node RETURN node");
  CHECK(bad.status().code() == Status::Code::kInvalidArgument);
  CHECK(bad.status().message().find("damping") != std::string::npos);
  bad = s.Execute("CALL algo.wcc({types: ['NOPE']}) YIELD node RETURN node");
  CHECK(bad.status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("Procedures: CALLs share one CSR copy until the next commit", "[graph][procedures]") {
  pactgraph::testing::TempDir dir;
  auto db = Database::Open(dir / "db", Options());
  REQUIRE(db.ok());
  Session s(db->get());
  Run(s, "CREATE (:C {name: 'A'})-[:MOU]->(:C {name: 'B'}), (:C {name: 'Z'})");
  const std::string wcc =
      "CALL algo.wcc() YIELD node, value RETURN count(DISTINCT value) AS components";
  const uint64_t before = graph::SharedSnapshotBuilds();
  CHECK(Run(s, wcc).row(0)[0] == Value(int64_t{2}));
  CHECK(Run(s, wcc).row(0)[0] == Value(int64_t{2}));
  CHECK(Run(s, "CALL algo.degree() YIELD node, value RETURN sum(value)").row(0)[0] ==
        Value(int64_t{2}));
  CHECK(graph::SharedSnapshotBuilds() == before + 1);  // one build served three CALLs

  // A commit makes the cached copy stale: the next CALL sees the new relationship.
  Run(s, "MATCH (b {name: 'B'}), (z {name: 'Z'}) CREATE (b)-[:MOU]->(z)");
  CHECK(Run(s, wcc).row(0)[0] == Value(int64_t{1}));
  CHECK(graph::SharedSnapshotBuilds() == before + 2);

  // Inside a writing query the procedure reads the transaction (its own writes included),
  // which is never cached.
  auto r = Run(s,
               "CREATE (:C {name: 'Y'}) WITH 1 AS one "
               "CALL algo.wcc() YIELD node, value RETURN count(DISTINCT value) AS components");
  CHECK(r.row(0)[0] == Value(int64_t{2}));
  CHECK(Run(s, wcc).row(0)[0] == Value(int64_t{2}));
}

TEST_CASE("Procedures: a read-only instance shares one CSR copy between catch-ups",
          "[graph][procedures]") {
  pactgraph::testing::TempDir dir;
  auto writer = Database::Open(dir / "db", Options());
  REQUIRE(writer.ok());
  Session ws(writer->get());
  Run(ws, "CREATE (:C {name: 'A'})-[:MOU]->(:C {name: 'B'}), (:C {name: 'Z'})");
  Options ro;
  ro.read_only = true;
  auto reader_db = Database::Open(dir / "db", ro);
  REQUIRE(reader_db.ok());
  Session rs(reader_db->get());
  const std::string wcc =
      "CALL algo.wcc() YIELD node, value RETURN count(DISTINCT value) AS components";
  const uint64_t before = graph::SharedSnapshotBuilds();
  CHECK(Run(rs, wcc).row(0)[0] == Value(int64_t{2}));
  CHECK(Run(rs, wcc).row(0)[0] == Value(int64_t{2}));
  CHECK(graph::SharedSnapshotBuilds() == before + 1);  // the second CALL reused the copy

  // The writer commits; after the catch-up the reader sees it, through a new copy.
  Run(ws, "MATCH (b {name: 'B'}), (z {name: 'Z'}) CREATE (b)-[:MOU]->(z)");
  REQUIRE((*reader_db)->CatchUp().ok());
  CHECK(Run(rs, wcc).row(0)[0] == Value(int64_t{1}));
  CHECK(graph::SharedSnapshotBuilds() == before + 2);
  CHECK(Run(rs, wcc).row(0)[0] == Value(int64_t{1}));
  CHECK(graph::SharedSnapshotBuilds() == before + 2);
}

}  // namespace
}  // namespace pactgraph

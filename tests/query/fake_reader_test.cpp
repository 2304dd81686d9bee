// The query pipeline on its own: parse, bind, plan and execute over an in-memory FakeGraph,
// with services the test builds (no RocksDB, no engine).
#include <catch2/catch.hpp>

#include "query/procedure/path_finder.h"
#include "query/procedure/procedure_registry.h"
#include "query/query_engine.h"
#include "tests/query/fake_reader.h"

namespace pactgraph {
namespace {

using testing::FakeGraph;

struct Pipeline {
  query::ProcedureRegistry registry;
  query::QueryServices services;
  FakeGraph graph;

  Pipeline() {
    query::RegisterBuiltinProcedures(&registry);
    services.procedures = &registry;
  }

  Result<query::QueryOutput> Run(std::string_view text, const ValueMap& params = {}) {
    PG_ASSIGN_OR_RETURN(auto prepared, query::PrepareQuery(text, params, services));
    return query::RunPrepared(*prepared, &graph, prepared->writes() ? &graph : nullptr, params,
                              SessionOptions(), services);
  }
};

// A finder that answers every request with the direct relationship, if there is one: enough
// to see that shortestPath() asks the injected finder, with the query's endpoints.
class DirectOnlyFinder : public query::PathFinder {
 public:
  int calls = 0;
  Status FindShortestPaths(const query::PathRequest& req,
                           std::vector<query::FoundPath>* out) override {
    ++calls;
    out->clear();
    return req.reader->Neighbors(req.start, req.direction, req.types,
                                 [&](const NeighborEntry& e) {
                                   if (e.other != req.end) return true;
                                   out->push_back({{req.start, req.end}, {e.rel}});
                                   return false;
                                 });
  }
};

TEST_CASE("Query pipeline: writes and reads over a fake reader", "[query]") {
  Pipeline p;
  auto created = p.Run(
      "CREATE (a:Nation {name: 'Arcadia'})-[:MOU {year: 2024}]->(b:Organization {name: 'Lumen'}), "
      "(a)-[:VISIT]->(c:Nation {name: 'Borealis'})");
  REQUIRE(created.ok());
  CHECK(created->stats.nodes_created == 3);
  CHECK(created->stats.relationships_created == 2);

  auto partners = p.Run(
      "MATCH (n:Nation {name: 'Arcadia'})-[r]->(m) RETURN m.name AS partner, type(r) AS t "
      "ORDER BY partner");
  REQUIRE(partners.ok());
  REQUIRE(partners->rows.size() == 2);
  CHECK(partners->rows[0][0] == Value("Borealis"));
  CHECK(partners->rows[0][1] == Value("VISIT"));
  CHECK(partners->rows[1][0] == Value("Lumen"));

  auto counted = p.Run("MATCH (n) RETURN labels(n)[0] AS l, count(*) AS c ORDER BY l");
  REQUIRE(counted.ok());
  REQUIRE(counted->rows.size() == 2);
  CHECK(counted->rows[0] == std::vector<Value>{Value("Nation"), Value(int64_t{2})});
}

TEST_CASE("Query pipeline: CALL reaches the registry it is given", "[query]") {
  Pipeline p;
  REQUIRE(p.Run("CREATE (:Nation {name: 'Arcadia'}), (:Program {name: 'Skyline'})").ok());
  auto labels = p.Run("CALL db.labels() YIELD label RETURN label ORDER BY label");
  REQUIRE(labels.ok());
  REQUIRE(labels->rows.size() == 2);
  CHECK(labels->rows[1][0] == Value("Program"));

  query::QueryServices none;  // no registry: every procedure is unknown
  auto unknown = query::PrepareQuery("CALL db.labels()", {}, none);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == Status::Code::kNotFound);
}

TEST_CASE("Query pipeline: shortestPath() uses the injected finder", "[query]") {
  Pipeline p;
  REQUIRE(p.Run("CREATE (:Nation {name: 'Arcadia'})-[:MOU]->(:Nation {name: 'Borealis'})").ok());
  const char* q =
      "MATCH (a {name: 'Arcadia'}), (b {name: 'Borealis'}) "
      "MATCH s = shortestPath((a)-[*..4]-(b)) RETURN length(s) AS hops";

  auto without = p.Run(q);  // no finder configured
  REQUIRE_FALSE(without.ok());
  CHECK(without.status().code() == Status::Code::kNotSupported);

  DirectOnlyFinder finder;
  p.services.path_finder = &finder;
  auto with = p.Run(q);
  REQUIRE(with.ok());
  CHECK(finder.calls == 1);
  REQUIRE(with->rows.size() == 1);
  CHECK(with->rows[0][0] == Value(int64_t{1}));
}

TEST_CASE("Query pipeline: limits come from the SessionOptions given", "[query]") {
  Pipeline p;
  SessionOptions tight;
  tight.max_rows = 5;
  auto prepared = query::PrepareQuery("UNWIND range(1, 100) AS x RETURN x", {}, p.services);
  REQUIRE(prepared.ok());
  auto out = query::RunPrepared(**prepared, &p.graph, nullptr, {}, tight, p.services);
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == Status::Code::kLimitExceeded);
  CHECK(out.status().message().find("max_rows") != std::string::npos);
}

}  // namespace
}  // namespace pactgraph

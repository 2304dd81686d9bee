// Session::ExecuteIn: queries inside a write transaction the caller owns (the shell's :begin).
#include <catch2/catch.hpp>

#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "tests/test_util.h"

using namespace pactgraph;

namespace {

int64_t CountNodes(Session& s) {
  auto r = s.Execute("MATCH (n) RETURN count(n) AS n");
  REQUIRE(r.ok());
  return r->row(0)[0].as_int();
}

}  // namespace

TEST_CASE("session: ExecuteIn runs statements in one transaction, committed as one", "[session]") {
  testing::TempDir dir;
  auto db = Database::Open(dir / "db", Options{});
  REQUIRE(db.ok());
  Session s(db->get());
  {
    auto tx = (*db)->BeginWrite();
    REQUIRE(tx.ok());
    auto a = s.ExecuteIn(tx->get(), "CREATE (:Nation {name: 'Kenya'})");
    REQUIRE(a.ok());
    CHECK(a->stats().wrote);
    CHECK(a->stats().nodes_created == 1);
    // The next statement sees the first one's write; the database does not yet.
    auto b =
        s.ExecuteIn(tx->get(), "MATCH (k:Nation {name: 'Kenya'}) CREATE (k)-[:MOU]->(:Nation)");
    REQUIRE(b.ok());
    CHECK(b->stats().relationships_created == 1);
    auto read = s.ExecuteIn(tx->get(), "MATCH (n) RETURN count(n) AS n");
    REQUIRE(read.ok());
    CHECK(read->row(0)[0].as_int() == 2);
    CHECK_FALSE(read->stats().wrote);
    CHECK(CountNodes(s) == 0);
    REQUIRE((*tx)->Commit().ok());
  }
  CHECK(CountNodes(s) == 2);
  {
    // Dropped without Commit: nothing of it is kept.
    auto tx = (*db)->BeginWrite();
    REQUIRE(tx.ok());
    REQUIRE(s.ExecuteIn(tx->get(), "MATCH (n) DETACH DELETE n").ok());
  }
  CHECK(CountNodes(s) == 2);
  auto bad = s.ExecuteIn(nullptr, "RETURN 1");
  CHECK(bad.status().code() == Status::Code::kInvalidArgument);
  auto tx = (*db)->BeginWrite();
  REQUIRE(tx.ok());
  CHECK(s.ExecuteIn(tx->get(), "MATCH (n RETURN n").status().code() == Status::Code::kParseError);
}

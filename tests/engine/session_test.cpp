// The public Session API: typed values, the row cursor, parameters, atomic writes, limits.
#include "pactgraph/session.h"

#include <catch2/catch.hpp>

#include "pactgraph/database.h"
#include "tests/test_util.h"

using namespace pactgraph;

namespace {

std::unique_ptr<Database> OpenTemp(const testing::TempDir& dir) {
  auto db = Database::Open(dir / "db", Options{});
  REQUIRE(db.ok());
  return std::move(db).value();
}

}  // namespace

TEST_CASE("query: Session returns typed values through a cursor", "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  auto w = s.Execute("CREATE (a:Country {name: 'Kenya'})-[:MOU {year: 2020}]->(b:Org {name: 'X'})");
  REQUIRE(w.ok());
  CHECK(w->stats().nodes_created == 2);
  CHECK(w->stats().relationships_created == 1);
  CHECK(w->stats().Summary() ==
        "2 nodes created, 1 relationship created, 3 properties set, "
        "2 labels added");
  auto r = s.Execute("MATCH p = (a)-[r]->(b) RETURN a, r, p, a.name AS name, [1, 2] AS l");
  REQUIRE(r.ok());
  CHECK(r->columns() == std::vector<std::string>{"a", "r", "p", "name", "l"});
  REQUIRE(r->Next());
  CHECK(r->Get(0).is_node());
  CHECK(r->Get(0).as_node().labels == std::vector<std::string>{"Country"});
  CHECK(r->Get(1).is_rel());
  CHECK(r->Get(1).as_rel().type == "MOU");
  CHECK(r->Get(2).is_path());
  CHECK(r->Get(2).as_path().nodes.size() == 2);
  CHECK(r->Get("name")->as_string() == "Kenya");
  CHECK(r->Get(4).as_list().size() == 2);
  CHECK(!r->Get("nope").ok());
  CHECK_FALSE(r->Next());
}

TEST_CASE("query: parameters of every type", "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  ValueMap p{{"i", Value(int64_t{3})},
             {"s", Value("x")},
             {"l", Value(ValueList{Value(1), Value(2)})},
             {"d", Value(Date::FromYmd(2020, 1, 2))}};
  auto r = s.Execute("RETURN $i + 1, $s + 'y', size($l), $d.year", p);
  REQUIRE(r.ok());
  CHECK(r->row(0)[0].as_int() == 4);
  CHECK(r->row(0)[1].as_string() == "xy");
  CHECK(r->row(0)[2].as_int() == 2);
  CHECK(r->row(0)[3].as_int() == 2020);
  auto missing = s.Execute("RETURN $nope");
  REQUIRE(!missing.ok());
  CHECK(missing.status().message().find("missing parameter $nope") != std::string::npos);
}

TEST_CASE("query: a failing write query leaves the database unchanged", "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  REQUIRE(s.Execute("CREATE (:A {v: 1})").ok());
  auto bad = s.Execute("MATCH (a:A) CREATE (:B) SET a.v = 2 WITH a RETURN a.v / 0");
  REQUIRE(!bad.ok());
  auto r = s.Execute("MATCH (n) RETURN count(n), collect(n.v)");
  REQUIRE(r.ok());
  CHECK(r->row(0)[0].as_int() == 1);
  CHECK(r->row(0)[1].as_list()[0].as_int() == 1);
}

TEST_CASE("query: ExecuteOn runs read-only queries on a caller's reader", "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  REQUIRE(s.Execute("CREATE (:A {name: 'a'})").ok());
  auto reader = db->NewReader();
  auto r = Session::ExecuteOn(*reader, "MATCH (n:A) RETURN n.name");
  REQUIRE(r.ok());
  CHECK(r->row(0)[0].as_string() == "a");
  auto w = Session::ExecuteOn(*reader, "CREATE (:B)");
  CHECK(!w.ok());
}

TEST_CASE("query: the timeout and cancellation stop a query, the next one works",
          "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  SessionOptions o;
  o.timeout_ms = 1;
  Session s(db.get(), o);
  auto r = s.Execute("UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN count(*)");
  REQUIRE(!r.ok());
  CHECK(r.status().code() == Status::Code::kLimitExceeded);
  CHECK(r.status().message().find("limit timeout_ms") != std::string::npos);
  std::atomic<bool> cancel{true};
  o.timeout_ms = 0;
  o.cancel = &cancel;
  s.set_options(o);
  auto c = s.Execute("UNWIND range(1, 100000) AS a RETURN count(*)");
  REQUIRE(!c.ok());
  CHECK(c.status().code() == Status::Code::kCancelled);
  cancel = false;
  auto ok = s.Execute("RETURN 1");
  CHECK(ok.ok());
}

TEST_CASE("query: EXPLAIN shows the name index for an equality on name", "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  auto r = s.Execute("EXPLAIN MATCH (a:Country)-[:MOU]-(b {name: 'Rwanda'}) RETURN a");
  REQUIRE(r.ok());
  REQUIRE(r->size() > 2);
  CHECK(r->row(1)[0].as_string() == "NodeByNameIndex (b)");
  auto p = s.Execute("PROFILE UNWIND [1, 2, 3] AS x RETURN x");
  REQUIRE(p.ok());
  CHECK(p->columns() == std::vector<std::string>{"operator", "rows", "time_ms"});
  CHECK(p->row(1)[0].as_string() == "Unwind");
  CHECK(p->row(1)[1].as_int() == 3);
}

TEST_CASE("query: name lookups are normalised, but equality stays exact", "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  REQUIRE(s.Execute("CREATE (:Country {name: 'Việt Nam'}), (:Country {name: 'Viet Nam'})").ok());
  auto r = s.Execute("MATCH (c {name: 'Viet Nam'}) RETURN c.name");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  CHECK(r->row(0)[0].as_string() == "Viet Nam");
}

TEST_CASE("query: QueryWrites tells writing queries from reading ones without running them",
          "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  for (const char* q :
       {"CREATE (:Country {name: 'X'})", "MATCH (n) SET n.x = 1", "MATCH (n) DETACH DELETE n",
        "MERGE (a:Country {name: 'Y'}) RETURN a", "MATCH (n) REMOVE n:Country"}) {
    auto w = Session::QueryWrites(q);
    REQUIRE(w.ok());
    CHECK(*w);
  }
  for (const char* q : {"MATCH (n) RETURN n", "RETURN 1", "UNWIND [1, 2] AS x RETURN x",
                        "EXPLAIN MATCH (n) RETURN n"}) {
    auto w = Session::QueryWrites(q);
    REQUIRE(w.ok());
    CHECK(!*w);
  }
  auto bad = Session::QueryWrites("MATCH (n RETURN n");
  REQUIRE(!bad.ok());
  CHECK(bad.status().code() == Status::Code::kParseError);
  // Nothing ran: the CREATE above was only prepared.
  auto count = Session(db.get()).Execute("MATCH (n) RETURN count(n)");
  REQUIRE(count.ok());
  CHECK(count->row(0)[0].as_int() == 0);
}

TEST_CASE("query: Session and the C++ writer refuse strings that are not UTF-8",
          "[query][session][utf8]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  auto bad_text = s.Execute("CREATE (:A {name: 'x\xC3'})");
  REQUIRE_FALSE(bad_text.ok());
  CHECK(bad_text.status().code() == Status::Code::kInvalidArgument);
  CHECK(bad_text.status().message().find("invalid UTF-8 in the query") == 0);
  auto bad_param =
      s.Execute("CREATE (:A {tags: $t})", {{"t", Value(ValueList{Value("ok"), Value("\xFF")})}});
  REQUIRE_FALSE(bad_param.ok());
  CHECK(bad_param.status().message().find("parameter $t[1]: invalid UTF-8") == 0);
  // The storage layer is the last guard, for embedders who write through the C++ API.
  {
    auto w = std::move(db->BeginWrite()).value();
    auto created = w->CreateNode({"A"}, {{"name", Value("y\xED\xA0\x80")}});
    REQUIRE_FALSE(created.ok());
    CHECK(created.status().code() == Status::Code::kInvalidArgument);
  }
  auto n = s.Execute("MATCH (n) RETURN count(n) AS c");
  REQUIRE(n.ok());
  REQUIRE(n->Next());
  CHECK(n->Get(0).as_int() == 0);
}

TEST_CASE("query: QueryResult::warnings names unknown labels, types and keys", "[query][session]") {
  testing::TempDir dir;
  auto db = OpenTemp(dir);
  Session s(db.get());
  REQUIRE(s.Execute("CREATE (:Nation {name: 'Kenya'})-[:FUNDS]->(:Org)").ok());
  auto r = s.Execute("MATCH (n:nation)-[:MOU]->(m) RETURN n.Name, m.founded");
  REQUIRE(r.ok());
  CHECK(r->empty());
  CHECK(r->warnings() ==
        std::vector<std::string>{"no label :nation in this database; did you mean :Nation?",
                                 "no relationship type :MOU in this database",
                                 "no property key `Name` in this database; did you mean `name`?",
                                 "no property key `founded` in this database"});
  auto ok = s.Execute("MATCH (n:Nation)-[:FUNDS]->(m:Org) RETURN n.name");
  REQUIRE(ok.ok());
  CHECK(ok->warnings().empty());
}

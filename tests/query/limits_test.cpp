// Query limits over the fake reader: memory accounting of built values (strings, lists,
// comprehensions, range/replace/split), top-k for ORDER BY … LIMIT, streaming UNWIND range,
// and cancellation reached inside long expressions.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "query/procedure/procedure_registry.h"
#include "query/query_engine.h"
#include "tests/query/fake_reader.h"

namespace pactgraph {
namespace {

struct Limited {
  query::ProcedureRegistry registry;
  query::QueryServices services;
  testing::FakeGraph graph;
  SessionOptions options;

  Limited() {
    query::RegisterBuiltinProcedures(&registry);
    services.procedures = &registry;
  }
  Result<query::QueryOutput> Run(std::string_view text) {
    PG_ASSIGN_OR_RETURN(auto prepared, query::PrepareQuery(text, {}, services));
    return query::RunPrepared(*prepared, &graph, prepared->writes() ? &graph : nullptr, {}, options,
                              services);
  }
};

bool MemoryLimitHit(const Result<query::QueryOutput>& r) {
  return !r.ok() && r.status().code() == Status::Code::kLimitExceeded &&
         r.status().message().find("max_memory_mb") != std::string::npos &&
         r.status().message().find("--max-memory-mb") != std::string::npos;
}

std::string Doublings(int n) {
  std::string q = "WITH 'abcdefgh' AS s";
  for (int i = 0; i < n; ++i) q += " WITH s + s AS s";
  return q + " RETURN size(s) AS n";
}

TEST_CASE("limits: a string doubled past the memory limit is refused before it is built",
          "[query][limits]") {
  Limited q;
  q.options.max_memory_mb = 16;
  // 8 * 2^19 bytes = 4 MiB fits in 16 MiB (with the earlier generations, which the row holds
  // until it has passed: 8 MiB); 8 * 2^21 = 16 MiB does not.
  auto small = q.Run(Doublings(19));
  INFO(small.status().ToString());
  REQUIRE(small.ok());
  CHECK(small->rows[0][0] == Value(int64_t{8} << 19));
  auto big = q.Run(Doublings(21));
  INFO(big.status().ToString());
  CHECK(MemoryLimitHit(big));
  // The case: 30 doublings (8 GiB) under the default 1 GiB limit.
  q.options.max_memory_mb = 64;
  CHECK(MemoryLimitHit(q.Run(Doublings(30))));
}

TEST_CASE("limits: lists built by comprehensions, concatenation and range() are charged",
          "[query][limits]") {
  Limited q;
  q.options.max_memory_mb = 32;
  // 10,000 lists of 10,000 integers (~4 GB): refused while the outer list grows.
  auto nested = q.Run("RETURN size([x IN range(1,10000) | range(1,10000)]) AS n");
  INFO(nested.status().ToString());
  CHECK(MemoryLimitHit(nested));
  // A range larger than the limit is refused before it is built.
  CHECK(MemoryLimitHit(q.Run("RETURN size(range(1, 5000000)) AS n")));
  // Concatenation doubling a list.
  CHECK(
      MemoryLimitHit(q.Run("WITH range(1, 400000) AS l WITH l + l AS l WITH l + l AS l "
                           "RETURN size(l + l) AS n")));
  // replace() and split() size their result first (a 1 MB string, each 'a' made 100 bytes;
  // split into single characters: 3 million values).
  std::string mib = "WITH 'abcdefgh' AS s";  // a 1 MiB string
  for (int i = 0; i < 17; ++i) mib += " WITH s + s AS s";
  CHECK(MemoryLimitHit(q.Run(mib + " RETURN size(split(s, '')) AS n")));
  CHECK(MemoryLimitHit(q.Run(mib + " RETURN size(replace(s, 'a', s)) AS n")));
  auto fits = q.Run(mib + " RETURN size(split(s, 'h')) AS n, size(replace(s, 'a', 'AA')) AS m");
  REQUIRE(fits.ok());
  CHECK(fits->rows[0][0] == Value(int64_t{(1 << 17) + 1}));
  CHECK(fits->rows[0][1] == Value(int64_t{(1 << 20) + (1 << 17)}));
}

TEST_CASE("limits: temporaries are given back per iteration and per row", "[query][limits]") {
  Limited q;
  q.options.max_memory_mb = 32;
  // Each iteration builds a 400 KB list and keeps one integer: 400 MB in all, never more
  // than one list at a time.
  auto per_iteration = q.Run("RETURN size([x IN range(1, 1000) | size(range(1, 10000))]) AS n");
  INFO(per_iteration.status().ToString());
  REQUIRE(per_iteration.ok());
  CHECK(per_iteration->rows[0][0] == Value(int64_t{1000}));
  auto quantified = q.Run("RETURN all(x IN range(1, 1000) WHERE size(range(1, 10000)) > 0) AS b");
  REQUIRE(quantified.ok());
  CHECK(quantified->rows[0][0] == Value(true));
  // Each row builds a 400 KB list: 800 MB over 2,000 rows, one row at a time.
  auto per_row = q.Run("UNWIND range(1, 2000) AS i WITH range(1, 10000) AS l RETURN count(l) AS n");
  INFO(per_row.status().ToString());
  REQUIRE(per_row.ok());
  CHECK(per_row->rows[0][0] == Value(int64_t{2000}));
  // What a collect() keeps is charged: 2,000 such lists are 800 MB.
  CHECK(MemoryLimitHit(q.Run("UNWIND range(1, 2000) AS i RETURN size(collect(range(1, 10000)))")));
}

TEST_CASE("limits: ORDER BY … LIMIT keeps only the top rows", "[query][limits]") {
  Limited q;
  q.options.max_memory_mb = 4;
  // 200,000 buffered rows need ~20 MB: only top-k fits in 4 MiB.
  auto top = q.Run("UNWIND range(1, 200000) AS x RETURN x ORDER BY x DESC LIMIT 3");
  INFO(top.status().ToString());
  REQUIRE(top.ok());
  REQUIRE(top->rows.size() == 3);
  CHECK(top->rows[0][0] == Value(int64_t{200000}));
  CHECK(top->rows[2][0] == Value(int64_t{199998}));
  CHECK(MemoryLimitHit(q.Run("UNWIND range(1, 200000) AS x RETURN x ORDER BY x DESC")));
  // Ties keep their input order, SKIP counts into k, LIMIT 0 keeps nothing; the same answers
  // as the full sort gives.
  q.options.max_memory_mb = 64;
  auto full = q.Run("UNWIND range(1, 50) AS x RETURN x ORDER BY x % 3, x % 2 DESC");
  REQUIRE(full.ok());
  for (auto [skip, limit] : {std::pair{0, 5}, {3, 4}, {0, 50}, {10, 100}, {49, 1}, {0, 0}}) {
    auto part = q.Run("UNWIND range(1, 50) AS x RETURN x ORDER BY x % 3, x % 2 DESC SKIP " +
                      std::to_string(skip) + " LIMIT " + std::to_string(limit));
    REQUIRE(part.ok());
    std::vector<query::Row> expected;
    for (int i = skip; i < std::min(50, skip + limit); ++i) expected.push_back(full->rows[i]);
    CHECK(part->rows == expected);
  }
}

TEST_CASE("limits: UNWIND range() streams, bounded by max_rows", "[query][limits]") {
  Limited q;
  auto stepped = q.Run("UNWIND range(10, 1, -3) AS x RETURN collect(x) AS l");
  REQUIRE(stepped.ok());
  CHECK(stepped->rows[0][0] == Value(ValueList{int64_t{10}, int64_t{7}, int64_t{4}, int64_t{1}}));
  auto none = q.Run("UNWIND range(1, null) AS x RETURN count(*) AS n");
  REQUIRE(none.ok());
  CHECK(none->rows[0][0] == Value(int64_t{0}));
  CHECK(q.Run("UNWIND range(1, 'a') AS x RETURN x").status().code() ==
        Status::Code::kInvalidArgument);
  // A billion values: no list is built; the row limit stops it.
  q.options.max_rows = 100000;
  auto huge = q.Run("UNWIND range(1, 1000000000) AS x RETURN count(*) AS n");
  REQUIRE(!huge.ok());
  CHECK(huge.status().code() == Status::Code::kLimitExceeded);
  CHECK(huge.status().message().find("max_rows") != std::string::npos);
  // LIMIT stops the stream early.
  auto first = q.Run("UNWIND range(1, 1000000000) AS x RETURN x LIMIT 2");
  REQUIRE(first.ok());
  CHECK(first->rows.size() == 2);
}

// One row whose expression runs ~25 million iterations: before, neither cancellation nor the
// time limit was looked at until the row was done.
constexpr const char* kLongExpression =
    "RETURN any(x IN range(1, 5000) WHERE any(y IN range(1, 5000) WHERE x * y < 0)) AS b";

TEST_CASE("limits: cancellation and the time limit reach inside long expressions",
          "[query][limits]") {
  using Clock = std::chrono::steady_clock;
  {
    Limited q;
    std::atomic<bool> cancel{false};
    q.options.cancel = &cancel;
    q.options.timeout_ms = 0;
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      cancel = true;
    });
    auto t0 = Clock::now();
    auto r = q.Run(kLongExpression);
    canceller.join();
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    CHECK(r.status().code() == Status::Code::kCancelled);
    CHECK(s < 0.6 * 4);  // 0.1 s + 0.5 s, with room for a loaded machine
  }
  {
    Limited q;
    q.options.timeout_ms = 100;
    auto t0 = Clock::now();
    auto r = q.Run(kLongExpression);
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    CHECK(r.status().code() == Status::Code::kLimitExceeded);
    CHECK(r.status().message().find("timeout_ms") != std::string::npos);
    CHECK(s < 0.6 * 4);
  }
}

}  // namespace
}  // namespace pactgraph

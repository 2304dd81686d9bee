// In-process concurrency: one Database shared by a writer thread and reader threads (snapshots
// and Sessions), the way an embedding application uses it. Readers must never see part of a
// transaction, never error, and never see time go backwards. This is the test TSan runs
// (`make test-tsan`, docs/reliability.md); under the normal build it checks the same things.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "pactgraph/session.h"
#include "tests/reliability/workload.h"
#include "tests/test_util.h"

using namespace pactgraph;
using namespace pactgraph::reliability;

TEST_CASE("concurrency (threads): a writer thread and reader threads share one Database",
          "[reliability][concurrency][threads]") {
  testing::TempDir dir;
  auto opened = Database::Open(dir / "db", Options{});
  REQUIRE(opened.ok());
  Database* db = opened->get();
  constexpr uint64_t kTxns = 150;
  std::atomic<uint64_t> acked{0};
  std::atomic<bool> done{false};
  std::atomic<int> errors{0}, torn{0}, backwards{0}, censuses{0}, queries{0};

  std::thread writer([&] {
    for (uint64_t k = 1; k <= kTxns; ++k) {
      if (!ApplyTxn(db, k).ok()) {
        ++errors;
        break;
      }
      acked = k;
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      uint64_t last = 0;
      do {
        const uint64_t before = acked.load();
        auto reader = db->NewReader();
        Census census;
        if (!TakeCensus(*reader, &census).ok()) {
          ++errors;
          return;
        }
        ++censuses;
        torn += static_cast<int>(census.torn.size());
        if (!IsPrefix(census.whole) || census.max_k() < last || census.max_k() < before) {
          ++backwards;
        }
        last = census.max_k();
      } while (!done);
    });
  }
  readers.emplace_back([&] {
    Session session(db);
    uint64_t last = 0;
    do {
      auto r = session.Execute("MATCH (n) WHERE n.txn IS NOT NULL RETURN max(n.txn) AS k", {});
      if (!r.ok()) {
        ++errors;
        return;
      }
      ++queries;
      const auto& rows = r->rows();
      uint64_t k = rows.empty() || rows[0][0].is_null() ? 0 : rows[0][0].as_int();
      if (k < last) ++backwards;
      last = k;
    } while (!done);
  });
  writer.join();
  for (auto& t : readers) t.join();
  CHECK(errors == 0);
  CHECK(torn == 0);
  CHECK(backwards == 0);
  CHECK(acked == kTxns);
  CHECK(censuses > 0);
  CHECK(queries > 0);
  auto reader = db->NewReader();
  Census final_census;
  REQUIRE(TakeCensus(*reader, &final_census).ok());
  CHECK(final_census.max_k() == kTxns);
  CHECK(IsPrefix(final_census.whole));
}

// Fault injection (fault_fs.h): failed writes and syncs, a full disk and power loss must give
// clean errors, and the database must reopen sound with every acknowledged (for power loss:
// every synced) transaction whole and none partly there.
#include <catch2/catch.hpp>

#include "storage/check.h"
#include "storage/rocks_database.h"
#include "tests/reliability/fault_fs.h"
#include "tests/reliability/workload.h"
#include "tests/test_util.h"

using namespace pactgraph;
using namespace pactgraph::reliability;

namespace {

uint64_t g_faults = 0;  // injected faults over the whole file, for the report

Result<std::unique_ptr<Database>> OpenWith(const std::string& path, FaultFs* fs, bool sync) {
  Options o;
  o.sync = sync;
  return storage::RocksDatabase::Open(path, o, fs ? fs->env() : nullptr);
}

// Reopens without faults and verifies; returns the census.
Census Verify(const std::string& path, const std::set<uint64_t>& acked) {
  auto db = OpenWith(path, nullptr, false);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  Census c;
  REQUIRE(TakeCensus(*(*db)->NewReader(), &c).ok());
  for (const auto& t : c.torn) FAIL_CHECK("partly present: " << t);
  for (uint64_t k : acked) {
    if (!c.whole.count(k)) FAIL_CHECK("acknowledged transaction " << k << " is missing");
  }
  CheckReport report;
  REQUIRE((*db)->Check(&report).ok());
  for (const auto& p : report.problems) FAIL_CHECK("check: " << p);
  CHECK(report.sound());
  // And it is writable again.
  CHECK(ApplyTxn(db->get(), c.max_k() + 1).ok());
  return c;
}

void CheckCleanError(const Status& s, bool no_space) {
  INFO(s.ToString());
  CHECK(s.code() == Status::Code::kIOError);
  CHECK_FALSE(s.message().empty());
  if (no_space) CHECK(s.message().find("no space left on device") != std::string::npos);
}

// Opens, commits 1..3, arms the fault, then tries 4..20 and verifies after reopening.
void FaultAfterOpen(FaultFs::Op op, uint64_t n, bool for_good, bool no_space, bool sync) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  FaultFs fs;
  std::set<uint64_t> acked;
  int errors = 0;
  {
    auto db = OpenWith(path, &fs, sync);
    REQUIRE(db.ok());
    for (uint64_t k = 1; k <= 3; ++k) {
      REQUIRE(ApplyTxn(db->get(), k).ok());
      acked.insert(k);
    }
    fs.FailAfter(op, n, for_good, no_space);
    for (uint64_t k = 4; k <= 20; ++k) {
      Status s = ApplyTxn(db->get(), k);
      if (s.ok()) {
        acked.insert(k);
      } else {
        ++errors;
        CheckCleanError(s, no_space);
      }
    }
    fs.Heal();
  }
  g_faults += fs.faults();
  if (fs.faults() > 0) CHECK(errors > 0);
  Verify(path, acked);
}

}  // namespace

TEST_CASE("fault: the Nth write fails, once or for good", "[reliability][fault]") {
  for (uint64_t n = 1; n <= 40; n += 1) {
    for (bool for_good : {false, true}) {
      INFO("write " << n << (for_good ? " and all after it" : " once"));
      FaultAfterOpen(FaultFs::Op::kWrite, n, for_good, /*no_space=*/false, /*sync=*/false);
    }
  }
}

TEST_CASE("fault: a full disk gives 'no space left on device'", "[reliability][fault]") {
  for (uint64_t n = 1; n <= 40; n += 3) {
    INFO("disk full from write " << n);
    FaultAfterOpen(FaultFs::Op::kWrite, n, /*for_good=*/true, /*no_space=*/true, false);
  }
}

TEST_CASE("fault: the Nth sync fails with --sync", "[reliability][fault]") {
  for (uint64_t n = 1; n <= 20; ++n) {
    for (bool for_good : {false, true}) {
      INFO("sync " << n << (for_good ? " and all after it" : " once"));
      FaultAfterOpen(FaultFs::Op::kSync, n, for_good, false, /*sync=*/true);
    }
  }
}

TEST_CASE("fault: writes failing while a database is created", "[reliability][fault]") {
  for (uint64_t n = 1; n <= 25; ++n) {
    INFO("write " << n << " of the creation fails, and all after it");
    testing::TempDir dir;
    const std::string path = dir / "db";
    FaultFs fs;
    fs.FailAfter(FaultFs::Op::kWrite, n, /*for_good=*/true);
    {
      auto db = OpenWith(path, &fs, false);
      if (!db.ok()) {
        CHECK_FALSE(db.status().message().empty());
      } else {
        Status s = ApplyTxn(db->get(), 1);
        if (!s.ok()) CheckCleanError(s, false);
      }
    }
    g_faults += fs.faults();
    // Whatever was left behind, a fault-free open must work.
    Verify(path, {});
  }
}

TEST_CASE("fault: power loss keeps every synced transaction", "[reliability][fault][power]") {
  for (uint64_t n = 1; n <= 60; n += 2) {
    for (bool sync : {true, false}) {
      INFO("power lost at write " << n << (sync ? " with --sync" : " without --sync"));
      testing::TempDir dir;
      const std::string path = dir / "db";
      FaultFs fs;
      std::set<uint64_t> acked;
      {
        auto db = OpenWith(path, &fs, sync);
        REQUIRE(db.ok());
        fs.FailAfter(FaultFs::Op::kWrite, n, /*for_good=*/true);
        for (uint64_t k = 1; k <= 15; ++k) {
          if (ApplyTxn(db->get(), k).ok()) acked.insert(k);
        }
        fs.Crash();
      }
      g_faults += fs.faults();
      fs.DropUnsyncedData();
      Census c = Verify(path, sync ? acked : std::set<uint64_t>{});
      // Without --sync the survivors are a prefix of the acknowledged transactions.
      CHECK(IsPrefix(c.whole));
    }
  }
  WARN("faults injected in this run of the fault tests: " << g_faults);
}

// Crash harness: a child process applies transactions (write transactions and bulk loads) and
// is killed with SIGKILL at a random moment; the database must then open, hold every
// acknowledged transaction wholly, hold no transaction partly, and pass the integrity check.
// The CI run does 200 trials on one database (so recoveries of recoveries are exercised); the
// soak run ([.slow]) does 2000.
#include <signal.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>

#include "storage/check.h"
#include "tests/reliability/process.h"
#include "tests/reliability/workload.h"
#include "tests/test_util.h"

using namespace pactgraph;
using namespace pactgraph::reliability;

namespace {

struct CrashStats {
  int trials = 0;
  uint64_t acked = 0;
  uint64_t lost = 0;  // acknowledged but missing after the crash: must stay 0
};

void RunCrashTrials(int trials, bool sync, uint32_t seed) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> delay_ms(0, 80);
  std::set<uint64_t> acked;
  uint64_t next_k = 1;
  CrashStats stats;
  for (int t = 0; t < trials; ++t) {
    std::vector<std::string> args{PACTGRAPH_WORKER, "write", path, std::to_string(next_k)};
    if (sync) args.push_back("--sync");
    Child child(args);
    // One trial in five kills at a random moment of start-up (often mid-recovery); the others
    // wait until the database is open and kill at a random moment of the writing.
    const bool during_startup = rng() % 5 == 0;
    const int delay = delay_ms(rng);
    if (during_startup) {
      child.Read(delay);
    } else {
      const int64_t give_up = MonotonicMs() + 10000;
      while (child.output().find("open ") == std::string::npos && MonotonicMs() < give_up &&
             child.Read(20)) {
      }
      child.Read(delay);
    }
    child.Kill(SIGKILL);
    child.Read(-1);
    child.Wait();
    for (const auto& line : child.TakeLines()) {
      if (line.rfind("ack ", 0) == 0) {
        acked.insert(std::stoull(line.substr(4)));
        ++stats.acked;
      } else if (line.rfind("error", 0) == 0) {
        FAIL("trial " << t << ": the worker failed: " << line);
      }
    }
    auto db = Database::Open(path, Options{});
    INFO("trial " << t << " (killed " << delay << " ms after "
                  << (during_startup ? "start" : "open") << ")");
    REQUIRE(db.ok());
    auto reader = (*db)->NewReader();
    Census census;
    REQUIRE(TakeCensus(*reader, &census).ok());
    for (const auto& torn : census.torn) FAIL_CHECK("partly present: " << torn);
    for (uint64_t k : acked) {
      if (!census.whole.count(k)) {
        ++stats.lost;
        FAIL_CHECK("acknowledged transaction " << k << " is missing");
      }
    }
    if (census.counter_last != 0) CHECK(census.whole.count(census.counter_last) == 1);
    CheckReport report;
    REQUIRE((*db)->Check(&report).ok());
    for (const auto& p : report.problems) FAIL_CHECK("check: " << p);
    REQUIRE(report.sound());
    next_k = std::max(census.max_k(), acked.empty() ? 0 : *acked.rbegin()) + 1;
    ++stats.trials;
  }
  CHECK(stats.lost == 0);
  CHECK(stats.acked > 0);
  WARN("crash trials: " << stats.trials << ", acknowledged transactions: " << stats.acked
                        << ", lost: " << stats.lost << ", final k: " << next_k - 1);
}

uint32_t Seed() {
  const char* s = std::getenv("PACTGRAPH_CRASH_SEED");
  return s ? static_cast<uint32_t>(std::stoul(s)) : 20240601u;
}

}  // namespace

TEST_CASE("crash: 200 SIGKILLs during writes and bulk loads lose nothing acknowledged",
          "[reliability][crash]") {
  RunCrashTrials(200 / kSanitizerSlowdown, /*sync=*/false, Seed());
}

TEST_CASE("crash: 40 SIGKILLs with --sync", "[reliability][crash]") {
  RunCrashTrials(40 / kSanitizerSlowdown, /*sync=*/true, Seed() + 1);
}

TEST_CASE("crash soak: 2000 SIGKILLs", "[reliability][crash][.slow]") {
  RunCrashTrials(2000, /*sync=*/false, Seed() + 2);
}

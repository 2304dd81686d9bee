// reliability_worker — the child process of the crash and concurrency tests.
//
//   reliability_worker write DB START [--sync] [--pause-us N] [--count N]
//       applies transactions START, START+1, … (workload.h), printing "ack K T" after each
//       acknowledged commit (T: monotonic ms); runs until killed or N transactions are done.
//   reliability_worker read DB SECONDS
//       opens DB read-only (a secondary instance) and for SECONDS repeatedly catches up and
//       takes a census, printing "seen MAXK TSTART TEND" each time; prints "torn …" and exits 1 if
//       it ever sees part of a transaction, "error …" and exits 3 on any error.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "tests/reliability/process.h"
#include "tests/reliability/workload.h"

using namespace pactgraph;
using namespace pactgraph::reliability;

namespace {

void Say(const std::string& line) {
  std::string l = line + "\n";
  ssize_t n = ::write(1, l.data(), l.size());
  (void)n;
}

int Fail(const Status& s) {
  Say("error " + s.ToString());
  return 3;
}

int Write(const std::string& path, uint64_t start, int argc, char** argv) {
  Options options;
  int pause_us = 0;
  uint64_t count = UINT64_MAX;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--sync") == 0) options.sync = true;
    if (std::strcmp(argv[i], "--pause-us") == 0 && i + 1 < argc) pause_us = std::atoi(argv[++i]);
    if (std::strcmp(argv[i], "--count") == 0 && i + 1 < argc) count = std::stoull(argv[++i]);
  }
  auto db = Database::Open(path, options);
  if (!db.ok()) return Fail(db.status());
  Say("open " + std::to_string(MonotonicMs()));
  for (uint64_t k = start; k - start < count; ++k) {
    Status s = ApplyTxn(db->get(), k);
    if (!s.ok()) return Fail(s);
    Say("ack " + std::to_string(k) + " " + std::to_string(MonotonicMs()));
    if (pause_us > 0) std::this_thread::sleep_for(std::chrono::microseconds(pause_us));
  }
  return 0;
}

int Read(const std::string& path, double seconds) {
  Options options;
  options.read_only = true;
  auto db = Database::Open(path, options);
  if (!db.ok()) return Fail(db.status());
  const int64_t end = MonotonicMs() + static_cast<int64_t>(seconds * 1000);
  uint64_t iterations = 0, last_max = 0;
  while (MonotonicMs() < end || iterations < 3) {  // at least 3 censuses, however slow
    const int64_t t = MonotonicMs();
    Status s = (*db)->CatchUp();
    if (!s.ok()) return Fail(s);
    const int64_t caught_up = MonotonicMs();
    auto reader = (*db)->NewReader();
    Census c;
    s = TakeCensus(*reader, &c);
    if (!s.ok()) return Fail(s);
    if (!c.torn.empty()) {
      Say("torn " + c.torn.front());
      return 1;
    }
    if (c.max_k() < last_max) {
      Say("torn went back in time from " + std::to_string(last_max) + " to " +
          std::to_string(c.max_k()));
      return 1;
    }
    last_max = c.max_k();
    ++iterations;
    Say("seen " + std::to_string(c.max_k()) + " " + std::to_string(t) + " " +
        std::to_string(MonotonicMs()) + " catchup_ms=" + std::to_string(caught_up - t));
  }
  Say("done " + std::to_string(iterations));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "write") == 0) {
    return Write(argv[2], std::stoull(argv[3]), argc - 4, argv + 4);
  }
  if (argc == 4 && std::strcmp(argv[1], "read") == 0) return Read(argv[2], std::stod(argv[3]));
  std::fprintf(stderr, "usage: reliability_worker write DB START [--sync] | read DB SECONDS\n");
  return 2;
}

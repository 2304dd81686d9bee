// tests/reliability/process.h — child processes for the crash and concurrency tests: spawn
// with stdout and stderr on a pipe, read what they printed, kill, wait.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pactgraph::reliability {

// How much slower a sanitizer build runs (ASan/UBSan, TSan): trial counts and start-up time
// bounds are scaled by it (tests/reliability/CMakeLists.txt defines it in those builds).
#ifdef PACTGRAPH_SANITIZER_SLOWDOWN
constexpr int kSanitizerSlowdown = PACTGRAPH_SANITIZER_SLOWDOWN;
#else
constexpr int kSanitizerSlowdown = 1;
#endif

// Milliseconds of CLOCK_MONOTONIC (system-wide, so comparable between processes).
int64_t MonotonicMs();

class Child {
 public:
  // Starts `args` (args[0] is a path) with stdout and stderr on one pipe.
  explicit Child(const std::vector<std::string>& args);
  ~Child();  // kills (SIGKILL) and reaps a child still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Reads what is available within `timeout_ms` (-1: until EOF); appends to output().
  // Returns false at EOF.
  bool Read(int timeout_ms);
  // Complete lines printed so far that were not returned before.
  std::vector<std::string> TakeLines();
  void Kill(int sig);
  // Waits for exit; returns the exit code, or 128 + signal.
  int Wait();
  pid_t pid() const { return pid_; }
  const std::string& output() const { return out_; }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  std::string out_;
  size_t taken_ = 0;
};

}  // namespace pactgraph::reliability

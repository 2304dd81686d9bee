// tests/tools/pty_harness.h — drives a program through a pseudo-terminal (forkpty), as a
// person at a terminal would: send keys, wait (with a timeout) for expected output.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace pactgraph::testing {

class PtySession {
 public:
  // Starts args[0] (a path) with `args` on a new 120x40 terminal; `env` entries
  // ("NAME=value") are added to (or replace in) the environment.
  PtySession(const std::vector<std::string>& args, const std::vector<std::string>& env);
  ~PtySession();  // SIGKILLs the child if it is still running
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  void Send(std::string_view keys);
  // Reads until `needle` appears after the mark (the end of the last match); on success the
  // mark moves past it. False after `timeout_ms` without it.
  bool WaitFor(std::string_view needle, int timeout_ms = 10000);
  // Waits for the child to exit; its exit code, 128+signal, or -1 on timeout.
  int WaitExit(int timeout_ms = 10000);
  // Everything the terminal showed so far, and since the mark.
  const std::string& output() const { return output_; }
  std::string pending() const { return output_.substr(mark_); }

 private:
  bool ReadSome(int timeout_ms);
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string output_;
  size_t mark_ = 0;
  int exit_code_ = -1;
};

}  // namespace pactgraph::testing

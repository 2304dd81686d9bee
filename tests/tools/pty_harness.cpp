// A pseudo-terminal driver for end-to-end tests of the REPL (see pty_harness.h).
#include "tests/tools/pty_harness.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace pactgraph::testing {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

PtySession::PtySession(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  struct winsize ws {};
  ws.ws_row = 40;
  ws.ws_col = 120;
  pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
  if (pid_ < 0) throw std::runtime_error("forkpty failed");
  if (pid_ == 0) {
    for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
}

PtySession::~PtySession() {
  if (pid_ > 0 && exit_code_ < 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (fd_ >= 0) close(fd_);
}

void PtySession::Send(std::string_view keys) {
  size_t done = 0;
  while (done < keys.size()) {
    ssize_t n = write(fd_, keys.data() + done, keys.size() - done);
    if (n <= 0) throw std::runtime_error("write to pty failed");
    done += static_cast<size_t>(n);
  }
}

bool PtySession::ReadSome(int timeout_ms) {
  struct pollfd p {
    fd_, POLLIN, 0
  };
  if (poll(&p, 1, timeout_ms) <= 0) return false;
  char buf[4096];
  ssize_t n = read(fd_, buf, sizeof(buf));
  if (n <= 0) return false;  // EIO: the child closed the terminal
  output_.append(buf, static_cast<size_t>(n));
  return true;
}

bool PtySession::WaitFor(std::string_view needle, int timeout_ms) {
  const int64_t deadline = NowMs() + timeout_ms;
  while (true) {
    size_t at = output_.find(needle, mark_);
    if (at != std::string::npos) {
      mark_ = at + needle.size();
      return true;
    }
    int64_t left = deadline - NowMs();
    if (left <= 0) return false;
    if (!ReadSome(static_cast<int>(left)) && NowMs() >= deadline) return false;
    if (exit_code_ < 0) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        while (ReadSome(50)) {
        }
        return output_.find(needle, mark_) != std::string::npos && WaitFor(needle, 0);
      }
    }
  }
}

int PtySession::WaitExit(int timeout_ms) {
  const int64_t deadline = NowMs() + timeout_ms;
  while (exit_code_ < 0 && NowMs() < deadline) {
    ReadSome(20);
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
  }
  return exit_code_;
}

}  // namespace pactgraph::testing

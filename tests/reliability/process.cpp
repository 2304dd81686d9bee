#include "tests/reliability/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

extern char** environ;

namespace pactgraph::reliability {

int64_t MonotonicMs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

Child::Child(const std::vector<std::string>& args) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, p[1], 1);
  posix_spawn_file_actions_adddup2(&fa, p[1], 2);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int rc = posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(p[1]);
  if (rc != 0) {
    close(p[0]);
    throw std::runtime_error("cannot start " + args[0]);
  }
  fd_ = p[0];
}

Child::~Child() {
  if (!reaped_) {
    Kill(SIGKILL);
    Wait();
  }
  if (fd_ >= 0) close(fd_);
}

bool Child::Read(int timeout_ms) {
  const int64_t deadline = MonotonicMs() + timeout_ms;
  char buf[4096];
  for (;;) {
    int wait = -1;
    if (timeout_ms >= 0) {
      wait = static_cast<int>(deadline - MonotonicMs());
      if (wait < 0) wait = 0;
    }
    pollfd pfd{fd_, POLLIN, 0};
    int n = poll(&pfd, 1, wait);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;  // timeout
    ssize_t got = read(fd_, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out_.append(buf, static_cast<size_t>(got));
    if (timeout_ms >= 0 && MonotonicMs() >= deadline) return true;
  }
}

std::vector<std::string> Child::TakeLines() {
  std::vector<std::string> lines;
  for (;;) {
    size_t nl = out_.find('\n', taken_);
    if (nl == std::string::npos) break;
    lines.push_back(out_.substr(taken_, nl - taken_));
    taken_ = nl + 1;
  }
  return lines;
}

void Child::Kill(int sig) {
  if (!reaped_ && pid_ > 0) kill(pid_, sig);
}

int Child::Wait() {
  if (!reaped_) {
    while (waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
  }
  if (WIFEXITED(status_)) return WEXITSTATUS(status_);
  if (WIFSIGNALED(status_)) return 128 + WTERMSIG(status_);
  return -1;
}

}  // namespace pactgraph::reliability

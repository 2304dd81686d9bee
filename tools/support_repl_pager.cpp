// The shell's pager (see support_repl_shell.h: WritePaged).
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "tools/support_repl_shell.h"

namespace pactgraph::tools {
namespace {

std::string PagerCommand() {
  for (const char* name : {"PACTGRAPH_PAGER", "PAGER"}) {
    if (const char* p = std::getenv(name)) return p;  // set but empty: no pager
  }
  return ::access("/usr/bin/less", X_OK) == 0 ? "less -FRX" : "";
}

}  // namespace

void WritePaged(const std::string& text) {
  winsize ws{};
  const bool terminal =
      ::isatty(STDOUT_FILENO) != 0 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0;
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  const std::string pager = terminal ? PagerCommand() : "";
  if (pager.empty() || ws.ws_row == 0 || lines + 1 < ws.ws_row) {
    std::cout << text;
    std::cout.flush();
    return;
  }
  std::cout.flush();
  // A reader that quits early closes the pipe: the write must fail, not kill the shell.
  struct sigaction ignore {
  }, old_pipe{}, old_int{};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, &old_pipe);
  sigaction(SIGINT, &ignore, &old_int);  // Ctrl-C belongs to the pager meanwhile
  FILE* p = ::popen(pager.c_str(), "w");
  if (p == nullptr) {
    std::cout << text;
  } else {
    std::fwrite(text.data(), 1, text.size(), p);
    ::pclose(p);
  }
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGPIPE, &old_pipe, nullptr);
}

}  // namespace pactgraph::tools

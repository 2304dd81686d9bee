// Helpers shared by the tests: temporary directories and running the real binary.
#pragma once

#include <string>
#include <vector>

namespace pactgraph::testing {

// A fresh directory under $TMPDIR, removed (recursively) when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void WriteFile(const std::string& path, const std::string& contents);
std::string ReadFile(const std::string& path);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the built `pactgraph` binary with `args` (no shell), feeding `stdin_data`.
RunResult RunPactgraph(const std::vector<std::string>& args, const std::string& stdin_data = "");
// Runs any program (args[0] looked up in PATH).
RunResult RunProgram(const std::vector<std::string>& args, const std::string& stdin_data = "");

}  // namespace pactgraph::testing

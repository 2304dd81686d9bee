// benchmarks/driver/driver_oneshot.cpp — one-shot commands: what a user at the shell waits
// for. Each command runs the pactgraph binary in a fresh process on the benchmark database
// (closed by the driver first), so the figure includes process start, opening the database
// and whatever the command must build before it answers (for paths and algorithms: the CSR
// copy, or loading its snapshot file). The first run of each command is reported apart (it
// may write the snapshot file the next runs load); the metric is the median wall time of the
// following `oneshot_runs` runs. The answer is the command's exit code and its output's first
// and last non-empty lines, which must agree across runs.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "benchmarks/driver/driver.h"

extern char** environ;

namespace pactgraph::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Runs `args` with stdout to `out_file` and stderr to /dev/null; the wall time in seconds.
Status RunOnce(const std::vector<std::string>& args, const std::string& out_file, double* secs,
               int* exit_code) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const auto t0 = Clock::now();
  const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return Status::IOError("cannot start " + args[0]);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return Status::IOError("waitpid failed");
  *secs = std::chrono::duration<double>(Clock::now() - t0).count();
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return Status::OK();
}

// The first and the last non-empty line of a command's output.
std::pair<std::string, std::string> FirstAndLastLine(const std::string& file) {
  std::ifstream in(file);
  std::string line, first, last;
  bool seen = false;
  while (std::getline(in, line)) {
    if (!seen) first = line, seen = true;
    if (!line.empty()) last = line;
  }
  return {first, last};
}

}  // namespace

Status RunOneShotMetrics(const BenchOptions& options, const std::string& db_path,
                         const std::string& first_name, const std::vector<uint64_t>& pair,
                         BenchReport* report) {
  struct Command {
    std::string metric;
    std::vector<std::string> args;
  };
  const std::string from = std::to_string(pair.at(0)), to = std::to_string(pair.at(1));
  const std::vector<Command> commands = {
      {"oneshot_node", {"node", first_name, "--format", "json"}},
      {"oneshot_query", {"query", "MATCH (n) RETURN count(n) AS nodes", "--format", "csv"}},
      {"oneshot_path", {"path", from, to}},
      {"oneshot_pagerank", {"algo", "pagerank", "--limit", "1", "--format", "csv"}},
      {"oneshot_check", {"check"}},
  };
  const std::string out_file = db_path + ".oneshot-out";
  const uint32_t runs = options.oneshot_runs;
  if (runs == 0) return Status::OK();
  for (const auto& c : commands) {
    Metric m(c.metric);
    if (options.binary.empty()) {
      m.available = false;
      m.note = "no pactgraph binary given";
      report->metrics.push_back(std::move(m));
      continue;
    }
    std::vector<std::string> args = {options.binary, "-q", "--db", db_path};
    args.insert(args.end(), c.args.begin(), c.args.end());
    std::vector<double> walls;
    double first = 0;
    for (uint32_t r = 0; r <= runs; ++r) {
      double secs = 0;
      int code = 0;
      PG_RETURN_IF_ERROR(RunOnce(args, out_file, &secs, &code));
      auto [first_line, last_line] = FirstAndLastLine(out_file);
      nlohmann::json answer = {
          {"exit", code}, {"first_line", first_line}, {"last_line", last_line}};
      if (r == 0) {
        first = secs;
        m.answer = std::move(answer);
      } else {
        if (answer != m.answer) {
          return Status::Internal(c.metric + ": run " + std::to_string(r + 1) +
                                  " answered differently from the first");
        }
        walls.push_back(secs);
      }
    }
    std::remove(out_file.c_str());
    std::sort(walls.begin(), walls.end());
    m.total_s = walls[walls.size() / 2];
    m.cpu_s = std::nan("");  // the child's, not measured
    std::ostringstream note;
    note.precision(3);
    note << "fresh process, wall; first run " << first << " s";
    m.note = note.str();
    if (options.log) options.log(c.metric + ": " + std::to_string(m.total_s) + " s");
    report->metrics.push_back(std::move(m));
  }
  return Status::OK();
}

}  // namespace pactgraph::bench

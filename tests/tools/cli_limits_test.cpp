// End to end: query limits from `pactgraph query` (exit 5 naming the limit), the issue's
// hostile queries under a 2 GB address-space cap, Ctrl-C inside a long expression (exit 130),
// and the exit codes of missing, unreadable and corrupt databases (issue 14, items 4, 7, 9).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/test_util.h"

extern char** environ;

using pactgraph::testing::RunPactgraph;
using pactgraph::testing::RunProgram;
using pactgraph::testing::RunResult;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

namespace {

// Runs the binary under `prlimit --as=2GiB` (not under AddressSanitizer, whose shadow memory
// needs far more address space than that).
RunResult RunCapped(std::vector<std::string> args) {
  std::vector<std::string> full;
#ifndef __SANITIZE_ADDRESS__
  full = {"prlimit", "--as=2147483648"};
#endif
  full.push_back(PACTGRAPH_BIN);
  full.insert(full.end(), args.begin(), args.end());
  return RunProgram(full);
}

// The memory-limit cases run without the time limit, so that a slow machine (a sanitizer build,
// a loaded CI runner) cannot make the time limit fire first; under ASan, whose Debug build is
// several times slower, they use a 128 MiB budget instead of the default 1024 MiB.
std::vector<std::string> MemoryCaseFlags() {
#ifdef __SANITIZE_ADDRESS__
  return {"--timeout-ms", "0", "--max-memory-mb", "128"};
#else
  return {"--timeout-ms", "0"};
#endif
}

std::vector<std::string> With(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::string Doublings(int n) {
  std::string q = "WITH 'abcdefgh' AS s";
  for (int i = 0; i < n; ++i) q += " WITH s + s AS s";
  return q + " RETURN size(s)";
}

}  // namespace

TEST_CASE("limits (CLI): the issue's hostile queries end with the limit's message, exit 5",
          "[e2e][limits]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunPactgraph({"--db", db, "-q", "query",
                        "UNWIND range(1, 100) AS i CREATE (:N {name: 'node' + i})"})
              .exit_code == 0);
  // 30 doublings of an 8-byte string (8 GiB): refused at the default 1024 MiB.
  auto doubled = RunCapped(With({"--db", db, "query", Doublings(30)}, MemoryCaseFlags()));
  INFO(doubled.err);
  CHECK(doubled.exit_code == 5);
  CHECK_THAT(doubled.err, Catch::Contains("limit max_memory_mb; raise it with query "
                                          "--max-memory-mb N"));
  // 10,000 lists of 10,000 integers.
  auto nested =
      RunCapped(With({"--db", db, "query", "RETURN size([x IN range(1,10000) | range(1,10000)])"},
                     MemoryCaseFlags()));
  INFO(nested.err);
  CHECK(nested.exit_code == 5);
  CHECK_THAT(nested.err, Catch::Contains("limit max_memory_mb"));
  // ORDER BY … LIMIT 1 over a cartesian product (a million rows): top-k holds one row, so it
  // answers within 64 MiB (the full sort needs about 250 MB).
  auto top = RunCapped({"--db", db, "query",
                        "MATCH (a:N), (b:N), (c:N) RETURN a.name + b.name + c.name AS k "
                        "ORDER BY k DESC LIMIT 1",
                        "--format", "csv", "--max-memory-mb", "64", "--timeout-ms", "0"});
  INFO(top.err);
  CHECK(top.exit_code == 0);
  CHECK(top.out == "k\nnode9node9node99\n");  // the greatest string
  auto sorted_all = RunCapped({"--db", db, "query",
                               "MATCH (a:N), (b:N), (c:N) RETURN a.name + b.name + c.name AS k "
                               "ORDER BY k DESC",
                               "--format", "csv", "--max-memory-mb", "64", "--timeout-ms", "0"});
  CHECK(sorted_all.exit_code == 5);
  CHECK_THAT(sorted_all.err, Catch::Contains("max_memory_mb"));
}

TEST_CASE("limits (CLI): --max-rows, --timeout-ms and --max-memory-mb, exit 5", "[e2e][limits]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunPactgraph({"--db", db, "-q", "query", "CREATE (:N)"}).exit_code == 0);
  auto rows = RunPactgraph(
      {"--db", db, "query", "UNWIND range(1, 1000) AS x RETURN x", "--max-rows", "100"});
  CHECK(rows.exit_code == 5);
  CHECK_THAT(rows.err, Catch::Contains("limit max_rows"));
  CHECK_THAT(rows.err, Catch::Contains("--max-rows"));
  auto ok = RunPactgraph({"--db", db, "query", "UNWIND range(1, 1000) AS x RETURN count(x) AS n",
                          "--max-rows", "5000", "--format", "csv"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == "n\n1000\n");
  auto mem = RunPactgraph(
      {"--db", db, "query", "RETURN size(range(1, 1000000)) AS n", "--max-memory-mb", "8"});
  CHECK(mem.exit_code == 5);
  CHECK_THAT(mem.err, Catch::Contains("more than 8 MiB"));
  auto time = RunPactgraph({"--db", db, "query",
                            "RETURN any(x IN range(1, 5000) WHERE any(y IN range(1, 5000) "
                            "WHERE x * y < 0)) AS b",
                            "--timeout-ms", "100"});
  CHECK(time.exit_code == 5);
  CHECK_THAT(time.err, Catch::Contains("limit timeout_ms"));
  // A limit in a writing query: nothing is committed.
  auto write = RunPactgraph(
      {"--db", db, "query", "UNWIND range(1, 1000) AS x CREATE (:M {x: x})", "--max-rows", "100"});
  CHECK(write.exit_code == 5);
  auto count =
      RunPactgraph({"--db", db, "query", "MATCH (m:M) RETURN count(m) AS n", "--format", "csv"});
  CHECK(count.out == "n\n0\n");
  auto bad = RunPactgraph({"--db", db, "query", "RETURN 1", "--max-memory-mb", "0"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("limits (CLI): Ctrl-C stops a long UNWIND within the bound, exit 130", "[e2e][limits]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunPactgraph({"--db", db, "-q", "query", "CREATE (:N)"}).exit_code == 0);
  const std::string err_path = dir / "stderr";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  // Without the interrupt this runs for minutes: a hundred million rows, no row or time limit.
  std::vector<std::string> args{PACTGRAPH_BIN,
                                "--db",
                                db,
                                "query",
                                "UNWIND range(1,100000000) AS x RETURN sum(x)",
                                "--max-rows",
                                "1000000000",
                                "--timeout-ms",
                                "0"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&fa);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // well into the query
  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(kill(pid, SIGINT) == 0);
  int status = 0;
  // Bounded wait: a process that ignores the interrupt is killed and the test fails.
  bool exited = false;
  while (std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10)) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  INFO("stopped after " << seconds << " s; stderr: " << pactgraph::testing::ReadFile(err_path));
  REQUIRE(exited);
  CHECK(WIFEXITED(status));  // exited by itself, not killed by the signal
  CHECK(WEXITSTATUS(status) == 130);
  CHECK_THAT(pactgraph::testing::ReadFile(err_path), Catch::Contains("query cancelled"));
  CHECK(seconds < 0.5 * 4);  // 0.5 s, with room for a loaded machine
}

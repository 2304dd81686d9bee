// End-to-end tests of command-line errors (our own format, did-you-mean, exit 2) and of each
// command's help carrying its own examples.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "tests/test_util.h"

namespace pactgraph::testing {
namespace {

TEST_CASE("cli: a mistyped command or option gets our error with a did-you-mean", "[cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  auto cmd = RunPactgraph({"--db", db, "qeury", "RETURN 1"});
  CHECK(cmd.exit_code == 2);
  CHECK(cmd.err.rfind("pactgraph: error: unknown command 'qeury'; did you mean 'query'?", 0) == 0);
  auto opt = RunPactgraph({"--db", db, "query", "--formt", "json", "RETURN 1"});
  CHECK(opt.exit_code == 2);
  CHECK(opt.err.find("unknown option '--formt' for 'query'; did you mean '--format'?") !=
        std::string::npos);
  auto extra = RunPactgraph({"--db", db, "query", "RETURN 1", "RETURN 2"});
  CHECK(extra.exit_code == 2);
  CHECK(extra.err.find("unexpected argument 'RETURN 2' for 'query'") != std::string::npos);
  auto conv = RunPactgraph({"--db", db, "query", "--timeout-ms", "soon", "RETURN 1"});
  CHECK(conv.exit_code == 2);
  CHECK(conv.err.rfind("pactgraph: error: query: ", 0) == 0);
  auto missing = RunPactgraph({"--db", db, "path", "Kenya"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.rfind("pactgraph: error: path: ", 0) == 0);
  auto sub = RunPactgraph({"bench", "rnu", "x"});
  CHECK(sub.exit_code == 2);
  CHECK(sub.err.find("did you mean 'run'?") != std::string::npos);
  for (const auto* r : {&cmd, &opt, &extra, &conv, &missing, &sub}) {
    // CLI11's own wording never reaches the user.
    CHECK(r->err.find("The following argument") == std::string::npos);
    CHECK(r->err.find("Run with --help") == std::string::npos);
  }
  // Nothing was created by a command line that did not parse.
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("cli: every command's help shows its own examples, not the global ones", "[cli]") {
  auto top = RunPactgraph({"--help"});
  REQUIRE(top.exit_code == 0);
  const std::string global_marker = "PACTGRAPH_DB selects the database";
  CHECK(top.out.find(global_marker) != std::string::npos);
  // The command names, from the SUBCOMMANDS section of the global help.
  std::vector<std::vector<std::string>> commands;
  std::istringstream in(top.out.substr(top.out.find("Subcommands:")));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line) && line.rfind("  ", 0) == 0) {
    std::istringstream words(line);
    std::string name;
    words >> name;
    commands.push_back({name});
  }
  REQUIRE(commands.size() >= 10);
  commands.push_back({"bench", "generate"});
  commands.push_back({"bench", "run"});
  for (auto args : commands) {
    const std::string name = args.back();
    args.push_back("--help");
    auto r = RunPactgraph(args);
    INFO(name << " --help:\n" << r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Example") != std::string::npos);
    CHECK(r.out.find(global_marker) == std::string::npos);
  }
  auto ev = RunPactgraph({"evidence", "--help"});
  CHECK(ev.out.find("pactgraph evidence Kenya Rwanda") != std::string::npos);
}

TEST_CASE("cli: query examples in the help use the data's labels", "[cli]") {
  auto q = RunPactgraph({"query", "--help"});
  CHECK(q.out.find(":Country") == std::string::npos);
  CHECK(q.out.find(":Nation") != std::string::npos);
}

}  // namespace
}  // namespace pactgraph::testing

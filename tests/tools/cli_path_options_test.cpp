// End-to-end tests of `pactgraph path`'s choices: one tie-break shared by the plain search,
// --k and --all; an unknown --weighted property refused; undated relationships and the time
// window (--include-undated, and a note when they were left out).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "pactgraph/database.h"
#include "tests/test_util.h"

namespace pactgraph {
namespace {

using pactgraph::testing::RunPactgraph;
using pactgraph::testing::TempDir;

// Start and End joined through six middle nodes (two hops each), created in a scrambled
// order, so ids, adjacency order and search order disagree about which route comes first;
// plus an undated tie Start -> Late and a dated one Late -> End.
std::string MakeTies(const TempDir& dir) {
  std::string path = dir / "db";
  auto db = Database::Open(path, Options());
  REQUIRE(db.ok());
  auto w = (*db)->BeginWrite();
  REQUIRE(w.ok());
  auto node = [&](const std::string& name) {
    auto id = (*w)->CreateNode({"Nation"}, {{"name", Value(name)}});
    REQUIRE(id.ok());
    return *id;
  };
  NodeId start = node("Start"), end = node("End");
  std::vector<NodeId> mid;
  for (int i = 0; i < 6; ++i) mid.push_back(node("Middle " + std::to_string(i)));
  auto rel = [&](NodeId a, NodeId b, ValueMap props) {
    REQUIRE((*w)->CreateRelationship(a, b, "COOPERATION", props).ok());
  };
  for (int i : {4, 1, 5, 0, 3, 2}) rel(mid[i], end, {{"date", Value("2021-01-01")}});
  for (int i : {2, 5, 0, 3, 1, 4}) rel(start, mid[i], {{"date", Value("2021-01-01")}});
  NodeId late = node("Late");
  rel(start, late, {});  // undated
  rel(late, end, {{"date", Value("2026-02-01")}});
  REQUIRE((*w)->Commit().ok());
  return path;
}

std::vector<std::string> FirstPathNames(const std::string& json_text) {
  auto j = nlohmann::json::parse(json_text);
  REQUIRE_FALSE(j["paths"].empty());
  std::vector<std::string> names;
  for (const auto& n : j["paths"][0]["nodes"]) names.push_back(n["name"]);
  return names;
}

TEST_CASE("path: the plain search, --k and --all put the same path first", "[path]") {
  TempDir dir;
  const std::string db = MakeTies(dir);
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db", db, "path", "Start", "End", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = RunPactgraph(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return FirstPathNames(r.out);
  };
  const auto plain = run({});
  REQUIRE(plain.size() == 3);
  CHECK(run({"--k", "1"}) == plain);
  CHECK(run({"--k", "4"}) == plain);
  CHECK(run({"--all"}) == plain);
  CHECK(run({"--all", "--limit", "2"}) == plain);  // also when --all is cut short
  // Reversed, the same rule applies.
  auto back = RunPactgraph({"--db", db, "path", "End", "Start", "--format", "json"});
  auto back_k = RunPactgraph({"--db", db, "path", "End", "Start", "--format", "json", "--k", "2"});
  auto back_all = RunPactgraph({"--db", db, "path", "End", "Start", "--format", "json", "--all"});
  CHECK(FirstPathNames(back.out) == FirstPathNames(back_k.out));
  CHECK(FirstPathNames(back.out) == FirstPathNames(back_all.out));
}

TEST_CASE("path: an unknown --weighted property is an error listing the keys", "[path]") {
  TempDir dir;
  const std::string db = MakeTies(dir);
  auto r = RunPactgraph({"--db", db, "path", "Start", "End", "--weighted", "nosuchprop"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no property 'nosuchprop'") != std::string::npos);
  CHECK(r.err.find("date") != std::string::npos);
  CHECK(r.err.find("'evidence', 'recency'") != std::string::npos);
  // The built-in costs and existing keys still work.
  CHECK(RunPactgraph({"--db", db, "path", "Start", "End", "--weighted", "evidence"}).exit_code ==
        0);
}

TEST_CASE("path: undated relationships and the time window", "[path]") {
  TempDir dir;
  const std::string db = MakeTies(dir);
  // Only the undated Start-Late tie is missing from a path after 2025: none without it.
  auto strict = RunPactgraph({"--db", db, "path", "Start", "End", "--since", "2025-01-01"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("undated relationships were left out") != std::string::npos);
  CHECK(strict.err.find("--include-undated") != std::string::npos);
  auto loose = RunPactgraph(
      {"--db", db, "path", "Start", "End", "--since", "2025-01-01", "--include-undated"});
  CHECK(loose.exit_code == 0);
  CHECK(loose.out.find("Late") != std::string::npos);
  // No note when the undated ties change nothing.
  auto old = RunPactgraph({"--db", db, "path", "Start", "End", "--until", "2022-01-01"});
  CHECK(old.exit_code == 0);
  CHECK(old.err.find("undated") == std::string::npos);
}

TEST_CASE("algo: a date window notes the undated relationships it left out", "[path]") {
  TempDir dir;
  const std::string db = MakeTies(dir);
  auto degree_of = [](const std::string& json_text, const std::string& name) {
    auto j = nlohmann::json::parse(json_text);
    for (const auto& row : j["rows"]) {
      if (row["name"] == name) return row["value"].get<double>();
    }
    FAIL("no row for " << name);
    return -1.0;
  };
  // After 2025 only Late-End is dated in the window; Start-Late has no date.
  auto strict =
      RunPactgraph({"--db", db, "algo", "degree", "--since", "2025-01-01", "--format", "json"});
  INFO(strict.err);
  REQUIRE(strict.exit_code == 0);
  CHECK(strict.err.find("left out 1 undated relationship") != std::string::npos);
  CHECK(strict.err.find("--include-undated") != std::string::npos);
  CHECK(degree_of(strict.out, "Late") == 1);
  CHECK(nlohmann::json::parse(strict.out)["undated_left_out"] == 1);
  auto loose = RunPactgraph({"--db", db, "algo", "degree", "--since", "2025-01-01",
                             "--include-undated", "--format", "json"});
  REQUIRE(loose.exit_code == 0);
  CHECK(loose.err.find("undated") == std::string::npos);
  CHECK(degree_of(loose.out, "Late") == 2);
  CHECK(degree_of(loose.out, "Start") == 1);
  // Without a window nothing is left out and nothing is said.
  auto all = RunPactgraph({"--db", db, "algo", "degree", "--format", "json"});
  CHECK(all.err.find("undated") == std::string::npos);
  CHECK(degree_of(all.out, "Start") == 7);
}

}  // namespace
}  // namespace pactgraph

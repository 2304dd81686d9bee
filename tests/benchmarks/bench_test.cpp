// End-to-end tests of `pactgraph bench`: the generator's files, the driver's answers against
// brute force (brute_force.h) on an S dataset and on a hand-made graph, and bad inputs.
// Timings are never checked.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/benchmarks/brute_force.h"
#include "tests/test_util.h"

namespace pactgraph::testing {
namespace {

using nlohmann::json;

void Generate(const std::string& size, int seed, const std::string& out) {
  RunResult r = RunPactgraph(
      {"-q", "bench", "generate", "--size", size, "--seed", std::to_string(seed), "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

json RunJson(const std::string& dir, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"-q", "bench", "run", dir, "--format", "json", "--oneshot", "1"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunPactgraph(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// Checks every answer of a `bench run --format json` report against brute force.
void CheckAnswers(const json& report, const json& expected) {
  const json& got = report["answers"];
  CHECK(got["lookup"] == expected["lookup"]);
  CHECK(got["hop1"] == expected["hop1"]);
  CHECK(got["hop2"] == expected["hop2"]);
  // The same questions answered from RocksDB (lookup, hop1, hop2 come from the compact copies).
  CHECK(got["lookup_store"] == expected["lookup"]);
  CHECK(got["hop1_store"] == expected["hop1"]);
  CHECK(got["hop2_store"] == expected["hop2"]);
  CHECK(report["unavailable"].empty());
  CHECK(got["sp"] == expected["sp"]);
  REQUIRE(got["wsp"].size() == expected["wsp"].size());
  for (size_t i = 0; i < expected["wsp"].size(); ++i) {
    INFO("wsp pair " << i);
    CHECK(got["wsp"][i].get<double>() == Approx(expected["wsp"][i].get<double>()).margin(1e-9));
  }
  CHECK(got["wcc"] == expected["wcc"]);
  // The one-shot commands (fresh processes on the same database) agree with the in-process
  // answers: the path's hop count and the node count.
  for (const char* m :
       {"oneshot_node", "oneshot_query", "oneshot_path", "oneshot_pagerank", "oneshot_check"}) {
    INFO(m);
    REQUIRE(got.contains(m));
    CHECK(got[m]["exit"] == 0);
  }
  const int hops = got["sp"][0].get<int>();
  if (hops >= 0) {
    CHECK(got["oneshot_path"]["first_line"].get<std::string>().find(": " + std::to_string(hops) +
                                                                    " hop") != std::string::npos);
  }
  CHECK(got["oneshot_query"]["last_line"] == std::to_string(report["nodes"].get<uint64_t>()));
  // The top node is compared only when brute force separates it from the runner-up clearly.
  if (expected["pagerank_margin"].get<double>() > 1e-6) {
    CHECK(got["pagerank"] == expected["pagerank"]);
  }
}

TEST_CASE("Bench: generate is deterministic for a seed and writes valid S files", "[bench]") {
  TempDir tmp;
  Generate("S", 5, tmp / "a");
  Generate("S", 5, tmp / "b");
  Generate("S", 6, tmp / "c");
  for (const char* f : {"nodes.csv", "edges.csv", "queries.json"}) {
    INFO(f);
    CHECK(ReadFile(tmp / "a/" + f) == ReadFile(tmp / "b/" + f));
  }
  CHECK(ReadFile(tmp / "a/edges.csv") != ReadFile(tmp / "c/edges.csv"));

  BruteGraph g = ReadBruteGraph(tmp / "a");
  REQUIRE(g.names.size() == 10000);
  REQUIRE(g.edges.size() == 50000);
  std::set<std::string> kinds(g.kinds.begin(), g.kinds.end());
  CHECK(kinds == std::set<std::string>{"nation", "organization", "program", "person", "place"});
  std::set<std::string> folded;
  for (auto name : g.names) {
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    folded.insert(name);
  }
  CHECK(folded.size() == g.names.size());  // names are unique after case folding
  std::vector<uint32_t> degree(g.names.size(), 0);
  std::map<std::string, int> types;
  for (const auto& e : g.edges) {
    REQUIRE(e.src < g.names.size());
    REQUIRE(e.dst < g.names.size());
    CHECK(e.src != e.dst);
    CHECK(e.weight > 0);
    CHECK(e.weight <= 1);
    REQUIRE(e.date.size() == 10);
    CHECK(e.date >= "2000-01-01");
    CHECK(e.date <= "2025-12-31");
    types[e.type] += 1;
    degree[e.src] += 1, degree[e.dst] += 1;
  }
  CHECK(types.count("cooperation") == 1);
  CHECK(types.count("member_of") == 1);
  CHECK(types.count("located_in") == 1);
  // Heavy tail: the largest degree is far above the mean (10).
  CHECK(*std::max_element(degree.begin(), degree.end()) > 200);

  json q = json::parse(ReadFile(tmp / "a/queries.json"));
  CHECK(q["lookup_names"].size() == 1000);
  CHECK(q["hop_ids"].size() == 1000);
  CHECK(q["hop2_count"] == 100);
  CHECK(q["sp_pairs"].size() == 100);
}

TEST_CASE("Bench: an S run answers what brute force answers", "[bench]") {
  TempDir tmp;
  Generate("S", 11, tmp / "s");
  json report = RunJson(tmp / "s", {"--repeat", "2"});
  CHECK(report["system"] == "pactgraph");
  CHECK(report["nodes"] == 10000);
  CHECK(report["relationships"] == 50000);
  CHECK(report["metrics"]["disk_bytes"].get<uint64_t>() > 0);
  CHECK(report["metrics"]["peak_rss_mb"].get<double>() > 0);
  CHECK(report["latency"]["lookup"]["queries"] == 1000);
  BruteGraph g = ReadBruteGraph(tmp / "s");
  json expected = BruteAnswers(g, json::parse(ReadFile(tmp / "s/queries.json")));
  // Some names are absent on purpose, and some pairs are disconnected or far apart.
  CHECK(expected["lookup"]["found"].get<int>() < 1000);
  CheckAnswers(report, expected);
  // The same run through a bulk load that spills sorted runs (a 1 MB budget for ~10 MB of keys)
  // gives the same answers.
  json spilled = RunJson(tmp / "s", {"--load-memory", "1"});
  CHECK(spilled["relationships"] == 50000);
  CheckAnswers(spilled, expected);
  CHECK(spilled["answers"] == report["answers"]);
}

TEST_CASE("Bench: a hand-made graph gives the answers worked out by hand", "[bench]") {
  TempDir tmp;
  // 1-2-3-4 a path (1-2 cooperation twice, in both directions), 5 alone, 6-7 apart.
  WriteFile(tmp / "nodes.csv",
            "id,name,kind\n1,Rwanda,nation\n2,Kenya,nation\n3,Acme Agency,organization\n"
            "4,Jane Doe,person\n5,Lonely Place,place\n6,Alpha Fund,program\n7,Beta Bank,"
            "organization\n");
  WriteFile(tmp / "edges.csv",
            "src,dst,type,date,weight\n1,2,cooperation,2020-01-01,0.5\n"
            "2,1,cooperation,2021-01-01,0.25\n2,3,mou,2020-02-02,1.0\n"
            "3,4,member_of,2019-03-03,0.125\n1,4,fund,2018-01-01,1.0\n6,7,fund,2022-01-01,0.3\n");
  WriteFile(tmp / "queries.json",
            R"({"lookup_names": ["rwanda", "KENYA", "Atlantis"], "hop_ids": [1, 2, 5],
                "hop2_count": 2, "sp_pairs": [[1, 3], [3, 1], [1, 5], [4, 4], [6, 7]]})");
  json report = RunJson(tmp.path());
  const json& a = report["answers"];
  CHECK(a["lookup"] == json({{"found", 2}, {"matches", 2}}));
  CHECK(a["hop1"] == 2);  // 1: {2}, 2: {1}, 5: {}
  CHECK(a["hop2"] == 6);  // 1: {2,4,3}, 2: {1,3,4}
  CHECK(a["sp"] == json({2, 2, -1, 0, 1}));
  CHECK(a["wsp"] == json({1.125, 1.125, -1, 0, 0.3}));  // 1-4-3 (1.0 + 0.125) beats 1-2-3
  CHECK(a["wcc"] == 3);
  // The extract metric over a one-article corpus.
  std::filesystem::create_directories(tmp / "corpus");
  WriteFile(tmp / "corpus/a.txt",
            "title: Test\ndate: 2024-05-01\n\nRwanda and Japan signed a memorandum of "
            "understanding on artificial intelligence cooperation in Kigali.\n");
  json with_corpus = RunJson(tmp.path(), {"--corpus", tmp / "corpus"});
  CHECK(with_corpus["answers"]["extract"]["articles"] == 1);
  CHECK(with_corpus["answers"]["extract"]["bytes"].get<int>() > 50);
  CHECK(with_corpus["metrics"].contains("extract_mb_s"));
  CHECK(with_corpus["answers"]["hop2"] == 6);
  RunResult no_corpus = RunPactgraph({"-q", "bench", "run", tmp.path(), "--corpus", tmp / "nope"});
  CHECK(no_corpus.exit_code != 0);
  CHECK(no_corpus.err.find("nope") != std::string::npos);

  RunResult table = RunPactgraph({"-q", "bench", "run", tmp.path(), "--oneshot", "0"});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("hop2") != std::string::npos);
  CHECK(table.out.find("peak memory") != std::string::npos);
  CHECK(table.out.find("oneshot_") == std::string::npos);  // --oneshot 0: none
  // Every line of the table ends with a newline, the last note (pagerank's) too.
  REQUIRE(!table.out.empty());
  CHECK(table.out.back() == '\n');
  CHECK(table.out.size() >= 2);
  const size_t last = table.out.rfind('\n', table.out.size() - 2);
  CHECK(table.out.substr(last + 1) == "pagerank: 20 iterations, damping 0.85, directed\n");
  RunResult table_corpus = RunPactgraph(
      {"-q", "bench", "run", tmp.path(), "--corpus", tmp / "corpus", "--oneshot", "1"});
  CHECK(table_corpus.exit_code == 0);
  CHECK(table_corpus.out.find("oneshot_path: fresh process, wall; first run ") !=
        std::string::npos);
  REQUIRE(!table_corpus.out.empty());
  CHECK(table_corpus.out.back() == '\n');
}

TEST_CASE("Bench: bad input names the place and changes nothing", "[bench]") {
  TempDir tmp;
  WriteFile(tmp / "nodes.csv", "id,name,kind\n1,A,nation\n2,B,nation\n");
  WriteFile(tmp / "edges.csv", "src,dst,type,date,weight\n1,2,mou,2020-01-01,0.5\n");
  auto run = [&](const std::string& queries) {
    WriteFile(tmp / "queries.json", queries);
    return RunPactgraph({"-q", "bench", "run", tmp.path(), "--oneshot", "0"});
  };
  RunResult r = run("{\"lookup_names\": [],\n \"hop_ids\": [1,,2]}");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("queries.json:2:16") != std::string::npos);
  r = run(R"({"lookup_names": [], "hop_ids": [1, 7], "hop2_count": 0, "sp_pairs": []})");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("hop_ids[1]: node id 7 is not in nodes.csv") != std::string::npos);
  r = run(R"({"lookup_names": [], "hop_ids": [], "hop2_count": 0, "sp_pairs": [[1]]})");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("sp_pairs[0]") != std::string::npos);

  WriteFile(tmp / "queries.json",
            R"({"lookup_names": [], "hop_ids": [], "hop2_count": 0, "sp_pairs": []})");
  std::filesystem::create_directories(tmp / "existing");
  WriteFile(tmp / "existing/keep.txt", "precious");
  r = RunPactgraph({"-q", "--db", tmp / "existing", "bench", "run", tmp.path(), "--oneshot", "0"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not an empty directory") != std::string::npos);
  CHECK(ReadFile(tmp / "existing/keep.txt") == "precious");
  CHECK(std::distance(std::filesystem::directory_iterator(tmp / "existing"),
                      std::filesystem::directory_iterator()) == 1);

  WriteFile(tmp / "edges.csv", "src,dst,type,date,weight\n1,2,mou,2020-01-01,0.5\n1,9,mou,,\n");
  r = RunPactgraph({"-q", "bench", "run", tmp.path(), "--oneshot", "0"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("edges.csv:3:") != std::string::npos);

  r = RunPactgraph({"-q", "bench", "run", tmp / "missing"});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("missing/nodes.csv") != std::string::npos);
  r = RunPactgraph({"-q", "bench", "generate", "--size", "XXL", "--out", tmp / "x"});
  CHECK(r.exit_code == 2);
}

TEST_CASE("Bench: a kept database can be opened afterwards", "[bench]") {
  TempDir tmp;
  WriteFile(tmp / "nodes.csv", "id,name,kind\n1,A,nation\n2,B,nation\n");
  WriteFile(tmp / "edges.csv", "src,dst,type,date,weight\n1,2,cooperation,2020-01-01,0.5\n");
  WriteFile(tmp / "queries.json",
            R"({"lookup_names": ["a"], "hop_ids": [1], "hop2_count": 1, "sp_pairs": [[1, 2]]})");
  json report = RunJson(tmp.path(), {"--repeat", "3"});
  CHECK(report["answers"]["hop1"] == 1);
  RunResult r =
      RunPactgraph({"-q", "--db", tmp / "kept", "bench", "run", tmp.path(), "--oneshot", "0"});
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(tmp / "kept"));
  CHECK(!std::filesystem::is_empty(tmp / "kept"));
}

}  // namespace
}  // namespace pactgraph::testing

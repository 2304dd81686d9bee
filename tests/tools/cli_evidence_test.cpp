// End-to-end tests of `pactgraph evidence`: identical sentences grouped with the articles that
// carry them, --limit, the JSON form, and sources shown when the article gave one.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_util.h"

namespace pactgraph::testing {
namespace {

// Three outlets print the same wire sentence (each with a line of its own, so the articles
// differ), and one more article says something else about the pair.
struct SyndicatedFixture {
  TempDir dir;
  std::string db = dir / "db";
  SyndicatedFixture() {
    std::filesystem::create_directory(dir / "news");
    const std::string wire =
        "Kenya and Rwanda signed a memorandum of understanding on digital payments on 4 May "
        "2025.";
    const char* outlets[][2] = {{"Lakeside Herald", "lakeside.example"},
                                {"Highland Post", "highland.example"},
                                {"Coast Daily", ""}};
    int n = 0;
    for (const auto& o : outlets) {
      std::string text = std::string("title: ") + o[0] + " on the payments pact\n";
      if (*o[1]) text += std::string("source: ") + o[1] + "\n";
      text +=
          "\n" + wire + "\nThe " + o[0] + " desk filed this as item " + std::to_string(++n) + ".\n";
      WriteFile(dir / ("news/wire" + std::to_string(n) + ".txt"), text);
    }
    WriteFile(dir / "news/other.txt",
              "title: Ministers meet\nsource: capital.example\n\nKenya and Rwanda signed a "
              "memorandum of understanding on cross-border broadband on 9 June 2025.\n");
    auto r = RunPactgraph({"--db", db, "-q", "ingest", dir / "news"});
    REQUIRE(r.exit_code == 0);
  }
};

TEST_CASE("evidence: identical sentences are shown once with their article count", "[evidence]") {
  SyndicatedFixture f;
  auto r = RunPactgraph({"--db", f.db, "evidence", "Kenya", "Rwanda"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("(4 sentences, 2 distinct)") != std::string::npos);
  CHECK(r.out.find("— in 3 articles: ") != std::string::npos);
  // The wire sentence is printed once, not three times.
  const std::string wire = "on digital payments on 4 May 2025.";
  CHECK(r.out.find(wire) != std::string::npos);
  CHECK(r.out.find(wire, r.out.find(wire) + 1) == std::string::npos);
  // Sources are shown when the article had one.
  CHECK(r.out.find("Lakeside Herald on the payments pact (lakeside.example") != std::string::npos);
  CHECK(r.out.find("Ministers meet (capital.example") != std::string::npos);
}

TEST_CASE("evidence: --limit and --format json", "[evidence]") {
  SyndicatedFixture f;
  auto lim = RunPactgraph({"--db", f.db, "evidence", "Kenya", "Rwanda", "--limit", "1"});
  REQUIRE(lim.exit_code == 0);
  CHECK(lim.out.find("… 1 more distinct sentences") != std::string::npos);
  CHECK(lim.out.find("cross-border broadband") == std::string::npos);  // the rarer one
  CHECK(lim.err.find("--limit 0 shows all") != std::string::npos);
  auto js = RunPactgraph({"--db", f.db, "evidence", "Kenya", "Rwanda", "--format", "json"});
  REQUIRE(js.exit_code == 0);
  auto j = nlohmann::json::parse(js.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["evidence_count"] == 4);
  CHECK(j[0]["sentence_count"] == 2);
  const auto& first = j[0]["sentences"][0];
  CHECK(first["article_count"] == 3);
  REQUIRE(first["articles"].size() == 3);
  std::set<std::string> sources;
  for (const auto& a : first["articles"]) sources.insert(a["source"].get<std::string>());
  CHECK(sources == std::set<std::string>{"", "highland.example", "lakeside.example"});
  CHECK(j[0]["sentences"][1]["article_count"] == 1);
  auto bad = RunPactgraph({"--db", f.db, "evidence", "Kenya", "Rwanda", "--limit", "-3"});
  CHECK(bad.exit_code == 2);
}

}  // namespace
}  // namespace pactgraph::testing

// End-to-end tests of `pactgraph extract`, `ingest` and `evidence` (the real binary).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace {
using pactgraph::testing::RunPactgraph;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

std::string DataDir() { return std::string(PACTGRAPH_SOURCE_DIR) + "/data"; }

TEST_CASE("Extract: `pactgraph extract --format json` on the sample corpus", "[extract][cli]") {
  auto r = RunPactgraph({"extract", "--format", "json", DataDir() + "/articles"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() >= 15);
  bool found = false;
  for (const auto& d : j["documents"]) {
    if (d["file"] != "02-rwanda-anthropic-mou.txt") continue;
    for (const auto& rel : d["relations"]) {
      if (rel["type"] == "mou" && rel["modality"] == "actual") found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("Extract: bad inputs are skipped with messages and a non-zero exit", "[extract][cli]") {
  TempDir dir;
  WriteFile(dir / "good.txt", "Kenya and Ghana signed an MoU.\n");
  WriteFile(dir / "bad.txt", std::string("Kenya\xff met Ghana.\n"));
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "bin.dat", std::string("\x7f"
                                         "ELF\0\0\0",
                                         7));
  auto r = RunPactgraph({"extract", "--format", "json", dir.path()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.txt:1:6: invalid UTF-8 (byte 5)") != std::string::npos);
  CHECK(r.err.find("empty.txt: empty file") != std::string::npos);
  CHECK(r.err.find("bin.dat: binary file") != std::string::npos);
  CHECK(r.err.find("3 inputs failed, 1 article read") != std::string::npos);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() == 1);
  CHECK(j["documents"][0]["file"] == "good.txt");
}

TEST_CASE("Extract: `pactgraph ingest` stores the sample corpus once", "[extract][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  auto r = RunPactgraph({"--db", db, "ingest", DataDir() + "/articles"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("articles read 16, stored 16") != std::string::npos);
  auto again = RunPactgraph({"--db", db, "ingest", DataDir() + "/articles"});
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("skipped (already stored) 16") != std::string::npos);
  CHECK(again.err.find("relationships added 0") != std::string::npos);
  auto ev = RunPactgraph({"--db", db, "evidence", "Rwanda", "Anthropic"});
  INFO(ev.err);
  REQUIRE(ev.exit_code == 0);
  CHECK(ev.out.find("-[MOU]->") != std::string::npos);
  CHECK(ev.out.find("Memorandum of Understanding with Anthropic") != std::string::npos);
  // One node per actor across articles: the demonym found the nation.
  auto alias = RunPactgraph({"--db", db, "evidence", "Rwandan", "Japan", "--format", "json"});
  REQUIRE(alias.exit_code == 0);
  CHECK(alias.out.find("\"Rwanda\"") != std::string::npos);
  auto none = RunPactgraph({"--db", db, "evidence", "Rwanda", "Nowhere Land"});
  CHECK(none.exit_code == 1);
}

TEST_CASE("Extract: `pactgraph ingest` with a bad file keeps the good ones", "[extract][cli]") {
  TempDir dir;
  WriteFile(dir / "a.txt", "Kenya and Ghana signed an MoU.\n");
  WriteFile(dir / "b.txt", std::string("Ghana\xc3 and Togo met.\n"));
  auto r = RunPactgraph({"--db", dir / "db", "ingest", dir / "a.txt", dir / "b.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("b.txt:1:6: invalid UTF-8") != std::string::npos);
  CHECK(r.err.find("articles read 1, stored 1") != std::string::npos);
  auto st = RunPactgraph({"--db", dir / "db", "stats", "--format", "json"});
  REQUIRE(st.exit_code == 0);
  CHECK(nlohmann::json::parse(st.out)["articles"] == 1);
}

TEST_CASE("Extract: `pactgraph extract --trace` shows the rule and words behind each relation",
          "[extract][cli]") {
  TempDir dir;
  const std::string path = dir / "a.txt";
  WriteFile(path,
            "title: t\n\nOrvik Labs signed an agreement with Zenova Systems on Monday. "
            "The plan was praised.\n");
  auto r = RunPactgraph({"extract", "--trace", path});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Orvik Labs -[agreement, actual]-> Zenova Systems") != std::string::npos);
  CHECK(r.out.find("rule:    trigger agreement") != std::string::npos);
  CHECK(r.out.find("frame document: src=subj dst=with") != std::string::npos);
  CHECK(r.out.find("trigger: 'agreement' @") != std::string::npos);
  CHECK(r.out.find("source:  'Orvik Labs' @0") != std::string::npos);
  CHECK(r.out.find("target:  'Zenova Systems' @") != std::string::npos);
  // A trigger that found no arguments is listed with the reason.
  auto rejected = RunPactgraph({"extract", "--trace", DataDir() + "/articles"});
  REQUIRE(rejected.exit_code == 0);
  CHECK(rejected.out.find("rejected candidates:") != std::string::npos);
  CHECK(rejected.out.find("no source") != std::string::npos);
}

}  // namespace

// The public API as an embedder uses it: only pactgraph/*.h, no internal header.
#include <catch2/catch.hpp>
#include <sstream>

#include "pactgraph/algorithms.h"
#include "pactgraph/database.h"
#include "pactgraph/import_export.h"
#include "pactgraph/ingest.h"
#include "pactgraph/paths.h"
#include "pactgraph/session.h"
#include "tests/test_util.h"

namespace pactgraph {
namespace {

using testing::TempDir;
using testing::WriteFile;

std::unique_ptr<Database> OpenFresh(const TempDir& dir) {
  auto db = Database::Open(dir / "db", Options());
  REQUIRE(db.ok());
  return std::move(*db);
}

TEST_CASE("API: Ingest reads, extracts and stores articles, a second run stores nothing",
          "[engine]") {
  TempDir dir;
  WriteFile(dir / "a.txt",
            "title: Solar ties\ndate: 2025-03-04\n\nGhana and Chile signed a memorandum of "
            "understanding on solar energy research.\n");
  WriteFile(dir / "b.txt",
            "title: Port talks\n\nChile and Japan signed an agreement on port logistics.\n");
  auto db = OpenFresh(dir);
  std::vector<std::string> committed;
  IngestOptions options;
  options.on_article = [&](const Article& a, bool stored, const IngestStats&) {
    if (stored) committed.push_back(a.file);
  };
  IngestSummary summary;
  REQUIRE(Ingest(db.get(), {dir / "a.txt", dir / "b.txt"}, options, &summary).ok());
  CHECK(summary.articles_read == 2);
  CHECK(summary.stats.articles_added == 2);
  CHECK(summary.problems.empty());
  CHECK(committed == std::vector<std::string>{"a.txt", "b.txt"});

  // The graph answers through the same API: Ghana reaches Japan through Chile.
  auto reader = db->NewReader();
  auto ghana = ResolveNode(*reader, "ghana");
  auto japan = ResolveNode(*reader, "JAPAN");
  REQUIRE(ghana.ok());
  REQUIRE(japan.ok());
  PathOptions po;
  po.with_evidence = true;
  PathAnswer answer;
  REQUIRE(FindPaths(*reader, *ghana, *japan, po, &answer).ok());
  REQUIRE(answer.paths.size() == 1);
  const PathResult& p = answer.paths[0];
  CHECK(p.path.relationships.size() == 2);
  CHECK(NodeName(p.path.nodes[1]) == "Chile");
  REQUIRE(p.evidence.size() == 2);
  REQUIRE(!p.evidence[0].empty());
  CHECK(p.evidence[0][0].sentence.find("solar energy") != std::string::npos);
  CHECK(p.articles.at(p.evidence[0][0].article).title == "Solar ties");

  // The directory also holds the database (dir/db): its RocksDB files are not articles.
  // (Regression: they were read as three more articles; the test had never run in ctest,
  // its name holding a ';'.)
  IngestSummary again;
  REQUIRE(Ingest(db.get(), {dir.path()}, {}, &again).ok());
  CHECK(again.articles_read == 2);
  CHECK(again.stats.articles_added == 0);
  CHECK(again.stats.articles_skipped == 2);
}

TEST_CASE("API: Ingest refuses a FIFO before reading anything", "[engine]") {
  TempDir dir;
  REQUIRE(testing::RunProgram({"mkfifo", dir / "pipe"}).exit_code == 0);
  auto db = OpenFresh(dir);
  IngestSummary summary;
  Status st = Ingest(db.get(), {dir / "pipe"}, {}, &summary);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK(st.message().find("FIFO") != std::string::npos);
  CHECK(summary.articles_read == 0);
}

TEST_CASE("API: Ingest into a read-only instance is refused, not reported per article",
          "[engine]") {
  // Regression: the read-only BeginWrite error was taken for a bad article, so ingestion
  // "succeeded" with every article listed as a problem.
  TempDir dir;
  WriteFile(dir / "a.txt", "Ghana and Chile signed a memorandum of understanding.\n");
  auto writer = OpenFresh(dir);
  Options ro;
  ro.read_only = true;
  auto reader = Database::Open(dir / "db", ro);
  REQUIRE(reader.ok());
  IngestSummary summary;
  Status st = Ingest(reader->get(), {dir / "a.txt"}, {}, &summary);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK(st.message().find("read-only") != std::string::npos);
  CHECK(summary.problems.empty());
  CHECK(summary.stats.articles_added == 0);
}

TEST_CASE("API: an Extractor works without a database", "[engine]") {
  auto ex = Extractor::Create();
  REQUIRE(ex.ok());
  Article a;
  a.file = "memo.txt";
  a.text = "Peru and Kenya signed a memorandum of understanding on mining safety.";
  Extraction x;
  REQUIRE((*ex)->Extract(a, &x).ok());
  REQUIRE(x.relations.size() == 1);
  CHECK(x.relations[0].type == "mou");
  CHECK(x.relations[0].sentence == a.text);
  CHECK(ExtractionsToJson({a}, {x}, -1).find("\"mou\"") != std::string::npos);
}

TEST_CASE("API: import, algorithms, export and check", "[engine]") {
  TempDir dir;
  WriteFile(dir / "nodes.csv",
            "id,name,kind\n1,Ghana,nation\n2,Chile,nation\n3,Japan,nation\n"
            "4,Iceland,nation\n");
  WriteFile(dir / "edges.csv", "src,dst,type\n1,2,mou\n2,3,agreement\n");
  auto db = OpenFresh(dir);
  ImportSummary summary;
  REQUIRE(ImportCsv(*db, dir / "nodes.csv", dir / "edges.csv", {}, &summary).ok());
  CHECK(summary.nodes == 4);
  CHECK(summary.relationships == 2);

  auto reader = db->NewReader();
  AlgorithmOptions ao;
  AlgorithmResult wcc;
  REQUIRE(RunAlgorithm(*reader, "wcc", ao, &wcc).ok());
  CHECK(wcc.nodes.size() == 4);
  CHECK(wcc.groups == 2);
  AlgorithmResult none;
  CHECK(RunAlgorithm(*reader, "nosuch", ao, &none).code() == Status::Code::kNotFound);

  std::ostringstream json;
  REQUIRE(ExportGraph(*reader, ExportFormat::kJson, json).ok());
  CHECK(json.str().find("\"Iceland\"") != std::string::npos);

  CheckReport report;
  REQUIRE(db->Check(&report).ok());
  CHECK(report.sound());
  CHECK(report.nodes == 4);
}

TEST_CASE("API: Value::FromJson is the inverse of ToJson for property values", "[engine]") {
  Value v(ValueMap{{"n", Value(int64_t{7})},
                   {"f", Value(2.5)},
                   {"tags", Value(ValueList{Value("a"), Value(true), Value()})},
                   {"when", Value(*Date::Parse("2024-02-29"))}});
  auto back = Value::FromJson(v.ToJson(), /*iso_dates=*/true);
  REQUIRE(back.ok());
  CHECK(*back == v);
  auto plain = Value::FromJson(v.ToJson());
  REQUIRE(plain.ok());
  CHECK(plain->as_map().at("when") == Value("2024-02-29"));
  auto bad = Value::FromJson("{\"a\": [1, 2");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("byte") != std::string::npos);
}

}  // namespace
}  // namespace pactgraph

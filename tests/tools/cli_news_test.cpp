// End-to-end tests of the news formats (HTML pages, RSS/Atom feeds) and of extraction records:
// `pactgraph extract --format jsonl` then `ingest --extracted` equals ingesting directly.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "pactgraph/database.h"
#include "tests/test_util.h"

namespace {
using pactgraph::testing::ReadFile;
using pactgraph::testing::RunPactgraph;
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

std::string Source(const std::string& rel) { return std::string(PACTGRAPH_SOURCE_DIR) + "/" + rel; }
bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Every article and every relationship's evidence, as text, in id order.
std::string ArticlesAndEvidence(const std::string& db_path) {
  pactgraph::Options o;
  o.create_if_missing = false;
  auto db = pactgraph::Database::Open(db_path, o);
  REQUIRE(db.ok());
  auto r = (*db)->NewReader();
  std::string out;
  REQUIRE(r->ScanArticles([&](const pactgraph::Article& a) {
             out += std::to_string(a.id) + "|" + a.file + "|" + a.title + "|" + a.date + "|" +
                    a.source + "|" + a.content_hash + "|" + a.text + "\n";
             return true;
           }).ok());
  REQUIRE(r->ScanRelationships([&](const pactgraph::RelEndpoints& e) {
             std::vector<pactgraph::Evidence> ev;
             REQUIRE(r->GetEvidence(e.id, &ev).ok());
             for (const auto& x : ev) {
               out += std::to_string(x.relationship) + "|" + std::to_string(x.article) + "|" +
                      std::to_string(x.begin) + "-" + std::to_string(x.end) + "|" + x.modality +
                      "|" + x.date + "|" + x.sentence + "\n";
             }
             return true;
           }).ok());
  return out;
}

TEST_CASE("News: ingest reads HTML pages and RSS/Atom feeds", "[news][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  auto r = RunPactgraph({"--db", db, "ingest", "-v", Source("tests/data/news")});
  INFO(r.err);
  CHECK(r.exit_code == 2);  // the feed's empty item is reported
  CHECK(Has(r.err, "briefs.rss#3 (line 30): item with no description or content"));
  CHECK(Has(r.err, "articles read 5, stored 5"));
  CHECK(Has(r.out, "stored port-deal.html"));
  CHECK(Has(r.out, "stored briefs.rss#1"));
  CHECK(Has(r.out, "stored updates.atom#2"));
  auto ev = RunPactgraph({"--db", db, "evidence", "Kenya", "Japan"});
  INFO(ev.err);
  REQUIRE(ev.exit_code == 0);
  CHECK(Has(ev.out, "-[MOU]->"));
  CHECK(Has(ev.out, "Kenya and Japan agree to modernise the Mombasa harbour"));  // the title
  auto q = RunPactgraph({"--db", db, "evidence", "Ghana", "Togo", "--format", "json"});
  REQUIRE(q.exit_code == 0);
  CHECK(Has(q.out, "\"2024-05-07\""));  // the pubDate
}

TEST_CASE("News: extract --format jsonl + ingest --extracted equals direct ingestion",
          "[news][cli][record]") {
  TempDir dir;
  const std::string articles = Source("data/articles"), news = Source("tests/data/news");
  auto direct = RunPactgraph({"--db", dir / "db1", "ingest", articles, news});
  REQUIRE(direct.exit_code == 2);  // the one empty feed item
  auto ex = RunPactgraph({"extract", "--format", "jsonl", articles, news});
  REQUIRE(ex.exit_code == 2);
  WriteFile(dir / "part-1.jsonl", ex.out);
  size_t lines = 0;
  for (char c : ex.out) lines += c == '\n';
  CHECK(lines == 21);
  auto stored = RunPactgraph({"--db", dir / "db2", "ingest", "--extracted", dir / "part-1.jsonl"});
  INFO(stored.err);
  REQUIRE(stored.exit_code == 0);
  CHECK(Has(stored.err, "articles read 21, stored 21"));
  auto e1 = RunPactgraph({"--db", dir / "db1", "export", "--format", "json"});
  auto e2 = RunPactgraph({"--db", dir / "db2", "export", "--format", "json"});
  REQUIRE(e1.exit_code == 0);
  REQUIRE(e2.exit_code == 0);
  CHECK(nlohmann::json::parse(e1.out)["nodes"].size() > 40);
  CHECK(e1.out == e2.out);
  const std::string a1 = ArticlesAndEvidence(dir / "db1"), a2 = ArticlesAndEvidence(dir / "db2");
  CHECK(Has(a1, "port-deal.html"));
  CHECK(a1 == a2);
  // Records split over two files (as two machines would write them) give the same database.
  auto p1 = RunPactgraph({"extract", "--format", "jsonl", articles});
  auto p2 = RunPactgraph({"extract", "--format", "jsonl", news});
  WriteFile(dir / "m1.jsonl", p1.out);
  WriteFile(dir / "m2.jsonl", p2.out);
  auto split = RunPactgraph(
      {"--db", dir / "db3", "ingest", "--extracted", dir / "m1.jsonl", dir / "m2.jsonl"});
  REQUIRE(split.exit_code == 0);
  CHECK(RunPactgraph({"--db", dir / "db3", "export", "--format", "json"}).out == e1.out);
  CHECK(ArticlesAndEvidence(dir / "db3") == a1);
  // Storing the records again changes nothing: every article is already stored.
  auto again = RunPactgraph({"--db", dir / "db2", "ingest", "--extracted", dir / "part-1.jsonl"});
  CHECK(Has(again.err, "skipped (already stored) 21"));
  CHECK(ArticlesAndEvidence(dir / "db2") == a1);
}

TEST_CASE("News: a bad extraction record stores nothing", "[news][cli][record]") {
  TempDir dir;
  auto ex = RunPactgraph({"extract", "--format", "jsonl", Source("data/articles")});
  REQUIRE(ex.exit_code == 0);
  // Cut in the middle of the last record.
  WriteFile(dir / "cut.jsonl", ex.out.substr(0, ex.out.size() - 40));
  auto r = RunPactgraph({"--db", dir / "db", "ingest", "--extracted", dir / "cut.jsonl"});
  CHECK(r.exit_code == 2);
  CHECK(Has(r.err, "cut.jsonl:16:"));
  CHECK(Has(r.err, "nothing was stored"));
  CHECK_FALSE(std::filesystem::exists(dir / "db"));  // refused before the database was opened
  // A damaged record in the middle, into an existing database: it stays as it was.
  REQUIRE(RunPactgraph({"--db", dir / "db", "ingest", Source("tests/data/news/updates.atom")})
              .exit_code == 0);
  const std::string before = ArticlesAndEvidence(dir / "db");
  std::string damaged = ex.out;
  const size_t second = damaged.find('\n') + 1;
  damaged.insert(damaged.find("\"entities\":", second) + 11, "{");
  WriteFile(dir / "damaged.jsonl", damaged);
  r = RunPactgraph({"--db", dir / "db", "ingest", "--extracted", dir / "damaged.jsonl"});
  CHECK(r.exit_code == 2);
  CHECK(Has(r.err, "damaged.jsonl:2:"));
  CHECK(ArticlesAndEvidence(dir / "db") == before);
  // Through standard input, the same check.
  r = RunPactgraph({"--db", dir / "db", "ingest", "--extracted", "-"}, damaged);
  CHECK(r.exit_code == 2);
  CHECK(Has(r.err, "-:2:"));
  CHECK(ArticlesAndEvidence(dir / "db") == before);
}

TEST_CASE("News: a huge page is refused by the size cap and a broken feed by its place",
          "[news][cli]") {
  TempDir dir;
  // A 1 GB page (sparse: no disk is used), refused before it is read.
  const std::string big = dir / "huge.html";
  WriteFile(big, "<html>");
  REQUIRE(::truncate(big.c_str(), 1ll << 30) == 0);
  auto r = RunPactgraph({"--db", dir / "db", "ingest", big});
  CHECK(r.exit_code == 2);
  CHECK(Has(r.err, "huge.html: file of 1073741824 bytes is over the limit of 8388608 bytes"));
  CHECK(Has(r.err, "--max-bytes"));
  WriteFile(dir / "broken.rss",
            "<?xml version=\"1.0\"?>\n<rss><channel>\n<item><description>Kenya and Ghana signed "
            "an MoU.</description></item>\n<item><description>Ghana met</channel></rss>\n");
  r = RunPactgraph({"--db", dir / "db", "ingest", dir / "broken.rss"});
  CHECK(r.exit_code == 2);
  CHECK(Has(r.err, "broken.rss:4:"));
  CHECK(Has(r.err, "feed skipped (nothing read from it)"));
  CHECK(Has(r.err, "articles read 0"));
  // An HTML page on standard input is sniffed.
  r = RunPactgraph({"extract", "--format", "jsonl", "-"},
                   "<!doctype html><title>T</title><p>Kenya and Ghana signed an MoU.</p>");
  REQUIRE(r.exit_code == 0);
  auto rec = nlohmann::json::parse(r.out);
  CHECK(rec["article"]["title"] == "T");
  CHECK(rec["article"]["text"] == "Kenya and Ghana signed an MoU.\n");
}

}  // namespace

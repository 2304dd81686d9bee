// A real full disk (issue 14, item 3): the database on a small tmpfs, the rest of the file
// system filled, then writes through the real binary. Each must end with exit 3 and "no space
// left on device" (before: exit 134, an assertion in RocksDB's info-log writer), keep every
// write it acknowledged and nothing of the one that failed. Needs root to mount the tmpfs;
// elsewhere it warns and checks nothing.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "tests/test_util.h"

namespace pactgraph::testing {
namespace {

namespace fs = std::filesystem;

class Tmpfs {
 public:
  explicit Tmpfs(const std::string& dir) : dir_(dir) {
    fs::create_directories(dir_);
    mounted_ = ::geteuid() == 0 &&
               RunProgram({"mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir_}).exit_code == 0;
  }
  ~Tmpfs() {
    if (mounted_) RunProgram({"umount", "-l", dir_});
  }
  bool mounted() const { return mounted_; }

 private:
  std::string dir_;
  bool mounted_ = false;
};

// Fills the file system of `dir` until a write fails, then gives back `leave_kb`.
void FillLeaving(const std::string& dir, uintmax_t leave_kb) {
  const std::string fill = dir + "/fill";
  {
    std::FILE* f = std::fopen(fill.c_str(), "w");
    REQUIRE(f != nullptr);
    std::string block(64 * 1024, 'z');
    while (std::fwrite(block.data(), 1, block.size(), f) == block.size() && std::fflush(f) == 0) {
    }
    std::fclose(f);
  }
  std::error_code ec;
  uintmax_t size = fs::file_size(fill, ec);
  REQUIRE_FALSE(ec);
  fs::resize_file(fill, size > leave_kb * 1024 ? size - leave_kb * 1024 : 0);
}

// Articles in the project's own words, each naming its own parties (so none is a duplicate).
std::string WriteArticles(const std::string& dir, int n) {
  fs::create_directories(dir);
  for (int i = 1; i <= n; ++i) {
    const std::string k = std::to_string(i);
    WriteFile(dir + "/article" + k + ".txt",
              "Northwind" + k + " Holdings signed a memorandum of understanding with Southgate" +
                  k + " Labs on digital skills on 4 May 2025. The Southgate" + k +
                  " Labs programme Bright" + k +
                  " Academy will train engineers, officials "
                  "said in a statement about the partnership and its long-term aims for the "
                  "region's growing technology sector. Northwind" +
                  k +
                  " Holdings will fund the academy's first two years, and the two firms "
                  "agreed to review the programme together every six months.\n");
  }
  return dir;
}

int64_t CountOf(const std::string& db, const std::string& query) {
  auto r = RunPactgraph({"--db", db, "query", query, "--format", "csv"});
  REQUIRE(r.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("\n(\\d+)")));
  return std::stoll(m[1]);
}

void CheckNoSpace(const RunResult& r) {
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("no space left on device") != std::string::npos);
  CHECK(r.err.find("Assertion") == std::string::npos);
}

TEST_CASE("disk full: query writes and ingest exit 3 and keep what they acknowledged",
          "[reliability][disk]") {
  TempDir dir;
  const std::string articles = WriteArticles(dir / "articles", 400);
  for (uintmax_t leave_kb : {64, 256}) {
    INFO("space left: " << leave_kb << " KiB");
    const std::string mnt = dir / ("mnt" + std::to_string(leave_kb));
    Tmpfs tmpfs(mnt);
    if (!tmpfs.mounted()) {
      WARN("cannot mount a tmpfs here (needs root): the full-disk test checks nothing");
      return;
    }
    const std::string db = mnt + "/db";
    REQUIRE(RunPactgraph({"--db", db, "query", "CREATE (:Seed {name: 'seed'})"}).exit_code == 0);
    FillLeaving(mnt, leave_kb);

    // One query writing far more than the space left: all or nothing.
    auto big = RunPactgraph({"--db", db, "query",
                             "UNWIND range(1, 50000) AS i CREATE (:Big {text: "
                             "'a property long enough to need many kilobytes in all, number ' + "
                             "toString(i)})"});
    CheckNoSpace(big);

    // Ingest commits article by article: those it reported stored stay, the rest are absent.
    auto ingest = RunPactgraph({"--db", db, "ingest", articles});
    CheckNoSpace(ingest);
    const std::string report = ingest.out + ingest.err;
    INFO(report);
    // The summary line, when the failure came after the first article was stored.
    std::smatch m;
    const int64_t stored =
        std::regex_search(report, m, std::regex("stored (\\d+)")) ? std::stoll(m[1]) : 0;
    CHECK(stored < 400);
    CHECK(report.find("relationships added 0,") == std::string::npos);

    std::error_code ec;
    fs::remove(mnt + "/fill", ec);
    auto check = RunPactgraph({"--db", db, "check"});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(CountOf(db, "MATCH (n:Big) RETURN count(n)") == 0);
    CHECK(CountOf(db, "MATCH (n:Seed) RETURN count(n)") == 1);
    auto stats = RunPactgraph({"--db", db, "stats", "--format", "json"});
    REQUIRE(stats.exit_code == 0);
    CHECK(stats.out.find("\"articles\":" + std::to_string(stored)) != std::string::npos);
    // With space again, the same ingest stores the rest.
    auto again = RunPactgraph({"--db", db, "ingest", articles});
    CHECK(again.exit_code == 0);
  }
}

}  // namespace
}  // namespace pactgraph::testing

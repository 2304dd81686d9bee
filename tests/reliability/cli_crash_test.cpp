// Crash trials against the real CLI: `pactgraph ingest -v` (articles) and `pactgraph import`
// run in a child process and are killed with SIGKILL at random moments; the database is then
// reopened and checked.
//
// Acknowledgement: for ingest, the line "stored FILE: R relationships, E evidence" that
// `ingest -v` prints on stdout after the article's commit; for import (all or nothing), exit
// status 0. After every kill: the database opens; every acknowledged article is wholly there
// (its record and all E of its evidence records); every article present is whole (as many
// evidence records as the same body gets in an uninterrupted reference run); every import is
// either wholly there (all its nodes and relationships) or not at all, and wholly there when
// acknowledged; `pactgraph check` exits 0. All trials share one database, so recoveries of
// recoveries are exercised. CI: 200 trials; soak ([.slow]): 500.
#include <signal.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <random>
#include <regex>

#include "pactgraph/database.h"
#include "tests/reliability/process.h"
#include "tests/test_util.h"

using namespace pactgraph;
using namespace pactgraph::reliability;
namespace fs = std::filesystem;

namespace {

constexpr int kArticlesPerTrial = 24;
constexpr int kNodesPerImport = 300;

struct Base {
  std::string name;  // e.g. 01-rwanda-japan-ai
  std::string text;  // the file as shipped
};

std::vector<Base> LoadBases() {
  std::vector<Base> bases;
  for (const auto& e : fs::directory_iterator(PACTGRAPH_SOURCE_DIR "/data/articles")) {
    if (e.path().extension() != ".txt") continue;
    bases.push_back({e.path().stem().string(), testing::ReadFile(e.path().string())});
  }
  std::sort(bases.begin(), bases.end(),
            [](const Base& a, const Base& b) { return a.name < b.name; });
  REQUIRE(bases.size() >= 8);
  return bases;
}

// Article `i` of trial `t`: base i % n with a sentence naming no actor appended, so its body
// (and SHA-256) is new but its extraction is the base's. File "t<T>-<I>-<base>.txt".
std::string WriteTrialArticles(const std::string& dir, const std::vector<Base>& bases, int t) {
  const std::string sub = dir + "/a" + std::to_string(t);
  fs::create_directories(sub);
  for (int i = 0; i < kArticlesPerTrial; ++i) {
    const Base& b = bases[i % bases.size()];
    testing::WriteFile(
        sub + "/t" + std::to_string(t) + "-" + std::to_string(i) + "-" + b.name + ".txt",
        b.text + "\nFiling reference " + std::to_string(t) + "." + std::to_string(i) + ".\n");
  }
  return sub;
}

// "t12-3-01-rwanda-japan-ai.txt" -> "01-rwanda-japan-ai".
std::string BaseOf(const std::string& file) {
  static const std::regex re(R"(^t\d+-\d+-(.*)\.txt$)");
  std::smatch m;
  return std::regex_match(file, m, re) ? m[1].str() : "";
}

// Parses the ack lines of `ingest -v` into file -> evidence count.
void ParseAcks(const std::vector<std::string>& lines, std::map<std::string, uint64_t>* acked) {
  static const std::regex re(R"(^stored (\S+): (\d+) relationships, (\d+) evidence$)");
  for (const auto& line : lines) {
    std::smatch m;
    if (std::regex_match(line, m, re)) (*acked)[m[1].str()] = std::stoull(m[3].str());
  }
}

// Every stored article (by file) and its number of evidence records.
void ArticleCensus(Database* db, std::map<std::string, uint64_t>* evidence_by_file) {
  auto r = db->NewReader();
  std::map<ArticleId, std::string> file_of;
  REQUIRE(r->ScanArticles([&](const Article& a) {
             file_of[a.id] = a.file;
             return true;
           }).ok());
  std::map<ArticleId, uint64_t> count;
  std::vector<RelId> rels;
  REQUIRE(r->ScanRelationships([&](const RelEndpoints& e) {
             rels.push_back(e.id);
             return true;
           }).ok());
  for (RelId rel : rels) {
    std::vector<Evidence> ev;
    REQUIRE(r->GetEvidence(rel, &ev).ok());
    for (const auto& e : ev) ++count[e.article];
  }
  evidence_by_file->clear();
  for (const auto& [id, file] : file_of) (*evidence_by_file)[file] = count[id];
  for (const auto& [id, n] : count) {
    if (!file_of.count(id)) FAIL_CHECK(n << " evidence records point to missing article " << id);
  }
}

struct TrialStats {
  int ingest_trials = 0, import_trials = 0, killed = 0;
  uint64_t articles_acked = 0, articles_present = 0, imports_acked = 0, imports_present = 0;
};

void RunCliCrashTrials(int trials, uint32_t seed) {
  testing::TempDir dir;
  const std::string db_path = dir / "db";
  const std::vector<Base> bases = LoadBases();
  std::mt19937 rng(seed);

  // Reference: what an uninterrupted run stores for each base body.
  std::map<std::string, uint64_t> reference;  // base -> evidence records
  {
    const std::string src = WriteTrialArticles(dir.path(), bases, 999999);
    auto r = testing::RunPactgraph({"--db", dir / "ref", "-q", "ingest", "-v", src});
    REQUIRE(r.exit_code == 0);
    std::map<std::string, uint64_t> acked;
    std::vector<std::string> lines;
    for (size_t p = 0, nl; (nl = r.out.find('\n', p)) != std::string::npos; p = nl + 1)
      lines.push_back(r.out.substr(p, nl - p));
    ParseAcks(lines, &acked);
    REQUIRE(acked.size() == static_cast<size_t>(kArticlesPerTrial));
    for (const auto& [file, n] : acked) {
      auto [it, fresh] = reference.emplace(BaseOf(file), n);
      CHECK(it->second == n);  // the appended sentence does not change the extraction
    }
    fs::remove_all(src);
  }

  std::map<std::string, uint64_t> acked_articles;  // file -> evidence, over all trials
  std::map<int, bool> import_acked;                // import trial -> acknowledged
  TrialStats stats;
  for (int t = 0; t < trials; ++t) {
    const bool ingest = t % 2 == 0;
    std::vector<std::string> args{PACTGRAPH_BIN, "--db", db_path};
    std::string src;
    if (ingest) {
      src = WriteTrialArticles(dir.path(), bases, t);
      args.insert(args.end(), {"-q", "ingest", "-v", src});
      ++stats.ingest_trials;
    } else {
      std::string nodes = "id,name,kind\n", edges = "src,dst,type,weight\n";
      for (int i = 0; i < kNodesPerImport; ++i) {
        nodes += std::to_string(i) + ",T" + std::to_string(t) + " node " + std::to_string(i) +
                 ",trial_" + std::to_string(t) + "\n";
        edges += std::to_string(i) + "," + std::to_string((i * 7 + 1) % kNodesPerImport) + ",r" +
                 std::to_string(t) + ",0.5\n";
      }
      src = dir / ("i" + std::to_string(t));
      fs::create_directories(src);
      testing::WriteFile(src + "/nodes.csv", nodes);
      testing::WriteFile(src + "/edges.csv", edges);
      // Each trial's file reuses the ids 0..299: --mode append keeps the trials apart (the
      // default would match the rows of an earlier trial's import).
      args.insert(args.end(), {"import", "--mode", "append", "--nodes", src + "/nodes.csv",
                               "--edges", src + "/edges.csv"});
      ++stats.import_trials;
    }
    Child child(args);
    // One trial in four: killed at a random moment from the start (often before or while the
    // database opens). Ingest otherwise: a random moment after the first acknowledgement
    // (mid-run). Import otherwise: a random moment of its usual run time.
    const bool from_start = rng() % 4 == 0 || !ingest;
    const int delay = from_start ? static_cast<int>(rng() % 250) : static_cast<int>(rng() % 40);
    if (!from_start) {
      const int64_t give_up = MonotonicMs() + 20000;
      while (child.output().find("stored ") == std::string::npos && MonotonicMs() < give_up &&
             child.Read(10)) {
      }
    }
    const int64_t kill_at = MonotonicMs() + delay;
    while (MonotonicMs() < kill_at && child.Read(static_cast<int>(kill_at - MonotonicMs()))) {
    }
    child.Kill(SIGKILL);
    child.Read(-1);
    const int code = child.Wait();
    const std::vector<std::string> lines = child.TakeLines();
    INFO("trial " << t << (ingest ? " (ingest)" : " (import)") << ", killed after " << delay
                  << " ms" << (from_start ? " from the start" : " after the first ack") << ", exit "
                  << code);
    stats.killed += code == 128 + SIGKILL;
    if (code != 128 + SIGKILL) {
      INFO("output: " << child.output().substr(0, 2000));
      REQUIRE(code == 0);  // finished before the kill: must have succeeded
    }
    if (ingest) {
      size_t before = acked_articles.size();
      ParseAcks(lines, &acked_articles);
      stats.articles_acked += acked_articles.size() - before;
    } else {
      import_acked[t] = code == 0;
      stats.imports_acked += code == 0;
    }

    {
      auto db = Database::Open(db_path, Options{});
      REQUIRE(db.ok());
      std::map<std::string, uint64_t> present;
      ArticleCensus(db->get(), &present);
      for (const auto& [file, n] : acked_articles) {
        auto it = present.find(file);
        if (it == present.end()) {
          FAIL_CHECK("acknowledged article " << file << " is missing");
        } else if (it->second != n) {
          FAIL_CHECK("acknowledged article " << file << " has " << it->second
                                             << " evidence records, acknowledged " << n);
        }
      }
      for (const auto& [file, n] : present) {
        auto ref = reference.find(BaseOf(file));
        REQUIRE(ref != reference.end());
        if (n != ref->second) {
          FAIL_CHECK("article " << file << " is partly there: " << n << " of " << ref->second
                                << " evidence records");
        }
      }
      if (ingest) {
        const std::string prefix = "t" + std::to_string(t) + "-";
        for (const auto& [file, n] : present) stats.articles_present += file.rfind(prefix, 0) == 0;
      }
      GraphStats gs;
      REQUIRE((*db)->NewReader()->GetStats(&gs).ok());
      for (const auto& [it, was_acked] : import_acked) {
        const std::string label = "Trial" + std::to_string(it), type = "R" + std::to_string(it);
        const uint64_t nodes = gs.labels.count(label) ? gs.labels.at(label) : 0;
        const uint64_t rels = gs.types.count(type) ? gs.types.at(type) : 0;
        INFO("import of trial " << it << ": " << nodes << " nodes, " << rels << " relationships");
        const bool whole = nodes == kNodesPerImport && rels == kNodesPerImport;
        CHECK((whole || (nodes == 0 && rels == 0)));
        if (was_acked) CHECK(whole);
        if (it == t) stats.imports_present += whole;
      }
    }
    auto check = testing::RunPactgraph({"--db", db_path, "check"});
    INFO("check: " << check.out << check.err);
    REQUIRE(check.exit_code == 0);
    fs::remove_all(src);
  }
  CHECK(stats.articles_acked > 0);
  WARN("CLI crash trials: " << trials << " (" << stats.ingest_trials << " ingest, "
                            << stats.import_trials << " import), " << stats.killed
                            << " killed before they finished; articles acknowledged "
                            << stats.articles_acked << ", present after their trial "
                            << stats.articles_present << " (0 lost, 0 partly there); imports "
                            << "acknowledged " << stats.imports_acked << ", present "
                            << stats.imports_present);
}

uint32_t Seed() {
  const char* s = std::getenv("PACTGRAPH_CRASH_SEED");
  return s ? static_cast<uint32_t>(std::stoul(s)) : 20261122u;
}

}  // namespace

TEST_CASE("crash (CLI): 200 SIGKILLs of pactgraph ingest and import lose nothing acknowledged",
          "[reliability][crash][cli]") {
  RunCliCrashTrials(200 / kSanitizerSlowdown, Seed());
}

TEST_CASE("crash soak (CLI): 500 SIGKILLs of pactgraph ingest and import",
          "[reliability][crash][cli][.slow]") {
  RunCliCrashTrials(500, Seed() + 3);
}

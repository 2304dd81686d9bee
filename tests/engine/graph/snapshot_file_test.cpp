// Snapshot files (engine/graph/snapshot_file.h): a new process loads the copy an earlier one
// saved for the same state, never one for another state, and rebuilds over a damaged file.
#include "engine/graph/snapshot_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/graph/paths.h"
#include "engine/graph/snapshot_cache.h"
#include "pactgraph/database.h"
#include "pactgraph/paths.h"
#include "storage/reader_extensions.h"
#include "tests/engine/graph/random_graph.h"
#include "tests/test_util.h"

namespace pactgraph::graph {
namespace {

namespace fs = std::filesystem;

std::string TokenOf(const GraphReader& r) {
  return dynamic_cast<const storage::ReaderExtensions&>(r).StateToken();
}

// Every column the searches read, compared entry by entry.
void CheckSame(const GraphSnapshot& a, const GraphSnapshot& b) {
  REQUIRE(a.num_vertices() == b.num_vertices());
  REQUIRE(a.num_rels() == b.num_rels());
  for (VertexIndex v = 0; v < a.num_vertices(); ++v) {
    CHECK(a.node_id(v) == b.node_id(v));
    CHECK(std::vector<LabelId>(a.labels(v).begin(), a.labels(v).end()) ==
          std::vector<LabelId>(b.labels(v).begin(), b.labels(v).end()));
    CHECK(b.FindVertex(a.node_id(v)) == v);
  }
  for (RelIndex r = 0; r < a.num_rels(); ++r) {
    CHECK(a.rel_id(r) == b.rel_id(r));
    CHECK(a.rel_type(r) == b.rel_type(r));
    CHECK(a.rel_start(r) == b.rel_start(r));
    CHECK(a.rel_end(r) == b.rel_end(r));
    CHECK(a.rel_weight(r) == b.rel_weight(r));
    CHECK(a.rel_date(r) == b.rel_date(r));
  }
  const size_t entries = 2 * static_cast<size_t>(a.num_rels());
  CHECK(std::equal(a.row_start(), a.row_start() + a.num_vertices() + 1, b.row_start()));
  CHECK(std::equal(a.column(), a.column() + entries, b.column()));
  CHECK(std::equal(a.entry_prop(), a.entry_prop() + entries, b.entry_prop()));
  CHECK(a.type_names() == b.type_names());
  CHECK(a.label_names() == b.label_names());
}

struct Fixture {
  pactgraph::testing::TempDir dir;
  std::unique_ptr<Database> db;
  Fixture() {
    auto opened = Database::Open(dir / "db", Options());
    REQUIRE(opened.ok());
    db = std::move(*opened);
  }
  void AddRandomGraph(uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto g = testing::MakeRandomGraph(rng, 30, 80);
    auto w = db->BeginWrite();
    REQUIRE(w.ok());
    const NodeId base = (*w)->NodeIdBound() - 1;
    for (uint32_t v = 0; v < g.n; ++v) {
      std::vector<std::string> labels{"Actor"};
      for (LabelId l : g.labels[v]) labels.push_back(l == 0 ? "A" : "B");
      REQUIRE((*w)->CreateNode(labels, {}).ok());
    }
    for (const EdgeSpec& e : g.edges) {
      ValueMap props{{"weight", Value(e.weight)}};
      if (e.date != kNoDate) props["date"] = Value(Date{e.date});
      REQUIRE((*w)->CreateRelationship(base + e.start, base + e.end, "T" + std::to_string(e.type),
                                       props)
                  .ok());
    }
    REQUIRE((*w)->Commit().ok());
  }
};

TEST_CASE("SnapshotFile: save and load give back every column, with weights and dates",
          "[graph][snapshot_file]") {
  Fixture f;
  f.AddRandomGraph(5);
  auto reader = f.db->NewReader();
  const std::string token = TokenOf(*reader);
  REQUIRE(!token.empty());
  for (SnapshotOptions options : {SnapshotOptions{}, SnapshotOptions{"weight", "date"}}) {
    auto built = GraphSnapshot::Build(*reader, options);
    REQUIRE(built.ok());
    const std::string file = SnapshotFilePath(f.db->path(), options);
    REQUIRE(SaveSnapshot(**built, token, file).ok());
    auto loaded = LoadSnapshot(file, token);
    REQUIRE(loaded.ok());
    CheckSame(**built, **loaded);
    CHECK((*loaded)->options() == options);
    // The searches answer the same on both.
    PathOptions q;
    q.mode = options.weight.empty() ? PathMode::kAllShortest : PathMode::kWeighted;
    for (VertexIndex s = 0; s < (*built)->num_vertices(); s += 7) {
      for (VertexIndex t = 0; t < (*built)->num_vertices(); t += 5) {
        std::vector<GraphPath> a, b;
        REQUIRE(FindPaths(**built, s, t, q, &a).ok());
        REQUIRE(FindPaths(**loaded, s, t, q, &b).ok());
        CHECK(a == b);
      }
    }
  }
}

TEST_CASE("SnapshotFile: a new process loads the file of the same state, never a stale one",
          "[graph][snapshot_file]") {
  Fixture f;
  f.AddRandomGraph(6);
  ClearSharedSnapshots();
  const uint64_t builds = SharedSnapshotBuilds(), loads = SharedSnapshotLoads();
  {
    auto reader = f.db->NewReader();
    REQUIRE(SharedSnapshot(*reader, {}).ok());  // built, and saved for the next process
  }
  CHECK(SharedSnapshotBuilds() == builds + 1);
  CHECK(fs::exists(SnapshotFilePath(f.db->path(), {})));

  ClearSharedSnapshots();  // as a new process would start
  SnapshotPtr first;
  {
    auto reader = f.db->NewReader();
    auto s = SharedSnapshot(*reader, {});
    REQUIRE(s.ok());
    first = *s;
  }
  CHECK(SharedSnapshotBuilds() == builds + 1);
  CHECK(SharedSnapshotLoads() == loads + 1);

  // A commit makes the file stale: the next process builds, sees the new node, and rewrites.
  f.AddRandomGraph(7);
  ClearSharedSnapshots();
  auto reader = f.db->NewReader();
  auto stale = LoadSnapshot(SnapshotFilePath(f.db->path(), {}), TokenOf(*reader));
  CHECK(stale.status().code() == Status::Code::kNotFound);
  auto fresh = SharedSnapshot(*reader, {});
  REQUIRE(fresh.ok());
  CHECK(SharedSnapshotBuilds() == builds + 2);
  CHECK((*fresh)->num_vertices() > first->num_vertices());
  CHECK(LoadSnapshot(SnapshotFilePath(f.db->path(), {}), TokenOf(*reader)).ok());
}

TEST_CASE("SnapshotFile: damaged and truncated files are refused and rebuilt over",
          "[graph][snapshot_file]") {
  Fixture f;
  f.AddRandomGraph(8);
  auto reader = f.db->NewReader();
  const std::string token = TokenOf(*reader);
  auto built = GraphSnapshot::Build(*reader, {});
  REQUIRE(built.ok());
  const std::string file = SnapshotFilePath(f.db->path(), {});
  REQUIRE(SaveSnapshot(**built, token, file).ok());
  const std::string good = pactgraph::testing::ReadFile(file);

  for (size_t at : {size_t{2}, good.size() / 2, good.size() - 3}) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x5A);
    pactgraph::testing::WriteFile(file, bad);
    auto loaded = LoadSnapshot(file, token);
    INFO("byte " << at);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.status().code() == Status::Code::kCorruption);
  }
  for (size_t keep : {size_t{0}, size_t{11}, good.size() / 3, good.size() - 1}) {
    pactgraph::testing::WriteFile(file, good.substr(0, keep));
    auto loaded = LoadSnapshot(file, token);
    INFO("kept " << keep << " bytes");
    CHECK_FALSE(loaded.ok());
  }
  // The public search still answers, and leaves a good file behind.
  ClearSharedSnapshots();
  PathAnswer answer;
  REQUIRE(pactgraph::FindPaths(*reader, 1, 2, PathOptions(), &answer).ok());
  auto reloaded = LoadSnapshot(file, token);
  REQUIRE(reloaded.ok());
  CheckSame(**built, **reloaded);
}

TEST_CASE("SnapshotFile: an unwritable database directory only costs the file",
          "[graph][snapshot_file]") {
  if (::geteuid() == 0) {
    SUCCEED("running as root: permissions do not stop writes");
    return;
  }
  Fixture f;
  f.AddRandomGraph(9);
  fs::create_directories(f.dir / "db/snapshots");
  fs::permissions(f.dir / "db/snapshots", fs::perms::owner_read | fs::perms::owner_exec);
  ClearSharedSnapshots();
  auto reader = f.db->NewReader();
  CHECK(SharedSnapshot(*reader, {}).ok());
  fs::permissions(f.dir / "db/snapshots", fs::perms::owner_all);
}

}  // namespace
}  // namespace pactgraph::graph

// tests/storage/bulk_loader_test.cpp — the bulk loader: atomic ingestion, the memory-bounded
// (spilling) path against the in-memory one, cleanup after failures, file-count compaction.
#include <rocksdb/file_system.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "pactgraph/database.h"
#include "storage/check.h"
#include "storage/rocks_database.h"
#include "tests/test_util.h"

using namespace pactgraph;
using pactgraph::testing::TempDir;

TEST_CASE("BulkLoader: loads nodes and relationships atomically", "[storage][bulk]") {
  TempDir dir;
  auto db = std::move(Database::Open(dir / "db", {})).value();
  {
    auto w = *db->BeginWrite();
    REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Existing")}}).ok());
    REQUIRE(w->Commit().ok());
  }
  auto loader = std::move(db->BeginBulkLoad()).value();
  std::vector<NodeId> ids;
  for (int i = 0; i < 1000; ++i) {
    ids.push_back(*loader->AddNode({i % 2 ? "Nation" : "Organization"},
                                   {{"name", Value("node " + std::to_string(i))}}));
  }
  for (int i = 0; i < 5000; ++i) {
    REQUIRE(loader
                ->AddRelationship(ids[i % 1000], ids[(i * 7 + 3) % 1000], i % 3 ? "MOU" : "FUND",
                                  {{"weight", Value(0.5)}})
                .ok());
  }
  REQUIRE(loader->AddRelationship(1, ids[0], "MOU", {}).ok());  // to an existing node
  CHECK(loader->AddRelationship(ids[0], 999999, "MOU", {}).status().code() ==
        Status::Code::kInvalidArgument);
  // Nothing is visible before Finish.
  GraphStats st;
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  CHECK(st.nodes == 1);
  REQUIRE(loader->Finish().ok());
  loader.reset();
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  CHECK(st.nodes == 1001);
  CHECK(st.relationships == 5001);
  CHECK(st.labels["Nation"] == 501);
  CHECK(st.types["FUND"] == 1667);
  auto r = db->NewReader();
  std::vector<NodeId> found;
  REQUIRE(r->FindNodesByName("NODE 17", &found).ok());
  CHECK(found == std::vector<NodeId>{ids[17]});
  uint64_t degree = 0;
  REQUIRE(r->Neighbors(ids[0], Direction::kBoth, {}, [&](const NeighborEntry&) {
             ++degree;
             return true;
           }).ok());
  CHECK(degree > 0);
  // A normal transaction after the load continues the id sequence.
  auto w = *db->BeginWrite();
  NodeId next = *w->CreateNode({"Place"}, {});
  CHECK(next == ids.back() + 1);
  REQUIRE(w->Commit().ok());
  // Staging files are gone.
  for (const auto& e : std::filesystem::directory_iterator(dir / "db")) {
    CHECK(e.path().filename().string().rfind("import-staging-", 0) != 0);
  }
}

TEST_CASE("BulkLoader: abandoned load changes nothing", "[storage][bulk]") {
  TempDir dir;
  auto db = std::move(Database::Open(dir / "db", {})).value();
  {
    auto loader = std::move(db->BeginBulkLoad()).value();
    REQUIRE(loader->AddNode({"Nation"}, {{"name", Value("Ghost")}}).ok());
  }
  GraphStats st;
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  CHECK(st.nodes == 0);
  auto w = *db->BeginWrite();
  CHECK(*w->CreateNode({"Nation"}, {}) == 1);
}

namespace {

// Loads a deterministic graph: `nodes` named nodes (with aliases), `rels` relationships with a
// date-like string and a weight, and one relationship to `existing` (a node already stored).
Status LoadSample(Database* db, int nodes, int rels, NodeId existing, bool reserve) {
  PG_ASSIGN_OR_RETURN(auto loader, db->BeginBulkLoad());
  if (reserve) loader->Reserve(nodes, rels);
  std::vector<NodeId> ids;
  const char* kinds[] = {"Nation", "Organization", "Program", "Person", "Place"};
  for (int i = 0; i < nodes; ++i) {
    ValueMap props{{"name", Value("entity " + std::to_string((i * 7919) % nodes))}};
    if (i % 3 == 0) props["aliases"] = Value(ValueList{Value("alias " + std::to_string(i % 50))});
    PG_ASSIGN_OR_RETURN(NodeId id, loader->AddNode({kinds[i % 5]}, props));
    ids.push_back(id);
  }
  const char* types[] = {"MOU", "COOPERATION", "FUND", "VISIT", "TRAIN"};
  for (int i = 0; i < rels; ++i) {
    const NodeId a = ids[(static_cast<uint64_t>(i) * 2654435761u) % nodes];
    const NodeId b = ids[(static_cast<uint64_t>(i) * 40503u + 17) % nodes];
    PG_RETURN_IF_ERROR(loader
                           ->AddRelationship(a, b, types[i % 5],
                                             {{"date", Value("2020-01-" + std::to_string(i % 28))},
                                              {"weight", Value((i % 100 + 1) / 100.0)}})
                           .status());
  }
  PG_RETURN_IF_ERROR(loader->AddRelationship(existing, ids[0], "MOU", {}).status());
  return loader->Finish();
}

std::vector<std::string> StagingDirs(const std::string& db_dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(db_dir)) {
    if (e.path().filename().string().rfind("import-staging-", 0) == 0) out.push_back(e.path());
  }
  return out;
}

// Every key and value of every column family, in order.
std::vector<std::string> Dump(Database* db) {
  auto* rdb = dynamic_cast<storage::RocksDatabase*>(db);
  REQUIRE(rdb != nullptr);
  std::vector<std::string> out;
  for (int cf = 0; cf < storage::kNumCf; ++cf) {
    std::unique_ptr<rocksdb::Iterator> it(
        rdb->db()->NewIterator(rocksdb::ReadOptions(), rdb->cf(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out.push_back(std::to_string(cf) + ":" + it->key().ToString() + "=" + it->value().ToString());
    }
    REQUIRE(it->status().ok());
  }
  return out;
}

uint64_t NodeCount(Database* db) {
  GraphStats st;
  REQUIRE(db->NewReader()->GetStats(&st).ok());
  return st.nodes;
}

void RequireSound(Database* db) {
  CheckReport report;
  REQUIRE((db)->Check(&report).ok());
  INFO((report.problems.empty() ? std::string() : report.problems.front()));
  CHECK(report.sound());
}

// Fails the creation of the nth file in an import staging directory from now (1 = the next).
class FailStagingFs : public rocksdb::FileSystemWrapper {
 public:
  FailStagingFs() : FileSystemWrapper(rocksdb::FileSystem::Default()) {}
  const char* Name() const override { return "FailStagingFs"; }
  void FailNth(int n) { countdown_ = n; }
  int created() const { return created_; }
  rocksdb::IOStatus NewWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    if (fname.find("import-staging-") != std::string::npos) {
      ++created_;
      if (countdown_ > 0 && --countdown_ == 0) {
        return rocksdb::IOStatus::IOError("injected failure creating " + fname);
      }
    }
    return target()->NewWritableFile(fname, opts, result, dbg);
  }

 private:
  int countdown_ = 0;
  int created_ = 0;
};

}  // namespace

TEST_CASE("BulkLoader: a load that spills sorted runs equals the in-memory load",
          "[storage][bulk]") {
  TempDir dir;
  Options unbounded;
  unbounded.bulk_load_memory_mb = 0;
  Options tiny;
  tiny.bulk_load_memory_mb = 1;  // ~40k relationships need several MB: several runs
  auto a = std::move(Database::Open(dir / "a", unbounded)).value();
  auto b = std::move(Database::Open(dir / "b", tiny)).value();
  for (auto* db : {a.get(), b.get()}) {
    auto w = *db->BeginWrite();
    REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Existing")}}).ok());
    REQUIRE(w->Commit().ok());
  }
  const bool reserve = GENERATE(false, true);
  REQUIRE(LoadSample(a.get(), 5000, 40000, 1, reserve).ok());
  // Watch b's staging directory while it loads: the runs must be there before Finish.
  {
    auto loader = std::move(b->BeginBulkLoad()).value();
    for (int i = 0; i < 60000; ++i) REQUIRE(loader->AddNode({"Place"}, {}).ok());
    auto staging = StagingDirs(dir / "b");
    REQUIRE(staging.size() == 1);
    size_t runs = 0;
    for (const auto& e : std::filesystem::directory_iterator(staging[0])) {
      runs += e.path().filename().string().find("-run") != std::string::npos;
    }
    CHECK(runs >= 2);
  }  // abandoned: the staging directory goes with it
  CHECK(StagingDirs(dir / "b").empty());
  CHECK(NodeCount(b.get()) == 1);
  REQUIRE(LoadSample(b.get(), 5000, 40000, 1, reserve).ok());
  CHECK(StagingDirs(dir / "b").empty());
  CHECK(Dump(a.get()) == Dump(b.get()));
  CHECK(NodeCount(b.get()) == 5001);
  RequireSound(b.get());
  // A second spilling load on top stays identical too (counters add up, ids continue).
  REQUIRE(LoadSample(a.get(), 3000, 20000, 2, reserve).ok());
  REQUIRE(LoadSample(b.get(), 3000, 20000, 2, reserve).ok());
  CHECK(Dump(a.get()) == Dump(b.get()));
  RequireSound(b.get());
  // And both survive a reopen.
  b.reset();
  b = std::move(Database::Open(dir / "b", tiny)).value();
  CHECK(Dump(a.get()) == Dump(b.get()));
}

TEST_CASE("BulkLoader: a spilling load that fails at any file leaves nothing behind",
          "[storage][bulk]") {
  TempDir dir;
  auto fs = std::make_shared<FailStagingFs>();
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(fs);
  Options tiny;
  tiny.bulk_load_memory_mb = 1;
  auto opened = storage::RocksDatabase::Open(dir / "db", tiny, env.get());
  REQUIRE(opened.ok());
  auto db = std::move(opened).value();
  {
    auto w = *db->BeginWrite();
    REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Existing")}}).ok());
    REQUIRE(w->Commit().ok());
  }
  const auto before = Dump(db.get());
  // Fail the 1st, 2nd, ... staging file (spilled runs, then the merged files) until a load
  // gets through: every failed one must leave the database and its directory as they were.
  int failures = 0;
  for (int n = 1; n < 200; ++n) {
    fs->FailNth(n);
    const int created_before = fs->created();
    Status s = LoadSample(db.get(), 2000, 20000, 1, true);
    if (s.ok()) {
      // Every file the successful load created was tried as the failing one before.
      CHECK(fs->created() - created_before == n - 1);
      break;
    }
    ++failures;
    INFO("failing staging file " << n << ": " << s.ToString());
    CHECK(s.ToString().find("injected failure") != std::string::npos);
    CHECK(StagingDirs(dir / "db").empty());
    CHECK(Dump(db.get()) == before);
  }
  CHECK(failures >= 10);  // runs of several column families, twice over, and the merged files
  fs->FailNth(0);
  CHECK(NodeCount(db.get()) == 2001);
  CHECK(StagingDirs(dir / "db").empty());
  RequireSound(db.get());
}

TEST_CASE("BulkLoader: runs left by a crash are removed at the next open", "[storage][bulk]") {
  TempDir dir;
  { auto db = std::move(Database::Open(dir / "db", {})).value(); }
  // What a kill during a spilling load leaves: a staging directory with runs in it.
  std::filesystem::create_directory(dir / "db/import-staging-abc123");
  pactgraph::testing::WriteFile(dir / "db/import-staging-abc123/adj-run0.sst", "partial");
  auto db = std::move(Database::Open(dir / "db", {})).value();
  CHECK(StagingDirs(dir / "db").empty());
  CHECK(NodeCount(db.get()) == 0);
}

TEST_CASE("BulkLoader: many small loads do not pile up files", "[storage][bulk]") {
  TempDir dir;
  auto db = std::move(Database::Open(dir / "db", {})).value();
  {
    auto w = *db->BeginWrite();
    REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Existing")}}).ok());
    REQUIRE(w->Commit().ok());
  }
  // Each load ingests one file per column family it touches; without compaction after
  // ingestion each of those families would end with 50 files.
  for (int i = 0; i < 50; ++i) REQUIRE(LoadSample(db.get(), 20, 50, 1, false).ok());
  auto* rdb = dynamic_cast<storage::RocksDatabase*>(db.get());
  REQUIRE(rdb != nullptr);
  size_t most = 0;
  for (int cf = 0; cf < storage::kNumCf; ++cf) {
    rocksdb::ColumnFamilyMetaData meta;
    rdb->db()->GetColumnFamilyMetaData(rdb->cf(cf), &meta);
    INFO(storage::kColumnFamilyNames[cf] << ": " << meta.file_count << " files");
    CHECK(meta.file_count <= 17);
    most = std::max<size_t>(most, meta.file_count);
  }
  CHECK(most >= 2);  // loads since the last compaction are still separate files
  CHECK(NodeCount(db.get()) == 1 + 50 * 20);
  RequireSound(db.get());
  db.reset();
  db = std::move(Database::Open(dir / "db", {})).value();
  CHECK(NodeCount(db.get()) == 1 + 50 * 20);
}

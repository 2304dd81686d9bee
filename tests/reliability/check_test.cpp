// The integrity checker: sound on databases written through the API, and each kind of damage
// (written raw, behind the API's back) is reported.
#include "storage/check.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "storage/format.h"
#include "storage/key_codec.h"
#include "storage/rocks_database.h"
#include "tests/reliability/workload.h"
#include "tests/test_util.h"

using namespace pactgraph;
using namespace pactgraph::reliability;
using pactgraph::testing::TempDir;

namespace {

// The battery opens and closes hundreds of databases; on a busy disk their fsyncs would
// dominate the run. Durability under power loss is modelled by fault_fs.h, not by the disk, and
// SIGKILL leaves the page cache intact, so the tests run in RAM when /dev/shm is there
// (PACTGRAPH_TEST_ON_DISK=1 keeps $TMPDIR).
const bool kInRam = [] {
  if (std::getenv("PACTGRAPH_TEST_ON_DISK") == nullptr && ::access("/dev/shm", W_OK) == 0) {
    ::setenv("TMPDIR", "/dev/shm", 1);
    return true;
  }
  return false;
}();

std::unique_ptr<Database> OpenDb(const std::string& path) {
  auto db = Database::Open(path, Options{});
  REQUIRE(db.ok());
  return std::move(db).value();
}

CheckReport Check(Database* db) {
  CheckReport report;
  REQUIRE(db->Check(&report).ok());
  return report;
}

bool Mentions(const CheckReport& r, const std::string& what) {
  for (const auto& p : r.problems) {
    if (p.find(what) != std::string::npos) return true;
  }
  return false;
}

// A database holding transactions 1..12 (two of them bulk loads).
std::unique_ptr<Database> Populated(const TempDir& dir) {
  auto db = OpenDb(dir / "db");
  for (uint64_t k = 1; k <= 12; ++k) REQUIRE(ApplyTxn(db.get(), k).ok());
  return db;
}

void RawPut(Database* db, int cf, const std::string& key, const std::string& value) {
  auto* r = dynamic_cast<storage::RocksDatabase*>(db);
  REQUIRE(r->db()->Put(rocksdb::WriteOptions(), r->cf(cf), key, value).ok());
}

void RawDelete(Database* db, int cf, const std::string& key) {
  auto* r = dynamic_cast<storage::RocksDatabase*>(db);
  REQUIRE(r->db()->Delete(rocksdb::WriteOptions(), r->cf(cf), key).ok());
}

}  // namespace

TEST_CASE("check: a database written through the API is sound", "[reliability][check]") {
  TempDir dir;
  auto db = Populated(dir);
  auto report = Check(db.get());
  CHECK(report.sound());
  for (const auto& p : report.problems) UNSCOPED_INFO(p);
  CHECK(report.nodes == 10 * 2 + 2 * kBulkNodes + 1);
  CHECK(report.relationships == 10 + 2 * (kBulkNodes - 1));
  CHECK(report.adjacency_entries == 2 * report.relationships);
  CHECK(report.articles == 10);
  CHECK(report.evidence == 10);
  CHECK(report.hash_entries == 10);
  // Deleting keeps it sound.
  {
    auto w = db->BeginWrite();
    REQUIRE(w.ok());
    std::vector<NodeId> ids;
    REQUIRE((*w)->FindNodesByName("t3a", &ids).ok());
    REQUIRE(ids.size() == 1);
    REQUIRE((*w)->DeleteNode(ids[0], /*detach=*/true).ok());
    REQUIRE((*w)->Commit().ok());
  }
  report = Check(db.get());
  CHECK(report.sound());
  for (const auto& p : report.problems) UNSCOPED_INFO(p);
  CHECK(report.evidence == 9);
}

TEST_CASE("check: an empty database is sound", "[reliability][check]") {
  TempDir dir;
  auto db = OpenDb(dir / "db");
  CHECK(Check(db.get()).sound());
}

TEST_CASE("check: damage is reported", "[reliability][check]") {
  TempDir dir;
  auto db = Populated(dir);
  auto reader = db->NewReader();
  std::vector<NodeId> a, b;
  REQUIRE(reader->FindNodesByName("t1a", &a).ok());
  REQUIRE(reader->FindNodesByName("t1b", &b).ok());
  Relationship rel;
  RelId rel_id = 0;
  REQUIRE(reader
              ->Neighbors(a[0], Direction::kOut, {},
                          [&](const NeighborEntry& e) {
                            rel_id = e.rel;
                            return false;
                          })
              .ok());
  REQUIRE(reader->GetRelationship(rel_id, &rel).ok());
  const TypeId type = *reader->FindType("PARTNERS_WITH");
  const LabelId org = *reader->FindLabel("Org");
  using namespace pactgraph::storage;

  SECTION("a missing in-edge twin") {
    RawDelete(db.get(), kCfAdj, AdjKey{b[0], kDirIn, type, a[0], rel_id}.Encode());
    auto r = Check(db.get());
    CHECK(Mentions(r, "missing its in-edge"));
  }
  SECTION("a dangling out-edge") {
    RawPut(db.get(), kCfAdj, AdjKey{a[0], kDirOut, type, b[0], 99999}.Encode(), "");
    CHECK(Mentions(Check(db.get()), "points to a missing relationship"));
  }
  SECTION("a node missing from its label index") {
    RawDelete(db.get(), kCfLabels, LabelKey{org, a[0]}.Encode());
    auto r = Check(db.get());
    CHECK(Mentions(r, "not in the index of label"));
  }
  SECTION("a label entry for a missing node") {
    RawPut(db.get(), kCfLabels, LabelKey{org, 77777}.Encode(), "");
    CHECK(Mentions(Check(db.get()), "missing or undecodable node"));
  }
  SECTION("a stale name entry") {
    RawPut(db.get(), kCfNames, NameKey{"someone else", a[0]}.Encode(), "Someone Else");
    CHECK(Mentions(Check(db.get()), "not its name or alias"));
  }
  SECTION("a missing name entry") {
    RawDelete(db.get(), kCfNames, NameKey{"t1a", a[0]}.Encode());
    CHECK(Mentions(Check(db.get()), "is not in the name index"));
  }
  SECTION("a node record that does not decode") {
    RawPut(db.get(), kCfNodes, IdKey{a[0]}.Encode(), std::string("\x05\xff\xff\xff", 4));
    CHECK(Mentions(Check(db.get()), "does not decode"));
  }
  SECTION("an undecodable key") {
    RawPut(db.get(), kCfRels, "xyz", "");
    CHECK(Mentions(Check(db.get()), "undecodable key"));
  }
  SECTION("a wrong counter") {
    std::string v;
    PutU64BE(&v, 12345);
    RawPut(db.get(), kCfMeta, kMetaCountNodes, v);
    CHECK(Mentions(Check(db.get()), "node count is 12345"));
  }
  SECTION("evidence from a missing article") {
    std::vector<Evidence> ev;
    REQUIRE(reader->GetEvidence(rel_id, &ev).ok());
    REQUIRE(ev.size() == 1);
    RawDelete(db.get(), kCfArticles, IdKey{ev[0].article}.Encode());
    auto r = Check(db.get());
    CHECK(Mentions(r, "does not exist"));
    CHECK(Mentions(r, "points to missing article"));
  }
  SECTION("a relationship whose endpoint is gone") {
    RawDelete(db.get(), kCfNodes, IdKey{b[0]}.Encode());
    CHECK(Mentions(Check(db.get()), "endpoint node"));
  }
  auto r = Check(db.get());
  CHECK_FALSE(r.sound());
  CHECK(r.problem_count >= 1);
}

TEST_CASE("check: the CLI exits 0 when sound and 3 with a report when not",
          "[reliability][check][cli]") {
  TempDir dir;
  { auto db = Populated(dir); }
  auto ok = testing::RunPactgraph({"--db", dir / "db", "check"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("ok: the database is sound") != std::string::npos);
  {
    auto db = OpenDb(dir / "db");
    std::string v;
    storage::PutU64BE(&v, 1);
    RawPut(db.get(), storage::kCfMeta, storage::kMetaCountRels, v);
  }
  auto bad = testing::RunPactgraph({"--db", dir / "db", "check"});
  CHECK(bad.exit_code == 3);
  CHECK(bad.out.find("relationship count is 1 but there are") != std::string::npos);
  CHECK(bad.err.find("failed its integrity check") != std::string::npos);
  auto missing = testing::RunPactgraph({"--db", dir / "nothing-here", "check"});
  CHECK(missing.exit_code != 0);
  CHECK(missing.err.find("nothing-here") != std::string::npos);
}

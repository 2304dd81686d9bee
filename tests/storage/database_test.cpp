// Storage operations checked against an in-memory model, on random graphs.
#include "pactgraph/database.h"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "tests/test_util.h"

using namespace pactgraph;
using pactgraph::testing::TempDir;

namespace {

std::unique_ptr<Database> OpenOrDie(const std::string& path, Options o = {}) {
  auto db = Database::Open(path, o);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  return std::move(db).value();
}

struct ModelRel {
  NodeId start, end;
  std::string type;
};

struct Model {
  std::map<NodeId, std::string> nodes;  // id -> label
  std::map<RelId, ModelRel> rels;
};

// Every adjacency entry of `n` in `dir` with `type` ("" any), as sorted (rel, other, dir) tuples.
std::vector<std::tuple<RelId, NodeId, int>> ModelNeighbors(const Model& m, NodeId n, Direction dir,
                                                           const std::string& type) {
  std::vector<std::tuple<RelId, NodeId, int>> out;
  for (const auto& [id, r] : m.rels) {
    if (!type.empty() && r.type != type) continue;
    if (dir != Direction::kIn && r.start == n) out.emplace_back(id, r.end, 0);
    if (dir != Direction::kOut && r.end == n) out.emplace_back(id, r.start, 1);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void CheckAgainstModel(GraphReader& r, const Model& m) {
  GraphStats st;
  REQUIRE(r.GetStats(&st).ok());
  CHECK(st.nodes == m.nodes.size());
  CHECK(st.relationships == m.rels.size());
  std::map<std::string, uint64_t> labels, types;
  for (const auto& [id, l] : m.nodes) labels[l]++;
  for (const auto& [id, rel] : m.rels) types[rel.type]++;
  CHECK(st.labels == labels);
  CHECK(st.types == types);
  for (const auto& [label, count] : labels) {
    uint64_t seen = 0;
    REQUIRE(r.ScanNodes(label, [&](NodeId id) {
               CHECK(m.nodes.at(id) == label);
               ++seen;
               return true;
             }).ok());
    CHECK(seen == count);
  }
  const std::vector<std::string> type_names = {"", "MOU", "COOPERATION", "FUND"};
  for (const auto& [n, label] : m.nodes) {
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      for (const auto& t : type_names) {
        std::vector<TypeId> filter;
        if (!t.empty()) {
          auto id = r.FindType(t);
          if (!id.ok()) {
            CHECK(ModelNeighbors(m, n, d, t).empty());
            continue;
          }
          filter.push_back(*id);
        }
        std::vector<std::tuple<RelId, NodeId, int>> got;
        REQUIRE(r.Neighbors(n, d, filter, [&](const NeighborEntry& e) {
                   got.emplace_back(e.rel, e.other, e.dir == Direction::kOut ? 0 : 1);
                   CHECK(r.TypeName(e.type) == m.rels.at(e.rel).type);
                   return true;
                 }).ok());
        std::sort(got.begin(), got.end());
        CHECK(got == ModelNeighbors(m, n, d, t));
      }
    }
  }
}

}  // namespace

TEST_CASE("Database: nodes and relationships round-trip and persist", "[storage][db]") {
  TempDir dir;
  const std::string path = dir / "db";
  NodeId kenya, rwanda;
  RelId mou;
  {
    auto db = OpenOrDie(path);
    auto w = db->BeginWrite();
    REQUIRE(w.ok());
    auto& wr = **w;
    kenya = *wr.CreateNode({"Nation"}, {{"name", Value("Kenya")}, {"iso", Value("KEN")}});
    rwanda = *wr.CreateNode(
        {"Nation"}, {{"name", Value("Rwanda")}, {"aliases", Value(ValueList{Value("Rwandan")})}});
    mou = *wr.CreateRelationship(
        kenya, rwanda, "MOU",
        {{"date", Value(*Date::Parse("2024-05-01"))}, {"weight", Value(0.5)}});
    // Read-your-writes inside the transaction.
    Node n;
    REQUIRE(wr.GetNode(kenya, &n).ok());
    CHECK(n.properties.at("name") == Value("Kenya"));
    std::vector<NodeId> found;
    REQUIRE(wr.FindNodesByName("rwandan", &found).ok());
    CHECK(found == std::vector<NodeId>{rwanda});
    REQUIRE(wr.Commit().ok());
  }
  auto db = OpenOrDie(path);
  auto r = db->NewReader();
  Node n;
  REQUIRE(r->GetNode(rwanda, &n).ok());
  CHECK(n.labels == std::vector<std::string>{"Nation"});
  CHECK(n.properties.at("name") == Value("Rwanda"));
  Relationship rel;
  REQUIRE(r->GetRelationship(mou, &rel).ok());
  CHECK(rel.type == "MOU");
  CHECK(rel.start == kenya);
  CHECK(rel.end == rwanda);
  CHECK(rel.properties.at("date") == Value(*Date::Parse("2024-05-01")));
  std::vector<NodeId> found;
  REQUIRE(r->FindNodesByName("  KENYA ", &found).ok());
  CHECK(found == std::vector<NodeId>{kenya});
  REQUIRE(r->FindNodesByName("Uganda", &found).ok());
  CHECK(found.empty());
  CHECK(r->GetNode(999, &n).code() == Status::Code::kNotFound);
  auto keys = r->PropertyKeys();
  CHECK(std::find(keys.begin(), keys.end(), "weight") != keys.end());
}

TEST_CASE("Database: random operations agree with an in-memory model", "[storage][db]") {
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    TempDir dir;
    const std::string path = dir / "db";
    std::mt19937_64 rng(seed);
    Model m;
    const std::vector<std::string> labels = {"Nation", "Organization", "Program"};
    const std::vector<std::string> types = {"MOU", "COOPERATION", "FUND"};
    {
      auto db = OpenOrDie(path);
      for (int txn = 0; txn < 8; ++txn) {
        auto w = db->BeginWrite();
        REQUIRE(w.ok());
        Model next = m;
        for (int op = 0; op < 40; ++op) {
          int kind = static_cast<int>(rng() % 10);
          if (kind < 3 || next.nodes.size() < 2) {
            std::string l = labels[rng() % labels.size()];
            auto id = (*w)->CreateNode({l}, {{"name", Value("n" + std::to_string(rng() % 1000))}});
            REQUIRE(id.ok());
            next.nodes[*id] = l;
          } else if (kind < 8) {
            auto a = std::next(next.nodes.begin(), rng() % next.nodes.size())->first;
            auto b = std::next(next.nodes.begin(), rng() % next.nodes.size())->first;
            std::string t = types[rng() % types.size()];
            auto id = (*w)->CreateRelationship(a, b, t, {});
            REQUIRE(id.ok());
            next.rels[*id] = {a, b, t};
          } else if (kind == 8 && !next.rels.empty()) {
            auto it = std::next(next.rels.begin(), rng() % next.rels.size());
            REQUIRE((*w)->DeleteRelationship(it->first).ok());
            next.rels.erase(it);
          } else if (kind == 9) {
            auto it = std::next(next.nodes.begin(), rng() % next.nodes.size());
            NodeId victim = it->first;
            bool has = !ModelNeighbors(next, victim, Direction::kBoth, "").empty();
            Status s = (*w)->DeleteNode(victim, /*detach=*/rng() % 2 == 0);
            if (!s.ok()) {
              CHECK(has);
              CHECK(s.code() == Status::Code::kInvalidArgument);
              continue;
            }
            next.nodes.erase(victim);
            for (auto r = next.rels.begin(); r != next.rels.end();) {
              r = (r->second.start == victim || r->second.end == victim) ? next.rels.erase(r)
                                                                         : std::next(r);
            }
          }
        }
        if (rng() % 4 == 0) {
          w->reset();  // abandoned: nothing may change
        } else {
          REQUIRE((*w)->Commit().ok());
          m = next;
        }
      }
      auto r = db->NewReader();
      CheckAgainstModel(*r, m);
    }
    auto db = OpenOrDie(path);
    auto r = db->NewReader();
    CheckAgainstModel(*r, m);
  }
}

TEST_CASE("Database: a reader keeps its snapshot while a writer commits", "[storage][db]") {
  TempDir dir;
  auto db = OpenOrDie(dir / "db");
  auto reader = db->NewReader();
  auto w = db->BeginWrite();
  REQUIRE(w.ok());
  NodeId id = *(*w)->CreateNode({"Nation"}, {{"name", Value("Japan")}});
  REQUIRE((*w)->Commit().ok());
  Node n;
  CHECK(reader->GetNode(id, &n).code() == Status::Code::kNotFound);
  auto fresh = db->NewReader();
  CHECK(fresh->GetNode(id, &n).ok());
  GraphStats st;
  REQUIRE(reader->GetStats(&st).ok());
  CHECK(st.nodes == 0);
}

TEST_CASE("Database: update and delete keep indexes in step", "[storage][db]") {
  TempDir dir;
  auto db = OpenOrDie(dir / "db");
  auto w = *db->BeginWrite();
  NodeId a = *w->CreateNode({"Organization"}, {{"name", Value("ICT Authority")}});
  NodeId b = *w->CreateNode({"Nation"}, {{"name", Value("Kenya")}});
  RelId r = *w->CreateRelationship(a, b, "BASED_IN", {});
  ArticleId art = *w->AddArticle({0, "t", "s", "2024-01-01", "text", "abc", "f.txt"});
  REQUIRE(w->AddEvidence({r, art, "ICT Authority of Kenya.", 0, 23, "actual", "2024-01-01"}).ok());
  REQUIRE(w->Commit().ok());

  w = *db->BeginWrite();
  Node n;
  REQUIRE(w->GetNode(a, &n).ok());
  n.properties["name"] = Value("ICTA");
  n.labels = {"Organization", "Agency"};
  REQUIRE(w->UpdateNode(n).ok());
  CHECK(w->DeleteNode(b, false).code() == Status::Code::kInvalidArgument);
  REQUIRE(w->Commit().ok());

  auto rd = db->NewReader();
  std::vector<NodeId> found;
  REQUIRE(rd->FindNodesByName("ICT Authority", &found).ok());
  CHECK(found.empty());
  REQUIRE(rd->FindNodesByName("icta", &found).ok());
  CHECK(found == std::vector<NodeId>{a});
  std::vector<Evidence> ev;
  REQUIRE(rd->GetEvidence(r, &ev).ok());
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].sentence == "ICT Authority of Kenya.");
  ArticleId by_hash = 0;
  REQUIRE(rd->FindArticleByHash("abc", &by_hash).ok());
  CHECK(by_hash == art);

  w = *db->BeginWrite();
  REQUIRE(w->DeleteNode(b, true).ok());
  REQUIRE(w->Commit().ok());
  rd = db->NewReader();
  GraphStats st;
  REQUIRE(rd->GetStats(&st).ok());
  CHECK(st.nodes == 1);
  CHECK(st.relationships == 0);
  CHECK(st.evidence == 0);
  CHECK(st.articles == 1);
  CHECK(st.labels == std::map<std::string, uint64_t>{{"Agency", 1}, {"Organization", 1}});
  REQUIRE(rd->GetEvidence(r, &ev).ok());
  CHECK(ev.empty());
}

TEST_CASE("Database: refuses what is not a pactgraph database", "[storage][db]") {
  TempDir dir;
  testing::WriteFile(dir / "file", "hello");
  auto r = Database::Open(dir / "file", {});
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  CHECK_THAT(r.status().message(), Catch::Contains("not a pactgraph database"));

  std::filesystem::create_directories(dir / "other");
  testing::WriteFile(dir / "other/notes.txt", "x");
  r = Database::Open(dir / "other", {});
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  CHECK_THAT(r.status().message(), Catch::Contains("not a pactgraph database"));

  Options ro;
  ro.create_if_missing = false;
  r = Database::Open(dir / "missing", ro);
  CHECK(r.status().code() == Status::Code::kNotFound);
  CHECK_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST_CASE("Database: a second writer in this process waits, read-only rejects writes",
          "[storage][db]") {
  TempDir dir;
  {
    auto db = OpenOrDie(dir / "db");
    auto w = db->BeginWrite();
    REQUIRE(w.ok());
    REQUIRE((*w)->CreateNode({"Nation"}, {{"name", Value("Ghana")}}).ok());
    REQUIRE((*w)->Commit().ok());
    // The lock is released by Commit: a second transaction can start at once.
    auto w2 = db->BeginWrite();
    REQUIRE(w2.ok());
  }
  Options ro;
  ro.read_only = true;
  auto db = OpenOrDie(dir / "db", ro);
  CHECK(db->BeginWrite().status().code() == Status::Code::kInvalidArgument);
  std::vector<NodeId> found;
  REQUIRE(db->NewReader()->FindNodesByName("ghana", &found).ok());
  CHECK(found.size() == 1);
}

TEST_CASE("Database: a secondary reader catches up with the writer", "[storage][db]") {
  TempDir dir;
  auto writer = OpenOrDie(dir / "db");
  Options ro;
  ro.read_only = true;
  auto reader = OpenOrDie(dir / "db", ro);
  auto w = *writer->BeginWrite();
  REQUIRE(w->CreateNode({"Nation"}, {{"name", Value("Togo")}}).ok());
  REQUIRE(w->Commit().ok());
  std::vector<NodeId> found;
  REQUIRE(reader->CatchUp().ok());
  REQUIRE(reader->NewReader()->FindNodesByName("togo", &found).ok());
  CHECK(found.size() == 1);
}

TEST_CASE("Database: another format version is refused with both versions named", "[storage][db]") {
  TempDir dir;
  { OpenOrDie(dir / "db"); }
  {
    rocksdb::DB* raw;
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir / "db", &names).ok());
    for (const auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), dir / "db", cfs, &handles, &raw).ok());
    std::string v("\0\0\0\0\0\0\0\x02", 8);
    REQUIRE(raw->Put(rocksdb::WriteOptions(), handles[0], "format_version", v).ok());
    for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
    delete raw;
  }
  auto r = Database::Open(dir / "db", {});
  CHECK(r.status().code() == Status::Code::kVersionMismatch);
  CHECK_THAT(r.status().message(),
             Catch::Contains("format version 2") && Catch::Contains("reads version 1"));
}

TEST_CASE("Database: a plain RocksDB database is not a pactgraph database", "[storage][db]") {
  TempDir dir;
  {
    rocksdb::DB* raw;
    rocksdb::Options o;
    o.create_if_missing = true;
    REQUIRE(rocksdb::DB::Open(o, dir / "rdb", &raw).ok());
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete raw;
  }
  auto r = Database::Open(dir / "rdb", {});
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  CHECK_THAT(r.status().message(), Catch::Contains("not a pactgraph database"));
}

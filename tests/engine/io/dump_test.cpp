// Dump and restore (pactgraph/dump.h): the round trip keeps everything, and bad dumps are
// refused with their place, leaving the target database empty.
#include "pactgraph/dump.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "tests/engine/io/io_test_util.h"
#include "tests/test_util.h"

using namespace pactgraph;
using pactgraph::testing::NewDb;
using pactgraph::testing::TempDir;

namespace {

Value Temporal(const char* text) {
  auto v = ParseTemporalText(text);
  REQUIRE(v.has_value());
  return *v;
}

// A small database with every kind of thing a dump must carry, and holes in the ids.
void Populate(Database& db) {
  auto w = db.BeginWrite();
  REQUIRE(w.ok());
  GraphWriter& g = **w;
  ValueMap kenya{{"name", Value("Kenya")},
                 {"aliases", Value(ValueList{Value("Republic of Kenya"), Value("KE")})},
                 {"founded", Value(*Date::Parse("1963-12-12"))},
                 {"score", Value(int64_t{7})},
                 {"ratio", Value(1.0)},
                 {"zero", Value(-0.0)},
                 {"odd", Value(std::nan(""))},
                 {"far", Value(HUGE_VAL)},
                 {"note", Value("line one\nline \"two\"\t\x01")},
                 {"meta", Value(ValueMap{{"$date", Value("not a date")}, {"k", Value(true)}})},
                 {"when", Temporal("10:35:00")},
                 {"at", Temporal("2024-03-01T10:00:00+02:00")},
                 {"local", Temporal("2024-03-01T10:00:00")},
                 {"span", Temporal("P1DT2H")},
                 {"nothing", Value(ValueList{})}};
  auto ke = g.CreateNode({"Nation", "Member"}, kenya);
  auto gone = g.CreateNode({"Nation"}, {{"name", Value("Atlantis")}});
  auto jp = g.CreateNode({"Nation"}, {{"name", Value("Japan")}});
  auto bare = g.CreateNode({}, {});
  REQUIRE((ke.ok() && gone.ok() && jp.ok() && bare.ok()));
  auto r1 = g.CreateRelationship(*ke, *gone, "MOU", {});
  auto r2 = g.CreateRelationship(*ke, *jp, "MOU", {{"weight", Value(0.5)}});
  auto r3 = g.CreateRelationship(*jp, *jp, "SELF", {{"date", Value(*Date::Parse("2020-02-29"))}});
  REQUIRE((r1.ok() && r2.ok() && r3.ok()));
  REQUIRE(g.DeleteNode(*gone, /*detach=*/true).ok());
  Article a;
  a.title = "Kenya and Japan";
  a.source = "https://example.org/a";
  a.date = "2024-03-01";
  a.text = "Kenya signed a memorandum with Japan. Japan agreed.";
  a.content_hash = "abc123";
  a.file = "a.txt";
  auto art = g.AddArticle(a);
  REQUIRE(art.ok());
  for (auto [b, e] : {std::pair{0u, 37u}, std::pair{38u, 51u}}) {
    Evidence ev;
    ev.relationship = *r2;
    ev.article = *art;
    ev.sentence = a.text.substr(b, e - b);
    ev.begin = b;
    ev.end = e;
    ev.modality = "actual";
    ev.date = "2024-03-01";
    REQUIRE(g.AddEvidence(ev).ok());
  }
  REQUIRE(g.Commit().ok());
}

std::string Dump(Database& db) {
  std::ostringstream out;
  DumpSummary s;
  Status st = DumpDatabase(*db.NewReader(), out, {}, &s);
  INFO(st.message());
  REQUIRE(st.ok());
  CHECK(s.bytes == out.str().size());
  return out.str();
}

Status Restore(Database& db, const std::string& text) {
  std::istringstream in(text);
  return RestoreDatabase(db, in, "x.dump", {}, nullptr);
}

bool Empty(Database& db) {
  auto r = db.NewReader();
  GraphStats s;
  REQUIRE(r->GetStats(&s).ok());
  return s.nodes == 0 && s.relationships == 0 && s.articles == 0 && s.evidence == 0 &&
         r->NodeIdBound() == 1 && r->RelIdBound() == 1;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("Dump: dump -> restore -> dump is byte-identical and the copy is sound", "[io][dump]") {
  TempDir dir;
  auto db = NewDb(dir / "a");
  Populate(*db);
  const std::string first = Dump(*db);
  auto copy = NewDb(dir / "b");
  Status s = Restore(*copy, first);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(Dump(*copy) == first);
  CheckReport report;
  REQUIRE(copy->Check(&report).ok());
  INFO((report.problems.empty() ? "" : report.problems[0]));
  CHECK(report.sound());
  CHECK(report.articles == 1);
  CHECK(report.evidence == 2);

  auto r = copy->NewReader();
  CHECK(r->NodeIdBound() == db->NewReader()->NodeIdBound());
  CHECK(r->RelIdBound() == db->NewReader()->RelIdBound());
  std::vector<NodeId> ids;
  REQUIRE(r->FindNodesByName("republic of kenya", &ids).ok());
  REQUIRE(ids == std::vector<NodeId>{1});
  Node ke;
  REQUIRE(r->GetNode(1, &ke).ok());
  CHECK(ke.labels == std::vector<std::string>{"Nation", "Member"});
  CHECK(ke.properties.at("ratio").is_float());
  CHECK(std::signbit(ke.properties.at("zero").as_float()));
  CHECK(std::isnan(ke.properties.at("odd").as_float()));
  CHECK(ke.properties.at("span") == Temporal("P1DT2H"));
  CHECK(ke.properties.at("meta").is_map());
  CHECK(!r->NodeExists(2).value());  // the deleted node's id stays a hole
  std::vector<Evidence> ev;
  REQUIRE(r->GetEvidence(2, &ev).ok());
  REQUIRE(ev.size() == 2);
  CHECK(ev[1].begin == 38);
  ArticleId art;
  REQUIRE(r->FindArticleByHash("abc123", &art).ok());
  CHECK(art == 1);

  // The allocators continue where the original's did.
  auto w1 = db->BeginWrite();
  auto w2 = copy->BeginWrite();
  REQUIRE((w1.ok() && w2.ok()));
  CHECK((*w1)->CreateNode({"X"}, {}).value() == (*w2)->CreateNode({"X"}, {}).value());
}

TEST_CASE("Dump: an empty database dumps and restores", "[io][dump]") {
  TempDir dir;
  auto db = NewDb(dir / "a");
  const std::string text = Dump(*db);
  CHECK(Lines(text).size() == 2);
  auto copy = NewDb(dir / "b");
  REQUIRE(Restore(*copy, text).ok());
  CHECK(Dump(*copy) == text);
}

TEST_CASE("Restore: bad dumps are refused with their place and store nothing", "[io][dump]") {
  TempDir dir;
  auto db = NewDb(dir / "a");
  Populate(*db);
  const auto lines = Lines(Dump(*db));
  REQUIRE(lines.size() == 1 + 3 + 2 + 1 + 2 + 1);  // header, 3 nodes, 2 rels, article, 2 ev, end
  auto target = NewDb(dir / "b");
  auto refused = [&](const std::string& text, const std::string& what) {
    Status s = Restore(*target, text);
    INFO(s.message());
    CHECK(s.code() == Status::Code::kInvalidArgument);
    CHECK(s.message().find(what) != std::string::npos);
    CHECK(Empty(*target));
  };
  SECTION("truncated at a line end") {
    auto cut = lines;
    cut.pop_back();
    refused(Join(cut), "x.dump:10 (byte ");
    refused(Join(cut), "truncated dump");
  }
  SECTION("cut inside a line") {
    std::string text = Join(lines);
    refused(text.substr(0, text.size() - 30), "malformed record");
  }
  SECTION("another format version") {
    auto v = lines;
    v[0].replace(v[0].find("\"pactgraph_dump\":1"), 18, "\"pactgraph_dump\":2");
    refused(Join(v), "x.dump:1 (byte 0): dump format version 2 is not supported");
  }
  SECTION("not a dump") { refused("{\"nodes\":[]}\n", "not a pactgraph dump"); }
  SECTION("empty file") { refused("", "empty file"); }
  SECTION("duplicate node id") {
    auto v = lines;
    v[2] = v[1];
    refused(Join(v), "x.dump:3 (byte " + std::to_string(lines[0].size() + lines[1].size() + 2) +
                         "): duplicate node id 1");
  }
  SECTION("dangling relationship end") {
    auto v = lines;
    v[4].replace(v[4].find("\"end\":3"), 7, "\"end\":2");  // node 2 was deleted
    refused(Join(v), "x.dump:5 (byte ");
    refused(Join(v), "names node 2, which the dump does not hold");
  }
  SECTION("evidence for a missing article") {
    auto v = lines;
    v[7].replace(v[7].find("\"article\":1"), 11, "\"article\":9");
    refused(Join(v), "evidence from article 9, which the dump does not hold");
  }
  SECTION("records out of section order") {
    auto v = lines;
    std::swap(v[3], v[4]);
    refused(Join(v), "a node record after the relationships");
  }
  SECTION("a record after the end") {
    auto v = lines;
    v.push_back(lines[1]);
    refused(Join(v), "a record after the end record");
  }
  SECTION("a bad typed value") {
    auto v = lines;
    v[1].replace(v[1].find("1963-12-12"), 10, "1963-13-12");
    refused(Join(v), "bad {\"$date\"} value");
  }
  SECTION("counts that disagree with the header") {
    auto v = lines;
    v.erase(v.begin() + 5);  // a relationship less
    refused(Join(v), "records where its header announced");
  }
}

TEST_CASE("Restore: a database that is not empty is refused", "[io][dump]") {
  TempDir dir;
  auto db = NewDb(dir / "a");
  Populate(*db);
  const std::string text = Dump(*db);
  Status s = Restore(*db, text);
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message().find("restore needs an empty database") != std::string::npos);
  CHECK(Dump(*db) == text);
}

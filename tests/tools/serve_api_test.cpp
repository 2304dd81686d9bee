// End-to-end tests of `pactgraph serve`'s JSON API: the real binary on an ephemeral port,
// talked to over a socket (serve_harness.h).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "pactgraph/database.h"
#include "tests/tools/serve_harness.h"

namespace pactgraph {
namespace {

using testing::Get;
using testing::Http;
using testing::PostJson;
using testing::ServeProcess;
using testing::TempDir;
using testing::UrlEncode;

// Kenya (alias "Republic of Kenya") -MOU-> ICT Authority; Japan -COOPERATION-> ICT Authority
// (stored towards the middle, so a Kenya → Japan path runs against it); Kenya -TRADE-> Japan
// (2010); two nodes named Georgia; Iceland alone. Two articles hold the sentences of the MOU
// and of the cooperation.
std::string MakeDb(const TempDir& dir) {
  std::string path = dir / "db";
  auto db = Database::Open(path, Options());
  REQUIRE(db.ok());
  auto w = (*db)->BeginWrite();
  REQUIRE(w.ok());
  auto node = [&](const char* label, const char* name, ValueMap extra = {}) {
    extra["name"] = Value(name);
    auto id = (*w)->CreateNode({label}, extra);
    REQUIRE(id.ok());
    return *id;
  };
  NodeId kenya =
      node("Nation", "Kenya", {{"aliases", Value(ValueList{Value("Republic of Kenya")})}});
  NodeId ict = node("Organization", "ICT Authority");
  NodeId japan = node("Nation", "Japan");
  node("Nation", "Georgia");
  node("Place", "Georgia");
  node("Nation", "Iceland");
  auto rel = [&](NodeId a, NodeId b, const char* type, ValueMap props) {
    auto id = (*w)->CreateRelationship(a, b, type, props);
    REQUIRE(id.ok());
    return *id;
  };
  RelId mou = rel(kenya, ict, "MOU",
                  {{"first_date", Value("2021-03-04")},
                   {"last_date", Value("2021-03-04")},
                   {"modality", Value("actual")},
                   {"evidence_count", Value(int64_t{1})}});
  RelId coop = rel(japan, ict, "COOPERATION",
                   {{"first_date", Value("2022-05-01")},
                    {"last_date", Value("2023-01-10")},
                    {"modality", Value("planned")}});
  rel(kenya, japan, "TRADE", {{"date", Value("2010-01-01")}});
  Article a;
  a.title = "Kenya signs a digital pact";
  a.source = "example.org";
  a.date = "2021-03-04";
  a.text = "Kenya signed a memorandum with the ICT Authority on rural broadband.";
  a.content_hash = std::string(64, 'a');
  auto aid = (*w)->AddArticle(a);
  REQUIRE(aid.ok());
  Evidence e;
  e.relationship = mou;
  e.article = *aid;
  e.sentence = a.text;
  e.end = static_cast<uint32_t>(e.sentence.size());
  e.modality = "actual";
  e.date = "2021-03-04";
  REQUIRE((*w)->AddEvidence(e).ok());
  // Path searches date a relationship by its newest evidence (as ingested graphs are).
  a.title = "Japan plans broadband work";
  a.date = "2023-01-10";
  a.text = "Japan plans to work with the ICT Authority on broadband.";
  a.content_hash = std::string(64, 'b');
  aid = (*w)->AddArticle(a);
  REQUIRE(aid.ok());
  e.relationship = coop;
  e.article = *aid;
  e.sentence = a.text;
  e.end = static_cast<uint32_t>(e.sentence.size());
  e.modality = "planned";
  e.date = "2023-01-10";
  REQUIRE((*w)->AddEvidence(e).ok());
  REQUIRE((*w)->Commit().ok());
  return path;
}

// The error shape every failure has: {"error": {"status", "code", "message"}}.
void CheckError(const testing::HttpReply& r, int status, const std::string& message_part) {
  INFO("reply " << r.status << " " << r.body);
  CHECK(r.status == status);
  CHECK(r.headers.at("content-type").rfind("application/json", 0) == 0);
  auto j = r.Json();
  REQUIRE(j.contains("error"));
  CHECK(j["error"]["status"] == status);
  CHECK(j["error"]["code"].is_string());
  CHECK(j["error"]["message"].get<std::string>().find(message_part) != std::string::npos);
}

TEST_CASE("Serve: the page and its assets come from the embedded set", "[serve][e2e]") {
  TempDir dir;
  ServeProcess server(MakeDb(dir), {});
  auto r = Get(server.port(), "/");
  REQUIRE(r.status == 200);
  CHECK(r.headers.at("content-type").rfind("text/html", 0) == 0);
  CHECK(r.body.find("pactgraph explorer") != std::string::npos);
  CHECK(r.headers.at("content-security-policy").find("default-src 'self'") != std::string::npos);
  CHECK_FALSE(r.HasHeader("access-control-allow-origin"));
  for (const char* asset :
       {"app.js", "graph.js", "panels.js", "api.js", "style.css", "d3.min.js"}) {
    auto a = Get(server.port(), std::string("/assets/") + asset);
    INFO(asset);
    CHECK(a.status == 200);
    CHECK(a.body.size() > 100);
  }
  auto app = Get(server.port(), "/assets/app.js");
  CHECK(app.headers.at("content-type").find("javascript") != std::string::npos);
  // Assets are revalidated by ETag; API answers are never cached.
  REQUIRE(app.HasHeader("etag"));
  auto again = Get(server.port(), "/assets/app.js", {{"If-None-Match", app.headers.at("etag")}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(Get(server.port(), "/assets/app.js", {{"If-None-Match", "\"0\""}}).status == 200);
  CHECK(Get(server.port(), "/api/info").headers.at("cache-control") == "no-store");
  CHECK(Get(server.port(), "/favicon.ico").headers.at("content-type") == "image/svg+xml");
  CheckError(Get(server.port(), "/api/nothing"), 404, "/api/nothing");
  CheckError(Http(server.port(), "DELETE", "/api/info"), 405, "DELETE");
  CHECK(server.Stop() == 0);
}

TEST_CASE("Serve: path traversal attempts reach no file", "[serve][e2e][security]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  ServeProcess server(db, {});
  for (const char* target : {"/assets/../CMakeLists.txt", "/assets/..%2f..%2fCMakeLists.txt",
                             "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/../../../../etc/passwd",
                             "/assets/..%5c..%5cCURRENT", "/assets/", "/assets/index.html%00.js",
                             "/assets//etc/passwd", "/CURRENT", "/assets/CURRENT"}) {
    auto r = Get(server.port(), target);
    INFO(target << " -> " << r.status << " " << r.body.substr(0, 200));
    CHECK(r.status >= 400);
    CHECK(r.status < 500);
    CHECK(r.body.find("root:") == std::string::npos);
    CHECK(r.body.find("cmake_minimum_required") == std::string::npos);
    CHECK(r.body.find("MANIFEST") == std::string::npos);
    CHECK(r.Json().contains("error"));
  }
}

TEST_CASE("Serve: search completes names and aliases", "[serve][e2e]") {
  TempDir dir;
  ServeProcess server(MakeDb(dir), {});
  auto j = Get(server.port(), "/api/search?q=ke").Json();
  REQUIRE(j["results"].size() == 1);
  CHECK(j["results"][0]["name"] == "Kenya");
  CHECK(j["results"][0]["kind"] == "Nation");
  CHECK(j["results"][0]["match"].is_null());
  // An alias finds its node and says which alias matched; case and spacing do not matter.
  j = Get(server.port(), "/api/search?q=" + UrlEncode("REPUBLIC  of")).Json();
  REQUIRE(j["results"].size() == 1);
  CHECK(j["results"][0]["name"] == "Kenya");
  CHECK(j["results"][0]["match"] == "Republic of Kenya");
  j = Get(server.port(), "/api/search?q=Georgia").Json();
  CHECK(j["results"].size() == 2);
  CHECK(Get(server.port(), "/api/search?q=zz").Json()["results"].empty());
  CheckError(Get(server.port(), "/api/search"), 400, "'q'");
  CheckError(Get(server.port(), "/api/search?q=k&limit=0"), 400, "'limit'");
  CheckError(Get(server.port(), "/api/search?q=k&limit=ten"), 400, "'limit'");
}

TEST_CASE("Serve: neighbourhood, node panel, relationship and article", "[serve][e2e]") {
  TempDir dir;
  ServeProcess server(MakeDb(dir), {});
  const int port = server.port();
  auto j = Get(port, "/api/neighbours?id=1").Json();
  CHECK(j["center"]["name"] == "Kenya");
  CHECK(j["relationships"].size() == 2);
  CHECK(j["nodes"].size() == 3);
  // Best attested first: the MOU has the one evidence sentence.
  CHECK(j["relationships"][0]["type"] == "MOU");
  CHECK(j["relationships"][0]["first_date"] == "2021-03-04");
  // Filters: by type, by the neighbour's kind, by date window.
  j = Get(port, "/api/neighbours?id=1&types=trade").Json();
  REQUIRE(j["relationships"].size() == 1);
  CHECK(j["relationships"][0]["type"] == "TRADE");
  j = Get(port, "/api/neighbours?id=1&labels=Organization").Json();
  REQUIRE(j["relationships"].size() == 1);
  CHECK(j["relationships"][0]["type"] == "MOU");
  j = Get(port, "/api/neighbours?id=1&since=2015").Json();
  REQUIRE(j["relationships"].size() == 1);
  CHECK(j["relationships"][0]["type"] == "MOU");
  j = Get(port, "/api/neighbours?id=3&until=2022-12-31").Json();
  CHECK(j["relationships"].size() == 2);  // the cooperation runs 2022-05 .. 2023-01
  CHECK(Get(port, "/api/neighbours?id=6").Json()["relationships"].empty());
  CheckError(Get(port, "/api/neighbours?id=1&types=NOPE"), 400, "NOPE");
  CheckError(Get(port, "/api/neighbours?id=1&since=2020-13-01"), 400, "since");
  CheckError(Get(port, "/api/neighbours?id=999"), 404, "999");
  CheckError(Get(port, "/api/neighbours"), 400, "'id'");
  CheckError(Get(port, "/api/neighbours?id=x"), 400, "'id'");

  j = Get(port, "/api/node/1").Json();
  CHECK(j["node"]["name"] == "Kenya");
  CHECK(j["node"]["aliases"] == nlohmann::json::array({"Republic of Kenya"}));
  CHECK(j["degree"]["total"] == 2);
  REQUIRE(j["degree"]["by_type"].size() == 2);
  REQUIRE(j["articles"].size() == 1);
  CHECK(j["articles"][0]["title"] == "Kenya signs a digital pact");
  CheckError(Get(port, "/api/node/0"), 400, "positive integer");
  CheckError(Get(port, "/api/node/12345"), 404, "12345");

  j = Get(port, "/api/relationship/1").Json();
  CHECK(j["relationship"]["type"] == "MOU");
  CHECK(j["start"]["name"] == "Kenya");
  REQUIRE(j["evidence"].size() == 1);
  CHECK(j["evidence"][0]["article"]["source"] == "example.org");
  const auto article_id = j["evidence"][0]["article_id"].get<uint64_t>();
  j = Get(port, "/api/article/" + std::to_string(article_id)).Json();
  CHECK(j["article"]["text"].get<std::string>().find("rural broadband") != std::string::npos);
  CheckError(Get(port, "/api/article/77"), 404, "77");
}

TEST_CASE("Serve: paths carry evidence, oriented from the first actor", "[serve][e2e]") {
  TempDir dir;
  ServeProcess server(MakeDb(dir), {});
  const int port = server.port();
  auto j = Get(port, "/api/path?from=Kenya&to=Japan").Json();
  REQUIRE(j["paths"].size() == 1);
  CHECK(j["paths"][0]["length"] == 1);  // the direct TRADE link
  j = Get(port, "/api/path?from=Kenya&to=Japan&mode=k&k=2").Json();
  REQUIRE(j["paths"].size() == 2);
  const auto& two = j["paths"][1];
  REQUIRE(two["hops"].size() == 2);
  CHECK(two["nodes"][1]["name"] == "ICT Authority");
  CHECK(two["hops"][0]["forward"] == true);   // Kenya -MOU-> ICT Authority
  CHECK(two["hops"][1]["forward"] == false);  // stored Japan -> ICT Authority
  CHECK(two["hops"][1]["from"] == two["nodes"][1]["id"]);
  REQUIRE(two["hops"][0]["evidence"].size() == 1);
  CHECK(two["hops"][0]["evidence"][0]["sentence"].get<std::string>().find("rural broadband") !=
        std::string::npos);
  CHECK(two["hops"][0]["evidence"][0]["article"]["title"] == "Kenya signs a digital pact");
  // By id, by alias, with filters; a window without the TRADE link leaves the long way round.
  j = Get(port, "/api/path?from=1&to=" + UrlEncode("japan") + "&since=2020").Json();
  REQUIRE(j["paths"].size() == 1);
  CHECK(j["paths"][0]["length"] == 2);
  j = Get(port, "/api/path?from=" + UrlEncode("Republic of Kenya") + "&to=Iceland").Json();
  CHECK(j["paths"].empty());
  CHECK(j["message"].get<std::string>().find("no path") != std::string::npos);
  CheckError(Get(port, "/api/path?from=Kenya&to=Atlantis"), 404, "Atlantis");
  CheckError(Get(port, "/api/path?from=Kenya&to=Georgia"), 400, "Georgia");
  CheckError(Get(port, "/api/path?from=Kenya"), 400, "'to'");
  CheckError(Get(port, "/api/path?from=Kenya&to=Japan&mode=best"), 400, "'mode'");
  CheckError(Get(port, "/api/path?from=Kenya&to=Japan&k=99&mode=k"), 400, "'k'");
  CheckError(Get(port, "/api/path?from=Kenya&to=Kenya"), 400, "same node");
}

TEST_CASE("Serve: read-only Cypher under the query limits", "[serve][e2e]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  ServeProcess server(db, {"--max-rows", "50", "--max-result-rows", "4"});
  const int port = server.port();
  auto r = PostJson(port, "/api/query",
                    R"({"query": "MATCH (a)-[r]->(b) WHERE a.name = $n RETURN a, r, b",
                        "params": {"n": "Kenya"}})");
  REQUIRE(r.status == 200);
  auto j = r.Json();
  CHECK(j["columns"] == nlohmann::json::array({"a", "r", "b"}));
  CHECK(j["row_count"] == 2);
  CHECK(j["rows"][0][0]["name"] == "Kenya");
  REQUIRE(j.contains("graph"));
  CHECK(j["graph"]["nodes"].size() == 3);
  CHECK(j["graph"]["relationships"].size() == 2);
  // Scalars give a table only; rows beyond --max-result-rows are counted, not sent.
  j = PostJson(port, "/api/query", R"({"query": "MATCH (n) RETURN n.name AS name"})").Json();
  CHECK(j["row_count"] == 6);
  CHECK(j["rows"].size() == 4);
  CHECK(j["truncated"] == true);
  CHECK_FALSE(j.contains("graph"));
  // Limits: 6 x 6 x 6 rows exceed --max-rows 50.
  CheckError(PostJson(port, "/api/query", R"({"query": "MATCH (a), (b), (c) RETURN a, b, c"})"),
             422, "");
  // Writes are refused, whatever the clause, and change nothing.
  for (const char* q : {"CREATE (:Nation {name: 'Atlantis'})", "MATCH (n) DETACH DELETE n",
                        "MATCH (n {name: 'Kenya'}) SET n.name = 'X'",
                        "MERGE (n:Nation {name: 'Kenya'}) RETURN n"}) {
    INFO(q);
    CheckError(PostJson(port, "/api/query", nlohmann::json{{"query", q}}.dump()), 403, "read-only");
  }
  CheckError(PostJson(port, "/api/write", R"j({"query": "CREATE (n:Thing)"})j"), 403,
             "--allow-writes");
  CHECK(PostJson(port, "/api/query", R"({"query": "MATCH (n) RETURN count(n) AS c"})")
            .Json()["rows"][0][0] == 6);
  // Bad requests: syntax, body shape, content type.
  CheckError(PostJson(port, "/api/query", R"({"query": "MATCH (n RETURN n"})"), 400, "");
  CheckError(PostJson(port, "/api/query", "not json"), 400, "request body");
  CheckError(PostJson(port, "/api/query", R"({"q": "MATCH (n) RETURN n"})"), 400, "\"query\"");
  CheckError(PostJson(port, "/api/query", R"({"query": "RETURN 1", "extra": 1})"), 400, "extra");
  CheckError(PostJson(port, "/api/query", R"({"query": "RETURN $x", "params": 3})"), 400, "params");
  CheckError(Http(port, "POST", "/api/query", R"({"query": "RETURN 1"})",
                  {{"Content-Type", "text/plain"}}),
             415, "JSON");
  CheckError(Get(port, "/api/query"), 404, "");
}

TEST_CASE("Serve: queries stop at the time and memory limits", "[serve][e2e]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  ServeProcess server(db, {"--timeout-ms", "100", "--max-rows", "1000000000"});
  const int port = server.port();
  const auto start = std::chrono::steady_clock::now();
  CheckError(PostJson(port, "/api/query",
                      R"({"query": "UNWIND range(1, 1000) AS x UNWIND range(1, 1000) AS y )"
                      R"(UNWIND range(1, 1000) AS z RETURN count(*) AS n"})"),
             422, "timed out");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  ServeProcess small(db, {"--max-memory-mb", "1"});
  CheckError(PostJson(small.port(), "/api/query",
                      R"({"query": "UNWIND range(1, 1000000) AS x WITH collect(x) AS l )"
                      R"(RETURN size(l) AS n"})"),
             422, "max_memory");
  // The server goes on answering.
  CHECK(PostJson(port, "/api/query", R"({"query": "RETURN 1 AS one"})").status == 200);
}

TEST_CASE("Serve: oversized bodies, forged Host and Origin are refused", "[serve][e2e][security]") {
  TempDir dir;
  ServeProcess server(MakeDb(dir), {"--max-body-kb", "1"});
  const int port = server.port();
  const std::string big = R"({"query": "RETURN ')" + std::string(4000, 'x') + R"('"})";
  CheckError(PostJson(port, "/api/query", big), 413, "1024 bytes");
  CHECK(PostJson(port, "/api/query", R"({"query": "RETURN 1 AS one"})").status == 200);
  // DNS rebinding: a page on another name that resolves here.
  CheckError(Get(port, "/api/info", {{"Host", "evil.example:" + std::to_string(port)}}), 403,
             "evil.example");
  // Cross-site requests from a page elsewhere.
  CheckError(Get(port, "/api/info", {{"Origin", "http://evil.example"}}), 403, "cross-origin");
  CheckError(PostJson(port, "/api/query", R"({"query": "RETURN 1"})", {{"Origin", "null"}}), 403,
             "cross-origin");
  auto ok = Get(port, "/api/info", {{"Origin", "http://127.0.0.1:" + std::to_string(port)}});
  CHECK(ok.status == 200);
  CHECK_FALSE(ok.HasHeader("access-control-allow-origin"));
  CHECK(Get(port, "/api/info", {{"Host", "localhost:" + std::to_string(port)}}).status == 200);
  auto info = ok.Json();
  CHECK(info["read_only"] == true);
  CHECK(info["nodes"] == 6);
  CHECK(info["limits"]["max_body_bytes"] == 1024);
}

TEST_CASE("Serve: --allow-writes opens the write endpoint", "[serve][e2e]") {
  TempDir dir;
  ServeProcess server(MakeDb(dir), {"--allow-writes"});
  const int port = server.port();
  CHECK(Get(port, "/api/info").Json()["read_only"] == false);
  // /api/query stays read-only even then: writes go to their own endpoint.
  CheckError(PostJson(port, "/api/query", R"j({"query": "CREATE (n:Thing)"})j"), 403, "/api/write");
  auto r = PostJson(port, "/api/write",
                    R"({"query": "CREATE (n:Nation {name: 'Chile'}) RETURN n.name AS name"})");
  REQUIRE(r.status == 200);
  CHECK(Get(port, "/api/search?q=chi").Json()["results"][0]["name"] == "Chile");
}

TEST_CASE("Serve: bad options and unusable addresses", "[serve][e2e]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  auto r = testing::RunPactgraph({"--db", db, "serve", "--port", "70000"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--port") != std::string::npos);
  r = testing::RunPactgraph({"--db", db, "serve", "--max-body-kb", "0"});
  CHECK(r.exit_code == 2);
  // 192.0.2.1 (TEST-NET-1) is no address of this machine.
  r = testing::RunPactgraph({"--db", db, "serve", "--host", "192.0.2.1", "--port", "0"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("cannot listen") != std::string::npos);
  r = testing::RunPactgraph({"--db", dir / "missing", "serve", "--port", "0"});
  CHECK(r.exit_code != 0);
  // Any non-loopback address is allowed with a warning.
  ServeProcess wide(db, {"--host", "0.0.0.0"});
  CHECK(wide.Stderr().find("warning") != std::string::npos);
  CHECK(Get(wide.port(), "/api/info").status == 200);
}

TEST_CASE("Serve: --open starts $BROWSER on the explorer's address", "[serve][e2e]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  const std::string opened = dir / "opened", browser = dir / "browser.sh";
  testing::WriteFile(browser, "#!/bin/sh\necho \"$1\" > " + opened + "\n");
  REQUIRE(chmod(browser.c_str(), 0700) == 0);
  setenv("BROWSER", browser.c_str(), 1);
  ServeProcess server(db, {"--open"});
  unsetenv("BROWSER");
  std::string text;
  for (int i = 0; i < 200 && text.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (std::filesystem::exists(opened)) text = testing::ReadFile(opened);
  }
  CHECK(text == server.url() + "\n");
}

}  // namespace
}  // namespace pactgraph

// `pactgraph serve` beside a writer: articles ingested while the explorer reads are shown
// after its next catch-up, and no request fails meanwhile.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/tools/serve_harness.h"

namespace pactgraph {
namespace {

using testing::Get;
using testing::RunPactgraph;
using testing::ServeProcess;
using testing::TempDir;
using testing::WriteFile;

TEST_CASE("Serve: a writer ingests beside the server, which shows the new actors",
          "[serve][e2e][concurrency]") {
  TempDir dir;
  const std::string db = dir / "db";
  std::filesystem::create_directories(dir / "first");
  std::filesystem::create_directories(dir / "second");
  WriteFile(dir / "first/a.txt",
            "title: Chile and Iceland work together on geothermal power\n\n"
            "Chile and Iceland signed a memorandum of understanding on geothermal research "
            "on March 3, 2024.\n");
  for (int i = 0; i < 4; ++i) {
    WriteFile(dir / ("second/b" + std::to_string(i) + ".txt"),
              "title: Uruguay and Portugal on ocean data, part " + std::to_string(i) +
                  "\n\n"
                  "Uruguay and Portugal signed an agreement on ocean observation data on May " +
                  std::to_string(i + 2) + ", 2024.\nPortugal and Uruguay will share buoy " +
                  "readings number " + std::to_string(i) + ".\n");
  }
  auto r = RunPactgraph({"--db", db, "ingest", dir / "first"});
  REQUIRE(r.exit_code == 0);

  ServeProcess server(db, {"--catch-up", "200"});
  const int port = server.port();
  REQUIRE(Get(port, "/api/search?q=Chile").Json()["results"].size() == 1);
  REQUIRE(Get(port, "/api/search?q=Urug").Json()["results"].empty());

  // Readers hammer the API while the writer works.
  std::atomic<bool> stop{false};
  std::atomic<int> requests{0}, failures{0};
  std::string first_failure;
  std::thread reader([&] {
    while (!stop) {
      for (const char* target : {"/api/info", "/api/search?q=u", "/api/neighbours?id=1",
                                 "/api/path?from=Chile&to=Iceland", "/api/node/1"}) {
        testing::HttpReply reply;
        std::string error;
        const bool answered = testing::TryHttp(port, "GET", target, "", {}, &reply, &error);
        ++requests;
        if (!answered || reply.status != 200) {
          if (failures++ == 0) first_failure = std::string(target) + " -> " + error + reply.body;
        }
      }
    }
  });
  r = RunPactgraph({"--db", db, "ingest", dir / "second"});
  CHECK(r.exit_code == 0);

  // Shown after a catch-up (every 200 ms here): wait for it, up to 10 s.
  bool seen = false;
  for (int i = 0; i < 100 && !seen; ++i) {
    seen = !Get(port, "/api/search?q=Urug").Json()["results"].empty();
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop = true;
  reader.join();
  CHECK(seen);
  INFO(first_failure);
  CHECK(failures == 0);
  CHECK(requests > 0);
  auto info = Get(port, "/api/info").Json();
  CHECK(info["articles"] == 5);
  CHECK(info["server"]["catch_ups"].get<int>() >= 1);
  CHECK(info["server"]["catch_up_error"].is_null());
  auto path = Get(port, "/api/path?from=Uruguay&to=Portugal").Json();
  REQUIRE(path["paths"].size() == 1);
  CHECK_FALSE(path["paths"][0]["hops"][0]["evidence"].empty());
  CHECK(server.Stop() == 0);
  CHECK(server.Stderr().find("warning") == std::string::npos);
}

}  // namespace
}  // namespace pactgraph

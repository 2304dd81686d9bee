// End-to-end tests of the real binary: a FIFO, a device or a directory given where an input
// file is expected is refused at once (exit 2, the path named, the database unchanged), and an
// over-long CSV line is refused with file:line:column (docs/reliability.md, findings 4 and 9).
// Every run goes through `timeout -s KILL`, so a regression that blocks fails instead of hanging.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "engine/io/csv_reader.h"
#include "tests/test_util.h"

using namespace pactgraph;

namespace {

// Runs pactgraph under a 30 s kill timer (exit 137 means it was killed: it blocked).
testing::RunResult Run(const std::string& db, std::vector<std::string> args,
                       const std::string& stdin_data = "") {
  std::vector<std::string> full{"timeout", "-s", "KILL", "30", PACTGRAPH_BIN, "--db", db, "-q"};
  full.insert(full.end(), args.begin(), args.end());
  return testing::RunProgram(full, stdin_data);
}

std::string Fingerprint(const std::string& db) {
  auto r = Run(db, {"export", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

struct Fixture {
  testing::TempDir dir;
  std::string db = dir / "db";
  std::string fifo = dir / "a_fifo";
  std::string nodes = dir / "nodes.csv", edges = dir / "edges.csv", article = dir / "a.txt";
  std::string base;
  Fixture() {
    testing::WriteFile(nodes, "id,name,kind\n1,Kenya,nation\n2,Rwanda,nation\n");
    testing::WriteFile(edges, "src,dst,type\n1,2,mou\n");
    testing::WriteFile(article,
                       "title: T\ndate: 2024-01-02\n\nKenya and Rwanda signed an MOU on AI.\n");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    REQUIRE(Run(db, {"import", "--nodes", nodes, "--edges", edges}).exit_code == 0);
    base = Fingerprint(db);
  }
  // The command must fail with exit 2, quickly (not killed), naming `path` and `kind`.
  void ExpectRefused(const std::vector<std::string>& args, const std::string& path,
                     const std::string& kind) {
    INFO("args: " << [&] {
      std::string s;
      for (const auto& a : args) s += a + " ";
      return s;
    }());
    auto r = Run(db, args);
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(path) != std::string::npos);
    CHECK(r.err.find(kind) != std::string::npos);
    CHECK(Fingerprint(db) == base);
  }
};

}  // namespace

TEST_CASE("bad input: a FIFO with no writer is refused by every command that reads a file",
          "[reliability][badinput][fifo]") {
  Fixture f;
  const std::string fifo = f.fifo;
  f.ExpectRefused({"import", "--nodes", fifo, "--edges", f.edges}, fifo, "FIFO");
  f.ExpectRefused({"import", "--nodes", f.nodes, "--edges", fifo}, fifo, "FIFO");
  f.ExpectRefused({"import", "--json", fifo}, fifo, "FIFO");
  f.ExpectRefused({"query", "-f", fifo}, fifo, "FIFO");
  f.ExpectRefused({"ingest", fifo}, fifo, "FIFO");
  f.ExpectRefused({"ingest", f.article, fifo}, fifo, "FIFO");  // nothing stored, not even a.txt
  f.ExpectRefused({"ingest", "--rules", fifo, f.article}, fifo, "FIFO");
  f.ExpectRefused({"extract", fifo}, fifo, "FIFO");
  f.ExpectRefused({"extract", "--rules", fifo, f.article}, fifo, "FIFO");
}

TEST_CASE("bad input: devices and directories are refused where a file is expected",
          "[reliability][badinput][fifo]") {
  Fixture f;
  f.ExpectRefused({"import", "--nodes", "/dev/zero", "--edges", f.edges}, "/dev/zero",
                  "character device");
  f.ExpectRefused({"import", "--json", "/dev/zero"}, "/dev/zero", "character device");
  f.ExpectRefused({"query", "-f", "/dev/null"}, "/dev/null", "character device");
  f.ExpectRefused({"ingest", "/dev/zero"}, "/dev/zero", "character device");
  f.ExpectRefused({"ingest", "--rules", "/dev/zero", f.article}, "/dev/zero", "character device");
  f.ExpectRefused({"import", "--json", f.dir.path()}, f.dir.path(), "directory");
  f.ExpectRefused({"ingest", "--rules", f.dir.path(), f.article}, f.dir.path(), "directory");
}

TEST_CASE("bad input: the shell's :source refuses a FIFO and carries on",
          "[reliability][badinput][fifo]") {
  Fixture f;
  auto r = Run(f.db, {"repl", "--keep-going"}, ":source " + f.fifo + "\nRETURN 40 + 2 AS x;\n");
  INFO("stderr: " << r.err);
  CHECK(r.exit_code != 137);  // not killed by the timer
  CHECK(r.err.find(f.fifo) != std::string::npos);
  CHECK(r.err.find("FIFO") != std::string::npos);
  CHECK(r.out.find("42") != std::string::npos);
}

TEST_CASE("bad input: a single CSV line of 20 MB is refused with file:line:column",
          "[reliability][badinput][longline]") {
  Fixture f;
  const std::string path = f.dir / "long_line.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,name,kind\n1,";
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 20; ++i) out << chunk;
    out << ",nation\n";
  }
  auto r = Run(f.db, {"import", "--nodes", path, "--edges", f.edges});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(path + ":2:" + std::to_string(io::CsvReader::kMaxLineBytes + 1) +
                   ": line longer than") != std::string::npos);
  CHECK(Fingerprint(f.db) == f.base);
}

TEST_CASE("bad input: CSV lines and quoted fields over the limit are refused",
          "[reliability][badinput][longline]") {
  const size_t max = io::CsvReader::kMaxLineBytes;
  // A line of exactly the limit is accepted.
  auto ok = io::CsvReader::FromString("ok.csv", "a\n" + std::string(max, 'x') + "\n");
  REQUIRE(ok.ok());
  // One byte more is not.
  auto r = io::CsvReader::FromString("t.csv", "a\n" + std::string(max + 1, 'x') + "\n");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "t.csv:2:" + std::to_string(max + 1) + ": line longer than " +
                                    std::to_string(max) + " bytes (the limit for one line)");
  // A quoted field spanning many short lines (an unclosed quote in a big file).
  std::string text = "a,b\n1,\"";
  while (text.size() < max + 4096) text += std::string(99, 'y') + "\n";
  text += "\"\n";
  auto q = io::CsvReader::FromString("q.csv", text);
  REQUIRE(q.ok());
  std::vector<std::string> fields;
  REQUIRE(q->Next(&fields));
  CHECK_FALSE(q->Next(&fields));
  CHECK(q->status().message().rfind("q.csv:2:3: quoted field longer than", 0) == 0);
}

TEST_CASE("bad input: ReadWholeFile refuses a FIFO without blocking",
          "[reliability][badinput][fifo]") {
  testing::TempDir dir;
  const std::string fifo = dir / "p";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string text;
  Status s = io::ReadWholeFile(fifo, &text);  // used to block in open()
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message() == fifo + ": is a FIFO (named pipe), not a regular file");
  s = io::ReadWholeFile(dir.path(), &text);
  CHECK(s.message() == dir.path() + ": is a directory, not a file");
  s = io::ReadWholeFile(dir / "missing", &text);
  CHECK(s.message() == dir / "missing" + std::string(": no such file"));
}

TEST_CASE("bad input: a JSON string over the limit is refused with file:line:column",
          "[reliability][badinput][longline]") {
  Fixture f;
  const std::string path = f.dir / "long_string.json";
  // 20 MB in one name: used to take seconds and ~5x the file in memory to parse.
  testing::WriteFile(path, "{\"nodes\":[\n {\"id\":\"a\",\"kind\":\"nation\",\"name\":\"" +
                               std::string(20 << 20, 'a') + "\"}],\"edges\":[]}\n");
  auto r = Run(f.db, {"import", "--json", path});
  INFO("stderr: " << r.err.substr(0, 300));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(path + ":2:35: string longer than 4194304 bytes") != std::string::npos);
  CHECK(Fingerprint(f.db) == f.base);
  // Just under the limit is accepted.
  testing::WriteFile(path, "{\"nodes\":[{\"id\":\"a\",\"kind\":\"nation\",\"name\":\"" +
                               std::string((4 << 20) - 2, 'b') + "\\\"\"}],\"edges\":[]}\n");
  r = Run(f.db, {"import", "--json", path});
  INFO("stderr: " << r.err.substr(0, 300));
  CHECK(r.exit_code == 0);
}

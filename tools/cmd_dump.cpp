// `pactgraph dump` and `pactgraph restore`: the whole database to one file and back
// (pactgraph/dump.h, docs/dump.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <vector>

#include "pactgraph/dump.h"
#include "pactgraph/import_export.h"
#include "tools/command.h"

namespace pactgraph::tools {
namespace {

// One bar per phase, as import draws them.
DumpProgress PhaseBars(const GlobalOptions& g, const std::string& command, ProgressBar* bar) {
  auto phase = std::make_shared<std::string>();
  return [&g, command, bar, phase](const char* p, uint64_t done, uint64_t total) {
    if (*phase != p) {
      *phase = p;
      bar->Finish();
      const std::string what = *phase == "write" ? "writing keys" : "records";
      *bar = ProgressBar(command + ": " + what, !g.quiet);
    }
    if (total) bar->Update(done, total);
  };
}

void PrintSummary(const GlobalOptions& g, const char* verb, const DumpSummary& s) {
  if (g.quiet) return;
  std::fprintf(
      stderr, "%s %llu nodes, %llu relationships, %llu articles, %llu evidence (%llu bytes)\n",
      verb, static_cast<unsigned long long>(s.nodes),
      static_cast<unsigned long long>(s.relationships), static_cast<unsigned long long>(s.articles),
      static_cast<unsigned long long>(s.evidence), static_cast<unsigned long long>(s.bytes));
}

int RunDump(GlobalOptions& g, const std::string& out) {
  auto db = OpenDatabase(g, /*for_write=*/false);
  if (!db) return g.exit_code;
  auto reader = db->NewReader();
  ProgressBar bar("dump", false);
  DumpSummary summary;
  Status s;
  if (out.empty() || out == "-") {
    s = DumpDatabase(*reader, std::cout, PhaseBars(g, "dump", &bar), &summary);
  } else {
    std::vector<char> buffer(1 << 20);
    std::ofstream f;
    f.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    f.open(out, std::ios::binary | std::ios::trunc);
    if (!f) return ReportError("cannot write " + out, kExitStorage);
    s = DumpDatabase(*reader, f, PhaseBars(g, "dump", &bar), &summary);
    f.close();
    if (s.ok() && !f) s = Status::IOError("write failed: " + out);
    if (!s.ok()) std::remove(out.c_str());  // never leave half a dump behind
  }
  bar.Finish();
  if (!s.ok()) return ReportError(s);
  PrintSummary(g, "dumped", summary);
  return kExitOk;
}

int RunRestore(GlobalOptions& g, const std::string& in) {
  std::ifstream file;
  std::vector<char> buffer(1 << 20);
  if (in != "-") {
    Status s = CheckInputFile(in);
    if (!s.ok()) return ReportError(s);
    file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    file.open(in, std::ios::binary);
    if (!file) return ReportError("cannot read " + in, kExitStorage);
  }
  auto db = OpenDatabase(g, /*for_write=*/true);
  if (!db) return g.exit_code;
  ProgressBar bar("restore", false);
  DumpSummary summary;
  Status s = RestoreDatabase(*db, in == "-" ? std::cin : file, in == "-" ? "stdin" : in,
                             PhaseBars(g, "restore", &bar), &summary);
  bar.Finish();
  if (!s.ok()) {
    ReportError(s);
    std::cerr << "nothing was restored; the database is unchanged\n";
    return s.ExitCode();
  }
  PrintSummary(g, "restored", summary);
  return kExitOk;
}

CommandRegistration dump_cmd(22, [](CLI::App& app, GlobalOptions& g) {
  auto out = std::make_shared<std::string>();
  auto* sub = app.add_subcommand(
      "dump", "Write the whole database (graph, articles, evidence, ids) to one file");
  sub->add_option("--out,-o", *out, "Dump file; default: standard output");
  sub->footer(
      "The format is JSON Lines, versioned and documented in docs/dump.md; `pactgraph restore`\n"
      "reads it back into an empty database with every id kept.\n"
      "Examples:\n"
      "  pactgraph --db news.db dump --out news.dump\n"
      "  pactgraph --db news.db dump | zstd > news.dump.zst\n"
      "Exit codes: 0 ok, 3 storage or I/O error.");
  sub->callback([&g, out] { g.exit_code = RunDump(g, *out); });
});

CommandRegistration restore_cmd(23, [](CLI::App& app, GlobalOptions& g) {
  auto in = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("restore", "Load a dump into an empty database (all or nothing)");
  sub->add_option("dump", *in, "Dump file written by `pactgraph dump` ('-': standard input)")
      ->required();
  sub->footer(
      "Examples:\n"
      "  pactgraph --db copy.db restore news.dump\n"
      "  zstd -dc news.dump.zst | pactgraph --db copy.db restore -\n"
      "The database must be empty. A truncated or malformed dump, another format version, or\n"
      "duplicate or dangling ids are refused with the line and byte offset, and nothing is\n"
      "stored. Exit codes: 0 ok, 2 bad input, 3 storage or I/O error.");
  sub->callback([&g, in] { g.exit_code = RunRestore(g, *in); });
});

}  // namespace
}  // namespace pactgraph::tools

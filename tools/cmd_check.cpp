// `pactgraph check` — verifies a database's integrity (Database::Check). Exit 0 when sound;
// otherwise prints what is wrong and exits 3.
#include <iostream>

#include "pactgraph/paths.h"
#include "tools/command.h"

namespace pactgraph::tools {
namespace {

int RunCheck(GlobalOptions& global) {
  auto db = OpenDatabase(global, /*for_write=*/false);
  if (!db) return global.exit_code;
  CheckReport report;
  Status s = db->Check(&report);
  if (s.ok()) s = CheckSnapshotFiles(db.get(), &report);  // the path searches' saved copies
  if (!s.ok()) return ReportError(s.WithContext("check of " + db->path() + " failed"));
  if (!global.quiet || !report.sound()) {
    std::cout << "checked " << db->path() << ": " << report.nodes << " nodes, "
              << report.relationships << " relationships, " << report.articles << " articles, "
              << report.evidence << " evidence, " << report.adjacency_entries
              << " adjacency entries, " << report.label_entries << " label entries, "
              << report.name_entries << " name entries, " << report.hash_entries
              << " hash entries, " << report.dictionary_entries << " dictionary entries\n";
  }
  if (!global.quiet) {
    for (const auto& n : report.notes) std::cout << "note: " << n << "\n";
  }
  if (report.sound()) {
    if (!global.quiet) std::cout << "ok: the database is sound\n";
    return kExitOk;
  }
  for (const auto& p : report.problems) std::cout << "problem: " << p << "\n";
  if (report.problem_count > report.problems.size()) {
    std::cout << "… and " << report.problem_count - report.problems.size() << " more\n";
  }
  return ReportError("database at " + db->path() + " failed its integrity check (" +
                         std::to_string(report.problem_count) + " problem(s))",
                     kExitStorage);
}

CommandRegistration reg(90, [](CLI::App& app, GlobalOptions& global) {
  auto* cmd = app.add_subcommand(
      "check", "Verify the database's integrity: indexes, adjacency twins, counters, evidence");
  cmd->footer(
      "Exit codes: 0 sound, 3 problems found (listed on stdout) or the database cannot be "
      "read.\nExample: pactgraph --db graph.db check");
  cmd->callback([&global]() { global.exit_code = RunCheck(global); });
});

}  // namespace
}  // namespace pactgraph::tools

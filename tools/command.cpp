#include "tools/command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <vector>

namespace pactgraph::tools {
namespace {

std::vector<std::pair<int, CommandSetup>>& Registry() {
  static std::vector<std::pair<int, CommandSetup>> registry;
  return registry;
}

}  // namespace

CommandRegistration::CommandRegistration(int order, CommandSetup setup) {
  Registry().emplace_back(order, std::move(setup));
}

void SetupAllCommands(CLI::App& app, GlobalOptions& global) {
  auto& reg = Registry();
  std::stable_sort(reg.begin(), reg.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, setup] : reg) setup(app, global);
}

std::string ResolveDbPath(const GlobalOptions& global) {
  if (!global.db.empty()) return global.db;
  if (const char* env = std::getenv("PACTGRAPH_DB"); env && *env) return env;
  return "pactgraph.db";
}

std::unique_ptr<Database> OpenDatabase(GlobalOptions& global, bool for_write) {
  return OpenDatabase(global, for_write, for_write);
}

std::unique_ptr<Database> OpenDatabase(GlobalOptions& global, bool for_write,
                                       bool create_if_missing) {
  Options options;
  options.sync = global.sync;
  options.read_only = !for_write && global.read_only;
  options.recover = global.recover;
  options.create_if_missing = for_write && create_if_missing;
  auto db = Database::Open(ResolveDbPath(global), options);
  if (!db.ok()) {
    // The library says NotFound ("no database at PATH"); for the CLI a missing database is a
    // storage error like any other (docs/cli.md: exit 3).
    const Status st = ExplainOpenError(db.status());
    global.exit_code =
        ReportError(st, st.code() == Status::Code::kNotFound ? kExitStorage : st.ExitCode());
    return nullptr;
  }
  return std::move(db).value();
}

Status ExplainOpenError(const Status& status) {
  if (status.code() != Status::Code::kBusy) return status;
  return Status::Busy(status.message() +
                      " (a writer holds it: a command that only reads can run beside it with "
                      "--read-only; a write must wait until the writer closes)");
}

int ReportError(const Status& status) { return ReportError(status.message(), status.ExitCode()); }

int ReportError(const Status& status, int exit_code) {
  return ReportError(status.message(), exit_code);
}

int ReportError(const std::string& message, int exit_code) {
  const bool color = UseColor(stderr);
  std::cerr << (color ? "\033[1;31mpactgraph: error:\033[0m " : "pactgraph: error: ") << message;
  if (message.empty() || message.back() != '\n') std::cerr << '\n';
  return exit_code;
}

bool IsTerminal(FILE* f) { return isatty(fileno(f)) != 0; }

bool UseColor(FILE* f) {
  const char* no_color = std::getenv("NO_COLOR");
  return IsTerminal(f) && (no_color == nullptr || *no_color == '\0');
}

ProgressBar::ProgressBar(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled && IsTerminal(stderr)) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(uint64_t done, uint64_t total) {
  if (!enabled_ || total == 0) return;
  int permille = static_cast<int>(std::min<uint64_t>(1000, done * 1000 / total));
  if (permille == last_permille_) return;
  last_permille_ = permille;
  constexpr int kWidth = 30;
  int filled = permille * kWidth / 1000;
  std::fprintf(stderr, "\r%s [%s%s] %5.1f%% (%llu/%llu)", label_.c_str(),
               std::string(filled, '#').c_str(), std::string(kWidth - filled, ' ').c_str(),
               permille / 10.0, static_cast<unsigned long long>(done),
               static_cast<unsigned long long>(total));
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace pactgraph::tools

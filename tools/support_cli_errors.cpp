// Command-line parse errors in pactgraph's words (see support_cli_errors.h).
#include "tools/support_cli_errors.h"

#include <algorithm>
#include <cctype>

#include "tools/command.h"

namespace pactgraph::tools {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      // A swap of two neighbours ("qeury") counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev[j - 1]);
      }
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// The command that was being parsed: the deepest subcommand given on the line.
CLI::App* ParsedCommand(CLI::App& app) {
  CLI::App* at = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (CLI::App* sub : at->get_subcommands()) {
      at = sub;
      deeper = true;
      break;
    }
  }
  return at;
}

std::string CommandPath(const CLI::App* cmd) {
  std::string path;
  for (const CLI::App* a = cmd; a != nullptr && a->get_parent() != nullptr; a = a->get_parent()) {
    path = a->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

// Every option spelling valid for `cmd`: its own and (fallthrough) its parents'.
std::vector<std::string> OptionNames(const CLI::App* cmd) {
  std::vector<std::string> names;
  for (const CLI::App* a = cmd; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
    }
  }
  return names;
}

std::vector<std::string> SubcommandNames(const CLI::App* cmd) {
  std::vector<std::string> names;
  for (const CLI::App* sub : cmd->get_subcommands([](const CLI::App*) { return true; })) {
    if (!sub->get_name().empty()) names.push_back(sub->get_name());
  }
  return names;
}

std::string Suggest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string near = DidYouMean(word, candidates);
  return near.empty() ? "" : "; did you mean '" + near + "'?";
}

std::string LowerFirst(std::string s) {
  if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
      !std::isupper(static_cast<unsigned char>(s[1]))) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  return s;
}

// `pactgraph qeury …`, `pactgraph bench rnu`: the first word that is not an option names a
// command `cmd` does not have. Empty when there is no such word.
std::string UnknownSubcommand(CLI::App& app, CLI::App* cmd) {
  const std::vector<std::string> names = SubcommandNames(cmd);
  if (names.empty()) return "";
  const std::string path = CommandPath(cmd);
  for (const auto& e : app.remaining(true)) {
    if (e.empty() || e[0] == '-') continue;
    return "unknown command '" + (path.empty() ? "" : path + " ") + e + "'" + Suggest(e, names) +
           " (pactgraph " + (path.empty() ? "" : path + " ") + "--help lists the commands)";
  }
  return "";
}

std::string Unexpected(CLI::App& app, CLI::App* cmd) {
  const std::string path = CommandPath(cmd);
  std::vector<std::string> extras = app.remaining(true);
  if (extras.empty()) return "";
  if (std::string unknown = UnknownSubcommand(app, cmd); !unknown.empty()) return unknown;
  for (const auto& e : extras) {
    if (e.size() > 1 && e[0] == '-') {
      std::string name = e.substr(0, e.find('='));
      return "unknown option '" + name + "'" + (path.empty() ? "" : " for '" + path + "'") +
             Suggest(name, OptionNames(cmd)) + " (pactgraph " + (path.empty() ? "" : path + " ") +
             "--help lists the options)";
    }
  }
  std::string what = "'" + extras.front() + "'";
  for (size_t i = 1; i < extras.size(); ++i) what += ", '" + extras[i] + "'";
  return std::string(extras.size() == 1 ? "unexpected argument " : "unexpected arguments ") + what +
         (path.empty() ? "" : " for '" + path + "'") +
         " (a value with spaces needs quotes; pactgraph " + (path.empty() ? "" : path + " ") +
         "--help shows the usage)";
}

}  // namespace

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = 3;
  std::string prefix_of;
  size_t prefix_count = 0;
  for (const auto& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
    if (word.size() >= 2 && c.size() > word.size() && c.compare(0, word.size(), word) == 0) {
      prefix_of = c;
      ++prefix_count;
    }
  }
  // Too short a word is close to everything.
  if (!best.empty() && best_d * 2 < std::max<size_t>(word.size(), 2)) return best;
  return prefix_count == 1 ? prefix_of : "";
}

int ReportParseError(CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
  CLI::App* cmd = ParsedCommand(app);
  std::string message;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    message = Unexpected(app, cmd);
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    message = UnknownSubcommand(app, cmd);  // `bench rnu`: the subcommand was mistyped
  }
  if (message.empty()) {
    const std::string path = CommandPath(cmd);
    message = (path.empty() ? "" : path + ": ") + LowerFirst(e.what()) + " (pactgraph " +
              (path.empty() ? "" : path + " ") + "--help shows the usage)";
  }
  return ReportError(message, kExitBadInput);
}

}  // namespace pactgraph::tools

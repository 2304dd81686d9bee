// The REPL's meta-commands (`:help`, `:schema`, `:mode`, …; see support_repl_shell.h).
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iostream>

#include "pactgraph/import_export.h"
#include "tools/support_cli_errors.h"
#include "tools/support_repl_shell.h"

namespace pactgraph::tools {
namespace {

struct MetaHelp {
  const char* name;
  const char* usage;
  const char* summary;
};

const MetaHelp kMetaHelp[] = {
    {":help", ":help [TOPIC]", "This help; topics: a command name, query, keys"},
    {":schema", ":schema", "Labels and relationship types (with counts) and property keys"},
    {":stats", ":stats", "Counts of nodes, relationships, articles; disk size (= stats)"},
    {":ingest", ":ingest PATH… [options]", "Extract and store articles (= pactgraph ingest)"},
    {":path", ":path A B [options]", "How two actors are connected (= pactgraph path)"},
    {":node", ":node NAME", "A node, its properties and neighbours (= pactgraph node)"},
    {":explain", ":explain QUERY", "Show the plan of QUERY without running it"},
    {":param", ":param NAME VALUE", "Set $NAME (VALUE: JSON, date:YYYY-MM-DD, else text)"},
    {":params", ":params", "List the parameters set with :param"},
    {":source", ":source FILE", "Run the statements and meta-commands in FILE"},
    {":output", ":output [FILE]", "Send results to FILE; no FILE: back to the terminal"},
    {":mode", ":mode [MODE]",
     "table, line, vertical, json, jsonl, csv or markdown (too wide a table: vertical)"},
    {":pager", ":pager on|off", "Long results through $PAGER (default on, terminals only)"},
    {":timer", ":timer on|off", "Show query times in the result footer"},
    {":maxrows", ":maxrows [N]", "Show at most N rows of a result (0: all)"},
    {":set", ":set [LIMIT [N]]",
     "Query limits: timeout_ms, max_rows, max_memory_mb, max_depth (no LIMIT: show all)"},
    {":begin", ":begin", "Open a transaction: the statements until :commit are one atomic batch"},
    {":commit", ":commit", "Commit the open transaction (all its writes, or none on failure)"},
    {":rollback", ":rollback", "Drop the open transaction and everything it wrote"},
    {":history", ":history", "The statements entered so far (also in ~/.pactgraph_history)"},
    {":quit", ":quit", "Leave the shell (also :exit, quit, exit, Ctrl-D)"},
};

const char* kKeysHelp =
    "Keys: Tab completes keywords, labels (after ':'), relationship types (after '[:'),\n"
    "property keys (after '.'), node names (inside a quote), commands and file paths.\n"
    "Ctrl-R searches the history backwards, Up/Down walk it; Ctrl-C cancels the running query\n"
    "or the line being typed; Ctrl-D on an empty line leaves. Bindings can be changed in\n"
    "~/.editrc (libedit).\n";

const char* kQueryHelp =
    "Statements are openCypher (a subset, see docs/query.md) and end with ';' — they may span\n"
    "several lines. Examples:\n"
    "  MATCH (c:Nation {name: 'Rwanda'})-[r]-(x) RETURN x.name, type(r) LIMIT 10;\n"
    "  MATCH p = shortestPath((a {name: $from})-[*..6]-(b {name: $to})) RETURN p;\n"
    "  CREATE (:Organization {name: 'Acme'});\n"
    "  :begin, then statements, then :commit (one atomic batch) or :rollback\n"
    "Parameters: :param from \"Kenya\" then use $from.\n";

std::string Rest(const std::string& line) {
  size_t sp = line.find_first_of(" \t");
  if (sp == std::string::npos) return "";
  size_t b = line.find_first_not_of(" \t", sp);
  return b == std::string::npos ? "" : line.substr(b);
}

}  // namespace

void Shell::PrintHelp(const std::string& topic) {
  std::ostream& o = std::cout;
  if (topic.empty()) {
    o << "Meta-commands (statements end with ';'):\n";
    for (const auto& h : kMetaHelp) {
      // Padded by display columns (not bytes: "…" and "→" take one column, three bytes).
      o << "  " << h.usage << std::string(28 - std::min<size_t>(26, DisplayWidth(h.usage)), ' ')
        << h.summary << "\n";
    }
    o << "More: :help query, :help keys, :help COMMAND; docs/cli.md.\n";
    return;
  }
  if (topic == "query") {
    o << kQueryHelp;
    return;
  }
  if (topic == "keys") {
    o << kKeysHelp;
    return;
  }
  std::string name = topic[0] == ':' ? topic : ":" + topic;
  for (const auto& h : kMetaHelp) {
    if (name == h.name) {
      o << h.usage << "\n  " << h.summary << "\n";
      if (name == ":path" || name == ":ingest" || name == ":node" || name == ":stats") {
        RunSubcommand({name.substr(1), "--help"});
      }
      return;
    }
  }
  std::string near = ClosestMetaCommand(name);
  std::cerr << "no help on '" << topic << "'"
            << (near.empty() ? "" : "; did you mean '" + near.substr(1) + "'?") << "\n";
}

void Shell::PrintSchema() {
  if (Status s = CatchUp(); !s.ok()) {
    ReportError(s, "");
    return;
  }
  auto reader = db_->NewReader();
  GraphStats stats;
  Status st = reader->GetStats(&stats);
  if (!st.ok()) {
    ReportError(st, "");
    return;
  }
  std::ostream& o = out();
  o << "Node labels:\n";
  for (const auto& [label, n] : stats.labels) o << "  :" << label << "  (" << n << ")\n";
  o << "Relationship types:\n";
  for (const auto& [type, n] : stats.types) o << "  [:" << type << "]  (" << n << ")\n";
  o << "Property keys:\n  ";
  size_t col = 2;
  for (const auto& key : reader->PropertyKeys()) {
    if (col + key.size() > 78) {
      o << "\n  ";
      col = 2;
    }
    o << key << " ";
    col += key.size() + 1;
  }
  o << "\n";
}

int Shell::RunSubcommand(std::vector<std::string> args) {
  // The command opens the database itself: the reading ones as readers (beside an open
  // transaction or another writer), :ingest as the writer.
  const bool writes = args[0] == "ingest";
  if (writes && tx_) {
    return ReportError(
        Status::InvalidArgument(":ingest commits on its own: :commit or :rollback the open "
                                "transaction first"),
        "");
  }
  ReleaseWriter();
  GlobalOptions g = global_;
  g.db = ResolveDbPath(global_);
  g.exit_code = 0;
  if (!writes) g.read_only = true;
  CLI::App app{"pactgraph", "pactgraph"};
  app.require_subcommand(1, 1);
  SetupAllCommands(app, g);
  args.insert(args.begin(), "pactgraph");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::streambuf* saved = output_file_ ? std::cout.rdbuf(output_file_->rdbuf()) : nullptr;
  g_repl_interrupted.store(false);
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    g.exit_code = ReportParseError(app, e);
  }
  if (saved) std::cout.rdbuf(saved);
  std::cout.flush();
  if (Status s = CatchUp(); !s.ok()) return ReportError(s, "");
  return g.exit_code;
}

// `:set`: the query limits of SessionOptions, under the names the limit messages use.
int Shell::SetLimit(const std::vector<std::string>& words) {
  struct Limit {
    const char* name;
    const char* meaning;
    uint64_t min;
    uint64_t max;
    std::function<uint64_t()> get;
    std::function<void(uint64_t)> set;
  };
  SessionOptions& o = session_options_;
  const Limit limits[] = {
      {"timeout_ms", "per-query time limit in ms (0: none)", 0, INT64_MAX,
       [&] { return static_cast<uint64_t>(std::max<int64_t>(o.timeout_ms, 0)); },
       [&](uint64_t v) { o.timeout_ms = static_cast<int64_t>(v); }},
      {"max_rows", "intermediate rows per query", 1, UINT64_MAX, [&] { return o.max_rows; },
       [&](uint64_t v) { o.max_rows = v; }},
      {"max_memory_mb", "MiB of rows and values one query may hold", 1, UINT64_MAX >> 20,
       [&] { return o.max_memory_mb; }, [&](uint64_t v) { o.max_memory_mb = v; }},
      {"max_depth", "hops allowed for * without an upper bound", 1, UINT32_MAX,
       [&] { return uint64_t{o.max_var_length_depth}; },
       [&](uint64_t v) { o.max_var_length_depth = static_cast<uint32_t>(v); }},
  };
  if (words.size() == 1) {
    for (const auto& l : limits) {
      std::printf("%-14s %-12llu %s\n", l.name, static_cast<unsigned long long>(l.get()),
                  l.meaning);
    }
    return kExitOk;
  }
  std::string name = words[1];
  std::replace(name.begin(), name.end(), '-', '_');
  if (name == "max_var_length_depth") name = "max_depth";
  const Limit* limit = nullptr;
  std::vector<std::string> names;
  for (const auto& l : limits) {
    names.push_back(l.name);
    if (name == l.name) limit = &l;
  }
  if (limit == nullptr) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    const std::string guess = DidYouMean(name, names);
    return ReportError(
        Status::InvalidArgument("no limit '" + words[1] + "'" +
                                (guess.empty() ? "" : " (did you mean '" + guess + "'?)") +
                                "; the limits are " + known),
        "");
  }
  if (words.size() == 2) {
    std::cout << limit->get() << "\n";
    return kExitOk;
  }
  const std::string& text = words[2];
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (words.size() != 3 || ec != std::errc() || end != text.data() + text.size() ||
      v < limit->min || v > limit->max) {
    return ReportError(
        Status::InvalidArgument(":set " + std::string(limit->name) + " takes a whole number from " +
                                std::to_string(limit->min) + " to " + std::to_string(limit->max)),
        "");
  }
  limit->set(v);
  // The read-only session is rebuilt with the new limits; write sessions take them per
  // statement.
  if (db_) session_ = std::make_unique<Session>(db_.get(), session_options_);
  return kExitOk;
}

int Shell::RunMeta(const std::string& line) {
  std::vector<std::string> words = SplitWords(line);
  if (words.empty()) return kExitOk;
  const std::string cmd = words[0];
  const std::string rest = Rest(line);
  auto usage = [&](const std::string& text) {
    return ReportError(Status::InvalidArgument("usage: " + text), "");
  };
  if (cmd == ":quit" || cmd == ":exit" || cmd == ":q") {
    quit_ = true;
  } else if (cmd == ":begin") {
    return BeginTransaction();
  } else if (cmd == ":commit") {
    return CommitTransaction();
  } else if (cmd == ":rollback") {
    return RollbackTransaction(nullptr);
  } else if (cmd == ":help" || cmd == ":h" || cmd == ":?") {
    PrintHelp(words.size() > 1 ? words[1] : "");
  } else if (cmd == ":schema") {
    PrintSchema();
  } else if (cmd == ":stats") {
    return RunSubcommand({"stats"});
  } else if (cmd == ":ingest" || cmd == ":path" || cmd == ":node") {
    if (words.size() < (cmd == ":path" ? 3u : 2u)) {
      for (const auto& h : kMetaHelp) {
        if (cmd == h.name) return usage(h.usage);
      }
    }
    words[0] = cmd.substr(1);
    return RunSubcommand(words);
  } else if (cmd == ":explain") {
    if (rest.empty()) return usage(":explain QUERY");
    std::vector<std::string> stmts;
    std::string tail = TakeStatements(rest, &stmts);
    if (!IsBlankStatement(tail)) stmts.push_back(tail);
    if (stmts.size() != 1) return usage(":explain QUERY (one statement)");
    return RunStatement("EXPLAIN " + stmts[0], "");
  } else if (cmd == ":param") {
    if (words.size() < 3) return usage(":param NAME VALUE");
    std::string name = words[1][0] == '$' ? words[1].substr(1) : words[1];
    params_[name] = ParseParamValue(Rest(rest));
  } else if (cmd == ":params") {
    if (params_.empty()) std::cout << "no parameters (set one with :param NAME VALUE)\n";
    for (const auto& [k, v] : params_) std::cout << "$" << k << " = " << v.ToString() << "\n";
  } else if (cmd == ":source") {
    if (words.size() != 2) return usage(":source FILE");
    // A FIFO or device would block or never end: only regular files are sourced.
    if (Status s = CheckInputFile(words[1]); !s.ok()) return ReportError(s, "");
    std::ifstream in(words[1]);
    if (!in) return ReportError(Status::IOError("cannot read " + words[1]), "");
    if (source_depth_ >= 16)
      return ReportError(Status::InvalidArgument(":source nested too deeply"), "");
    ++source_depth_;
    int code = RunStream(in, words[1], options_.keep_going);
    --source_depth_;
    return code;
  } else if (cmd == ":output") {
    if (words.size() == 1) {
      output_file_.reset();
      render_.color = interactive_ && UseColor(stdout);
      return kExitOk;
    }
    auto f = std::make_unique<std::ofstream>(words[1], std::ios::trunc);
    if (!*f) return ReportError(Status::IOError("cannot write " + words[1]), "");
    output_file_ = std::move(f);
    render_.color = false;
  } else if (cmd == ":mode") {
    if (words.size() == 1) {
      std::cout << OutputFormatName(render_.format) << "\n";
      return kExitOk;
    }
    auto f = ParseOutputFormat(words[1]);
    if (!f.ok()) return ReportError(f.status(), "");
    render_.format = *f;
  } else if (cmd == ":pager") {
    if (words.size() != 2 || (words[1] != "on" && words[1] != "off")) return usage(":pager on|off");
    pager_ = words[1] == "on";
  } else if (cmd == ":timer") {
    if (words.size() != 2 || (words[1] != "on" && words[1] != "off")) return usage(":timer on|off");
    render_.timer = words[1] == "on";
  } else if (cmd == ":maxrows") {
    if (words.size() == 1) {
      std::cout << render_.max_rows << "\n";
      return kExitOk;
    }
    char* end = nullptr;
    long long n = std::strtoll(words[1].c_str(), &end, 10);
    if (words.size() != 2 || *end != '\0' || n < 0) return usage(":maxrows N (0: all)");
    render_.max_rows = static_cast<size_t>(n);
  } else if (cmd == ":set") {
    return SetLimit(words);
  } else if (cmd == ":history") {
    if (!editor_) {
      std::cout << "no history outside an interactive session\n";
      return kExitOk;
    }
    auto entries = editor_->History();
    for (size_t i = 0; i < entries.size(); ++i)
      std::cout << "  " << i + 1 << "  " << entries[i] << "\n";
  } else {
    std::string near = ClosestMetaCommand(cmd);
    return ReportError(
        Status::InvalidArgument("unknown command '" + cmd + "'" +
                                (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                " (:help lists the commands)"),
        "");
  }
  return kExitOk;
}

}  // namespace pactgraph::tools

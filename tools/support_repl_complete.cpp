// Tab completion and statement splitting for the REPL (see support_repl_complete.h).
#include "tools/support_repl_complete.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "tools/support_cli_errors.h"

namespace pactgraph::tools {
namespace {

const std::vector<std::string> kKeywords = {
    "MATCH", "OPTIONAL", "WHERE",  "RETURN",  "WITH",         "UNWIND",
    "ORDER", "BY",       "LIMIT",  "SKIP",    "CREATE",       "MERGE",
    "SET",   "REMOVE",   "DELETE", "DETACH",  "CALL",         "YIELD",
    "AS",    "DISTINCT", "AND",    "OR",      "NOT",          "XOR",
    "IN",    "IS",       "NULL",   "TRUE",    "FALSE",        "CASE",
    "WHEN",  "THEN",     "ELSE",   "END",     "EXPLAIN",      "PROFILE",
    "UNION", "ALL",      "ON",     "STARTS",  "ENDS",         "CONTAINS",
    "ASC",   "DESC",     "count",  "collect", "shortestPath", "allShortestPaths"};

bool IsIdent(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

std::string BackquoteIfNeeded(const std::string& name) {
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
  for (char c : name) plain = plain && IsIdent(c);
  return plain ? name : "`" + name + "`";
}

std::string Quote(const std::string& s, char q) {
  std::string o(1, q);
  for (char c : s) {
    if (c == q || c == '\\') o += '\\';
    o += c;
  }
  return o + q;
}

void AddMatching(const std::vector<std::string>& words, std::string_view prefix, bool quote,
                 std::set<std::string>* out) {
  for (const auto& w : words) {
    std::string shown = quote ? BackquoteIfNeeded(w) : w;
    if (StartsWithNoCase(w, prefix) || StartsWithNoCase(shown, prefix)) out->insert(shown);
  }
}

// The alias of `node` that starts with `prefix`, when its name does not ("" otherwise).
std::string MatchingAlias(const Node& node, const std::string& name, std::string_view prefix) {
  if (StartsWithNoCase(name, prefix)) return "";
  auto it = node.properties.find("aliases");
  if (it == node.properties.end() || !it->second.is_list()) return "";
  for (const Value& a : it->second.as_list()) {
    if (a.is_string() && StartsWithNoCase(a.as_string(), prefix)) return a.as_string();
  }
  return "";
}

// Node names (their stored "name" property) starting with `prefix`, quoted with `q` (0: only
// when needed for a meta-command argument). A node found by an alias completes to its name;
// `labels` (when given) says so for the listing: "Kenyan → Kenya".
std::set<std::string> NodeNames(const GraphReader* reader, std::string_view prefix, char q,
                                std::map<std::string, std::string>* labels = nullptr) {
  std::set<std::string> out;
  if (reader == nullptr) return out;
  std::vector<std::pair<std::string, NodeId>> found;
  if (!reader->FindNamesByPrefix(prefix, 200, &found).ok()) return out;
  for (const auto& [norm, id] : found) {
    Node node;
    std::string name = norm;
    if (reader->GetNode(id, &node).ok()) {
      auto it = node.properties.find("name");
      if (it != node.properties.end() && it->second.is_string()) name = it->second.as_string();
    }
    std::string shown = q != 0                                                ? Quote(name, q)
                        : name.find_first_of(" \t'\"\\") == std::string::npos ? name
                                                                              : Quote(name, '"');
    out.insert(shown);
    if (labels != nullptr) {
      std::string alias = MatchingAlias(node, name, prefix);
      auto [it, fresh] = labels->emplace(shown, alias.empty() ? shown : alias + " → " + shown);
      if (!fresh && alias.empty()) it->second = shown;  // found by its name too
    }
  }
  return out;
}

std::set<std::string> FilePaths(std::string_view word) {
  std::set<std::string> out;
  std::string w(word);
  size_t slash = w.rfind('/');
  std::string dir_text = slash == std::string::npos ? "" : w.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? w : w.substr(slash + 1);
  std::string dir = dir_text.empty() ? "." : dir_text;
  if (dir_text.rfind("~/", 0) == 0) {
    if (const char* home = std::getenv("HOME")) dir = home + dir_text.substr(1);
  }
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(base, 0) != 0 || (base.empty() && name[0] == '.')) continue;
    out.insert(dir_text + name + (it->is_directory(ec) ? "/" : ""));
  }
  return out;
}

Completion CompleteMeta(std::string_view line, const GraphReader* reader) {
  Completion c;
  size_t lead = line.find(':');
  size_t space = line.find_first_of(" \t", lead);
  if (space == std::string_view::npos) {
    c.start = lead;
    for (const auto& m : MetaCommandNames()) {
      if (m.rfind(line.substr(lead), 0) == 0) c.candidates.push_back(m);
    }
    return c;
  }
  std::string cmd(line.substr(lead, space - lead));
  size_t ws = line.find_last_of(" \t");
  c.start = ws + 1;
  std::string_view word = line.substr(c.start);
  // Inside an open "quoted name": complete from its opening quote.
  size_t quote = line.find_first_of("\"'", space);
  if (quote != std::string_view::npos &&
      std::count(line.begin() + quote, line.end(), line[quote]) % 2) {
    c.start = quote;
    word = line.substr(quote + 1);
  }
  std::set<std::string> out;
  if (cmd == ":mode") {
    AddMatching({"table", "line", "vertical", "json", "jsonl", "csv", "markdown"}, word, false,
                &out);
  } else if (cmd == ":set") {
    // Only the first argument is a name; the second is a number.
    const size_t first_arg = line.find_first_not_of(" \t", space);
    if (first_arg == std::string_view::npos || first_arg == c.start) {
      AddMatching({"timeout_ms", "max_rows", "max_memory_mb", "max_depth"}, word, false, &out);
    }
  } else if (cmd == ":timer") {
    AddMatching({"on", "off"}, word, false, &out);
  } else if (cmd == ":help") {
    std::vector<std::string> topics = {"query", "keys"};
    for (const auto& m : MetaCommandNames()) topics.push_back(m.substr(1));
    AddMatching(topics, word, false, &out);
  } else if (cmd == ":source" || cmd == ":output" || cmd == ":ingest") {
    out = FilePaths(word);
    if (out.size() == 1 && out.begin()->back() == '/') c.append_space = false;
  } else if (cmd == ":node" || cmd == ":path") {
    std::map<std::string, std::string> labels;
    if (!word.empty() && word[0] != '-') out = NodeNames(reader, word, 0, &labels);
    c.candidates.assign(out.begin(), out.end());
    for (const auto& cand : c.candidates) c.labels.push_back(labels[cand]);
    return c;
  }
  c.candidates.assign(out.begin(), out.end());
  return c;
}

// The innermost unclosed bracket in `text` outside strings ('(' '[' '{' or 0), and whether
// the text ends inside a string literal (its quote char in *open_quote).
char InnermostBracket(std::string_view text, char* open_quote, size_t* quote_pos) {
  std::string stack;
  char q = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (q) {
      if (ch == '\\' && q != '`')
        ++i;
      else if (ch == q)
        q = 0;
      continue;
    }
    if (ch == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (ch == '\'' || ch == '"' || ch == '`') {
      q = ch;
      *quote_pos = i;
    } else if (ch == '(' || ch == '[' || ch == '{') {
      stack += ch;
    } else if ((ch == ')' || ch == ']' || ch == '}') && !stack.empty()) {
      stack.pop_back();
    }
  }
  *open_quote = q;
  return stack.empty() ? 0 : stack.back();
}

}  // namespace

const std::vector<std::string>& MetaCommandNames() {
  static const std::vector<std::string> kNames = {
      ":begin", ":commit",   ":explain", ":help",  ":history", ":ingest", ":maxrows",
      ":mode",  ":node",     ":output",  ":pager", ":param",   ":params", ":path",
      ":quit",  ":rollback", ":schema",  ":set",   ":source",  ":stats",  ":timer"};
  return kNames;
}

std::string ClosestMetaCommand(std::string_view name) {
  return DidYouMean(name, MetaCommandNames());  // the command line's rule (support_cli_errors)
}

Completion Complete(std::string_view pending, std::string_view line, const GraphReader* reader) {
  size_t first = line.find_first_not_of(" \t");
  if (pending.empty() && first != std::string_view::npos && line[first] == ':') {
    return CompleteMeta(line, reader);
  }
  std::string context = std::string(pending) + "\n" + std::string(line);
  const size_t offset = pending.size() + 1;
  char open_quote = 0;
  size_t quote_pos = 0;
  char bracket = InnermostBracket(context, &open_quote, &quote_pos);
  Completion c;
  std::set<std::string> out;
  if (open_quote == '\'' || open_quote == '"') {
    c.start = quote_pos >= offset ? quote_pos - offset : 0;
    out = NodeNames(reader, context.substr(quote_pos + 1), open_quote);
    c.candidates.assign(out.begin(), out.end());
    return c;
  }
  size_t start = line.size();
  while (start > 0 && IsIdent(line[start - 1])) --start;
  if (open_quote == '`') start = quote_pos - offset;
  c.start = start;
  std::string_view word = line.substr(start);
  if (open_quote == '`') word.remove_prefix(1);
  size_t before = start;
  while (before > 0 && (line[before - 1] == ' ' || line[before - 1] == '\t')) --before;
  char prev = before > 0 ? line[before - 1] : '\n';
  if (prev == ':' && bracket == '[') {
    if (reader) AddMatching(reader->Types(), word, true, &out);
  } else if (prev == '|' && bracket == '[') {
    if (reader) AddMatching(reader->Types(), word, true, &out);
  } else if (prev == ':' && bracket == '{') {
    // A property value: nothing sensible to offer.
  } else if (prev == ':') {
    if (reader) AddMatching(reader->Labels(), word, true, &out);
  } else if (prev == '.' || (bracket == '{' && (prev == '{' || prev == ','))) {
    if (reader) AddMatching(reader->PropertyKeys(), word, true, &out);
  } else if (!word.empty()) {
    bool lower = std::all_of(word.begin(), word.end(),
                             [](char ch) { return !std::isupper(static_cast<unsigned char>(ch)); });
    for (const auto& k : kKeywords) {
      if (!StartsWithNoCase(k, word)) continue;
      bool all_upper = std::all_of(
          k.begin(), k.end(), [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); });
      std::string shown = k;
      if (lower && all_upper) std::transform(shown.begin(), shown.end(), shown.begin(), ::tolower);
      out.insert(shown);
    }
  }
  c.candidates.assign(out.begin(), out.end());
  return c;
}

std::string TakeStatements(const std::string& text, std::vector<std::string>* out) {
  std::string cur;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      cur += c;
      if (c == '\\' && quote != '`' && i + 1 < text.size()) {
        cur += text[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') cur += text[i++];
      if (i < text.size()) cur += '\n';
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == ';') {
      if (!IsBlankStatement(cur)) out->push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  return cur;
}

bool IsBlankStatement(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else {
      return false;
    }
  }
  return true;
}

std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\' && i + 1 < line.size()) {
        cur += line[++i];
      } else if (c == quote) {
        quote = 0;
      } else {
        cur += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(cur);
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(cur);
  return words;
}

}  // namespace pactgraph::tools

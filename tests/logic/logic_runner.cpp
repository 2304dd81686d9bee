// Runs query logic files (tests/logic/**.test; format in docs/query.md): each file gets a
// fresh database; `statement ok|error` and `query [rowsort]` blocks are executed through
// pactgraph::Session and compared with the expected rows or error text. Prints every mismatch
// as FILE:LINE and exits non-zero if any case failed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "tests/test_util.h"

namespace {

using pactgraph::Database;
using pactgraph::Session;
using pactgraph::Value;
using pactgraph::ValueMap;

struct Block {
  int line = 0;
  std::string kind;  // statement / query / param / set / reset
  std::string arg;   // ok / error / rowsort / nosort …
  std::string text;  // query text
  std::vector<std::string> expected;
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<Block> ReadBlocks(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<Block> blocks;
  size_t i = 0;
  while (i < lines.size()) {
    std::string l = Trim(lines[i]);
    if (l.empty() || l[0] == '#') {
      ++i;
      continue;
    }
    Block b;
    b.line = static_cast<int>(i + 1);
    std::istringstream head(l);
    head >> b.kind;
    std::getline(head, b.arg);
    b.arg = Trim(b.arg);
    ++i;
    if (b.kind == "param" || b.kind == "set" || b.kind == "reset") {
      blocks.push_back(b);
      continue;
    }
    while (i < lines.size() && Trim(lines[i]) != "----" && !Trim(lines[i]).empty()) {
      b.text += (b.text.empty() ? "" : "\n") + lines[i];
      ++i;
    }
    if (i < lines.size() && Trim(lines[i]) == "----") {
      ++i;
      while (i < lines.size() && !Trim(lines[i]).empty()) b.expected.push_back(Trim(lines[i++]));
    }
    blocks.push_back(b);
  }
  return blocks;
}

std::string RowText(const std::vector<Value>& row) {
  std::string s;
  for (size_t i = 0; i < row.size(); ++i) s += (i ? " | " : "") + row[i].ToString();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int failures = 0, cases = 0;
  for (int f = 1; f < argc; ++f) {
    const std::string path = argv[f];
    pactgraph::testing::TempDir dir;
    auto open = [&]() { return Database::Open(dir / "db", pactgraph::Options{}); };
    auto db = open();
    if (!db.ok()) {
      std::cerr << path << ": cannot open database: " << db.status().ToString() << "\n";
      return 2;
    }
    std::unique_ptr<Database> database = std::move(db).value();
    pactgraph::SessionOptions options;
    options.timeout_ms = 20'000;
    auto session = std::make_unique<Session>(database.get(), options);
    ValueMap params;
    for (const Block& b : ReadBlocks(path)) {
      std::string where = path + ":" + std::to_string(b.line);
      if (b.kind == "param") {
        // param NAME = <expression>
        size_t eq = b.arg.find('=');
        std::string name = Trim(b.arg.substr(0, eq));
        auto r = session->Execute("RETURN " + b.arg.substr(eq + 1), params);
        if (!r.ok()) {
          std::cerr << where << ": bad param: " << r.status().ToString() << "\n";
          ++failures;
          continue;
        }
        params[name] = r->row(0)[0];
        continue;
      }
      if (b.kind == "set") {
        std::istringstream a(b.arg);
        std::string key;
        int64_t v;
        a >> key >> v;
        if (key == "max_var_length_depth")
          options.max_var_length_depth = static_cast<uint32_t>(v);
        else if (key == "timeout_ms")
          options.timeout_ms = v;
        else if (key == "max_rows")
          options.max_rows = static_cast<uint64_t>(v);
        else if (key == "max_memory_mb")
          options.max_memory_mb = static_cast<uint64_t>(v);
        else
          std::cerr << where << ": unknown setting " << key << "\n", ++failures;
        session->set_options(options);
        continue;
      }
      if (b.kind == "reset") {
        session.reset();
        database.reset();
        std::filesystem::remove_all(dir / "db");
        database = std::move(open()).value();
        session = std::make_unique<Session>(database.get(), options);
        params.clear();
        continue;
      }
      ++cases;
      auto r = session->Execute(b.text, params);
      if (b.kind == "statement" && b.arg == "ok") {
        if (!r.ok()) {
          std::cerr << where << ": expected success, got: " << r.status().ToString() << "\n";
          ++failures;
        }
        continue;
      }
      if (b.kind == "statement" && b.arg.rfind("error", 0) == 0) {
        if (r.ok()) {
          std::cerr << where << ": expected an error, got " << r->size() << " row(s)\n";
          ++failures;
          continue;
        }
        std::string msg = r.status().ToString();
        for (const auto& want : b.expected) {
          if (msg.find(want) == std::string::npos) {
            std::cerr << where << ": error message lacks \"" << want << "\":\n" << msg << "\n";
            ++failures;
            break;
          }
        }
        continue;
      }
      if (b.kind == "query") {
        if (!r.ok()) {
          std::cerr << where << ": query failed: " << r.status().ToString() << "\n";
          ++failures;
          continue;
        }
        std::vector<std::string> got;
        for (const auto& row : r->rows()) got.push_back(RowText(row));
        std::vector<std::string> want = b.expected;
        if (b.arg == "rowsort") {
          std::sort(got.begin(), got.end());
          std::sort(want.begin(), want.end());
        }
        if (got != want) {
          std::cerr << where << ": wrong result\n  expected:\n";
          for (const auto& w : want) std::cerr << "    " << w << "\n";
          std::cerr << "  got:\n";
          for (const auto& g : got) std::cerr << "    " << g << "\n";
          ++failures;
        }
        continue;
      }
      std::cerr << where << ": unknown block '" << b.kind << "'\n";
      ++failures;
    }
  }
  std::cout << cases << " cases, " << failures << " failures\n";
  return failures ? 1 : 0;
}

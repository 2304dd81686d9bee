// The Gherkin reader (see gherkin.h): one pass over the lines, then outline expansion.
#include "tests/tck/gherkin.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace pactgraph::tck {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool StartsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

// Splits a table row "| a | b\|c |" into unescaped cells.
bool SplitRow(const std::string& row, std::vector<std::string>* cells) {
  cells->clear();
  if (row.empty() || row[0] != '|') return false;
  std::string cell;
  bool open = false;
  for (size_t i = 1; i < row.size(); ++i) {
    char c = row[i];
    if (c == '\\' && i + 1 < row.size()) {
      char n = row[i + 1];
      if (n == '|' || n == '\\') {
        cell += n;
        ++i;
        continue;
      }
      if (n == 'n') {
        cell += '\n';
        ++i;
        continue;
      }
      cell += c;
      continue;
    }
    if (c == '|') {
      cells->push_back(Trim(cell));
      cell.clear();
      open = false;
      continue;
    }
    cell += c;
    open = true;
  }
  return !open || Trim(cell).empty();
}

// One left-to-right pass, so a value that itself contains "<…>" (a pattern such as
// (a)<-[r]-(b)) is never substituted again.
std::string Substitute(const std::string& s, const std::map<std::string, std::string>& values) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      size_t close = s.find('>', i + 1);
      if (close != std::string::npos) {
        auto it = values.find(s.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += s[i];
  }
  return out;
}

struct Outline {
  Scenario base;
  struct Examples {
    std::vector<std::string> tags;
    std::vector<std::vector<std::string>> rows;  // rows[0] is the header
  };
  std::vector<Examples> examples;
};

}  // namespace

bool Scenario::HasTag(const std::string& tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::string Scenario::Id() const {
  std::string id = feature_path + ": " + name;
  if (example > 0) id += " #" + std::to_string(example);
  return id;
}

bool ParseFeature(const std::string& text, const std::string& relative_path,
                  std::vector<Scenario>* out, std::string* error) {
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  auto fail = [&](size_t i, const std::string& what) {
    *error = relative_path + ":" + std::to_string(i + 1) + ": " + what;
    return false;
  };
  std::vector<Step> background;
  std::vector<Step>* steps = nullptr;  // where steps go: background or the current scenario
  std::vector<std::string> pending_tags;
  std::vector<Outline> scenarios;  // plain scenarios are outlines without examples
  bool in_outline = false;
  Outline::Examples* examples = nullptr;
  std::vector<std::vector<std::string>>* table = nullptr;  // the table being read
  size_t table_width = 0;

  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '|') {
      std::vector<std::string> cells;
      if (!SplitRow(line, &cells)) return fail(i, "table row does not end with '|'");
      if (!table) return fail(i, "table row outside a step or Examples");
      if (!table->empty() && cells.size() != table_width) {
        return fail(i, "table row has " + std::to_string(cells.size()) + " cells, expected " +
                           std::to_string(table_width));
      }
      table_width = cells.size();
      table->push_back(std::move(cells));
      continue;
    }
    table = nullptr;
    if (StartsWith(line, "\"\"\"")) {
      if (!steps || steps->empty()) return fail(i, "doc string outside a step");
      const size_t indent = lines[i].find("\"\"\"");
      std::string doc;
      size_t j = i + 1;
      for (; j < lines.size() && Trim(lines[j]) != "\"\"\""; ++j) {
        std::string l = lines[j];
        size_t strip = 0;
        while (strip < indent && strip < l.size() && (l[strip] == ' ' || l[strip] == '\t')) {
          ++strip;
        }
        if (!doc.empty() || j > i + 1) doc += "\n";
        doc += l.substr(strip);
      }
      if (j >= lines.size()) return fail(i, "unterminated doc string");
      steps->back().doc = doc;
      steps->back().has_doc = true;
      i = j;
      continue;
    }
    if (line[0] == '@') {
      std::istringstream words(line);
      for (std::string w; words >> w;) pending_tags.push_back(w);
      continue;
    }
    if (StartsWith(line, "Feature:")) {
      pending_tags.clear();
      continue;
    }
    if (StartsWith(line, "Background:")) {
      steps = &background;
      continue;
    }
    const bool outline =
        StartsWith(line, "Scenario Outline:") || StartsWith(line, "Scenario Template:");
    if (outline || StartsWith(line, "Scenario:")) {
      Outline o;
      o.base.feature_path = relative_path;
      o.base.name = Trim(line.substr(line.find(':') + 1));
      o.base.line = static_cast<int>(i + 1);
      o.base.tags = std::move(pending_tags);
      pending_tags.clear();
      o.base.steps = background;
      scenarios.push_back(std::move(o));
      steps = &scenarios.back().base.steps;
      in_outline = outline;
      examples = nullptr;
      continue;
    }
    if (StartsWith(line, "Examples:") || StartsWith(line, "Scenarios:")) {
      if (scenarios.empty() || !in_outline) return fail(i, "Examples outside a Scenario Outline");
      scenarios.back().examples.push_back({std::move(pending_tags), {}});
      pending_tags.clear();
      examples = &scenarios.back().examples.back();
      table = &examples->rows;
      table_width = 0;
      steps = nullptr;
      continue;
    }
    static const char* kKeywords[] = {"Given ", "When ", "Then ", "And ", "But "};
    bool is_step = false;
    for (const char* k : kKeywords) {
      if (!StartsWith(line, k)) continue;
      if (!steps) return fail(i, "step outside a scenario");
      Step s;
      s.line = static_cast<int>(i + 1);
      s.keyword = Trim(k);
      s.text = Trim(line.substr(std::string(k).size()));
      steps->push_back(std::move(s));
      table = &steps->back().table;
      table_width = 0;
      is_step = true;
      break;
    }
    if (!is_step) return fail(i, "unrecognised line: " + line);
  }

  for (auto& o : scenarios) {
    if (o.examples.empty()) {
      out->push_back(std::move(o.base));
      continue;
    }
    int n = 0;
    for (const auto& ex : o.examples) {
      if (ex.rows.empty()) continue;
      const auto& header = ex.rows[0];
      for (size_t r = 1; r < ex.rows.size(); ++r) {
        std::map<std::string, std::string> values;
        for (size_t c = 0; c < header.size(); ++c) values[header[c]] = ex.rows[r][c];
        Scenario s = o.base;
        s.example = ++n;
        s.tags.insert(s.tags.end(), ex.tags.begin(), ex.tags.end());
        for (auto& step : s.steps) {
          step.text = Substitute(step.text, values);
          step.doc = Substitute(step.doc, values);
          for (auto& row : step.table) {
            for (auto& cell : row) cell = Substitute(cell, values);
          }
        }
        out->push_back(std::move(s));
      }
    }
  }
  return true;
}

}  // namespace pactgraph::tck

// Reading article files (see article.h).
#include "engine/extract/article.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/extract/text.h"

namespace pactgraph::extract {

namespace fs = std::filesystem;

std::string LineColumn(const std::string& text, uint64_t offset) {
  uint64_t line = 1, col = 1;
  for (uint64_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

namespace {

std::string BaseName(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).filename().string();
}

bool HeaderKey(const std::string& line, std::string* key, std::string* value) {
  size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 12) return false;
  std::string k = line.substr(0, colon);
  for (char c : k) {
    if (!(c >= 'a' && c <= 'z') && c != '_') return false;
  }
  if (k != "title" && k != "date" && k != "source" && k != "author" && k != "url") return false;
  *key = k;
  size_t v = colon + 1;
  while (v < line.size() && line[v] == ' ') ++v;
  *value = line.substr(v);
  while (!value->empty() && (value->back() == '\r' || value->back() == ' ')) value->pop_back();
  return true;
}

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

}  // namespace pactgraph::extract

namespace pactgraph {

using namespace extract;  // NOLINT(google-build-using-namespace): this file's helpers

Status ParseArticleText(const std::string& path, const std::string& text, Article* out) {
  int64_t bad = FindInvalidUtf8(text);
  if (bad >= 0) {
    return Status::InvalidArgument(path + ":" + LineColumn(text, bad) + ": invalid UTF-8 (byte " +
                                   std::to_string(bad) + "), file skipped");
  }
  *out = Article();
  out->file = BaseName(path);
  size_t pos = 0;
  std::string key, value;
  // Header: key: value lines up to a blank line.
  size_t p = 0;
  bool header = false;
  while (p < text.size()) {
    size_t nl = text.find('\n', p);
    std::string line = text.substr(p, nl == std::string::npos ? std::string::npos : nl - p);
    if (!HeaderKey(line, &key, &value)) {
      if (header && Blank(line)) p = nl == std::string::npos ? text.size() : nl + 1;
      break;
    }
    header = true;
    if (key == "title") out->title = value;
    if (key == "date") out->date = value;
    if (key == "source" || key == "url") out->source = value;
    p = nl == std::string::npos ? text.size() : nl + 1;
  }
  if (header) pos = p;
  out->text = text.substr(pos);
  if (Blank(out->text)) return Status::InvalidArgument(path + ": empty article, skipped");
  return Status::OK();
}

}  // namespace pactgraph

namespace pactgraph::extract {

bool ParseJsonLine(const std::string& path, uint64_t line_no, const std::string& line, Article* out,
                   std::vector<InputProblem>* problems) {
  if (Blank(line)) return false;
  const std::string where = path + ":" + std::to_string(line_no);
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
    problems->push_back({path, where + ":1: not a JSON object with a \"text\" string, skipped"});
    return false;
  }
  Article a;
  a.file = BaseName(path) + ":" + std::to_string(line_no);
  a.text = j["text"];
  if (j.contains("title") && j["title"].is_string()) a.title = j["title"];
  if (j.contains("date") && j["date"].is_string()) a.date = j["date"];
  if (j.contains("source") && j["source"].is_string()) a.source = j["source"];
  if (Blank(a.text)) {
    problems->push_back({path, where + ": empty article, skipped"});
    return false;
  }
  *out = std::move(a);
  return true;
}

void ParseJsonLines(const std::string& path, const std::string& text, std::vector<Article>* out,
                    std::vector<InputProblem>* problems) {
  std::istringstream in(text);
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    Article a;
    if (ParseJsonLine(path, ++line_no, line, &a, problems)) out->push_back(std::move(a));
  }
}

}  // namespace pactgraph::extract

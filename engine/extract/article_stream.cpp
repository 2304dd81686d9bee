// Reading article inputs of every format as a stream (pactgraph/news_formats.h), and
// ReadArticles (pactgraph/ingest.h) on top of it.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>

#include "engine/extract/article.h"
#include "engine/extract/feed_reader.h"
#include "engine/extract/text.h"
#include "pactgraph/news_formats.h"

namespace pactgraph {

namespace fs = std::filesystem;

const char* ArticleFormatName(ArticleFormat format) {
  switch (format) {
    case ArticleFormat::kText:
      return "text";
    case ArticleFormat::kJsonLines:
      return "jsonl";
    case ArticleFormat::kHtml:
      return "html";
    case ArticleFormat::kFeed:
      return "feed";
  }
  return "text";
}

namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - n + i])) != suffix[i]) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The first element name of `head` past a BOM, white space, comments, the XML declaration and
// processing instructions; "!doctype html" for an HTML doctype.
std::string FirstElement(std::string_view head) {
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size()) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (i >= head.size() || head[i] != '<') return "";
    if (head.substr(i, 4) == "<!--") {
      const size_t end = head.find("-->", i);
      if (end == std::string_view::npos) return "";
      i = end + 3;
      continue;
    }
    if (head.substr(i, 2) == "<?") {
      const size_t end = head.find("?>", i);
      if (end == std::string_view::npos) return "";
      i = end + 2;
      continue;
    }
    const std::string tag = Lower(head.substr(i + 1, 14));
    if (tag.rfind("!doctype html", 0) == 0) return "!doctype html";
    if (tag.rfind("!doctype", 0) == 0) {
      const size_t end = head.find('>', i);
      if (end == std::string_view::npos) return "";
      i = end + 1;
      continue;
    }
    size_t j = i + 1;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == ':' || head[j] == '-')) {
      ++j;
    }
    return Lower(head.substr(i + 1, j - i - 1));
  }
  return "";
}

}  // namespace

ArticleFormat DetectArticleFormat(const std::string& path, std::string_view head) {
  if (EndsWith(path, ".jsonl")) return ArticleFormat::kJsonLines;
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) {
    return ArticleFormat::kHtml;
  }
  if (EndsWith(path, ".rss") || EndsWith(path, ".atom")) return ArticleFormat::kFeed;
  const std::string first = FirstElement(head);
  if (first == "rss" || first == "feed" || first == "rdf:rdf") return ArticleFormat::kFeed;
  if (first == "!doctype html" || first == "html") return ArticleFormat::kHtml;
  // JSON lines without the extension (a pipe): the first line is one {...} object.
  const size_t b = head.find_first_not_of(" \t\r\n");
  if (b != std::string_view::npos && head[b] == '{') {
    size_t nl = head.find('\n', b);
    std::string_view first =
        head.substr(b, nl == std::string_view::npos ? head.size() - b : nl - b);
    while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) first.remove_suffix(1);
    if (nl != std::string_view::npos && !first.empty() && first.back() == '}') {
      return ArticleFormat::kJsonLines;
    }
  }
  // An .xml file that is not a feed is read as one so that its error says so.
  if (EndsWith(path, ".xml")) return ArticleFormat::kFeed;
  return ArticleFormat::kText;
}

namespace {

std::string BaseName(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).filename().string();
}

bool Blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::string Head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// Text, jsonl and HTML inputs (and stdin of any format): read whole, under the size limit.
bool ReadWhole(const std::string& path, const ReadOptions& options, std::string* text,
               std::vector<InputProblem>* problems) {
  if (path == "-") {
    // Read in chunks so that an endless stream stops at the limit.
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      text->append(buf, static_cast<size_t>(std::cin.gcount()));
      if (text->size() > options.max_bytes) break;
    }
  } else {
    std::error_code ec;
    const uint64_t size = fs::file_size(path, ec);
    if (ec) {
      problems->push_back({path, path + ": cannot read: " + ec.message()});
      return false;
    }
    if (size > options.max_bytes) {
      problems->push_back({path, path + ": file of " + std::to_string(size) +
                                     " bytes is over the limit of " +
                                     std::to_string(options.max_bytes) +
                                     " bytes, refused (raise it with --max-bytes)"});
      return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      problems->push_back({path, path + ": cannot open"});
      return false;
    }
    text->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (text->size() > options.max_bytes) {
    problems->push_back({path, path + ": input over the limit of " +
                                   std::to_string(options.max_bytes) +
                                   " bytes, refused (raise it with --max-bytes)"});
    return false;
  }
  if (text->find('\0') != std::string::npos) {
    problems->push_back({path, path + ": binary file (NUL byte at offset " +
                                   std::to_string(text->find('\0')) + "), skipped"});
    return false;
  }
  if (Blank(*text)) {
    problems->push_back({path, path + ": empty file, skipped"});
    return false;
  }
  return true;
}

// A .jsonl file, streamed line by line in two passes: the first checks every line (NUL bytes,
// UTF-8, the size limit per line) so that a bad file gives nothing, the second parses.
bool ReadJsonLinesFile(const std::string& path, const ReadOptions& options,
                       const std::function<bool(Article&&)>& give,
                       std::vector<InputProblem>* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems->push_back({path, path + ": cannot open"});
    return true;
  }
  std::string line;
  uint64_t line_no = 0, offset = 0;
  bool any = false;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string where = path + ":" + std::to_string(line_no);
    if (line.size() > options.max_bytes) {
      problems->push_back({path, where + ": line of " + std::to_string(line.size()) +
                                     " bytes is over the limit of " +
                                     std::to_string(options.max_bytes) +
                                     " bytes, file skipped (raise it with --max-bytes)"});
      return true;
    }
    if (size_t nul = line.find('\0'); nul != std::string::npos) {
      problems->push_back({path, path + ": binary file (NUL byte at offset " +
                                     std::to_string(offset + nul) + "), skipped"});
      return true;
    }
    if (int64_t bad = extract::FindInvalidUtf8(line); bad >= 0) {
      problems->push_back({path, where + ":" + std::to_string(bad + 1) + ": invalid UTF-8 (byte " +
                                     std::to_string(offset + bad) + "), file skipped"});
      return true;
    }
    any = any || !Blank(line);
    offset += line.size() + 1;
  }
  if (!any) {
    problems->push_back({path, path + ": empty file, skipped"});
    return true;
  }
  in.clear();
  in.seekg(0);
  line_no = 0;
  while (std::getline(in, line)) {
    Article a;
    if (extract::ParseJsonLine(path, ++line_no, line, &a, problems) && !give(std::move(a))) {
      return false;
    }
  }
  return true;
}

// Returns false when the sink asked to stop.
bool ReadOne(const std::string& path, const ReadOptions& options, const ArticleSink& sink,
             std::vector<InputProblem>* problems) {
  using extract::FindInvalidUtf8;
  using extract::LineColumn;
  bool go_on = true;
  auto give = [&](Article&& a) {
    go_on = sink(std::move(a));
    return go_on;
  };
  const ArticleFormat format = DetectArticleFormat(path, path == "-" ? "" : Head(path));
  if (format == ArticleFormat::kFeed && path != "-") {
    extract::FeedInput in;
    in.file = true;
    in.path = path;
    in.name = BaseName(path);
    extract::RunFeed(in, options, give, problems);
    return go_on;
  }
  if (format == ArticleFormat::kJsonLines && path != "-") {
    return ReadJsonLinesFile(path, options, give, problems);
  }
  std::string text;
  if (!ReadWhole(path, options, &text, problems)) return true;
  const ArticleFormat sniffed = path == "-" ? DetectArticleFormat(path, text) : format;
  if (sniffed == ArticleFormat::kFeed) {
    extract::FeedInput in;
    in.name = BaseName(path);
    in.bytes = text;
    extract::RunFeed(in, options, give, problems);
    return go_on;
  }
  if (sniffed == ArticleFormat::kHtml) {
    Article a;
    if (Status st = ParseHtmlArticle(path, text, &a); !st.ok()) {
      problems->push_back({path, st.message()});
      return true;
    }
    return give(std::move(a));
  }
  if (sniffed == ArticleFormat::kJsonLines) {
    int64_t bad = FindInvalidUtf8(text);
    if (bad >= 0) {
      problems->push_back({path, path + ":" + LineColumn(text, bad) + ": invalid UTF-8 (byte " +
                                     std::to_string(bad) + "), file skipped"});
      return true;
    }
    std::vector<Article> lines;
    extract::ParseJsonLines(path, text, &lines, problems);
    for (Article& a : lines) {
      if (!give(std::move(a))) return false;
    }
    return true;
  }
  Article a;
  if (Status st = ParseArticleText(path, text, &a); !st.ok()) {
    problems->push_back({path, st.message()});
    return true;
  }
  return give(std::move(a));
}

// A RocksDB (pactgraph) database directory: CURRENT and IDENTITY side by side.
bool IsDatabaseDirectory(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "CURRENT", ec) && fs::is_regular_file(dir / "IDENTITY", ec);
}

}  // namespace

void ForEachArticle(const std::vector<std::string>& paths, const ReadOptions& options,
                    const ArticleSink& sink, std::vector<InputProblem>* problems) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        // A database inside the tree (the default ./pactgraph.db under `ingest .`) holds
        // RocksDB's own files (LOG, OPTIONS, MANIFEST…), never articles: skipped whole.
        if (it->is_directory() && IsDatabaseDirectory(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        if (!ReadOne(f, options, sink, problems)) return;
      }
      continue;
    }
    if (path != "-" && !fs::exists(path, ec)) {
      problems->push_back({path, path + ": no such file or directory"});
      continue;
    }
    if (!ReadOne(path, options, sink, problems)) return;
  }
}

void ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options,
                  std::vector<Article>* out, std::vector<InputProblem>* problems) {
  ForEachArticle(
      paths, options,
      [out](Article&& a) {
        out->push_back(std::move(a));
        return true;
      },
      problems);
}

}  // namespace pactgraph

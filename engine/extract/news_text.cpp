// Helpers of the HTML and feed readers (see news_text.h).
#include "engine/extract/news_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "engine/extract/article.h"
#include "pactgraph/news_formats.h"

namespace pactgraph::extract {

namespace {

bool Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int MonthOf(std::string_view word) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string w;
  for (size_t i = 0; i < 3; ++i)
    w += static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m]) return m + 1;
  }
  return 0;
}

std::string Two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string IsoDate(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  std::string_view s = text.substr(b);
  if (Digits(s, 0, 4) && s.size() >= 7 && s[4] == '-' && Digits(s, 5, 2)) {
    const int month = std::stoi(std::string(s.substr(5, 2)));
    if (month < 1 || month > 12) return "";
    if (s.size() >= 10 && s[7] == '-' && Digits(s, 8, 2)) {
      const int day = std::stoi(std::string(s.substr(8, 2)));
      if (day < 1 || day > 31) return "";
      return std::string(s.substr(0, 10));
    }
    return std::string(s.substr(0, 7));
  }
  // RFC 822 / 2822: [Day,] D Mon YYYY …
  int day = 0, month = 0, year = 0;
  size_t i = 0;
  while (i < s.size() && (day == 0 || month == 0 || year == 0)) {
    while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',')) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != ',') ++j;
    std::string_view word = s.substr(i, j - i);
    if (word.empty()) break;
    if (Digits(word, 0, word.size()) && word.size() <= 2 && day == 0) {
      day = std::stoi(std::string(word));
    } else if (Digits(word, 0, word.size()) && word.size() == 4 && year == 0) {
      year = std::stoi(std::string(word));
    } else if (month == 0 && MonthOf(word) != 0 &&
               !std::isdigit(static_cast<unsigned char>(word[0]))) {
      month = MonthOf(word);
    } else if (word.find(':') != std::string_view::npos) {
      break;  // the time: the date is over
    }
    i = j;
  }
  if (day < 1 || day > 31 || month == 0 || year < 1000) return "";
  return std::to_string(year) + "-" + Two(month) + "-" + Two(day);
}

void AppendCollapsed(std::string_view text, std::string* out) {
  bool space = !out->empty() && out->back() == ' ';
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool nbsp =
        c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (std::isspace(c) || nbsp) {
      if (nbsp) ++i;
      if (!out->empty() && !space) {
        out->push_back(' ');
        space = true;
      }
      continue;
    }
    out->push_back(static_cast<char>(c));
    space = false;
  }
}

namespace {

bool IsOneOf(const std::string& name, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (name == n) return true;
  }
  return false;
}

// Position of "</name" (any case) at or after `from`, or npos.
size_t FindEndTag(std::string_view s, const std::string& name, size_t from) {
  for (size_t p = s.find("</", from); p != std::string_view::npos; p = s.find("</", p + 2)) {
    if (p + 2 + name.size() > s.size()) return std::string_view::npos;
    bool match = true;
    for (size_t k = 0; k < name.size() && match; ++k) {
      match = std::tolower(static_cast<unsigned char>(s[p + 2 + k])) == name[k];
    }
    if (match) return p;
  }
  return std::string_view::npos;
}

}  // namespace

Status CheckHtmlDepth(const std::string& path, std::string_view s) {
  std::vector<std::string> open;
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      const size_t end = s.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (s[lt + 1] == '!' || s[lt + 1] == '?') {
      const size_t gt = s.find('>', lt);
      if (gt == std::string_view::npos) break;
      i = gt + 1;
      continue;
    }
    const bool close = s[lt + 1] == '/';
    size_t p = lt + 1 + (close ? 1 : 0);
    std::string name;
    while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) || s[p] == '-' ||
                            s[p] == ':' || s[p] == '_')) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[p])));
      ++p;
    }
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
      i = lt + 1;
      continue;
    }
    // The end of the tag, past quoted attribute values.
    char quote = 0;
    while (p < s.size() && (quote != 0 || s[p] != '>')) {
      if (quote != 0) {
        if (s[p] == quote) quote = 0;
      } else if ((s[p] == '"' || s[p] == '\'') && p > 0 && s[p - 1] == '=') {
        quote = s[p];
      }
      ++p;
    }
    i = p + 1;
    if (close) {
      auto it = std::find(open.rbegin(), open.rend(), name);
      if (it != open.rend()) open.erase(std::next(it).base(), open.end());
      continue;
    }
    if (IsOneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "template"})) {
      const size_t end = FindEndTag(s, name, i);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (IsOneOf(name,
                {"area",  "base",  "br",    "col",      "embed",   "hr",  "img",    "input",
                 "link",  "meta",  "param", "source",   "track",   "wbr", "keygen", "p",
                 "li",    "dt",    "dd",    "tr",       "td",      "th",  "option", "optgroup",
                 "thead", "tbody", "tfoot", "colgroup", "caption", "rb",  "rt",     "rp",
                 "html",  "head",  "body",  "plaintext"})) {
      continue;
    }
    open.push_back(name);
    if (static_cast<int>(open.size()) > kMaxHtmlDepth) {
      return Status::InvalidArgument(path + ":" + LineColumn(std::string(s.substr(0, lt + 1)), lt) +
                                     ": HTML elements nested deeper than " +
                                     std::to_string(kMaxHtmlDepth) + " (<" + name +
                                     "> here), page refused");
    }
  }
  return Status::OK();
}

}  // namespace pactgraph::extract

// The one result writer of the CLI and the shell (see support_format.h).
#include "tools/support_format.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

namespace pactgraph::tools {
namespace {

int CodePointWidth(UChar32 c) {
  if (c == 0x200B || c == 0x200D) return 0;
  int8_t cat = static_cast<int8_t>(u_charType(c));
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) return 0;
  if (cat == U_CONTROL_CHAR) return 0;
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

std::string Sanitize(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

bool IsNumeric(const Value& v) { return v.is_int() || v.is_float(); }

std::string CsvField(const Value& v) {
  if (v.is_null()) return "";
  std::string s = v.is_string() ? v.as_string()
                  : (v.is_list() || v.is_map() || v.is_node() || v.is_rel() || v.is_path())
                      ? v.ToJson()
                      : CellText(v);
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string JsonRow(const QueryResult& r, size_t i) {
  std::string s = "{";
  for (size_t c = 0; c < r.columns().size(); ++c) {
    if (c) s += ",";
    s += nlohmann::json(r.columns()[c])
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         ":" + r.row(i)[c].ToJson();
  }
  return s + "}";
}

std::string MarkdownCell(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '|') o += '\\';
    o += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return o;
}

std::string Footer(const QueryResult& r, size_t shown, const RenderOptions& o) {
  char buf[128];
  std::string s = shown < r.size() ? "showing " + std::to_string(shown) + " of " : "";
  s += std::to_string(r.size()) + (r.size() == 1 ? " row" : " rows");
  if (o.timer) {
    std::snprintf(buf, sizeof(buf), ", %.1f ms", r.stats().elapsed_ms);
    s += buf;
  }
  if (shown < r.size()) s += "; :maxrows N to see more";
  return "(" + s + ")";
}

// One block per row: sqlite3's line mode (`line`) or psql's expanded records (`vertical`).
void WriteVertical(std::ostream& out, const QueryResult& r, size_t shown, const RenderOptions& o,
                   bool records) {
  const auto& cols = r.columns();
  size_t name_width = 0;
  std::vector<std::string> names;
  for (const auto& c : cols) {
    names.push_back(FitToWidth(Sanitize(c), o.max_cell_width));
    name_width = std::max(name_width, DisplayWidth(names.back()));
  }
  // A value takes the rest of the terminal line (or the cell limit).
  size_t value_width = SIZE_MAX;
  if (o.terminal_width > name_width + 3 + 8) value_width = o.terminal_width - name_width - 3;
  std::vector<std::vector<std::string>> cells(shown);
  size_t widest = 0;
  for (size_t i = 0; i < shown; ++i) {
    for (size_t c = 0; c < cols.size(); ++c) {
      cells[i].push_back(FitToWidth(Sanitize(CellText(r.row(i)[c])), value_width));
      widest = std::max(widest, DisplayWidth(cells[i].back()));
    }
  }
  for (size_t i = 0; i < shown; ++i) {
    const std::vector<std::string>& values = cells[i];
    if (records) {
      // psql's rule: as long as the longest line.
      std::string head = "-[ RECORD " + std::to_string(i + 1) + " ]";
      size_t rule = std::max(name_width + 3 + widest, DisplayWidth(head) + 1);
      out << (o.color ? "\033[2m" : "") << head << std::string(rule - DisplayWidth(head), '-')
          << (o.color ? "\033[0m" : "") << "\n";
    } else if (i > 0) {
      out << "\n";
    }
    for (size_t c = 0; c < cols.size(); ++c) {
      std::string pad(name_width - DisplayWidth(names[c]), ' ');
      std::string name = o.color ? "\033[1m" + names[c] + "\033[0m" : names[c];
      if (records) {
        out << name << pad << " | " << values[c] << "\n";
      } else {
        out << pad << name << " = " << values[c] << "\n";
      }
    }
  }
}

void WriteTable(std::ostream& out, const QueryResult& r, size_t shown, const RenderOptions& o) {
  const auto& cols = r.columns();
  if (cols.empty()) return;
  std::vector<size_t> width(cols.size());
  std::vector<bool> numeric(cols.size(), true);
  std::vector<std::vector<std::string>> cells(shown);
  for (size_t c = 0; c < cols.size(); ++c) {
    width[c] = DisplayWidth(FitToWidth(Sanitize(cols[c]), o.max_cell_width));
  }
  for (size_t i = 0; i < shown; ++i) {
    for (size_t c = 0; c < cols.size(); ++c) {
      const Value& v = r.row(i)[c];
      if (!IsNumeric(v) && !v.is_null()) numeric[c] = false;
      cells[i].push_back(FitToWidth(Sanitize(CellText(v)), o.max_cell_width));
      width[c] = std::max(width[c], DisplayWidth(cells[i].back()));
    }
  }
  size_t total = 1;
  for (size_t w : width) total += w + 3;
  if (o.terminal_width > 0 && total > o.terminal_width) {
    WriteVertical(out, r, shown, o, /*records=*/true);  // too wide for the terminal
    return;
  }
  auto rule = [&](const char* left, const char* mid, const char* right) {
    out << left;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (c) out << mid;
      for (size_t k = 0; k < width[c] + 2; ++k) out << "─";
    }
    out << right << "\n";
  };
  auto line = [&](const std::vector<std::string>& v, bool header) {
    out << "│";
    for (size_t c = 0; c < v.size(); ++c) {
      std::string pad(width[c] - DisplayWidth(v[c]), ' ');
      std::string text = header && o.color ? "\033[1m" + v[c] + "\033[0m" : v[c];
      out << " " << (!header && numeric[c] ? pad + text : text + pad) << " │";
    }
    out << "\n";
  };
  std::vector<std::string> head;
  for (const auto& c : cols) head.push_back(FitToWidth(Sanitize(c), o.max_cell_width));
  rule("┌", "┬", "┐");
  line(head, true);
  rule("├", "┼", "┤");
  for (const auto& row : cells) line(row, false);
  rule("└", "┴", "┘");
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "markdown" || name == "md") return OutputFormat::kMarkdown;
  if (name == "line") return OutputFormat::kLine;
  if (name == "vertical") return OutputFormat::kVertical;
  return Status::InvalidArgument(
      "unknown format '" + std::string(name) +
      "' (expected table, json, jsonl, csv, markdown, line or vertical)");
}

const char* OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kJsonl:
      return "jsonl";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kMarkdown:
      return "markdown";
    case OutputFormat::kLine:
      return "line";
    case OutputFormat::kVertical:
      return "vertical";
  }
  return "table";
}

size_t TerminalColumns(int fd) {
  winsize ws{};
  if (::isatty(fd) == 0 || ::ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

std::string CellText(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_date()) return v.as_date().ToString();
  return v.ToString();
}

Value ParseParamValue(const std::string& text) {
  if (text.rfind("date:", 0) == 0) {
    if (auto d = Date::Parse(text.substr(5))) return Value(*d);
  }
  Result<Value> json = Value::FromJson(text);
  return json.ok() ? *json : Value(text);
}

size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    width += c < 0 ? 1 : CodePointWidth(c);
  }
  return width;
}

std::string FitToWidth(std::string_view s, size_t max_width) {
  if (DisplayWidth(s) <= max_width) return std::string(s);
  size_t width = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    size_t w = c < 0 ? 1 : CodePointWidth(c);
    if (width + w + 1 > max_width) return std::string(s.substr(0, start)) + "…";
    width += w;
  }
  return std::string(s);
}

void RenderResult(std::ostream& out, const QueryResult& r, const RenderOptions& o) {
  const size_t shown = o.max_rows == 0 ? r.size() : std::min(r.size(), o.max_rows);
  std::ostream& notes = o.notes ? *o.notes : out;
  const auto& cols = r.columns();
  switch (o.format) {
    case OutputFormat::kTable:
      if (cols.empty()) return;
      WriteTable(out, r, shown, o);
      out << (o.color ? "\033[2m" : "") << Footer(r, shown, o) << (o.color ? "\033[0m" : "")
          << "\n";
      return;
    case OutputFormat::kLine:
    case OutputFormat::kVertical:
      if (cols.empty()) return;
      WriteVertical(out, r, shown, o, o.format == OutputFormat::kVertical);
      out << (o.color ? "\033[2m" : "") << Footer(r, shown, o) << (o.color ? "\033[0m" : "")
          << "\n";
      return;
    case OutputFormat::kJson:
      out << "[";
      for (size_t i = 0; i < shown; ++i) out << (i ? ",\n " : "") << JsonRow(r, i);
      out << "]\n";
      break;
    case OutputFormat::kJsonl:
      for (size_t i = 0; i < shown; ++i) out << JsonRow(r, i) << "\n";
      break;
    case OutputFormat::kCsv:
      for (size_t c = 0; c < cols.size(); ++c) out << (c ? "," : "") << CsvField(Value(cols[c]));
      out << "\n";
      for (size_t i = 0; i < shown; ++i) {
        for (size_t c = 0; c < cols.size(); ++c) out << (c ? "," : "") << CsvField(r.row(i)[c]);
        out << "\n";
      }
      break;
    case OutputFormat::kMarkdown:
      out << "|";
      for (const auto& c : cols) out << " " << MarkdownCell(c) << " |";
      out << "\n|";
      for (size_t c = 0; c < cols.size(); ++c) out << " --- |";
      out << "\n";
      for (size_t i = 0; i < shown; ++i) {
        out << "|";
        for (const auto& v : r.row(i)) out << " " << MarkdownCell(CellText(v)) << " |";
        out << "\n";
      }
      if (shown < r.size() || o.timer) out << "\n" << Footer(r, shown, o) << "\n";
      return;
  }
  if (shown < r.size() || o.timer) notes << Footer(r, shown, o) << "\n";
}

}  // namespace pactgraph::tools

// Result formatting for the CLI (see support_format.h).
#include "tools/support_format.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace pactgraph::tools {
namespace {

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string CsvField(const Value& v) {
  if (v.is_null()) return "";
  std::string s = v.is_string() ? v.as_string()
                  : (v.is_list() || v.is_map() || v.is_node() || v.is_rel() || v.is_path())
                      ? v.ToJson()
                  : v.is_date() ? v.as_date().ToString()
                                : v.ToString();
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
    s += nlohmann::json(r.columns()[c]).dump() + ":" + r.row(i)[c].ToJson();
  }
  return s + "}";
}

Value FromJson(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return Value();
    case nlohmann::json::value_t::boolean:
      return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return Value(j.get<int64_t>());
    case nlohmann::json::value_t::number_float:
      return Value(j.get<double>());
    case nlohmann::json::value_t::string:
      return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      ValueList l;
      for (const auto& e : j) l.push_back(FromJson(e));
      return Value(std::move(l));
    }
    case nlohmann::json::value_t::object: {
      ValueMap m;
      for (auto it = j.begin(); it != j.end(); ++it) m[it.key()] = FromJson(it.value());
      return Value(std::move(m));
    }
    default:
      return Value();
  }
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "markdown" || name == "md") return OutputFormat::kMarkdown;
  return Status::InvalidArgument("unknown format '" + std::string(name) +
                                 "' (expected table, json, jsonl, csv or markdown)");
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
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Value(text);
  return FromJson(j);
}

void WriteResult(std::ostream& out, const QueryResult& r, OutputFormat format) {
  const auto& cols = r.columns();
  switch (format) {
    case OutputFormat::kJson: {
      out << "[";
      for (size_t i = 0; i < r.size(); ++i) out << (i ? ",\n " : "") << JsonRow(r, i);
      out << "]\n";
      return;
    }
    case OutputFormat::kJsonl:
      for (size_t i = 0; i < r.size(); ++i) out << JsonRow(r, i) << "\n";
      return;
    case OutputFormat::kCsv: {
      for (size_t c = 0; c < cols.size(); ++c) out << (c ? "," : "") << CsvField(Value(cols[c]));
      out << "\n";
      for (const auto& row : r.rows()) {
        for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << CsvField(row[c]);
        out << "\n";
      }
      return;
    }
    case OutputFormat::kMarkdown: {
      auto esc = [](std::string s) {
        std::string o;
        for (char c : s) {
          if (c == '|') o += '\\';
          o += c == '\n' ? ' ' : c;
        }
        return o;
      };
      out << "|";
      for (const auto& c : cols) out << " " << esc(c) << " |";
      out << "\n|";
      for (size_t c = 0; c < cols.size(); ++c) out << " --- |";
      out << "\n";
      for (const auto& row : r.rows()) {
        out << "|";
        for (const auto& v : row) out << " " << esc(CellText(v)) << " |";
        out << "\n";
      }
      return;
    }
    case OutputFormat::kTable: {
      if (cols.empty()) return;
      std::vector<size_t> width(cols.size());
      std::vector<std::vector<std::string>> cells;
      for (size_t c = 0; c < cols.size(); ++c) width[c] = DisplayWidth(cols[c]);
      for (const auto& row : r.rows()) {
        cells.emplace_back();
        for (size_t c = 0; c < row.size(); ++c) {
          std::string t = CellText(row[c]);
          std::replace(t.begin(), t.end(), '\n', ' ');
          width[c] = std::max(width[c], DisplayWidth(t));
          cells.back().push_back(std::move(t));
        }
      }
      auto line = [&](const std::vector<std::string>& v) {
        for (size_t c = 0; c < v.size(); ++c) {
          out << (c ? " | " : "") << v[c];
          if (c + 1 < v.size()) out << std::string(width[c] - DisplayWidth(v[c]), ' ');
        }
        out << "\n";
      };
      line(cols);
      for (size_t c = 0; c < cols.size(); ++c) {
        out << (c ? "-+-" : "") << std::string(width[c], '-');
      }
      out << "\n";
      for (const auto& row : cells) line(row);
      out << "(" << r.size() << (r.size() == 1 ? " row)\n" : " rows)\n");
      return;
    }
  }
}

}  // namespace pactgraph::tools

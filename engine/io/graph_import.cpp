#include "engine/io/graph_import.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_map>

#include "engine/io/csv_columns.h"
#include "engine/io/csv_reader.h"
#include "engine/io/node_matching.h"
#include "util/batch_queue.h"
#include "util/value_json.h"

namespace pactgraph::io {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct PendingNode {
  std::string file_id;
  std::vector<std::string> labels;
  ValueMap props;
};
struct PendingEdge {
  uint64_t src, dst;  // indexes into the node list
  std::string type;
  ValueMap props;
};
struct Parsed {
  std::vector<PendingNode> nodes;
  std::vector<PendingEdge> edges;
};

Status Bad(const std::string& where, const std::string& what) {
  return Status::InvalidArgument(where + ": " + what);
}

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> ParseDouble(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string tmp(s);
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(tmp.c_str(), &end);
  if (end != tmp.c_str() + tmp.size() || errno == ERANGE || !std::isfinite(d)) return std::nullopt;
  // Reject hex floats, "inf", "nan" and leading spaces that strtod accepts.
  for (char c : s) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E')) {
      return std::nullopt;
    }
  }
  return d;
}

ValueList SplitList(std::string_view s) {
  ValueList out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(';', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = s.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(std::string(part));
    start = end + 1;
  }
  return out;
}

// Types the value of a known column, or reports why it cannot.
Status TypedCell(const std::string& column, std::string_view cell, Value* out, std::string* why) {
  if (IsTypedColumn(column)) {  // key:type (csv_columns.h)
    return TypeTypedCell(column, cell, out, why) ? Status::OK() : Status::InvalidArgument(*why);
  }
  if (column == "weight") {
    auto d = ParseDouble(cell);
    if (!d) {
      *why = "bad number '" + std::string(cell) + "' in column 'weight'";
      return Status::InvalidArgument(*why);
    }
    *out = Value(*d);
    return Status::OK();
  }
  if (column == "date") {
    auto d = Date::Parse(cell);
    if (!d) {
      *why = "bad date '" + std::string(cell) + "' in column 'date' (expected YYYY-MM-DD)";
      return Status::InvalidArgument(*why);
    }
    *out = Value(*d);
    return Status::OK();
  }
  if (column == "aliases" || column == "labels") {
    *out = Value(SplitList(cell));
    return Status::OK();
  }
  *out = InferValue(cell);
  return Status::OK();
}

Status LoadParsed(Database& db, Parsed& parsed, const ImportOptions& options,
                  const ImportProgress& progress, ImportSummary* summary) {
  auto start = Clock::now();
  PG_ASSIGN_OR_RETURN(auto loader, db.BeginBulkLoad());
  auto reader = db.NewReader();  // what the rows are matched against
  loader->Reserve(parsed.nodes.size(), parsed.edges.size());
  NodePlacer placer(*reader, *loader, options);
  NodeId prev = 0;
  bool ascending = true;
  for (const auto& n : parsed.nodes) {
    auto k = KeepableId(n.file_id);
    ascending = ascending && k && *k > prev;
    if (!ascending) break;
    prev = *k;
  }
  placer.Plan(ascending);
  std::vector<NodePlacer::Handle> handles(parsed.nodes.size());
  const uint64_t total = parsed.nodes.size() + parsed.edges.size();
  uint64_t done = 0;
  for (size_t i = 0; i < parsed.nodes.size(); ++i) {
    auto& n = parsed.nodes[i];
    PG_ASSIGN_OR_RETURN(handles[i],
                        placer.Place(n.file_id, std::move(n.labels), std::move(n.props)));
    if (progress && (++done & 0x3fff) == 0) progress("load", done, total);
  }
  std::vector<PendingNode>().swap(parsed.nodes);  // free before the SST phase needs memory
  PG_RETURN_IF_ERROR(placer.Flush());
  for (const auto& e : parsed.edges) {
    const NodeId src = placer.Resolve(handles[e.src]), dst = placer.Resolve(handles[e.dst]);
    PG_ASSIGN_OR_RETURN(bool matched, placer.MatchRelationship(src, dst, e.type, e.props));
    if (!matched) PG_RETURN_IF_ERROR(loader->AddRelationship(src, dst, e.type, e.props).status());
    if (progress && (++done & 0x3fff) == 0) progress("load", done, total);
  }
  if (summary) {
    summary->nodes = loader->pending_nodes();
    summary->relationships = loader->pending_relationships();
    placer.Fill(summary);
  }
  PG_RETURN_IF_ERROR(loader->Finish([&](uint64_t d, uint64_t t) {
    if (progress) progress("write", d, t);
  }));
  if (summary) summary->load_seconds = Seconds(start);
  return Status::OK();
}

// File-local node ids -> position in the node list. Canonical non-negative decimal ids (the
// common case: 0..N-1) live in a vector; any other string in a hash map.
class NodeIdIndex {
 public:
  // Returns the line of the first definition when `id` was already defined.
  std::optional<size_t> Insert(const std::string& id, uint64_t index, size_t line) {
    if (auto n = Dense(id)) {
      if (*n >= dense_.size()) {
        dense_.resize(std::min<size_t>(kDenseLimit, std::max<size_t>(*n + 1, dense_.size() * 2)),
                      kNone);
      }
      if (dense_[*n].first != kNone.first) return dense_[*n].second;
      dense_[*n] = {index, line};
      return std::nullopt;
    }
    auto [it, fresh] = sparse_.emplace(id, std::make_pair(index, line));
    if (!fresh) return it->second.second;
    return std::nullopt;
  }
  std::optional<uint64_t> Find(const std::string& id) const {
    if (auto n = Dense(id)) {
      if (*n < dense_.size() && dense_[*n].first != kNone.first) return dense_[*n].first;
      return std::nullopt;
    }
    auto it = sparse_.find(id);
    if (it == sparse_.end()) return std::nullopt;
    return it->second.first;
  }

 private:
  static constexpr std::pair<uint64_t, size_t> kNone{UINT64_MAX, 0};
  static constexpr uint64_t kDenseLimit = uint64_t{1} << 24;  // bounds the vector to 256 MiB
  static std::optional<uint64_t> Dense(const std::string& id) {
    if (id.empty() || id.size() > 8 || (id.size() > 1 && id[0] == '0')) return std::nullopt;
    uint64_t v = 0;
    for (char c : id) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    if (v >= kDenseLimit) return std::nullopt;
    return v;
  }
  std::vector<std::pair<uint64_t, size_t>> dense_;
  std::unordered_map<std::string, std::pair<uint64_t, size_t>> sparse_;
};

// Column name -> index, with required columns checked.
Status ReadHeader(CsvReader& csv, const std::vector<std::string>& required,
                  std::vector<std::string>* header,
                  std::unordered_map<std::string, size_t>* index) {
  if (!csv.Next(header)) {
    PG_RETURN_IF_ERROR(csv.status());
    return Bad(csv.name() + ":1:1", "empty file (expected a header row)");
  }
  for (size_t i = 0; i < header->size(); ++i) {
    std::string& h = (*header)[i];
    while (!h.empty() && h.back() == ' ') h.pop_back();
    while (!h.empty() && h.front() == ' ') h.erase(h.begin());
    if (h.empty()) return Bad(csv.Where(i), "empty column name in the header");
    std::string why;  // Neo4j's roles (:ID, :LABEL, …) name the structural columns
    if (!CanonicalColumn(h, &h, &why)) return Bad(csv.Where(i), why);
    if (h.empty()) h = ":IGNORE" + std::to_string(i);
    if (!index->emplace(h, i).second) return Bad(csv.Where(i), "duplicate column '" + h + "'");
  }
  for (const auto& r : required) {
    if (!index->count(r)) {
      std::string have;
      for (const auto& h : *header) have += (have.empty() ? "" : ",") + h;
      return Bad(csv.WhereLine(), "missing required column '" + r + "' (header is: " + have + ")");
    }
  }
  return Status::OK();
}

}  // namespace

std::string KindToLabel(std::string_view kind) {
  std::string out;
  bool upper = true;
  for (char c : kind) {
    if (c == '_' || c == ' ' || c == '-') {
      upper = true;
      continue;
    }
    out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return out;
}

std::string LabelToKind(std::string_view label) {
  std::string out;
  for (size_t i = 0; i < label.size(); ++i) {
    char c = label[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0) out.push_back('_');
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string TypeFromCsv(std::string_view type) {
  std::string out;
  for (char c : type) {
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(std::isalnum(u) ? static_cast<char>(std::toupper(u)) : (u >= 0x80 ? c : '_'));
  }
  return out;
}

std::string TypeToCsv(std::string_view type) {
  std::string out;
  for (char c : type) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

Value InferValue(std::string_view cell) {
  if (cell.empty()) return Value();
  if (auto i = ParseInt(cell)) return Value(*i);
  if (auto d = ParseDouble(cell)) return Value(*d);
  if (cell == "true") return Value(true);
  if (cell == "false") return Value(false);
  // Dates, times, date-times and durations as export writes them (ParseTemporalText).
  if (auto t = ParseTemporalText(cell)) return *t;
  return Value(std::string(cell));
}

}  // namespace pactgraph::io

namespace pactgraph {

// The public entry points (pactgraph/import_export.h) below use this file's helpers.
using namespace io;  // NOLINT(google-build-using-namespace)

// CSV rows stream straight into the bulk loader (which bounds its own memory by spilling
// sorted runs): only the file-id -> NodeId index is held for the whole import. Any error
// abandons the loader before Finish, so the database is left exactly as it was.
Status ImportCsv(Database& db, const std::string& nodes_path, const std::string& edges_path,
                 const ImportProgress& progress, ImportSummary* summary) {
  return ImportCsv(db, nodes_path, edges_path, ImportOptions(), progress, summary);
}

Status ImportJson(Database& db, const std::string& path, const ImportProgress& progress,
                  ImportSummary* summary) {
  return ImportJson(db, path, ImportOptions(), progress, summary);
}

Status ImportCsv(Database& db, const std::string& nodes_path, const std::string& edges_path,
                 const ImportOptions& options, const ImportProgress& progress,
                 ImportSummary* summary) {
  auto start = Clock::now();
  PG_ASSIGN_OR_RETURN(CsvReader nodes_csv, CsvReader::Open(nodes_path));
  std::optional<CsvReader> edges_csv;
  if (!edges_path.empty()) {
    PG_ASSIGN_OR_RETURN(CsvReader opened, CsvReader::Open(edges_path));
    edges_csv.emplace(std::move(opened));
  }
  PG_ASSIGN_OR_RETURN(auto loader, db.BeginBulkLoad());
  auto reader = db.NewReader();  // what the rows are matched against
  NodePlacer placer(*reader, *loader, options);
  {
    // A first pass over the id column: files whose ids are whole numbers in ascending order
    // (the usual case) stream; others are held and sorted (node_matching.h). Malformed files
    // are left to the main pass, which names the place.
    std::vector<std::string> header, row;
    std::unordered_map<std::string, size_t> col;
    bool ascending = ReadHeader(nodes_csv, {"id"}, &header, &col).ok();
    const size_t c_id = ascending ? col["id"] : 0;
    NodeId prev = 0;
    while (ascending && nodes_csv.Next(&row)) {
      auto k = row.size() > c_id ? KeepableId(row[c_id]) : std::nullopt;
      ascending = k && *k > prev;
      if (ascending) prev = *k;
    }
    placer.Plan(ascending);
    nodes_csv.Rewind();
  }
  const size_t node_lines = nodes_csv.CountLines(),
               edge_lines = edges_csv ? edges_csv->CountLines() : 0;
  loader->Reserve(node_lines, edge_lines);
  // Rows read, against the files' lines less their headers (a quoted field spanning lines
  // makes that an upper bound; the bar is completed at the end).
  const uint64_t rows_total =
      (node_lines > 0 ? node_lines - 1 : 0) + (edge_lines > 0 ? edge_lines - 1 : 0);
  NodeIdIndex id_index;  // file id -> NodeId
  uint64_t node_count = 0, edge_count = 0;
  {
    CsvReader& csv = nodes_csv;
    std::vector<std::string> header, row;
    std::unordered_map<std::string, size_t> col;
    PG_RETURN_IF_ERROR(ReadHeader(csv, {"id"}, &header, &col));
    const size_t c_id = col["id"];
    const size_t c_name = col.count("name") ? col["name"] : SIZE_MAX;
    const size_t c_kind = col.count("kind") ? col["kind"] : SIZE_MAX;
    const size_t c_labels = col.count("labels") ? col["labels"] : SIZE_MAX;
    PendingNode n;
    while (csv.Next(&row)) {
      if (row.size() != header.size()) {
        return Bad(csv.WhereLine(), "expected " + std::to_string(header.size()) +
                                        " fields, found " + std::to_string(row.size()));
      }
      if (row[c_id].empty()) return Bad(csv.Where(c_id), "empty node id");
      n.labels.clear();
      n.props.clear();
      if (c_labels != SIZE_MAX && !row[c_labels].empty()) {
        for (const auto& l : SplitList(row[c_labels])) n.labels.push_back(l.as_string());
      } else if (c_kind != SIZE_MAX && !row[c_kind].empty()) {
        n.labels.push_back(KindToLabel(row[c_kind]));
      }  // neither labels nor kind: a node without labels, as Cypher's CREATE () makes
      if (c_name != SIZE_MAX && !row[c_name].empty()) n.props["name"] = Value(row[c_name]);
      for (size_t i = 0; i < row.size(); ++i) {
        if (i == c_id || i == c_name || i == c_kind || i == c_labels || row[i].empty() ||
            header[i].starts_with(":IGNORE")) {
          continue;
        }
        std::string why;
        Value v;
        if (!TypedCell(header[i], row[i], &v, &why).ok()) return Bad(csv.Where(i), why);
        n.props[ColumnKey(header[i])] = std::move(v);
      }
      PG_ASSIGN_OR_RETURN(NodePlacer::Handle id,
                          placer.Place(row[c_id], std::move(n.labels), std::move(n.props)));
      if (auto first = id_index.Insert(row[c_id], id, csv.line())) {
        return Bad(csv.Where(c_id), "duplicate node id '" + row[c_id] +
                                        "' (first defined on line " + std::to_string(*first) + ")");
      }
      if (progress && (++node_count & 0x3fff) == 0) progress("parse", node_count, rows_total);
    }
    PG_RETURN_IF_ERROR(csv.status());
    PG_RETURN_IF_ERROR(placer.Flush());
    node_count = loader->pending_nodes();
  }
  if (edges_csv) {
    // Two stages on two cores: this thread's helper reads, types and resolves the rows; this
    // thread hands them to the loader (record encoding, key building) in file order, so ids
    // are assigned exactly as a single pass would. A parse error stops the reader after the
    // rows before it were loaded; a load error cancels the reader.
    struct EdgeRow {
      NodeId start, end;
      std::string type;
      ValueMap props;
    };
    constexpr size_t kBatchRows = 4096;
    BatchQueue<EdgeRow> queue(4);
    Status parse_status;
    std::thread reader([&] {
      parse_status = [&]() -> Status {
        CsvReader& csv = *edges_csv;
        std::vector<std::string> header, row;
        std::unordered_map<std::string, size_t> col;
        PG_RETURN_IF_ERROR(ReadHeader(csv, {"src", "dst", "type"}, &header, &col));
        const size_t c_src = col["src"], c_dst = col["dst"], c_type = col["type"];
        std::vector<EdgeRow> batch;
        batch.reserve(kBatchRows);
        while (csv.Next(&row)) {
          if (row.size() != header.size()) {
            return Bad(csv.WhereLine(), "expected " + std::to_string(header.size()) +
                                            " fields, found " + std::to_string(row.size()));
          }
          EdgeRow e;
          NodeId* ends[2] = {&e.start, &e.end};
          for (int k = 0; k < 2; ++k) {
            const size_t c = k == 0 ? c_src : c_dst;
            auto id = id_index.Find(row[c]);
            if (!id) {
              return Bad(csv.Where(c), "unknown node id '" + row[c] + "' in column '" + header[c] +
                                           "' (not in " + nodes_path + ")");
            }
            *ends[k] = placer.Resolve(*id);
          }
          if (row[c_type].empty()) return Bad(csv.Where(c_type), "empty relationship type");
          e.type = TypeFromCsv(row[c_type]);
          for (size_t i = 0; i < row.size(); ++i) {
            if (i == c_src || i == c_dst || i == c_type || row[i].empty() ||
                header[i].starts_with(":IGNORE")) {
              continue;
            }
            std::string why;
            Value v;
            if (!TypedCell(header[i], row[i], &v, &why).ok()) return Bad(csv.Where(i), why);
            e.props[ColumnKey(header[i])] = std::move(v);
          }
          batch.push_back(std::move(e));
          if (batch.size() == kBatchRows) {
            if (!queue.Push(std::move(batch))) return Status::OK();  // the loader gave up
            batch.clear();
            batch.reserve(kBatchRows);
          }
        }
        PG_RETURN_IF_ERROR(csv.status());
        if (!batch.empty()) queue.Push(std::move(batch));
        return Status::OK();
      }();
      queue.Close();
    });
    Status load_status;
    std::vector<EdgeRow> batch;
    while (load_status.ok() && queue.Pop(&batch)) {
      for (const EdgeRow& e : batch) {
        auto matched = placer.MatchRelationship(e.start, e.end, e.type, e.props);
        load_status = !matched.ok() ? matched.status()
                      : *matched
                          ? Status::OK()
                          : loader->AddRelationship(e.start, e.end, e.type, e.props).status();
        if (!load_status.ok()) {
          queue.Cancel();
          break;
        }
        if (progress && (++edge_count & 0x3fff) == 0) {
          progress("parse", node_count + edge_count, rows_total);
        }
      }
    }
    reader.join();
    PG_RETURN_IF_ERROR(load_status);  // on rows before any parse error: it came first
    PG_RETURN_IF_ERROR(parse_status);
    edge_count = loader->pending_relationships();
  }
  if (progress) progress("parse", rows_total, rows_total);
  if (summary) summary->parse_seconds = Seconds(start);
  auto load_start = Clock::now();
  PG_RETURN_IF_ERROR(loader->Finish([&](uint64_t d, uint64_t t) {
    if (progress) progress("write", d, t);
  }));
  if (summary) {
    summary->nodes = node_count;
    summary->relationships = edge_count;
    placer.Fill(summary);
    summary->load_seconds = Seconds(load_start);
  }
  return Status::OK();
}

}  // namespace pactgraph

namespace pactgraph::io {

namespace {

// Line of the start of element `index` of the top-level array `key`, found by a light scan of
// the JSON text (strings and escapes aware). 0 when not found.
size_t ElementLine(std::string_view text, std::string_view key, size_t index) {
  int depth = 0;
  bool in_string = false;
  size_t line = 1;
  std::string last_string;
  std::string current;
  bool in_target = false;
  size_t element = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '"') {
        in_string = false;
        last_string = current;
      } else {
        current.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      current.clear();
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      if (c == '[' && depth == 2 && last_string == key) in_target = true;
      if (in_target && depth == 3) {
        if (element == index) return line;
        ++element;
      }
    } else if (c == '}' || c == ']') {
      if (c == ']' && depth == 2) in_target = false;
      --depth;
    }
  }
  return 0;
}

// The longest JSON string (a name, a property value, a key) an import accepts: a 100 MB string
// is not a graph property, and parsing one costs seconds and several times its size in memory.
constexpr size_t kMaxJsonStringBytes = size_t{4} << 20;

// Offset of the opening quote of the first string longer than `max` bytes (escapes counted as
// written), or npos. A light scan of the text, before the parser builds anything.
size_t FindOverlongString(std::string_view text, size_t max) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '"') continue;
    const size_t open = i++;
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\\') ++i;
      ++i;
    }
    if (i - open - 1 > max) return open;
  }
  return std::string_view::npos;
}

std::string IdString(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer() || j.is_number_unsigned()) return j.dump();
  return "";
}

}  // namespace

}  // namespace pactgraph::io

namespace pactgraph {

Status ImportJson(Database& db, const std::string& path, const ImportOptions& options,
                  const ImportProgress& progress, ImportSummary* summary) {
  auto start = Clock::now();
  std::string text;
  PG_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Bad(path + ":1:1", "empty file (expected a JSON object with \"nodes\" and \"edges\")");
  }
  size_t line, col;
  if (size_t bad = FindInvalidUtf8(text); bad != std::string::npos) {
    LineColumn(text, bad, &line, &col);
    return Bad(path + ":" + std::to_string(line) + ":" + std::to_string(col), "invalid UTF-8");
  }
  if (size_t open = FindOverlongString(text, kMaxJsonStringBytes); open != std::string::npos) {
    LineColumn(text, open, &line, &col);
    return Bad(path + ":" + std::to_string(line) + ":" + std::to_string(col),
               "string longer than " + std::to_string(kMaxJsonStringBytes) +
                   " bytes (the limit for one JSON string)");
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text, nullptr, true, false);
  } catch (const nlohmann::json::parse_error& e) {
    size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    LineColumn(text, offset, &line, &col);
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    return Bad(path + ":" + std::to_string(line) + ":" + std::to_string(col),
               "malformed JSON: " + what);
  } catch (const nlohmann::json::exception& e) {  // out_of_range: a number such as 1e999
    return Bad(path, std::string("malformed JSON: ") + e.what());
  }
  if (!doc.is_object() || !doc.contains("nodes") || !doc["nodes"].is_array()) {
    return Bad(path + ":1:1", "expected an object with a \"nodes\" array (and an \"edges\" array)");
  }
  if (doc.contains("edges") && !doc["edges"].is_array()) {
    return Bad(path + ":" + std::to_string(ElementLine(text, "edges", 0)),
               "\"edges\" must be an array");
  }
  auto where = [&](const char* key, size_t i) {
    size_t l = ElementLine(text, key, i);
    return path + ":" + std::to_string(l ? l : 1) + ": " + key + "[" + std::to_string(i) + "]";
  };
  Parsed parsed;
  std::unordered_map<std::string, uint64_t> id_index;
  const auto& nodes = doc["nodes"];
  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    if (!n.is_object()) return Bad(where("nodes", i), "expected an object");
    std::string id = n.contains("id") ? IdString(n["id"]) : "";
    if (id.empty()) return Bad(where("nodes", i), "missing or bad \"id\" (a string or an integer)");
    if (!id_index.emplace(id, parsed.nodes.size()).second) {
      return Bad(where("nodes", i), "duplicate node id '" + id + "'");
    }
    PendingNode pn;
    pn.file_id = id;
    if (n.contains("labels")) {
      if (!n["labels"].is_array()) {
        return Bad(where("nodes", i), "\"labels\" must be an array of non-empty strings");
      }
      for (const auto& l : n["labels"]) {  // [] is a node without labels
        if (!l.is_string() || l.get<std::string>().empty()) {
          return Bad(where("nodes", i), "\"labels\" must be an array of non-empty strings");
        }
        pn.labels.push_back(l.get<std::string>());
      }
    } else if (n.contains("kind") && n["kind"].is_string() &&
               !n["kind"].get<std::string>().empty()) {
      pn.labels.push_back(KindToLabel(n["kind"].get<std::string>()));
    }  // neither "labels" nor "kind": a node without labels
    if (n.contains("name") && !n["name"].is_string()) {
      return Bad(where("nodes", i), "\"name\" must be a string");
    }
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string& k = it.key();
      if (k == "id" || k == "kind" || k == "labels") continue;
      if (k == "properties") {
        if (!it.value().is_object())
          return Bad(where("nodes", i), "\"properties\" must be an object");
        for (auto p = it.value().begin(); p != it.value().end(); ++p) {
          pn.props[p.key()] = JsonToValue(p.value(), /*iso_dates=*/true);
        }
        continue;
      }
      if (k == "name") {
        if (!it.value().get<std::string>().empty())
          pn.props[k] = Value(it.value().get<std::string>());
        continue;
      }
      pn.props[k] = JsonToValue(it.value(), /*iso_dates=*/true);
    }
    parsed.nodes.push_back(std::move(pn));
  }
  if (doc.contains("edges")) {
    const auto& edges = doc["edges"];
    for (size_t i = 0; i < edges.size(); ++i) {
      const auto& e = edges[i];
      if (!e.is_object()) return Bad(where("edges", i), "expected an object");
      PendingEdge pe;
      for (auto [key, target] : {std::pair{"src", &pe.src}, std::pair{"dst", &pe.dst}}) {
        std::string id = e.contains(key) ? IdString(e[key]) : "";
        if (id.empty()) return Bad(where("edges", i), std::string("missing \"") + key + "\"");
        auto it = id_index.find(id);
        if (it == id_index.end()) {
          return Bad(where("edges", i),
                     std::string("unknown node id '") + id + "' in \"" + key + "\"");
        }
        *target = it->second;
      }
      if (!e.contains("type") || !e["type"].is_string() || e["type"].get<std::string>().empty()) {
        return Bad(where("edges", i), "missing or empty \"type\"");
      }
      pe.type = TypeFromCsv(e["type"].get<std::string>());
      for (auto it = e.begin(); it != e.end(); ++it) {
        const std::string& k = it.key();
        if (k == "src" || k == "dst" || k == "type" || k == "id") continue;
        if (k == "properties") {
          if (!it.value().is_object())
            return Bad(where("edges", i), "\"properties\" must be an object");
          for (auto p = it.value().begin(); p != it.value().end(); ++p) {
            pe.props[p.key()] = JsonToValue(p.value(), /*iso_dates=*/true);
          }
          continue;
        }
        if (k == "weight" && !it.value().is_number()) {
          return Bad(where("edges", i), "\"weight\" must be a number");
        }
        pe.props[k] = JsonToValue(it.value(), /*iso_dates=*/true);
      }
      parsed.edges.push_back(std::move(pe));
    }
  }
  if (summary) summary->parse_seconds = Seconds(start);
  return LoadParsed(db, parsed, options, progress, summary);
}

}  // namespace pactgraph

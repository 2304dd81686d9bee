// CSV export in two header styles: pactgraph's (`id,name,kind` / `src,dst,type`, the columns
// GraphFrames expects, plus typed property columns) and Neo4j's admin-import headers. Both are
// read back by ImportCsv (csv_columns.h).
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "engine/io/csv_columns.h"
#include "engine/io/graph_export.h"
#include "engine/io/graph_import.h"

namespace pactgraph::io {
namespace {

struct Column {
  std::string key, type;
};

// One column per property key (sorted), typed by all the values it holds.
std::vector<Column> PropertyColumns(const std::vector<const ValueMap*>& maps,
                                    const std::set<std::string>& skip, bool neo4j) {
  std::map<std::string, std::vector<const Value*>> values;
  for (const ValueMap* m : maps) {
    for (const auto& [k, v] : *m) {
      if (!skip.count(k) && !v.is_null()) values[k].push_back(&v);
    }
  }
  std::vector<Column> out;
  for (const auto& [k, vs] : values) out.push_back({k, ColumnTypeFor(vs, neo4j)});
  return out;
}

void WriteHeader(std::ostream& out, const std::vector<std::string>& fixed,
                 const std::vector<Column>& columns) {
  bool first = true;
  for (const auto& f : fixed) {
    out << (first ? "" : ",") << CsvQuote(f);
    first = false;
  }
  for (const auto& c : columns) {
    out << (first ? "" : ",") << CsvQuote(c.key + ":" + c.type);
    first = false;
  }
  out << "\n";
}

void WriteProperties(std::ostream& out, const ValueMap& props, const std::vector<Column>& cols) {
  for (const auto& c : cols) {
    auto it = props.find(c.key);
    out << ",";
    if (it != props.end() && !it->second.is_null()) {
      out << CsvQuote(TypedCellText(it->second, c.type));
    }
  }
}

std::string JoinLabels(const std::vector<std::string>& labels) {
  std::string l;
  for (const auto& x : labels) l += (l.empty() ? "" : ";") + x;
  return l;
}

Status Open(const std::string& dir, const std::string& name, std::ofstream* f) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  f->open(dir + "/" + name, std::ios::trunc | std::ios::binary);
  if (!*f) return Status::IOError("cannot write " + dir + "/" + name);
  return Status::OK();
}

Status Close(std::ofstream& f, const std::string& path) {
  f.flush();
  return f ? Status::OK() : Status::IOError("write failed: " + path);
}

Status WriteFiles(const GraphReader& reader, const std::string& dir, bool neo4j) {
  Snapshot s;
  PG_RETURN_IF_ERROR(Collect(reader, &s));
  std::vector<const ValueMap*> node_maps, rel_maps;
  // One `kind` column suffices when every node has one label that kind names back exactly.
  bool kind_only = true;
  bool string_names = true;
  for (const auto& n : s.nodes) {
    node_maps.push_back(&n.properties);
    kind_only &= n.labels.size() == 1 && KindToLabel(LabelToKind(n.labels[0])) == n.labels[0];
    auto it = n.properties.find("name");
    string_names &= it == n.properties.end() || it->second.is_string();
  }
  for (const auto& r : s.rels) rel_maps.push_back(&r.properties);
  std::set<std::string> node_skip;
  if (!neo4j && string_names) node_skip.insert("name");
  const auto node_cols = PropertyColumns(node_maps, node_skip, neo4j);
  const auto rel_cols = PropertyColumns(rel_maps, {}, neo4j);

  std::ofstream nodes;
  PG_RETURN_IF_ERROR(Open(dir, "nodes.csv", &nodes));
  std::vector<std::string> fixed;
  if (neo4j) {
    fixed = {"id:ID", ":LABEL"};
  } else {
    fixed = {"id"};
    if (string_names) fixed.push_back("name");
    fixed.push_back(kind_only ? "kind" : "labels");
  }
  WriteHeader(nodes, fixed, node_cols);
  for (const auto& n : s.nodes) {
    nodes << CsvQuote(s.number.at(n.id));
    if (!neo4j && string_names) {
      auto it = n.properties.find("name");
      nodes << "," << (it == n.properties.end() ? "" : CsvQuote(it->second.as_string()));
    }
    nodes << "," << CsvQuote(neo4j || !kind_only ? JoinLabels(n.labels) : LabelToKind(n.labels[0]));
    WriteProperties(nodes, n.properties, node_cols);
    nodes << "\n";
  }
  PG_RETURN_IF_ERROR(Close(nodes, dir + "/nodes.csv"));

  const std::string rel_file = neo4j ? "relationships.csv" : "edges.csv";
  std::ofstream rels;
  PG_RETURN_IF_ERROR(Open(dir, rel_file, &rels));
  WriteHeader(rels,
              neo4j ? std::vector<std::string>{":START_ID", ":END_ID", ":TYPE"}
                    : std::vector<std::string>{"src", "dst", "type"},
              rel_cols);
  for (const auto& r : s.rels) {
    rels << CsvQuote(s.number.at(r.start)) << "," << CsvQuote(s.number.at(r.end)) << ","
         << CsvQuote(neo4j ? r.type : TypeToCsv(r.type));
    WriteProperties(rels, r.properties, rel_cols);
    rels << "\n";
  }
  return Close(rels, dir + "/" + rel_file);
}

}  // namespace
}  // namespace pactgraph::io

namespace pactgraph {

Status ExportCsv(const GraphReader& reader, const std::string& dir) {
  return io::WriteFiles(reader, dir, /*neo4j=*/false);
}

Status ExportNeo4j(const GraphReader& reader, const std::string& dir) {
  return io::WriteFiles(reader, dir, /*neo4j=*/true);
}

}  // namespace pactgraph

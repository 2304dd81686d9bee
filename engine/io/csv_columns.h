// engine/io/csv_columns.h — typed CSV headers, read and written.
//
// A header cell is either a plain name (`weight`, `date`, `aliases`: typed as before, see
// pactgraph/import_export.h) or `key:type`, which gives the property `key` the type `type`:
//   string, int (also long, short, byte), float (also double), boolean, date, localtime, time,
//   localdatetime, datetime, duration — one value;
//   any of those with `[]` (`aliases:string[]`) — a list, its elements ';'-separated;
//   json — any value as JSON text (maps, nested or mixed lists);
//   any — the value inferred from the text (integers, floats, true/false, ISO temporal text,
//   else a string), what a plain column of another name gets.
// Neo4j's import header roles are read too: `:ID` / `name:ID` (the node id), `:LABEL`
// (';'-separated labels), `:START_ID`, `:END_ID`, `:TYPE`, `:IGNORE`; they mean the columns
// id, labels, src, dst, type and nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::io {

// The structural name a Neo4j role stands for ("id", "labels", "src", "dst", "type", "" for
// :IGNORE), `header` itself otherwise. InvalidArgument text in `why` for an unknown type.
bool CanonicalColumn(std::string_view header, std::string* out, std::string* why);

// The property a typed header names ("weight:float" -> "weight"); the header when untyped.
std::string ColumnKey(std::string_view header);

// True when `header` carries a type suffix; then `cell` is typed by it into `out`, or
// false is returned from TypeTypedCell with `why` set.
bool IsTypedColumn(std::string_view header);
bool TypeTypedCell(std::string_view header, std::string_view cell, Value* out, std::string* why);

// Export: the type a column of these values gets (`neo4j`: only the types neo4j-admin reads;
// values it cannot hold become strings), and the cell text of one value under that type.
std::string ColumnTypeFor(const std::vector<const Value*>& values, bool neo4j);
std::string TypedCellText(const Value& v, std::string_view type);

}  // namespace pactgraph::io

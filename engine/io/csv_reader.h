// engine/io/csv_reader.h — a strict RFC 4180 CSV reader that reports file:line:column.
//
// The whole file is read and validated up front: it must be non-empty UTF-8 text without NUL
// bytes (a NUL means a binary file). Fields may be quoted ("a ""b"" c"), quoted fields may span
// lines; CRLF and LF both end records. Every error names file:line:column and what is wrong.
// A line or a field longer than kMaxLineBytes is refused (a 100 MB single line is not CSV); the
// line limit is checked while the file is read, so such a file is refused after reading at
// most that much of its last line.
// Cost: one pass over the file, fields are views into the buffer unless unescaping was needed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/io/input_file.h"
#include "pactgraph/status.h"
#include "util/utf8.h"  // FindInvalidUtf8

namespace pactgraph::io {

// Byte offset -> 1-based line and column (in bytes) of a text buffer.
void LineColumn(std::string_view text, size_t offset, size_t* line, size_t* column);
// Reads a regular file whole (ReadInputFile): InvalidArgument for a missing file, a directory,
// a FIFO or a device, and over `max_bytes`; IOError otherwise. Never blocks on a FIFO.
Status ReadWholeFile(const std::string& path, std::string* out, size_t max_bytes = SIZE_MAX);

class CsvReader {
 public:
  // The longest line, and the longest field (a quoted field may span lines), accepted.
  static constexpr size_t kMaxLineBytes = size_t{4} << 20;

  // `display_name` is used in messages (usually the path).
  static Result<CsvReader> Open(const std::string& path);
  static Result<CsvReader> FromString(std::string display_name, std::string text);

  // Reads the next record into `fields`; false at end of input or on error (check status()).
  bool Next(std::vector<std::string>* fields);
  const Status& status() const { return status_; }

  // Position of the record last returned, and of its fields (1-based).
  size_t line() const { return record_line_; }
  size_t column(size_t field) const { return field < columns_.size() ? columns_[field] : 1; }
  // "file:line:column: message" for field `field` of the current record.
  std::string Where(size_t field) const;
  std::string WhereLine() const;
  const std::string& name() const { return name_; }
  // Lines in the input: an upper bound on the records (for reserving memory).
  size_t CountLines() const;
  // Back to the first record (the header), for a second pass over the same text.
  void Rewind();

 private:
  CsvReader(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {}
  Status Validate() const;

  std::string name_;
  std::string text_;
  size_t pos_ = 0;
  size_t line_ = 1;        // line at pos_
  size_t line_start_ = 0;  // offset where line_ starts
  size_t record_line_ = 0;
  std::vector<size_t> columns_;
  Status status_;
};

}  // namespace pactgraph::io

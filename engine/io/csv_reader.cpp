#include "engine/io/csv_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace pactgraph::io {

void LineColumn(std::string_view text, size_t offset, size_t* line, size_t* column) {
  size_t l = 1, start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++l;
      start = i + 1;
    }
  }
  *line = l;
  *column = offset - start + 1;
}

Status ReadWholeFile(const std::string& path, std::string* out, size_t max_bytes) {
  ReadLimits limits;
  limits.max_bytes = max_bytes;
  return ReadInputFile(path, out, limits);
}

Result<CsvReader> CsvReader::Open(const std::string& path) {
  std::string text;
  ReadLimits limits;
  limits.max_line_bytes = kMaxLineBytes;
  PG_RETURN_IF_ERROR(ReadInputFile(path, &text, limits));
  return FromString(path, std::move(text));
}

Result<CsvReader> CsvReader::FromString(std::string display_name, std::string text) {
  CsvReader r(std::move(display_name), std::move(text));
  PG_RETURN_IF_ERROR(r.Validate());
  // A UTF-8 byte-order mark is tolerated.
  if (r.text_.compare(0, 3, "\xEF\xBB\xBF") == 0) r.pos_ = r.line_start_ = 3;
  return r;
}

void CsvReader::Rewind() {
  pos_ = line_start_ = text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  line_ = 1;
  record_line_ = 0;
  columns_.clear();
  status_ = Status::OK();
}

Status CsvReader::Validate() const {
  if (text_.empty())
    return Status::InvalidArgument(name_ + ":1:1: empty file (expected a header row)");
  size_t line, col;
  if (size_t nul = text_.find('\0'); nul != std::string::npos) {
    LineColumn(text_, nul, &line, &col);
    return Status::InvalidArgument(name_ + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                   ": NUL byte: this looks like a binary file, not CSV");
  }
  if (size_t bad = FindInvalidUtf8(text_); bad != std::string::npos) {
    LineColumn(text_, bad, &line, &col);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text_[bad]));
    return Status::InvalidArgument(name_ + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                   ": invalid UTF-8 (byte " + hex + " at offset " +
                                   std::to_string(bad) + ")");
  }
  for (size_t start = 0, line_no = 1; start < text_.size(); ++line_no) {
    size_t nl = text_.find('\n', start);
    if (nl == std::string::npos) nl = text_.size();
    if (nl - start > kMaxLineBytes) {
      return Status::InvalidArgument(name_ + ":" + std::to_string(line_no) + ":" +
                                     std::to_string(kMaxLineBytes + 1) + ": line longer than " +
                                     std::to_string(kMaxLineBytes) +
                                     " bytes (the limit for one line)");
    }
    start = nl + 1;
  }
  return Status::OK();
}

size_t CsvReader::CountLines() const {
  // A last line without its newline counts too.
  const size_t newlines = static_cast<size_t>(std::count(text_.begin(), text_.end(), '\n'));
  return newlines + (!text_.empty() && text_.back() != '\n' ? 1 : 0);
}

std::string CsvReader::Where(size_t field) const {
  return name_ + ":" + std::to_string(record_line_) + ":" + std::to_string(column(field));
}

std::string CsvReader::WhereLine() const { return name_ + ":" + std::to_string(record_line_); }

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  columns_.clear();
  if (!status_.ok()) return false;
  const size_t n = text_.size();
  // Skip blank lines between records.
  while (pos_ < n && (text_[pos_] == '\n' ||
                      (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n'))) {
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
    line_start_ = pos_;
  }
  if (pos_ >= n) return false;
  record_line_ = line_;
  while (true) {
    columns_.push_back(pos_ - line_start_ + 1);
    std::string field;
    if (pos_ < n && text_[pos_] == '"') {
      const size_t open_line = line_, open_col = pos_ - line_start_ + 1;
      ++pos_;
      bool closed = false;
      while (pos_ < n) {
        char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (c == '\n') {
          ++line_;
          line_start_ = pos_ + 1;
        }
        field.push_back(c);
        ++pos_;
        if (field.size() > kMaxLineBytes) {
          status_ = Status::InvalidArgument(
              name_ + ":" + std::to_string(open_line) + ":" + std::to_string(open_col) +
              ": quoted field longer than " + std::to_string(kMaxLineBytes) +
              " bytes (the limit for one field; is a closing quote missing?)");
          return false;
        }
      }
      if (!closed) {
        status_ = Status::InvalidArgument(name_ + ":" + std::to_string(open_line) + ":" +
                                          std::to_string(open_col) +
                                          ": unbalanced quote: this quoted field never ends");
        return false;
      }
      if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        status_ = Status::InvalidArgument(
            name_ + ":" + std::to_string(line_) + ":" + std::to_string(pos_ - line_start_ + 1) +
            ": unexpected character after a closing quote (expected ',' or end of line)");
        return false;
      }
    } else {
      size_t start = pos_;
      while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        if (text_[pos_] == '"') {
          status_ = Status::InvalidArgument(name_ + ":" + std::to_string(line_) + ":" +
                                            std::to_string(pos_ - line_start_ + 1) +
                                            ": stray quote inside an unquoted field (quote the "
                                            "whole field and double the quote)");
          return false;
        }
        ++pos_;
      }
      field.assign(text_, start, pos_ - start);
    }
    fields->push_back(std::move(field));
    if (pos_ >= n) return true;
    char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      continue;
    }
    if (c == '\r') {
      if (pos_ + 1 < n && text_[pos_ + 1] == '\n') {
        ++pos_;
      } else {
        status_ = Status::InvalidArgument(name_ + ":" + std::to_string(line_) + ":" +
                                          std::to_string(pos_ - line_start_ + 1) +
                                          ": carriage return without a line feed");
        return false;
      }
    }
    ++pos_;  // '\n'
    ++line_;
    line_start_ = pos_;
    return true;
  }
}

}  // namespace pactgraph::io

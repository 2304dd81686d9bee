// engine/io/input_file.h — opening the files a user names as input (CSV, JSON, query files,
// rule files, articles) so that a wrong kind of file is refused at once with a clear error.
//
// Only regular files are read: a directory, a FIFO, a device or a socket given where an input
// file is expected is refused with "PATH: is a FIFO (named pipe), not a regular file" and so
// on. The check never blocks: the file is opened with O_NONBLOCK and checked with fstat before
// any read (a FIFO with no writer would otherwise block open() forever). Standard input ("-")
// is the caller's business.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "pactgraph/status.h"

namespace pactgraph::io {

// What kind of file `path` is ("a directory", "a FIFO (named pipe)", "a character device", …),
// or "" for a regular file. Follows symbolic links.
std::string NonRegularKind(const std::string& path);

// OK when `path` is a regular file (or, with `allow_directory`, a directory). Otherwise
// InvalidArgument naming the path: "no such file", "is a directory, not a file", "is a FIFO
// (named pipe), not a regular file", …; IOError for other stat failures. Never blocks.
Status CheckInputFile(const std::string& path, bool allow_directory = false);

struct ReadLimits {
  size_t max_bytes = SIZE_MAX;       // the whole file
  size_t max_line_bytes = SIZE_MAX;  // one line (bytes between line feeds)
};

// Reads a regular file whole, refusing anything else (see CheckInputFile) without blocking.
// Over `max_bytes`: "PATH: file too large"; a line over `max_line_bytes`: "PATH:LINE:COLUMN:
// line longer than N bytes", found while reading, so memory stays within what was read up to
// that line plus one chunk.
Status ReadInputFile(const std::string& path, std::string* out, const ReadLimits& limits);

}  // namespace pactgraph::io

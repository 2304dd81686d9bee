// engine/io/input_file.h — opening the files a user names as input (CSV, JSON, query files,
// rule files, articles) so that a wrong kind of file is refused at once with a clear error.
//
// CheckInputFile and ReadInputFile are the public API's (pactgraph/import_export.h); this header
// adds NonRegularKind. Standard input ("-") is the caller's business.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "pactgraph/import_export.h"
#include "pactgraph/status.h"

namespace pactgraph::io {

// What kind of file `path` is ("a directory", "a FIFO (named pipe)", "a character device", …),
// or "" for a regular file. Follows symbolic links.
std::string NonRegularKind(const std::string& path);

}  // namespace pactgraph::io

// RocksDB's info log (the LOG file in a database directory), written so that a full disk can
// never take the process down.
//
// RocksDB 7.8's own logger writes through a WritableFileWriter, which asserts (abort, exit 134)
// on the next message once one append has failed; on a full disk the background error
// recovery logs right after the failure, so a write that had already failed cleanly with "no
// space left" ended in a core dump (issue 14, item 3). This logger writes with stdio and
// drops a message it cannot write: the log is diagnostics, never data.
#pragma once

#include <rocksdb/env.h>

#include <memory>
#include <string>

namespace pactgraph::storage {

// A logger appending to `dir`/LOG (renamed to LOG.old first when it is over 4 MiB), at
// `level` and above; null when the file cannot be opened (RocksDB then logs nowhere).
std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir, rocksdb::InfoLogLevel level);

}  // namespace pactgraph::storage

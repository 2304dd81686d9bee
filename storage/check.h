// storage/check.h — the integrity checker behind `pactgraph check`.
//
// Reads every column family at one snapshot and verifies the invariants of key_codec.h:
// every key and value decodes; every relationship has its two adjacency entries and every
// adjacency entry its relationship; every label, name and content-hash index entry points to a
// live record that carries it, and every record is indexed; evidence points to a stored
// relationship and article; dictionary ids are known; stored counters and id allocators agree
// with a recount. Findings are collected, not returned as errors: the Status is non-ok only
// when the check itself could not run (I/O error, not a pactgraph database).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/status.h"

namespace pactgraph::storage {

// Checks `db`, which must be a database opened by this library (read-only is fine).
Status CheckDatabase(Database* db, CheckReport* report);

}  // namespace pactgraph::storage

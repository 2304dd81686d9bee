// storage/reader_extensions.h — what pactgraph's own GraphReaders can do beyond GraphReader.
//
// Whole-graph consumers (engine/graph's CSR snapshots) need two things the public interface
// does not offer: to know when two readers see the same data, and to read every
// relationship's properties in one sequential pass instead of a point read each. Readers
// from storage/ implement ReaderExtensions besides GraphReader; callers ask with dynamic_cast
// and fall back to the public interface for other readers. GraphReader stays free of
// storage details.
#pragma once

#include <functional>
#include <string>

#include "pactgraph/graph.h"

namespace pactgraph::storage {

class ReaderExtensions {
 public:
  virtual ~ReaderExtensions() = default;

  // Equal non-empty tokens mean the same database (its RocksDB identity) at the same sequence
  // number, hence the same content. Empty: this reader's view is not fixed (a write
  // transaction with its own changes; a read-only instance's reader after a CatchUp() moved
  // the state it reads — until then its token is the sequence number caught up to).
  virtual std::string StateToken() const { return ""; }

  // The database directory, where derived data keyed by StateToken() (engine/graph's
  // snapshot files) may be kept; empty when there is none to write to (read-only instances).
  virtual std::string DatabaseDir() const { return ""; }

  // Calls fn(id, properties) for every relationship in id order, from one scan of the
  // relationship records (what GetRelationship would return, without the per-call lookup);
  // fn may move from the map. Stops early when fn returns false.
  virtual Status ScanRelationshipProperties(
      const std::function<bool(RelId, ValueMap&)>& fn) const = 0;
};

}  // namespace pactgraph::storage

// storage/state_token.h — an optional capability of GraphReaders: naming the state they see.
//
// Caches of structures derived from the whole graph (engine/graph's CSR snapshots) need to
// know when two readers see the same data. A reader that can tell implements this interface
// besides GraphReader; callers ask with dynamic_cast, and treat readers without it as
// uncacheable. The public GraphReader interface stays free of storage details.
#pragma once

#include <string>

namespace pactgraph::storage {

class StateTokenSource {
 public:
  virtual ~StateTokenSource() = default;
  // Equal non-empty tokens mean the same database (its RocksDB identity) at the same sequence
  // number, hence the same content. Empty: this reader's view is not fixed (e.g. a read-only
  // instance reading its latest state, which CatchUp() moves).
  virtual std::string StateToken() const = 0;
};

}  // namespace pactgraph::storage

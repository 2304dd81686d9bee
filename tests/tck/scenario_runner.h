// tests/tck/scenario_runner.h — runs one TCK scenario against a fresh pactgraph database.
//
// Every scenario gets its own empty database in a new directory under `scratch_dir`, opened
// through the public API and driven through pactgraph::Session, in process. The steps the kit
// uses are interpreted as the openCypher TCK defines them:
//   Given an empty graph / any graph          the fresh database
//   And having executed: """q"""             q must succeed (setup)
//   And parameters are: | name | value |     parameters of the next queries
//   When executing query / control query      runs the query; for `executing query` the graph
//                                             state is recorded first, for the side effects
//   Then the result should be, in order / in any order / (ignoring element order for lists)
//   Then the result should be empty
//   Then a <Kind> should be raised at <phase>: <Detail>
//   And no side effects / the side effects should be: | +nodes | 1 | …
// Errors are matched by the category pactgraph puts at the start of every query error,
// "<Kind> (<Detail>)"; the phase is checked with EXPLAIN, which compiles without running:
// a compile-time error must already fail EXPLAIN, a run-time one must not.
// Side effects are the differences between two graph states, as the kit's reference
// implementation measures them: node and relationship ids, distinct label names in use, and
// (entity, key, value) property triples.
#pragma once

#include <memory>
#include <string>

#include "pactgraph/database.h"
#include "tests/tck/gherkin.h"

namespace pactgraph::tck {

struct Outcome {
  bool passed = false;
  std::string why;  // for a failure: the step and what differed
};

// The database scenarios run against: opened once in `dir` (opening a RocksDB database costs
// tens of milliseconds, which over 2,651 scenarios would dominate the run), and emptied
// before every scenario: all nodes and relationships are deleted in one transaction, and the
// reset checks that none remain. Nothing else survives that a query could observe: the kit
// never looks at ids, and labels, types and keys of nothing are not reported.
class Fixture {
 public:
  explicit Fixture(std::string dir);
  ~Fixture();
  Status Reset();
  Database* db() { return db_.get(); }

 private:
  std::string dir_;
  std::unique_ptr<Database> db_;
};

Outcome RunScenario(const Scenario& scenario, Fixture* fixture);

}  // namespace pactgraph::tck

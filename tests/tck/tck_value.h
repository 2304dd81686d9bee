// tests/tck/tck_value.h — the TCK's notation for values, and how results are compared.
//
// Expected results, parameters and side-effect tables write values as Cypher-like literals:
// null, true, 42, -1.5, 1e308, NaN, 'text' (\' and \\ escaped), [1, 2], {k: v}, nodes
// (:A:B {k: v}), relationships [:T {k: v}] and paths <(:A)-[:T]->()<-[:S]-(:B)>. Nodes and
// relationships carry no identity in the kit: a node matches any node with the same labels
// (in any order) and the same properties.
//
// Comparison goes through a canonical text (Canonical): labels and map keys sorted, floats in
// their shortest round-trip form (so 1.0 and 1.00 agree, 1 and 1.0 do not), paths with the
// direction of each hop, temporal values as the quoted ISO string the kit writes for them.
// Two values match when their canonical texts are equal; rows of "in any order" results are
// compared as multisets of canonical row texts. With `sort_lists` (the kit's "ignoring element
// order for lists") the elements of every list are compared as a multiset.
#pragma once

#include <string>
#include <string_view>

#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::tck {

// Parses one value in the TCK notation. InvalidArgument naming the offset on bad text.
Result<Value> ParseTckValue(std::string_view text);

// The canonical text of a value (see above).
std::string Canonical(const Value& v, bool sort_lists);

}  // namespace pactgraph::tck

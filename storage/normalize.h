// storage/normalize.h — the normal form of names in the name/alias index.
//
// NormalizeName maps the spellings an analyst would consider the same name to one byte string:
// Unicode compatibility normalisation (NFKC), full case folding, diacritics removed ("Việt Nam"
// and "viet nam" agree), typographic quotes and dashes mapped to ASCII, white space collapsed
// and trimmed, control characters (including U+0000) dropped. Invalid UTF-8 sequences become
// U+FFFD. Uses ICU; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pactgraph::storage {

// Printable ASCII (0x20..0x7E: most names) takes a fast path giving the same bytes as ICU:
// spaces collapsed and trimmed, '`' mapped to '\'', A-Z lower-cased; anything else goes
// through ICU (NormalizeNameIcu).
std::string NormalizeName(std::string_view name);

// The general path, for any input (the fast path is tested against it).
std::string NormalizeNameIcu(std::string_view name);

}  // namespace pactgraph::storage

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

std::string NormalizeName(std::string_view name);

}  // namespace pactgraph::storage

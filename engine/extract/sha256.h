// engine/extract/sha256.h — SHA-256 (FIPS 180-4) for article content hashes.
#pragma once

#include <string>
#include <string_view>

namespace pactgraph::extract {

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace pactgraph::extract

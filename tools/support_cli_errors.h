// tools/support_cli_errors.h — command-line parse errors in pactgraph's own words.
//
// CLI11's exceptions ("The following arguments were not expected: …") are caught where the
// command line is parsed (main.cpp, the shell's :ingest/:path/…) and reported as
// "pactgraph: error: …" with the command named, a did-you-mean for a mistyped command or
// option, and where to find the usage. Generic over the registered commands: a new command
// gets it without code of its own.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pactgraph::tools {

// Prints the error for `e`, raised while `app` parsed, and returns the exit code (help and
// version requests print their text and return 0).
int ReportParseError(CLI::App& app, const CLI::ParseError& e);

// The candidate closest to `word` (edit distance at most 2, or a prefix of one candidate
// only); empty when none is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace pactgraph::tools

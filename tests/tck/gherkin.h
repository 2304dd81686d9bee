// tests/tck/gherkin.h — reads the openCypher TCK's .feature files (the Gherkin subset they use).
//
// A feature holds scenarios; a Scenario Outline is expanded here into one scenario per row of
// its Examples tables, with every <placeholder> replaced in step texts, doc strings and table
// cells, so the runner only ever sees plain scenarios. Background steps are prepended to every
// scenario. Supported: Feature, Background, Scenario, Scenario Outline / Scenario Template,
// Examples / Scenarios (several per outline, each with its own tags), tags (@ignore …), comments,
// doc strings ("""), and data tables with Gherkin's cell escapes (\| \\ \n).
//
// Errors (an unterminated doc string, a table row with the wrong number of cells, a step
// outside a scenario) name the file and line; a malformed kit is a test failure, never a skip.
#pragma once

#include <string>
#include <vector>

namespace pactgraph::tck {

struct Step {
  int line = 0;
  std::string keyword;  // Given / When / Then / And / But
  std::string text;     // after the keyword, trailing blanks removed
  std::string doc;      // the doc string, indentation removed; empty if none
  bool has_doc = false;
  std::vector<std::vector<std::string>> table;  // rows of unescaped cells; empty if none
};

struct Scenario {
  std::string
      feature_path;  // relative to the features directory, e.g. clauses/match/Match1.feature
  std::string name;  // "[3] Matching nodes using multiple labels"
  int example = 0;   // 1-based row number for outline expansions, 0 otherwise
  int line = 0;
  std::vector<std::string> tags;
  std::vector<Step> steps;

  bool HasTag(const std::string& tag) const;
  // The identifier used by the ratchet list: "clauses/match/Match1.feature: [3] … #2".
  std::string Id() const;
};

// Parses one file. On error returns false and sets *error to "FILE:LINE: what".
bool ParseFeature(const std::string& text, const std::string& relative_path,
                  std::vector<Scenario>* out, std::string* error);

}  // namespace pactgraph::tck

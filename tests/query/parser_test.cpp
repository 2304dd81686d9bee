// Unit tests of the lexer and parser: tokens, precedence, patterns, error positions.
#include "query/parser/parser.h"

#include <catch2/catch.hpp>

#include "query/parser/lexer.h"

using namespace pactgraph;
using namespace pactgraph::query;

namespace {

std::string ReturnExprText(const std::string& q) {
  auto r = ParseQuery(q);
  REQUIRE(r.ok());
  return ExprToText(*r->parts[0].clauses.back().items[0].expr);
}

}  // namespace

TEST_CASE("query: lexer splits symbols, numbers, strings and parameters", "[query][parser]") {
  auto t = Tokenize("MATCH (a)-[:T*1..3]->(b) WHERE a.x <> 1.5 AND $p =~ 'x\\'y'");
  REQUIRE(t.ok());
  std::vector<std::string> texts;
  for (const auto& tok : *t) texts.push_back(tok.text);
  CHECK(texts == std::vector<std::string>{"MATCH", "(", "a",     ")",   "-", "[", ":",  "T",
                                          "*",     "1", "..",    "3",   "]", "-", ">",  "(",
                                          "b",     ")", "WHERE", "a",   ".", "x", "<>", "1.5",
                                          "AND",   "p", "=~",    "x'y", ""});
  CHECK((*t)[9].kind == TokenKind::kInt);
  CHECK((*t)[23].kind == TokenKind::kFloat);
  CHECK((*t)[25].kind == TokenKind::kParam);
}

TEST_CASE("query: syntax errors carry line, column and a caret", "[query][parser]") {
  auto r = ParseQuery("MATCH (n)\nWHERE n.x = \nRETURN n");
  REQUIRE(!r.ok());
  CHECK(r.status().code() == Status::Code::kParseError);
  CHECK(r.status().message().find("line 3, column 1") != std::string::npos);
  CHECK(r.status().message().find("\n  RETURN n\n  ^") != std::string::npos);
}

TEST_CASE("query: operator precedence follows openCypher", "[query][parser]") {
  CHECK(ReturnExprText("RETURN 1 + 2 * 3") == "(1 + (2 * 3))");
  CHECK(ReturnExprText("RETURN a OR b AND NOT c") == "(a OR (b AND NOT c))");
  CHECK(ReturnExprText("RETURN a XOR b OR c") == "((a XOR b) OR c)");
  CHECK(ReturnExprText("RETURN x.a.b[0]") == "x.a.b[0]");
  CHECK(ReturnExprText("RETURN -x ^ 2") == "(-x ^ 2)");  // unary minus binds tighter
  CHECK(ReturnExprText("RETURN 1 < 2 < 3") == "((1 < 2) AND (2 < 3))");
  CHECK(ReturnExprText("RETURN n.name STARTS WITH 'a' = true") ==
        "((n.name STARTS WITH 'a') = true)");
  CHECK(ReturnExprText("RETURN x IS NOT NULL AND y IN [1]") == "(x IS NOT NULL AND (y IN [1]))");
  CHECK(ReturnExprText("RETURN [x IN l WHERE x > 1 | x * 2]") ==
        "[x IN l WHERE (x > 1) | (x * 2)]");
  CHECK(ReturnExprText("RETURN count(DISTINCT n)") == "count(DISTINCT n)");
}

TEST_CASE("query: relationship patterns: direction, types, lengths", "[query][parser]") {
  auto r = ParseQuery("MATCH p = (a:A:B {k: 1})<-[r:X|:Y*2..]-(b)-[*..4]-(c)-->(d) RETURN p");
  REQUIRE(r.ok());
  const PatternPart& part = r->parts[0].clauses[0].patterns[0];
  CHECK(part.path_var == "p");
  REQUIRE(part.nodes.size() == 4);
  CHECK(part.nodes[0].labels == std::vector<std::string>{"A", "B"});
  CHECK(part.rels[0].dir == Direction::kIn);
  CHECK(part.rels[0].types == std::vector<std::string>{"X", "Y"});
  CHECK(part.rels[0].var_length);
  CHECK(part.rels[0].min_hops == 2);
  CHECK(part.rels[0].max_hops == -1);
  CHECK(part.rels[1].dir == Direction::kBoth);
  CHECK(part.rels[1].min_hops == 1);
  CHECK(part.rels[1].max_hops == 4);
  CHECK(part.rels[2].dir == Direction::kOut);
  CHECK_FALSE(part.rels[2].var_length);
}

TEST_CASE("query: clauses, UNION and EXPLAIN parse into the tree", "[query][parser]") {
  auto r = ParseQuery(
      "EXPLAIN MATCH (a) OPTIONAL MATCH (a)-->(b) WITH a, count(b) AS n ORDER BY n DESC SKIP 1 "
      "LIMIT 2 RETURN a UNION ALL MATCH (a) RETURN a");
  REQUIRE(r.ok());
  CHECK(r->mode == Query::Mode::kExplain);
  CHECK(r->union_all);
  REQUIRE(r->parts.size() == 2);
  const auto& c = r->parts[0].clauses;
  REQUIRE(c.size() == 4);
  CHECK(c[1].optional);
  CHECK(c[2].items[1].alias == "n");
  CHECK(c[2].order_by[0].descending);
  CHECK(c[2].skip);
  CHECK(c[2].limit);
}

TEST_CASE("query: write clauses parse", "[query][parser]") {
  auto r = ParseQuery(
      "MERGE (a:A {k: 1}) ON CREATE SET a.x = 1, a += {y: 2} ON MATCH SET a:B "
      "SET a.z = 3 REMOVE a.z, a:B DETACH DELETE a");
  REQUIRE(r.ok());
  const auto& c = r->parts[0].clauses;
  REQUIRE(c.size() == 4);
  CHECK(c[0].kind == Clause::Kind::kMerge);
  CHECK(c[0].on_create.size() == 2);
  CHECK(c[0].on_create[1].kind == SetItem::Kind::kMergeMap);
  CHECK(c[0].on_match[0].kind == SetItem::Kind::kLabels);
  CHECK(c[2].kind == Clause::Kind::kRemove);
  CHECK(c[3].detach);
}

TEST_CASE("query: constructs outside the subset are refused by name", "[query][parser]") {
  for (const char* q : {"FOREACH (x IN [1] | CREATE (:A))", "LOAD CSV FROM 'x' AS l RETURN l",
                        "MATCH (a) WHERE (a)-->(b) RETURN a", "CALL { RETURN 1 } RETURN 1"}) {
    auto r = ParseQuery(q);
    INFO(q);
    REQUIRE(!r.ok());
    CHECK(r.status().code() == Status::Code::kNotSupported);
    CHECK(r.status().message().rfind("not supported: ", 0) == 0);
  }
}

// Regression: a 1 MB query of 350,000 chained additions crashed (stack overflow in later stages).
TEST_CASE("query: a huge operator chain is refused, not a crash", "[query][parser]") {
  std::string q = "RETURN 1";
  for (int i = 0; i < 350000; ++i) q += "+1";
  auto r = ParseQuery(q);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kParseError);
  CHECK_THAT(r.status().message(), Catch::Contains("query too complex"));
  // An ordinary long expression still parses.
  std::string ok = "RETURN 1";
  for (int i = 0; i < 1000; ++i) ok += " + 1";
  CHECK(ParseQuery(ok).ok());
}

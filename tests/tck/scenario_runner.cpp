// One scenario, step by step (see scenario_runner.h).
#include "tests/tck/scenario_runner.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "tests/tck/tck_value.h"

namespace pactgraph::tck {
namespace {

namespace fs = std::filesystem;

// What the kit's side effects are computed from.
struct GraphState {
  std::set<NodeId> nodes;
  std::set<RelId> rels;
  std::set<std::string> labels;
  std::set<std::string> properties;  // "n<id>.key=value" / "r<id>.key=value"
};

Status ReadState(Database* db, GraphState* out) {
  *out = GraphState{};
  auto reader = db->NewReader();
  std::vector<NodeId> ids;
  PG_RETURN_IF_ERROR(reader->ScanNodes("", [&](NodeId id) {
    ids.push_back(id);
    return true;
  }));
  for (NodeId id : ids) {
    Node n;
    PG_RETURN_IF_ERROR(reader->GetNode(id, &n));
    out->nodes.insert(id);
    out->labels.insert(n.labels.begin(), n.labels.end());
    for (const auto& [k, v] : n.properties) {
      out->properties.insert("n" + std::to_string(id) + "." + k + "=" + Canonical(v, false));
    }
  }
  std::vector<RelId> rels;
  PG_RETURN_IF_ERROR(reader->ScanRelationships([&](const RelEndpoints& r) {
    rels.push_back(r.id);
    return true;
  }));
  for (RelId id : rels) {
    Relationship r;
    PG_RETURN_IF_ERROR(reader->GetRelationship(id, &r));
    out->rels.insert(id);
    for (const auto& [k, v] : r.properties) {
      out->properties.insert("r" + std::to_string(id) + "." + k + "=" + Canonical(v, false));
    }
  }
  return Status::OK();
}

template <typename T>
int64_t Missing(const std::set<T>& a, const std::set<T>& b) {  // |a \ b|
  int64_t n = 0;
  for (const auto& x : a) n += !b.count(x);
  return n;
}

std::map<std::string, int64_t> SideEffects(const GraphState& before, const GraphState& after) {
  std::map<std::string, int64_t> e;
  e["+nodes"] = Missing(after.nodes, before.nodes);
  e["-nodes"] = Missing(before.nodes, after.nodes);
  e["+relationships"] = Missing(after.rels, before.rels);
  e["-relationships"] = Missing(before.rels, after.rels);
  e["+labels"] = Missing(after.labels, before.labels);
  e["-labels"] = Missing(before.labels, after.labels);
  e["+properties"] = Missing(after.properties, before.properties);
  e["-properties"] = Missing(before.properties, after.properties);
  return e;
}

std::string Shorten(std::string s, size_t n = 400) {
  if (s.size() > n) s = s.substr(0, n) + "…";
  return s;
}

class Run {
 public:
  Run(const Scenario& s, Database* db) : s_(s), db_(db), session_(db, Limits()) {}

  Outcome Go() {
    for (const Step& step : s_.steps) {
      std::string why = Do(step);
      if (!why.empty()) {
        return {false, "line " + std::to_string(step.line) + " (" + step.text + "): " + why};
      }
    }
    if (error_ && !error_checked_) {
      return {false, "unexpected error: " + Shorten(error_->ToString(), 600)};
    }
    return {true, ""};
  }

 private:
  static SessionOptions Limits() {
    SessionOptions o;
    o.timeout_ms = 20'000;
    return o;
  }

  std::string Do(const Step& step) {
    const std::string& t = step.text;
    if (t == "an empty graph" || t == "any graph") return "";
    if (t == "having executed:") {
      auto r = session_.Execute(step.doc, params_);
      if (!r.ok()) return "setup query failed: " + Shorten(r.status().ToString(), 600);
      return "";
    }
    if (t == "parameters are:") {
      for (const auto& row : step.table) {
        if (row.size() != 2) return "a parameter row needs a name and a value";
        auto v = ParseTckValue(row[1]);
        if (!v.ok()) return v.status().ToString();
        params_[row[0]] = *v;
      }
      return "";
    }
    if (t == "executing query:" || t == "executing control query:") {
      if (error_ && !error_checked_) {
        return "the previous query failed unexpectedly: " + Shorten(error_->ToString(), 600);
      }
      query_ = step.doc;
      if (t == "executing query:") {
        Status st = ReadState(db_, &before_);
        if (!st.ok()) return "reading the graph state: " + st.ToString();
      }
      result_.reset();
      error_.reset();
      error_checked_ = false;
      auto r = session_.Execute(query_, params_);
      if (r.ok()) {
        result_ = std::move(*r);
      } else {
        error_ = r.status();
      }
      return "";
    }
    if (t == "no side effects" || t == "the side effects should be:") return CheckSideEffects(step);
    if (t == "the result should be empty") {
      if (error_) return "query failed: " + Shorten(error_->ToString(), 600);
      if (!result_->empty()) return "expected no rows, got " + std::to_string(result_->size());
      return "";
    }
    if (t.rfind("the result should be", 0) == 0) return CheckResult(step);
    static const std::regex kError(
        "an? (\\w+) should be raised at (compile time|runtime|any time): (\\w+|\\*)");
    std::smatch m;
    if (std::regex_match(t, m, kError)) return CheckError(m[1], m[2], m[3]);
    return "unknown step";
  }

  std::string CheckResult(const Step& step) {
    const std::string& t = step.text;
    const bool ordered = t.find("in order") != std::string::npos;
    const bool sort_lists = t.find("ignoring element order for lists") != std::string::npos;
    if (error_) return "query failed: " + Shorten(error_->ToString(), 600);
    if (step.table.empty()) return "the expected table has no header";
    const auto& header = step.table[0];
    if (header != result_->columns()) {
      std::string got;
      for (const auto& c : result_->columns()) got += (got.empty() ? "" : ", ") + c;
      std::string want;
      for (const auto& c : header) want += (want.empty() ? "" : ", ") + c;
      return "columns differ: expected [" + want + "], got [" + got + "]";
    }
    std::vector<std::string> want, got;
    for (size_t i = 1; i < step.table.size(); ++i) {
      std::string row;
      for (const auto& cell : step.table[i]) {
        auto v = ParseTckValue(cell);
        if (!v.ok()) return v.status().ToString();
        row += (row.empty() ? "" : " | ") + Canonical(*v, sort_lists);
      }
      want.push_back(row);
    }
    for (const auto& r : result_->rows()) {
      std::string row;
      for (const auto& v : r) row += (row.empty() ? "" : " | ") + Canonical(v, sort_lists);
      got.push_back(row);
    }
    if (!ordered) {
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
    }
    if (want == got) return "";
    std::string diff = "rows differ (" + std::string(ordered ? "in order" : "any order") + ")";
    diff += "\n      expected:";
    for (const auto& r : want) diff += "\n        " + Shorten(r, 300);
    diff += "\n      got:";
    for (const auto& r : got) diff += "\n        " + Shorten(r, 300);
    return diff;
  }

  std::string CheckSideEffects(const Step& step) {
    GraphState after;
    Status st = ReadState(db_, &after);
    if (!st.ok()) return "reading the graph state: " + st.ToString();
    auto effects = SideEffects(before_, after);
    std::map<std::string, int64_t> want;
    for (const auto& row : step.table) {
      if (row.size() != 2) return "a side-effect row needs a kind and a count";
      if (!effects.count(row[0])) return "unknown side effect " + row[0];
      want[row[0]] = std::stoll(row[1]);
    }
    std::string diff;
    for (const auto& [kind, n] : effects) {
      int64_t w = want.count(kind) ? want[kind] : 0;
      if (n != w) {
        diff += (diff.empty() ? "" : ", ") + kind + " expected " + std::to_string(w) + ", got " +
                std::to_string(n);
      }
    }
    return diff.empty() ? "" : "side effects differ: " + diff;
  }

  std::string CheckError(const std::string& kind, const std::string& phase,
                         const std::string& detail) {
    if (!error_) return "expected " + kind + " (" + detail + "), but the query succeeded";
    error_checked_ = true;
    // "*" (any detail) still needs the kind: "TypeError (".
    const std::string category = detail == "*" ? kind + " (" : kind + " (" + detail + ")";
    if (error_->message().find(category) == std::string::npos) {
      return "expected " + category + ", got " + Shorten(error_->ToString(), 600);
    }
    if (phase == "any time") return "";
    auto explained = session_.Execute("EXPLAIN " + query_, params_);
    const bool at_compile = !explained.ok();
    if (phase == "compile time" && !at_compile) {
      return category + " was raised at run time, not at compile time";
    }
    if (phase == "runtime" && at_compile) {
      return category + " was raised at compile time, not at run time";
    }
    return "";
  }

  const Scenario& s_;
  Database* db_;
  Session session_;
  ValueMap params_;
  std::string query_;
  std::optional<QueryResult> result_;
  std::optional<Status> error_;
  bool error_checked_ = false;
  GraphState before_;
};

}  // namespace

Fixture::Fixture(std::string dir) : dir_(std::move(dir)) {}

Fixture::~Fixture() {
  db_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Status Fixture::Reset() {
  if (!db_) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    PG_ASSIGN_OR_RETURN(db_, Database::Open(dir_, Options{}));
    return Status::OK();
  }
  PG_ASSIGN_OR_RETURN(auto writer, db_->BeginWrite());
  std::vector<NodeId> ids;
  PG_RETURN_IF_ERROR(writer->ScanNodes("", [&](NodeId id) {
    ids.push_back(id);
    return true;
  }));
  for (NodeId id : ids) PG_RETURN_IF_ERROR(writer->DeleteNode(id, /*detach=*/true));
  PG_RETURN_IF_ERROR(writer->Commit());
  GraphStats stats;
  PG_RETURN_IF_ERROR(db_->NewReader()->GetStats(&stats));
  if (stats.nodes != 0 || stats.relationships != 0) {
    return Status::Internal("the database is not empty after a reset");
  }
  return Status::OK();
}

Outcome RunScenario(const Scenario& scenario, Fixture* fixture) {
  Status st = fixture->Reset();
  if (!st.ok()) return {false, "cannot reset the database: " + st.ToString()};
  return Run(scenario, fixture->db()).Go();
}

}  // namespace pactgraph::tck

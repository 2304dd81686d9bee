// query/execution/read_operators.h — operators that read the graph or generate rows.
//
// NodeScan uses the label index (GraphReader::ScanNodes); NodeByName the name index
// (FindNodesByName, normalised, so the exact `name` predicate stays as a Filter above it);
// Expand the adjacency prefix scans (GraphReader::Neighbors). Scans collect ids before emitting
// so downstream work never runs inside a storage iterator.
#pragma once

#include <set>

#include "query/binder/bound_query.h"
#include "query/execution/operator.h"
#include "query/procedure/path_finder.h"

namespace pactgraph::query {

// Emits its input row unchanged; the head of every pipeline.
class StartOp : public Operator {
 public:
  using Operator::Operator;
  Status Push(Row& row) override { return Emit(row); }
  std::string Describe() const override { return "Start"; }
};

class NodeScanOp : public Operator {
 public:
  NodeScanOp(ExecContext* ctx, int slot, std::string var, std::vector<std::string> labels)
      : Operator(ctx), slot_(slot), var_(std::move(var)), labels_(std::move(labels)) {}
  Status Push(Row& row) override;
  std::string Describe() const override;

 private:
  int slot_;
  std::string var_;
  std::vector<std::string> labels_;  // first: scanned; others: checked
};

class NodeByNameOp : public Operator {
 public:
  NodeByNameOp(ExecContext* ctx, int slot, std::string var, ExprPtr name,
               std::vector<std::string> labels)
      : Operator(ctx),
        slot_(slot),
        var_(std::move(var)),
        name_(std::move(name)),
        labels_(std::move(labels)) {}
  Status Push(Row& row) override;
  std::string Describe() const override;

 private:
  int slot_;
  std::string var_;
  ExprPtr name_;
  std::vector<std::string> labels_;
};

class FilterOp : public Operator {
 public:
  FilterOp(ExecContext* ctx, ExprPtr pred, std::string text)
      : Operator(ctx), pred_(std::move(pred)), text_(std::move(text)) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return "Filter " + text_; }

 private:
  ExprPtr pred_;
  std::string text_;
};

struct ExpandSpec {
  int from_slot = -1;
  int rel_slot = -1;
  int to_slot = -1;
  std::string description;
  Direction dir = Direction::kOut;  // relative to walking from `from` to `to`
  std::vector<std::string> types;
  std::vector<std::string> to_labels;
  bool to_bound = false;   // expand-into: `to` already holds a node
  bool rel_bound = false;  // the relationship slot was bound by an earlier clause: only it
  bool var_length = false;
  int64_t min_hops = 1;
  int64_t max_hops = 1;           // -1: unbounded (the depth limit applies)
  int segment_slot = -1;          // var-length: nodes passed through
  ExprPtr rel_props;              // var-length: {k: v} every relationship must match
  std::vector<int> unique_slots;  // relationship slots of the same MATCH already bound
  bool backward = false;          // walking the pattern right to left: outputs re-reversed
  // Single hop: false when nothing reads the relationship's properties (anonymous, no path,
  // no property map), so it is not loaded: the slot gets id, type and endpoints only.
  bool load_rel = true;
};

class ExpandOp : public Operator {
 public:
  ExpandOp(ExecContext* ctx, ExpandSpec spec) : Operator(ctx), spec_(std::move(spec)) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return spec_.description; }

 private:
  Status Steps(NodeId node, std::vector<NeighborEntry>* out);
  bool UsedElsewhere(const Row& row, RelId rel) const;
  Result<bool> TargetOk(const Row& row, NodeId id, Value* node);
  Status VarLength(Row& row, NodeId node, int64_t depth, std::vector<Value>* rels,
                   std::vector<Value>* nodes, std::set<RelId>* used, const ValueMap* props);

  ExpandSpec spec_;
  std::vector<TypeId> type_ids_;
  bool types_resolved_ = false;
};

// Builds a named path from the node, relationship and segment slots of a pattern part.
class PathBuildOp : public Operator {
 public:
  PathBuildOp(ExecContext* ctx, const BoundPart& part) : Operator(ctx), part_(part) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return "BuildPath " + part_.pattern->path_var; }

 private:
  BoundPart part_;
};

class ShortestPathOp : public Operator {
 public:
  struct Spec {
    int from_slot, to_slot, rel_slot, path_slot;
    Direction dir;
    std::vector<std::string> types;
    int64_t min_hops, max_hops;
    bool all;
    std::vector<std::pair<ExprPtr, int>> node_preds;  // (predicate, variable slot)
    std::vector<std::pair<ExprPtr, int>> rel_preds;
    std::string description;
  };
  ShortestPathOp(ExecContext* ctx, Spec spec) : Operator(ctx), spec_(std::move(spec)) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return spec_.description; }

 private:
  Spec spec_;
};

// UNWIND. `UNWIND range(a, b[, step])` streams its values without building the list, so any
// length runs (bounded by max_rows, the time limit and Ctrl-C, like any other rows).
class UnwindOp : public Operator {
 public:
  UnwindOp(ExecContext* ctx, ExprPtr expr, int slot)
      : Operator(ctx), expr_(std::move(expr)), slot_(slot) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return "Unwind"; }

 private:
  // Done is false when the arguments are not plain integers: the caller then evaluates
  // range() itself, which reports the error.
  Status StreamRange(Row& row, bool* done);
  ExprPtr expr_;
  int slot_;
};

class CallOp : public Operator {
 public:
  CallOp(ExecContext* ctx, const Procedure* proc, std::vector<ExprPtr> args,
         std::vector<int> yield_slots)
      : Operator(ctx), proc_(proc), args_(std::move(args)), yield_slots_(std::move(yield_slots)) {}
  Status Push(Row& row) override;
  std::string Describe() const override { return "ProcedureCall " + proc_->signature.name; }

 private:
  const Procedure* proc_;
  std::vector<ExprPtr> args_;
  std::vector<int> yield_slots_;
};

// OPTIONAL MATCH: runs the inner chain per row; when it yields nothing, emits the row with the
// clause's new slots set to null.
class OptionalOp : public Operator {
 public:
  OptionalOp(ExecContext* ctx, std::vector<int> null_slots)
      : Operator(ctx), null_slots_(std::move(null_slots)) {}
  void SetInner(std::vector<OperatorPtr> inner);
  Status Push(Row& row) override;
  std::string Describe() const override;
  Status EmitMatched(Row& row) {
    matched_ = true;
    return Emit(row);
  }
  const std::vector<OperatorPtr>& inner() const { return inner_; }

 private:
  std::vector<OperatorPtr> inner_;  // inner_.back() is the tail that calls EmitMatched
  std::vector<int> null_slots_;
  bool matched_ = false;
};

class OptionalTailOp : public Operator {
 public:
  OptionalTailOp(ExecContext* ctx, OptionalOp* owner) : Operator(ctx), owner_(owner) {}
  Status Push(Row& row) override { return owner_->EmitMatched(row); }
  Status Finish() override { return Status::OK(); }
  bool WantsMore() const override { return owner_->WantsMore(); }
  std::string Describe() const override { return "OptionalTail"; }

 private:
  OptionalOp* owner_;
};

// Stores every row it receives (MERGE's matching sub-plan ends in one).
class CollectOp : public Operator {
 public:
  using Operator::Operator;
  Status Push(Row& row) override {
    rows.push_back(row);
    return Status::OK();
  }
  Status Finish() override { return Status::OK(); }
  bool WantsMore() const override { return true; }
  std::string Describe() const override { return "Collect"; }
  std::vector<Row> rows;
};

}  // namespace pactgraph::query

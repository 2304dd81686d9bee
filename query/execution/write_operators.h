// query/execution/write_operators.h — CREATE, MERGE, SET/REMOVE and DELETE.
//
// Write operators are eager: they buffer all input rows, apply every write through the query's
// GraphWriter, reload the nodes and relationships the rows hold (so later clauses see the new
// state), and only then emit. Nothing is committed here: the session commits the writer once,
// after the whole query succeeded, so a failing query leaves the database unchanged.
#pragma once

#include <set>

#include "query/binder/bound_query.h"
#include "query/execution/operator.h"
#include "query/execution/read_operators.h"

namespace pactgraph::query {

class EagerWriteOp : public Operator {
 public:
  using Operator::Operator;
  Status Push(Row& row) override;
  Status Finish() override;
  bool WantsMore() const override { return true; }

 protected:
  virtual Status Apply(std::vector<Row>* rows) = 0;
  // Whether the writes can change values the rows already hold (SET, REMOVE, MERGE's ON …
  // SET), so the nodes and relationships in every row must be reloaded. CREATE only adds.
  virtual bool ChangesExisting() const { return true; }
  std::vector<Row> rows_in_;
};

// Creates the parts of a CREATE (or the missing pattern of a MERGE) for one row.
Status CreateParts(ExecContext* ctx, const std::vector<BoundPart>& parts,
                   const std::set<int>& new_slots, Row* row);
// Applies SET/REMOVE items to one row.
Status ApplySetItems(ExecContext* ctx, const std::vector<BoundSetItem>& items, Row* row);

class CreateOp : public EagerWriteOp {
 public:
  CreateOp(ExecContext* ctx, std::vector<BoundPart> parts, std::set<int> new_slots)
      : EagerWriteOp(ctx), parts_(std::move(parts)), new_slots_(std::move(new_slots)) {}
  std::string Describe() const override { return "Create"; }

 protected:
  Status Apply(std::vector<Row>* rows) override;
  bool ChangesExisting() const override { return false; }

 private:
  std::vector<BoundPart> parts_;
  std::set<int> new_slots_;
};

class MergeOp : public EagerWriteOp {
 public:
  MergeOp(ExecContext* ctx, BoundPart part, std::set<int> new_slots,
          std::vector<BoundSetItem> on_create, std::vector<BoundSetItem> on_match)
      : EagerWriteOp(ctx),
        part_(std::move(part)),
        new_slots_(std::move(new_slots)),
        on_create_(std::move(on_create)),
        on_match_(std::move(on_match)) {}
  // The sub-plan matching the pattern; its last operator must be a CollectOp.
  void SetMatcher(std::vector<OperatorPtr> ops) { matcher_ = std::move(ops); }
  std::string Describe() const override;

 protected:
  Status Apply(std::vector<Row>* rows) override;

 private:
  BoundPart part_;
  std::set<int> new_slots_;
  std::vector<BoundSetItem> on_create_, on_match_;
  std::vector<OperatorPtr> matcher_;
};

class SetOp : public EagerWriteOp {
 public:
  SetOp(ExecContext* ctx, std::vector<BoundSetItem> items, bool remove)
      : EagerWriteOp(ctx), items_(std::move(items)), remove_(remove) {}
  std::string Describe() const override { return remove_ ? "Remove" : "Set"; }

 protected:
  Status Apply(std::vector<Row>* rows) override;

 private:
  std::vector<BoundSetItem> items_;
  bool remove_;
};

class DeleteOp : public EagerWriteOp {
 public:
  DeleteOp(ExecContext* ctx, std::vector<ExprPtr> exprs, bool detach)
      : EagerWriteOp(ctx), exprs_(std::move(exprs)), detach_(detach) {}
  std::string Describe() const override { return detach_ ? "DetachDelete" : "Delete"; }

 protected:
  Status Apply(std::vector<Row>* rows) override;

 private:
  std::vector<ExprPtr> exprs_;
  bool detach_;
};

}  // namespace pactgraph::query

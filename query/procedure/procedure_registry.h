// query/procedure/procedure_registry.h — procedures that queries CALL.
//
// `CALL ns.name(arg, …) YIELD col AS alias, …` runs a registered procedure. A procedure has a
// signature (qualified name, parameter names, YIELD column names) and a body. The body gets a
// ProcedureContext (the query's GraphReader — the GraphWriter itself for write queries — and a
// limits/cancellation check), the evaluated argument Values in parameter order, and an emitter;
// it emits one row of Values per result, in the order of the declared YIELD columns.
//
// Registering (engine/graph registers the graph algorithms this way):
//
//   query::ProcedureSignature sig;
//   sig.name = "algo.pageRank";
//   sig.params = {{"config", /*optional=*/true}};     // CALL algo.pageRank({iterations: 20})
//   sig.yields = {"node", "value"};
//   sig.description = "PageRank of every node";
//   PG_RETURN_IF_ERROR(registry->Register(sig, [](query::ProcedureContext& ctx,
//                                                 const std::vector<Value>& args,
//                                                 const query::RowEmitter& emit) -> Status {
//     ...
//     for (...) {
//       PG_RETURN_IF_ERROR(ctx.Check());             // timeout / row cap / cancellation
//       Node n; PG_RETURN_IF_ERROR(ctx.reader->GetNode(id, &n));
//       PG_RETURN_IF_ERROR(emit({Value(std::move(n)), Value(score)}));
//     }
//     return Status::OK();
//   }));
//
// Missing optional arguments arrive as null Values. A procedure returns Status errors
// (InvalidArgument for bad arguments, naming the procedure); it never throws. Emitting returns
// a non-ok Status when the query must stop (limit hit); return it at once.
//
// Who registers: the engine builds one registry per process with the built-ins
// (RegisterBuiltinProcedures: db.procedures, db.labels, db.relationshipTypes, db.propertyKeys,
// db.schema, pactgraph.evidence) and the graph algorithms (engine/graph/procedures.h), and
// hands it to every query through QueryServices (query/query_services.h); nothing is global.
//
// Thread-safety: register during start-up; lookups afterwards are read-only and thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pactgraph/graph.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::query {

struct ProcedureParam {
  std::string name;
  bool optional = false;  // trailing optional parameters may be omitted (arrive as null)
};

struct ProcedureSignature {
  std::string name;  // qualified, case-sensitive: "algo.pageRank"
  std::vector<ProcedureParam> params;
  std::vector<std::string> yields;  // column names; emitted rows follow this order
  std::string description;
  bool writes = false;  // true: the query runs in a write transaction (ctx.writer is set)
};

struct ProcedureContext {
  const GraphReader* reader = nullptr;  // the query's snapshot (or its writer); never null
  GraphWriter* writer = nullptr;        // non-null only for procedures declared `writes`
  // Checks the query's timeout, memory and cancellation; LimitExceeded/Cancelled when the
  // procedure must stop. Cheap: call it inside inner loops.
  std::function<Status()> check;
  Status Check() const { return check ? check() : Status::OK(); }
};

// Emits one result row (one Value per YIELD column). A non-ok Status means "stop now".
using RowEmitter = std::function<Status(std::vector<Value> row)>;
using ProcedureFn = std::function<Status(ProcedureContext& ctx, const std::vector<Value>& args,
                                         const RowEmitter& emit)>;

struct Procedure {
  ProcedureSignature signature;
  ProcedureFn body;
};

class ProcedureRegistry {
 public:
  // InvalidArgument when the name is already taken or the signature is malformed.
  Status Register(ProcedureSignature signature, ProcedureFn body);
  // Replaces an existing registration (or adds it).
  void Replace(ProcedureSignature signature, ProcedureFn body);
  // Null when unknown. The pointer stays valid for the life of the registry.
  const Procedure* Find(const std::string& name) const;
  std::vector<const Procedure*> List() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<Procedure>> procedures_;
};

// Registers the built-in db.* and pactgraph.* procedures.
void RegisterBuiltinProcedures(ProcedureRegistry* registry);

}  // namespace pactgraph::query

// Built-in procedures: db.labels, db.relationshipTypes, db.propertyKeys, db.schema and
// pactgraph.evidence.
#include "query/procedure/procedure_registry.h"

namespace pactgraph::query {
namespace {

Status EmitNames(const std::vector<std::string>& names, const RowEmitter& emit) {
  for (const auto& n : names) PG_RETURN_IF_ERROR(emit({Value(n)}));
  return Status::OK();
}

}  // namespace

void RegisterBuiltinProcedures(ProcedureRegistry* registry) {
  registry->Replace(
      {"db.procedures",
       {},
       {"name", "signature", "description"},
       "Every registered procedure",
       false},
      [registry](ProcedureContext& ctx, const std::vector<Value>&,
                 const RowEmitter& emit) -> Status {
        for (const Procedure* p : registry->List()) {
          PG_RETURN_IF_ERROR(ctx.Check());
          const auto& sig = p->signature;
          std::string text = sig.name + "(";
          for (size_t i = 0; i < sig.params.size(); ++i) {
            text += (i ? ", " : "") + sig.params[i].name + (sig.params[i].optional ? "?" : "");
          }
          text += ") :: (";
          for (size_t i = 0; i < sig.yields.size(); ++i) text += (i ? ", " : "") + sig.yields[i];
          PG_RETURN_IF_ERROR(emit({Value(sig.name), Value(text + ")"), Value(sig.description)}));
        }
        return Status::OK();
      });
  registry->Replace({"db.labels", {}, {"label"}, "Every label with a live node", false},
                    [](ProcedureContext& ctx, const std::vector<Value>&, const RowEmitter& emit) {
                      return EmitNames(ctx.reader->Labels(), emit);
                    });
  registry->Replace(
      {"db.relationshipTypes", {}, {"relationshipType"}, "Every relationship type in use", false},
      [](ProcedureContext& ctx, const std::vector<Value>&, const RowEmitter& emit) {
        return EmitNames(ctx.reader->Types(), emit);
      });
  registry->Replace({"db.propertyKeys", {}, {"propertyKey"}, "Every property key written", false},
                    [](ProcedureContext& ctx, const std::vector<Value>&, const RowEmitter& emit) {
                      return EmitNames(ctx.reader->PropertyKeys(), emit);
                    });
  registry->Replace(
      {"db.schema",
       {},
       {"kind", "name", "count"},
       "Labels and relationship types with counts",
       false},
      [](ProcedureContext& ctx, const std::vector<Value>&, const RowEmitter& emit) -> Status {
        GraphStats stats;
        PG_RETURN_IF_ERROR(ctx.reader->GetStats(&stats));
        for (const auto& [label, n] : stats.labels) {
          PG_RETURN_IF_ERROR(emit({Value("label"), Value(label), Value(static_cast<int64_t>(n))}));
        }
        for (const auto& [type, n] : stats.types) {
          PG_RETURN_IF_ERROR(
              emit({Value("relationshipType"), Value(type), Value(static_cast<int64_t>(n))}));
        }
        return Status::OK();
      });
  registry->Replace(
      {"pactgraph.evidence",
       {{"relationship", false}},
       {"article", "sentence", "date", "modality"},
       "The sentences of articles that support a relationship",
       false},
      [](ProcedureContext& ctx, const std::vector<Value>& args, const RowEmitter& emit) -> Status {
        if (args[0].is_null()) return Status::OK();
        RelId rel;
        if (args[0].is_rel()) {
          rel = args[0].as_rel().id;
        } else if (args[0].is_int() && args[0].as_int() > 0) {
          rel = static_cast<RelId>(args[0].as_int());
        } else {
          return Status::InvalidArgument(
              "pactgraph.evidence: argument must be a relationship or a relationship id, got " +
              std::string(Value::TypeName(args[0].type())));
        }
        std::vector<Evidence> evidence;
        PG_RETURN_IF_ERROR(ctx.reader->GetEvidence(rel, &evidence));
        for (const auto& e : evidence) {
          PG_RETURN_IF_ERROR(ctx.Check());
          ValueMap article{{"id", Value(static_cast<int64_t>(e.article))}};
          Article a;
          if (ctx.reader->GetArticle(e.article, &a).ok()) {
            article["title"] = Value(a.title);
            article["source"] = Value(a.source);
            article["date"] = a.date.empty() ? Value() : Value(a.date);
          }
          Value date;
          if (auto d = Date::Parse(e.date)) {
            date = Value(*d);
          } else if (!e.date.empty()) {
            date = Value(e.date);
          }
          PG_RETURN_IF_ERROR(
              emit({Value(std::move(article)), Value(e.sentence), date, Value(e.modality)}));
        }
        return Status::OK();
      });
}

}  // namespace pactgraph::query

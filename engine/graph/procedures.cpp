// engine/graph/procedures.cpp — registering algo.* procedures with the query engine.
#include <cmath>

#include "engine/graph/algorithms.h"
#include "engine/graph/procedures.h"
#include "engine/graph/path_resolve.h"
#include "engine/graph/paths.h"
#include "engine/graph/snapshot_cache.h"
#include "query/procedure/procedure_registry.h"

namespace pactgraph::graph {

namespace {

// Reads the optional config map of a procedure call.
class Config {
 public:
  Config(std::string proc, const Value& v) : proc_(std::move(proc)) {
    if (v.is_map()) map_ = &v.as_map();
    if (!v.is_null() && !v.is_map()) status_ = Error("the configuration must be a map");
  }
  const Status& status() const { return status_; }

  void Strings(const char* key, std::vector<std::string>* out) {
    const Value* v = Find(key);
    if (v == nullptr) return;
    if (v->is_string()) {
      out->push_back(v->as_string());
      return;
    }
    if (v->is_list()) {
      for (const Value& x : v->as_list()) {
        if (!x.is_string()) return Fail(key, "a list of strings");
        out->push_back(x.as_string());
      }
      return;
    }
    Fail(key, "a string or a list of strings");
  }
  void Bool(const char* key, bool* out) {
    if (const Value* v = Find(key))
      v->is_bool() ? void(*out = v->as_bool()) : Fail(key, "a boolean");
  }
  void String(const char* key, std::string* out) {
    if (const Value* v = Find(key))
      v->is_string() ? void(*out = v->as_string()) : Fail(key, "a string");
  }
  void Number(const char* key, double* out) {
    if (const Value* v = Find(key))
      v->is_number() ? void(*out = v->as_number()) : Fail(key, "a number");
  }
  template <typename Int>
  void Integer(const char* key, Int* out) {
    const Value* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_int() || v->as_int() < 0) return Fail(key, "a non-negative integer");
    *out = static_cast<Int>(v->as_int());
  }
  void DateKey(const char* key, std::optional<Date>* out) {
    const Value* v = Find(key);
    if (v == nullptr) return;
    int32_t days = DateDays(*v);
    if (days == kNoDate) return Fail(key, "a date or an ISO date string");
    *out = Date{days};
  }
  Status Error(const std::string& what) const {
    return Status::InvalidArgument(proc_ + ": " + what);
  }

 private:
  const Value* Find(const char* key) {
    if (map_ == nullptr) return nullptr;
    auto it = map_->find(key);
    return it == map_->end() || it->second.is_null() ? nullptr : &it->second;
  }
  void Fail(const char* key, const char* what) {
    if (status_.ok()) status_ = Error(std::string("option '") + key + "' must be " + what);
  }
  std::string proc_;
  const ValueMap* map_ = nullptr;
  Status status_;
};

void ReadFilter(Config* c, GraphFilter* f) {
  c->Strings("types", &f->types);
  c->Strings("labels", &f->allow_labels);
  c->Strings("avoid", &f->avoid_labels);
  c->Bool("directed", &f->directed);
  c->DateKey("since", &f->since);
  c->DateKey("until", &f->until);
}

Result<NodeId> NodeArg(const std::string& proc, const Value& v, const char* which) {
  if (v.is_node()) return v.as_node().id;
  if (v.is_int() && v.as_int() > 0) return static_cast<NodeId>(v.as_int());
  return Status::InvalidArgument(proc + ": the " + which + " argument must be a node");
}

void RegisterAlgorithm(query::ProcedureRegistry* registry, const std::string& proc_name,
                       const std::string& algo, const std::string& description) {
  query::ProcedureSignature sig;
  sig.name = proc_name;
  sig.params = {{"config", true}};
  sig.yields = {"node", "value"};
  sig.description = description;
  const bool integral = algo != "pagerank" && algo != "betweenness";
  registry->Replace(
      sig,
      [proc_name, algo, integral](query::ProcedureContext& ctx, const std::vector<Value>& args,
                                  const query::RowEmitter& emit) -> Status {
        Config c(proc_name, args.empty() ? Value() : args[0]);
        AlgorithmOptions o;
        ReadFilter(&c, &o.filter);
        c.String("direction", &o.direction);
        c.Number("damping", &o.damping);
        c.Integer("iterations", &o.iterations);
        c.Number("tolerance", &o.tolerance);
        c.Integer("samples", &o.samples);
        c.Integer("seed", &o.seed);
        c.Bool("normalized", &o.normalized);
        PG_RETURN_IF_ERROR(c.status());
        PG_RETURN_IF_ERROR(ctx.Check());
        AlgorithmResult res;
        Status st = pactgraph::RunAlgorithm(*ctx.reader, algo, o, &res);
        if (!st.ok()) return st.WithContext(proc_name);
        for (size_t i = 0; i < res.nodes.size(); ++i) {
          PG_RETURN_IF_ERROR(ctx.Check());
          Node n;
          PG_RETURN_IF_ERROR(ctx.reader->GetNode(res.nodes[i], &n));
          Value value =
              integral ? Value(static_cast<int64_t>(res.values[i])) : Value(res.values[i]);
          PG_RETURN_IF_ERROR(emit({Value(std::move(n)), std::move(value)}));
        }
        return Status::OK();
      });
}

Status ShortestPathProcedure(query::ProcedureContext& ctx, const std::vector<Value>& args,
                             const query::RowEmitter& emit) {
  const std::string proc = "algo.shortestPath";
  PG_ASSIGN_OR_RETURN(NodeId a, NodeArg(proc, args[0], "first"));
  PG_ASSIGN_OR_RETURN(NodeId b, NodeArg(proc, args[1], "second"));
  Config c(proc, args.size() > 2 ? args[2] : Value());
  PathOptions q;
  ReadFilter(&c, &q.filter);
  c.Integer("maxHops", &q.filter.max_hops);
  c.String("weight", &q.weight);
  uint32_t k = 0;
  c.Integer("k", &k);
  bool all = false;
  c.Bool("all", &all);
  PG_RETURN_IF_ERROR(c.status());
  if (q.filter.max_hops == 0) return c.Error("maxHops must be at least 1");
  if (all && (k > 0 || !q.weight.empty())) return c.Error("'all' excludes 'k' and 'weight'");
  if (all) {
    q.mode = PathMode::kAllShortest;
  } else if (k > 0) {
    q.mode = PathMode::kKShortest;
    q.k = k;
  } else if (!q.weight.empty()) {
    q.mode = PathMode::kWeighted;
  }
  // A node deleted earlier in the query has no paths.
  for (NodeId id : {a, b}) {
    PG_ASSIGN_OR_RETURN(bool exists, ctx.reader->NodeExists(id));
    if (!exists) return Status::OK();
  }
  PG_RETURN_IF_ERROR(ctx.Check());
  PathAnswer answer;
  Status st = pactgraph::FindPaths(*ctx.reader, a, b, q, &answer);
  if (!st.ok()) return st.WithContext(proc);
  for (PathResult& p : answer.paths) {
    PG_RETURN_IF_ERROR(ctx.Check());
    const double cost = p.cost;
    PG_RETURN_IF_ERROR(emit({Value(std::move(p.path)), Value(cost)}));
  }
  return Status::OK();
}

}  // namespace

void RegisterGraphProcedures(query::ProcedureRegistry* registry) {
  RegisterAlgorithm(registry, "algo.degree", "degree", "Relationships per node");
  RegisterAlgorithm(registry, "algo.wcc", "wcc",
                    "Weakly connected components (value: smallest node id of the component)");
  RegisterAlgorithm(registry, "algo.scc", "scc",
                    "Strongly connected components (value: smallest node id of the component)");
  RegisterAlgorithm(registry, "algo.pageRank", "pagerank", "PageRank (damping, iterations)");
  RegisterAlgorithm(registry, "algo.betweenness", "betweenness",
                    "Betweenness centrality (Brandes; sampled on large graphs)");
  RegisterAlgorithm(registry, "algo.community", "community",
                    "Communities by label propagation (value: smallest node id)");
  RegisterAlgorithm(registry, "algo.kcore", "kcore", "Core number of every node");
  query::ProcedureSignature sig;
  sig.name = "algo.shortestPath";
  sig.params = {{"start", false}, {"end", false}, {"config", true}};
  sig.yields = {"path", "cost"};
  sig.description =
      "Shortest, cheapest (weight), k shortest (k) or all shortest (all) paths between two nodes";
  registry->Replace(sig, ShortestPathProcedure);
}

}  // namespace pactgraph::graph

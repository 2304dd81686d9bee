// python/src/graph.cpp — paths with their evidence, the evidence between two actors, the
// whole-graph algorithms and the graph as plain lists for NetworkX.
//
// Node arguments are ints (node ids) or strings (a name, an alias or an id, as ResolveNode
// reads them). Filters arrive as plain Python values (lists of strings, ISO date strings) and
// are checked here; the searches and scans then run with the GIL released on one reader, and
// the answer goes back as dicts and lists that the Python half wraps in its classes.
#include <pybind11/stl.h>

#include <set>

#include "pactgraph/algorithms.h"
#include "pactgraph/paths.h"
#include "python/src/native.h"

namespace pactgraph::python {
namespace {

// A node as the user named it, taken from Python before the GIL is released.
struct NodeArg {
  bool by_id = false;
  NodeId id = 0;
  std::string name;
  const char* role = "";
};

NodeArg NodeArgFromPython(py::handle o, const char* role) {
  NodeArg a;
  a.role = role;
  if (PyLong_Check(o.ptr()) && !PyBool_Check(o.ptr())) {
    int overflow = 0;
    const long long id = PyLong_AsLongLongAndOverflow(o.ptr(), &overflow);
    if (id == -1 && PyErr_Occurred()) throw py::error_already_set();
    if (overflow != 0 || id <= 0) {
      ThrowInput(std::string(role) + ": node ids are positive 64-bit integers, got " +
                 std::string(py::str(o)));
    }
    a.by_id = true;
    a.id = static_cast<NodeId>(id);
  } else if (PyUnicode_Check(o.ptr())) {
    a.name = o.cast<std::string>();
  } else {
    ThrowInput(std::string(role) + ": expected a node id (int), a name (str) or a Node, got " +
               std::string(py::str(py::type::handle_of(o).attr("__name__"))));
  }
  return a;
}

Result<NodeId> Resolve(const GraphReader& reader, const NodeArg& a) {
  if (!a.by_id) {
    auto id = ResolveNode(reader, a.name);
    if (!id.ok()) return id.status().WithContext(a.role);
    return id;
  }
  PG_ASSIGN_OR_RETURN(bool exists, reader.NodeExists(a.id));
  if (!exists)
    return Status::NotFound(std::string(a.role) + ": no node with id " + std::to_string(a.id));
  return a.id;
}

GraphFilter FilterFromPython(const py::dict& o) {
  GraphFilter f;
  f.types = o["types"].cast<std::vector<std::string>>();
  f.allow_labels = o["labels"].cast<std::vector<std::string>>();
  f.avoid_labels = o["avoid"].cast<std::vector<std::string>>();
  f.directed = o["directed"].cast<bool>();
  for (const char* bound : {"since", "until"}) {
    if (o[bound].is_none()) continue;
    auto d = ParseDateBound(o[bound].cast<std::string>(), bound);
    if (!d.ok()) ThrowStatus(d.status(), ErrorSite::kCall);
    (std::string(bound) == "since" ? f.since : f.until) = *d;
  }
  return f;
}

py::dict EvidenceToPython(const Evidence& e) {
  py::dict d;
  d["relationship"] = e.relationship;
  d["article"] = e.article;
  d["sentence"] = e.sentence;
  d["begin"] = e.begin;
  d["end"] = e.end;
  d["modality"] = e.modality;
  d["date"] = e.date;
  return d;
}

py::dict ArticlesToPython(const std::map<ArticleId, Article>& articles) {
  py::dict out;
  for (const auto& [id, a] : articles) {
    py::dict d;
    d["id"] = a.id;
    d["title"] = a.title;
    d["source"] = a.source;
    d["date"] = a.date;
    d["file"] = a.file;
    out[py::int_(id)] = d;
  }
  return out;
}

template <typename Fn>
void WithReader(NativeDb& self, Fn fn) {
  NativeDb::Use use(&self);
  Status s;
  {
    py::gil_scoped_release nogil;
    auto reader = use.db()->NewReader();
    s = fn(*reader);
  }
  if (!s.ok()) ThrowStatus(s, ErrorSite::kCall);
}

py::dict Paths(NativeDb& self, py::object from, py::object to, const py::dict& o) {
  const NodeArg a = NodeArgFromPython(from, "from"), b = NodeArgFromPython(to, "to");
  PathOptions options;
  options.filter = FilterFromPython(o);
  options.filter.max_hops = o["max_hops"].cast<uint32_t>();
  options.weight = o["weight"].cast<std::string>();
  options.k = o["k"].cast<uint32_t>();
  options.limit = o["limit"].cast<size_t>();
  options.with_evidence = o["evidence"].cast<bool>();
  const std::string mode = o["mode"].cast<std::string>();
  options.mode = mode == "all"        ? PathMode::kAllShortest
                 : mode == "k"        ? PathMode::kKShortest
                 : mode == "weighted" ? PathMode::kWeighted
                                      : PathMode::kShortest;
  PathAnswer answer;
  WithReader(self, [&](const GraphReader& reader) -> Status {
    PG_ASSIGN_OR_RETURN(NodeId s, Resolve(reader, a));
    PG_ASSIGN_OR_RETURN(NodeId t, Resolve(reader, b));
    return FindPaths(reader, s, t, options, &answer);
  });
  py::list paths;
  for (const PathResult& p : answer.paths) {
    py::dict d;
    d["path"] = ToPython(Value(p.path));
    d["cost"] = p.cost;
    if (options.with_evidence) {
      py::list hops;
      for (const auto& hop : p.evidence) {
        py::list ev;
        for (const Evidence& e : hop) ev.append(EvidenceToPython(e));
        hops.append(ev);
      }
      d["evidence"] = hops;
      d["articles"] = ArticlesToPython(p.articles);
    }
    paths.append(d);
  }
  py::dict out;
  out["paths"] = paths;
  out["truncated"] = answer.truncated;
  return out;
}

py::dict EvidenceBetweenPy(NativeDb& self, py::object x, py::object y) {
  const NodeArg a = NodeArgFromPython(x, "a"), b = NodeArgFromPython(y, "b");
  EvidenceAnswer answer;
  WithReader(self, [&](const GraphReader& reader) -> Status {
    PG_ASSIGN_OR_RETURN(NodeId s, Resolve(reader, a));
    PG_ASSIGN_OR_RETURN(NodeId t, Resolve(reader, b));
    return EvidenceBetween(reader, s, t, &answer);
  });
  py::list rels;
  for (const RelationshipEvidence& item : answer.relationships) {
    py::dict d;
    d["relationship"] = ToPython(Value(item.relationship));
    py::list ev;
    for (const Evidence& e : item.evidence) ev.append(EvidenceToPython(e));
    d["evidence"] = ev;
    rels.append(d);
  }
  py::dict out;
  out["a"] = ToPython(Value(answer.a));
  out["b"] = ToPython(Value(answer.b));
  out["relationships"] = rels;
  out["articles"] = ArticlesToPython(answer.articles);
  return out;
}

py::dict Algo(NativeDb& self, const std::string& name, const py::dict& o) {
  AlgorithmOptions options;
  options.filter = FilterFromPython(o);
  options.direction = o["direction"].cast<std::string>();
  options.damping = o["damping"].cast<double>();
  options.iterations = o["iterations"].cast<uint32_t>();
  options.tolerance = o["tolerance"].cast<double>();
  options.samples = o["samples"].cast<uint32_t>();
  options.sample_above = o["sample_above"].cast<uint32_t>();
  options.seed = o["seed"].cast<uint64_t>();
  options.normalized = o["normalized"].cast<bool>();
  const bool with_nodes = o["nodes"].cast<bool>();
  AlgorithmResult result;
  std::vector<Node> nodes;
  NativeDb::Use use(&self);
  CancelScope scope(&self);  // Ctrl-C, interrupt() and close() stop the long algorithms
  options.cancel = scope.flag();
  Status s;
  {
    py::gil_scoped_release nogil;
    auto reader = use.db()->NewReader();
    s = RunAlgorithm(*reader, name, options, &result);
    if (s.ok() && with_nodes) {
      nodes.resize(result.nodes.size());
      for (size_t i = 0; i < result.nodes.size() && s.ok(); ++i) {
        s = reader->GetNode(result.nodes[i], &nodes[i]);
      }
    }
  }
  if (!s.ok()) {
    scope.RaiseIfSignalled(s);
    ThrowStatus(s, ErrorSite::kCall);
  }
  py::dict out;
  out["ids"] = result.nodes;
  out["values"] = result.values;
  if (with_nodes) {
    py::list names(nodes.size()), labels(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
      names[i] = NodeName(nodes[i]);
      labels[i] = py::cast(nodes[i].labels);
    }
    out["names"] = names;
    out["labels"] = labels;
  }
  out["groups"] = result.groups;
  out["iterations"] = result.iterations;
  out["sampled"] = result.sampled;
  return out;
}

// Every node with `label` (all when empty) and every relationship of `types` (all when empty)
// between two of them, with labels and properties: what to_networkx() builds its graph from.
py::tuple GraphData(NativeDb& self, const std::string& label,
                    const std::vector<std::string>& types) {
  std::vector<Node> nodes;
  std::vector<Relationship> rels;
  WithReader(self, [&](const GraphReader& reader) -> Status {
    if (!label.empty() && !reader.FindLabel(label).ok()) {
      std::string known;
      for (const auto& l : reader.Labels()) known += (known.empty() ? "" : ", ") + l;
      return Status::InvalidArgument("label: unknown label '" + label + "' (known: " + known + ")");
    }
    std::set<TypeId> wanted;
    for (const std::string& t : types) {
      auto id = reader.FindType(t);
      if (!id.ok()) {
        std::string known;
        for (const auto& k : reader.Types()) known += (known.empty() ? "" : ", ") + k;
        return Status::InvalidArgument("types: unknown relationship type '" + t +
                                       "' (known: " + known + ")");
      }
      wanted.insert(*id);
    }
    std::set<NodeId> ids;
    Status inner;
    PG_RETURN_IF_ERROR(reader.ScanNodes(label, [&](NodeId id) {
      Node n;
      inner = reader.GetNode(id, &n);
      if (!inner.ok()) return false;
      ids.insert(id);
      nodes.push_back(std::move(n));
      return true;
    }));
    PG_RETURN_IF_ERROR(inner);
    std::vector<RelId> rel_ids;
    PG_RETURN_IF_ERROR(reader.ScanRelationships([&](const RelEndpoints& r) {
      if ((wanted.empty() || wanted.count(r.type)) && ids.count(r.start) && ids.count(r.end)) {
        rel_ids.push_back(r.id);
      }
      return true;
    }));
    rels.resize(rel_ids.size());
    for (size_t i = 0; i < rel_ids.size(); ++i) {
      PG_RETURN_IF_ERROR(reader.GetRelationship(rel_ids[i], &rels[i]));
    }
    return Status::OK();
  });
  py::list py_nodes(nodes.size()), py_rels(rels.size());
  for (size_t i = 0; i < nodes.size(); ++i) py_nodes[i] = ToPython(Value(std::move(nodes[i])));
  for (size_t i = 0; i < rels.size(); ++i) py_rels[i] = ToPython(Value(std::move(rels[i])));
  return py::make_tuple(py_nodes, py_rels);
}

}  // namespace

void BindGraph(py::module_& m, NativeDbClass& db) {
  db.def("paths", &Paths, py::arg("from_"), py::arg("to"), py::arg("options"));
  db.def("evidence", &EvidenceBetweenPy, py::arg("a"), py::arg("b"));
  db.def("algo", &Algo, py::arg("name"), py::arg("options"));
  db.def("graph_data", &GraphData, py::arg("label"), py::arg("types"));
  m.def("algorithm_names", [] { return AlgorithmNames(); });
}

}  // namespace pactgraph::python

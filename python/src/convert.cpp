// python/src/convert.cpp — pactgraph Value <-> Python objects.
//
// To Python: null -> None, bool, int, float, str, date -> datetime.date, list -> list,
// map -> dict, node -> pactgraph.Node, relationship -> pactgraph.Relationship, path ->
// pactgraph.Path. From Python (parameters and properties): the same back, plus tuples as
// lists, numpy scalars (anything with __index__ as an int, numpy floating and bool_ types),
// and pandas.NA / NaT-free missing values as null. Everything else is refused with the place
// named ("parameter $rows[3].when: datetime.datetime is not supported…"), never guessed: a set
// has no order, bytes no encoding, and an object's str() is not its value.
//
// Cost: one Python object per value out, one Value per object in; strings are copied once
// (UTF-8 both ways). Nesting deeper than kMaxDepth is refused (a list that contains itself
// would otherwise recurse forever).
#include <cmath>
#include <limits>

#include "python/src/native.h"

namespace pactgraph::python {
namespace {

constexpr int kMaxDepth = 200;

py::str Str(const std::string& s) {
  PyObject* o = PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

py::dict MapToPython(const ValueMap& m) {
  py::dict d;
  for (const auto& [k, v] : m) {
    py::str key = Str(k);
    py::object value = ToPython(v);
    if (PyDict_SetItem(d.ptr(), key.ptr(), value.ptr()) != 0) throw py::error_already_set();
  }
  return d;
}

py::list LabelsToPython(const std::vector<std::string>& labels) {
  py::list l(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    PyList_SET_ITEM(l.ptr(), static_cast<Py_ssize_t>(i), Str(labels[i]).release().ptr());
  }
  return l;
}

py::object NodeToPython(const Node& n) {
  return Classes().node(py::int_(n.id), LabelsToPython(n.labels), MapToPython(n.properties));
}

py::object RelToPython(const Relationship& r) {
  return Classes().relationship(py::int_(r.id), Str(r.type), py::int_(r.start), py::int_(r.end),
                                MapToPython(r.properties));
}

py::object PathToPython(const Path& p) {
  py::list nodes(p.nodes.size()), rels(p.relationships.size());
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    PyList_SET_ITEM(nodes.ptr(), static_cast<Py_ssize_t>(i),
                    NodeToPython(p.nodes[i]).release().ptr());
  }
  for (size_t i = 0; i < p.relationships.size(); ++i) {
    PyList_SET_ITEM(rels.ptr(), static_cast<Py_ssize_t>(i),
                    RelToPython(p.relationships[i]).release().ptr());
  }
  return Classes().path(nodes, rels);
}

std::string TypeNameOf(py::handle o) {
  py::handle t = py::type::handle_of(o);
  std::string module = py::str(t.attr("__module__"));
  std::string name = py::str(t.attr("__qualname__"));
  return module == "builtins" ? name : module + "." + name;
}

bool IsNumpy(py::handle o, const char* prefix) {
  py::handle t = py::type::handle_of(o);
  if (!py::hasattr(t, "__module__")) return false;
  return py::str(t.attr("__module__")).cast<std::string>().rfind(prefix, 0) == 0;
}

std::string Utf8(py::handle s, const std::string& where) {
  Py_ssize_t n = 0;
  const char* data = PyUnicode_AsUTF8AndSize(s.ptr(), &n);
  if (data == nullptr) {
    PyErr_Clear();
    ThrowInput(where + ": the string is not valid Unicode (it holds a lone surrogate)");
  }
  return std::string(data, static_cast<size_t>(n));
}

Value IntFromPython(py::handle o, const std::string& where) {
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(o.ptr(), &overflow);
  if (overflow != 0) {
    ThrowInput(where + ": integer " + std::string(py::str(o)) +
               " does not fit in 64 bits (pactgraph integers are signed 64-bit)");
  }
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  return Value(static_cast<int64_t>(v));
}

// Node, Relationship and Path objects of the package go back to their Value kinds, so a value
// read from a result can be passed as a parameter again.
bool EntityFromPython(py::handle o, const std::string& where, int depth, Value* out) {
  const PyClasses& c = Classes();
  if (py::isinstance(o, c.node)) {
    Node n;
    n.id = o.attr("id").cast<NodeId>();
    for (py::handle l : o.attr("labels")) n.labels.push_back(Utf8(l, where + ".labels"));
    n.properties = MapFromPython(o.attr("properties"), where + ".properties", depth + 1);
    *out = Value(std::move(n));
    return true;
  }
  if (py::isinstance(o, c.relationship)) {
    Relationship r;
    r.id = o.attr("id").cast<RelId>();
    r.type = Utf8(o.attr("type"), where + ".type");
    r.start = o.attr("start").cast<NodeId>();
    r.end = o.attr("end").cast<NodeId>();
    r.properties = MapFromPython(o.attr("properties"), where + ".properties", depth + 1);
    *out = Value(std::move(r));
    return true;
  }
  if (py::isinstance(o, c.path)) {
    Path p;
    for (py::handle n : o.attr("nodes")) {
      Value v = FromPython(n, where + ".nodes", depth + 1);
      if (!v.is_node()) ThrowInput(where + ".nodes: holds a " + TypeNameOf(n) + ", not a Node");
      p.nodes.push_back(v.as_node());
    }
    for (py::handle r : o.attr("relationships")) {
      Value v = FromPython(r, where + ".relationships", depth + 1);
      if (!v.is_rel()) {
        ThrowInput(where + ".relationships: holds a " + TypeNameOf(r) + ", not a Relationship");
      }
      p.relationships.push_back(v.as_rel());
    }
    if (p.nodes.size() != p.relationships.size() + 1) {
      ThrowInput(where + ": a path needs one more node than relationships");
    }
    *out = Value(std::move(p));
    return true;
  }
  return false;
}

}  // namespace

py::object ToPython(const Value& v) {
  // One case per Value kind; a kind added to Value without a case here fails to compile
  // (-Wswitch -Werror), which is where a new kind's conversion belongs.
  switch (v.type()) {
    case Value::Type::kNull:
      return py::none();
    case Value::Type::kBool:
      return py::bool_(v.as_bool());
    case Value::Type::kInt:
      return py::reinterpret_steal<py::object>(PyLong_FromLongLong(v.as_int()));
    case Value::Type::kFloat:
      return py::float_(v.as_float());
    case Value::Type::kString:
      return Str(v.as_string());
    case Value::Type::kDate:
      return DateToPython(v.as_date());
    case Value::Type::kLocalTime:
    case Value::Type::kTime:
    case Value::Type::kLocalDateTime:
    case Value::Type::kDateTime:
    case Value::Type::kDuration:
      // Not yet datetime.time/datetime/timedelta objects (convert_temporal.cpp is where they
      // go): their ISO text, e.g. "10:35:00", "P1DT2H" (docs/python.md, "What is left").
      return Str(v.TemporalText());
    case Value::Type::kList: {
      const ValueList& l = v.as_list();
      py::list out(l.size());
      for (size_t i = 0; i < l.size(); ++i) {
        PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), ToPython(l[i]).release().ptr());
      }
      return out;
    }
    case Value::Type::kMap:
      return MapToPython(v.as_map());
    case Value::Type::kNode:
      return NodeToPython(v.as_node());
    case Value::Type::kRel:
      return RelToPython(v.as_rel());
    case Value::Type::kPath:
      return PathToPython(v.as_path());
  }
  throw std::logic_error("unknown Value kind");
}

ValueMap MapFromPython(py::handle dict, const std::string& where, int depth) {
  if (!PyDict_Check(dict.ptr())) {
    ThrowInput(where + ": expected a dict, got " + TypeNameOf(dict));
  }
  ValueMap m;
  PyObject *key = nullptr, *value = nullptr;
  Py_ssize_t pos = 0;
  while (PyDict_Next(dict.ptr(), &pos, &key, &value)) {
    if (!PyUnicode_Check(key)) {
      ThrowInput(where + ": map keys must be str, got " + TypeNameOf(key) + " " +
                 std::string(py::repr(key)));
    }
    std::string k = Utf8(key, where);
    m.emplace(k, FromPython(value, where + "." + k, depth + 1));
  }
  return m;
}

Value FromPython(py::handle o, const std::string& where, int depth) {
  if (depth > kMaxDepth) {
    // The place is cut short: two hundred "[0]" say nothing more than a few.
    const std::string place = where.size() > 60 ? where.substr(0, 60) + "…" : where;
    ThrowInput(place + ": nested deeper than " + std::to_string(kMaxDepth) +
               " levels (does a list or dict contain itself?)");
  }
  PyObject* p = o.ptr();
  if (p == Py_None) return Value();
  if (PyBool_Check(p)) return Value(p == Py_True);
  if (PyLong_Check(p)) return IntFromPython(o, where);
  if (PyFloat_Check(p)) return Value(PyFloat_AS_DOUBLE(p));
  if (PyUnicode_Check(p)) return Value(Utf8(o, where));
  if (PyList_Check(p) || PyTuple_Check(p)) {
    ValueList l;
    py::sequence seq = py::reinterpret_borrow<py::sequence>(o);
    l.reserve(static_cast<size_t>(py::len(seq)));
    size_t i = 0;
    for (py::handle item : seq) {
      l.push_back(FromPython(item, where + "[" + std::to_string(i++) + "]", depth + 1));
    }
    return Value(std::move(l));
  }
  if (PyDict_Check(p)) return Value(MapFromPython(o, where, depth));
  Value v;
  if (TemporalFromPython(o, where, &v)) return v;
  if (EntityFromPython(o, where, depth, &v)) return v;
  // numpy and pandas scalars, which DataFrame rows are made of.
  if (IsNumpy(o, "numpy")) {
    const std::string name = py::str(py::type::handle_of(o).attr("__name__"));
    if (name == "bool_") return Value(PyObject_IsTrue(p) == 1);
    if (py::hasattr(o, "__index__"))
      return IntFromPython(py::reinterpret_steal<py::object>(PyNumber_Index(p)), where);
    if (py::hasattr(o, "__float__") && name.rfind("float", 0) == 0) {
      const double d = PyFloat_AsDouble(p);
      if (d == -1.0 && PyErr_Occurred()) throw py::error_already_set();
      return Value(d);
    }
  }
  if (IsNumpy(o, "pandas") &&
      std::string(py::str(py::type::handle_of(o).attr("__name__"))) == "NAType") {
    return Value();
  }
  if (PyAnySet_Check(p)) {
    ThrowInput(where + ": a " + TypeNameOf(o) +
               " has no order; pass a list (sorted(...) if the order should be stable)");
  }
  if (PyBytes_Check(p) || PyByteArray_Check(p)) {
    ThrowInput(where + ": bytes are not stored; decode them to str first");
  }
  ThrowInput(where + ": values of type " + TypeNameOf(o) +
             " cannot be stored (use None, bool, int, float, str, datetime.date, list or "
             "dict)");
}

}  // namespace pactgraph::python

// python/src/result.cpp — a finished query's rows, converted to Python on demand.
//
// NativeResult owns the QueryResult (C++ Values) and converts rows when asked: one row as a
// dict or tuple, all rows at once (one C++ loop, no Python call per row), or one column as
// the arrays pandas is built from: int64 / float64 / bool numpy arrays (with a mask for
// nulls) for uniform numeric and boolean columns, object arrays for the rest. Column names are
// converted once and shared by every dict.
//
// Memory: the C++ rows live as long as the NativeResult (the Python Result holds it); release()
// frees them early. live_results() counts the objects alive, so a test can see they go away.
#include <pybind11/numpy.h>

#include <cmath>

#include "python/src/native.h"

namespace pactgraph::python {
namespace {

std::atomic<int64_t> g_live{0};

class NativeResult {
 public:
  explicit NativeResult(QueryResult r) : r_(std::move(r)) {
    ++g_live;
    columns_ = py::list(r_.columns().size());
    for (size_t i = 0; i < r_.columns().size(); ++i) {
      const std::string& c = r_.columns()[i];
      PyObject* s = PyUnicode_FromStringAndSize(c.data(), static_cast<Py_ssize_t>(c.size()));
      if (s == nullptr) throw py::error_already_set();
      PyUnicode_InternInPlace(&s);
      PyList_SET_ITEM(columns_.ptr(), static_cast<Py_ssize_t>(i), s);
    }
  }
  ~NativeResult() { --g_live; }

  size_t size() const { return released_ ? 0 : r_.size(); }
  py::list columns() const { return columns_; }

  py::dict Stats() const {
    const QueryStats& s = r_.stats();
    py::dict d;
    d["nodes_created"] = s.nodes_created;
    d["nodes_deleted"] = s.nodes_deleted;
    d["relationships_created"] = s.relationships_created;
    d["relationships_deleted"] = s.relationships_deleted;
    d["properties_set"] = s.properties_set;
    d["labels_added"] = s.labels_added;
    d["labels_removed"] = s.labels_removed;
    d["wrote"] = s.wrote;
    d["elapsed_ms"] = s.elapsed_ms;
    return d;
  }

  py::dict Dict(size_t i) const {
    const std::vector<Value>& row = Row(i);
    py::dict d;
    for (size_t c = 0; c < row.size(); ++c) {
      py::object v = ToPython(row[c]);
      if (PyDict_SetItem(d.ptr(), PyList_GET_ITEM(columns_.ptr(), c), v.ptr()) != 0) {
        throw py::error_already_set();
      }
    }
    return d;
  }

  py::tuple Tuple(size_t i) const {
    const std::vector<Value>& row = Row(i);
    py::tuple t(row.size());
    for (size_t c = 0; c < row.size(); ++c) {
      PyTuple_SET_ITEM(t.ptr(), static_cast<Py_ssize_t>(c), ToPython(row[c]).release().ptr());
    }
    return t;
  }

  py::list Dicts() const {
    py::list out(size());
    for (size_t i = 0; i < size(); ++i) {
      PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), Dict(i).release().ptr());
    }
    return out;
  }

  py::list Tuples() const {
    py::list out(size());
    for (size_t i = 0; i < size(); ++i) {
      PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), Tuple(i).release().ptr());
    }
    return out;
  }

  py::list Column(size_t c) const {
    CheckColumn(c);
    py::list out(size());
    for (size_t i = 0; i < size(); ++i) {
      PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i),
                      ToPython(r_.row(i)[c]).release().ptr());
    }
    return out;
  }

  // (kind, values, mask): kind "int", "float", "bool" with a numpy array of values and a bool
  // mask of nulls (None when there are none), or "object" with an object array.
  py::tuple ColumnArrays(size_t c) const {
    CheckColumn(c);
    const size_t n = size();
    bool any_int = false, any_float = false, any_bool = false, any_other = false, any_null = false;
    for (size_t i = 0; i < n && !any_other; ++i) {
      switch (r_.row(i)[c].type()) {
        case Value::Type::kNull:
          any_null = true;
          break;
        case Value::Type::kInt:
          any_int = true;
          break;
        case Value::Type::kFloat:
          any_float = true;
          break;
        case Value::Type::kBool:
          any_bool = true;
          break;
        default:
          any_other = true;
      }
    }
    const bool numeric = (any_int || any_float) && !any_bool && !any_other;
    if (numeric && any_float) {
      // Floats (and ints among them, as pandas itself would) with NaN for null.
      py::array_t<double> values(static_cast<py::ssize_t>(n));
      double* out = values.mutable_data();
      for (size_t i = 0; i < n; ++i) {
        const Value& v = r_.row(i)[c];
        out[i] = v.is_null() ? std::nan("") : v.as_number();
      }
      return py::make_tuple("float", values, py::none());
    }
    if (numeric)
      return Masked<int64_t>("int", c, any_null, [](const Value& v) { return v.as_int(); });
    if (any_bool && !any_int && !any_float && !any_other) {
      return Masked<bool>("bool", c, any_null, [](const Value& v) { return v.as_bool(); });
    }
    py::array objects(py::dtype("object"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
    auto** slots = static_cast<PyObject**>(objects.mutable_data());
    for (size_t i = 0; i < n; ++i) {
      PyObject* v = ToPython(r_.row(i)[c]).release().ptr();
      Py_XDECREF(slots[i]);  // numpy fills new object arrays with None (or NULL)
      slots[i] = v;
    }
    return py::make_tuple("object", objects, py::none());
  }

  void Release() {
    released_ = true;
    r_ = QueryResult();
  }

 private:
  template <typename T, typename Get>
  py::tuple Masked(const char* kind, size_t c, bool any_null, Get get) const {
    const size_t n = size();
    py::array_t<T> values(static_cast<py::ssize_t>(n));
    T* out = values.mutable_data();
    py::object mask = py::none();
    bool* m = nullptr;
    if (any_null) {
      py::array_t<bool> mask_array(static_cast<py::ssize_t>(n));
      m = mask_array.mutable_data();
      mask = mask_array;
    }
    for (size_t i = 0; i < n; ++i) {
      const Value& v = r_.row(i)[c];
      const bool null = v.is_null();
      out[i] = null ? T() : get(v);
      if (m != nullptr) m[i] = null;
    }
    return py::make_tuple(kind, values, mask);
  }

  const std::vector<Value>& Row(size_t i) const {
    if (i >= size()) throw py::index_error("row " + std::to_string(i) + " out of range");
    return r_.row(i);
  }
  void CheckColumn(size_t c) const {
    if (c >= r_.columns().size())
      throw py::index_error("column " + std::to_string(c) + " out of range");
  }

  QueryResult r_;
  py::list columns_;
  bool released_ = false;
};

}  // namespace

py::object MakeResult(QueryResult result) {
  return py::cast(std::make_unique<NativeResult>(std::move(result)));
}

void BindResult(py::module_& m) {
  py::class_<NativeResult>(m, "NativeResult")
      .def("__len__", &NativeResult::size)
      .def_property_readonly("columns", &NativeResult::columns)
      .def("stats", &NativeResult::Stats)
      .def("dict", &NativeResult::Dict)
      .def("tuple", &NativeResult::Tuple)
      .def("dicts", &NativeResult::Dicts)
      .def("tuples", &NativeResult::Tuples)
      .def("column", &NativeResult::Column)
      .def("column_arrays", &NativeResult::ColumnArrays)
      .def("release", &NativeResult::Release);
  m.def(
      "live_results", [] { return g_live.load(); },
      "How many query results are alive (their C++ rows not yet freed); for tests.");
}

}  // namespace pactgraph::python

// python/src/module.cpp — the `pactgraph._native` extension module: its definition and the
// registration of the Python classes it builds.
//
// The Python package (python/pactgraph/__init__.py) imports this module, then calls
// `_register(node, relationship, path, errors)` once with its value classes and its exception
// classes; from then on the native side builds pactgraph.Node objects and raises
// pactgraph.QueryError itself. Calling a database method before registration raises
// RuntimeError (see RequireRegistered), which only happens when `_native` is imported alone.
#include "pactgraph/ingest.h"
#include "python/src/native.h"

namespace pactgraph::python {
namespace {

void Register(py::object node, py::object relationship, py::object path, py::dict errors) {
  PyClasses& c = Classes();
  c.node = std::move(node);
  c.relationship = std::move(relationship);
  c.path = std::move(path);
  c.errors = std::move(errors);
  c.date = py::module_::import("datetime").attr("date");
}

}  // namespace
}  // namespace pactgraph::python

PYBIND11_MODULE(_native, m) {
  namespace pp = pactgraph::python;
  m.doc() =
      "Native half of the pactgraph package (pybind11 over libpactgraph.so); "
      "use `import pactgraph`.";
  pp::InitTemporal();
  m.def("_register", &pp::Register, pybind11::arg("node"), pybind11::arg("relationship"),
        pybind11::arg("path"), pybind11::arg("errors"));
  auto db = pp::BindDatabase(m);
  pp::BindResult(m);
  pp::BindGraph(m, db);
  pp::BindIngest(m, db);
  m.def("default_data_dir", [] { return pactgraph::DefaultDataDir(); });
}

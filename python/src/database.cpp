// python/src/database.cpp — the native database object: opening and closing, queries, catching
// up, statistics, the integrity check, import and export.
//
// Each call takes a NativeDb::Use (so close() waits for it), converts its arguments with the
// GIL held, runs pactgraph with the GIL released, and converts the answer back. Queries get a
// CancelScope, so Ctrl-C, interrupt() and close() stop them.
#include <pybind11/stl.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "pactgraph/import_export.h"
#include "python/src/native.h"

namespace pactgraph::python {
namespace {

// The databases this thread is inside a call of (a callback calling close() would wait for
// itself).
thread_local std::vector<const NativeDb*> t_in_call;

py::dict StatsToPython(const GraphStats& s) {
  py::dict d;
  d["nodes"] = s.nodes;
  d["relationships"] = s.relationships;
  d["articles"] = s.articles;
  d["evidence"] = s.evidence;
  d["labels"] = s.labels;
  d["types"] = s.types;
  d["disk_bytes"] = s.disk_bytes;
  return d;
}

py::dict CheckToPython(const CheckReport& r) {
  py::dict counts;
  counts["nodes"] = r.nodes;
  counts["relationships"] = r.relationships;
  counts["articles"] = r.articles;
  counts["evidence"] = r.evidence;
  counts["adjacency_entries"] = r.adjacency_entries;
  counts["label_entries"] = r.label_entries;
  counts["name_entries"] = r.name_entries;
  counts["hash_entries"] = r.hash_entries;
  counts["dictionary_entries"] = r.dictionary_entries;
  py::dict d;
  d["counts"] = counts;
  d["problems"] = r.problems;
  d["problem_count"] = r.problem_count;
  return d;
}

py::dict ImportToPython(const ImportSummary& s) {
  py::dict d;
  d["nodes"] = s.nodes;
  d["relationships"] = s.relationships;
  d["nodes_matched"] = s.nodes_matched;
  d["relationships_matched"] = s.relationships_matched;
  d["nodes_differing"] = s.nodes_differing;
  d["new_ids"] = s.external_ids;
  d["parse_seconds"] = s.parse_seconds;
  d["load_seconds"] = s.load_seconds;
  return d;
}

// "merge"/"append" and "id"/"name", as the CLI's --mode and --match-on.
ImportOptions ParseImportOptions(const std::string& mode, const std::string& match_on) {
  ImportOptions o;
  if (mode == "append") {
    o.mode = ImportMode::kAppend;
  } else if (mode != "merge") {
    throw py::value_error("mode must be 'merge' or 'append', not '" + mode + "'");
  }
  if (match_on == "name") {
    o.match_on = ImportMatch::kName;
  } else if (match_on != "id") {
    throw py::value_error("match_on must be 'id' or 'name', not '" + match_on + "'");
  }
  return o;
}

struct QueryArgs {
  int64_t timeout_ms = 30'000;
  uint64_t max_rows = 10'000'000;
  uint64_t max_memory_mb = 1024;
  uint32_t max_depth = 10;
};

py::object Query(NativeDb& self, std::string_view text, py::object params, const QueryArgs& a) {
  NativeDb::Use use(&self);
  ValueMap values;
  if (!params.is_none()) {
    if (!PyDict_Check(params.ptr())) {
      ThrowInput("params must be a dict of parameter names to values, got " +
                 std::string(py::str(py::type::handle_of(params).attr("__name__"))));
    }
    PyObject *key = nullptr, *value = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(params.ptr(), &pos, &key, &value)) {
      if (!PyUnicode_Check(key)) {
        ThrowInput("parameter names must be str, got " + std::string(py::repr(key)));
      }
      std::string name = py::reinterpret_borrow<py::str>(key);
      values.emplace(name, FromPython(value, "parameter $" + name));
    }
  }
  SessionOptions options;
  options.timeout_ms = a.timeout_ms;
  options.max_rows = a.max_rows;
  options.max_memory_mb = a.max_memory_mb;
  options.max_var_length_depth = a.max_depth;
  CancelScope scope(&self);
  options.cancel = scope.flag();
  std::optional<Result<QueryResult>> result;
  {
    py::gil_scoped_release nogil;
    Session session(use.db(), options);
    result.emplace(session.Execute(text, values));
  }
  if (!result->ok()) {
    scope.RaiseIfSignalled(result->status());
    ThrowStatus(result->status(), ErrorSite::kQuery, text);
  }
  return MakeResult(std::move(**result));
}

// Runs `fn(Database*)` -> Status with the GIL released under a Use; raises on error.
template <typename Fn>
void RunStatus(NativeDb& self, Fn fn) {
  NativeDb::Use use(&self);
  Status s;
  {
    py::gil_scoped_release nogil;
    s = fn(use.db());
  }
  if (!s.ok()) ThrowStatus(s, ErrorSite::kCall);
}

}  // namespace

std::unique_ptr<NativeDb> NativeDb::Open(const OpenArgs& args) {
  Options options;
  options.create_if_missing = args.create && !args.read_only;
  options.read_only = args.read_only;
  options.sync = args.sync;
  options.block_cache_mb = args.block_cache_mb;
  std::optional<Result<std::unique_ptr<Database>>> db;
  {
    py::gil_scoped_release nogil;
    db.emplace(Database::Open(args.path, options));
  }
  if (!db->ok()) ThrowStatus(db->status(), ErrorSite::kCall);
  std::unique_ptr<NativeDb> out(new NativeDb());
  out->db_ = std::move(**db);
  out->location_ = args.path;
  out->read_only_ = args.read_only;
  return out;
}

NativeDb::~NativeDb() {
  // No call can be running: each holds a reference to this object.
  db_.reset();
}

void NativeDb::Close() {
  if (std::find(t_in_call.begin(), t_in_call.end(), this) != t_in_call.end()) {
    ThrowInput(
        "close() was called from inside a call on the same database (a callback?); "
        "close it once that call has returned");
  }
  py::gil_scoped_release nogil;
  std::unique_lock<std::mutex> lock(mu_);
  if (closed_) return;
  closed_ = true;  // no new call starts from here on
  for (CancelToken* t : tokens_) t->cancel.store(true, std::memory_order_release);
  idle_.wait(lock, [this] { return active_ == 0; });
  db_.reset();
}

bool NativeDb::closed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return closed_;
}

void NativeDb::Interrupt() {
  std::lock_guard<std::mutex> lock(mu_);
  for (CancelToken* t : tokens_) t->cancel.store(true, std::memory_order_release);
}

NativeDb::Use::Use(NativeDb* db) : db_(db) {
  {
    std::lock_guard<std::mutex> lock(db->mu_);
    if (!db->closed_) {
      ++db->active_;
      t_in_call.push_back(db);
      return;
    }
  }
  ThrowInput("the database at " + db->location_ + " is closed");
}

NativeDb::Use::~Use() {
  t_in_call.erase(std::find(t_in_call.begin(), t_in_call.end(), db_));
  std::lock_guard<std::mutex> lock(db_->mu_);
  if (--db_->active_ == 0) db_->idle_.notify_all();
}

NativeDbClass BindDatabase(py::module_& m) {
  NativeDbClass cls(m, "NativeDb");
  cls.def(py::init([](const std::string& path, bool read_only, bool create, bool sync,
                      size_t block_cache_mb) {
            RequireRegistered();
            return NativeDb::Open({path, read_only, create, sync, block_cache_mb});
          }),
          py::arg("path"), py::arg("read_only"), py::arg("create"), py::arg("sync"),
          py::arg("block_cache_mb"))
      .def("close", &NativeDb::Close)
      .def_property_readonly("closed", &NativeDb::closed)
      .def_property_readonly("location", &NativeDb::location)
      .def_property_readonly("read_only", &NativeDb::read_only)
      .def("interrupt", &NativeDb::Interrupt)
      .def(
          "query",
          [](NativeDb& self, const py::str& text, py::object params, int64_t timeout_ms,
             uint64_t max_rows, uint64_t max_memory_mb, uint32_t max_depth) {
            // The UTF-8 form Python caches in the str object: no copy, and a clear error for
            // a string that has none (a lone surrogate).
            Py_ssize_t size = 0;
            const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
            if (data == nullptr) {
              PyErr_Clear();
              ThrowInput(
                  "cypher: the query text is not valid Unicode (it holds a lone "
                  "surrogate)");
            }
            return Query(self, std::string_view(data, static_cast<size_t>(size)), std::move(params),
                         QueryArgs{timeout_ms, max_rows, max_memory_mb, max_depth});
          },
          py::arg("text"), py::arg("params"), py::arg("timeout_ms"), py::arg("max_rows"),
          py::arg("max_memory_mb"), py::arg("max_depth"))
      .def("catch_up",
           [](NativeDb& self) { RunStatus(self, [](Database* db) { return db->CatchUp(); }); })
      .def("stats",
           [](NativeDb& self) {
             GraphStats stats;
             RunStatus(self, [&](Database* db) { return db->NewReader()->GetStats(&stats); });
             return StatsToPython(stats);
           })
      .def("check",
           [](NativeDb& self) {
             CheckReport report;
             RunStatus(self, [&](Database* db) { return db->Check(&report); });
             return CheckToPython(report);
           })
      .def("import_csv",
           [](NativeDb& self, const std::string& nodes, const std::string& edges,
              const std::string& mode, const std::string& match_on) {
             const ImportOptions options = ParseImportOptions(mode, match_on);
             ImportSummary summary;
             RunStatus(self, [&](Database* db) {
               return ImportCsv(*db, nodes, edges, options, nullptr, &summary);
             });
             return ImportToPython(summary);
           })
      .def("import_json",
           [](NativeDb& self, const std::string& path, const std::string& mode,
              const std::string& match_on) {
             const ImportOptions options = ParseImportOptions(mode, match_on);
             ImportSummary summary;
             RunStatus(self, [&](Database* db) {
               return ImportJson(*db, path, options, nullptr, &summary);
             });
             return ImportToPython(summary);
           })
      .def("export", [](NativeDb& self, const std::string& format_name, const std::string& path) {
        auto format = ParseExportFormat(format_name);
        if (!format.ok()) ThrowStatus(format.status(), ErrorSite::kCall);
        if (*format == ExportFormat::kCsv && path.empty()) {
          ThrowInput(
              "export(format='csv') needs path= a directory (it writes nodes.csv "
              "and edges.csv)");
        }
        std::string text;
        RunStatus(self, [&](Database* db) -> Status {
          auto reader = db->NewReader();
          if (*format == ExportFormat::kCsv) return ExportCsv(*reader, path);
          if (path.empty()) {
            std::ostringstream out;
            PG_RETURN_IF_ERROR(ExportGraph(*reader, *format, out));
            text = out.str();
            return Status::OK();
          }
          std::ofstream out(path, std::ios::trunc);
          if (!out) return Status::IOError("cannot write " + path);
          PG_RETURN_IF_ERROR(ExportGraph(*reader, *format, out));
          out.close();
          return out ? Status::OK() : Status::IOError("cannot write " + path);
        });
        return path.empty() ? py::object(py::str(text)) : py::object(py::none());
      });
  return cls;
}

}  // namespace pactgraph::python

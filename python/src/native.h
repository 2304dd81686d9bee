// python/src/native.h — the native half of the `pactgraph` Python package (pybind11).
//
// The module `pactgraph._native` wraps the public C++ API (include/pactgraph/*.h, linked from
// libpactgraph.so) and nothing else; the Python half (python/pactgraph/*.py) gives it its
// Pythonic face: the Database and Result classes users see, the value classes (Node,
// Relationship, Path, …), the exceptions, pandas and NetworkX conversion. Python classes are
// handed to the native side once at import (`_native._register`), so C++ builds Node objects
// and raises pactgraph.QueryError directly, without a Python round trip per value.
//
// Invariants:
//  - Every call into pactgraph that may take time (queries, ingestion, extraction, path
//    searches, algorithms, scans, import/export, checks) runs with the GIL released; Python
//    objects are only touched with it held, before and after.
//  - Errors never cross as C++ exceptions from pactgraph (it has none): a non-ok Status becomes
//    the matching pactgraph.Error subclass via ThrowStatus, carrying the status code name and
//    the message (with "line L, column C" and the caret for query errors).
//  - A NativeDb is closed at most once, and only when no call is using it (see Use): close()
//    cancels running calls on it and waits for them, so no call reads a freed Database.
//
// Thread-safety: NativeDb may be used from many Python threads at once (each call gets its own
// Session and reader); NativeResult is immutable after construction.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "pactgraph/status.h"
#include "pactgraph/value.h"

namespace pactgraph::python {

namespace py = pybind11;

// --- the Python classes the native side builds (set by _native._register) -------------------

struct PyClasses {
  py::object node, relationship, path;  // pactgraph.Node(id, labels, properties), …
  py::object date;                      // datetime.date
  py::dict errors;                      // "QueryError" -> pactgraph.QueryError, …
};
PyClasses& Classes();
// Fails with RuntimeError when the Python half has not registered its classes (a module
// imported as `pactgraph._native` alone).
void RequireRegistered();

// --- errors ---------------------------------------------------------------------------------

// Where a status came from: a query's errors are QueryError (with the query text attached);
// the same codes from other calls are InputError / NotFoundError.
enum class ErrorSite { kQuery, kCall };

// Raises the pactgraph.Error subclass for `status` (with the GIL held).
[[noreturn]] void ThrowStatus(const Status& status, ErrorSite site, std::string_view query = {});
// pactgraph.InputError with `message` (bad arguments detected by the binding itself).
[[noreturn]] void ThrowInput(const std::string& message);
const char* CodeName(Status::Code code);

// --- values ---------------------------------------------------------------------------------

// Value -> Python object (GIL held). Dates become datetime.date; OverflowError for a date
// outside datetime.date's range.
py::object ToPython(const Value& value);
// Python object -> Value for parameters and properties. `where` names the place in errors
// ("parameter $x", "parameter $x[2].key"); InputError on what has no Value counterpart.
Value FromPython(py::handle object, const std::string& where, int depth = 0);
ValueMap MapFromPython(py::handle dict, const std::string& where, int depth = 0);

// The temporal kinds (convert_temporal.cpp): where the date, time, datetime and duration kinds
// meet Python's datetime module. New Value kinds plug in here and in the switch of ToPython.
void InitTemporal();  // imports the datetime C API (module init)
py::object DateToPython(Date date);
// True when `object` is a datetime-module value; then *out is set (or InputError raised for a
// kind pactgraph does not store).
bool TemporalFromPython(py::handle object, const std::string& where, Value* out);

// --- cancellation ---------------------------------------------------------------------------

class NativeDb;

// One running call's cancel flag. Set by NativeDb::Interrupt (any thread), by close(), or by
// SIGINT when the call runs in the main thread: while a CancelScope is alive there, a SIGINT
// handler is chained in front of Python's own, which sets the flag (async-signal-safe: lock-free
// atomics only) and then lets Python's handler record the signal, so the KeyboardInterrupt is
// raised as usual once the call returns.
struct CancelToken {
  std::atomic<bool> cancel{false};
  std::atomic<bool> by_signal{false};
};

class CancelScope {
 public:
  explicit CancelScope(NativeDb* db);  // GIL held
  ~CancelScope();                      // GIL held
  CancelScope(const CancelScope&) = delete;
  CancelScope& operator=(const CancelScope&) = delete;

  const std::atomic<bool>* flag() const { return &token_.cancel; }
  // After a call failed with `status` (GIL held): when SIGINT cancelled it, raises what
  // Python's signal handlers raise (KeyboardInterrupt by default) or, if they raise nothing,
  // pactgraph.CancelledError. Returns otherwise.
  void RaiseIfSignalled(const Status& status);

 private:
  NativeDb* db_;
  CancelToken token_;
  bool armed_ = false;
};

// --- the database ---------------------------------------------------------------------------

struct OpenArgs {
  std::string path;
  bool read_only = false;
  bool create = true;
  bool sync = false;
  size_t block_cache_mb = 256;
};

class NativeDb {
 public:
  static std::unique_ptr<NativeDb> Open(const OpenArgs& args);  // raises on error
  ~NativeDb();

  // Cancels running calls, waits for them (GIL released) and closes. Idempotent. InputError
  // when called from inside one of this database's own callbacks (it would wait for itself).
  void Close();
  bool closed() const;
  const std::string& location() const { return location_; }
  bool read_only() const { return read_only_; }
  // Cancels every call running on this database now (they raise CancelledError).
  void Interrupt();

  // Marks a call in progress; raises InputError ("database … is closed") when closed.
  class Use {
   public:
    explicit Use(NativeDb* db);
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    Database* db() const { return db_->db_.get(); }

   private:
    NativeDb* db_;
  };

 private:
  friend class CancelScope;
  NativeDb() = default;
  std::unique_ptr<Database> db_;
  std::string location_;
  bool read_only_ = false;
  mutable std::mutex mu_;
  std::condition_variable idle_;
  int active_ = 0;
  bool closed_ = false;
  std::vector<CancelToken*> tokens_;
};

// --- bindings, one function per file ----------------------------------------------------------

using NativeDbClass = py::class_<NativeDb>;
NativeDbClass BindDatabase(py::module_& m);          // database.cpp: open/close, queries, I/O
void BindResult(py::module_& m);                     // result.cpp: NativeResult, pandas columns
void BindGraph(py::module_& m, NativeDbClass& db);   // graph.cpp: paths, evidence, algorithms
void BindIngest(py::module_& m, NativeDbClass& db);  // ingest.cpp: ingestion and extraction

// Wraps a finished query's rows for Python (result.cpp).
py::object MakeResult(QueryResult result);

}  // namespace pactgraph::python

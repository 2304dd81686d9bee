// python/src/errors.cpp — pactgraph Status -> the pactgraph.Error hierarchy of the Python half
// (python/pactgraph/_errors.py), and the classes registered at import.
//
// The mapping: ParseError -> QueryError; InvalidArgument and NotFound -> QueryError for a
// query, else InputError / NotFoundError; NotSupported -> NotSupportedError; LimitExceeded ->
// LimitExceededError; Cancelled -> CancelledError; Busy -> BusyError; IOError, Corruption,
// VersionMismatch -> StorageError; Internal -> InternalError. The exception is built by
// calling the class with (message, code name, query), so its Python __init__ parses the
// position and caret out of the message once, in one place.
#include "python/src/native.h"

namespace pactgraph::python {

PyClasses& Classes() {
  // Leaked on purpose: these references must outlive every other static at interpreter exit.
  static PyClasses* classes = new PyClasses();
  return *classes;
}

void RequireRegistered() {
  if (!Classes().node) {
    throw std::runtime_error(
        "pactgraph._native is used through the pactgraph package; "
        "import pactgraph instead");
  }
}

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kNotFound:
      return "NotFound";
    case Status::Code::kInvalidArgument:
      return "InvalidArgument";
    case Status::Code::kParseError:
      return "ParseError";
    case Status::Code::kNotSupported:
      return "NotSupported";
    case Status::Code::kLimitExceeded:
      return "LimitExceeded";
    case Status::Code::kCancelled:
      return "Cancelled";
    case Status::Code::kBusy:
      return "Busy";
    case Status::Code::kIOError:
      return "IOError";
    case Status::Code::kCorruption:
      return "Corruption";
    case Status::Code::kVersionMismatch:
      return "VersionMismatch";
    case Status::Code::kInternal:
      return "Internal";
  }
  return "Unknown";
}

namespace {

const char* ClassName(Status::Code code, ErrorSite site) {
  const bool query = site == ErrorSite::kQuery;
  switch (code) {
    case Status::Code::kParseError:
      return "QueryError";
    case Status::Code::kInvalidArgument:
      return query ? "QueryError" : "InputError";
    case Status::Code::kNotFound:
      return query ? "QueryError" : "NotFoundError";
    case Status::Code::kNotSupported:
      return "NotSupportedError";
    case Status::Code::kLimitExceeded:
      return "LimitExceededError";
    case Status::Code::kCancelled:
      return "CancelledError";
    case Status::Code::kBusy:
      return "BusyError";
    case Status::Code::kIOError:
    case Status::Code::kCorruption:
    case Status::Code::kVersionMismatch:
      return "StorageError";
    case Status::Code::kOk:
    case Status::Code::kInternal:
      return "InternalError";
  }
  return "Error";
}

[[noreturn]] void Raise(const char* class_name, const std::string& message, const char* code,
                        std::string_view query) {
  RequireRegistered();
  py::object cls = Classes().errors[class_name];
  py::object q =
      query.empty() ? py::object(py::none()) : py::object(py::str(query.data(), query.size()));
  py::object exc = cls(py::str(message), py::str(code), q);
  PyErr_SetObject(cls.ptr(), exc.ptr());
  throw py::error_already_set();
}

}  // namespace

void ThrowStatus(const Status& status, ErrorSite site, std::string_view query) {
  Raise(ClassName(status.code(), site), status.message(), CodeName(status.code()), query);
}

void ThrowInput(const std::string& message) {
  Raise("InputError", message, CodeName(Status::Code::kInvalidArgument), {});
}

}  // namespace pactgraph::python

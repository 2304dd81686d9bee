// pactgraph/status.h — the error model of the public API.
//
// Every fallible operation returns a Status or a Result<T>; nothing throws across the API.
// A Status is cheap to copy when ok (no allocation). Codes map to the CLI's exit codes
// (see docs/cli.md): kInvalidArgument/kParseError -> 2, kIOError/kCorruption/kBusy -> 3.
#pragma once

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "pactgraph/export.h"

namespace pactgraph {

class [[nodiscard]] PACTGRAPH_EXPORT Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // a named thing does not exist (node, file, procedure)
    kInvalidArgument,  // bad input from the caller: malformed CSV/JSON, bad option
    kParseError,       // a query that does not parse; message carries line:column and a caret
    kNotSupported,     // valid openCypher outside pactgraph's subset
    kLimitExceeded,    // a query limit (rows, depth, time, memory) was hit
    kCancelled,        // the caller cancelled the operation
    kBusy,             // the database is locked by another process
    kIOError,          // the file system failed
    kCorruption,       // stored bytes do not decode, or integrity check failed
    kVersionMismatch,  // database written by another format version
    kInternal,         // a bug in pactgraph
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status InvalidArgument(std::string m) {
    return Status(Code::kInvalidArgument, std::move(m));
  }
  static Status ParseError(std::string m) { return Status(Code::kParseError, std::move(m)); }
  static Status NotSupported(std::string m) { return Status(Code::kNotSupported, std::move(m)); }
  static Status LimitExceeded(std::string m) { return Status(Code::kLimitExceeded, std::move(m)); }
  static Status Cancelled(std::string m) { return Status(Code::kCancelled, std::move(m)); }
  static Status Busy(std::string m) { return Status(Code::kBusy, std::move(m)); }
  static Status IOError(std::string m) { return Status(Code::kIOError, std::move(m)); }
  static Status Corruption(std::string m) { return Status(Code::kCorruption, std::move(m)); }
  static Status VersionMismatch(std::string m) {
    return Status(Code::kVersionMismatch, std::move(m));
  }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool ok() const { return state_ == nullptr; }
  Code code() const { return state_ ? state_->code : Code::kOk; }
  // The message without the code's name; empty when ok.
  const std::string& message() const;
  // "Code: message", for logs.
  std::string ToString() const;
  // The CLI exit code for this status (0 when ok).
  int ExitCode() const;

  // Returns a status with the same code whose message is `prefix + ": " + message()`.
  Status WithContext(const std::string& prefix) const;

 private:
  struct State {
    Code code;
    std::string message;
  };
  Status(Code c, std::string m) : state_(std::make_shared<const State>(State{c, std::move(m)})) {}
  std::shared_ptr<const State> state_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace pactgraph

// Propagate a non-ok Status from an expression returning Status.
#define PG_RETURN_IF_ERROR(expr)         \
  do {                                   \
    ::pactgraph::Status _pg_st = (expr); \
    if (!_pg_st.ok()) return _pg_st;     \
  } while (0)

#define PG_CONCAT_INNER(a, b) a##b
#define PG_CONCAT(a, b) PG_CONCAT_INNER(a, b)
// `PG_ASSIGN_OR_RETURN(auto x, ExprReturningResult());`
#define PG_ASSIGN_OR_RETURN(lhs, expr)                                                    \
  auto PG_CONCAT(_pg_res_, __LINE__) = (expr);                                            \
  if (!PG_CONCAT(_pg_res_, __LINE__).ok()) return PG_CONCAT(_pg_res_, __LINE__).status(); \
  lhs = std::move(PG_CONCAT(_pg_res_, __LINE__)).value()

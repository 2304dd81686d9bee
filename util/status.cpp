#include "pactgraph/status.h"

namespace pactgraph {
namespace {

const char* CodeName(Status::Code c) {
  switch (c) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kNotFound:
      return "Not found";
    case Status::Code::kInvalidArgument:
      return "Invalid argument";
    case Status::Code::kParseError:
      return "Parse error";
    case Status::Code::kNotSupported:
      return "Not supported";
    case Status::Code::kLimitExceeded:
      return "Limit exceeded";
    case Status::Code::kCancelled:
      return "Cancelled";
    case Status::Code::kBusy:
      return "Busy";
    case Status::Code::kIOError:
      return "IO error";
    case Status::Code::kCorruption:
      return "Corruption";
    case Status::Code::kVersionMismatch:
      return "Version mismatch";
    case Status::Code::kInternal:
      return "Internal error";
  }
  return "Unknown";
}

}  // namespace

const std::string& Status::message() const {
  static const std::string kEmpty;
  return state_ ? state_->message : kEmpty;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code())) + ": " + state_->message;
}

int Status::ExitCode() const {
  switch (code()) {
    case Code::kOk:
      return 0;
    case Code::kNotFound:
      return 1;
    case Code::kInvalidArgument:
    case Code::kParseError:
    case Code::kNotSupported:
      return 2;
    case Code::kLimitExceeded:
      return 5;
    case Code::kBusy:
    case Code::kIOError:
    case Code::kCorruption:
    case Code::kVersionMismatch:
      return 3;
    case Code::kCancelled:
      return 130;
    case Code::kInternal:
      return 4;
  }
  return 4;
}

Status Status::WithContext(const std::string& prefix) const {
  if (ok()) return *this;
  return Status(code(), prefix + ": " + message());
}

}  // namespace pactgraph

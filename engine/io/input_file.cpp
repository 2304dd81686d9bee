// engine/io/input_file.cpp — regular-file checks and non-blocking whole-file reads for inputs.
#include "engine/io/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pactgraph::io {
namespace {

std::string KindOf(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

Status Refuse(const std::string& path, mode_t mode) {
  if (S_ISDIR(mode)) return Status::InvalidArgument(path + ": is a directory, not a file");
  return Status::InvalidArgument(path + ": is " + KindOf(mode) + ", not a regular file");
}

Status StatError(const std::string& path, int err) {
  if (err == ENOENT) return Status::InvalidArgument(path + ": no such file");
  if (err == ENOTDIR) return Status::InvalidArgument(path + ": no such file (a parent is a file)");
  return Status::IOError(path + ": " + std::strerror(err));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string NonRegularKind(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return "";
  return KindOf(st.st_mode);
}

}  // namespace pactgraph::io

namespace pactgraph {

// The public entry points (pactgraph/import_export.h) below use this file's helpers.
using namespace io;  // NOLINT(google-build-using-namespace)

Status CheckInputFile(const std::string& path, bool allow_directory) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return StatError(path, errno);
  if (S_ISREG(st.st_mode) || (allow_directory && S_ISDIR(st.st_mode))) return Status::OK();
  return Refuse(path, st.st_mode);
}


Status ReadInputFile(const std::string& path, std::string* out, const ReadLimits& limits) {
  out->clear();
  // stat() first: it never blocks and never opens a device; then open without blocking (a
  // FIFO with no writer would block a plain open) and check again on the descriptor, in case
  // the path changed in between.
  PG_RETURN_IF_ERROR(CheckInputFile(path));
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    if (errno == ENOENT) return StatError(path, errno);
    return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return Status::IOError(path + ": " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return Refuse(path, st.st_mode);
  if (static_cast<uint64_t>(st.st_size) > limits.max_bytes) {
    return Status::InvalidArgument(path + ": file too large (" + std::to_string(st.st_size) +
                                   " bytes; the limit is " + std::to_string(limits.max_bytes) +
                                   ")");
  }
  out->reserve(static_cast<size_t>(st.st_size));
  size_t line = 1, line_len = 0;  // the line being read and its length so far
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IOError(path + ": read error: " + std::strerror(errno));
    }
    if (n == 0) break;
    if (out->size() + static_cast<size_t>(n) > limits.max_bytes) {
      return Status::InvalidArgument(path + ": file too large (the limit is " +
                                     std::to_string(limits.max_bytes) + " bytes)");
    }
    if (limits.max_line_bytes != SIZE_MAX) {
      const char* p = buf;
      const char* end = buf + n;
      while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
        size_t seg = static_cast<size_t>((nl ? nl : end) - p);
        if (line_len + seg > limits.max_line_bytes) {
          out->clear();
          out->shrink_to_fit();
          return Status::InvalidArgument(
              path + ":" + std::to_string(line) + ":" + std::to_string(limits.max_line_bytes + 1) +
              ": line longer than " + std::to_string(limits.max_line_bytes) +
              " bytes (the limit for one line)");
        }
        if (!nl) {
          line_len += seg;
          break;
        }
        ++line;
        line_len = 0;
        p = nl + 1;
      }
    }
    out->append(buf, static_cast<size_t>(n));
  }
  return Status::OK();
}

}  // namespace pactgraph


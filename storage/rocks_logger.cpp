#include "storage/rocks_logger.h"

#include <sys/time.h>

#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>

namespace pactgraph::storage {
namespace {

constexpr uintmax_t kRotateBytes = 4u << 20;

class StdioLogger final : public rocksdb::Logger {
 public:
  StdioLogger(std::FILE* file, rocksdb::InfoLogLevel level) : Logger(level), file_(file) {}
  ~StdioLogger() override { CloseImpl().PermitUncheckedError(); }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[1024];
    timeval now{};
    ::gettimeofday(&now, nullptr);
    std::tm t{};
    ::localtime_r(&now.tv_sec, &t);
    int n = std::snprintf(line, sizeof line, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ",
                          t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
                          static_cast<long>(now.tv_usec));
    if (n < 0) return;
    va_list copy;
    va_copy(copy, ap);
    int m = std::vsnprintf(line + n, sizeof line - n, format, copy);
    va_end(copy);
    if (m < 0) return;
    size_t len = std::min(sizeof line - 1, static_cast<size_t>(n + m));
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ == nullptr) return;
    // A failed write (ENOSPC, EIO) loses this message and nothing else.
    if (std::fwrite(line, 1, len, file_) == len) std::fputc('\n', file_);
    std::fflush(file_);
    std::clearerr(file_);
  }

  size_t GetLogFileSize() const override {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ == nullptr) return 0;
    long at = std::ftell(file_);
    return at < 0 ? 0 : static_cast<size_t>(at);
  }

 protected:
  rocksdb::Status CloseImpl() override {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ != nullptr) std::fclose(file_);
    file_ = nullptr;
    return rocksdb::Status::OK();
  }

 private:
  mutable std::mutex mu_;
  std::FILE* file_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir, rocksdb::InfoLogLevel level) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path log = fs::path(dir) / "LOG";
  if (fs::file_size(log, ec) > kRotateBytes && !ec) fs::rename(log, fs::path(dir) / "LOG.old", ec);
  std::FILE* f = std::fopen(log.c_str(), "ae");
  if (f == nullptr) return nullptr;
  return std::make_shared<StdioLogger>(f, level);
}

}  // namespace pactgraph::storage

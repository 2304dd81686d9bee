// engine/graph/snapshot_file.cpp — writing and reading GraphSnapshot files (snapshot_file.h).
#include "engine/graph/snapshot_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <type_traits>

#include "pactgraph/paths.h"
#include "storage/reader_extensions.h"

namespace pactgraph::graph {

namespace {

constexpr char kMagic[8] = {'P', 'G', 'S', 'N', 'A', 'P', '0', '1'};

// A fast 64-bit checksum over 8-byte words (multiply-rotate, as in the xxHash/MurmurHash
// family): it is there to catch torn or damaged files, not adversaries.
uint64_t Checksum(const char* data, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, data + i, 8);
    h ^= w * 0xC2B2AE3D27D4EB4Full;
    h = ((h << 31) | (h >> 33)) * 0x9E3779B97F4A7C15ull;
  }
  for (; i < n; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 0x100000001B3ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

class Writer {
 public:
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void Str(const std::string& s) {
    U32(static_cast<uint32_t>(s.size()));
    Raw(s.data(), s.size());
  }
  void Strings(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) Str(s);
  }
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  std::string& bytes() { return out_; }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class Reader {
 public:
  Reader(const char* data, size_t n) : p_(data), end_(data + n) {}
  bool ok() const { return ok_; }
  uint32_t U32() { return Pod<uint32_t>(); }
  uint64_t U64() { return Pod<uint64_t>(); }
  std::string Str() {
    const uint32_t n = U32();
    if (!Need(n)) return "";
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  std::vector<std::string> Strings() {
    const uint32_t n = U32();
    std::vector<std::string> v;
    if (!Need(static_cast<size_t>(n) * 4)) return v;  // each string takes 4 bytes at least
    v.reserve(n);
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(Str());
    return v;
  }
  template <typename T>
  std::vector<T> Array() {
    const uint64_t n = U64();
    std::vector<T> v;
    if (n > static_cast<uint64_t>(end_ - p_) / sizeof(T) || !Need(n * sizeof(T))) {
      ok_ = false;
      return v;
    }
    // Copied straight from the mapping (no zero-fill of the destination first).
    const T* first = reinterpret_cast<const T*>(p_);
    v.assign(first, first + n);
    p_ += n * sizeof(T);
    return v;
  }

 private:
  bool Need(size_t n) {
    if (!ok_ || static_cast<size_t>(end_ - p_) < n) ok_ = false;
    return ok_;
  }
  template <typename T>
  T Pod() {
    T v{};
    if (!Need(sizeof v)) return v;
    std::memcpy(&v, p_, sizeof v);
    p_ += sizeof v;
    return v;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '-';
  return out;
}

}  // namespace

// The columns of a GraphSnapshot, in and out (a friend of the class).
class SnapshotFileAccess {
 public:
  static std::string Encode(const GraphSnapshot& s, const std::string& token) {
    Writer w;
    w.bytes().append(kMagic, sizeof kMagic);
    w.U32(kSnapshotFileVersion);
    w.Str(token);
    w.Str(s.options_.weight);
    w.Str(s.options_.date_property);
    w.Strings(s.type_names_);
    w.Strings(s.label_names_);
    w.Array(s.node_ids_);
    w.Array(s.label_start_);
    w.Array(s.label_ids_);
    w.Array(s.rel_ids_);
    w.Array(s.rel_types_);
    w.Array(s.rel_start_);
    w.Array(s.rel_end_);
    w.Array(s.weights_);
    w.Array(s.dates_);
    w.U64(Checksum(w.bytes().data(), w.bytes().size()));
    return std::move(w.bytes());
  }

  static bool Same(const GraphSnapshot& a, const GraphSnapshot& b);

  static Result<SnapshotPtr> Decode(std::string_view bytes, const std::string& token,
                                    const std::string& where) {
    auto corrupt = [&](const char* what) {
      return Status::Corruption(where + ": graph snapshot file is damaged (" + what + ")");
    };
    if (bytes.size() < sizeof kMagic + 4 + 8 || std::memcmp(bytes.data(), kMagic, 8) != 0) {
      return corrupt("not a snapshot file");
    }
    const size_t body = bytes.size() - 8;
    uint64_t stored;
    std::memcpy(&stored, bytes.data() + body, 8);
    Reader r(bytes.data() + sizeof kMagic, body - sizeof kMagic);
    if (r.U32() != kSnapshotFileVersion) {
      return Status::NotFound(where + ": snapshot file of another format version");
    }
    if (r.Str() != token) return Status::NotFound(where + ": snapshot of another state");
    if (Checksum(bytes.data(), body) != stored) return corrupt("checksum mismatch");
    std::shared_ptr<GraphSnapshot> s(new GraphSnapshot());
    s->options_.weight = r.Str();
    s->options_.date_property = r.Str();
    s->type_names_ = r.Strings();
    s->label_names_ = r.Strings();
    s->node_ids_ = r.Array<NodeId>();
    s->label_start_ = r.Array<uint32_t>();
    s->label_ids_ = r.Array<LabelId>();
    s->rel_ids_ = r.Array<RelId>();
    s->rel_types_ = r.Array<TypeId>();
    s->rel_start_ = r.Array<VertexIndex>();
    s->rel_end_ = r.Array<VertexIndex>();
    s->weights_ = r.Array<double>();
    s->dates_ = r.Array<int32_t>();
    if (!r.ok()) return corrupt("truncated column");
    // The columns must agree with each other before anything indexes with them.
    const size_t n = s->node_ids_.size(), m = s->rel_ids_.size();
    if (s->label_start_.size() != n + 1 || s->label_start_.back() != s->label_ids_.size() ||
        s->rel_types_.size() != m || s->rel_start_.size() != m || s->rel_end_.size() != m ||
        (!s->weights_.empty() && s->weights_.size() != m) ||
        (!s->dates_.empty() && s->dates_.size() != m)) {
      return corrupt("column lengths disagree");
    }
    for (size_t r2 = 0; r2 < m; ++r2) {
      if (s->rel_start_[r2] >= n || s->rel_end_[r2] >= n) return corrupt("endpoint out of range");
    }
    NodeId bound = 0;
    for (size_t v = 0; v < n; ++v) {
      if (v > 0 && s->node_ids_[v] <= s->node_ids_[v - 1]) return corrupt("node ids unordered");
      bound = s->node_ids_[v] + 1;
    }
    s->index_of_.assign(bound, kNoVertex);
    for (size_t v = 0; v < n; ++v) s->index_of_[s->node_ids_[v]] = static_cast<VertexIndex>(v);
    for (double w : s->weights_) {
      if (w < 0 || std::isnan(w)) s->has_negative_weight_ = true;
    }
    s->BuildAdjacency();
    return std::shared_ptr<const GraphSnapshot>(std::move(s));
  }
};

std::string SnapshotFilePath(const std::string& db_dir, const SnapshotOptions& options) {
  std::string name = "topology";
  if (!options.weight.empty()) name += "-w-" + Escape(options.weight);
  if (!options.date_property.empty()) name += "-d-" + Escape(options.date_property);
  return db_dir + "/snapshots/" + name + ".pgsnap";
}

bool SnapshotFileAccess::Same(const GraphSnapshot& a, const GraphSnapshot& b) {
  return a.options_ == b.options_ && a.type_names_ == b.type_names_ &&
         a.label_names_ == b.label_names_ && a.node_ids_ == b.node_ids_ &&
         a.label_start_ == b.label_start_ && a.label_ids_ == b.label_ids_ &&
         a.rel_ids_ == b.rel_ids_ && a.rel_types_ == b.rel_types_ && a.rel_start_ == b.rel_start_ &&
         a.rel_end_ == b.rel_end_ && a.weights_ == b.weights_ && a.dates_ == b.dates_;
}

Status SaveSnapshot(const GraphSnapshot& snapshot, const std::string& token,
                    const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return Status::IOError(path + ": " + ec.message());
  const std::string bytes = SnapshotFileAccess::Encode(snapshot, token);
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return Status::IOError(tmp + ": cannot write the graph snapshot");
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::IOError(path + ": " + ec.message());
  }
  return Status::OK();
}

Result<SnapshotPtr> LoadSnapshot(const std::string& path, const std::string& token) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": no snapshot file");
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
    ::close(fd);
    return Status::Corruption(path + ": graph snapshot file is damaged (not a regular file)");
  }
  // Mapped, not read: the columns are copied once, from the page cache into the snapshot.
  const size_t size = static_cast<size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::IOError(path + ": cannot map the graph snapshot");
  Result<SnapshotPtr> out = SnapshotFileAccess::Decode(
      std::string_view(static_cast<const char*>(map), size), token, path);
  ::munmap(map, size);
  return out;
}

bool SameSnapshot(const GraphSnapshot& a, const GraphSnapshot& b) {
  return SnapshotFileAccess::Same(a, b);
}

}  // namespace pactgraph::graph

namespace pactgraph {

Status CheckSnapshotFiles(Database* db, CheckReport* report) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(db->path()) / "snapshots";
  std::error_code ec;
  if (db->read_only() || !fs::is_directory(dir, ec)) return Status::OK();
  std::unique_ptr<GraphReader> reader = db->NewReader();
  const auto* ext = dynamic_cast<const storage::ReaderExtensions*>(reader.get());
  const std::string token = ext != nullptr ? ext->StateToken() : "";
  if (token.empty()) return Status::OK();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    if (file.extension() != ".pgsnap") {
      report->notes.push_back("snapshots/" + name +
                              ": not a snapshot file (left over from an "
                              "interrupted write?); ignored");
      continue;
    }
    Result<graph::SnapshotPtr> loaded = graph::LoadSnapshot(file.string(), token);
    if (loaded.status().code() == Status::Code::kNotFound) {
      report->notes.push_back("snapshots/" + name +
                              ": of an older state; rebuilt when next needed");
      continue;
    }
    if (!loaded.ok()) {
      report->Add(loaded.status().message());
      continue;
    }
    PG_ASSIGN_OR_RETURN(graph::SnapshotPtr fresh,
                        graph::GraphSnapshot::Build(*reader, (*loaded)->options()));
    if (!graph::SameSnapshot(**loaded, *fresh)) {
      report->Add("snapshots/" + name +
                  ": written for the current state but differs from "
                  "the store");
    }
  }
  return Status::OK();
}

}  // namespace pactgraph

// engine/graph/snapshot_cache.cpp — rebuild-on-version-change cache of GraphSnapshots.
#include "engine/graph/snapshot_cache.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <string>

#include "engine/graph/snapshot_file.h"
#include "storage/reader_extensions.h"

namespace pactgraph::graph {

namespace {

struct SharedEntry {
  std::string token;
  SnapshotOptions options;
  SnapshotPtr snapshot;
};
std::mutex shared_mu;
std::deque<SharedEntry> shared_entries;  // most recent first
uint64_t shared_builds = 0;
uint64_t shared_loads = 0;

}  // namespace

Result<SnapshotPtr> SharedSnapshot(const GraphReader& reader, const SnapshotOptions& options) {
  const auto* source = dynamic_cast<const storage::ReaderExtensions*>(&reader);
  const std::string token = source != nullptr ? source->StateToken() : std::string();
  if (!token.empty()) {
    std::lock_guard<std::mutex> lock(shared_mu);
    for (auto it = shared_entries.begin(); it != shared_entries.end(); ++it) {
      if (it->token == token && it->options == options) {
        SharedEntry hit = *it;
        shared_entries.erase(it);
        shared_entries.push_front(hit);
        return hit.snapshot;
      }
    }
  }
  // Loaded or built outside the lock: a build of a large graph takes seconds. A file written
  // for this very state (an earlier process's build) spares the scans; a missing, stale or
  // damaged one is rebuilt and rewritten. Failing to write it only costs the next process.
  const std::string dir = source != nullptr && !token.empty() ? source->DatabaseDir() : "";
  const std::string file = dir.empty() ? "" : SnapshotFilePath(dir, options);
  Result<SnapshotPtr> loaded =
      file.empty() ? Result<SnapshotPtr>(Status::NotFound("no file")) : LoadSnapshot(file, token);
  SnapshotPtr snapshot;
  if (loaded.ok()) {
    snapshot = *loaded;
  } else {
    PG_ASSIGN_OR_RETURN(snapshot, GraphSnapshot::Build(reader, options));
    if (!file.empty()) (void)SaveSnapshot(*snapshot, token, file);
  }
  std::lock_guard<std::mutex> lock(shared_mu);
  if (loaded.ok()) {
    ++shared_loads;
  } else {
    ++shared_builds;
  }
  if (!token.empty()) {
    shared_entries.push_front(SharedEntry{token, options, snapshot});
    if (shared_entries.size() > kSharedSnapshots) shared_entries.pop_back();
  }
  return snapshot;
}

namespace {

void Remember(const std::string& token, const SnapshotPtr& snapshot) {
  std::lock_guard<std::mutex> lock(shared_mu);
  for (auto it = shared_entries.begin(); it != shared_entries.end(); ++it) {
    if (it->token == token && it->options == snapshot->options()) {
      shared_entries.erase(it);
      break;
    }
  }
  shared_entries.push_front(SharedEntry{token, snapshot->options(), snapshot});
  if (shared_entries.size() > kSharedSnapshots) shared_entries.pop_back();
}

}  // namespace

Result<SnapshotPtr> CurrentSnapshot(const std::string& token, const std::string& db_dir) {
  if (token.empty()) return Status::NotFound("the reader names no committed state");
  {
    std::lock_guard<std::mutex> lock(shared_mu);
    for (const SharedEntry& e : shared_entries) {
      if (e.token == token) return e.snapshot;
    }
  }
  if (db_dir.empty()) return Status::NotFound("no snapshot in memory");
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  const std::string topology = SnapshotFilePath(db_dir, SnapshotOptions{});
  for (const auto& entry : fs::directory_iterator(fs::path(db_dir) / "snapshots", ec)) {
    const std::string path = entry.path().string();
    if (entry.path().extension() == ".pgsnap" && path != topology) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  files.insert(files.begin(), topology);
  for (const std::string& file : files) {
    Result<SnapshotPtr> loaded = LoadSnapshot(file, token);
    if (!loaded.ok()) continue;  // missing, of another state or damaged: try the next
    Remember(token, *loaded);
    std::lock_guard<std::mutex> lock(shared_mu);
    ++shared_loads;
    return *loaded;
  }
  return Status::NotFound("no snapshot file of this state");
}

void OfferSnapshot(const GraphReader& reader, const SnapshotPtr& snapshot) {
  const auto* source = dynamic_cast<const storage::ReaderExtensions*>(&reader);
  const std::string token = source != nullptr ? source->StateToken() : std::string();
  if (!token.empty() && snapshot != nullptr) Remember(token, snapshot);
}

uint64_t SharedSnapshotBuilds() {
  std::lock_guard<std::mutex> lock(shared_mu);
  return shared_builds;
}

void ClearSharedSnapshots() {
  std::lock_guard<std::mutex> lock(shared_mu);
  shared_entries.clear();
}

uint64_t SharedSnapshotLoads() {
  std::lock_guard<std::mutex> lock(shared_mu);
  return shared_loads;
}

Result<SnapshotPtr> SnapshotCache::Get(const SnapshotOptions& options) {
  std::lock_guard<std::mutex> lock(mu_);
  // Read the version before the reader: a commit in between makes the entry look stale
  // next time (an extra rebuild), never fresh when it is not.
  const uint64_t version = db_->version();
  for (Entry& e : entries_) {
    if (e.options == options && e.version == version) return e.snapshot;
  }
  std::unique_ptr<GraphReader> reader = db_->NewReader();
  PG_ASSIGN_OR_RETURN(SnapshotPtr snapshot, GraphSnapshot::Build(*reader, options));
  ++builds_;
  for (Entry& e : entries_) {
    if (e.options == options) {
      e.version = version;
      e.snapshot = snapshot;
      return snapshot;
    }
  }
  entries_.push_back(Entry{options, version, snapshot});
  return snapshot;
}

uint64_t SnapshotCache::builds() const {
  std::lock_guard<std::mutex> lock(mu_);
  return builds_;
}

}  // namespace pactgraph::graph

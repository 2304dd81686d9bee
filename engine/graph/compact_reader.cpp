// engine/graph/compact_reader.cpp — Neighbors from the CSR copy when it is current (see
// compact_reader.h).
#include "engine/graph/compact_reader.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <thread>

#include "engine/graph/snapshot_cache.h"

namespace pactgraph::graph {

namespace {

// Sorts the entries of vertices [begin, end) into (direction, type, other, relationship)
// order. Entries of one snapshot row come in relationship order, forward before reverse.
void SortRows(const GraphSnapshot& g, VertexIndex begin, VertexIndex end,
              const std::vector<uint32_t>& start, std::vector<uint32_t>* other,
              std::vector<uint32_t>* rel) {
  struct Entry {
    TypeId type;
    uint32_t other;
    uint32_t rel;
    bool operator<(const Entry& o) const {
      if (type != o.type) return type < o.type;
      if (other != o.other) return other < o.other;
      return rel < o.rel;
    }
  };
  std::vector<Entry> out, in;
  const uint32_t* row = g.row_start();
  for (VertexIndex v = begin; v < end; ++v) {
    out.clear();
    in.clear();
    for (uint32_t i = row[v]; i < row[v + 1]; ++i) {
      const uint32_t prop = g.entry_prop()[i];
      const RelIndex r = prop >> 1;
      (prop & 1u ? in : out).push_back(Entry{g.rel_type(r), g.column()[i], r});
    }
    std::sort(out.begin(), out.end());
    std::sort(in.begin(), in.end());
    uint32_t at = start[v];
    for (const auto* part : {&out, &in}) {
      for (const Entry& e : *part) {
        (*other)[at] = e.other;
        (*rel)[at] = e.rel;
        ++at;
      }
    }
  }
}

}  // namespace

CompactAdjacency::CompactAdjacency(SnapshotPtr snapshot) : snapshot_(std::move(snapshot)) {
  const GraphSnapshot& g = *snapshot_;
  const uint32_t n = g.num_vertices();
  start_.assign(g.row_start(), g.row_start() + n + 1);
  mid_.assign(n, 0);
  for (VertexIndex v = 0; v < n; ++v) {
    uint32_t outgoing = 0;
    for (uint32_t i = start_[v]; i < start_[v + 1]; ++i) outgoing += (g.entry_prop()[i] & 1u) ^ 1u;
    mid_[v] = start_[v] + outgoing;
  }
  other_.resize(start_[n]);
  rel_.resize(start_[n]);
  // Two halves of the entries, one per core (the machine this is tuned for has two).
  VertexIndex half = 0;
  while (half < n && start_[half] < start_[n] / 2) ++half;
  std::thread second([&] { SortRows(g, half, n, start_, &other_, &rel_); });
  SortRows(g, 0, half, start_, &other_, &rel_);
  second.join();
}

size_t CompactAdjacency::MemoryBytes() const {
  return (start_.size() + mid_.size() + other_.size() + rel_.size()) * sizeof(uint32_t);
}

Status CompactAdjacency::Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                                   const NeighborFn& fn) const {
  const GraphSnapshot& g = *snapshot_;
  const VertexIndex v = g.FindVertex(node);
  if (v == kNoVertex) return Status::OK();  // the store has no adjacency keys for it either
  TypeId one[1];
  std::vector<TypeId> many;
  std::span<const TypeId> sorted;
  if (types.size() == 1) {
    one[0] = types[0];
    sorted = one;
  } else if (!types.empty()) {
    many.assign(types.begin(), types.end());
    std::sort(many.begin(), many.end());
    many.erase(std::unique(many.begin(), many.end()), many.end());
    sorted = many;
  }
  const uint32_t* other = other_.data();
  const uint32_t* rel = rel_.data();
  auto emit = [&](uint32_t i, Direction reported) {
    const RelIndex r = rel[i];
    return fn(NeighborEntry{g.rel_id(r), g.node_id(other[i]), g.rel_type(r), reported});
  };
  for (Direction d : {Direction::kOut, Direction::kIn}) {
    if (dir != Direction::kBoth && dir != d) continue;
    const uint32_t begin = d == Direction::kOut ? start_[v] : mid_[v];
    const uint32_t end = d == Direction::kOut ? mid_[v] : start_[v + 1];
    if (sorted.empty()) {
      for (uint32_t i = begin; i < end; ++i) {
        if (!emit(i, d)) return Status::OK();
      }
      continue;
    }
    uint32_t at = begin;
    for (TypeId t : sorted) {
      // Entries are sorted by type: the first one of type >= t, then the run of t.
      uint32_t lo = at, hi = end;
      while (lo < hi) {
        const uint32_t m = lo + (hi - lo) / 2;
        if (g.rel_type(rel[m]) < t) {
          lo = m + 1;
        } else {
          hi = m;
        }
      }
      for (at = lo; at < end && g.rel_type(rel[at]) == t; ++at) {
        if (!emit(at, d)) return Status::OK();
      }
    }
  }
  return Status::OK();
}

namespace {

std::mutex adjacency_mu;
std::deque<std::shared_ptr<const CompactAdjacency>> adjacencies;  // most recent first

}  // namespace

std::shared_ptr<const CompactAdjacency> CompactAdjacencyFor(const SnapshotPtr& snapshot) {
  {
    std::lock_guard<std::mutex> lock(adjacency_mu);
    for (const auto& a : adjacencies) {
      if (&a->snapshot() == snapshot.get()) return a;
    }
  }
  auto built = std::make_shared<const CompactAdjacency>(snapshot);  // outside the lock
  ShareCompactAdjacency(built);
  return built;
}

void ShareCompactAdjacency(const std::shared_ptr<const CompactAdjacency>& adjacency) {
  std::lock_guard<std::mutex> lock(adjacency_mu);
  for (auto it = adjacencies.begin(); it != adjacencies.end(); ++it) {
    if (&(*it)->snapshot() == &adjacency->snapshot()) {
      adjacencies.erase(it);
      break;
    }
  }
  adjacencies.push_front(adjacency);
  if (adjacencies.size() > kSharedSnapshots) adjacencies.pop_back();
}

CompactReader::CompactReader(const GraphReader& base, CompactReaderOptions options)
    : base_(base), ext_(dynamic_cast<const storage::ReaderExtensions*>(&base)), options_(options) {
  if (ext_ == nullptr || !options_.enabled) looked_in_memory_ = looked_for_file_ = true;
}

void CompactReader::Attach() const {
  if (!looked_in_memory_) {
    looked_in_memory_ = true;
    token_ = ext_->StateToken();
    if (token_.empty()) {
      looked_for_file_ = true;
      return;
    }
    auto current = CurrentSnapshot(token_, "");
    if (current.ok()) {
      adjacency_ = CompactAdjacencyFor(*current);
      return;
    }
  }
  if (!looked_for_file_ && store_calls_ >= options_.load_file_after) {
    looked_for_file_ = true;
    auto current = CurrentSnapshot(token_, ext_->DatabaseDir());
    if (current.ok()) adjacency_ = CompactAdjacencyFor(*current);
  }
}

Status CompactReader::Neighbors(NodeId node, Direction dir, std::span<const TypeId> types,
                                const NeighborFn& fn) const {
  if (adjacency_ == nullptr && !looked_for_file_) Attach();
  if (adjacency_ != nullptr) {
    ++compact_calls_;
    return adjacency_->Neighbors(node, dir, types, fn);
  }
  ++store_calls_;
  return base_.Neighbors(node, dir, types, fn);
}

Status CompactReader::ScanRelationshipProperties(
    const std::function<bool(RelId, ValueMap&)>& fn) const {
  if (ext_ != nullptr) return ext_->ScanRelationshipProperties(fn);
  Status inner;
  Status st = base_.ScanRelationships([&](const RelEndpoints& e) {
    Relationship rel;
    inner = base_.GetRelationship(e.id, &rel);
    return inner.ok() && fn(e.id, rel.properties);
  });
  return inner.ok() ? st : inner;
}

}  // namespace pactgraph::graph

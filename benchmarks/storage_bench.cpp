// benchmarks/storage_bench.cpp — micro-benchmarks of the RocksDB store: the key codec,
// adjacency scans (GraphReader::Neighbors) and the name index (FindNodesByName).
//
// The store benchmarks share one database built once per process with the BulkLoader in a
// temporary directory: kNodes nodes named "Node <i>", kRels relationships drawn from a
// Chung–Lu degree sequence (engine/bench's generator), two types. Run:
//   build/benchmarks/storage_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "benchmarks/driver/dataset.h"
#include "pactgraph/database.h"
#include "storage/key_codec.h"

namespace {

using namespace pactgraph;

constexpr uint64_t kNodes = 20'000;
constexpr uint64_t kRels = 200'000;

// --- key codec --------------------------------------------------------------------------------

void BM_AdjKeyEncode(benchmark::State& state) {
  storage::AdjKey k{123456, storage::kDirOut, 7, 987654, 4242};
  for (auto _ : state) {
    std::string s = k.Encode();
    benchmark::DoNotOptimize(s);
    ++k.rel;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AdjKeyEncode);

void BM_AdjKeyDecode(benchmark::State& state) {
  const std::string s = storage::AdjKey{123456, storage::kDirIn, 7, 987654, 4242}.Encode();
  for (auto _ : state) {
    auto k = storage::AdjKey::Decode(s);
    benchmark::DoNotOptimize(k);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AdjKeyDecode);

void BM_NameKeyEncode(benchmark::State& state) {
  storage::NameKey k{"ministry of ict and innovation (rwanda)", 42};
  for (auto _ : state) {
    std::string s = k.Encode();
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NameKeyEncode);

// --- the shared store -------------------------------------------------------------------------

class Store {
 public:
  static Store& Get() {
    static Store store;
    return store;
  }
  GraphReader& reader() { return *reader_; }
  TypeId type_a() const { return type_a_; }

  ~Store() {
    reader_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  Store() {
    std::string templ = (std::filesystem::temp_directory_path() / "pg-storage-bench-XXXXXX");
    if (mkdtemp(templ.data()) == nullptr) std::abort();
    dir_ = templ;
    auto db = Database::Open(dir_ + "/db", Options());
    if (!db.ok()) std::abort();
    db_ = std::move(*db);
    auto loader = db_->BeginBulkLoad();
    if (!loader.ok()) std::abort();
    std::vector<NodeId> ids;
    for (uint64_t i = 0; i < kNodes; ++i) {
      ids.push_back(
          *(*loader)->AddNode({"Organization"}, {{"name", Value("Node " + std::to_string(i))}}));
    }
    // Chung–Lu endpoints: rank r has weight (r + 1)^(-2/3).
    std::vector<double> cumulative(kNodes);
    double sum = 0;
    for (uint64_t i = 0; i < kNodes; ++i) cumulative[i] = sum += std::pow(i + 1.0, -2.0 / 3.0);
    bench::Rng rng(7);
    auto draw = [&] {
      auto it = std::upper_bound(cumulative.begin(), cumulative.end(), rng.Uniform() * sum);
      return ids[std::min<size_t>(it - cumulative.begin(), kNodes - 1)];
    };
    for (uint64_t e = 0; e < kRels; ++e) {
      auto r = (*loader)->AddRelationship(draw(), draw(), e % 3 == 0 ? "COOPERATION" : "MOU", {});
      if (!r.ok()) std::abort();
    }
    if (!(*loader)->Finish().ok()) std::abort();
    loader->reset();
    reader_ = db_->NewReader();
    type_a_ = *reader_->FindType("COOPERATION");
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<GraphReader> reader_;
  TypeId type_a_ = 0;
};

// Neighbours of random nodes (uniform over ids), every type, both directions.
void BM_NeighborsAll(benchmark::State& state) {
  GraphReader& r = Store::Get().reader();
  bench::Rng rng(1);
  uint64_t entries = 0;
  for (auto _ : state) {
    const NodeId id = 1 + rng.Below(kNodes);
    Status st = r.Neighbors(id, Direction::kBoth, {}, [&](const NeighborEntry&) {
      ++entries;
      return true;
    });
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(entries));
  state.counters["entries/scan"] = static_cast<double>(entries) / state.iterations();
}
BENCHMARK(BM_NeighborsAll);

// One type, both directions: one prefix seek per direction.
void BM_NeighborsTyped(benchmark::State& state) {
  GraphReader& r = Store::Get().reader();
  const TypeId types[] = {Store::Get().type_a()};
  bench::Rng rng(2);
  uint64_t entries = 0;
  for (auto _ : state) {
    Status st =
        r.Neighbors(1 + rng.Below(kNodes), Direction::kBoth, types, [&](const NeighborEntry&) {
          ++entries;
          return true;
        });
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(entries));
}
BENCHMARK(BM_NeighborsTyped);

// A full scan of the hub's adjacency (the most expensive single scan).
void BM_NeighborsHubScan(benchmark::State& state) {
  GraphReader& r = Store::Get().reader();
  NodeId hub = 1;
  size_t best = 0;
  for (NodeId id = 1; id <= 200; ++id) {  // the hub is among the first ids (highest weight)
    size_t n = 0;
    (void)r.Neighbors(id, Direction::kBoth, {}, [&](const NeighborEntry&) { return ++n, true; });
    if (n > best) best = n, hub = id;
  }
  for (auto _ : state) {
    size_t n = 0;
    (void)r.Neighbors(hub, Direction::kBoth, {}, [&](const NeighborEntry&) { return ++n, true; });
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(static_cast<int64_t>(best * state.iterations()));
  state.counters["degree"] = static_cast<double>(best);
}
BENCHMARK(BM_NeighborsHubScan);

void BM_FindNodesByNameHit(benchmark::State& state) {
  GraphReader& r = Store::Get().reader();
  bench::Rng rng(3);
  std::vector<NodeId> out;
  for (auto _ : state) {
    Status st = r.FindNodesByName("node " + std::to_string(rng.Below(kNodes)), &out);
    if (!st.ok() || out.size() != 1) state.SkipWithError("lookup failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindNodesByNameHit);

void BM_FindNodesByNameMiss(benchmark::State& state) {
  GraphReader& r = Store::Get().reader();
  bench::Rng rng(4);
  std::vector<NodeId> out;
  for (auto _ : state) {
    Status st = r.FindNodesByName("absent " + std::to_string(rng.Below(kNodes)), &out);
    if (!st.ok() || !out.empty()) state.SkipWithError("lookup failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindNodesByNameMiss);

void BM_GetNode(benchmark::State& state) {
  GraphReader& r = Store::Get().reader();
  bench::Rng rng(5);
  Node node;
  for (auto _ : state) {
    Status st = r.GetNode(1 + rng.Below(kNodes), &node);
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GetNode);

}  // namespace

BENCHMARK_MAIN();

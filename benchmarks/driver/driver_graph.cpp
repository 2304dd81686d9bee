// benchmarks/driver/driver_graph.cpp — the path and analytics metrics, on engine/graph's snapshot.
#include <chrono>
#include <cmath>

#include "benchmarks/driver/dataset.h"
#include "benchmarks/driver/driver.h"
#include "engine/graph/algorithms.h"
#include "engine/graph/compact_reader.h"
#include "engine/graph/graph_snapshot.h"
#include "engine/graph/paths.h"
#include "engine/graph/snapshot_cache.h"

namespace pactgraph::bench {

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

}  // namespace

Status RunGraphMetrics(const GraphReader& reader, const BenchQueries& q, NodeId base,
                       uint64_t node_count, const BenchOptions& options, BenchReport* report) {
  graph::SnapshotOptions snapshot_options;
  snapshot_options.weight = "weight";
  graph::SnapshotPtr snapshot;
  Metric build{"snapshot"};
  build.note = "GraphSnapshot::Build with weights (used by sp, wsp, wcc, pagerank)";
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>*, nlohmann::json* answer) -> Status {
        snapshot.reset();
        auto built = graph::GraphSnapshot::Build(reader, snapshot_options);
        if (!built.ok()) return built.status();
        snapshot = std::move(*built);
        *answer = {{"vertices", snapshot->num_vertices()}, {"relationships", snapshot->num_rels()}};
        return Status::OK();
      },
      &build));
  report->metrics.push_back(std::move(build));
  const graph::GraphSnapshot& g = *snapshot;

  // hop1 and hop2 again, through the reader queries get (engine/graph/compact_reader.h): the
  // snapshot now holds the reader's state, so it answers them. Same answers as the store's.
  graph::OfferSnapshot(reader, snapshot);
  Metric index{"compact_index"};
  index.note = "CompactAdjacency: the snapshot's rows sorted as Neighbors reports them";
  std::shared_ptr<const graph::CompactAdjacency> adjacency;  // held: hop1/hop2 share it
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>*, nlohmann::json* answer) -> Status {
        adjacency = std::make_shared<const graph::CompactAdjacency>(snapshot);
        *answer = {{"mb", static_cast<double>(adjacency->MemoryBytes() / 100000) / 10.0}};
        return Status::OK();
      },
      &index));
  report->metrics.push_back(std::move(index));
  graph::ShareCompactAdjacency(adjacency);
  Metric names{"name_index"};
  names.note = "NameIndex: the name index in a hash table (CompactReader's lookups)";
  const std::string token = graph::CompactReader(reader).StateToken();
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>*, nlohmann::json* answer) -> Status {
        auto built = graph::NameIndex::Build(reader);
        if (!built.ok()) return built.status();
        graph::ShareNameIndex(token, *built);
        *answer = {{"names", (*built)->names()},
                   {"mb", static_cast<double>((*built)->MemoryBytes() / 100000) / 10.0}};
        return Status::OK();
      },
      &names));
  report->metrics.push_back(std::move(names));
  graph::CompactReader compact(reader);
  const size_t before = report->metrics.size();
  PG_RETURN_IF_ERROR(RunLookupMetric(compact, q, "", options, report));
  PG_RETURN_IF_ERROR(RunHopMetrics(compact, q, base, "", options, report));
  if (compact.store_calls() != 0 || compact.compact_calls() == 0 || compact.store_lookups() != 0) {
    return Status::Internal("lookup/hop1/hop2 were not answered from the compact copies");
  }
  for (size_t i = before; i < report->metrics.size(); ++i) {
    const Metric& m = report->metrics[i];
    const Metric* store = report->Find(m.name + "_store");
    if (store != nullptr && store->available && m.available && store->answer != m.answer) {
      return Status::Internal(m.name + ": the snapshot answered " + m.answer.dump() +
                              ", the store " + store->answer.dump());
    }
    report->metrics[i].note =
        "from the compact copies (CompactReader); " + m.name + "_store: the same from RocksDB";
  }

  std::vector<std::pair<graph::VertexIndex, graph::VertexIndex> > pairs;
  for (auto [a, b] : q.sp_pairs) {
    pairs.emplace_back(g.FindVertex(base + a), g.FindVertex(base + b));
    if (pairs.back().first == graph::kNoVertex || pairs.back().second == graph::kNoVertex) {
      return Status::Internal("a path query endpoint is missing from the snapshot");
    }
  }
  for (bool weighted : {false, true}) {
    Metric m{weighted ? "wsp" : "sp"};
    PathOptions query;
    query.mode = weighted ? PathMode::kWeighted : PathMode::kShortest;
    query.filter.directed = false;
    query.filter.max_hops = std::max<uint32_t>(1, g.num_vertices());  // no bound in effect
    PG_RETURN_IF_ERROR(TimeRepeated(
        options,
        [&](std::vector<double>* lat, nlohmann::json* answer) -> Status {
          *answer = nlohmann::json::array();
          std::vector<graph::GraphPath> paths;
          for (auto [s, t] : pairs) {
            auto t0 = Clock::now();
            PG_RETURN_IF_ERROR(graph::FindPaths(g, s, t, query, &paths));
            lat->push_back(Seconds(t0, Clock::now()) * 1e6);
            if (paths.empty()) {
              answer->push_back(-1);
            } else if (weighted) {
              answer->push_back(Round4(paths[0].cost));
            } else {
              answer->push_back(paths[0].hops());
            }
          }
          return Status::OK();
        },
        &m));
    report->metrics.push_back(std::move(m));
  }

  Metric wcc{"wcc"};
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>*, nlohmann::json* answer) -> Status {
        graph::AlgoResult result;
        PG_RETURN_IF_ERROR(graph::RunAlgorithm(g, "wcc", AlgorithmOptions(), &result));
        *answer = result.groups;
        return Status::OK();
      },
      &wcc));
  report->metrics.push_back(std::move(wcc));

  Metric pagerank{"pagerank"};
  pagerank.note = "20 iterations, damping 0.85, directed";
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>*, nlohmann::json* answer) -> Status {
        AlgorithmOptions o;
        o.iterations = 20;
        o.damping = 0.85;
        o.tolerance = 0;
        o.filter.directed = true;
        graph::AlgoResult result;
        PG_RETURN_IF_ERROR(graph::RunAlgorithm(g, "pagerank", o, &result));
        graph::VertexIndex top = 0;
        for (graph::VertexIndex v = 1; v < result.values.size(); ++v) {
          if (result.values[v] > result.values[top]) top = v;
        }
        const NodeId top_id = g.node_id(top);
        if (top_id <= base || top_id - base > node_count) {
          return Status::Internal("pagerank's top node is not a dataset node");
        }
        *answer = top_id - base;
        return Status::OK();
      },
      &pagerank));
  report->metrics.push_back(std::move(pagerank));
  return Status::OK();
}

}  // namespace pactgraph::bench

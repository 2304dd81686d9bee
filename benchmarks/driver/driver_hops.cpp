// benchmarks/driver/driver_hops.cpp — the lookup, hop1 and hop2 metrics (see driver.h), on any
// reader: the store's (lookup_store, hop1_store, hop2_store) and engine/graph's CompactReader
// over the snapshot and the name index.
#include <algorithm>
#include <chrono>

#include "benchmarks/driver/dataset.h"
#include "benchmarks/driver/driver.h"

namespace pactgraph::bench {

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

Status RunLookupMetric(const GraphReader& reader, const BenchQueries& q, const std::string& suffix,
                       const BenchOptions& options, BenchReport* report) {
  Metric lookup{"lookup" + suffix};
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>* lat, nlohmann::json* answer) -> Status {
        uint64_t found = 0, matches = 0;
        std::vector<NodeId> ids;
        for (const auto& name : q.lookup_names) {
          auto t0 = Clock::now();
          PG_RETURN_IF_ERROR(reader.FindNodesByName(name, &ids));
          lat->push_back(Seconds(t0, Clock::now()) * 1e6);
          found += ids.empty() ? 0 : 1;
          matches += ids.size();
        }
        *answer = {{"found", found}, {"matches", matches}};
        return Status::OK();
      },
      &lookup));
  report->metrics.push_back(std::move(lookup));
  return Status::OK();
}

Status RunHopMetrics(const GraphReader& reader, const BenchQueries& q, NodeId base,
                     const std::string& suffix, const BenchOptions& options, BenchReport* report) {
  Metric hop1{"hop1" + suffix};
  auto coop = reader.FindType("COOPERATION");
  if (!coop.ok()) {
    hop1.available = false;
    hop1.note = "the dataset has no cooperation relationships";
  } else {
    const TypeId types[] = {*coop};
    PG_RETURN_IF_ERROR(TimeRepeated(
        options,
        [&](std::vector<double>* lat, nlohmann::json* answer) -> Status {
          uint64_t sum = 0;
          std::vector<NodeId> others;
          for (uint64_t csv_id : q.hop_ids) {
            const NodeId id = base + csv_id;
            auto t0 = Clock::now();
            others.clear();
            PG_RETURN_IF_ERROR(reader.Neighbors(id, Direction::kBoth, types, [&](const auto& e) {
              if (e.other != id) others.push_back(e.other);
              return true;
            }));
            std::sort(others.begin(), others.end());
            sum += std::unique(others.begin(), others.end()) - others.begin();
            lat->push_back(Seconds(t0, Clock::now()) * 1e6);
          }
          *answer = sum;
          return Status::OK();
        },
        &hop1));
  }
  report->metrics.push_back(std::move(hop1));

  Metric hop2{"hop2" + suffix};
  std::vector<uint32_t> stamp(reader.NodeIdBound(), 0);
  uint32_t round = 0;
  PG_RETURN_IF_ERROR(TimeRepeated(
      options,
      [&](std::vector<double>* lat, nlohmann::json* answer) -> Status {
        uint64_t sum = 0;
        std::vector<NodeId> frontier;
        for (uint32_t i = 0; i < q.hop2_count; ++i) {
          const NodeId start = base + q.hop_ids[i];
          auto t0 = Clock::now();
          ++round;
          stamp[start] = round;
          frontier.clear();
          uint64_t reached = 0;
          PG_RETURN_IF_ERROR(reader.Neighbors(start, Direction::kBoth, {}, [&](const auto& e) {
            if (stamp[e.other] != round) {
              stamp[e.other] = round;
              frontier.push_back(e.other);
              ++reached;
            }
            return true;
          }));
          for (NodeId mid : frontier) {
            PG_RETURN_IF_ERROR(reader.Neighbors(mid, Direction::kBoth, {}, [&](const auto& e) {
              if (stamp[e.other] != round) {
                stamp[e.other] = round;
                ++reached;
              }
              return true;
            }));
          }
          sum += reached;
          lat->push_back(Seconds(t0, Clock::now()) * 1e6);
        }
        *answer = sum;
        return Status::OK();
      },
      &hop2));
  report->metrics.push_back(std::move(hop2));
  return Status::OK();
}

}  // namespace pactgraph::bench

// engine/graph/graph_snapshot.cpp — building the CSR copy from the store or from memory.
#include "engine/graph/graph_snapshot.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <utility>

#include "engine/graph/csr.h"
#include "storage/reader_extensions.h"

namespace pactgraph::graph {

namespace {

const std::string kEmpty;

// Interns `names` through `find` into a table indexed by id.
template <typename FindFn>
std::vector<std::string> NameTable(const std::vector<std::string>& names, FindFn find) {
  std::vector<std::string> table;
  for (const std::string& name : names) {
    auto id = find(name);
    if (!id.ok()) continue;
    if (*id >= table.size()) table.resize(*id + 1);
    table[*id] = name;
  }
  return table;
}

double NumericOr(const ValueMap& props, const std::string& key, double fallback) {
  auto it = props.find(key);
  if (it == props.end() || !it->second.is_number()) return fallback;
  return it->second.as_number();
}

}  // namespace

int32_t IsoDateDays(std::string_view iso) {
  std::string s(iso);
  if (s.size() == 4) s += "-01-01";
  if (s.size() == 7) s += "-01";
  auto d = Date::Parse(s);
  return d ? d->days : kNoDate;
}

int32_t DateDays(const Value& v) {
  if (v.is_date()) return v.as_date().days;
  if (v.is_string()) return IsoDateDays(v.as_string());
  return kNoDate;
}

GraphSnapshot::GraphSnapshot() = default;
GraphSnapshot::~GraphSnapshot() = default;

const std::string& GraphSnapshot::TypeName(TypeId t) const {
  return t < type_names_.size() ? type_names_[t] : kEmpty;
}
const std::string& GraphSnapshot::LabelName(LabelId l) const {
  return l < label_names_.size() ? label_names_[l] : kEmpty;
}

void GraphSnapshot::BuildAdjacency() {
  // A counting sort by source of the 2m entries, stable in relationship order.
  const uint32_t m = num_rels(), n = num_vertices();
  row_start_.assign(static_cast<size_t>(n) + 1, 0);
  for (uint32_t r = 0; r < m; ++r) {
    ++row_start_[rel_start_[r] + 1];
    ++row_start_[rel_end_[r] + 1];
  }
  for (uint32_t v = 0; v < n; ++v) row_start_[v + 1] += row_start_[v];
  column_.resize(2 * static_cast<size_t>(m));
  entry_prop_.resize(2 * static_cast<size_t>(m));
  std::vector<uint32_t> fill(row_start_.begin(), row_start_.end() - 1);
  for (uint32_t r = 0; r < m; ++r) {
    uint32_t at = fill[rel_start_[r]]++;
    column_[at] = rel_end_[r];
    entry_prop_[at] = r << 1;
    at = fill[rel_end_[r]]++;
    column_[at] = rel_start_[r];
    entry_prop_[at] = (r << 1) | 1u;
  }
  weighted_ = WeightedAdjacency{};
  if (!weights_.empty() && !has_negative_weight_) BuildWeightedAdjacency();  // else refused
}

void GraphSnapshot::BuildWeightedAdjacency() {
  const uint32_t n = num_vertices();
  WeightedAdjacency& w = weighted_;
  w.vertex.resize(n);
  for (uint32_t v = 0; v < n; ++v) w.vertex[v] = v;
  auto degree = [&](VertexIndex v) { return row_start_[v + 1] - row_start_[v]; };
  std::stable_sort(w.vertex.begin(), w.vertex.end(),
                   [&](VertexIndex x, VertexIndex y) { return degree(x) > degree(y); });
  w.rank.resize(n);
  for (uint32_t r = 0; r < n; ++r) w.rank[w.vertex[r]] = r;
  w.row.resize(n + 1);
  w.entries.resize(row_start_[n]);
  uint32_t at = 0;
  for (uint32_t r = 0; r < n; ++r) {
    w.row[r] = at;
    const VertexIndex v = w.vertex[r];
    for (uint32_t i = row_start_[v]; i < row_start_[v + 1]; ++i) {
      w.entries[at++] =
          WeightedEntry{weights_[entry_prop_[i] >> 1], w.rank[column_[i]], entry_prop_[i]};
    }
    std::sort(w.entries.begin() + w.row[r], w.entries.begin() + at,
              [](const WeightedEntry& a, const WeightedEntry& b) {
                if (a.weight != b.weight) return a.weight < b.weight;
                if (a.target != b.target) return a.target < b.target;
                return a.prop < b.prop;
              });
  }
  w.row[n] = at;
}

const CsrHolder& GraphSnapshot::csr() const {
  std::call_once(csr_once_, [this] {
    // The rows are already sorted by source: boost copies them as they are.
    std::vector<std::pair<uint32_t, uint32_t>> entries;
    entries.reserve(column_.size());
    for (uint32_t v = 0; v < num_vertices(); ++v) {
      for (uint32_t i = row_start_[v]; i < row_start_[v + 1]; ++i)
        entries.emplace_back(v, column_[i]);
    }
    csr_ = std::make_unique<CsrHolder>();
    csr_->g = Csr(boost::edges_are_sorted, entries.begin(), entries.end(), entry_prop_.begin(),
                  num_vertices());
  });
  return *csr_;
}

const HubTrees& GraphSnapshot::hub_trees() const {
  static constexpr uint32_t kHubs = 2;
  std::call_once(hub_once_, [this] {
    const WeightedAdjacency& w = weighted_;
    const uint32_t n = num_vertices();
    using Item = std::pair<double, uint32_t>;
    for (uint32_t h = 0; h < std::min(kHubs, n); ++h) {  // ranks 0.. are the biggest hubs
      std::vector<double> dist(n, std::numeric_limits<double>::infinity());
      std::vector<uint32_t> parent(n, kNoVertex);
      std::vector<RelIndex> rel(n, 0);
      std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
      dist[h] = 0;
      queue.push({0.0, h});
      while (!queue.empty()) {
        auto [d, u] = queue.top();
        queue.pop();
        if (d > dist[u]) continue;
        for (uint32_t i = w.row[u]; i < w.row[u + 1]; ++i) {
          const WeightedEntry& e = w.entries[i];
          if (d + e.weight < dist[e.target]) {
            dist[e.target] = d + e.weight;
            parent[e.target] = u;
            rel[e.target] = e.prop >> 1;
            queue.push({dist[e.target], e.target});
          }
        }
      }
      hub_trees_.hubs.push_back(h);
      hub_trees_.dist.push_back(std::move(dist));
      hub_trees_.parent.push_back(std::move(parent));
      hub_trees_.rel.push_back(std::move(rel));
    }
  });
  return hub_trees_;
}

size_t GraphSnapshot::MemoryBytes() const {
  size_t n = node_ids_.size(), m = rel_ids_.size();
  return n * (sizeof(NodeId) + 2 * sizeof(uint32_t)) + index_of_.size() * sizeof(VertexIndex) +
         label_ids_.size() * sizeof(LabelId) +
         m * (sizeof(RelId) + sizeof(TypeId) + 2 * sizeof(VertexIndex)) +
         weights_.size() * sizeof(double) + weighted_.entries.size() * sizeof(WeightedEntry) +
         weighted_.row.size() * 3 * sizeof(uint32_t) + dates_.size() * sizeof(int32_t) +
         2 * m * 2 * sizeof(uint32_t);
}

Result<std::shared_ptr<const GraphSnapshot>> GraphSnapshot::Build(const GraphReader& reader,
                                                                  const SnapshotOptions& options) {
  std::shared_ptr<GraphSnapshot> s(new GraphSnapshot());
  s->options_ = options;
  s->type_names_ =
      NameTable(reader.Types(), [&](const std::string& n) { return reader.FindType(n); });
  s->label_names_ =
      NameTable(reader.Labels(), [&](const std::string& n) { return reader.FindLabel(n); });

  // Nodes, in id order. The stored counts size the columns (a hint: the scans decide).
  GraphStats stats;
  if (reader.GetStats(&stats).ok()) {
    s->node_ids_.reserve(stats.nodes);
    s->rel_ids_.reserve(stats.relationships);
    s->rel_types_.reserve(stats.relationships);
    s->rel_start_.reserve(stats.relationships);
    s->rel_end_.reserve(stats.relationships);
  }
  s->index_of_.assign(reader.NodeIdBound(), kNoVertex);
  PG_RETURN_IF_ERROR(reader.ScanNodes("", [&](NodeId id) {
    if (id >= s->index_of_.size()) s->index_of_.resize(id + 1, kNoVertex);
    s->index_of_[id] = static_cast<VertexIndex>(s->node_ids_.size());
    s->node_ids_.push_back(id);
    return true;
  }));
  const uint32_t n = s->num_vertices();

  // Labels: one index scan per label, then a counting sort by vertex.
  std::vector<std::pair<VertexIndex, LabelId>> pairs;
  for (LabelId l = 0; l < s->label_names_.size(); ++l) {
    if (s->label_names_[l].empty()) continue;
    PG_RETURN_IF_ERROR(reader.ScanNodes(s->label_names_[l], [&](NodeId id) {
      VertexIndex v = s->FindVertex(id);
      if (v != kNoVertex) pairs.emplace_back(v, l);
      return true;
    }));
  }
  std::sort(pairs.begin(), pairs.end());
  s->label_start_.assign(n + 1, 0);
  for (const auto& p : pairs) ++s->label_start_[p.first + 1];
  for (uint32_t v = 0; v < n; ++v) s->label_start_[v + 1] += s->label_start_[v];
  for (const auto& p : pairs) s->label_ids_.push_back(p.second);

  // Relationships.
  Status bad;
  PG_RETURN_IF_ERROR(reader.ScanRelationships([&](const RelEndpoints& r) {
    VertexIndex a = s->FindVertex(r.start), b = s->FindVertex(r.end);
    if (a == kNoVertex || b == kNoVertex) {
      bad = Status::Corruption("relationship " + std::to_string(r.id) +
                               " joins a node that does not exist");
      return false;
    }
    s->rel_ids_.push_back(r.id);
    s->rel_types_.push_back(r.type);
    s->rel_start_.push_back(a);
    s->rel_end_.push_back(b);
    return true;
  }));
  PG_RETURN_IF_ERROR(bad);
  PG_RETURN_IF_ERROR(s->LoadRelationshipColumns(reader));
  s->BuildAdjacency();
  return std::shared_ptr<const GraphSnapshot>(std::move(s));
}

Status GraphSnapshot::LoadRelationshipColumns(const GraphReader& reader) {
  const uint32_t m = num_rels();
  const bool by_evidence = options_.weight == "evidence";
  const bool by_recency = options_.weight == "recency";
  const bool need_props =
      (!options_.weight.empty() && !by_evidence) || !options_.date_property.empty();
  if (!options_.date_property.empty()) dates_.assign(m, kNoDate);
  if (!options_.weight.empty()) weights_.assign(m, 1.0);
  std::vector<int32_t> newest(by_recency ? m : 0, kNoDate);
  std::vector<Evidence> evidence;
  // Properties: one sequential scan when the reader offers it, else a point read each.
  auto use_properties = [&](uint32_t r, const ValueMap& properties) -> Status {
    if (!dates_.empty()) {
      auto it = properties.find(options_.date_property);
      if (it != properties.end()) dates_[r] = DateDays(it->second);
      if (dates_[r] == kNoDate) {
        // Extracted relationships carry their dates on the evidence: use the newest.
        evidence.clear();
        PG_RETURN_IF_ERROR(reader.GetEvidence(rel_ids_[r], &evidence));
        for (const Evidence& e : evidence) dates_[r] = std::max(dates_[r], IsoDateDays(e.date));
      }
    }
    if (!by_recency && !weights_.empty()) {
      weights_[r] = NumericOr(properties, options_.weight, 1.0);
      if (weights_[r] < 0 || std::isnan(weights_[r])) has_negative_weight_ = true;
    }
    return Status::OK();
  };
  const auto* scanner = dynamic_cast<const storage::ReaderExtensions*>(&reader);
  if (need_props && scanner != nullptr) {
    uint32_t r = 0;
    Status st;
    PG_RETURN_IF_ERROR(scanner->ScanRelationshipProperties([&](RelId id, ValueMap& properties) {
      while (r < m && rel_ids_[r] < id) ++r;  // both in id order
      if (r == m) return false;
      if (rel_ids_[r] == id) st = use_properties(r, properties);
      return st.ok();
    }));
    PG_RETURN_IF_ERROR(st);
  } else if (need_props) {
    Relationship rel;
    for (uint32_t r = 0; r < m; ++r) {
      PG_RETURN_IF_ERROR(reader.GetRelationship(rel_ids_[r], &rel));
      PG_RETURN_IF_ERROR(use_properties(r, rel.properties));
    }
  }
  for (uint32_t r = 0; r < m; ++r) {
    if (by_evidence || by_recency) {
      evidence.clear();
      PG_RETURN_IF_ERROR(reader.GetEvidence(rel_ids_[r], &evidence));
      if (by_evidence) weights_[r] = 1.0 / (1.0 + static_cast<double>(evidence.size()));
      if (by_recency) {
        for (const Evidence& e : evidence) newest[r] = std::max(newest[r], IsoDateDays(e.date));
        if (newest[r] == kNoDate && !dates_.empty()) newest[r] = dates_[r];
      }
    }
  }
  if (by_recency) {
    int32_t top = kNoDate, bottom = std::numeric_limits<int32_t>::max();
    for (int32_t d : newest) {
      if (d == kNoDate) continue;
      top = std::max(top, d);
      bottom = std::min(bottom, d);
    }
    double oldest_age = top == kNoDate ? 0.0 : (top - bottom) / 365.25;
    for (uint32_t r = 0; r < m; ++r) {
      weights_[r] = newest[r] == kNoDate ? oldest_age + 3.0 : 1.0 + (top - newest[r]) / 365.25;
    }
  }
  return Status::OK();
}

std::shared_ptr<const GraphSnapshot> GraphSnapshot::FromEdges(
    std::vector<NodeId> nodes, const std::vector<std::vector<LabelId>>& labels,
    const std::vector<EdgeSpec>& edges, std::vector<std::string> type_names,
    std::vector<std::string> label_names) {
  std::shared_ptr<GraphSnapshot> s(new GraphSnapshot());
  s->type_names_ = std::move(type_names);
  s->label_names_ = std::move(label_names);
  std::vector<std::pair<NodeId, std::vector<LabelId>>> all;
  for (size_t i = 0; i < nodes.size(); ++i) {
    all.emplace_back(nodes[i], i < labels.size() ? labels[i] : std::vector<LabelId>{});
  }
  for (const EdgeSpec& e : edges) {
    all.emplace_back(e.start, std::vector<LabelId>{});
    all.emplace_back(e.end, std::vector<LabelId>{});
  }
  // Stable sort keeps a listed node (with its labels) ahead of endpoint duplicates.
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  NodeId max_id = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i > 0 && all[i].first == all[i - 1].first) continue;
    s->node_ids_.push_back(all[i].first);
    s->label_start_.push_back(static_cast<uint32_t>(s->label_ids_.size()));
    std::vector<LabelId> ls = all[i].second;
    std::sort(ls.begin(), ls.end());
    s->label_ids_.insert(s->label_ids_.end(), ls.begin(), ls.end());
    max_id = std::max(max_id, all[i].first);
  }
  s->label_start_.push_back(static_cast<uint32_t>(s->label_ids_.size()));
  s->index_of_.assign(max_id + 1, kNoVertex);
  for (uint32_t v = 0; v < s->node_ids_.size(); ++v) s->index_of_[s->node_ids_[v]] = v;
  bool any_weight = false, any_date = false;
  for (const EdgeSpec& e : edges) {
    any_weight |= e.weight != 1.0;
    any_date |= e.date != kNoDate;
  }
  for (size_t i = 0; i < edges.size(); ++i) {
    const EdgeSpec& e = edges[i];
    s->rel_ids_.push_back(e.id != 0 ? e.id : i + 1);
    s->rel_types_.push_back(e.type);
    s->rel_start_.push_back(s->index_of_[e.start]);
    s->rel_end_.push_back(s->index_of_[e.end]);
    if (any_weight) s->weights_.push_back(e.weight);
    if (any_date) s->dates_.push_back(e.date);
    if (e.weight < 0 || std::isnan(e.weight)) s->has_negative_weight_ = true;
  }
  if (any_weight) s->options_.weight = "weight";
  if (any_date) s->options_.date_property = "date";
  s->BuildAdjacency();
  return s;
}

}  // namespace pactgraph::graph

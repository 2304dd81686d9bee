#include "engine/io/node_matching.h"

#include <algorithm>

namespace pactgraph::io {
namespace {

constexpr const char* kExternalId = "external_id";
constexpr size_t kDifferingExamples = 5;

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

std::optional<NodeId> KeepableId(std::string_view s) {
  if (s.empty() || s.size() > 19 || s[0] == '0') return std::nullopt;
  NodeId v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<NodeId>(c - '0');
  }
  if (v > (NodeId{1} << 62)) return std::nullopt;  // far past any allocator, and below kHeldBit
  return v;
}

NodePlacer::NodePlacer(const GraphReader& reader, BulkLoader& loader, const ImportOptions& options)
    : reader_(reader),
      loader_(loader),
      restore_(dynamic_cast<BulkRestore*>(&loader)),
      options_(options),
      bound_(reader.NodeIdBound()) {}

Status NodePlacer::LoadExternalIds() {
  external_ = std::make_unique<std::unordered_map<std::string, NodeId>>();
  if (bound_ <= 1) return Status::OK();
  const auto keys = reader_.PropertyKeys();
  if (std::find(keys.begin(), keys.end(), kExternalId) == keys.end()) return Status::OK();
  // Without an index: one scan of the stored nodes, done only when a row's id is neither a
  // node id nor new (docs/cli.md gives the cost).
  Status inner;
  PG_RETURN_IF_ERROR(reader_.ScanNodes("", [&](NodeId id) {
    Node n;
    inner = reader_.GetNode(id, &n);
    if (!inner.ok()) return false;
    auto it = n.properties.find(kExternalId);
    if (it != n.properties.end() && it->second.is_string()) {
      external_->emplace(it->second.as_string(), id);
    }
    return true;
  }));
  return inner;
}

Result<std::optional<NodeId>> NodePlacer::FindStored(const std::string& file_id,
                                                     const std::vector<std::string>& labels,
                                                     const ValueMap& props) {
  if (options_.mode == ImportMode::kAppend || bound_ <= 1) return std::optional<NodeId>();
  if (options_.match_on == ImportMatch::kName) {
    auto name = props.find("name");
    if (name == props.end() || !name->second.is_string()) return std::optional<NodeId>();
    std::vector<NodeId> ids;
    PG_RETURN_IF_ERROR(reader_.FindNodesByName(name->second.as_string(), &ids));
    std::optional<NodeId> found;
    for (NodeId id : ids) {
      Node n;
      PG_RETURN_IF_ERROR(reader_.GetNode(id, &n));
      auto stored = n.properties.find("name");
      if (stored == n.properties.end() || !(stored->second == name->second)) continue;
      bool has_all = std::all_of(labels.begin(), labels.end(), [&](const std::string& l) {
        return std::find(n.labels.begin(), n.labels.end(), l) != n.labels.end();
      });
      if (!has_all) continue;
      if (found) {
        return Status::InvalidArgument("name '" + name->second.as_string() +
                                       "' matches several stored nodes (ids " +
                                       std::to_string(*found) + " and " + std::to_string(id) +
                                       "); --match-on id or a label would tell them apart");
      }
      found = id;
    }
    return found;
  }
  // Only rows of an earlier import match: a node that Cypher or ingest made has no
  // external_id, so a file's "5" never names an unrelated node 5.
  if (!external_) PG_RETURN_IF_ERROR(LoadExternalIds());
  if (auto it = external_->find(file_id); it != external_->end()) {
    return std::optional<NodeId>(it->second);
  }
  return std::optional<NodeId>();
}

Status NodePlacer::Compare(NodeId id, const std::vector<std::string>& labels,
                           const ValueMap& props) {
  ++matched_;
  Node n;
  PG_RETURN_IF_ERROR(reader_.GetNode(id, &n));
  n.properties.erase(kExternalId);
  const bool same_labels = Sorted(n.labels) == Sorted(labels);
  if (!same_labels || !(n.properties == props)) {
    ++differing_;
    if (differing_examples_.size() < kDifferingExamples) differing_examples_.push_back(id);
  }
  return Status::OK();
}

Result<NodeId> NodePlacer::Add(const std::optional<NodeId>& keep, const std::string& file_id,
                               const std::vector<std::string>& labels, ValueMap props) {
  ++added_;
  if (options_.mode == ImportMode::kMerge) props[kExternalId] = Value(file_id);
  if (keep) {
    if (restore_ == nullptr) return Status::Internal("the bulk loader cannot keep ids");
    PG_RETURN_IF_ERROR(restore_->AdvanceIds(*keep, 0, 0));
    PG_ASSIGN_OR_RETURN(NodeId id, loader_.AddNode(labels, props));
    if (id != *keep) return Status::Internal("the bulk loader did not keep id " + file_id);
    return id;
  }
  ++external_ids_;
  return loader_.AddNode(labels, props);
}

Result<NodePlacer::Handle> NodePlacer::Place(const std::string& file_id,
                                             std::vector<std::string> labels, ValueMap props) {
  PG_ASSIGN_OR_RETURN(std::optional<NodeId> stored, FindStored(file_id, labels, props));
  if (stored) {
    PG_RETURN_IF_ERROR(Compare(*stored, labels, props));
    return *stored;
  }
  // A new node keeps the file's id when it is a whole number no stored node had.
  std::optional<NodeId> keep = KeepableId(file_id);
  if (keep && *keep < bound_) keep.reset();
  if (stream_ && keep && *keep > last_kept_) {
    last_kept_ = *keep;
    return Add(keep, file_id, labels, std::move(props));
  }
  held_.push_back(Held{keep, file_id, std::move(labels), std::move(props)});
  return kHeldBit | (held_.size() - 1);
}

Status NodePlacer::Flush() {
  held_ids_.assign(held_.size(), 0);
  std::vector<size_t> order(held_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Kept ids in ascending order (the loader writes ids in order), then the new ids.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& x = held_[a].keep;
    const auto& y = held_[b].keep;
    if (x.has_value() != y.has_value()) return x.has_value();
    return x && *x < *y;
  });
  NodeId last = last_kept_;
  for (size_t i : order) {
    Held& h = held_[i];
    if (h.keep && *h.keep <= last) {
      // Two rows cannot keep one id: the importer refuses duplicate ids before this.
      return Status::Internal("id " + h.file_id + " placed twice");
    }
    if (h.keep) last = *h.keep;
    PG_ASSIGN_OR_RETURN(held_ids_[i], Add(h.keep, h.file_id, h.labels, std::move(h.props)));
  }
  std::vector<Held>().swap(held_);
  return Status::OK();
}

Result<bool> NodePlacer::MatchRelationship(NodeId start, NodeId end, const std::string& type,
                                           const ValueMap& props) {
  if (options_.mode == ImportMode::kAppend || !Existing(start) || !Existing(end)) return false;
  auto t = types_.find(type);
  if (t == types_.end()) {
    auto found = reader_.FindType(type);
    if (!found.ok() && found.status().code() != Status::Code::kNotFound) return found.status();
    t = types_.emplace(type, found.ok() ? std::optional<TypeId>(*found) : std::nullopt).first;
  }
  if (!t->second) return false;  // a type never stored: nothing can match
  const TypeId tid = *t->second;
  std::optional<RelId> hit;
  Status inner;
  PG_RETURN_IF_ERROR(reader_.Neighbors(start, Direction::kOut, std::span<const TypeId>(&tid, 1),
                                       [&](const NeighborEntry& e) {
                                         if (e.other != end || taken_.count(e.rel)) return true;
                                         Relationship r;
                                         inner = reader_.GetRelationship(e.rel, &r);
                                         if (!inner.ok()) return false;
                                         if (r.properties == props) {
                                           hit = e.rel;
                                           return false;
                                         }
                                         return true;
                                       }));
  PG_RETURN_IF_ERROR(inner);
  if (!hit) return false;
  taken_.insert(*hit);
  ++rels_matched_;
  return true;
}

void NodePlacer::Fill(ImportSummary* summary) const {
  summary->nodes_matched = matched_;
  summary->nodes_differing = differing_;
  summary->differing_examples = differing_examples_;
  summary->external_ids = external_ids_;
  summary->relationships_matched = rels_matched_;
}

}  // namespace pactgraph::io

// engine/graph/name_index.cpp — FindNodesByName from an in-memory hash table of one committed
// state's names (see compact_reader.h).
#include <algorithm>
#include <deque>
#include <functional>
#include <mutex>

#include "engine/graph/compact_reader.h"
#include "storage/normalize.h"

namespace pactgraph::graph {

namespace {

size_t HashOf(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

Result<std::shared_ptr<const NameIndex>> NameIndex::Build(const GraphReader& reader) {
  // Every (spelling, node) of the name index; the key is NormalizeName(spelling), so the
  // spelling normalises back to it.
  std::vector<std::pair<std::string, NodeId>> pairs;
  PG_RETURN_IF_ERROR(reader.FindNamesByPrefix("", SIZE_MAX, &pairs));
  auto index = std::shared_ptr<NameIndex>(new NameIndex());
  NameIndex& x = *index;
  size_t slots = 16;
  while (slots < 2 * pairs.size()) slots *= 2;
  x.slots_.assign(slots, 0);
  x.name_start_.push_back(0);
  std::vector<uint32_t> group(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const std::string norm = storage::NormalizeName(pairs[i].first);
    size_t at = HashOf(norm) & (slots - 1);
    while (true) {
      const uint32_t g = x.slots_[at];
      if (g == 0) {  // a new name
        x.text_ += norm;
        x.name_start_.push_back(x.text_.size());
        x.slots_[at] = static_cast<uint32_t>(x.name_start_.size() - 1);
        group[i] = x.slots_[at] - 1;
        break;
      }
      const std::string_view seen(x.text_.data() + x.name_start_[g - 1],
                                  x.name_start_[g] - x.name_start_[g - 1]);
      if (seen == norm) {
        group[i] = g - 1;
        break;
      }
      at = (at + 1) & (slots - 1);
    }
    std::string().swap(pairs[i].first);
  }
  const size_t names = x.name_start_.size() - 1;
  x.node_start_.assign(names + 1, 0);
  for (uint32_t g : group) ++x.node_start_[g + 1];
  for (size_t g = 0; g < names; ++g) x.node_start_[g + 1] += x.node_start_[g];
  x.nodes_.resize(pairs.size());
  std::vector<uint64_t> fill(x.node_start_.begin(), x.node_start_.end() - 1);
  for (size_t i = 0; i < pairs.size(); ++i) x.nodes_[fill[group[i]]++] = pairs[i].second;
  // Sorted, without repeats (a name and an alias of one node may normalise alike).
  std::vector<NodeId> packed;
  packed.reserve(x.nodes_.size());
  std::vector<uint64_t> starts(names + 1, 0);
  for (size_t g = 0; g < names; ++g) {
    auto b = x.nodes_.begin() + static_cast<long>(x.node_start_[g]);
    auto e = x.nodes_.begin() + static_cast<long>(x.node_start_[g + 1]);
    std::sort(b, e);
    starts[g] = packed.size();
    for (auto it = b; it != e; ++it) {
      if (it == b || *it != *(it - 1)) packed.push_back(*it);
    }
  }
  starts[names] = packed.size();
  x.nodes_.swap(packed);
  x.node_start_.swap(starts);
  return std::shared_ptr<const NameIndex>(std::move(index));
}

void NameIndex::Find(std::string_view name, std::vector<NodeId>* out) const {
  out->clear();
  const std::string norm = storage::NormalizeName(name);
  if (norm.empty()) return;
  const size_t mask = slots_.size() - 1;
  for (size_t at = HashOf(norm) & mask;; at = (at + 1) & mask) {
    const uint32_t g = slots_[at];
    if (g == 0) return;
    const std::string_view seen(text_.data() + name_start_[g - 1],
                                name_start_[g] - name_start_[g - 1]);
    if (seen == norm) {
      out->assign(nodes_.begin() + static_cast<long>(node_start_[g - 1]),
                  nodes_.begin() + static_cast<long>(node_start_[g]));
      return;
    }
  }
}

size_t NameIndex::MemoryBytes() const {
  return text_.size() + (name_start_.size() + node_start_.size()) * sizeof(uint64_t) +
         nodes_.size() * sizeof(NodeId) + slots_.size() * sizeof(uint32_t);
}

namespace {

std::mutex names_mu;
std::deque<std::pair<std::string, std::shared_ptr<const NameIndex>>> name_indexes;

}  // namespace

Result<std::shared_ptr<const NameIndex>> CurrentNameIndex(const std::string& token) {
  std::lock_guard<std::mutex> lock(names_mu);
  for (const auto& [t, index] : name_indexes) {
    if (!token.empty() && t == token) return index;
  }
  return Status::NotFound("no name index of this state");
}

void ShareNameIndex(const std::string& token, std::shared_ptr<const NameIndex> index) {
  if (token.empty() || index == nullptr) return;
  std::lock_guard<std::mutex> lock(names_mu);
  for (auto it = name_indexes.begin(); it != name_indexes.end(); ++it) {
    if (it->first == token) {
      name_indexes.erase(it);
      break;
    }
  }
  name_indexes.emplace_front(token, std::move(index));
  if (name_indexes.size() > 2) name_indexes.pop_back();
}

Status CompactReader::FindNodesByName(std::string_view name, std::vector<NodeId>* out) const {
  if (names_ == nullptr && ext_ != nullptr && options_.enabled) {
    if (!names_checked_) {
      names_checked_ = true;
      if (token_.empty()) token_ = ext_->StateToken();
      auto current = CurrentNameIndex(token_);
      if (current.ok()) names_ = *current;
    }
    if (names_ == nullptr && !token_.empty() && options_.build_names_after > 0 &&
        store_lookups_ == options_.build_names_after) {
      PG_ASSIGN_OR_RETURN(names_, NameIndex::Build(base_));
      ShareNameIndex(token_, names_);
    }
  }
  if (names_ != nullptr) {
    ++indexed_lookups_;
    names_->Find(name, out);
    return Status::OK();
  }
  ++store_lookups_;
  return base_.FindNodesByName(name, out);
}

}  // namespace pactgraph::graph

// Memory estimates of values (see value_size.h).
#include "query/function/value_size.h"

#include <algorithm>

namespace pactgraph::query {
namespace {

int64_t PropertyBytes(const ValueMap& m) {
  int64_t n = 48;
  for (const auto& [k, v] : m) n += 64 + static_cast<int64_t>(k.size()) + EstimateValueBytes(v);
  return n;
}

int64_t NodeBytes(const Node& node) {
  int64_t n = 64 + PropertyBytes(node.properties);
  for (const auto& l : node.labels) n += 32 + static_cast<int64_t>(l.size());
  return n;
}

int64_t RelBytes(const Relationship& r) { return 80 + PropertyBytes(r.properties); }

}  // namespace

int ValueNestingDepth(const Value& v, int cap) {
  if (cap <= 0) return 0;
  int deepest = 0;
  if (v.is_list()) {
    for (const auto& e : v.as_list()) {
      deepest = std::max(deepest, ValueNestingDepth(e, cap - 1));
      if (deepest == cap - 1) break;
    }
    return deepest + 1;
  }
  if (v.type() == Value::Type::kMap) {
    for (const auto& [k, e] : v.as_map()) {
      deepest = std::max(deepest, ValueNestingDepth(e, cap - 1));
      if (deepest == cap - 1) break;
    }
    return deepest + 1;
  }
  return 0;
}

int64_t EstimateValueBytes(const Value& v) {
  switch (v.type()) {
    case Value::Type::kString:
      return StringValueBytes(v.as_string().size());
    case Value::Type::kList: {
      const ValueList& l = v.as_list();
      int64_t n = ListValueBytes(l.size());
      for (const auto& e : l) n += EstimateValueBytes(e) - kValueSlotBytes;
      return n;
    }
    case Value::Type::kMap:
      return kValueSlotBytes + 16 + PropertyBytes(v.as_map());
    case Value::Type::kNode:
      return kValueSlotBytes + 16 + NodeBytes(v.as_node());
    case Value::Type::kRel:
      return kValueSlotBytes + 16 + RelBytes(v.as_rel());
    case Value::Type::kPath: {
      int64_t n = kValueSlotBytes + 64;
      for (const auto& node : v.as_path().nodes) n += NodeBytes(node);
      for (const auto& r : v.as_path().relationships) n += RelBytes(r);
      return n;
    }
    default:
      return kValueSlotBytes;
  }
}

}  // namespace pactgraph::query

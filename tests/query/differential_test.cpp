// Differential test: random graphs written through GraphWriter, random MATCH patterns run by
// the query engine, and the same patterns enumerated by a brute-force matcher over an
// in-memory copy of the graph. Both must give the same multiset of rows.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "pactgraph/database.h"
#include "pactgraph/session.h"
#include "tests/test_util.h"

using namespace pactgraph;

namespace {

struct MNode {
  NodeId id;
  std::vector<std::string> labels;
  int64_t v;
  std::string name;
};
struct MRel {
  RelId id;
  std::string type;
  NodeId start, end;
};
struct Model {
  std::vector<MNode> nodes;
  std::vector<MRel> rels;
  const MNode& Node(NodeId id) const {
    return *std::find_if(nodes.begin(), nodes.end(), [&](const MNode& n) { return n.id == id; });
  }
};

struct NodePat {
  std::string label;  // empty: any
  int64_t v = -1;     // -1: any
  std::string name;   // empty: any
};
struct RelPat {
  std::vector<std::string> types;
  Direction dir;
  int min = 1, max = 1;
  bool var = false;
};
struct Pattern {
  std::vector<NodePat> nodes;
  std::vector<RelPat> rels;
  bool where_lt = false;  // WHERE n0.v < nLast.v
};

const char* kLabels[] = {"A", "B", "C"};
const char* kTypes[] = {"R", "S", "T"};

Model BuildGraph(std::mt19937& rng, Database* db) {
  Model m;
  auto w = db->BeginWrite();
  REQUIRE(w.ok());
  int n = std::uniform_int_distribution<int>(3, 14)(rng);
  for (int i = 0; i < n; ++i) {
    MNode node;
    node.labels.push_back(kLabels[rng() % 3]);
    if (rng() % 4 == 0 && node.labels[0] != "C") node.labels.push_back("C");
    node.v = static_cast<int64_t>(rng() % 4);
    node.name = "n" + std::to_string(rng() % 6);
    auto id = (*w)->CreateNode(node.labels, {{"v", Value(node.v)}, {"name", Value(node.name)}});
    REQUIRE(id.ok());
    node.id = *id;
    m.nodes.push_back(node);
  }
  int e = std::uniform_int_distribution<int>(0, 3 * n)(rng);
  for (int i = 0; i < e; ++i) {
    MRel r;
    r.type = kTypes[rng() % 3];
    r.start = m.nodes[rng() % m.nodes.size()].id;
    r.end = m.nodes[rng() % m.nodes.size()].id;
    auto id = (*w)->CreateRelationship(r.start, r.end, r.type, {});
    REQUIRE(id.ok());
    r.id = *id;
    m.rels.push_back(r);
  }
  REQUIRE((*w)->Commit().ok());
  return m;
}

Pattern RandomPattern(std::mt19937& rng) {
  Pattern p;
  int len = std::uniform_int_distribution<int>(1, 3)(rng);
  for (int i = 0; i <= len; ++i) {
    NodePat np;
    if (rng() % 3 == 0) np.label = kLabels[rng() % 3];
    if (rng() % 5 == 0) np.v = static_cast<int64_t>(rng() % 4);
    if (rng() % 6 == 0) np.name = "n" + std::to_string(rng() % 6);
    p.nodes.push_back(np);
  }
  for (int i = 0; i < len; ++i) {
    RelPat rp;
    int k = static_cast<int>(rng() % 3);
    for (int t = 0; t < k; ++t) {
      std::string ty = kTypes[rng() % 3];
      if (std::find(rp.types.begin(), rp.types.end(), ty) == rp.types.end()) rp.types.push_back(ty);
    }
    rp.dir = static_cast<Direction>(rng() % 3);
    if (rng() % 4 == 0) {
      rp.var = true;
      rp.min = static_cast<int>(rng() % 2);
      rp.max = rp.min + static_cast<int>(rng() % 2) + 1;
    }
    p.rels.push_back(rp);
  }
  p.where_lt = rng() % 3 == 0;
  return p;
}

std::string ToCypher(const Pattern& p) {
  std::string q = "MATCH ";
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const NodePat& n = p.nodes[i];
    q += "(n" + std::to_string(i) + (n.label.empty() ? "" : ":" + n.label);
    std::string props;
    if (n.v >= 0) props += "v: " + std::to_string(n.v);
    if (!n.name.empty()) props += std::string(props.empty() ? "" : ", ") + "name: '" + n.name + "'";
    if (!props.empty()) q += " {" + props + "}";
    q += ")";
    if (i < p.rels.size()) {
      const RelPat& r = p.rels[i];
      std::string body = "r" + std::to_string(i);
      for (size_t t = 0; t < r.types.size(); ++t) body += (t ? "|" : ":") + r.types[t];
      if (r.var) body += "*" + std::to_string(r.min) + ".." + std::to_string(r.max);
      q += (r.dir == Direction::kIn ? "<-[" : "-[") + body +
           (r.dir == Direction::kOut ? "]->" : "]-");
    }
  }
  if (p.where_lt) q += " WHERE n0.v < n" + std::to_string(p.nodes.size() - 1) + ".v";
  q += " RETURN ";
  for (size_t i = 0; i < p.nodes.size(); ++i)
    q += (i ? ", id(n" : "id(n") + std::to_string(i) + ")";
  for (size_t i = 0; i < p.rels.size(); ++i) {
    q += p.rels[i].var ? ", [x IN r" + std::to_string(i) + " | id(x)]"
                       : ", id(r" + std::to_string(i) + ")";
  }
  return q;
}

// --- brute force ------------------------------------------------------------------------------
bool NodeOk(const MNode& n, const NodePat& p) {
  if (!p.label.empty() && std::find(n.labels.begin(), n.labels.end(), p.label) == n.labels.end())
    return false;
  if (p.v >= 0 && n.v != p.v) return false;
  if (!p.name.empty() && n.name != p.name) return false;
  return true;
}

// The node reached by walking `r` from `cur` in `dir`, or 0.
NodeId Step(const MRel& r, NodeId cur, Direction dir, const RelPat& p) {
  if (!p.types.empty() && std::find(p.types.begin(), p.types.end(), r.type) == p.types.end())
    return 0;
  if (dir == Direction::kOut) return r.start == cur ? r.end : 0;
  if (dir == Direction::kIn) return r.end == cur ? r.start : 0;
  if (r.start == cur) return r.end;
  if (r.end == cur) return r.start;
  return 0;
}

struct Brute {
  const Model& m;
  const Pattern& p;
  std::vector<std::string> rows;
  std::vector<NodeId> nodes;
  std::vector<std::vector<RelId>> rels;
  std::vector<RelId> used;

  void Emit() {
    if (p.where_lt && !(m.Node(nodes.front()).v < m.Node(nodes.back()).v)) return;
    std::string s;
    for (NodeId n : nodes) s += Value(static_cast<int64_t>(n)).ToString() + " | ";
    for (size_t i = 0; i < rels.size(); ++i) {
      if (p.rels[i].var) {
        ValueList l;
        for (RelId r : rels[i]) l.push_back(Value(static_cast<int64_t>(r)));
        s += Value(l).ToString();
      } else {
        s += Value(static_cast<int64_t>(rels[i][0])).ToString();
      }
      s += " | ";
    }
    rows.push_back(s);
  }

  // Extends a segment of rel i from `cur` (already `seg` relationships long).
  void Segment(size_t i, NodeId cur, std::vector<RelId>& seg) {
    const RelPat& rp = p.rels[i];
    if (static_cast<int>(seg.size()) >= rp.min && NodeOk(m.Node(cur), p.nodes[i + 1])) {
      nodes.push_back(cur);
      rels.push_back(seg);
      Next(i + 1);
      rels.pop_back();
      nodes.pop_back();
    }
    if (static_cast<int>(seg.size()) >= rp.max) return;
    for (const MRel& r : m.rels) {
      if (std::find(used.begin(), used.end(), r.id) != used.end()) continue;
      NodeId other = Step(r, cur, rp.dir, rp);
      if (!other) continue;
      used.push_back(r.id);
      seg.push_back(r.id);
      Segment(i, other, seg);
      seg.pop_back();
      used.pop_back();
    }
  }

  void Next(size_t i) {
    if (i == p.rels.size()) {
      Emit();
      return;
    }
    std::vector<RelId> seg;
    Segment(i, nodes.back(), seg);
  }

  void Run() {
    for (const MNode& n : m.nodes) {
      if (!NodeOk(n, p.nodes[0])) continue;
      nodes = {n.id};
      Next(0);
    }
  }
};

}  // namespace

TEST_CASE("query: random MATCH patterns agree with a brute-force matcher",
          "[query][differential]") {
  std::mt19937 rng(20240611);
  int patterns = 0;
  size_t total_rows = 0;
  for (int g = 0; g < 12; ++g) {
    testing::TempDir dir;
    auto db = Database::Open(dir / "db", Options{});
    REQUIRE(db.ok());
    Model model = BuildGraph(rng, db->get());
    Session session(db->get());
    for (int k = 0; k < 25; ++k) {
      Pattern p = RandomPattern(rng);
      std::string q = ToCypher(p);
      INFO("graph " << g << ", query: " << q);
      auto r = session.Execute(q);
      REQUIRE(r.ok());
      std::vector<std::string> got;
      for (const auto& row : r->rows()) {
        std::string s;
        for (const auto& v : row) s += v.ToString() + " | ";
        got.push_back(s);
      }
      Brute b{model, p, {}, {}, {}, {}};
      b.Run();
      std::sort(got.begin(), got.end());
      std::sort(b.rows.begin(), b.rows.end());
      REQUIRE(got == b.rows);
      ++patterns;
      total_rows += got.size();
    }
  }
  CHECK(patterns == 300);
  CHECK(total_rows > 0);
}

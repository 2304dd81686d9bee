// Warnings about unknown labels, relationship types and property keys (see notifications.h).
#include "query/notifications.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace pactgraph::query {
namespace {

std::string Lower(const std::string& s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Edits between two names (insert, delete, substitute, swap two neighbours: "nmae" is one
// edit from "name").
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The nearest known name: the same but for case, else the fewest edits (at most 2, and less
// than half the name), ties to the first in order.
std::string Nearest(const std::string& name, const std::vector<std::string>& known) {
  const std::string l = Lower(name);
  std::string best;
  size_t best_d = 3;
  for (const auto& k : known) {
    const std::string lk = Lower(k);
    if (lk == l) return k;
    size_t d = EditDistance(l, lk);
    if (d < best_d && d * 2 < std::max(l.size(), size_t{2})) {
      best_d = d;
      best = k;
    }
  }
  return best;
}

struct Names {
  std::vector<std::string> labels, types, keys;  // read, in order of appearance
  std::set<std::string> written_labels, written_types, written_keys;
};

void ReadExpr(const ExprPtr& e, Names* n) {
  if (!e) return;
  if (e->kind == ExprKind::kProperty) n->keys.push_back(e->name);
  if (e->kind == ExprKind::kLabelCheck) {
    for (const auto& l : e->keys) n->labels.push_back(l);
  }
  for (const auto& a : e->args) ReadExpr(a, n);
}

void MapKeys(const ExprPtr& props, std::set<std::string>* out) {
  if (props && props->kind == ExprKind::kMap) out->insert(props->keys.begin(), props->keys.end());
}

void Collect(const Clause& c, Names* n) {
  const bool writes = c.kind == Clause::Kind::kCreate || c.kind == Clause::Kind::kMerge;
  for (const auto& part : c.patterns) {
    for (const auto& node : part.nodes) {
      for (const auto& l : node.labels) {
        if (writes) {
          n->written_labels.insert(l);
        } else {
          n->labels.push_back(l);
        }
      }
      if (writes) {
        MapKeys(node.props, &n->written_keys);
      } else if (node.props && node.props->kind == ExprKind::kMap) {
        for (const auto& k : node.props->keys) n->keys.push_back(k);
      }
      if (!writes) ReadExpr(node.props, n);
    }
    for (const auto& rel : part.rels) {
      for (const auto& t : rel.types) {
        if (writes) {
          n->written_types.insert(t);
        } else {
          n->types.push_back(t);
        }
      }
      if (writes) {
        MapKeys(rel.props, &n->written_keys);
      } else if (rel.props && rel.props->kind == ExprKind::kMap) {
        for (const auto& k : rel.props->keys) n->keys.push_back(k);
      }
    }
  }
  for (const auto* items : {&c.set_items, &c.on_create, &c.on_match}) {
    for (const auto& s : *items) {
      n->written_labels.insert(s.labels.begin(), s.labels.end());
      if (s.kind == SetItem::Kind::kProperty && s.target) n->written_keys.insert(s.target->name);
      MapKeys(s.value, &n->written_keys);
      ReadExpr(s.value, n);
    }
  }
  ReadExpr(c.where, n);
  for (const auto& item : c.items) ReadExpr(item.expr, n);
  for (const auto& s : c.order_by) ReadExpr(s.expr, n);
  if (c.kind == Clause::Kind::kUnwind) ReadExpr(c.expr, n);
}

void Report(const std::vector<std::string>& read, const std::set<std::string>& written,
            const std::vector<std::string>& known, const char* what, const char* open,
            const char* close, std::vector<std::string>* out) {
  std::set<std::string> done;
  const std::set<std::string> have(known.begin(), known.end());
  for (const auto& name : read) {
    if (have.count(name) || written.count(name) || !done.insert(name).second) continue;
    std::string w = std::string("no ") + what + " " + open + name + close + " in this database";
    std::string near = Nearest(name, known);
    if (!near.empty()) w += std::string("; did you mean ") + open + near + close + "?";
    out->push_back(w);
  }
}

}  // namespace

std::vector<std::string> UnknownNameWarnings(const Query& query, const GraphReader& reader) {
  Names n;
  for (const auto& part : query.parts) {
    for (const auto& c : part.clauses) Collect(c, &n);
  }
  std::vector<std::string> out;
  if (!n.labels.empty()) {
    Report(n.labels, n.written_labels, reader.Labels(), "label", ":", "", &out);
  }
  if (!n.types.empty()) {
    Report(n.types, n.written_types, reader.Types(), "relationship type", ":", "", &out);
  }
  if (!n.keys.empty()) {
    Report(n.keys, n.written_keys, reader.PropertyKeys(), "property key", "`", "`", &out);
  }
  return out;
}

}  // namespace pactgraph::query

// Storing extractions (see ingest.h).
#include "pactgraph/ingest.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "engine/extract/sha256.h"

namespace pactgraph::extract {

namespace {

// A full ISO date is stored as a DATE (so queries can compare it with date(…)); a partial one
// ("2024-05") stays a string.
Value DateValue(const std::string& iso) {
  if (auto d = Date::Parse(iso)) return Value(*d);
  return Value(iso);
}

std::string Upper(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

bool HasLabel(const Node& n, const std::string& label) {
  return std::find(n.labels.begin(), n.labels.end(), label) != n.labels.end();
}

std::vector<std::string> StringList(const ValueMap& props, const std::string& key) {
  std::vector<std::string> out;
  auto it = props.find(key);
  if (it == props.end() || !it->second.is_list()) return out;
  for (const Value& v : it->second.as_list()) {
    if (v.is_string()) out.push_back(v.as_string());
  }
  return out;
}

std::string PropString(const Node& n, const char* key) {
  auto it = n.properties.find(key);
  return it != n.properties.end() && it->second.is_string() ? it->second.as_string() : "";
}

bool IsAcronym(const std::string& s) {
  int letters = 0;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || c == ' ') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// "Ministry of Energy (Chile)" -> "Ministry of Energy".
std::string WithoutCountry(const std::string& name) {
  size_t open = name.rfind(" (");
  return open != std::string::npos && name.back() == ')' ? name.substr(0, open) : name;
}

// The initials of a multiword organisation name ("Zanbar Space Agency" -> "ZSA"), so that an
// article naming the body only by its acronym finds the node; three letters at least.
std::string Initials(const std::string& name) {
  static const char* const kSkip[] = {"of", "for", "and", "the", "de", "du", "des", "la", "&"};
  std::string out, word;
  std::istringstream in(WithoutCountry(name));
  while (in >> word) {
    if (std::find(std::begin(kSkip), std::end(kSkip), word) != std::end(kSkip)) continue;
    if (word[0] >= 'A' && word[0] <= 'Z') out += word[0];
  }
  return out.size() >= 3 ? out : "";
}

// The names an entity is looked up by, strongest first. A public body's name without its
// country is left out: "Ministry of Energy" must not join the ministries of two countries.
std::vector<std::string> LookupNames(const ExtractedEntity& e) {
  std::vector<std::string> names = {e.canonical};
  if (e.kind == EntityKind::kPerson) return names;  // a surname alone is too weak
  const std::string bare = WithoutCountry(e.canonical);
  for (const std::string& a : e.aliases) {
    if (a.empty() || (bare != e.canonical && a == bare)) continue;
    if (std::find(names.begin(), names.end(), a) == names.end()) names.push_back(a);
  }
  return names;
}

// The node for `e`: an existing node with the same label found by one of its names (a node of
// another country is not the same body), else a new node. Names and aliases accumulate.
Result<NodeId> ResolveNode(GraphWriter* w, const ExtractedEntity& e, IngestStats* stats) {
  const std::string label = EntityKindLabel(e.kind);
  const std::vector<std::string> names = LookupNames(e);
  std::vector<std::string> stored = names;
  if (e.kind == EntityKind::kOrganization) {
    std::string ini = Initials(e.canonical);
    if (!ini.empty()) stored.push_back(ini);
  }
  for (const std::string& name : names) {
    std::vector<NodeId> ids;
    PG_RETURN_IF_ERROR(w->FindNodesByName(name, &ids));
    for (NodeId id : ids) {
      Node n;
      PG_RETURN_IF_ERROR(w->GetNode(id, &n));
      if (!HasLabel(n, label)) continue;
      const std::string nation = PropString(n, "nation");
      if (!e.nation.empty() && !nation.empty() && nation != e.nation) continue;
      std::vector<std::string> aliases = StringList(n.properties, "aliases");
      const std::string node_name = PropString(n, "name");
      bool changed = false;
      for (const std::string& a : stored) {
        if (a.empty() || a == node_name) continue;
        if (std::find(aliases.begin(), aliases.end(), a) == aliases.end()) {
          aliases.push_back(a);
          changed = true;
        }
      }
      if (nation.empty() && !e.nation.empty()) {
        n.properties["nation"] = Value(e.nation);
        changed = true;
      }
      // A node first named by its acronym takes the full name when an article gives it.
      if (IsAcronym(node_name) && e.canonical.find(' ') != std::string::npos) {
        n.properties["name"] = Value(e.canonical);
        aliases.erase(std::remove(aliases.begin(), aliases.end(), e.canonical), aliases.end());
        if (std::find(aliases.begin(), aliases.end(), node_name) == aliases.end()) {
          aliases.push_back(node_name);
        }
        changed = true;
      }
      if (changed) {
        n.properties["aliases"] = Value(ValueList(aliases.begin(), aliases.end()));
        PG_RETURN_IF_ERROR(w->UpdateNode(n));
      }
      ++stats->nodes_merged;
      return id;
    }
  }
  ValueMap props;
  props["name"] = Value(e.canonical);
  std::vector<std::string> aliases(stored.begin() + 1, stored.end());
  if (!aliases.empty()) props["aliases"] = Value(ValueList(aliases.begin(), aliases.end()));
  props["kind"] = Value(EntityKindName(e.kind));
  if (!e.iso_alpha3.empty()) props["iso_alpha3"] = Value(e.iso_alpha3);
  if (!e.nation.empty()) props["nation"] = Value(e.nation);
  if (!e.affiliation.empty()) props["affiliation"] = Value(e.affiliation);
  auto id = w->CreateNode({label}, props);
  if (id.ok()) ++stats->nodes_added;
  return id;
}

// An existing relationship (s)-[type]->(t), or (t)-[type]->(s) for undirected types; 0 if none.
Result<RelId> FindRelationship(GraphWriter* w, NodeId s, NodeId t, const std::string& type,
                               bool directed) {
  auto type_id = w->FindType(type);
  if (!type_id.ok()) return RelId{0};
  TypeId tid = *type_id;
  RelId found = 0;
  Status st = w->Neighbors(s, directed ? Direction::kOut : Direction::kBoth, {&tid, 1},
                           [&](const NeighborEntry& n) {
                             if (n.other == t) {
                               found = n.rel;
                               return false;
                             }
                             return true;
                           });
  if (!st.ok()) return st;
  return found;
}

}  // namespace

}  // namespace pactgraph::extract

namespace pactgraph {

using namespace extract;  // NOLINT(google-build-using-namespace): this file's helpers

Status IngestArticle(Database* db, const Article& article, const Extraction& x,
                     IngestStats* stats) {
  PG_ASSIGN_OR_RETURN(auto w, db->BeginWrite());
  const std::string hash = Sha256Hex(article.text);
  ArticleId existing = 0;
  Status found = w->FindArticleByHash(hash, &existing);
  if (found.ok()) {
    ++stats->articles_skipped;
    return Status::OK();  // the writer is dropped without committing
  }
  if (found.code() != Status::Code::kNotFound) return found;
  Article a = article;
  a.content_hash = hash;
  PG_ASSIGN_OR_RETURN(ArticleId article_id, w->AddArticle(a));
  IngestStats local;
  std::map<std::string, NodeId> ids;
  for (const ExtractedEntity& e : x.entities) {
    PG_ASSIGN_OR_RETURN(NodeId id, ResolveNode(w.get(), e, &local));
    ids[e.canonical] = id;
  }
  for (const ExtractedRelation& r : x.relations) {
    if (r.negated) continue;  // denied relations are not asserted in the graph
    auto si = ids.find(r.source), ti = ids.find(r.target);
    if (si == ids.end() || ti == ids.end()) continue;
    const std::string type = Upper(r.type);
    std::vector<const ExtractedRelation*> evidence;
    for (const ExtractedRelation& ev : x.evidence) {
      if (!ev.negated && ev.source == r.source && ev.type == r.type && ev.target == r.target) {
        evidence.push_back(&ev);
      }
    }
    std::string first, last;
    for (const auto* ev : evidence) {
      if (ev->date.empty()) continue;
      if (first.empty() || ev->date < first) first = ev->date;
      if (last.empty() || ev->date > last) last = ev->date;
    }
    PG_ASSIGN_OR_RETURN(RelId rel,
                        FindRelationship(w.get(), si->second, ti->second, type, r.directed));
    if (rel != 0) {
      Relationship old;
      PG_RETURN_IF_ERROR(w->GetRelationship(rel, &old));
      ValueMap p = old.properties;
      auto str = [&](const char* k) {
        auto it = p.find(k);
        if (it == p.end()) return std::string();
        if (it->second.is_date()) return it->second.as_date().ToString();
        return it->second.is_string() ? it->second.as_string() : std::string();
      };
      std::string f0 = str("first_date"), l0 = str("last_date");
      if (!first.empty() && (f0.empty() || first < f0)) p["first_date"] = DateValue(first);
      if (!last.empty() && (l0.empty() || last > l0)) p["last_date"] = DateValue(last);
      int64_t count = p.count("evidence_count") && p["evidence_count"].is_int()
                          ? p["evidence_count"].as_int()
                          : 0;
      p["evidence_count"] = Value(count + static_cast<int64_t>(evidence.size()));
      PG_RETURN_IF_ERROR(w->UpdateRelationship(rel, p));
      ++local.relationships_merged;
    } else {
      ValueMap p;
      if (!first.empty()) p["first_date"] = DateValue(first);
      if (!last.empty()) p["last_date"] = DateValue(last);
      p["evidence_count"] = Value(static_cast<int64_t>(evidence.size()));
      p["modality"] = Value(r.modality);
      PG_ASSIGN_OR_RETURN(rel, w->CreateRelationship(si->second, ti->second, type, p));
      ++local.relationships_added;
    }
    for (const auto* ev : evidence) {
      Evidence e;
      e.relationship = rel;
      e.article = article_id;
      e.sentence = ev->sentence;
      e.begin = ev->sentence_span.begin;
      e.end = ev->sentence_span.end;
      e.modality = ev->modality;
      e.date = ev->date;
      PG_RETURN_IF_ERROR(w->AddEvidence(e));
      ++local.evidence_added;
    }
  }
  PG_RETURN_IF_ERROR(w->Commit());
  ++stats->articles_added;
  stats->nodes_added += local.nodes_added;
  stats->nodes_merged += local.nodes_merged;
  stats->relationships_added += local.relationships_added;
  stats->relationships_merged += local.relationships_merged;
  stats->evidence_added += local.evidence_added;
  return Status::OK();
}

}  // namespace pactgraph

#include "tests/reliability/workload.h"

#include <map>

namespace pactgraph::reliability {
namespace {

Value Int(uint64_t k) { return Value(static_cast<int64_t>(k)); }

Status ApplyBulk(Database* db, uint64_t k) {
  PG_ASSIGN_OR_RETURN(auto bulk, db->BeginBulkLoad());
  std::vector<NodeId> ids;
  for (uint64_t i = 0; i < kBulkNodes; ++i) {
    ValueMap props{{"name", "b" + std::to_string(k) + "-" + std::to_string(i)}, {"txn", Int(k)}};
    PG_ASSIGN_OR_RETURN(NodeId id, bulk->AddNode({"Bulk"}, props));
    ids.push_back(id);
  }
  for (size_t i = 1; i < ids.size(); ++i) {
    PG_ASSIGN_OR_RETURN(RelId r,
                        bulk->AddRelationship(ids[i - 1], ids[i], "LINK", {{"txn", Int(k)}}));
    (void)r;
  }
  return bulk->Finish();
}

Status ApplyWrite(Database* db, uint64_t k) {
  PG_ASSIGN_OR_RETURN(auto w, db->BeginWrite());
  const std::string ks = std::to_string(k);
  Article a;
  a.title = "Article " + ks;
  a.source = "https://example.org/" + ks;
  a.date = "2024-01-01";
  a.text = "Alpha " + ks + " and Beta " + ks + " signed a partnership.";
  a.content_hash = "h" + ks;
  PG_ASSIGN_OR_RETURN(ArticleId art, w->AddArticle(a));
  PG_ASSIGN_OR_RETURN(NodeId na,
                      w->CreateNode({"Org"}, {{"name", "t" + ks + "a"}, {"txn", Int(k)}}));
  PG_ASSIGN_OR_RETURN(NodeId nb,
                      w->CreateNode({"Org"}, {{"name", "t" + ks + "b"}, {"txn", Int(k)}}));
  PG_ASSIGN_OR_RETURN(RelId rel, w->CreateRelationship(na, nb, "PARTNERS_WITH", {{"txn", Int(k)}}));
  Evidence e;
  e.relationship = rel;
  e.article = art;
  e.sentence = a.text;
  e.begin = 0;
  e.end = static_cast<uint32_t>(a.text.size());
  e.modality = "actual";
  e.date = a.date;
  PG_RETURN_IF_ERROR(w->AddEvidence(e));
  std::vector<NodeId> counter;
  PG_RETURN_IF_ERROR(w->FindNodesByName("Counter", &counter));
  ValueMap cprops{{"name", "Counter"}, {"last", Int(k)}, {"aliases", ValueList{Value("c" + ks)}}};
  if (counter.empty()) {
    PG_ASSIGN_OR_RETURN(NodeId c, w->CreateNode({"Counter"}, cprops));
    (void)c;
  } else {
    Node n;
    n.id = counter.front();
    n.labels = {"Counter"};
    n.properties = cprops;
    PG_RETURN_IF_ERROR(w->UpdateNode(n));
  }
  return w->Commit();
}

uint64_t TxnOf(const ValueMap& props) {
  auto it = props.find("txn");
  return it != props.end() && it->second.is_int() ? static_cast<uint64_t>(it->second.as_int()) : 0;
}

}  // namespace

Status ApplyTxn(Database* db, uint64_t k) {
  return k % kBulkEvery == 0 ? ApplyBulk(db, k) : ApplyWrite(db, k);
}

Status TakeCensus(const GraphReader& reader, Census* out) {
  *out = Census{};
  struct Shape {
    uint64_t nodes = 0, rels = 0, articles = 0, evidence = 0;
  };
  std::map<uint64_t, Shape> seen;
  Status inner;
  PG_RETURN_IF_ERROR(reader.ScanNodes("", [&](NodeId id) {
    Node n;
    inner = reader.GetNode(id, &n);
    if (!inner.ok()) return false;
    if (auto it = n.properties.find("last"); it != n.properties.end()) {
      out->counter_last = static_cast<uint64_t>(it->second.as_int());
      return true;
    }
    seen[TxnOf(n.properties)].nodes++;
    return true;
  }));
  PG_RETURN_IF_ERROR(inner);
  PG_RETURN_IF_ERROR(reader.ScanRelationships([&](const RelEndpoints& e) {
    Relationship r;
    inner = reader.GetRelationship(e.id, &r);
    if (!inner.ok()) return false;
    Shape& s = seen[TxnOf(r.properties)];
    s.rels++;
    std::vector<Evidence> ev;
    inner = reader.GetEvidence(e.id, &ev);
    s.evidence += ev.size();
    return inner.ok();
  }));
  PG_RETURN_IF_ERROR(inner);
  PG_RETURN_IF_ERROR(reader.ScanArticles([&](const Article& a) {
    seen[a.content_hash.size() > 1 ? std::stoull(a.content_hash.substr(1)) : 0].articles++;
    return true;
  }));
  for (const auto& [k, s] : seen) {
    const bool bulk = k % kBulkEvery == 0;
    const Shape want = bulk ? Shape{kBulkNodes, kBulkNodes - 1, 0, 0} : Shape{2, 1, 1, 1};
    if (k != 0 && s.nodes == want.nodes && s.rels == want.rels && s.articles == want.articles &&
        s.evidence == want.evidence) {
      out->whole.insert(k);
    } else {
      out->torn.push_back("txn " + std::to_string(k) + ": " + std::to_string(s.nodes) + " nodes, " +
                          std::to_string(s.rels) + " relationships, " + std::to_string(s.articles) +
                          " articles, " + std::to_string(s.evidence) + " evidence");
    }
  }
  return Status::OK();
}

bool IsPrefix(const std::set<uint64_t>& whole) {
  return whole.empty() || (*whole.begin() == 1 && *whole.rbegin() == whole.size());
}

}  // namespace pactgraph::reliability

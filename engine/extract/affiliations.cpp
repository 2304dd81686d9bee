// Between passes 4 and 5: whom persons act for, and the country of public bodies.
//
// A person's office names the body: the organisation in the title ("CEO of Acme", "Acme's
// president"), the ministry the title points at ("Minister of Trade" -> "Ministry of Trade"),
// the nation in the title ("Kenyan President"), and for a state office with none of these
// ("Foreign Minister X") the document's dominant nation. Public bodies without a stated country
// take the nation in their name, else the nation a document is clearly about.
#include <algorithm>

#include "engine/extract/document.h"

namespace pactgraph::extract {

namespace {

// The nation the document is about: named most often (the first one named counts half a
// mention more), ahead of the next by `margin` times; or -1.
int DominantNation(const Document& doc, int margin) {
  std::vector<std::pair<int, std::string>> counts;
  for (const auto& [name, c] : doc.nation_counts) {
    int score = 2 * c + (name == doc.first_nation ? 1 : 0);
    counts.emplace_back(score, name);
  }
  std::sort(counts.rbegin(), counts.rend());
  if (counts.empty()) return -1;
  if (counts.size() > 1 && counts[0].first <= margin * counts[1].first - (margin > 1 ? 1 : 0)) {
    return -1;
  }
  if (margin > 1 && counts[0].first < 4) return -1;  // named at least twice
  return doc.Find(Fold(counts[0].second));
}

int MinistryFor(const Document& doc, const DocEntity& p) {
  if (p.title_complement.empty()) return -1;
  const std::string c = Fold(p.title_complement);
  const std::string& head = p.title_head;
  std::vector<std::string> keys;
  if (head.find("minister") != std::string::npos && head.find("prime") == std::string::npos) {
    keys = {"ministry of " + c, "ministry for " + c, "ministry of the " + c};
  } else if (head.find("secretary") != std::string::npos) {
    keys = {"department of " + c, "ministry of " + c};
  } else if (head.find("director") != std::string::npos || head.find("head") != std::string::npos) {
    keys = {c};
  }
  // "Ghana's Minister of Energy": the ministry only when it is known to be Ghana's; a ministry
  // of that name without a stated country may be another nation's.
  const std::string nation = p.title_nation >= 0 ? doc.ents[p.title_nation].name : "";
  for (const auto& k : keys) {
    int e = doc.Find(k);
    if (e < 0 || doc.ents[e].kind != EntityKind::kOrganization) continue;
    if (!nation.empty() && doc.ents[e].nation != nation) continue;
    return e;
  }
  return -1;
}

}  // namespace

void ResolveAffiliations(const Lexicon& lex, Document* doc) {
  (void)lex;
  const int dominant = DominantNation(*doc, 1);
  doc->dominant_nation = dominant;
  for (DocEntity& p : doc->ents) {
    if (p.kind != EntityKind::kPerson) continue;
    int aff = p.title_org;
    if (aff < 0) aff = MinistryFor(*doc, p);
    if (aff < 0) aff = p.title_nation;
    if (aff < 0 && p.gov_title) aff = dominant;
    p.affiliation = aff;
  }
  // Public bodies take the nation in their name; without one their country stays unstated
  // (the plain name is the canonical name then).
  const int strong = DominantNation(*doc, 2);
  for (DocEntity& o : doc->ents) {
    if (o.kind != EntityKind::kOrganization || !o.gov_body || !o.nation.empty()) continue;
    if (!o.name_nation.empty()) {
      o.nation = o.name_nation;
    } else if (strong >= 0) {
      o.nation = doc->ents[strong].name;  // a document about one nation
    }
  }
}

}  // namespace pactgraph::extract

// Pass 7: canonical names and the Extraction (see output.h).
#include "engine/extract/output.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace pactgraph::extract {

namespace {

const char* const kMonths[] = {"january",   "february", "march",    "april",
                               "may",       "june",     "july",     "august",
                               "september", "october",  "november", "december"};

int MonthOf(const std::string& f) {
  for (int m = 0; m < 12; ++m) {
    const std::string full = kMonths[m];
    if (f == full) return m + 1;
    if (f.size() == 3 && full.compare(0, 3, f) == 0 && f != "may" && f != "mar" && f != "jun") {
      return m + 1;
    }
    if (f.size() == 4 && f.back() == '.' && full.compare(0, 3, f.substr(0, 3)) == 0) return m + 1;
  }
  return 0;
}

// "February 17, 2026", "17 February 2026": the ISO date, else "".
std::string SentenceDate(const Sentence& s) {
  const auto& t = s.tokens;
  auto num = [&](size_t i) {
    return i < t.size() && t[i].Is(kDigit) ? std::atoi(t[i].fold.c_str()) : 0;
  };
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    int m = MonthOf(t[k].fold);
    if (m == 0 || !t[k].Is(kCap)) continue;
    int day = num(k + 1), year = 0;
    if (day >= 1 && day <= 31) {
      size_t y = k + 2;
      if (y < t.size() && t[y].fold == ",") ++y;
      year = num(y);
    } else if (k > 0) {
      day = num(k - 1);
      year = num(k + 1);
    }
    if (year >= 1900 && year <= 2100 && day >= 1 && day <= 31) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m, day);
      return buf;
    }
  }
  return "";
}

bool AllCaps(const std::string& s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// Acronym-only entities join the full name whose initials they are (weak_alias holds them).
std::vector<int> MergeAcronyms(const Document& doc) {
  std::vector<int> to(doc.ents.size());
  for (size_t i = 0; i < to.size(); ++i) to[i] = static_cast<int>(i);
  for (size_t i = 0; i < doc.ents.size(); ++i) {
    const DocEntity& e = doc.ents[i];
    if (e.kind != EntityKind::kOrganization || !AllCaps(e.name) ||
        e.name.find(' ') != std::string::npos) {
      continue;
    }
    auto it = doc.weak_alias.find(Fold(e.name));
    if (it == doc.weak_alias.end() || it->second == static_cast<int>(i)) continue;
    const DocEntity& full = doc.ents[it->second];
    if (full.kind == e.kind && full.name.find(' ') != std::string::npos) to[i] = it->second;
  }
  return to;
}

// A name's key for spelling variants: folded, without "the", commas and "&" spelt "and"
// ("Ministry of Trade, Industry and the Economy" = "Ministry of Trade, Industry, and Economy").
std::string VariantKey(const std::string& name) {
  std::string out;
  std::string word;
  const std::string folded = Fold(name) + " ";
  for (char c : folded) {
    if (c == ',' || c == ' ') {
      if (word == "&") word = "and";
      if (!word.empty() && word != "the") out += (out.empty() ? "" : " ") + word;
      word.clear();
      continue;
    }
    word += c;
  }
  return out;
}

// The letters an acronym of `name` would have: whole upper-case words, initials of the other
// capitalised words ("ICT Authority" -> "ICTA").
std::string Signature(const std::string& name) {
  std::string sig, word;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ') {
      word += name[i];
      continue;
    }
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z')
      sig += AllCaps(word) ? word : word.substr(0, 1);
    word.clear();
  }
  return sig;
}

// Organisations named twice in one article with spelling variants, or once in full with an
// acronym and once by a short form that spells the acronym, are one body; the fuller variant,
// or the form the acronym spells, names it.
void MergeVariants(Document* doc, std::vector<int>* to) {
  std::map<std::string, int> by_key, by_acronym;
  for (size_t i = 0; i < doc->ents.size(); ++i) {
    DocEntity& e = doc->ents[i];
    if ((*to)[i] != static_cast<int>(i) || e.kind != EntityKind::kOrganization) continue;
    if (!e.acronym.empty()) by_acronym.emplace(e.acronym, static_cast<int>(i));
  }
  for (size_t i = 0; i < doc->ents.size(); ++i) {
    DocEntity& e = doc->ents[i];
    if ((*to)[i] != static_cast<int>(i) || e.kind != EntityKind::kOrganization) continue;
    auto [it, fresh] = by_key.emplace(VariantKey(e.name), static_cast<int>(i));
    int into = fresh ? -1 : it->second;
    bool rename = false;
    if (into < 0 && e.acronym.empty() && e.name.find(' ') != std::string::npos) {
      auto a = by_acronym.find(Signature(e.name));
      if (a != by_acronym.end() && a->second != static_cast<int>(i) &&
          Signature(doc->ents[a->second].name) != a->first) {
        into = a->second;
        rename = true;
      }
    }
    if (into < 0) continue;
    DocEntity& keep = doc->ents[into];
    const std::string old = keep.name;
    if (rename || std::count(e.name.begin(), e.name.end(), ' ') >
                      std::count(keep.name.begin(), keep.name.end(), ' ')) {
      keep.name = e.name;
    }
    if (old != keep.name) keep.aliases.push_back(old);
    keep.mentions.insert(keep.mentions.end(), e.mentions.begin(), e.mentions.end());
    if (keep.nation.empty()) keep.nation = e.nation;
    keep.gov_body = keep.gov_body || e.gov_body;
    (*to)[i] = into;
  }
  // Entities merged earlier (acronyms) follow their body to where it went: chains are short,
  // each link points to an earlier root.
  for (size_t j = 0; j < to->size(); ++j) {
    int r = (*to)[j];
    while ((*to)[r] != r) r = (*to)[r];
    (*to)[j] = r;
  }
}

std::string Canonical(const DocEntity& e) {
  std::string name = e.name;
  // "Ministry of Trade, Industry, and Energy": the serial comma is not part of the name.
  for (size_t p;
       e.kind == EntityKind::kOrganization && (p = name.find(", and ")) != std::string::npos;) {
    name.erase(p, 1);
  }
  if (e.kind != EntityKind::kOrganization || !e.gov_body || e.nation.empty()) return name;
  if (!name.empty() && name.back() == ')') return name;
  // "Ministry of Energy of Chile" -> "Ministry of Energy (Chile)".
  for (const std::string& tail :
       {" of " + e.nation, " of the " + e.nation, " in " + e.nation, " in the " + e.nation}) {
    if (name.size() > tail.size() && Fold(name.substr(name.size() - tail.size())) == Fold(tail)) {
      name.erase(name.size() - tail.size());
    }
  }
  return name + " (" + e.nation + ")";
}

// "Acme Kenya", "Ghana Space Agency": a body whose name contains a nation is based there.
void NameNationRecords(Document* doc, std::vector<RelationRecord>* records) {
  for (size_t i = 0; i < doc->ents.size(); ++i) {
    const DocEntity& e = doc->ents[i];
    if (e.kind != EntityKind::kOrganization || e.name_nation.empty() || e.mentions.empty())
      continue;
    int nation = doc->Find(Fold(e.name_nation));
    if (nation < 0) continue;
    RelationRecord r;
    r.source = static_cast<int>(i);
    r.target = nation;
    r.type = "based_in";
    r.rule = "name_nation (a nation named in the body's name)";
    r.source_span = r.target_span = e.mentions[0];
    r.trigger = e.name;
    // The sentence of the first mention.
    for (size_t si = 0; si < doc->sentences.size(); ++si) {
      if (doc->sentences[si].end >= e.mentions[0].end) {
        r.sentence = si;
        break;
      }
    }
    records->push_back(std::move(r));
  }
}

}  // namespace

void BuildExtraction(const Lexicon& lex, Document* doc, std::vector<RelationRecord>* records,
                     Extraction* out) {
  (void)lex;
  NameNationRecords(doc, records);
  std::vector<int> to = MergeAcronyms(*doc);
  for (size_t i = 0; i < to.size(); ++i) {
    if (to[i] == static_cast<int>(i)) continue;
    DocEntity& full = doc->ents[to[i]];
    const DocEntity& acr = doc->ents[i];
    if (full.acronym.empty()) full.acronym = acr.name;
    if (std::find(full.aliases.begin(), full.aliases.end(), acr.name) == full.aliases.end()) {
      full.aliases.push_back(acr.name);
    }
    full.mentions.insert(full.mentions.end(), acr.mentions.begin(), acr.mentions.end());
    if (full.nation.empty()) full.nation = acr.nation;
    full.gov_body = full.gov_body || acr.gov_body;
  }
  MergeVariants(doc, &to);
  // "the Department of Roads in Ghana", "Ghana's Roads Agency": a public body without a stated
  // country takes the nation its based_in relation names.
  for (const RelationRecord& r : *records) {
    if (r.type != "based_in" || r.source < 0 || r.target < 0) continue;
    DocEntity& body = doc->ents[to[r.source]];
    const DocEntity& where = doc->ents[to[r.target]];
    if (body.kind == EntityKind::kOrganization && body.gov_body && body.nation.empty() &&
        where.kind == EntityKind::kNation) {
      body.nation = where.name;
      body.nation_explicit = true;
    }
  }
  // Levels side by side: a body without a country takes the nation its partner's leaves.
  for (const auto& [n0, n1, b0, b1] : doc->level_pairs) {
    for (int i = 0; i < 2; ++i) {
      DocEntity& body = doc->ents[to[i == 0 ? b0 : b1]];
      const DocEntity& other = doc->ents[to[i == 0 ? b1 : b0]];
      if (body.kind != EntityKind::kOrganization || !body.gov_body || !body.nation.empty())
        continue;
      if (other.nation == doc->ents[n0].name) body.nation = doc->ents[n1].name;
      if (other.nation == doc->ents[n1].name) body.nation = doc->ents[n0].name;
    }
  }
  std::vector<std::string> names(doc->ents.size());
  for (size_t i = 0; i < doc->ents.size(); ++i) names[i] = Canonical(doc->ents[to[i]]);

  const Article& article = *doc->article;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  std::set<std::tuple<std::string, std::string, std::string, uint32_t>> seen;
  std::map<size_t, std::string> dates;  // sentence -> its date
  for (const RelationRecord& r : *records) {
    int src = to[r.source], dst = to[r.target];
    if (src == dst) continue;
    std::string s = names[src], t = names[dst];
    const bool directed = IsDirected(r.type);
    if (s == t) continue;
    // A nation and one of its own public bodies are one party, not two sides of a pact.
    if (!directed) {
      const DocEntity& a = doc->ents[src];
      const DocEntity& b = doc->ents[dst];
      auto own = [](const DocEntity& n, const DocEntity& o) {
        return n.kind == EntityKind::kNation && o.kind == EntityKind::kOrganization && o.gov_body &&
               o.nation == n.name;
      };
      if (own(a, b) || own(b, a)) continue;
    }
    if (!directed && t < s) std::swap(s, t);
    const Sentence& sent = doc->sentences[r.sentence];
    const std::string type = r.type + (r.negated ? "!" : "");
    if (!seen.insert({s, type, t, sent.begin}).second) continue;
    ExtractedRelation er;
    er.source = s;
    er.type = r.type;
    er.target = t;
    er.modality = r.modality;
    er.negated = r.negated;
    er.directed = directed;
    er.sentence = article.text.substr(sent.begin, sent.end - sent.begin);
    er.sentence_span = {sent.begin, sent.end};
    auto d = dates.find(r.sentence);
    if (d == dates.end()) d = dates.emplace(r.sentence, SentenceDate(sent)).first;
    er.date = d->second;
    if (er.date.empty()) er.date = article.date;
    er.trigger = r.trigger;
    er.rule = r.rule;
    er.trigger_span = r.trigger_span;
    er.source_span = r.source_span;
    er.target_span = r.target_span;
    out->evidence.push_back(er);
    auto key = std::make_tuple(s, type, t);
    auto it = index.find(key);
    if (it == index.end()) {
      index[key] = out->relations.size();
      out->relations.push_back(std::move(er));
    } else {
      out->relations[it->second].evidence_count++;
    }
  }
  for (size_t i = 0; i < doc->ents.size(); ++i) {
    const DocEntity& d = doc->ents[i];
    if (to[i] != static_cast<int>(i) || !d.reported || d.mentions.empty()) continue;
    ExtractedEntity e;
    e.canonical = names[i];
    e.kind = d.kind;
    e.aliases = d.aliases;
    if (e.canonical != d.name) e.aliases.insert(e.aliases.begin(), d.name);
    if (!d.acronym.empty() &&
        std::find(e.aliases.begin(), e.aliases.end(), d.acronym) == e.aliases.end()) {
      e.aliases.push_back(d.acronym);
    }
    e.iso_alpha3 = d.iso3;
    e.nation = d.nation;
    if (d.affiliation >= 0) e.affiliation = names[d.affiliation];
    e.mentions = d.mentions;
    out->entities.push_back(std::move(e));
  }
}

}  // namespace pactgraph::extract

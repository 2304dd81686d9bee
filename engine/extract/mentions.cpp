// Pass 1: entity mentions of one sentence (see document.h).
//
// At each position the finder tries, in order: a reference phrase ("the two countries"), a
// "Government of X" phrase, a person title phrase ("Minister of ICT and Innovation Paula
// Ingabire", "H.E. Nakajo Kazuya"), then the longest of: a document alias, a gazetteer entry, a
// capitalised span classified by its head noun (organisation or programme). Persons without a
// title are found by apposition ("Jensen Huang, NVIDIA founder") or a speech verb.
#include <algorithm>

#include "engine/extract/document.h"

namespace pactgraph::extract {

int Document::AddEntity(const std::string& name, EntityKind kind, const std::string& key) {
  auto it = alias_index.find(key);
  if (it != alias_index.end() && ents[it->second].kind == kind) return it->second;
  DocEntity e;
  e.name = name;
  e.kind = kind;
  ents.push_back(std::move(e));
  int id = static_cast<int>(ents.size()) - 1;
  AddAlias(id, key, name);
  return id;
}

void Document::AddAlias(int ent, const std::string& key, const std::string& surface) {
  if (key.empty()) return;
  alias_index.emplace(key, ent);
  size_t words = 1 + std::count(key.begin(), key.end(), ' ');
  max_alias_tokens = std::max(max_alias_tokens, words);
  auto& al = ents[ent].aliases;
  if (surface != ents[ent].name && std::find(al.begin(), al.end(), surface) == al.end()) {
    al.push_back(surface);
  }
}

namespace {

bool CapLike(const Token& t) { return t.Is(kWord) && (t.Is(kCap) || t.Is(kUpper) || t.Is(kMixed)); }

class Finder {
 public:
  Finder(const Lexicon& lex, Document* doc, size_t si)
      : lex_(lex), doc_(doc), si_(si), t_(doc->sentences[si].tokens), n_(t_.size()) {}

  void Run() {
    MarkGazetteer();
    size_t k = 0;
    while (k < n_) {
      size_t next = Step(k);
      k = next > k ? next : k + 1;
    }
    std::sort(out_.begin(), out_.end(),
              [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
    MarkModifiers();
    doc_->mentions[si_] = std::move(out_);
  }

 private:
  const std::string& F(size_t k) const {
    static const std::string kEmpty;
    return k < n_ ? t_[k].fold : kEmpty;
  }
  bool Vocab(size_t k) const {
    const std::string& f = F(k);
    return lex_.Has("name_vocab", f) || lex_.Has("stop_cap", f) || lex_.Has("org_head", f) ||
           lex_.Has("program_head", f) || lex_.Has("common", f);
  }
  // A word that can be part of a person's name.
  bool NameToken(size_t k) const {
    if (k >= n_ || !CapLike(t_[k]) || Vocab(k)) return false;
    if (gaz_cover_[k] &&
        !(gaz_entry_[k] && gaz_entry_[k]->kind == EntityKind::kPlace && gaz_end_[k] == k + 1)) {
      return false;  // a nation or organisation; a one-word place may be a name ("Paul")
    }
    if (lex_.MatchWords("title", t_, k) > 0) return false;
    return !t_[k].Is(kUpper) || t_[k].fold.size() > 4;  // "MENE" but not "DICT"
  }
  bool Initial(size_t k) const {
    return k < n_ && t_[k].Is(kCap) && t_[k].fold.size() == 2 && t_[k].fold[1] == '.';
  }

  void MarkGazetteer() {
    gaz_end_.assign(n_, 0);
    gaz_entry_.assign(n_, nullptr);
    gaz_cover_.assign(n_, 0);
    for (size_t k = 0; k < n_; ++k) {
      if (!CapLike(t_[k]) && !(t_[k].Is(kWord) && t_[k].Is(kDigit))) continue;
      size_t max = std::min(lex_.MaxTokensFrom(t_[k].fold), n_ - k);
      for (size_t len = max; len >= 1; --len) {
        const GazEntry* e = lex_.Lookup(JoinFolds(t_, k, k + len));
        if (e == nullptr) continue;
        if (e->upper_only) {
          bool upper = true;
          for (size_t j = k; j < k + len; ++j) {
            if (t_[j].Is(kWord) && !t_[j].Is(kUpper) && t_[j].fold.size() > 2) upper = false;
            if (t_[j].Is(kWord) && t_[j].Is(kLower)) upper = false;
          }
          if (!upper) continue;
        }
        if (!CapLike(t_[k + len - 1]) && !t_[k + len - 1].Is(kDigit) &&
            t_[k + len - 1].fold != ".") {
          continue;  // "Congo" ok, "Republic of the" not
        }
        gaz_end_[k] = k + len;
        gaz_entry_[k] = e;
        for (size_t j = k; j < k + len; ++j) gaz_cover_[j] = 1;
        break;
      }
    }
  }

  size_t AliasEnd(size_t k, int* ent) const {
    if (!CapLike(t_[k])) return 0;
    size_t max = std::min(doc_->max_alias_tokens, n_ - k);
    for (size_t len = max; len >= 1; --len) {
      auto it = doc_->alias_index.find(JoinFolds(t_, k, k + len));
      if (it != doc_->alias_index.end()) {
        *ent = it->second;
        return k + len;
      }
    }
    return 0;
  }

  Mention& Add(size_t tb, size_t te, int ent) {
    Mention m;
    m.tb = tb;
    m.te = te;
    if (ent >= 0) {
      m.ents.push_back(ent);
      doc_->ents[ent].mentions.push_back({t_[tb].begin, t_[te - 1].end});
      if (doc_->ents[ent].kind == EntityKind::kNation) doc_->nation_counts[doc_->ents[ent].name]++;
      if (doc_->ents[ent].kind == EntityKind::kPerson) m.person = ent;
    }
    m.possessive = te < n_ && t_[te].Is(kPoss);
    out_.push_back(std::move(m));
    return out_.back();
  }

  int GazEntity(const GazEntry* e, size_t tb, size_t te) {
    int id = doc_->AddEntity(e->canonical, e->kind, Fold(e->canonical));
    DocEntity& d = doc_->ents[id];
    d.iso3 = e->iso3;
    if (!e->nation.empty() && d.nation.empty()) d.nation = e->nation;
    std::string surface = doc_->Surface(t_[tb].begin, t_[te - 1].end);
    doc_->AddAlias(id, JoinFolds(t_, tb, te), surface);
    return id;
  }

  // End of a capitalised span starting at k (connectors inside, commas in "of" lists).
  size_t SpanEnd(size_t k) const {
    size_t j = k, last = k;
    bool seen_of = false;
    while (j < n_) {
      const Token& tk = t_[j];
      if (CapLike(tk) || (j > k && tk.Is(kWord) && tk.Is(kDigit))) {
        if (j > k && (F(j) == "mr." || F(j) == "dr." || F(j) == "h.e." || F(j) == "mrs." ||
                      F(j) == "ms." || F(j) == "prof.")) {
          break;
        }
        last = ++j;
        continue;
      }
      const std::string& f = tk.fold;
      bool connector = f == "of" || f == "for" || f == "on" || f == "and" || f == "&" ||
                       f == "the" || f == "de" || f == "-";
      if (f == "," && seen_of) connector = true;
      if (!connector || j == k) break;
      size_t m = j + 1;
      while (m < n_ && m < j + 3 && (F(m) == "the" || F(m) == "and")) ++m;
      if (m >= n_ || !CapLike(t_[m])) break;
      if (f == "-" && t_[j].begin != t_[j - 1].end) break;
      if ((f == "," || f == "and" || f == "&") && !Vocab(m)) break;
      if ((f == "and" || f == "&") && (lex_.Has("org_start", F(m)) || F(m) == "government")) break;
      if (f == "of" || f == "for") seen_of = true;
      j = m;
    }
    return last;
  }

  bool OrgSpan(size_t b, size_t e) const {
    if (lex_.Has("org_head", F(e - 1))) return true;
    for (size_t x = b + 1; x + 1 < e; ++x) {
      if ((F(x + 1) == "of" || F(x + 1) == "for") && lex_.Has("org_head", F(x)) &&
          !lex_.Has("gov_head", F(x))) {
        return true;  // "Kenya Advanced Institute of Science and Technology"
      }
    }
    return lex_.Has("org_start", F(b)) && b + 1 < e && (F(b + 1) == "of" || F(b + 1) == "for");
  }
  bool ProgramSpan(size_t b, size_t e) const {
    if (lex_.Has("program_head", F(e - 1)) && CapLike(t_[e - 1])) return true;
    return F(b) == "vision" && e == b + 2 && t_[b + 1].Is(kDigit);
  }

  // A classified capitalised span starting at k: returns its end (0 when none applies).
  size_t SpanEntity(size_t k, EntityKind* kind, size_t* name_end, size_t* next) const {
    size_t e = SpanEnd(k);
    while (e > k + 1 &&
           (F(e - 1) == "and" || F(e - 1) == "of" || F(e - 1) == "," || F(e - 1) == "the")) {
      --e;
    }
    // Try the span and shorter spans cut at "and" connectors.
    for (size_t end = e; end > k; --end) {
      if (end < e && !(F(end) == "and" || F(end) == "-" || F(end) == "," ||
                       lex_.Has("org_head", F(end - 1)))) {
        continue;
      }
      size_t after = end;
      if (after + 2 < n_ && F(after) == "(" && F(after + 2) == ")") after += 3;  // (ACR)
      *next = after;
      *name_end = end;
      if (OrgSpan(k, end) && end > k + 1) {
        *kind = EntityKind::kOrganization;
        return end;
      }
      if (ProgramSpan(k, end) && end > k + 1) {
        *kind = EntityKind::kProgram;
        return end;
      }
      bool substantial = end > k + 1 || (!Vocab(k) && !lex_.Has("acronym_stop", F(k)) &&
                                         !lex_.Has("stop_cap", F(k)));
      if (!substantial) continue;
      if (after < n_ && t_[after].Is(kLower) && lex_.Has("program_head", F(after))) {
        *kind = EntityKind::kProgram;
        *name_end = after + 1;  // "DigiTruck initiative", "DPI (ABC) strategy"
        *next = after + 1;
        return end;
      }
      if (after < n_ && t_[after].Is(kLower) && lex_.Has("org_noun", F(after))) {
        *kind = EntityKind::kOrganization;
        return end;
      }
    }
    return 0;
  }

  size_t Step(size_t k);
  size_t Coref(size_t k);
  size_t TitlePhrase(size_t k);
  size_t Name(size_t k, int affiliation_org, int affiliation_nation, size_t title_begin);
  void MarkModifiers();

  const Lexicon& lex_;
  Document* doc_;
  size_t si_;
  const std::vector<Token>& t_;
  size_t n_;
  std::vector<Mention> out_;
  std::vector<size_t> gaz_end_;
  std::vector<const GazEntry*> gaz_entry_;
  std::vector<char> gaz_cover_;
};

}  // namespace
}  // namespace pactgraph::extract

#include "engine/extract/mentions_steps.inc"

// Pass 3: candidate names from the text's own evidence (see mentions.h).
//
// A name span is a run of capitalised, mixed-case or acronym words joined by name connectors
// ("of", "for", "and", "de", "the" after a connector, glued hyphens). Spans are split where
// "and" joins two complete names, trimmed of sentence-initial function words, and may carry a
// parenthesis that defines an acronym or a short name. Names the text introduces itself —
// after "dubbed", "called", "known as", or in quotation marks next to a head noun — are read
// whatever their case.
#include <algorithm>
#include <cctype>

#include "engine/extract/mentions.h"

namespace pactgraph::extract {

namespace {

bool Glued(const std::vector<Token>& t, size_t a, size_t b) { return t[a].end == t[b].begin; }

bool QuoteMark(const std::string& f) { return f == "'" || f == "\""; }

}  // namespace

bool Abbreviates(const std::string& short_form, const std::string& long_form) {
  if (short_form.size() < 2 || long_form.size() <= short_form.size()) return false;
  int s = static_cast<int>(short_form.size()) - 1, l = static_cast<int>(long_form.size()) - 1;
  while (s >= 0) {
    char c = short_form[s];
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      --s;
      continue;
    }
    while (l >= 0 &&
           (long_form[l] != c ||
            (s == 0 && l > 0 && std::isalnum(static_cast<unsigned char>(long_form[l - 1]))))) {
      --l;
    }
    if (l < 0) return false;
    --l;
    --s;
  }
  return true;
}

size_t MentionFinder::SpanEnd(size_t k) const {
  size_t j = k, last = k;
  bool seen_of = false;
  while (j < n_ && j - k < kMaxNameTokens) {
    const Token& tk = t_[j];
    bool name_word = CapLike(tk) || (j > k && tk.Is(kDigit) && tk.Is(kWord));
    if (name_word) {
      if (j > k && (Has(j, kWeekday) || Has(j, kMonth))) break;
      if (j > k && Has(j, kHonorific) && tk.fold.back() == '.') break;  // "... Mr. Doe"
      last = ++j;
      if (j < n_ && F(j) == "+" && Glued(t_, j - 1, j)) last = ++j;  // "Strategy+"
      continue;
    }
    const std::string& f = tk.fold;
    // Glued hyphens and ampersands inside a name: "Inter-American", "AT&T", "Cluj-Napoca".
    if ((f == "-" || f == "&" || f == "/") && j > k && j + 1 < n_ && Glued(t_, j - 1, j) &&
        Glued(t_, j, j + 1) && CapLike(t_[j + 1])) {
      ++j;
      continue;
    }
    if (j == k) break;
    bool connector = Has(j, kNameConnector);
    if (f == "," && seen_of) connector = true;  // "Ministry of Information, Communications and"
    if (!connector) break;
    size_t m = j + 1;
    while (m < n_ && m < j + 3 && Has(m, kNameConnector) && !CapLike(t_[m])) ++m;  // "de la"
    if (m >= n_ || !CapLike(t_[m]) || Has(m, kWeekday) || Has(m, kMonth)) break;
    if (f == "," && !CommonWord(m)) break;
    if (f == "of" || f == "for" || f == "de") seen_of = true;
    j = m;
  }
  return last;
}

bool MentionFinder::CompleteName(size_t b, size_t e) const {
  if (e <= b) return false;
  const GazEntry* g = nullptr;
  if (Gaz(b, &g) == e - b) return true;
  if (Known(b, e) >= 0) return true;
  if (e == b + 1 && (t_[b].Is(kUpper) || t_[b].Is(kMixed))) return true;
  EntityKind kind;
  bool gov;
  return HeadKind(b, e, &kind, &gov);
}

size_t MentionFinder::SplitAtAnd(size_t b, size_t e) const {
  bool in_of = false;
  for (size_t a = b + 1; a + 1 < e; ++a) {
    const std::string& f = F(a);
    if (f == "of" || f == "for" || f == "on" || f == "de") in_of = true;
    if (f != "and" && !(f == "&" && !Glued(t_, a - 1, a))) continue;
    size_t r = a + 1;
    if (F(r) == "the" && r + 1 < e) ++r;
    const GazEntry* g = nullptr;
    bool right_new = Gaz(r, &g) > 0 || Known(r, e) >= 0 || Has(r, kGovHead) ||
                     (Has(r, kOrgHead) && !in_of) ||
                     (t_[r].Is(kUpper) && (r + 1 == e || !CapLike(t_[r + 1])));
    right_new = right_new || PersonLike(r, e) || (Has(r, kNationNoun) && F(r + 1) == "of");
    if (right_new) return a;
    if (in_of) continue;
    if (!CompleteName(b, a) && HeadToken(r, e) + 1 == e) {
      EntityKind kind;
      bool gov;
      if (HeadKind(r, e, &kind, &gov)) continue;  // "Research and Innovation Centre"
    }
    return a;
  }
  return e;
}

size_t MentionFinder::HeadToken(size_t b, size_t e) const {
  if (Has(b, kHeadFirst) && e > b + 1) return b;
  for (size_t c = b + 1; c + 1 < e; ++c) {
    const std::string& f = F(c);
    if (f == "of" || f == "for" || f == "on" || f == "de" || f == "du" || f == "des") return c - 1;
  }
  size_t h = e - 1;
  while (h > b && (t_[h].Is(kDigit) || F(h) == "+" || Has(h, kCorpSuffix))) --h;
  return h;
}

size_t MentionFinder::AttachParenthesis(int ent, size_t e) {
  if (e + 2 >= n_ || F(e) != "(") return e;
  size_t close = e + 1;
  while (close < n_ && close < e + 14 && F(close) != ")") ++close;
  if (close >= n_ || F(close) != ")") return e;
  // Ticker and code tags: "(TW:2330)", "(NASDAQ:NXPI)".
  for (size_t x = e + 1; x < close; ++x) {
    if (F(x) == ":") return close + 1;
  }
  DocEntity& d = doc_->ents[ent];
  const Token& first = t_[e + 1];
  std::string name_fold = Fold(d.name);
  std::string compact;
  for (char c : name_fold) {
    if (c != ' ') compact += c;
  }
  if ((first.Is(kUpper) || first.Is(kMixed) || first.Is(kCap)) && first.fold.size() >= 2 &&
      (close == e + 2 || F(e + 2) == ",")) {
    std::string surface = doc_->Surface(first.begin, first.end);
    bool acronym = first.Is(kUpper) || first.Is(kMixed);
    bool matches = Abbreviates(first.fold, name_fold);
    // An acronym that fits the name, or a short name right after it: an alias.
    if (matches || (!acronym && !CommonWord(e + 1) && Gaz(e + 1, nullptr) == 0) ||
        (acronym && Known(e + 1, e + 2) < 0 && !Has(e + 1, kAcronymStop))) {
      doc_->AddAlias(ent, first.fold, surface);
      if (acronym && d.acronym.empty()) d.acronym = surface;
      Emit(e + 1, e + 2, ent).modifier = false;
      return close == e + 2 ? close + 1 : e + 2;
    }
    return e;
  }
  // "ACR (Long Name)": the long form defines the acronym.
  if (CapLike(first) && t_[e - 1].Is(kUpper)) {
    std::string long_fold = JoinFolds(t_, e + 1, close);
    if (Abbreviates(Fold(doc_->Surface(t_[e - 1].begin, t_[e - 1].end)), long_fold) ||
        close - e > 2) {
      std::string surface = doc_->Surface(t_[e + 1].begin, t_[close - 1].end);
      doc_->AddAlias(ent, long_fold, surface);
      if (d.acronym.empty() && d.name == doc_->Surface(t_[e - 1].begin, t_[e - 1].end)) {
        d.acronym = d.name;
        d.name = surface;
      }
      NoteNameNation(ent, e + 1, close);
      Emit(e + 1, close, ent);
      return close + 1;
    }
  }
  return e;
}

size_t MentionFinder::IntroducedName(size_t k) {
  size_t cue_len = Match(kNamingVerb, k);
  size_t m = k;
  bool quoted = false;
  if (cue_len > 0) {
    m = k + cue_len;
  } else if (!QuoteMark(F(k)) || k + 1 >= n_ || !CapLike(t_[k + 1])) {
    return k;
  }
  if (m < n_ && QuoteMark(F(m))) {
    quoted = true;
    ++m;
  }
  if (m >= n_ || !(CapLike(t_[m]) || quoted)) return k;
  size_t end = m;
  if (quoted) {
    while (end < n_ && end < m + 10 && !QuoteMark(F(end))) ++end;
    if (end >= n_ || !QuoteMark(F(end)) || end == m) return k;
    for (size_t x = m; x < end; ++x) {
      if (info_[x].tag & (kTagVerb | kTagAux)) return k;  // a quoted clause, not a name
    }
  } else {
    end = SpanEnd(m);
  }
  // The kind comes from a head noun next to the name.
  EntityKind kind = EntityKind::kProgram;
  bool cue = cue_len > 0;
  size_t after = quoted ? end + 1 : end;
  for (size_t x = k >= 4 ? k - 4 : 0; x < k + (cue_len > 0 ? 0 : 1); ++x) {
    if (Has(x, kProgramHead)) cue = true, kind = EntityKind::kProgram;
    if (Has(x, kFirmNoun) || Has(x, kOrgHead)) cue = true, kind = EntityKind::kOrganization;
  }
  if (after < n_ && Lower(after) && Has(after, kProgramHead))
    cue = true, kind = EntityKind::kProgram;
  if (!cue) return k;
  size_t b = m;
  while (b < end && (F(b) == "the" || F(b) == "a")) ++b;
  if (b >= end) return k;
  if (!quoted) {
    // "two cables called Acme and Zenith": each name of the list.
    size_t x = b;
    int ent = -1;
    while (x < end) {
      size_t y = x;
      while (y < end && F(y) != "and" && F(y) != "," && F(y) != "&") ++y;
      if (y > x) {
        ent = AddNamed(x, y, kind, doc_->Surface(si_, x, y));
        Emit(x, y, ent);
      }
      x = y + 1;
    }
    return ent >= 0 ? AttachParenthesis(ent, end) : end;
  }
  int ent = AddNamed(b, end, kind, doc_->Surface(si_, b, end));
  Emit(b, end, ent);
  return quoted ? AttachParenthesis(ent, end + 1) : AttachParenthesis(ent, end);
}

// "(TW:2330)", and "artificial intelligence (AI)": a ticker, or an acronym of common words.
size_t MentionFinder::SkipParenthesis(size_t k) const {
  if (F(k) != "(" || k + 2 >= n_) return k;
  size_t close = k + 1;
  while (close < n_ && close < k + 8 && F(close) != ")") ++close;
  if (close >= n_ || F(close) != ")") return k;
  for (size_t x = k + 1; x < close; ++x) {
    if (F(x) == ":") return close + 1;
  }
  const Token& a = t_[k + 1];
  if (close != k + 2 || !(a.Is(kUpper) || a.Is(kMixed)) || k == 0 || !Lower(k - 1)) return k;
  size_t from = k;
  while (from > 0 && from + 8 > k &&
         (Lower(from - 1) || Has(from - 1, kNameConnector) || F(from - 1) == "," ||
          F(from - 1) == "-")) {
    --from;
  }
  return Abbreviates(a.fold, JoinFolds(t_, from, k)) ? close + 1 : k;
}

size_t MentionFinder::ListedNames(size_t k) {
  size_t len = Match(kListCue, k);
  if (len == 0 || k + len >= n_ || !CapLike(t_[k + len])) return k;
  // The members' category is the nearest common noun before the cue: "initiatives taken by
  // the Ministry, such as A" lists programmes; "programmes for several firms, including A"
  // lists firms.
  bool cue = false;
  for (size_t x = k; x-- > (k >= 10 ? k - 10 : 0);) {
    if (!Lower(x) || !(info_[x].tag & kTagNoun) || (info_[x].tag & kTagVerb)) continue;
    cue = Has(x, kProgramHead);
    break;
  }
  if (!cue) return k;
  size_t j = k + len, names = 0;
  while (j < n_ && CapLike(t_[j]) && names < kMaxGroup) {
    size_t e = j + 1;
    while (e < n_ && e < j + 6 &&
           (CapLike(t_[e]) || ((Has(e, kNameConnector) || F(e) == "in") && e + 1 < n_ &&
                               CapLike(t_[e + 1]) && F(e) != "and"))) {
      ++e;
    }
    int ent = Known(j, e);
    const GazEntry* g = nullptr;
    if (ent < 0 && Gaz(j, &g) == e - j) ent = GazEntity(g, j, e);
    if (ent < 0) ent = AddNamed(j, e, EntityKind::kProgram, doc_->Surface(si_, j, e));
    Emit(j, e, ent);
    ++names;
    j = e;
    if (F(j) == ",") ++j;
    if (F(j) == "and" || F(j) == "or") ++j;
  }
  return j;
}

size_t MentionFinder::ReadSpan(size_t b, size_t e) {
  // Function words that open a sentence are not part of a name: "The", "In", "According".
  // (A word in capitals that is an article or preposition, "THE", is one too.)
  while (b < e &&
         (Has(b, kStopCap) || info_[b].tag != kTagName || Has(b, kMonth) || Has(b, kWeekday) ||
          t_[b].Is(kDigit) || (t_[b].Is(kUpper) && e > b + 1 && (Has(b, kDet) || Has(b, kConj))))) {
    ++b;
  }
  while (e > b && (Has(e - 1, kNameConnector) || F(e - 1) == ",")) --e;
  if (b >= e) return e;
  if (b > 0 && !CapLike(t_[b - 1])) {
    size_t titled = TitledPerson(b);  // "The Chinese Ambassador Mr. X"
    if (titled > b) return titled;
  }
  if (b > 0 && Has(b - 1, kDet)) {
    size_t ref = Reference(b - 1);  // "Later the Agency signed ..."
    if (ref > b - 1) return ref;
  }
  // "Kenya-Ghana", "Acme-Globex": two names joined by a hyphen.
  const GazEntry* g = nullptr;
  size_t glen = Gaz(b, &g);
  if (glen > 0 && b + glen + 1 < e && F(b + glen) == "-") {
    size_t r = b + glen + 1;
    if (Gaz(r, &g) == e - r || Known(r, e) >= 0) {
      ReadSpan(b, b + glen);
      return ReadSpan(r, e);
    }
  }
  size_t a = SplitAtAnd(b, e);
  if (a < e) {
    ReadSpan(b, a);
    size_t r = a + 1;
    if (F(r) == "the") ++r;
    return ReadSpan(r, e);
  }
  return TypeSpan(b, e);
}

}  // namespace pactgraph::extract

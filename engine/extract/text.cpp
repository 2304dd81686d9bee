// Implementation of engine/extract/text.h with ICU (BreakIterator over UTF-8 UText, so the
// iterators report byte offsets directly; Normalizer2 for diacritics).
#include "engine/extract/text.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace pactgraph::extract {

int64_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return start;
  }
  return -1;
}

size_t RepairUtf8(std::string* text) {
  std::string out;
  out.reserve(text->size());
  const auto* s = reinterpret_cast<const uint8_t*>(text->data());
  int32_t n = static_cast<int32_t>(text->size());
  int32_t i = 0;
  size_t repaired = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      ++repaired;
    } else {
      out.append(text->data() + start, i - start);
    }
  }
  text->swap(out);
  return repaired;
}

namespace {

void AppendAsciiFolded(std::string* out, UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x0060:
    case 0x00B4:
      *out += '\'';
      return;
    case 0x201C:
    case 0x201D:
    case 0x00AB:
    case 0x00BB:
      *out += '"';
      return;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      *out += '-';
      return;
    case 0x0111:
    case 0x0110:
      *out += 'd';
      return;
    case 0x00F8:
    case 0x00D8:
      *out += 'o';
      return;
    case 0x0142:
    case 0x0141:
      *out += 'l';
      return;
    case 0x0131:
      *out += 'i';
      return;
    default:
      break;
  }
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(buf, len, 4, c, err);
  if (!err) out->append(buf, len);
}

}  // namespace

std::string Fold(std::string_view word) {
  bool ascii = true;
  for (unsigned char ch : word) {
    if (ch >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  out.reserve(word.size());
  if (ascii) {
    for (char ch : word) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  if (U_FAILURE(status)) d = u;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    AppendAsciiFolded(&out, c);
  }
  return out;
}

std::string JoinFolds(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string key;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) key += ' ';
    key += tokens[i].fold;
  }
  return key;
}

struct Segmenter::Iterators {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
};

Segmenter::Segmenter() : it_(std::make_unique<Iterators>()) {
  UErrorCode status = U_ZERO_ERROR;
  it_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  it_->sentences.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
  ok_ = U_SUCCESS(status) && it_->words && it_->sentences;
}

Segmenter::~Segmenter() = default;

namespace {

bool IsSpace(std::string_view s) {
  for (unsigned char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') {
      // U+00A0 no-break space and U+2009 thin space count as spaces too.
      return s == "\xC2\xA0" || s == "\xE2\x80\x89" || s == "\xE2\x80\xAF";
    }
  }
  return true;
}

uint16_t WordShape(std::string_view w) {
  uint16_t flags = kWord;
  int32_t i = 0, n = static_cast<int32_t>(w.size());
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  int letters = 0, uppers = 0, lowers = 0;
  bool first = true, upper_after_first = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (u_isUUppercase(c) || u_istitle(c)) {
      ++letters;
      ++uppers;
      if (first)
        flags |= kCap;
      else
        upper_after_first = true;
    } else if (u_isULowercase(c)) {
      ++letters;
      ++lowers;
      if (first) flags |= kLower;
    } else if (u_isdigit(c)) {
      if (first) flags |= kDigit;
    } else if (u_isalpha(c)) {
      ++letters;  // scripts without case count as capitalised names
      if (first) flags |= kCap;
    }
    first = false;
  }
  if (uppers >= 2 && lowers == 0) flags |= kUpper;
  if (upper_after_first && lowers > 0) flags |= kMixed;
  if (letters == 0 && !(flags & kDigit)) flags = kPunct;
  return flags;
}

const char* const kTitleAbbrevs[] = {"dr", "mr", "mrs", "ms", "prof", "st", "gen", "sen", "rep"};

}  // namespace

void Segmenter::Tokenize(std::string_view text, uint32_t base, std::vector<Token>* out) {
  out->clear();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  icu::BreakIterator* bi = it_->words.get();
  bi->setText(ut, status);
  // Raw segments first: (begin, end, is_word).
  struct Seg {
    int32_t b, e;
    bool word;
  };
  std::vector<Seg> segs;
  int32_t p = bi->first();
  for (int32_t q = bi->next(); q != icu::BreakIterator::DONE; p = q, q = bi->next()) {
    segs.push_back({p, q, bi->getRuleStatus() != UBRK_WORD_NONE});
  }
  utext_close(ut);
  const int32_t n_text = static_cast<int32_t>(text.size());
  for (size_t k = 0; k < segs.size(); ++k) {
    const Seg& sg = segs[k];
    std::string_view seg = text.substr(sg.b, sg.e - sg.b);
    if (!sg.word) {
      // Spaces are dropped; punctuation becomes one token per character.
      int32_t i = 0, n = static_cast<int32_t>(seg.size());
      const auto* s = reinterpret_cast<const uint8_t*>(seg.data());
      while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        std::string_view ch = seg.substr(start, i - start);
        if (IsSpace(ch)) continue;
        Token t{base + static_cast<uint32_t>(sg.b + start), base + static_cast<uint32_t>(sg.b + i),
                kPunct, Fold(ch)};
        // "G42" "'" "s": the possessive marker.
        if (t.fold == "'" && i == n && !out->empty() && out->back().end == t.begin &&
            out->back().Is(kWord) && k + 1 < segs.size() && segs[k + 1].word &&
            segs[k + 1].e - segs[k + 1].b == 1 && (text[segs[k + 1].b] | 0x20) == 's') {
          t.end = base + static_cast<uint32_t>(segs[k + 1].e);
          t.flags = kPoss;
          t.fold = "'s";
          out->push_back(std::move(t));
          ++k;
          break;
        }
        out->push_back(std::move(t));
      }
      continue;
    }
    uint32_t b = base + sg.b, e = base + sg.e;
    std::string fold = Fold(seg);
    // "Dr.Fred": a title abbreviation glued to the name.
    size_t dot = fold.find('.');
    if (dot != std::string::npos && dot + 1 < fold.size()) {
      std::string head = fold.substr(0, dot);
      if (std::find(std::begin(kTitleAbbrevs), std::end(kTitleAbbrevs), head) !=
          std::end(kTitleAbbrevs)) {
        out->push_back(Token{b, b + static_cast<uint32_t>(dot) + 1, kWord | kCap, head + "."});
        b += static_cast<uint32_t>(dot) + 1;
        seg = text.substr(b - base, e - b);
        fold = Fold(seg);
      }
    }
    // Possessive "Kenya's" / "Kenya’s".
    if (fold.size() > 2 && fold.compare(fold.size() - 2, 2, "'s") == 0) {
      uint32_t quote_bytes =
          seg.size() >= 4 && seg.compare(seg.size() - 4, 3, "\xE2\x80\x99") == 0 ? 3 : 1;
      uint32_t cut = e - 1 - quote_bytes;
      out->push_back(Token{b, cut, WordShape(text.substr(b - base, cut - b)),
                           fold.substr(0, fold.size() - 2)});
      out->push_back(Token{cut, e, kPoss, "'s"});
      continue;
    }
    // "U.S" "." and "H.E" "." and "Mr" ".": keep the final dot of abbreviations and initials.
    int32_t after = sg.e;
    if (after < n_text && text[after] == '.' &&
        (fold.find('.') != std::string::npos ||
         (seg.size() == 1 && isupper(static_cast<unsigned char>(seg[0]))) || fold == "jr" ||
         fold == "sr" || fold == "dr" || fold == "mr" || fold == "mrs" || fold == "ms" ||
         fold == "prof" || fold == "st")) {
      e += 1;
      fold += '.';
      seg = text.substr(b - base, e - b);
      out->push_back(Token{b, e, WordShape(seg), fold});
      if (k + 1 < segs.size() && segs[k + 1].b == after && segs[k + 1].e == after + 1) ++k;
      continue;
    }
    out->push_back(Token{b, e, WordShape(seg), fold});
  }
}

void Segmenter::SplitLine(std::string_view line, uint32_t base, std::vector<Sentence>* out) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, line.data(), static_cast<int64_t>(line.size()), &status);
  if (U_FAILURE(status)) return;
  icu::BreakIterator* bi = it_->sentences.get();
  bi->setText(ut, status);
  int32_t p = bi->first();
  bool merge_next = false;
  for (int32_t q = bi->next(); q != icu::BreakIterator::DONE; p = q, q = bi->next()) {
    Sentence s;
    Tokenize(line.substr(p, q - p), base + p, &s.tokens);
    if (s.tokens.empty()) continue;
    s.begin = s.tokens.front().begin;
    s.end = s.tokens.back().end;
    if (merge_next && !out->empty()) {
      Sentence& prev = out->back();
      prev.end = s.end;
      for (auto& t : s.tokens) prev.tokens.push_back(std::move(t));
    } else {
      out->push_back(std::move(s));
    }
    // A sentence ending in "H.E." or an initial "E." continues on.
    const Token& last = out->back().tokens.back();
    merge_next = last.fold.size() >= 2 && last.fold.back() == '.' &&
                 (last.fold == "h.e." || last.fold.size() == 2);
  }
  utext_close(ut);
}

void Segmenter::Split(std::string_view text, std::vector<Sentence>* out) {
  out->clear();
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > start) SplitLine(text.substr(start, nl - start), static_cast<uint32_t>(start), out);
    start = nl + 1;
  }
}

}  // namespace pactgraph::extract

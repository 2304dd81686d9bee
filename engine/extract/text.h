// engine/extract/text.h — UTF-8 text utilities for extraction: validation, folding for lookup,
// and ICU sentence/word segmentation that keeps byte offsets into the original text.
//
// Folding (Fold) is what every lookup key goes through: Unicode case folding, diacritics
// removed (NFD then drop non-spacing marks), curly quotes and dashes mapped to ASCII. ASCII
// words take a fast path. Tokens carry their folded form and shape flags.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pactgraph::extract {

// Byte offset of the first invalid UTF-8 sequence, or -1 when `text` is valid.
int64_t FindInvalidUtf8(std::string_view text);
// Replaces each invalid sequence by U+FFFD; returns how many were replaced.
size_t RepairUtf8(std::string* text);

// Case-folded, diacritics-free form of `word` ("HÀ NỘI" -> "ha noi", "Kenya’s" -> "kenya's").
std::string Fold(std::string_view word);

enum TokenFlag : uint16_t {
  kWord = 1,     // letters or digits
  kCap = 2,      // starts with an upper-case letter
  kUpper = 4,    // two or more letters, none lower-case ("DICT", "U.S.")
  kDigit = 8,    // starts with a digit
  kPunct = 16,   // one punctuation or symbol character
  kPoss = 32,    // the possessive marker "'s" split off a word
  kLower = 64,   // starts with a lower-case letter
  kMixed = 128,  // upper-case letters after the first ("AfCFTA", "MeitY", "DigiTruck")
};

struct Token {
  uint32_t begin = 0;  // byte offsets in the text
  uint32_t end = 0;
  uint16_t flags = 0;
  std::string fold;
  bool Is(uint16_t f) const { return (flags & f) != 0; }
};

struct Sentence {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::vector<Token> tokens;
};

// Splits `text` into sentences (line breaks always end one) and tokens. Not thread-safe:
// use one Segmenter per thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  bool ok() const { return ok_; }
  void Split(std::string_view text, std::vector<Sentence>* out);
  // Tokens of a short phrase (for building lookup keys from data files).
  void Tokenize(std::string_view text, uint32_t base, std::vector<Token>* out);

 private:
  void SplitLine(std::string_view text, uint32_t base, std::vector<Sentence>* out);
  struct Iterators;
  std::unique_ptr<Iterators> it_;
  bool ok_ = false;
};

// Key of a token run for the gazetteers: folded forms joined by single spaces.
std::string JoinFolds(const std::vector<Token>& tokens, size_t begin, size_t end);

}  // namespace pactgraph::extract

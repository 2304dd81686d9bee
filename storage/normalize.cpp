#include "storage/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace pactgraph::storage {

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E) return NormalizeNameIcu(name);
    if (c == ' ') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c == '`' ? '\'' : static_cast<char>(c);
    }
  }
  return out;
}

std::string NormalizeNameIcu(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  static const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfkd->normalize(in, status);
  if (U_FAILURE(status)) decomposed = in;

  // Drop combining marks and controls; map quotes, dashes and spaces; collapse white space.
  icu::UnicodeString stripped;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_COMBINING_SPACING_MARK) {
      continue;
    }
    if (u_isUWhiteSpace(c)) {
      pending_space = true;
      continue;
    }
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) continue;
    switch (c) {
      case 0x2018:
      case 0x2019:
      case 0x201B:
      case 0x2032:
      case 0x00B4:
      case 0x0060:
        c = '\'';
        break;
      case 0x201C:
      case 0x201D:
      case 0x201F:
      case 0x2033:
        c = '"';
        break;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2212:
        c = '-';
        break;
      default:
        break;
    }
    if (pending_space && stripped.length() > 0) stripped.append(static_cast<UChar>(' '));
    pending_space = false;
    stripped.append(c);
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString folded = fold->normalize(stripped, status);
  if (U_FAILURE(status)) folded = stripped;
  std::string out;
  folded.toUTF8String(out);
  return out;
}

}  // namespace pactgraph::storage

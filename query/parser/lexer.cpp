// The tokenizer: hand-written, one pass, no allocation beyond token texts.
#include "query/parser/lexer.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace pactgraph::query {

std::string DescribePosition(std::string_view query, size_t pos) {
  if (pos > query.size()) pos = query.size();
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < pos; ++i) {
    if (query[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  size_t line_end = query.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = query.size();
  // Columns count characters (UTF-8 continuation bytes do not advance the caret).
  size_t col = 1;
  std::string caret;
  for (size_t i = line_start; i < pos; ++i) {
    if ((static_cast<unsigned char>(query[i]) & 0xC0) == 0x80) continue;
    ++col;
    caret += query[i] == '\t' ? '\t' : ' ';
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col) + ":\n  " +
         std::string(query.substr(line_start, line_end - line_start)) + "\n  " + caret + "^";
}

Status ErrorAt(Status::Code code, std::string_view query, size_t pos, const std::string& message) {
  std::string text = message + " at " + DescribePosition(query, pos);
  // A parse error without a more precise TCK category is UnexpectedSyntax.
  if (code == Status::Code::kParseError && message.rfind("SyntaxError (", 0) != 0) {
    text = "SyntaxError (UnexpectedSyntax): " + text;
  }
  switch (code) {
    case Status::Code::kParseError:
      return Status::ParseError(text);
    case Status::Code::kNotSupported:
      return Status::NotSupported(text);
    case Status::Code::kNotFound:
      return Status::NotFound(text);
    default:
      return Status::InvalidArgument(text);
  }
}

namespace {

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// `.5` starts a number unless it follows a closing bracket (`f(x).5`, `l[0].5` stay a
// property-access error rather than silently becoming two numbers). After a word it is a
// number: property keys cannot start with a digit, and `RETURN .5` is valid.
bool AfterOperand(const std::vector<Token>& out) {
  if (out.empty()) return false;
  const Token& p = out.back();
  return p.kind == TokenKind::kSymbol && (p.text == ")" || p.text == "]" || p.text == "}");
}

Status NumberError(std::string_view q, size_t pos, const char* category, const std::string& m) {
  return ErrorAt(Status::Code::kParseError, q, pos,
                 std::string("SyntaxError (") + category + "): " + m);
}

// Integer and float literals: 123, 0x7F, 0o17, 1.5, .5, 1e3, 1.5E-3. An integer beyond int64
// is IntegerOverflow (2^63 is kept, flagged `quoted`, for the parser's `-9223372036854775808`);
// a float beyond double FloatingPointOverflow; letters glued to a number InvalidNumberLiteral.
Status LexNumber(std::string_view q, size_t* pos, Token* t) {
  const size_t i = *pos;
  size_t j = i;
  auto digit = [&](size_t k, int base) {
    if (k >= q.size()) return false;
    unsigned char d = q[k];
    if (base == 16) return std::isxdigit(d) != 0;
    if (base == 8) return d >= '0' && d <= '7';
    return std::isdigit(d) != 0;
  };
  int base = 10;
  if (q[i] == '0' && i + 1 < q.size() && (q[i + 1] == 'x' || q[i + 1] == 'X')) base = 16;
  if (q[i] == '0' && i + 1 < q.size() && q[i + 1] == 'o') base = 8;
  if (base != 10) {
    j = i + 2;
    while (digit(j, base)) ++j;
    if (j == i + 2 || (j < q.size() && IsIdentChar(q[j]))) {
      return NumberError(q, i, "InvalidNumberLiteral",
                         std::string("invalid ") + (base == 16 ? "hexadecimal" : "octal") +
                             " literal '" + std::string(q.substr(i, j + 1 - i)) + "'");
    }
    uint64_t v = 0;
    bool overflow = false;
    for (size_t k = i + 2; k < j; ++k) {
      unsigned d = std::isdigit(static_cast<unsigned char>(q[k]))
                       ? q[k] - '0'
                       : std::tolower(static_cast<unsigned char>(q[k])) - 'a' + 10;
      if (v > (UINT64_MAX - d) / base) overflow = true;
      v = v * base + d;
    }
    t->kind = TokenKind::kInt;
    t->text = std::string(q.substr(i, j - i));
    if (overflow || v > (uint64_t{1} << 63)) {
      return NumberError(q, i, "IntegerOverflow", "integer literal out of range");
    }
    if (v == (uint64_t{1} << 63)) {
      t->int_value = INT64_MIN;
      t->quoted = true;
    } else {
      t->int_value = static_cast<int64_t>(v);
    }
    *pos = j;
    return Status::OK();
  }
  while (digit(j, 10)) ++j;
  bool is_float = false;
  if (j + 1 < q.size() && q[j] == '.' && digit(j + 1, 10)) {
    is_float = true;
    ++j;
    while (digit(j, 10)) ++j;
  }
  if (j < q.size() && (q[j] == 'e' || q[j] == 'E')) {
    size_t k = j + 1;
    if (k < q.size() && (q[k] == '+' || q[k] == '-')) ++k;
    if (digit(k, 10)) {
      is_float = true;
      j = k;
      while (digit(j, 10)) ++j;
    }
  }
  if (j < q.size() && IsIdentStart(q[j])) {
    return NumberError(q, j, "InvalidNumberLiteral", "invalid number literal");
  }
  std::string text(q.substr(i, j - i));
  errno = 0;
  if (is_float) {
    t->kind = TokenKind::kFloat;
    t->float_value = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::abs(t->float_value) > 1.0) {
      return NumberError(q, i, "FloatingPointOverflow", "float literal out of range");
    }
  } else {
    t->kind = TokenKind::kInt;
    t->int_value = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == ERANGE) {
      // 2^63 is only valid negated (the parser folds "-9223372036854775808").
      if (text != "9223372036854775808") {
        return NumberError(q, i, "IntegerOverflow", "integer literal out of range");
      }
      t->int_value = INT64_MIN;
      t->quoted = true;
    }
  }
  t->text = text;
  *pos = j;
  return Status::OK();
}

}  // namespace

Result<std::vector<Token>> Tokenize(std::string_view q) {
  std::vector<Token> out;
  size_t i = 0;
  auto err = [&](size_t pos, const std::string& m) {
    return ErrorAt(Status::Code::kParseError, q, pos, m);
  };
  while (true) {
    while (i < q.size()) {
      if (std::isspace(static_cast<unsigned char>(q[i]))) {
        ++i;
      } else if (q.substr(i, 2) == "//") {
        while (i < q.size() && q[i] != '\n') ++i;
      } else if (q.substr(i, 2) == "/*") {
        size_t end = q.find("*/", i + 2);
        if (end == std::string_view::npos) return err(i, "unterminated comment");
        i = end + 2;
      } else {
        break;
      }
    }
    Token t;
    t.pos = i;
    if (i >= q.size()) {
      out.push_back(t);
      return out;
    }
    unsigned char c = q[i];
    if (IsIdentStart(c)) {
      size_t j = i;
      while (j < q.size() && IsIdentChar(q[j])) ++j;
      t.kind = TokenKind::kIdent;
      t.text = std::string(q.substr(i, j - i));
      i = j;
    } else if (c == '`') {
      size_t end = q.find('`', i + 1);
      if (end == std::string_view::npos) return err(i, "unterminated `quoted identifier`");
      t.kind = TokenKind::kIdent;
      t.quoted = true;
      t.text = std::string(q.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '$') {
      size_t j = i + 1;
      while (j < q.size() && IsIdentChar(q[j])) ++j;
      if (j == i + 1) return err(i, "expected a parameter name after '$'");
      t.kind = TokenKind::kParam;
      t.text = std::string(q.substr(i + 1, j - i - 1));
      i = j;
    } else if (std::isdigit(c) ||
               (c == '.' && i + 1 < q.size() &&
                std::isdigit(static_cast<unsigned char>(q[i + 1])) && !AfterOperand(out))) {
      PG_RETURN_IF_ERROR(LexNumber(q, &i, &t));
    } else if (c == '\'' || c == '"') {
      size_t j = i + 1;
      std::string s;
      while (true) {
        if (j >= q.size()) return err(i, "unterminated string literal");
        char d = q[j];
        if (d == static_cast<char>(c)) break;
        if (d == '\\') {
          if (j + 1 >= q.size()) return err(i, "unterminated string literal");
          char e = q[j + 1];
          j += 2;
          switch (e) {
            case 'n':
              s += '\n';
              break;
            case 't':
              s += '\t';
              break;
            case 'r':
              s += '\r';
              break;
            case 'b':
              s += '\b';
              break;
            case 'f':
              s += '\f';
              break;
            case '\\':
              s += '\\';
              break;
            case '\'':
              s += '\'';
              break;
            case '"':
              s += '"';
              break;
            case 'u': {
              if (j + 4 > q.size())
                return err(j - 2, "SyntaxError (InvalidUnicodeLiteral): invalid \\u escape");
              uint32_t cp = 0;
              for (int k = 0; k < 4; ++k) {
                char h = q[j + k];
                if (!std::isxdigit(static_cast<unsigned char>(h))) {
                  return err(j - 2, "SyntaxError (InvalidUnicodeLiteral): invalid \\u escape");
                }
                cp = cp * 16 + (std::isdigit(static_cast<unsigned char>(h))
                                    ? h - '0'
                                    : (std::tolower(static_cast<unsigned char>(h)) - 'a' + 10));
              }
              AppendUtf8(&s, cp);
              j += 4;
              break;
            }
            default:
              return err(j - 2, std::string("invalid escape sequence \\") + e);
          }
          continue;
        }
        s += d;
        ++j;
      }
      t.kind = TokenKind::kString;
      t.text = std::move(s);
      i = j + 1;
    } else {
      static const char* kTwo[] = {"..", "<>", "!=", "<=", ">=", "=~", "+="};
      t.kind = TokenKind::kSymbol;
      for (const char* two : kTwo) {
        if (q.substr(i, 2) == two) t.text = two;
      }
      if (t.text.empty()) {
        static const std::string kOne = "()[]{},.:|;=<>+-*/%^";
        if (kOne.find(static_cast<char>(c)) == std::string::npos) {
          return err(i, std::string("unexpected character '") + static_cast<char>(c) + "'");
        }
        t.text = std::string(1, static_cast<char>(c));
      }
      i += t.text.size();
    }
    out.push_back(std::move(t));
  }
}

}  // namespace pactgraph::query

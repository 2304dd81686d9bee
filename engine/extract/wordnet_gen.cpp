// wordnet_gen — build-time generator of the extractor's WordNet table (engine/extract/wordnet.h).
//
// Usage: wordnet_gen WORDNET_DIR OUTPUT.cpp
// Reads the Princeton WordNet 3.0 database files (Debian package wordnet-base: index.noun,
// index.verb, index.adj, index.adv, data.noun, noun.exc, verb.exc, adj.exc) and writes one C++
// source holding three sorted tables over a single string pool:
//   - words: every one-word lemma (lower case, hyphens kept) with its parts of speech, the
//     lexicographer classes of its noun and verb senses, the class of its first (most frequent)
//     noun sense, and tagged-sense counts as a frequency hint;
//   - names: every noun lemma written with a capital ("Riyadh", "Aral Sea", "World Bank"), with
//     the classes of its senses and whether a sense is an instance (a named place, body, person);
//   - exceptions: irregular inflections ("children" -> "child", "went" -> "go").
// Nothing is parsed when pactgraph runs; the extractor indexes these arrays at start-up.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

struct WordRec {
  uint8_t pos = 0;  // 1 noun, 2 verb, 4 adjective, 8 adverb
  uint32_t noun_classes = 0;
  uint16_t verb_classes = 0;
  uint8_t noun_first = 0;
  uint8_t noun_tags = 0;
  uint8_t verb_tags = 0;
};

struct NameRec {
  uint32_t classes = 0;
  bool instance = false;
};

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string f;
  while (in >> f) out.push_back(f);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool HasUpper(const std::string& s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

// "Aral_Sea" -> "aral sea"; "Cote_d'Ivoire" -> "cote d'ivoire".
std::string NameKey(const std::string& lemma) {
  std::string k = Lower(lemma);
  std::replace(k.begin(), k.end(), '_', ' ');
  return k;
}

// offset -> lexicographer file number, from a data.* file; fills names for data.noun and the
// (offset, lemma) pairs where the lemma is written in lower case ("china" the porcelain, not
// "China" the country), so that a proper name's senses do not make it a common word.
bool ReadData(const std::string& path, std::unordered_map<uint32_t, int>* lexfile,
              std::map<std::string, NameRec>* names,
              std::unordered_map<std::string, std::vector<uint32_t>>* lower) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::vector<std::string> f = Fields(line.substr(0, line.find('|')));
    if (f.size() < 4) continue;
    uint32_t offset = static_cast<uint32_t>(std::stoul(f[0]));
    int lex = std::stoi(f[1]);
    (*lexfile)[offset] = lex;
    size_t words = std::stoul(f[3], nullptr, 16);
    for (size_t w = 0; w < words && 4 + 2 * w < f.size(); ++w) {
      std::string lemma = f[4 + 2 * w];
      size_t paren = lemma.find('(');
      if (paren != std::string::npos) lemma = lemma.substr(0, paren);
      if (!HasUpper(lemma)) (*lower)[lemma].push_back(offset);
    }
    if (names == nullptr) continue;
    size_t p = 4 + 2 * words;
    bool instance = false;
    if (p < f.size()) {
      size_t pointers = std::stoul(f[p]);
      for (size_t k = 0; k < pointers && p + 1 + 4 * k < f.size(); ++k) {
        if (f[p + 1 + 4 * k] == "@i") instance = true;
      }
    }
    for (size_t w = 0; w < words && 4 + 2 * w < f.size(); ++w) {
      std::string lemma = f[4 + 2 * w];
      size_t paren = lemma.find('(');  // adjective markers "(a)", "(p)"
      if (paren != std::string::npos) lemma = lemma.substr(0, paren);
      if (!HasUpper(lemma)) continue;
      NameRec& r = (*names)[NameKey(lemma)];
      if (lex >= 3 && lex <= 28) r.classes |= 1u << (lex - 3);
      r.instance = r.instance || instance;
    }
  }
  return true;
}

// index.* lines: lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets...
bool ReadIndex(const std::string& path, uint8_t pos_bit,
               const std::unordered_map<uint32_t, int>& lexfile,
               const std::unordered_map<std::string, std::vector<uint32_t>>& lower,
               std::map<std::string, WordRec>* words) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::vector<std::string> f = Fields(line);
    if (f.size() < 6) continue;
    const std::string& lemma = f[0];
    if (lemma.find('_') != std::string::npos) continue;  // one-word lemmas only
    size_t synsets = std::stoul(f[2]);
    size_t pointers = std::stoul(f[3]);
    size_t tag_at = 4 + pointers + 1;
    if (tag_at >= f.size()) continue;
    unsigned tags = static_cast<unsigned>(std::stoul(f[tag_at]));
    // Only the senses where the word is written in lower case make it a common word.
    auto lw = lower.find(lemma);
    if (lw == lower.end()) continue;
    WordRec& r = (*words)[lemma];
    r.pos |= pos_bit;
    bool first = true;
    for (size_t s = 0; s < synsets && tag_at + 1 + s < f.size(); ++s) {
      uint32_t off = static_cast<uint32_t>(std::stoul(f[tag_at + 1 + s]));
      if (std::find(lw->second.begin(), lw->second.end(), off) == lw->second.end()) continue;
      auto it = lexfile.find(off);
      if (it == lexfile.end()) continue;
      int lex = it->second;
      if (pos_bit == 1 && lex >= 3 && lex <= 28) {
        r.noun_classes |= 1u << (lex - 3);
        if (first) r.noun_first = static_cast<uint8_t>(lex);
        first = false;
      }
      if (pos_bit == 2 && lex >= 29 && lex <= 44) r.verb_classes |= 1u << (lex - 29);
    }
    uint8_t capped = static_cast<uint8_t>(std::min(tags, 255u));
    if (pos_bit == 1) r.noun_tags = capped;
    if (pos_bit == 2) r.verb_tags = capped;
  }
  return true;
}

struct Exception {
  std::string inflected, base;
  uint8_t pos;
};

void ReadExceptions(const std::string& path, uint8_t pos, std::vector<Exception>* out) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f = Fields(line);
    if (f.size() < 2 || f[0].find('_') != std::string::npos) continue;
    for (size_t k = 1; k < f.size(); ++k) {
      if (f[k].find('_') == std::string::npos) out->push_back({f[0], f[k], pos});
    }
  }
}

// The string pool: each string once, NUL-terminated, addressed by offset.
class Pool {
 public:
  uint32_t Add(const std::string& s) {
    auto it = at_.find(s);
    if (it != at_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(data_.size());
    data_ += s;
    data_ += '\0';
    at_[s] = off;
    return off;
  }
  void Write(std::ostream& out) const {
    out << "const char kPool[] =\n";
    std::string line = "    \"";
    for (char c : data_) {
      if (c == '\0') {
        line += "\\0\"\"";  // close the literal: a digit after \0 would extend the escape
      } else if (c == '"' || c == '\\') {
        line += '\\';
        line += c;
      } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\%03o\"\"", static_cast<unsigned char>(c));
        line += buf;
      } else {
        line += c;
      }
      if (line.size() > 90) {
        out << line << "\"\n";
        line = "    \"";
      }
    }
    out << line << "\";\n";
  }

 private:
  std::string data_;
  std::unordered_map<std::string, uint32_t> at_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: wordnet_gen WORDNET_DIR OUTPUT.cpp\n";
    return 2;
  }
  const std::string dir = argv[1];
  std::unordered_map<uint32_t, int> noun_lex, verb_lex, adj_lex, adv_lex;
  std::unordered_map<std::string, std::vector<uint32_t>> noun_lower, verb_lower, adj_lower,
      adv_lower;
  std::map<std::string, NameRec> names;
  std::map<std::string, WordRec> words;
  if (!ReadData(dir + "/data.noun", &noun_lex, &names, &noun_lower) ||
      !ReadData(dir + "/data.verb", &verb_lex, nullptr, &verb_lower) ||
      !ReadData(dir + "/data.adj", &adj_lex, nullptr, &adj_lower) ||
      !ReadData(dir + "/data.adv", &adv_lex, nullptr, &adv_lower) ||
      !ReadIndex(dir + "/index.noun", 1, noun_lex, noun_lower, &words) ||
      !ReadIndex(dir + "/index.verb", 2, verb_lex, verb_lower, &words) ||
      !ReadIndex(dir + "/index.adj", 4, adj_lex, adj_lower, &words) ||
      !ReadIndex(dir + "/index.adv", 8, adv_lex, adv_lower, &words)) {
    std::cerr << "wordnet_gen: cannot read the WordNet database in " << dir
              << " (Debian package wordnet-base)\n";
    return 1;
  }
  std::vector<Exception> exc;
  ReadExceptions(dir + "/noun.exc", 1, &exc);
  ReadExceptions(dir + "/verb.exc", 2, &exc);
  ReadExceptions(dir + "/adj.exc", 4, &exc);
  std::sort(exc.begin(), exc.end(), [](const Exception& a, const Exception& b) {
    return a.inflected != b.inflected ? a.inflected < b.inflected : a.base < b.base;
  });

  Pool pool;
  std::ostringstream body;
  body << "const WordRecord kWords[] = {\n";
  for (const auto& [lemma, r] : words) {
    body << "    {" << pool.Add(lemma) << "u, " << int(r.pos) << ", " << r.noun_classes << "u, "
         << r.verb_classes << ", " << int(r.noun_first) << ", " << int(r.noun_tags) << ", "
         << int(r.verb_tags) << "},\n";
  }
  body << "};\nconst size_t kWordCount = " << words.size() << ";\n\n";
  body << "const NameRecord kNames[] = {\n";
  for (const auto& [key, r] : names) {
    body << "    {" << pool.Add(key) << "u, " << r.classes << "u, " << (r.instance ? 1 : 0)
         << "},\n";
  }
  body << "};\nconst size_t kNameCount = " << names.size() << ";\n\n";
  body << "const ExceptionRecord kExceptions[] = {\n";
  for (const Exception& e : exc) {
    body << "    {" << pool.Add(e.inflected) << "u, " << pool.Add(e.base) << "u, " << int(e.pos)
         << "},\n";
  }
  body << "};\nconst size_t kExceptionCount = " << exc.size() << ";\n";

  std::ofstream out(argv[2]);
  out << "// Generated by engine/extract/wordnet_gen.cpp from " << dir
      << " (Princeton WordNet 3.0). Do not edit.\n"
      << "#include \"engine/extract/wordnet.h\"\n\n"
      << "namespace pactgraph::extract::wordnet {\n\n";
  pool.Write(out);
  out << "\n" << body.str() << "\n}  // namespace pactgraph::extract::wordnet\n";
  return out.good() ? 0 : 1;
}

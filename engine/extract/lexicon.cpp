// Loading of the extractor's data files and iso-codes (see lexicon.h for the format).
#include "engine/extract/lexicon.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace pactgraph::extract {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  for (auto& f : out) {
    while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.pop_back();
    while (!f.empty() && f.front() == ' ') f.erase(f.begin());
  }
  return out;
}

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, '|')) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

bool ParseKind(const std::string& s, EntityKind* kind) {
  static const std::pair<const char*, EntityKind> kKinds[] = {
      {"nation", EntityKind::kNation},
      {"organization", EntityKind::kOrganization},
      {"program", EntityKind::kProgram},
      {"person", EntityKind::kPerson},
      {"place", EntityKind::kPlace}};
  for (const auto& [name, k] : kKinds) {
    if (s == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

bool UpperOnly(const std::string& alias) {
  int letters = 0;
  for (char c : alias) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters > 0 && letters <= 3;
}

}  // namespace

bool SlotMatches(const PatternSlot& slot, const std::string& fold) {
  for (size_t k = 0; k < slot.words.size(); ++k) {
    const std::string& w = slot.words[k];
    if (slot.prefix[k] ? fold.compare(0, w.size(), w) == 0 : fold == w) return true;
  }
  return false;
}

size_t MatchPattern(const Pattern& pattern, const std::vector<Token>& tokens, size_t i,
                    size_t end) {
  if (i + pattern.size() > end) return 0;
  for (size_t k = 0; k < pattern.size(); ++k) {
    if (!SlotMatches(pattern[k], tokens[i + k].fold)) return 0;
  }
  return pattern.size();
}

Status Lexicon::ParsePattern(const std::string& text, Segmenter* seg, Pattern* out) const {
  out->clear();
  std::stringstream ss(text);
  std::string slot_text;
  while (ss >> slot_text) {
    PatternSlot slot;
    for (const std::string& alt : SplitBars(slot_text)) {
      bool prefix = alt.size() > 1 && alt.back() == '*';
      std::string word = prefix ? alt.substr(0, alt.size() - 1) : alt;
      slot.words.push_back(Fold(word));
      slot.prefix.push_back(prefix);
    }
    if (slot.words.empty()) return Status::InvalidArgument("empty alternative");
    out->push_back(std::move(slot));
  }
  (void)seg;
  if (out->empty()) return Status::InvalidArgument("empty pattern");
  return Status::OK();
}

void Lexicon::AddGaz(const std::string& phrase, const GazEntry& entry, Segmenter* seg) {
  std::vector<Token> toks;
  seg->Tokenize(phrase, 0, &toks);
  if (toks.empty()) return;
  std::string key = JoinFolds(toks, 0, toks.size());
  auto it = gaz_.find(key);
  if (it != gaz_.end() && it->second.priority <= entry.priority) return;
  GazEntry e = entry;
  e.upper_only = entry.upper_only || UpperOnly(phrase);
  gaz_[key] = e;
  max_tokens_ = std::max(max_tokens_, toks.size());
  size_t& first = first_word_len_[toks[0].fold];
  first = std::max(first, toks.size());
}

Status Lexicon::LoadIso(const std::string& dir, Segmenter* seg) {
  std::ifstream in1(dir + "/iso_3166-1.json");
  if (!in1) return Status::NotFound("cannot read " + dir + "/iso_3166-1.json (package iso-codes)");
  nlohmann::json j1 = nlohmann::json::parse(in1, nullptr, false);
  if (j1.is_discarded() || !j1.contains("3166-1")) {
    return Status::InvalidArgument(dir + "/iso_3166-1.json: not the iso-codes format");
  }
  for (const auto& c : j1["3166-1"]) {
    std::string a3 = c.value("alpha_3", ""), a2 = c.value("alpha_2", "");
    std::string name = c.value("name", "");
    std::string canonical = c.value("common_name", name);
    if (auto it = canonical_override_.find(a3); it != canonical_override_.end()) {
      canonical = it->second;
    }
    GazEntry e;
    e.canonical = canonical;
    e.kind = EntityKind::kNation;
    e.iso3 = a3;
    e.priority = 0;
    nations_[canonical] = e;
    nation_by_alpha2_[a2] = canonical;
    std::vector<std::string> names = {canonical, name};
    if (c.contains("official_name")) names.push_back(c["official_name"]);
    if (c.contains("common_name")) names.push_back(c["common_name"]);
    for (const std::string& n : names) {
      AddGaz(n, e, seg);
      // "Korea, Republic of" -> "Republic of Korea"
      size_t comma = n.find(", ");
      if (comma != std::string::npos) {
        std::string inv = n.substr(comma + 2) + " " + n.substr(0, comma);
        if (inv.rfind("The ", 0) == 0) inv = inv.substr(4);
        AddGaz(inv, e, seg);
      }
    }
  }
  std::ifstream in2(dir + "/iso_3166-2.json");
  if (!in2) return Status::OK();  // subdivisions are optional
  nlohmann::json j2 = nlohmann::json::parse(in2, nullptr, false);
  if (j2.is_discarded() || !j2.contains("3166-2")) return Status::OK();
  for (const auto& s : j2["3166-2"]) {
    std::string code = s.value("code", ""), name = s.value("name", "");
    if (name.size() < 4 || code.size() < 3) continue;
    auto it = nation_by_alpha2_.find(code.substr(0, 2));
    if (it == nation_by_alpha2_.end()) continue;
    pending_subdivisions_.emplace_back(name, it->second);
  }
  return Status::OK();
}

Status Lexicon::LoadFile(const std::string& path, bool required, Segmenter* seg) {
  std::ifstream in(path);
  if (!in) {
    return required ? Status::NotFound("cannot read rule file " + path) : Status::OK();
  }
  std::string line;
  int line_no = 0;
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ":1: " + why);
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() == 1 && f[0].empty()) continue;
    const std::string& rec = f[0];
    if (rec == "trigger") {
      if (f.size() < 3) return bad("expected: trigger<TAB>TYPE<TAB>PATTERN[<TAB>FLAGS]");
      static const char* kTypes[] = {"mou",   "agreement", "cooperation", "launch",
                                     "runs",  "fund",      "invest",      "support",
                                     "visit", "meet",      "member_of",   "based_in"};
      if (std::find(std::begin(kTypes), std::end(kTypes), f[1]) == std::end(kTypes)) {
        return bad("unknown relation type '" + f[1] + "'");
      }
      TriggerRule r;
      r.type = f[1];
      r.text = f[2];
      Status st = ParsePattern(f[2], seg, &r.pattern);
      if (!st.ok()) return bad(st.message());
      std::string flags = f.size() > 3 ? f[3] : "";
      r.passive = flags.find("passive") != std::string::npos;
      r.document = flags.find("document") != std::string::npos;
      r.noun = flags.find("noun") != std::string::npos || r.document;
      int idx = static_cast<int>(triggers_.size());
      triggers_.push_back(std::move(r));
      const PatternSlot& first = triggers_.back().pattern[0];
      bool any_prefix = false;
      for (size_t k = 0; k < first.words.size(); ++k) {
        if (first.prefix[k])
          any_prefix = true;
        else
          trigger_index_[first.words[k]].push_back(idx);
      }
      if (any_prefix) prefix_triggers_.push_back(idx);
    } else if (rec == "cue") {
      if (f.size() < 3) return bad("expected: cue<TAB>CATEGORY<TAB>PATTERN");
      CueRule c;
      c.category = f[1];
      Status st = ParsePattern(f[2], seg, &c.pattern);
      if (!st.ok()) return bad(st.message());
      cues_.push_back(std::move(c));
    } else if (rec == "word") {
      if (f.size() < 3) return bad("expected: word<TAB>CATEGORY<TAB>PHRASE");
      std::vector<Token> toks;
      seg->Tokenize(f[2], 0, &toks);
      if (toks.empty()) return bad("empty phrase");
      words_[f[1]].insert(JoinFolds(toks, 0, toks.size()));
    } else if (rec == "entity") {
      if (f.size() < 3)
        return bad("expected: entity<TAB>KIND<TAB>CANONICAL[<TAB>ALIASES[<TAB>NATION]]");
      GazEntry e;
      if (!ParseKind(f[1], &e.kind)) return bad("unknown entity kind '" + f[1] + "'");
      e.canonical = f[2];
      e.nation = f.size() > 4 ? f[4] : "";
      e.priority = e.kind == EntityKind::kNation ? 0 : e.kind == EntityKind::kPlace ? 2 : 1;
      if (e.kind == EntityKind::kNation) {
        auto it = nations_.find(e.canonical);
        if (it == nations_.end()) return bad("unknown nation '" + e.canonical + "'");
        e = it->second;
      }
      AddGaz(e.canonical, e, seg);
      if (f.size() > 3) {
        for (const std::string& a : SplitBars(f[3])) AddGaz(a, e, seg);
      }
    } else if (rec == "demonym") {
      if (f.size() < 3) return bad("expected: demonym<TAB>DEMONYM<TAB>NATION");
      auto it = nations_.find(f[2]);
      if (it == nations_.end()) return bad("unknown nation '" + f[2] + "'");
      GazEntry e = it->second;
      e.demonym = true;
      e.priority = 1;
      AddGaz(f[1], e, seg);
      if (f[1].back() != 's') AddGaz(f[1] + "s", e, seg);
    } else if (rec == "canonical") {
      if (f.size() < 3) return bad("expected: canonical<TAB>ISO3<TAB>NAME");
      canonical_override_[f[1]] = f[2];
    } else {
      return bad("unknown record '" + rec + "' (trigger, cue, word, entity, demonym, canonical)");
    }
  }
  return Status::OK();
}

Status Lexicon::Load(const ExtractorOptions& options, Segmenter* seg) {
  const std::string dir = options.data_dir + "/extract/";
  PG_RETURN_IF_ERROR(LoadFile(dir + "canonical.tsv", false, seg));
  PG_RETURN_IF_ERROR(LoadIso(options.iso_codes_dir, seg));
  for (const char* name : {"nations.tsv", "lexicon.tsv", "organizations.tsv", "places.tsv",
                           "triggers.tsv", "cues.tsv"}) {
    bool required = std::string(name) == "triggers.tsv" || std::string(name) == "lexicon.tsv";
    PG_RETURN_IF_ERROR(LoadFile(dir + name, required, seg));
  }
  for (const std::string& f : options.rule_files) PG_RETURN_IF_ERROR(LoadFile(f, true, seg));
  // Subdivisions last, skipping common words ("Central", "Capital") and known names.
  for (const auto& [name, nation] : pending_subdivisions_) {
    std::vector<Token> toks;
    seg->Tokenize(name, 0, &toks);
    if (toks.empty()) continue;
    std::string key = JoinFolds(toks, 0, toks.size());
    if (gaz_.count(key) || Has("stop_cap", key) || Has("name_vocab", key) || Has("common", key)) {
      continue;
    }
    GazEntry e;
    e.canonical = name;
    e.kind = EntityKind::kPlace;
    e.nation = nation;
    e.priority = 3;
    AddGaz(name, e, seg);
  }
  pending_subdivisions_.clear();
  return Status::OK();
}

const GazEntry* Lexicon::Lookup(const std::string& key) const {
  auto it = gaz_.find(key);
  return it == gaz_.end() ? nullptr : &it->second;
}

const GazEntry* Lexicon::Nation(const std::string& name) const {
  auto it = nations_.find(name);
  return it == nations_.end() ? nullptr : &it->second;
}

bool Lexicon::Has(const std::string& category, const std::string& phrase) const {
  auto it = words_.find(category);
  return it != words_.end() && it->second.count(phrase) > 0;
}

size_t Lexicon::MatchWords(const std::string& category, const std::vector<Token>& tokens,
                           size_t i) const {
  auto it = words_.find(category);
  if (it == words_.end()) return 0;
  std::string key;
  size_t best = 0;
  for (size_t n = 1; n <= 5 && i + n <= tokens.size(); ++n) {
    if (n > 1) key += ' ';
    key += tokens[i + n - 1].fold;
    if (it->second.count(key)) best = n;
  }
  return best;
}

void Lexicon::TriggersFor(const std::string& fold, std::vector<int>* out) const {
  out->clear();
  if (auto it = trigger_index_.find(fold); it != trigger_index_.end()) *out = it->second;
  for (int idx : prefix_triggers_) {
    if (SlotMatches(triggers_[idx].pattern[0], fold) &&
        std::find(out->begin(), out->end(), idx) == out->end()) {
      out->push_back(idx);
    }
  }
}

}  // namespace pactgraph::extract

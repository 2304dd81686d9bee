// Loading the Lexicon: iso-codes, data/extract/*.tsv and --rules files (formats in lexicon.h
// and docs/extraction.md). Every malformed line is an InvalidArgument naming file:line.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/extract/lexicon.h"

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
  while (!out.empty() && out.back().empty()) out.pop_back();
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

Status Lexicon::LoadRecord(const std::vector<std::string>& f, Segmenter* seg) {
  const std::string& rec = f[0];
  if (rec == "trigger") return AddTrigger(f, seg);
  if (rec == "frame") return AddFrame(f);
  if (rec == "pattern") return AddStructural(f);
  if (rec == "cue") {
    if (f.size() < 3) return Status::InvalidArgument("expected: cue<TAB>CATEGORY<TAB>PATTERN");
    CueRule c;
    c.category = f[1];
    PG_RETURN_IF_ERROR(ParsePattern(f[2], &c.pattern));
    const int idx = static_cast<int>(cues_.size());
    bool prefix = false;
    for (size_t k = 0; k < c.pattern[0].words.size(); ++k) {
      if (c.pattern[0].prefix[k]) {
        prefix = true;
        continue;
      }
      WordInfo& w = Entry(c.pattern[0].words[k]);
      if (w.cue_list < 0) {
        w.cue_list = static_cast<int32_t>(cue_lists_.size());
        cue_lists_.emplace_back();
      }
      cue_lists_[w.cue_list].push_back(idx);
    }
    if (prefix) prefix_cues_.push_back(idx);
    cues_.push_back(std::move(c));
    return Status::OK();
  }
  if (rec == "word") {
    if (f.size() < 3) return Status::InvalidArgument("expected: word<TAB>CLASS<TAB>PHRASE");
    auto it = std::find(kClassNames.begin(), kClassNames.end(), f[1]);
    if (it == kClassNames.end())
      return Status::InvalidArgument("unknown word class '" + f[1] + "'");
    AddClassPhrase(static_cast<WordClass>(it - kClassNames.begin()), f[2], seg);
    return Status::OK();
  }
  if (rec == "entity") {
    if (f.size() < 3) {
      return Status::InvalidArgument("expected: entity<TAB>KIND<TAB>CANONICAL[<TAB>ALIASES...]");
    }
    GazEntry e;
    if (!ParseKind(f[1], &e.kind))
      return Status::InvalidArgument("unknown entity kind '" + f[1] + "'");
    e.canonical = f[2];
    e.nation = f.size() > 4 ? f[4] : "";
    e.state_body = f.size() > 5 && f[5] == "state";
    e.priority = e.kind == EntityKind::kNation ? 0 : e.kind == EntityKind::kPlace ? 2 : 1;
    if (e.kind == EntityKind::kNation) {
      auto it = nations_.find(e.canonical);
      if (it == nations_.end())
        return Status::InvalidArgument("unknown nation '" + e.canonical + "'");
      e = it->second;
    }
    AddGaz(e.canonical, e, seg);
    if (f.size() > 3) {
      for (const std::string& a : SplitList(f[3], '|')) AddGaz(a, e, seg);
    }
    return Status::OK();
  }
  if (rec == "demonym") {
    if (f.size() < 3) return Status::InvalidArgument("expected: demonym<TAB>DEMONYM<TAB>NATION");
    auto it = nations_.find(f[2]);
    if (it == nations_.end()) return Status::InvalidArgument("unknown nation '" + f[2] + "'");
    GazEntry e = it->second;
    e.demonym = true;
    e.priority = 1;
    AddGaz(f[1], e, seg);
    if (f[1].back() != 's' && f[1].back() != 'h' && f[1].back() != 'e') AddGaz(f[1] + "s", e, seg);
    return Status::OK();
  }
  if (rec == "canonical") {
    if (f.size() < 3) return Status::InvalidArgument("expected: canonical<TAB>ISO3<TAB>NAME");
    canonical_override_[f[1]] = f[2];
    return Status::OK();
  }
  return Status::InvalidArgument(
      "unknown record '" + rec +
      "' (word, entity, demonym, canonical, trigger, frame, pattern, cue)");
}

Status Lexicon::LoadFile(const std::string& path, bool required, Segmenter* seg) {
  std::ifstream in(path);
  if (!in) return required ? Status::NotFound("cannot read rule file " + path) : Status::OK();
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    if (f.empty()) continue;
    std::string base = path.substr(path.find_last_of('/') + 1);
    current_where_ = base + ":" + std::to_string(line_no);
    Status st = LoadRecord(f, seg);
    if (!st.ok()) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ":1: " + st.message());
    }
  }
  return Status::OK();
}

void Lexicon::AddClassPhrase(WordClass c, const std::string& phrase, Segmenter* seg) {
  std::vector<Token> toks;
  seg->Tokenize(phrase, 0, &toks);
  if (toks.empty()) return;
  if (toks.size() == 1) {
    Entry(toks[0].fold).classes |= ClassBit(c);
    return;
  }
  class_phrases_[JoinFolds(toks, 0, toks.size())] |= ClassBit(c);
  NotePhrase(toks[0].fold, toks.size());
  WordInfo& w = Entry(toks[0].fold);
  w.class_phrase_len = static_cast<uint8_t>(std::max<size_t>(w.class_phrase_len, toks.size()));
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
  NotePhrase(toks[0].fold, toks.size());
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
    if (auto it = canonical_override_.find(a3); it != canonical_override_.end())
      canonical = it->second;
    GazEntry e;
    e.canonical = canonical;
    e.kind = EntityKind::kNation;
    e.iso3 = a3;
    nations_[canonical] = e;
    nation_by_alpha2_[a2] = canonical;
    std::vector<std::string> names = {canonical, name};
    if (c.contains("official_name")) names.push_back(c["official_name"]);
    if (c.contains("common_name")) names.push_back(c["common_name"]);
    for (const std::string& n : names) {
      AddGaz(n, e, seg);
      size_t comma = n.find(", ");  // "Korea, Republic of" -> "Republic of Korea"
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
    if (it != nation_by_alpha2_.end()) pending_subdivisions_.emplace_back(name, it->second);
  }
  return Status::OK();
}

Status Lexicon::Load(const ExtractorOptions& options, Segmenter* seg) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  LoadWordNet();
  const std::string dir = options.data_dir + "/extract/";
  PG_RETURN_IF_ERROR(LoadFile(dir + "canonical.tsv", false, seg));
  PG_RETURN_IF_ERROR(LoadIso(options.iso_codes_dir, seg));
  for (const char* name : {"lexicon.tsv", "nations.tsv", "organizations.tsv", "places.tsv",
                           "frames.tsv", "triggers.tsv", "patterns.tsv", "cues.tsv"}) {
    bool required = std::string(name) == "triggers.tsv" || std::string(name) == "lexicon.tsv" ||
                    std::string(name) == "frames.tsv";
    PG_RETURN_IF_ERROR(LoadFile(dir + name, required, seg));
  }
  for (const std::string& f : options.rule_files) PG_RETURN_IF_ERROR(LoadFile(f, true, seg));
  // Regular demonyms not in the tables: "Saudi Arabia" -> "Saudi Arabian", "Kenya" -> "Kenyan".
  for (const auto& [name, entry] : nations_) {
    if (name.size() < 4 || name.back() != 'a') continue;
    std::vector<Token> toks;
    seg->Tokenize(name + "n", 0, &toks);
    if (toks.empty() || gaz_.count(JoinFolds(toks, 0, toks.size()))) continue;
    GazEntry e = entry;
    e.demonym = true;
    e.priority = 1;
    AddGaz(name + "n", e, seg);
  }
  // Subdivisions last, skipping common words ("Central", "Capital") and names already known.
  for (const auto& [name, nation] : pending_subdivisions_) {
    std::vector<Token> toks;
    seg->Tokenize(name, 0, &toks);
    if (toks.empty()) continue;
    std::string key = JoinFolds(toks, 0, toks.size());
    if (gaz_.count(key)) continue;
    if (toks.size() == 1) {
      auto it = words_.find(key);
      if (it != words_.end() && (it->second.pos != 0 || it->second.classes != 0)) continue;
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

}  // namespace pactgraph::extract

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

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, sep)) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

bool ParseKind(const std::string& s, EntityKind* kind) {
  static const std::pair<const char*, EntityKind> kKinds[] = {
      {"nation", EntityKind::kNation},   {"organization", EntityKind::kOrganization},
      {"program", EntityKind::kProgram}, {"person", EntityKind::kPerson},
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

const char* const kTypes[] = {"mou",    "agreement", "cooperation", "launch",
                              "runs",   "fund",      "invest",      "support",
                              "visit",  "meet",      "member_of",   "based_in"};

bool KnownType(const std::string& t) {
  return std::find(std::begin(kTypes), std::end(kTypes), t) != std::end(kTypes);
}

Status ParsePattern(const std::string& text, Pattern* out) {
  out->clear();
  std::stringstream ss(text);
  std::string slot_text;
  while (ss >> slot_text) {
    PatternSlot slot;
    for (const std::string& alt : Split(slot_text, '|')) {
      bool prefix = alt.size() > 1 && alt.back() == '*';
      slot.words.push_back(Fold(prefix ? alt.substr(0, alt.size() - 1) : alt));
      slot.prefix.push_back(prefix);
    }
    if (slot.words.empty()) return Status::InvalidArgument("empty alternative");
    out->push_back(std::move(slot));
  }
  if (out->empty()) return Status::InvalidArgument("empty pattern");
  return Status::OK();
}

bool ParseSlots(const std::string& list, std::vector<SlotRef>* out) {
  static const std::pair<const char*, Slot> kSlots[] = {
      {"subj", Slot::kSubj},     {"obj", Slot::kObj},       {"agent", Slot::kAgent},
      {"poss", Slot::kPoss},     {"premod", Slot::kPremod}, {"between", Slot::kBetween}};
  for (const std::string& name : Split(list, ',')) {
    SlotRef ref;
    ref.slot = Slot::kPrep;
    for (const auto& [n, s] : kSlots) {
      if (name == n) ref.slot = s;
    }
    if (ref.slot == Slot::kPrep) {
      for (char c : name) {
        if (c < 'a' || c > 'z') return false;
      }
      ref.prep = name;
    }
    out->push_back(ref);
  }
  return !out->empty();
}

bool ParseMentionClass(const std::string& s, uint16_t* out) {
  static const std::pair<const char*, uint16_t> kNames[] = {
      {"NATION", kMentionNation},
      {"PLACE", kMentionPlace},
      {"WHERE", kMentionNation | kMentionPlace},
      {"ORG", kMentionOrg},
      {"PROG", kMentionProgram},
      {"ACTOR", kMentionNation | kMentionOrg},
      {"DEMONYM", kMentionDemonym},
      {"PERSON", kMentionPerson},
      {"OWNER", kMentionOwner},
      {"NATIONMOD", kMentionNationMod},
      {"ANY", kMentionAny}};
  for (const auto& [n, bits] : kNames) {
    if (s == n) {
      *out = bits;
      return true;
    }
  }
  return false;
}

}  // namespace

Status Lexicon::AddFrame(const std::vector<std::string>& f) {
  if (f.size() < 4) return Status::InvalidArgument("expected: frame<TAB>NAME<TAB>POS<TAB>ROLES");
  Frame fr;
  fr.name = f[1];
  if (f[2] != "noun" && f[2] != "verb") return Status::InvalidArgument("POS is noun or verb");
  fr.noun = f[2] == "noun";
  for (size_t k = 3; k < f.size(); ++k) {
    for (const std::string& item : Split(f[k], ' ')) {
      size_t eq = item.find('=');
      if (eq == std::string::npos) {
        if (item == "document") fr.document = true;
        else if (item == "receive") fr.receive_swaps = true;
        else if (item == "program_target") fr.program_target = true;
        else if (item == "place_target") fr.place_target = true;
        else return Status::InvalidArgument("unknown frame flag '" + item + "'");
        continue;
      }
      std::string role = item.substr(0, eq);
      std::vector<SlotRef>* dst = role == "src" ? &fr.src : role == "dst" ? &fr.dst : nullptr;
      if (dst == nullptr || !ParseSlots(item.substr(eq + 1), dst)) {
        return Status::InvalidArgument("bad roles '" + item + "' (src=SLOTS dst=SLOTS)");
      }
    }
  }
  if (fr.src.empty() || fr.dst.empty()) {
    return Status::InvalidArgument("a frame needs src= and dst=");
  }
  auto it = frame_index_.find(fr.name);
  if (it != frame_index_.end()) {
    frames_[it->second] = fr;  // a later file redefines the frame
  } else {
    frame_index_[fr.name] = static_cast<int>(frames_.size());
    frames_.push_back(std::move(fr));
  }
  return Status::OK();
}

Status Lexicon::AddTrigger(const std::vector<std::string>& f, Segmenter*) {
  if (f.size() < 3) return Status::InvalidArgument("expected: trigger<TAB>TYPE<TAB>PATTERN[<TAB>FRAME]");
  if (!KnownType(f[1])) return Status::InvalidArgument("unknown relation type '" + f[1] + "'");
  TriggerRule r;
  r.type = f[1];
  r.text = f[2];
  r.where = current_where_;
  PG_RETURN_IF_ERROR(ParsePattern(f[2], &r.pattern));
  bool directed = !(r.type == "mou" || r.type == "agreement" || r.type == "cooperation" ||
                    r.type == "meet");
  std::string frame = f.size() > 3 ? f[3] : (directed ? "directed_verb" : "symmetric_verb");
  auto it = frame_index_.find(frame);
  if (it == frame_index_.end()) return Status::InvalidArgument("unknown frame '" + frame + "'");
  r.frame = it->second;
  int idx = static_cast<int>(triggers_.size());
  triggers_.push_back(std::move(r));
  const PatternSlot& first = triggers_.back().pattern[0];
  bool any_prefix = false;
  for (size_t k = 0; k < first.words.size(); ++k) {
    if (first.prefix[k]) {
      any_prefix = true;
      continue;
    }
    WordInfo& w = Entry(first.words[k]);
    if (w.trigger_list < 0) {
      w.trigger_list = static_cast<int32_t>(trigger_lists_.size());
      trigger_lists_.emplace_back();
    }
    trigger_lists_[w.trigger_list].push_back(idx);
  }
  if (any_prefix) prefix_triggers_.push_back(idx);
  return Status::OK();
}

Status Lexicon::AddStructural(const std::vector<std::string>& f) {
  if (f.size() < 5) {
    return Status::InvalidArgument("expected: pattern<TAB>NAME<TAB>TYPE<TAB>ELEMENTS<TAB>ROLES");
  }
  if (!KnownType(f[2])) return Status::InvalidArgument("unknown relation type '" + f[2] + "'");
  StructuralRule r;
  r.name = f[1];
  r.type = f[2];
  r.where = current_where_;
  int mentions = 0;
  for (std::string e : Split(f[3], ' ')) {
    PatternElement el;
    if (e.size() > 1 && e.back() == '?') {
      el.optional = true;
      e.pop_back();
    }
    if (e[0] == '@') {
      el.kind = PatternElement::kClass;
      bool repeat = e.back() == '*';
      if (repeat) e.pop_back();
      el.repeat = repeat;
      std::string cls = e.substr(1);
      if (cls == "mod" || cls == "lower") {
        el.kind = PatternElement::kAnyLower;
        el.word_class = cls == "mod" ? kAdverb : kDet;  // kAdverb marks "@mod"
      } else {
        auto it = std::find(kClassNames.begin(), kClassNames.end(), cls);
        if (it == kClassNames.end()) return Status::InvalidArgument("unknown class @" + cls);
        el.word_class = static_cast<WordClass>(it - kClassNames.begin());
      }
    } else if (ParseMentionClass(e, &el.mention)) {
      el.kind = PatternElement::kMention;
      ++mentions;
    } else {
      Pattern p;
      PG_RETURN_IF_ERROR(ParsePattern(e, &p));
      el.words = p[0];
    }
    r.elements.push_back(std::move(el));
  }
  for (const std::string& role : Split(f[4], ' ')) {
    size_t eq = role.find('=');
    int n = eq == std::string::npos ? 0 : std::atoi(role.c_str() + eq + 1);
    if (n < 1 || n > mentions) return Status::InvalidArgument("bad role '" + role + "'");
    if (role.compare(0, eq, "src") == 0) r.src = n;
    else if (role.compare(0, eq, "dst") == 0) r.dst = n;
    else return Status::InvalidArgument("bad role '" + role + "' (src=N dst=M)");
  }
  if (r.src == 0 || r.dst == 0 || r.elements.empty() ||
      r.elements[0].kind == PatternElement::kClass || r.elements[0].optional) {
    return Status::InvalidArgument("a pattern needs src= and dst= and a fixed first element");
  }
  structural_.push_back(std::move(r));
  return Status::OK();
}

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
    if (it == kClassNames.end()) return Status::InvalidArgument("unknown word class '" + f[1] + "'");
    AddClassPhrase(static_cast<WordClass>(it - kClassNames.begin()), f[2], seg);
    return Status::OK();
  }
  if (rec == "entity") {
    if (f.size() < 3) {
      return Status::InvalidArgument("expected: entity<TAB>KIND<TAB>CANONICAL[<TAB>ALIASES...]");
    }
    GazEntry e;
    if (!ParseKind(f[1], &e.kind)) return Status::InvalidArgument("unknown entity kind '" + f[1] + "'");
    e.canonical = f[2];
    e.nation = f.size() > 4 ? f[4] : "";
    e.state_body = f.size() > 5 && f[5] == "state";
    e.priority = e.kind == EntityKind::kNation ? 0 : e.kind == EntityKind::kPlace ? 2 : 1;
    if (e.kind == EntityKind::kNation) {
      auto it = nations_.find(e.canonical);
      if (it == nations_.end()) return Status::InvalidArgument("unknown nation '" + e.canonical + "'");
      e = it->second;
    }
    AddGaz(e.canonical, e, seg);
    if (f.size() > 3) {
      for (const std::string& a : Split(f[3], '|')) AddGaz(a, e, seg);
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
  return Status::InvalidArgument("unknown record '" + rec +
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
    if (auto it = canonical_override_.find(a3); it != canonical_override_.end()) canonical = it->second;
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

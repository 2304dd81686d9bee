// Rule records: parsing the trigger, frame and structural-pattern lines of the rule files
// (formats in lexicon.h and data/extract/*.tsv). Every malformed field is an InvalidArgument
// that the loader (rules.cpp) turns into file:line.
#include <algorithm>
#include <sstream>

#include "engine/extract/lexicon.h"

namespace pactgraph::extract {

std::vector<std::string> SplitList(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, sep)) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

Status ParsePattern(const std::string& text, Pattern* out) {
  out->clear();
  std::stringstream ss(text);
  std::string slot_text;
  while (ss >> slot_text) {
    PatternSlot slot;
    for (const std::string& alt : SplitList(slot_text, '|')) {
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

namespace {

const char* const kTypes[] = {"mou",   "agreement", "cooperation", "launch",
                              "runs",  "fund",      "invest",      "support",
                              "visit", "meet",      "member_of",   "based_in"};

bool KnownType(const std::string& t) {
  return std::find(std::begin(kTypes), std::end(kTypes), t) != std::end(kTypes);
}

bool ParseSlots(const std::string& list, std::vector<SlotRef>* out) {
  static const std::pair<const char*, Slot> kSlots[] = {
      {"subj", Slot::kSubj}, {"obj", Slot::kObj},       {"agent", Slot::kAgent},
      {"poss", Slot::kPoss}, {"premod", Slot::kPremod}, {"between", Slot::kBetween}};
  for (const std::string& name : SplitList(list, ',')) {
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
    for (const std::string& item : SplitList(f[k], ' ')) {
      size_t eq = item.find('=');
      if (eq == std::string::npos) {
        if (item == "document")
          fr.document = true;
        else if (item == "receive")
          fr.receive_swaps = true;
        else if (item == "program_target")
          fr.program_target = true;
        else if (item == "place_target")
          fr.place_target = true;
        else
          return Status::InvalidArgument("unknown frame flag '" + item + "'");
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
  if (f.size() < 3)
    return Status::InvalidArgument("expected: trigger<TAB>TYPE<TAB>PATTERN[<TAB>FRAME]");
  if (!KnownType(f[1])) return Status::InvalidArgument("unknown relation type '" + f[1] + "'");
  TriggerRule r;
  r.type = f[1];
  r.text = f[2];
  r.where = current_where_;
  PG_RETURN_IF_ERROR(ParsePattern(f[2], &r.pattern));
  bool directed =
      !(r.type == "mou" || r.type == "agreement" || r.type == "cooperation" || r.type == "meet");
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
  for (std::string e : SplitList(f[3], ' ')) {
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
  for (const std::string& role : SplitList(f[4], ' ')) {
    size_t eq = role.find('=');
    int n = eq == std::string::npos ? 0 : std::atoi(role.c_str() + eq + 1);
    if (n < 1 || n > mentions) return Status::InvalidArgument("bad role '" + role + "'");
    if (role.compare(0, eq, "src") == 0)
      r.src = n;
    else if (role.compare(0, eq, "dst") == 0)
      r.dst = n;
    else
      return Status::InvalidArgument("bad role '" + role + "' (src=N dst=M)");
  }
  if (r.src == 0 || r.dst == 0 || r.elements.empty() ||
      r.elements[0].kind == PatternElement::kClass || r.elements[0].optional) {
    return Status::InvalidArgument("a pattern needs src= and dst= and a fixed first element");
  }
  structural_.push_back(std::move(r));
  return Status::OK();
}

}  // namespace pactgraph::extract

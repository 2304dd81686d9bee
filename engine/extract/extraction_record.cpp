// Extraction records (pactgraph/extraction_record.h): writing, parsing and checking them.
#include "engine/extract/extraction_record.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "engine/extract/sha256.h"
#include "engine/extract/text.h"

namespace pactgraph::extract {

namespace {

using nlohmann::json;

json SpanJson(const Span& s) { return json::array({s.begin, s.end}); }

json RelationJson(const ExtractedRelation& r) {
  return {{"source", r.source},
          {"type", r.type},
          {"target", r.target},
          {"modality", r.modality},
          {"negated", r.negated},
          {"directed", r.directed},
          {"sentence", r.sentence},
          {"sentence_span", SpanJson(r.sentence_span)},
          {"date", r.date},
          {"trigger", r.trigger},
          {"evidence_count", r.evidence_count},
          {"rule", r.rule},
          {"trigger_span", SpanJson(r.trigger_span)},
          {"source_span", SpanJson(r.source_span)},
          {"target_span", SpanJson(r.target_span)}};
}

// Field readers: each throws Bad with the field's path on a wrong type.
struct Bad {
  std::string message;
};

const json& Field(const json& j, const char* key, const std::string& where) {
  auto it = j.find(key);
  if (it == j.end()) throw Bad{where + "." + key + " is missing"};
  return *it;
}

std::string String(const json& j, const char* key, const std::string& where, bool required) {
  auto it = j.find(key);
  if (it == j.end()) {
    if (required) throw Bad{where + "." + key + " is missing"};
    return "";
  }
  if (!it->is_string()) throw Bad{where + "." + key + " is not a string"};
  return it->get<std::string>();
}

bool Bool(const json& j, const char* key, const std::string& where, bool def) {
  auto it = j.find(key);
  if (it == j.end()) return def;
  if (!it->is_boolean()) throw Bad{where + "." + key + " is not true or false"};
  return it->get<bool>();
}

Span SpanOf(const json& j, const char* key, const std::string& where, size_t text_size) {
  auto it = j.find(key);
  if (it == j.end()) return Span();
  if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_unsigned() ||
      !(*it)[1].is_number_unsigned()) {
    throw Bad{where + "." + key + " is not a [begin, end] pair of byte offsets"};
  }
  const uint64_t b = (*it)[0].get<uint64_t>(), e = (*it)[1].get<uint64_t>();
  if (b > e || e > text_size) {
    throw Bad{where + "." + key + " [" + std::to_string(b) + ", " + std::to_string(e) +
              "] lies outside the article text of " + std::to_string(text_size) + " bytes"};
  }
  return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

EntityKind KindOf(const std::string& name, const std::string& where) {
  for (EntityKind k : {EntityKind::kNation, EntityKind::kOrganization, EntityKind::kProgram,
                       EntityKind::kPerson, EntityKind::kPlace}) {
    if (name == EntityKindName(k)) return k;
  }
  throw Bad{where + ".kind '" + name + "' is not nation, organization, program, person or place"};
}

ExtractedRelation RelationOf(const json& j, const std::string& where, size_t n) {
  if (!j.is_object()) throw Bad{where + " is not an object"};
  ExtractedRelation r;
  r.source = String(j, "source", where, true);
  r.type = String(j, "type", where, true);
  r.target = String(j, "target", where, true);
  r.modality = String(j, "modality", where, false);
  r.negated = Bool(j, "negated", where, false);
  r.directed = Bool(j, "directed", where, true);
  r.sentence = String(j, "sentence", where, false);
  r.sentence_span = SpanOf(j, "sentence_span", where, n);
  r.date = String(j, "date", where, false);
  r.trigger = String(j, "trigger", where, false);
  if (auto it = j.find("evidence_count"); it != j.end()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > INT32_MAX) {
      throw Bad{where + ".evidence_count is not a count"};
    }
    r.evidence_count = it->get<int>();
  }
  r.rule = String(j, "rule", where, false);
  r.trigger_span = SpanOf(j, "trigger_span", where, n);
  r.source_span = SpanOf(j, "source_span", where, n);
  r.target_span = SpanOf(j, "target_span", where, n);
  return r;
}

const json& ArrayField(const json& j, const char* key) {
  static const json kEmpty = json::array();
  auto it = j.find(key);
  if (it == j.end()) return kEmpty;
  if (!it->is_array()) throw Bad{std::string(key) + " is not an array"};
  return *it;
}

}  // namespace

void ForEachRecordLine(std::istream& in, const RecordLineFn& fn) {
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const bool terminated = !in.eof();
    if (!fn(line_no, line, terminated)) return;
  }
}

uint64_t CheckRecordStream(const std::string& path, std::istream& in,
                           std::vector<InputProblem>* problems) {
  uint64_t good = 0;
  int bad = 0;
  ForEachRecordLine(in, [&](uint64_t line_no, std::string_view line, bool terminated) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) return true;
    Article a;
    Extraction x;
    Status st = ParseExtractionRecord(line, &a, &x);
    if (st.ok() && !terminated) {
      st = Status::InvalidArgument("the last record has no newline (a truncated file?)");
    }
    if (st.ok()) {
      ++good;
      return true;
    }
    problems->push_back({path, RecordPlace(path, line_no, st) + ", nothing stored"});
    return ++bad < 20;  // enough to show what is wrong
  });
  return good;
}

std::string RecordPlace(const std::string& path, uint64_t line_no, const Status& st) {
  std::string msg = st.message();
  std::string where = path + ":" + std::to_string(line_no);
  if (msg.rfind("col ", 0) == 0) {
    const size_t colon = msg.find(':');
    where += ":" + msg.substr(4, colon - 4);
    msg = msg.substr(colon + 2);
  }
  return where + ": " + msg;
}

}  // namespace pactgraph::extract

namespace pactgraph {

using namespace extract;  // NOLINT(google-build-using-namespace): this file's helpers

std::string ExtractionRecord(const Article& a, const Extraction& x) {
  json ents = json::array();
  for (const auto& e : x.entities) {
    json m = json::array();
    for (const auto& s : e.mentions) m.push_back(SpanJson(s));
    ents.push_back({{"canonical", e.canonical},
                    {"kind", EntityKindName(e.kind)},
                    {"aliases", e.aliases},
                    {"iso_alpha3", e.iso_alpha3},
                    {"nation", e.nation},
                    {"affiliation", e.affiliation},
                    {"mentions", m}});
  }
  json rels = json::array(), ev = json::array();
  for (const auto& r : x.relations) rels.push_back(RelationJson(r));
  for (const auto& r : x.evidence) ev.push_back(RelationJson(r));
  json record = {{"pactgraph", "extraction"},
                 {"version", kExtractionRecordVersion},
                 {"article",
                  {{"file", a.file},
                   {"title", a.title},
                   {"date", a.date},
                   {"source", a.source},
                   {"text", a.text},
                   {"content_hash", Sha256Hex(a.text)}}},
                 {"entities", ents},
                 {"relations", rels},
                 {"evidence", ev},
                 {"warnings", x.warnings}};
  return record.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status ParseExtractionRecord(std::string_view line, Article* article, Extraction* extraction) {
  json j;
  try {
    j = json::parse(line.begin(), line.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    const size_t cut = what.find("parse error");
    if (cut != std::string::npos) what = what.substr(cut);
    return Status::InvalidArgument("col " + std::to_string(e.byte == 0 ? 1 : e.byte) +
                                   ": not a JSON record (" + what + ")");
  }
  try {
    if (!j.is_object()) throw Bad{"the record is not a JSON object"};
    if (String(j, "pactgraph", "record", true) != "extraction") {
      throw Bad{"record.pactgraph is not \"extraction\""};
    }
    const json& version = Field(j, "version", "record");
    if (!version.is_number_integer() || version.get<int64_t>() != kExtractionRecordVersion) {
      throw Bad{"record of format version " + version.dump() + "; this pactgraph reads version " +
                std::to_string(kExtractionRecordVersion)};
    }
    const json& aj = Field(j, "article", "record");
    if (!aj.is_object()) throw Bad{"article is not an object"};
    Article a;
    a.file = String(aj, "file", "article", false);
    a.title = String(aj, "title", "article", false);
    a.date = String(aj, "date", "article", false);
    a.source = String(aj, "source", "article", false);
    a.text = String(aj, "text", "article", true);
    if (a.text.empty()) throw Bad{"article.text is empty"};
    if (FindInvalidUtf8(a.text) >= 0) throw Bad{"article.text is not valid UTF-8"};
    const std::string hash = String(aj, "content_hash", "article", false);
    if (!hash.empty() && hash != Sha256Hex(a.text)) {
      throw Bad{"article.content_hash does not match article.text (the record was changed)"};
    }
    Extraction x;
    const size_t n = a.text.size();
    const json& ents = ArrayField(j, "entities");
    for (size_t i = 0; i < ents.size(); ++i) {
      const std::string where = "entities[" + std::to_string(i) + "]";
      const json& ej = ents[i];
      if (!ej.is_object()) throw Bad{where + " is not an object"};
      ExtractedEntity e;
      e.canonical = String(ej, "canonical", where, true);
      e.kind = KindOf(String(ej, "kind", where, true), where);
      if (auto it = ej.find("aliases"); it != ej.end()) {
        if (!it->is_array()) throw Bad{where + ".aliases is not an array"};
        for (const json& s : *it) {
          if (!s.is_string()) throw Bad{where + ".aliases holds a non-string"};
          e.aliases.push_back(s.get<std::string>());
        }
      }
      e.iso_alpha3 = String(ej, "iso_alpha3", where, false);
      e.nation = String(ej, "nation", where, false);
      e.affiliation = String(ej, "affiliation", where, false);
      if (auto it = ej.find("mentions"); it != ej.end()) {
        if (!it->is_array()) throw Bad{where + ".mentions is not an array"};
        for (size_t k = 0; k < it->size(); ++k) {
          json wrap = {{"m", (*it)[k]}};
          e.mentions.push_back(
              SpanOf(wrap, "m", where + ".mentions[" + std::to_string(k) + "]", n));
        }
      }
      x.entities.push_back(std::move(e));
    }
    const json& rels = ArrayField(j, "relations");
    for (size_t i = 0; i < rels.size(); ++i) {
      x.relations.push_back(RelationOf(rels[i], "relations[" + std::to_string(i) + "]", n));
    }
    const json& ev = ArrayField(j, "evidence");
    for (size_t i = 0; i < ev.size(); ++i) {
      x.evidence.push_back(RelationOf(ev[i], "evidence[" + std::to_string(i) + "]", n));
    }
    const json& warnings = ArrayField(j, "warnings");
    for (const json& w : warnings) {
      if (!w.is_string()) throw Bad{"warnings holds a non-string"};
      x.warnings.push_back(w.get<std::string>());
    }
    *article = std::move(a);
    *extraction = std::move(x);
  } catch (const Bad& b) {
    return Status::InvalidArgument(b.message);
  }
  return Status::OK();
}

uint64_t CheckExtractionRecords(const std::vector<std::string>& files,
                                std::vector<InputProblem>* problems) {
  uint64_t good = 0;
  for (const std::string& path : files) {
    std::ifstream file;
    std::error_code ec;
    if (path != "-" && std::filesystem::is_directory(path, ec)) {
      problems->push_back(
          {path, path + ": is a directory; give the record files (extract --format jsonl)"});
      continue;
    }
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        problems->push_back({path, path + ": cannot open"});
        continue;
      }
    }
    good += CheckRecordStream(path, path == "-" ? std::cin : file, problems);
  }
  return good;
}

}  // namespace pactgraph

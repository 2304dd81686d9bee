// Helpers for the extraction tests: the project's sample articles, inline texts and lookups.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "engine/extract/article.h"
#include "engine/extract/extract.h"
#include "tests/test_util.h"

namespace pactgraph::extract::testing {

inline std::string DataDir() { return std::string(PACTGRAPH_SOURCE_DIR) + "/data"; }
inline std::string SampleArticle(const std::string& name) {
  return DataDir() + "/articles/" + name;
}

inline const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    ExtractorOptions o;
    o.data_dir = DataDir();
    o.trace = true;
    auto r = Extractor::Create(o);
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return *ex;
}

inline Extraction ExtractText(const std::string& body, const std::string& date = "") {
  Article a;
  a.file = "inline.txt";
  a.text = body;
  a.date = date;
  Extraction x;
  REQUIRE(SharedExtractor().Extract(a, &x).ok());
  return x;
}

inline Extraction ExtractSample(const std::string& name, Article* article = nullptr) {
  Article a;
  std::string path = SampleArticle(name);
  Status st = ParseArticleText(path, pactgraph::testing::ReadFile(path), &a);
  REQUIRE(st.ok());
  Extraction x;
  REQUIRE(SharedExtractor().Extract(a, &x).ok());
  if (article) *article = a;
  return x;
}

// The asserted relation (source, type, target), either order for undirected types; null if none.
inline const ExtractedRelation* FindRel(const Extraction& x, const std::string& s,
                                        const std::string& type, const std::string& t) {
  for (const auto& r : x.relations) {
    if (r.negated || r.type != type) continue;
    if ((r.source == s && r.target == t) || (!r.directed && r.source == t && r.target == s)) {
      return &r;
    }
  }
  return nullptr;
}

inline const ExtractedEntity* FindEntity(const Extraction& x, const std::string& canonical) {
  for (const auto& e : x.entities) {
    if (e.canonical == canonical) return &e;
  }
  return nullptr;
}

// True when `canonical` is an entity of `kind`.
inline bool IsEntity(const Extraction& x, const std::string& canonical, EntityKind kind) {
  const ExtractedEntity* e = FindEntity(x, canonical);
  return e != nullptr && e->kind == kind;
}

// Number of asserted relations of `type`.
inline size_t CountType(const Extraction& x, const std::string& type) {
  size_t n = 0;
  for (const auto& r : x.relations) n += !r.negated && r.type == type;
  return n;
}

// Everything extracted, for INFO() when a check fails.
inline std::string Dump(const Extraction& x) {
  std::string s;
  for (const auto& e : x.entities)
    s += std::string(EntityKindName(e.kind)) + ":" + e.canonical + "; ";
  s += "\n";
  for (const auto& r : x.relations) {
    s += r.source + " -" + r.type + (r.negated ? "!" : "") + "/" + r.modality + "-> " + r.target +
         "   [" + r.rule + "]\n";
  }
  for (const auto& t : x.trace) s += "  rejected: " + t + "\n";
  return s;
}

}  // namespace pactgraph::extract::testing

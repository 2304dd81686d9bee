// storage/format.h — on-disk constants: column families, meta keys, the format version.
// See key_codec.h for the key layout of each column family and docs/storage.md for the whole.
#pragma once

#include <cstdint>

namespace pactgraph::storage {

// Bump when any key or value layout changes; Open refuses other versions.
constexpr uint64_t kFormatVersion = 1;
constexpr char kMagic[] = "pactgraph";

enum Cf : int {
  kCfMeta = 0,
  kCfDict,
  kCfNodes,
  kCfRels,
  kCfAdj,
  kCfLabels,
  kCfNames,
  kCfArticles,
  kCfHashes,
  kCfEvidence,
  kNumCf,
};

// Index 0 is RocksDB's "default" column family, used for meta.
constexpr const char* kColumnFamilyNames[kNumCf] = {
    "default", "dict", "nodes", "rels", "adj", "labels", "names", "articles", "hashes", "evidence"};

// Meta keys (values are u64 big-endian unless noted).
constexpr char kMetaMagic[] = "magic";  // the string kMagic
constexpr char kMetaFormatVersion[] = "format_version";
constexpr char kMetaNextNode[] = "next_node";
constexpr char kMetaNextRel[] = "next_rel";
constexpr char kMetaNextArticle[] = "next_article";
constexpr char kMetaNextEvidence[] = "next_evidence";
// "<UTC time> <sequence>" of each open that recovered from a damaged log, newline-separated.
constexpr char kMetaRecoveries[] = "recoveries";
constexpr char kMetaCountNodes[] = "count_nodes";
constexpr char kMetaCountRels[] = "count_rels";
constexpr char kMetaCountArticles[] = "count_articles";
constexpr char kMetaCountEvidence[] = "count_evidence";

// Bulk imports stage SST files in a directory of this name inside the database directory;
// leftovers from a crash are removed at open.
constexpr char kImportStagingPrefix[] = "import-staging-";

}  // namespace pactgraph::storage

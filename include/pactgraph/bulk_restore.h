// pactgraph/bulk_restore.h — what a BulkLoader needs beyond graph.h to restore a dump
// (pactgraph/dump.h): keeping the dump's ids, and storing articles and evidence.
//
// The database's bulk loader implements it: `dynamic_cast<BulkRestore*>(loader.get())`.
#pragma once

#include <cstdint>

#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/status.h"

namespace pactgraph {

class PACTGRAPH_EXPORT BulkRestore {
 public:
  virtual ~BulkRestore() = default;
  // Raises the id allocators so that the next AddNode / AddRelationship / AddArticle returns
  // at least these ids; the ids skipped stay unused, as after deletions. A value at or below
  // the allocator's changes nothing.
  virtual Status AdvanceIds(NodeId next_node, RelId next_rel, ArticleId next_article) = 0;
  // An article (its id is the next article id; `article.id` is ignored) and evidence, stored
  // with the rest at Finish. InvalidArgument for a content hash already stored or loaded, and
  // for evidence naming a relationship or article that is neither stored nor loaded.
  virtual Result<ArticleId> AddArticle(const Article& article) = 0;
  virtual Status AddEvidence(const Evidence& evidence) = 0;
};

}  // namespace pactgraph

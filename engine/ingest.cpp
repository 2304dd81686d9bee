// The ingestion loop of the public API (pactgraph/ingest.h): read -> extract -> store, one
// transaction per article. The steps themselves live in engine/extract.
#include "pactgraph/ingest.h"

#include "engine/ingest_internal.h"
#include "engine/io/input_file.h"
#include "pactgraph/news_formats.h"

namespace pactgraph {

IngestStats IngestDelta(const IngestStats& after, const IngestStats& before) {
  IngestStats d;
  d.articles_added = after.articles_added - before.articles_added;
  d.articles_skipped = after.articles_skipped - before.articles_skipped;
  d.nodes_added = after.nodes_added - before.nodes_added;
  d.nodes_merged = after.nodes_merged - before.nodes_merged;
  d.relationships_added = after.relationships_added - before.relationships_added;
  d.relationships_merged = after.relationships_merged - before.relationships_merged;
  d.evidence_added = after.evidence_added - before.evidence_added;
  return d;
}

namespace {

// One article: extract, store, report. A fault of the article becomes a problem; any other
// error is returned.
Status IngestOne(Database* db, const Extractor& extractor, const Article& article,
                 const IngestOptions& options, IngestSummary* summary) {
  Extraction x;
  Status st = extractor.Extract(article, &x);
  const IngestStats before = summary->stats;
  if (st.ok()) st = IngestArticle(db, article, x, &summary->stats);
  if (st.ok()) {
    if (options.on_article) {
      const IngestStats delta = IngestDelta(summary->stats, before);
      options.on_article(article, delta.articles_added > 0, delta);
    }
  } else if (st.code() == Status::Code::kInvalidArgument) {
    // The article, not the database, is at fault: report it and go on.
    summary->problems.push_back({article.file, article.file + ": " + st.ToString()});
  } else {
    return st.WithContext(article.file);
  }
  return Status::OK();
}

Status Prepare(Database* db, const IngestOptions& options, std::unique_ptr<Extractor>* own,
               const Extractor** extractor) {
  // Refused up front: BeginWrite's InvalidArgument would otherwise read as a fault of each
  // article (a problem per article, nothing stored, and an ok status).
  if (db->read_only()) {
    return Status::InvalidArgument("the database at " + db->path() +
                                   " is open read-only; nothing can be ingested");
  }
  *extractor = options.extractor;
  if (*extractor == nullptr) {
    PG_ASSIGN_OR_RETURN(*own, Extractor::Create(options.rules));
    *extractor = own->get();
  }
  return Status::OK();
}

}  // namespace

Status CheckArticlePaths(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    if (p == "-") continue;
    std::string kind = io::NonRegularKind(p);
    if (!kind.empty() && kind != "a directory") {
      return Status::InvalidArgument(p + ": is " + kind +
                                     ", not a regular file or directory (give - to read "
                                     "standard input)");
    }
  }
  return Status::OK();
}

Status IngestArticles(Database* db, const std::vector<Article>& articles,
                      const IngestOptions& options, IngestSummary* summary) {
  std::unique_ptr<Extractor> own;
  const Extractor* extractor = nullptr;
  PG_RETURN_IF_ERROR(Prepare(db, options, &own, &extractor));
  summary->articles_read += articles.size();
  for (size_t i = 0; i < articles.size(); ++i) {
    if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
      return Status::Cancelled("ingestion cancelled after " + std::to_string(i) + " of " +
                               std::to_string(articles.size()) + " articles");
    }
    PG_RETURN_IF_ERROR(IngestOne(db, *extractor, articles[i], options, summary));
    if (options.progress) options.progress(i + 1, articles.size());
  }
  return Status::OK();
}

// Streamed: each article is stored as soon as it is read (a feed of 100k items is never held
// whole). Progress counts articles against those read so far.
Status Ingest(Database* db, const std::vector<std::string>& paths, const IngestOptions& options,
              IngestSummary* summary) {
  // Refused before anything is read: nothing is stored.
  PG_RETURN_IF_ERROR(CheckArticlePaths(paths));
  std::unique_ptr<Extractor> own;
  const Extractor* extractor = nullptr;
  PG_RETURN_IF_ERROR(Prepare(db, options, &own, &extractor));
  Status result;
  uint64_t done = 0;
  ForEachArticle(
      paths, options.read,
      [&](Article&& article) {
        if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
          result =
              Status::Cancelled("ingestion cancelled after " + std::to_string(done) + " articles");
          return false;
        }
        ++summary->articles_read;
        result = IngestOne(db, *extractor, article, options, summary);
        if (!result.ok()) return false;
        ++done;
        if (options.progress) options.progress(done, summary->articles_read);
        return true;
      },
      &summary->problems);
  return result;
}

}  // namespace pactgraph

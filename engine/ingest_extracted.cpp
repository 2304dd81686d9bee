// Storing extraction records (pactgraph/extraction_record.h): every record checked first, then
// one transaction per article through the same IngestArticle as direct ingestion.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "engine/extract/extraction_record.h"
#include "engine/ingest_internal.h"
#include "pactgraph/extraction_record.h"

namespace pactgraph {

namespace {

// The records of `path` as a stream; standard input is read once into `stdin_copy` so that
// both passes can read it.
std::unique_ptr<std::istream> OpenRecords(const std::string& path, std::string* stdin_copy,
                                          bool* read_stdin) {
  if (path == "-") {
    if (!*read_stdin) {
      stdin_copy->assign(std::istreambuf_iterator<char>(std::cin),
                         std::istreambuf_iterator<char>());
      *read_stdin = true;
    }
    return std::make_unique<std::istringstream>(*stdin_copy);
  }
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return nullptr;
  return in;
}

Status StoreRecords(Database* db, const std::vector<std::string>& files,
                    const IngestOptions& options, IngestSummary* summary, uint64_t total,
                    std::string* stdin_copy, bool* read_stdin);

}  // namespace

Status IngestExtracted(Database* db, const std::vector<std::string>& files,
                       const IngestOptions& options, IngestSummary* summary) {
  if (db->read_only()) {
    return Status::InvalidArgument("the database at " + db->path() +
                                   " is open read-only; nothing can be ingested");
  }
  std::string stdin_copy;
  bool read_stdin = false;
  // Pass 1: every record of every file, before anything is stored.
  const size_t problems_before = summary->problems.size();
  uint64_t total = 0;
  for (const std::string& path : files) {
    std::error_code ec;
    if (path != "-" && std::filesystem::is_directory(path, ec)) {
      summary->problems.push_back(
          {path, path + ": is a directory; give the record files (extract --format jsonl)"});
      continue;
    }
    auto in = OpenRecords(path, &stdin_copy, &read_stdin);
    if (!in) {
      summary->problems.push_back({path, path + ": cannot open, nothing stored"});
      continue;
    }
    total += extract::CheckRecordStream(path, *in, &summary->problems);
  }
  if (summary->problems.size() > problems_before) {
    return Status::InvalidArgument(std::to_string(summary->problems.size() - problems_before) +
                                   " bad extraction record(s) or file(s); nothing was stored");
  }
  return StoreRecords(db, files, options, summary, total, &stdin_copy, &read_stdin);
}

Status StoreExtracted(Database* db, const std::vector<std::string>& files,
                      const IngestOptions& options, IngestSummary* summary,
                      uint64_t total_records) {
  if (db->read_only()) {
    return Status::InvalidArgument("the database at " + db->path() +
                                   " is open read-only; nothing can be ingested");
  }
  std::string stdin_copy;
  bool read_stdin = false;
  return StoreRecords(db, files, options, summary, total_records, &stdin_copy, &read_stdin);
}

namespace {

Status StoreRecords(Database* db, const std::vector<std::string>& files,
                    const IngestOptions& options, IngestSummary* summary, uint64_t total,
                    std::string* stdin_copy, bool* read_stdin) {
  uint64_t done = 0;
  for (const std::string& path : files) {
    auto in = OpenRecords(path, stdin_copy, read_stdin);
    if (!in) return Status::IOError(path + ": cannot open (it was readable a moment ago)");
    Status result;
    extract::ForEachRecordLine(*in, [&](uint64_t line_no, std::string_view line, bool) {
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) return true;
      if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
        result = Status::Cancelled("ingestion cancelled after " + std::to_string(done) + " of " +
                                   std::to_string(total) + " records");
        return false;
      }
      Article article;
      Extraction x;
      Status st = ParseExtractionRecord(line, &article, &x);
      if (!st.ok()) {
        // Checked in pass 1: only a file changed in between gets here.
        result = Status::InvalidArgument(extract::RecordPlace(path, line_no, st) +
                                         " (the file changed while it was read)");
        return false;
      }
      ++summary->articles_read;
      IngestStats before = summary->stats;
      st = IngestArticle(db, article, x, &summary->stats);
      if (st.ok()) {
        if (options.on_article) {
          const IngestStats d = IngestDelta(summary->stats, before);
          options.on_article(article, d.articles_added > 0, d);
        }
      } else if (st.code() == Status::Code::kInvalidArgument) {
        // As IngestArticles: the article, not the database, is at fault.
        summary->problems.push_back({article.file, article.file + ": " + st.ToString()});
      } else {
        result = st.WithContext(path + ":" + std::to_string(line_no));
        return false;
      }
      ++done;
      if (options.progress) options.progress(done, total);
      return true;
    });
    if (!result.ok()) return result;
  }
  return Status::OK();
}

}  // namespace

}  // namespace pactgraph

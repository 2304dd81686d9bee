// engine/extract/feed_reader.h — RSS and Atom feeds -> articles (pactgraph/news_formats.h),
// streamed from a file or read from memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/news_formats.h"

namespace pactgraph::extract {

struct FeedInput {
  bool file = false;       // stream from `path`, else parse `bytes`
  std::string path;        // the file (messages name it)
  std::string name;        // Article::file is "name#N"
  std::string_view bytes;  // the feed in memory
};

// Checks the whole feed, then gives each item with text to `sink`; problems name the place.
// Returns the articles given.
uint64_t RunFeed(const FeedInput& in, const ReadOptions& options, const ArticleSink& sink,
                 std::vector<InputProblem>* problems);

}  // namespace pactgraph::extract

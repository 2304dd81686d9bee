// pactgraph/news_formats.h — the article formats `ingest` and `extract` read, and a streaming
// reader over them (docs/news-formats.md).
//
// Formats, chosen by extension and, for other names, by sniffing the first bytes:
//   text   — optional "title:", "date:", "source:" header lines, a blank line, the body;
//   jsonl  — ".jsonl", or a first line that is one {...} object (a pipe): one
//            {"title","date","source","text"} object per line;
//   html   — ".html", ".htm", ".xhtml", or a file starting with "<!doctype html" / "<html":
//            parsed with an HTML5 parser (gumbo: malformed markup is repaired the way browsers
//            repair it); title, date and source from the head; the body kept and navigation,
//            footers, link lists, scripts and styles dropped by the text-density rule of
//            ParseHtmlArticle;
//   feed   — ".rss", ".atom", or a file whose root element is <rss>, <feed> or <rdf:RDF>:
//            RSS 2.0 / 1.0 and Atom, streamed with libxml2's reader; each item or entry is one
//            article (title, link as source, date, content or description run through
//            HtmlToText).
// Stored text is the text read: for text and jsonl the file's bytes, for HTML and feeds the
// text the reader kept (evidence offsets are offsets into it).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/export.h"
#include "pactgraph/graph.h"
#include "pactgraph/ingest.h"
#include "pactgraph/status.h"

namespace pactgraph {

enum class ArticleFormat : uint8_t { kText, kJsonLines, kHtml, kFeed };
PACTGRAPH_EXPORT const char* ArticleFormatName(ArticleFormat format);  // "text", "jsonl", …

// The format of the file `path` whose first bytes are `head` (a few hundred bytes suffice).
PACTGRAPH_EXPORT ArticleFormat DetectArticleFormat(const std::string& path, std::string_view head);

// Pages nested deeper than this many elements are refused: an HTML5 tree builder's cost grows
// with the depth of open elements, so a page of nested <div>s would otherwise take hours.
inline constexpr int kMaxHtmlDepth = 512;

// One HTML page -> one article. Title: og:title, else <title>, else the first <h1>. Date
// (ISO, the date part only): article:published_time, else a JSON-LD datePublished, else the
// first <time datetime>, else <meta name="date">. Source: og:url, else <link rel=canonical>.
// Body: the text-density rule of docs/news-formats.md (blocks scored by their words and the
// share of words inside links; boilerplate containers dropped). InvalidArgument naming the
// place for invalid UTF-8, nesting deeper than kMaxHtmlDepth, or a page with no article text.
PACTGRAPH_EXPORT Status ParseHtmlArticle(const std::string& path, std::string_view html,
                                         Article* out);

// The text of an HTML fragment (a feed item's content): every text block, in order, one per
// paragraph (separated by blank lines); scripts and styles dropped, entities decoded, no
// density rule. Plain text comes back with its whitespace collapsed per paragraph.
PACTGRAPH_EXPORT Result<std::string> HtmlToText(std::string_view html);

// Called with each article read; return false to stop reading.
using ArticleSink = std::function<bool(Article&& article)>;

// Parses an RSS or Atom feed held in memory (`name` names it in messages and Article::file,
// "name#N" for the N-th item). The whole feed is checked first: a malformed feed adds one
// problem "name:line:col: …" and yields no article. Items without text become problems and
// are skipped; items over options.max_bytes of text are refused. Returns the items given to
// the sink.
PACTGRAPH_EXPORT uint64_t ParseFeed(const std::string& name, std::string_view xml,
                                    const ReadOptions& options, const ArticleSink& sink,
                                    std::vector<InputProblem>* problems);

// ReadArticles as a stream: each article goes to `sink` as soon as it is read, so memory stays
// bounded by one input file (text and HTML files are read whole, under options.max_bytes), one
// line (.jsonl files: options.max_bytes per line) or one feed item (feeds). .jsonl files and
// feeds are streamed from disk in two passes — check, then read — so a bad one gives nothing,
// and are never held whole, whatever their size. Standard input is read whole, under
// options.max_bytes.
PACTGRAPH_EXPORT void ForEachArticle(const std::vector<std::string>& paths,
                                     const ReadOptions& options, const ArticleSink& sink,
                                     std::vector<InputProblem>* problems);

}  // namespace pactgraph

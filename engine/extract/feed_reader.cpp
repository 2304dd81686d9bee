// RSS and Atom feeds -> articles (pactgraph/news_formats.h), streamed with libxml2's reader.
//
// Two passes over the input, neither holding the document: the first only checks it (well
// formed, an RSS/Atom root, no entity references that would expand), so a feed that breaks at
// its 90,000th item yields nothing rather than a part; the second expands one item at a time
// and hands it on. libxml2's own limits stay on (no XML_PARSE_HUGE): 10 MB per text node, 256
// levels of nesting; it never fetches anything from the network (XML_PARSE_NONET) and loads no
// external DTD.
#include "engine/extract/feed_reader.h"

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <climits>
#include <cstring>
#include <memory>

#include "engine/extract/news_text.h"
#include "pactgraph/news_formats.h"

namespace pactgraph::extract {

namespace {

constexpr int kXmlOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA;

struct ErrorSink {
  std::string name;
  std::string first;  // "name:line:col: message"
};

void OnXmlError(void* ctx, xmlErrorPtr err) {
  auto* sink = static_cast<ErrorSink*>(ctx);
  if (err == nullptr || err->level < XML_ERR_ERROR || !sink->first.empty()) return;
  std::string msg = err->message != nullptr ? err->message : "malformed XML";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  sink->first = sink->name + ":" + std::to_string(err->line) + ":" +
                std::to_string(err->int2 > 0 ? err->int2 : 1) + ": XML error: " + msg;
}

struct ReaderCloser {
  void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};
using Reader = std::unique_ptr<xmlTextReader, ReaderCloser>;

// A reader over the feed whose errors go to `errors` (which must outlive it); null when the
// input cannot be opened.
Reader Open(const FeedInput& in, ErrorSink* errors) {
  static const bool init = [] {
    xmlInitParser();
    return true;
  }();
  (void)init;
  Reader r(in.file ? xmlReaderForFile(in.path.c_str(), nullptr, kXmlOptions)
                   : xmlReaderForMemory(in.bytes.data(), static_cast<int>(in.bytes.size()),
                                        in.name.c_str(), nullptr, kXmlOptions));
  if (r) xmlTextReaderSetStructuredErrorHandler(r.get(), OnXmlError, errors);
  return r;
}

std::string Str(const xmlChar* s) { return s != nullptr ? reinterpret_cast<const char*>(s) : ""; }

std::string Content(xmlNodePtr n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string out = Str(c);
  xmlFree(c);
  return out;
}

std::string Prop(xmlNodePtr n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = Str(v);
  xmlFree(v);
  return out;
}

bool Named(xmlNodePtr n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

bool InNamespace(xmlNodePtr n, const char* fragment) {
  return n->ns != nullptr && n->ns->href != nullptr &&
         std::strstr(reinterpret_cast<const char*>(n->ns->href), fragment) != nullptr;
}

// The text of an element whose content may be HTML: RSS descriptions and content:encoded are
// escaped HTML; Atom says so with type="html" or type="xhtml" (inline markup).
std::string TextOf(xmlNodePtr n, bool html_by_default) {
  const std::string type = Prop(n, "type");
  if (type == "xhtml") {
    xmlBufferPtr buf = xmlBufferCreate();
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) xmlNodeDump(buf, n->doc, c, 0, 0);
    std::string markup = Str(xmlBufferContent(buf));
    xmlBufferFree(buf);
    auto text = HtmlToText(markup);
    return text.ok() ? *text : "";
  }
  std::string raw = Content(n);
  if (type == "html" || type == "text/html" || (type.empty() && html_by_default)) {
    auto text = HtmlToText(raw);
    return text.ok() ? *text : "";
  }
  std::string out;
  AppendCollapsed(raw, &out);
  return out;
}

struct Item {
  std::string title, link, guid, date, updated, summary, content;
};

Item ReadItem(xmlNodePtr item, bool atom) {
  Item it;
  for (xmlNodePtr c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Named(c, "title") && it.title.empty()) {
      it.title = TextOf(c, false);
    } else if (Named(c, "link") && it.link.empty()) {
      const std::string rel = Prop(c, "rel");
      if (atom || xmlHasProp(c, reinterpret_cast<const xmlChar*>("href")) != nullptr) {
        if (rel.empty() || rel == "alternate") it.link = Prop(c, "href");
      } else {
        AppendCollapsed(Content(c), &it.link);
      }
    } else if ((Named(c, "guid") || Named(c, "id")) && it.guid.empty()) {
      if (Prop(c, "isPermaLink") != "false") AppendCollapsed(Content(c), &it.guid);
    } else if ((Named(c, "pubDate") || Named(c, "published") || Named(c, "issued") ||
                (Named(c, "date") && InNamespace(c, "purl.org/dc"))) &&
               it.date.empty()) {
      it.date = IsoDate(Content(c));
    } else if ((Named(c, "updated") || Named(c, "modified")) && it.updated.empty()) {
      it.updated = IsoDate(Content(c));
    } else if ((Named(c, "description") || Named(c, "summary")) && it.summary.empty()) {
      it.summary = TextOf(c, !atom);
    } else if ((Named(c, "encoded") || (atom && Named(c, "content"))) && it.content.empty()) {
      it.content = TextOf(c, !atom);
    }
  }
  return it;
}

std::string LocalName(xmlTextReaderPtr r) { return Str(xmlTextReaderConstLocalName(r)); }

}  // namespace

uint64_t RunFeed(const FeedInput& in, const ReadOptions& options, const ArticleSink& sink,
                 std::vector<InputProblem>* problems) {
  const std::string& where = in.file ? in.path : in.name;
  if (!in.file && in.bytes.size() > static_cast<size_t>(INT_MAX)) {
    problems->push_back({where, where + ": feed over 2 GB in memory, refused"});
    return 0;
  }
  // Pass 1: check the whole feed.
  {
    ErrorSink errors{where, ""};
    Reader r = Open(in, &errors);
    if (!r) {
      problems->push_back({where, where + ": cannot open"});
      return 0;
    }
    bool root_seen = false;
    int ret;
    while ((ret = xmlTextReaderRead(r.get())) == 1) {
      const int type = xmlTextReaderNodeType(r.get());
      if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
        errors.first = where + ":" + std::to_string(xmlTextReaderGetParserLineNumber(r.get())) +
                       ":" + std::to_string(xmlTextReaderGetParserColumnNumber(r.get())) +
                       ": entity reference &" + LocalName(r.get()) +
                       "; (feeds may use only the five XML entities and character references)";
        break;
      }
      if (type == XML_READER_TYPE_ELEMENT && !root_seen) {
        root_seen = true;
        const std::string root = LocalName(r.get());
        if (root != "rss" && root != "feed" && root != "RDF") {
          errors.first = where + ":" + std::to_string(xmlTextReaderGetParserLineNumber(r.get())) +
                         ": not an RSS or Atom feed (the root element is <" + root + ">)";
          break;
        }
      }
    }
    if (errors.first.empty() && ret < 0) errors.first = where + ": malformed XML";
    if (errors.first.empty() && !root_seen) errors.first = where + ": no XML element in the feed";
    if (!errors.first.empty()) {
      problems->push_back({where, errors.first + ", feed skipped (nothing read from it)"});
      return 0;
    }
  }
  // Pass 2: one item at a time.
  ErrorSink errors{where, ""};
  Reader r = Open(in, &errors);
  if (!r) {
    problems->push_back({where, where + ": cannot open"});
    return 0;
  }
  const std::string base = in.name;
  uint64_t n = 0, given = 0;
  int ret = xmlTextReaderRead(r.get());
  while (ret == 1) {
    const std::string local = LocalName(r.get());
    if (xmlTextReaderNodeType(r.get()) != XML_READER_TYPE_ELEMENT ||
        (local != "item" && local != "entry")) {
      ret = xmlTextReaderRead(r.get());
      continue;
    }
    const int line = xmlTextReaderGetParserLineNumber(r.get());
    xmlNodePtr node = xmlTextReaderExpand(r.get());
    if (node == nullptr) break;
    ++n;
    Item it = ReadItem(node, local == "entry");
    Article a;
    a.file = base + "#" + std::to_string(n);
    a.title = it.title;
    // A guid or Atom id is the source only when it is a web address ("urn:…" is not).
    const bool web_id = it.guid.rfind("http://", 0) == 0 || it.guid.rfind("https://", 0) == 0;
    a.source = !it.link.empty() ? it.link : web_id ? it.guid : "";
    a.date = !it.date.empty() ? it.date : it.updated;
    a.text = !it.content.empty() ? it.content : it.summary;
    const std::string at = a.file + " (line " + std::to_string(line) + ")";
    if (a.text.empty()) {
      problems->push_back({where, at + ": item with no description or content, skipped"});
    } else if (a.text.size() > options.max_bytes) {
      problems->push_back({where, at + ": item text of " + std::to_string(a.text.size()) +
                                      " bytes is over the limit of " +
                                      std::to_string(options.max_bytes) + " bytes, refused"});
    } else {
      a.text += "\n";
      ++given;
      if (!sink(std::move(a))) return given;
    }
    ret = xmlTextReaderNext(r.get());
  }
  if (ret < 0 || !errors.first.empty()) {
    // The first pass accepted it: only a file changed between the passes gets here.
    problems->push_back({where, (errors.first.empty() ? where + ": malformed XML" : errors.first) +
                                    " (the feed changed while it was read)"});
  }
  return given;
}

}  // namespace pactgraph::extract

namespace pactgraph {

uint64_t ParseFeed(const std::string& name, std::string_view xml, const ReadOptions& options,
                   const ArticleSink& sink, std::vector<InputProblem>* problems) {
  extract::FeedInput in;
  in.name = name;
  in.bytes = xml;
  return extract::RunFeed(in, options, sink, problems);
}

}  // namespace pactgraph

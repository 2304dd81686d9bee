// HTML pages -> articles (pactgraph/news_formats.h): gumbo's HTML5 tree, the head's metadata,
// and the text blocks that the text-density rule (html_density.cpp) chooses from.
#include <gumbo.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/extract/article.h"
#include "engine/extract/html_density.h"
#include "engine/extract/news_text.h"
#include "engine/extract/text.h"
#include "pactgraph/news_formats.h"

namespace pactgraph::extract {

namespace {

struct Meta {
  std::string og_title, title, h1, published, json_ld_date, time_datetime, meta_date, og_url,
      canonical;
};

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

std::string NodeText(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      AppendCollapsed(n->v.text.text, &out);
      AppendCollapsed(" ", &out);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;)
        stack.push_back(static_cast<GumboNode*>(kids.data[i]));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void JsonLdDate(const nlohmann::json& j, std::string* out, int depth) {
  if (!out->empty() || depth > 8) return;
  if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string()) {
      *out = IsoDate(it->get<std::string>());
      if (!out->empty()) return;
    }
    for (const auto& [k, v] : j.items()) JsonLdDate(v, out, depth + 1);
  } else if (j.is_array()) {
    for (const auto& v : j) JsonLdDate(v, out, depth + 1);
  }
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return false;
  }
}

bool IsSilentTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool IsBoilerplate(const GumboElement& e, bool in_story) {
  const char* role = Attr(e, "role");
  if (role != nullptr &&
      (std::strcmp(role, "navigation") == 0 || std::strcmp(role, "contentinfo") == 0 ||
       std::strcmp(role, "complementary") == 0 || std::strcmp(role, "banner") == 0)) {
    return true;
  }
  switch (e.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
      return true;
    case GUMBO_TAG_HEADER:
      return !in_story;
    default:
      return false;
  }
}

int CountWords(std::string_view s) {
  int words = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ';
    if (!sp && !in) ++words;
    in = !sp;
  }
  return words;
}

// Walks the tree once (iteratively: depth is bounded by CheckHtmlDepth, but no recursion is
// needed) collecting text blocks and the head's metadata.
class Walker {
 public:
  std::vector<Block> blocks;
  Meta meta;
  int stories = 0;

  void Run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next = 0;
      bool link = false, boiler = false, block = false, story = false;
    };
    CollectMeta(root);
    std::vector<Frame> stack;
    Enter(root, &stack);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& kids = f.node->v.element.children;
      if (f.next < kids.length) {
        Enter(static_cast<const GumboNode*>(kids.data[f.next++]), &stack);
        continue;
      }
      if (f.block) Flush();
      link_ -= f.link;
      boiler_ -= f.boiler;
      if (f.story) story_stack_.pop_back();
      stack.pop_back();
    }
    Flush();
  }

 private:
  template <typename Stack>
  void Enter(const GumboNode* n, Stack* stack) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      const size_t before = cur_.text.size();
      AppendCollapsed(n->v.text.text, &cur_.text);
      if (link_ > 0) cur_.link_words += CountWords(std::string_view(cur_.text).substr(before));
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = n->v.element;
    if (IsSilentTag(e.tag)) return;
    const bool story = e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN;
    const bool block = IsBlockTag(e.tag);
    if (block) Flush();
    if (e.tag == GUMBO_TAG_H1 && meta.h1.empty()) meta.h1 = NodeText(n);
    if (e.tag == GUMBO_TAG_TIME && meta.time_datetime.empty()) {
      if (const char* dt = Attr(e, "datetime")) meta.time_datetime = IsoDate(dt);
    }
    typename Stack::value_type f{n};
    f.block = block;
    f.link = e.tag == GUMBO_TAG_A;
    f.boiler = IsBoilerplate(e, !story_stack_.empty());
    f.story = story;
    link_ += f.link;
    boiler_ += f.boiler;
    if (story) story_stack_.push_back(stories++);
    if (block && e.tag >= GUMBO_TAG_H1 && e.tag <= GUMBO_TAG_H6) heading_ = true;
    stack->push_back(f);
  }

  void CollectMeta(const GumboNode* root) {
    std::vector<const GumboNode*> stack = {root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      Head(n);
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
      }
    }
  }

  void Head(const GumboNode* n) {
    const GumboElement& e = n->v.element;
    if (e.tag == GUMBO_TAG_TITLE && meta.title.empty()) meta.title = NodeText(n);
    if (e.tag == GUMBO_TAG_META) {
      const char* key = Attr(e, "property");
      if (key == nullptr) key = Attr(e, "name");
      if (key == nullptr) key = Attr(e, "itemprop");
      const char* content = Attr(e, "content");
      if (key == nullptr || content == nullptr) return;
      std::string k = key;
      if (k == "og:title" && meta.og_title.empty()) AppendCollapsed(content, &meta.og_title);
      if ((k == "article:published_time" || k == "datePublished") && meta.published.empty()) {
        meta.published = IsoDate(content);
      }
      if ((k == "date" || k == "pubdate" || k == "dc.date") && meta.meta_date.empty()) {
        meta.meta_date = IsoDate(content);
      }
      if (k == "og:url" && meta.og_url.empty()) meta.og_url = content;
    }
    if (e.tag == GUMBO_TAG_LINK && meta.canonical.empty()) {
      const char* rel = Attr(e, "rel");
      const char* href = Attr(e, "href");
      if (rel != nullptr && href != nullptr && std::strcmp(rel, "canonical") == 0) {
        meta.canonical = href;
      }
    }
    if (e.tag == GUMBO_TAG_SCRIPT && meta.json_ld_date.empty()) {
      const char* type = Attr(e, "type");
      if (type == nullptr || std::strcmp(type, "application/ld+json") != 0) return;
      if (e.children.length == 0) return;
      const GumboNode* t = static_cast<const GumboNode*>(e.children.data[0]);
      if (t->type != GUMBO_NODE_TEXT) return;
      nlohmann::json j = nlohmann::json::parse(t->v.text.text, nullptr, false);
      if (!j.is_discarded()) JsonLdDate(j, &meta.json_ld_date, 0);
    }
  }

  void Flush() {
    while (!cur_.text.empty() && cur_.text.back() == ' ') cur_.text.pop_back();
    if (!cur_.text.empty()) {
      cur_.words = CountWords(cur_.text);
      cur_.heading = heading_;
      cur_.boilerplate = boiler_ > 0;
      cur_.story = story_stack_.empty() ? -1 : story_stack_.back();
      blocks.push_back(std::move(cur_));
    }
    cur_ = Block();
    heading_ = false;
  }

  Block cur_;
  int link_ = 0, boiler_ = 0;
  bool heading_ = false;
  std::vector<int> story_stack_;
};

struct Parsed {
  GumboOutput* out = nullptr;
  ~Parsed() {
    if (out != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
};

Status Parse(const std::string& path, std::string_view html, Walker* w) {
  if (int64_t bad = FindInvalidUtf8(html); bad >= 0) {
    return Status::InvalidArgument(
        path + ":" + LineColumn(std::string(html.substr(0, bad + 1)), bad) +
        ": invalid UTF-8 (byte " + std::to_string(bad) + "), page skipped (pages must be UTF-8)");
  }
  PG_RETURN_IF_ERROR(CheckHtmlDepth(path, html));
  Parsed p;
  p.out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (p.out == nullptr) return Status::InvalidArgument(path + ": the HTML parser gave no tree");
  w->Run(p.out->root);
  return Status::OK();
}

}  // namespace

}  // namespace pactgraph::extract

namespace pactgraph {

using namespace extract;  // NOLINT(google-build-using-namespace): this file's helpers

Status ParseHtmlArticle(const std::string& path, std::string_view html, Article* out) {
  Walker w;
  PG_RETURN_IF_ERROR(Parse(path, html, &w));
  *out = Article();
  out->file = path == "-" ? "stdin" : path.substr(path.find_last_of('/') + 1);
  const Meta& m = w.meta;
  out->title = !m.og_title.empty() ? m.og_title : !m.title.empty() ? m.title : m.h1;
  out->date = !m.published.empty()       ? m.published
              : !m.json_ld_date.empty()  ? m.json_ld_date
              : !m.time_datetime.empty() ? m.time_datetime
                                         : m.meta_date;
  out->source = !m.og_url.empty() ? m.og_url : m.canonical;
  for (size_t i : KeptBlocks(w.blocks, w.stories)) {
    if (!out->text.empty()) out->text += "\n\n";
    out->text += w.blocks[i].text;
  }
  if (out->text.empty()) {
    return Status::InvalidArgument(path + ": no article text in the HTML page (" +
                                   std::to_string(w.blocks.size()) +
                                   " text blocks, all navigation, links or boilerplate), skipped");
  }
  out->text += "\n";
  return Status::OK();
}

Result<std::string> HtmlToText(std::string_view html) {
  Walker w;
  PG_RETURN_IF_ERROR(Parse("html", html, &w));
  std::string text;
  for (const Block& b : w.blocks) {
    if (!text.empty()) text += "\n\n";
    text += b.text;
  }
  return text;
}

}  // namespace pactgraph

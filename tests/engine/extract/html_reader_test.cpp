// Tests of the HTML page reader (engine/extract/html_reader.cpp, pactgraph/news_formats.h):
// metadata, the text-density rule, repairs and refusals. Pages are in tests/data/news or
// written inline, all in the project's own words.
#include <chrono>

#include "engine/extract/news_text.h"
#include "pactgraph/news_formats.h"
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using pactgraph::testing::ReadFile;

namespace {
std::string NewsData(const std::string& name) {
  return std::string(PACTGRAPH_SOURCE_DIR) + "/tests/data/news/" + name;
}
bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("HTML: a news page keeps its story and drops the page around it", "[extract][html]") {
  Article a;
  const std::string path = NewsData("port-deal.html");
  REQUIRE(ParseHtmlArticle(path, ReadFile(path), &a).ok());
  CHECK(a.file == "port-deal.html");
  CHECK(a.title == "Kenya and Japan agree to modernise the Mombasa harbour");  // og:title
  CHECK(a.date == "2024-03-14");  // article:published_time, date part
  CHECK(a.source == "https://ledger.example/2024/03/harbour-pact");
  CHECK(Has(a.text, "Kenya and Japan signed a memorandum of understanding on Thursday"));
  CHECK(Has(a.text, "Japan International Cooperation Agency will fund new cranes"));
  // The short closing paragraph between good ones stays.
  CHECK(Has(a.text, "The two governments said the work would begin"));
  // Navigation, the related-story list, the footer, scripts and styles are gone.
  for (const char* gone : {"Business", "Sport", "Related stories", "Rail freight", "ferry route",
                           "Copyright", "Privacy", "window.tracker", "font-family", "track()"}) {
    INFO(gone);
    CHECK_FALSE(Has(a.text, gone));
  }
  // Paragraphs are separated by blank lines (each ends a sentence for the segmenter).
  CHECK(Has(a.text, "after the ceremony.\n\nUnder the memorandum"));
  Extraction x;
  REQUIRE(testing::SharedExtractor().Extract(a, &x).ok());
  bool mou = false;
  for (const auto& r : x.relations) mou = mou || r.type == "mou";
  CHECK(mou);
}

TEST_CASE("HTML: title and date fall back through <title> <h1> JSON-LD and <time>",
          "[extract][html]") {
  Article a;
  const std::string body =
      "<p>Ghana and Togo signed an agreement to share power across their border in the dry "
      "season, the two energy ministries said.</p>";
  REQUIRE(ParseHtmlArticle("a.html",
                           "<html><head><title>Power pact</title><script "
                           "type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\","
                           "\"datePublished\":\"2023-11-05T10:00:00Z\"}]}</script></head><body>" +
                               body + "</body></html>",
                           &a)
              .ok());
  CHECK(a.title == "Power pact");
  CHECK(a.date == "2023-11-05");
  REQUIRE(ParseHtmlArticle("b.html",
                           "<body><h1>Grid deal</h1><time datetime=\"2023-12-01\">1 Dec</time>" +
                               body + "</body>",
                           &a)
              .ok());
  CHECK(a.title == "Grid deal");
  CHECK(a.date == "2023-12-01");
  CHECK(Has(a.text, "Ghana and Togo signed"));
}

TEST_CASE("HTML: malformed markup is repaired as a browser would", "[extract][html]") {
  Article a;
  // Unclosed paragraphs, a stray end tag, an unquoted attribute, entities.
  REQUIRE(ParseHtmlArticle("m.html",
                           "<p class=x>Kenya &amp; Ghana signed an MoU on trade in the capital "
                           "city of Accra on Monday morning<p>It covers ports</b> and rail.",
                           &a)
              .ok());
  CHECK(Has(a.text, "Kenya & Ghana signed an MoU"));
  CHECK(Has(a.text, "It covers ports and rail."));
  // Text that is not HTML at all is one block of text.
  REQUIRE(ParseHtmlArticle("t.html", "Brazil and Angola agreed to cooperate.", &a).ok());
  CHECK(a.text == "Brazil and Angola agreed to cooperate.\n");
}

TEST_CASE("HTML: refusals name the place", "[extract][html]") {
  Article a;
  Status st = ParseHtmlArticle("u.html", std::string("<p>ok</p>\n<p>ba\xff</p>"), &a);
  REQUIRE_FALSE(st.ok());
  CHECK(Has(st.message(), "u.html:2:6: invalid UTF-8 (byte 15)"));
  st = ParseHtmlArticle("nav.html",
                        "<nav><a href=/a>Home</a> <a href=/b>World</a></nav><footer>(c) "
                        "2024</footer>",
                        &a);
  REQUIRE_FALSE(st.ok());
  CHECK(Has(st.message(), "nav.html: no article text"));
}

TEST_CASE("HTML: deep nesting is refused quickly (not parsed for hours)", "[extract][html]") {
  std::string deep = "<html><body>\n";
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  const auto t0 = std::chrono::steady_clock::now();
  Article a;
  Status st = ParseHtmlArticle("deep.html", deep, &a);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE_FALSE(st.ok());
  CHECK(Has(st.message(), "deep.html:2:"));
  CHECK(Has(st.message(), "nested deeper than 512"));
  CHECK(s < 5.0);
  // Closed elements do not add up, and void and self-closing-by-rule elements do not nest.
  std::string flat = "<body>";
  for (int i = 0; i < 2000; ++i) flat += "<div><span>x</span><br><p>y<li>z</div>";
  flat += "<p>Kenya and Ghana signed an MoU.</p>";
  CHECK(CheckHtmlDepth("flat.html", flat).ok());
  // An end tag closes the elements left open inside it.
  std::string sloppy = "<body>";
  for (int i = 0; i < 2000; ++i) sloppy += "<section><b><i>x</section>";
  CHECK(CheckHtmlDepth("sloppy.html", sloppy).ok());
}

TEST_CASE("HTML: HtmlToText for feed content", "[extract][html]") {
  auto t = HtmlToText("<p>One &lt;two&gt;</p><script>var x;</script><ul><li>three</li></ul>");
  REQUIRE(t.ok());
  CHECK(*t == "One <two>\n\nthree");
  auto plain = HtmlToText("  plain   words\n here ");
  REQUIRE(plain.ok());
  CHECK(*plain == "plain words here");
}

TEST_CASE("News formats: dates are normalised to ISO", "[extract][html]") {
  CHECK(IsoDate("2024-05-02T10:00:00Z") == "2024-05-02");
  CHECK(IsoDate(" 2024-05") == "2024-05");
  CHECK(IsoDate("Thu, 02 May 2024 10:00:00 GMT") == "2024-05-02");
  CHECK(IsoDate("7 Sep 2023") == "2023-09-07");
  CHECK(IsoDate("2024-13-01").empty());
  CHECK(IsoDate("yesterday").empty());
}

TEST_CASE("News formats: detection by extension and by the first bytes", "[extract][html]") {
  CHECK(DetectArticleFormat("a.HTML", "") == ArticleFormat::kHtml);
  CHECK(DetectArticleFormat("a.htm", "plain") == ArticleFormat::kHtml);
  CHECK(DetectArticleFormat("a.rss", "") == ArticleFormat::kFeed);
  CHECK(DetectArticleFormat("a.atom", "") == ArticleFormat::kFeed);
  CHECK(DetectArticleFormat("a.jsonl", "<html>") == ArticleFormat::kJsonLines);
  CHECK(DetectArticleFormat("page", "\xEF\xBB\xBF  <!DOCTYPE html><html>") == ArticleFormat::kHtml);
  CHECK(DetectArticleFormat("page", "<!-- c --><HTML lang=en>") == ArticleFormat::kHtml);
  CHECK(DetectArticleFormat("feed", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">") ==
        ArticleFormat::kFeed);
  CHECK(DetectArticleFormat("f.txt", "<?xml version=\"1.0\"?><!-- x --><feed xmlns=\"a\">") ==
        ArticleFormat::kFeed);
  CHECK(DetectArticleFormat("r", "<rdf:RDF xmlns:rdf=\"x\">") == ArticleFormat::kFeed);
  CHECK(DetectArticleFormat("x.xml", "<note/>") == ArticleFormat::kFeed);  // refused as a feed
  CHECK(DetectArticleFormat("a.txt", "title: x\n\nbody") == ArticleFormat::kText);
  CHECK(DetectArticleFormat("a.txt", "<b>bold</b> text") == ArticleFormat::kText);
  // JSON lines on a pipe: a first line that is one object.
  CHECK(DetectArticleFormat("-", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n") ==
        ArticleFormat::kJsonLines);
  CHECK(DetectArticleFormat("-", "{braces} open the text\n") == ArticleFormat::kText);
}

}  // namespace pactgraph::extract

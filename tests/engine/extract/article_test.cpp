// Tests of engine/extract/article.h: the file format, .jsonl, and refused inputs.
#include "tests/engine/extract/extract_test_util.h"

namespace pactgraph::extract {
using pactgraph::testing::TempDir;
using pactgraph::testing::WriteFile;

TEST_CASE("Extract: article header lines and body", "[extract]") {
  Article a;
  const std::string text = "title: T\ndate: 2024-04\nsource: https://x.example/a\n\nBody line.\n";
  REQUIRE(ParseArticleText("dir/a.txt", text, &a).ok());
  CHECK(a.file == "a.txt");
  CHECK(a.title == "T");
  CHECK(a.date == "2024-04");
  CHECK(a.source == "https://x.example/a");
  CHECK(a.text == "Body line.\n");
  REQUIRE(ParseArticleText("b.txt", "No header: just text.\n", &a).ok());
  CHECK(a.title.empty());
  CHECK(a.text == "No header: just text.\n");
}

TEST_CASE("Extract: invalid UTF-8 is an error with line, column and byte", "[extract]") {
  Article a;
  Status st = ParseArticleText("bad.txt",
                               std::string("title: x\n\nok\nab\xff"
                                           "c\n"),
                               &a);
  REQUIRE_FALSE(st.ok());
  CHECK(st.message().find("bad.txt:4:3: invalid UTF-8 (byte 15)") != std::string::npos);
}

TEST_CASE("Extract: binary, empty and oversize files are refused with a message", "[extract]") {
  TempDir dir;
  WriteFile(dir / "good.txt", "Kenya and Ghana signed an MoU.\n");
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "bin.txt", std::string("abc\0def", 7));
  WriteFile(dir / "big.txt", std::string(2000, 'a'));
  WriteFile(dir / "header-only.txt", "title: nothing\n\n   \n");
  std::vector<Article> out;
  std::vector<InputProblem> problems;
  ReadOptions ro;
  ro.max_bytes = 1000;
  ReadArticles({dir.path(), dir / "missing.txt"}, ro, &out, &problems);
  REQUIRE(out.size() == 1);
  CHECK(out[0].file == "good.txt");
  REQUIRE(problems.size() == 5);
  std::string all;
  for (const auto& p : problems) all += p.message + "\n";
  CHECK(all.find("bin.txt: binary file") != std::string::npos);
  CHECK(all.find("empty.txt: empty file") != std::string::npos);
  CHECK(all.find("big.txt: file of 2000 bytes is over the limit") != std::string::npos);
  CHECK(all.find("header-only.txt: empty article") != std::string::npos);
  CHECK(all.find("missing.txt: no such file") != std::string::npos);
}

TEST_CASE("Extract: .jsonl holds one article per line, bad lines are reported", "[extract]") {
  std::vector<Article> out;
  std::vector<InputProblem> problems;
  ParseJsonLines("a.jsonl",
                 "{\"title\":\"One\",\"date\":\"2024-01-02\",\"text\":\"Kenya met Ghana.\"}\n"
                 "not json\n"
                 "{\"text\":\"Second.\"}\n",
                 &out, &problems);
  REQUIRE(out.size() == 2);
  CHECK(out[0].title == "One");
  CHECK(out[0].date == "2024-01-02");
  CHECK(out[0].file == "a.jsonl:1");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("a.jsonl:2:1:") != std::string::npos);
}

}  // namespace pactgraph::extract

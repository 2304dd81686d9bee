// engine/extract/html_density.h — the text blocks of an HTML page and the text-density rule
// that picks the article's blocks (html_density.cpp; the page walk is in html_reader.cpp).
#pragma once

#include <string>
#include <vector>

namespace pactgraph::extract {

struct Block {
  std::string text;
  int words = 0;
  int link_words = 0;
  bool heading = false;
  bool boilerplate = false;
  int story = -1;  // index of the <article>/<main> it lies in, -1 if none
};

// Indices of the blocks that hold the article, in page order; `stories` is how many
// <article>/<main> elements the page has (Block::story indexes them).
std::vector<size_t> KeptBlocks(const std::vector<Block>& all, int stories);

}  // namespace pactgraph::extract

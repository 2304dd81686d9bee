// The text-density rule of the HTML reader (see html_density.h).
// The rule (docs/news-formats.md; after jusText and boilerpipe's block classification):
//   1. The tree is cut into text blocks at block-level elements (p, div, li, h1-h6, td, …).
//      script, style, noscript, template, svg, form controls and the head give no text.
//   2. Each block has its words, the words inside <a> (link density = link words / words),
//      and whether it lies in a boilerplate container: nav, footer, aside, menu, a header
//      outside the story, or an element with role navigation / contentinfo / complementary.
//   3. bad: in a boilerplate container, or link density > 0.4.
//      good: not bad, at least 12 words and link density <= 0.25.
//      short: the rest. A short block is kept when its nearest non-short neighbours are not
//      bad and at least one is good; a heading is kept when the next non-short block is good.
//   4. When the page marks its story (<article> or <main>), only blocks inside the marked
//      element holding the most good words count.
//   5. No good block: the non-bad blocks are kept (a page that is one short paragraph);
//      none at all: "no article text", an error.
// Kept blocks are joined by blank lines, so each ends a sentence for the segmenter.
#include "engine/extract/html_density.h"

namespace pactgraph::extract {

namespace {

enum class Kind { kBad, kShort, kGood };

Kind Classify(const Block& b) {
  const double density = b.words == 0 ? 1.0 : static_cast<double>(b.link_words) / b.words;
  if (b.boilerplate || density > 0.4 || b.words == 0) return Kind::kBad;
  if (b.words >= 12 && density <= 0.25) return Kind::kGood;
  return Kind::kShort;
}

// Indices of the blocks kept by the rule above.
}  // namespace

std::vector<size_t> KeptBlocks(const std::vector<Block>& all, int stories) {
  // Rule 4: the story element with the most good words, when the page marks one.
  int best = -1;
  if (stories > 0) {
    std::vector<int> good_words(stories, 0);
    for (const Block& b : all) {
      if (b.story >= 0 && Classify(b) == Kind::kGood) good_words[b.story] += b.words;
    }
    for (int s = 0; s < stories; ++s) {
      if (good_words[s] > 0 && (best < 0 || good_words[s] > good_words[best])) best = s;
    }
  }
  std::vector<const Block*> blocks;
  std::vector<size_t> index;
  for (size_t i = 0; i < all.size(); ++i) {
    if (best >= 0 && all[i].story != best) continue;
    blocks.push_back(&all[i]);
    index.push_back(i);
  }
  std::vector<Kind> kind;
  for (const Block* b : blocks) kind.push_back(Classify(*b));
  std::vector<size_t> kept;
  bool any_good = false;
  for (Kind k : kind) any_good = any_good || k == Kind::kGood;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!any_good) {
      if (kind[i] != Kind::kBad) kept.push_back(index[i]);
      continue;
    }
    if (kind[i] == Kind::kGood) {
      kept.push_back(index[i]);
      continue;
    }
    if (kind[i] == Kind::kBad) continue;
    int prev = -1, next = -1;  // nearest non-short neighbours
    for (size_t j = i; j-- > 0;) {
      if (kind[j] != Kind::kShort) {
        prev = static_cast<int>(j);
        break;
      }
    }
    for (size_t j = i + 1; j < blocks.size(); ++j) {
      if (kind[j] != Kind::kShort) {
        next = static_cast<int>(j);
        break;
      }
    }
    const bool next_good = next >= 0 && kind[next] == Kind::kGood;
    const bool prev_good = prev >= 0 && kind[prev] == Kind::kGood;
    const bool prev_bad = prev >= 0 && kind[prev] == Kind::kBad;
    const bool next_bad = next >= 0 && kind[next] == Kind::kBad;
    if ((blocks[i]->heading && next_good) || ((prev_good || next_good) && !prev_bad && !next_bad)) {
      kept.push_back(index[i]);
    }
  }
  return kept;
}

}  // namespace pactgraph::extract

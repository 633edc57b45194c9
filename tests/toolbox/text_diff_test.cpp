// The word difference of the version comparison (toolbox/text_diff.hpp):
// the pieces give back both texts, mark only the changed words, keep UTF-8
// whole, and give up (nullopt) past the bound instead of searching on.
#include <gtest/gtest.h>

#include <random>

#include "toolbox/text_diff.hpp"

namespace samen::toolbox {
namespace {

using P = TextPiece;

// The text of one side: kept pieces and those of `kind`.
std::string side(const std::vector<TextPiece>& pieces, TextPiece::Kind kind) {
  std::string out;
  for (const auto& p : pieces)
    if (p.kind == TextPiece::same || p.kind == kind) out += p.text;
  return out;
}

std::size_t edits(const std::vector<TextPiece>& pieces) {
  std::size_t n = 0;
  for (const auto& p : pieces) n += p.kind != TextPiece::same;
  return n;
}

TEST(ToolboxTextDiff, OneReplacedWordIsTheOnlyMarkedPiece) {
  auto d = word_diff("Ouders vertellen wat zij nodig hebben.", "Ouders vertellen wat zij graag willen hebben.");
  ASSERT_TRUE(d);
  std::vector<TextPiece> expected{{P::same, "Ouders vertellen wat zij "},
                                  {P::removed, "nodig"},
                                  {P::added, "graag willen"},
                                  {P::same, " hebben."}};
  EXPECT_EQ(*d, expected);
}

TEST(ToolboxTextDiff, InsertionsAndRemovalsAtBothEndsAndAccentsStayWhole) {
  auto d = word_diff("Les parents racontent leur besoin", "Alors les parents racontent");
  ASSERT_TRUE(d);
  EXPECT_EQ(side(*d, P::removed), "Les parents racontent leur besoin");
  EXPECT_EQ(side(*d, P::added), "Alors les parents racontent");
  for (const auto& p : *d)
    if (p.kind == P::same) EXPECT_EQ(p.text.find("Les"), std::string::npos) << "a changed word kept as same";
  auto e = word_diff("élève à l'école", "élève à l’école");
  ASSERT_TRUE(e);
  ASSERT_EQ(e->size(), 3u);
  EXPECT_EQ((*e)[1], (P{P::removed, "l'école"}));
  EXPECT_EQ((*e)[2], (P{P::added, "l’école"}));
}

TEST(ToolboxTextDiff, EqualAndEmptyTexts) {
  auto same = word_diff("a b", "a b");
  ASSERT_TRUE(same);
  EXPECT_EQ(*same, (std::vector<TextPiece>{{P::same, "a b"}}));
  auto from_nothing = word_diff("", "nieuw");
  ASSERT_TRUE(from_nothing);
  EXPECT_EQ(*from_nothing, (std::vector<TextPiece>{{P::added, "nieuw"}}));
}

// Random word texts against each other: both sides read back, and the number
// of edits is minimal for cases whose distance is known (k substitutions).
TEST(ToolboxTextDiff, RandomEditsReadBackAndAreMinimal) {
  std::mt19937 rng(16);
  const char* words[] = {"ouder", "kind", "school", "team", "visie", "plan"};
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> a;
    for (int i = 0; i < 1 + static_cast<int>(rng() % 40); ++i) a.push_back(words[rng() % 6]);
    auto b = a;
    int substitutions = static_cast<int>(rng() % 4);
    for (int s = 0; s < substitutions; ++s) b[rng() % b.size()] = "NIEUW" + std::to_string(s);
    auto join = [](const std::vector<std::string>& w) {
      std::string out;
      for (const auto& x : w) out += (out.empty() ? "" : " ") + x;
      return out;
    };
    std::string ta = join(a), tb = join(b);
    auto d = word_diff(ta, tb);
    ASSERT_TRUE(d) << ta << " | " << tb;
    EXPECT_EQ(side(*d, P::removed), ta);
    EXPECT_EQ(side(*d, P::added), tb);
    std::size_t changed_words = 0;
    for (std::size_t i = 0; i < a.size(); ++i) changed_words += a[i] != b[i];
    // Each changed word is one removal and one insertion at most (merged pieces can only be fewer).
    EXPECT_LE(edits(*d), 2 * changed_words) << ta << " | " << tb;
    EXPECT_EQ(edits(*d) == 0, changed_words == 0);
  }
}

TEST(ToolboxTextDiff, PastTheBoundTheTextsAreReadWhole) {
  std::string a, b;
  for (int i = 0; i < 300; ++i) a += "oud" + std::to_string(i) + " ", b += "nieuw" + std::to_string(i) + " ";
  EXPECT_FALSE(word_diff(a, b));                  // 600 edits > 200
  EXPECT_TRUE(word_diff(a, b, 1200));             // within a larger bound
  EXPECT_FALSE(word_diff(a, a + "x", 200, 100));  // too many words
}

}  // namespace
}  // namespace samen::toolbox

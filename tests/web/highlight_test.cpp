// The snippet of a search hit (web/highlight.hpp): from a few words before the
// first match, cut with "…", escaped first and then marked; the start of the
// text when nothing matches.
#include <gtest/gtest.h>

#include "web/highlight.hpp"

namespace samen::web {
namespace {

TEST(Highlight, SnippetStartsAFewWordsBeforeTheFirstMatch) {
  const std::string text =
      "een twee drie vier vijf zes zeven acht negen tien: de <vergaderingen> over warme overgangen & meer tekst";
  std::string s = snippet_html(text, {"vergadering"}, 60);
  EXPECT_EQ(s.rfind("\xE2\x80\xA6", 0), 0u) << s;
  EXPECT_EQ(s.rfind("\xE2\x80\xA6zes zeven", 0), 0u) << "six words before: " << s;
  EXPECT_EQ(s.find("vijf"), std::string::npos) << s;
  EXPECT_NE(s.find("&lt;<mark>vergaderingen</mark>&gt;"), std::string::npos) << s;
  EXPECT_EQ(s.find("<vergaderingen>"), std::string::npos);
}

TEST(Highlight, SnippetOfAnEarlyOrNoMatchIsTheStart) {
  EXPECT_EQ(snippet_html("**Transcript**: zorgen\nover personeel", {"zorgen"}, 100),
            "**Transcript**: <mark>zorgen</mark> over personeel");
  EXPECT_EQ(snippet_html("Niets <b>te</b> zien", {"ouders"}, 100), "Niets &lt;b&gt;te&lt;/b&gt; zien");
  EXPECT_EQ(snippet_html("", {"x"}, 10), "");
}

}  // namespace
}  // namespace samen::web

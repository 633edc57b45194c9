// The coding part's rules without a database (journal/coding.hpp): who
// manages and reads the codebook, colours and badge contrast, cycles in the
// code tree, offsets in code points, paragraphs of a note, the mapping of a
// browser's selection to the stored text, and re-anchoring passages after an
// edit of the note.
#include <gtest/gtest.h>

#include "journal/coding.hpp"

namespace samen::journal {
namespace {

using accounts::Role;

Code code(std::string id, std::string parent = "") {
  Code c;
  c.id = std::move(id);
  c.parent_id = std::move(parent);
  c.label_nl = c.label_fr = c.label_en = c.id;
  return c;
}

TEST(JournalCodebook, StaffManagePartnersReadParentRepresentativesNeither) {
  for (Role r : {Role::admin, Role::coordinator, Role::facilitator}) {
    EXPECT_TRUE(may_manage_codebook(r));
    EXPECT_TRUE(may_read_codebook(r));
  }
  EXPECT_FALSE(may_manage_codebook(Role::partner));
  EXPECT_TRUE(may_read_codebook(Role::partner));
  EXPECT_FALSE(may_read_codebook(Role::parent_rep));
}

TEST(JournalCodebook, ColoursAreSixHexDigitsAndBadgeTextIsReadable) {
  EXPECT_TRUE(valid_colour("#1f6feb"));
  EXPECT_TRUE(valid_colour("#ABCDEF"));
  for (const char* bad : {"", "1f6feb", "#1f6fe", "#1f6febb", "#1g6feb", "red", "#fff"}) EXPECT_FALSE(valid_colour(bad)) << bad;
  EXPECT_NEAR(contrast_ratio("#000000", "#ffffff"), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio("#777777", "#777777"), 1.0, 1e-9);
  EXPECT_EQ(badge_text_colour("#ffff00"), "#000000") << "black text on yellow";
  EXPECT_EQ(badge_text_colour("#1f3a93"), "#ffffff") << "white text on dark blue";
  // Whatever the background, the chosen text reaches WCAG AA (4.5:1).
  for (int v = 0; v < 256; v += 5) {
    char bg[8];
    std::snprintf(bg, sizeof bg, "#%02x%02x%02x", v, 255 - v, (v * 7) % 256);
    EXPECT_GE(contrast_ratio(bg, badge_text_colour(bg)), 4.5) << bg;
  }
}

TEST(JournalCodebook, ACodeCannotBePlacedUnderItselfOrItsDescendants) {
  std::vector<Code> codes{code("a"), code("b", "a"), code("c", "b"), code("d")};
  EXPECT_TRUE(makes_cycle(codes, "a", "a"));
  EXPECT_TRUE(makes_cycle(codes, "a", "b"));
  EXPECT_TRUE(makes_cycle(codes, "a", "c")) << "a grandchild";
  EXPECT_FALSE(makes_cycle(codes, "c", "a"));
  EXPECT_FALSE(makes_cycle(codes, "a", "d"));
  Code moved = codes[0];
  moved.parent_id = "c";
  EXPECT_EQ(validate_code(moved, codes).at("parent_id"), "journal.coding.error.cycle");
  Code orphan = code("e", "nowhere");
  EXPECT_EQ(validate_code(orphan, codes).at("parent_id"), "journal.coding.error.parent_unknown");
  // A cycle already stored (a→b→a) does not hang the checks.
  std::vector<Code> looped{code("x", "y"), code("y", "x")};
  EXPECT_TRUE(makes_cycle(looped, "z", "x"));
  EXPECT_EQ(tree_order(looped, i18n::Lang::en).size(), 2u);
}

TEST(JournalCodebook, ValidationNamesEachBadField) {
  Code c;
  c.colour = "blue";
  c.description = std::string(5001, 'x');
  c.label_fr = std::string(201, 'x');
  auto e = validate_code(c, {});
  EXPECT_EQ(e.at("label_nl"), "journal.coding.error.label_required");
  EXPECT_EQ(e.at("label_fr"), "journal.coding.error.too_long");
  EXPECT_EQ(e.at("label_en"), "journal.coding.error.label_required");
  EXPECT_EQ(e.at("description"), "journal.coding.error.too_long");
  EXPECT_EQ(e.at("colour"), "journal.coding.error.colour");
  EXPECT_TRUE(validate_code(code("ok"), {}).empty());
}

TEST(JournalCodebook, TreeOrderPutsChildrenUnderTheirParentsAndSubtreesAndRootsFollow) {
  std::vector<Code> codes{code("trust"), code("b-child", "trust"), code("a-child", "trust"), code("expectations"),
                          code("grandchild", "a-child")};
  auto tree = tree_order(codes, i18n::Lang::nl);
  std::vector<std::string> ids;
  std::vector<int> depths;
  for (auto [c, d] : tree) {
    ids.push_back(c->id);
    depths.push_back(d);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"expectations", "trust", "a-child", "grandchild", "b-child"}));
  EXPECT_EQ(depths, (std::vector<int>{0, 0, 1, 2, 1}));
  auto sub = subtree_ids(codes, "trust");
  EXPECT_EQ(sub.size(), 4u);
  EXPECT_EQ(root_of(codes, "grandchild"), "trust");
  EXPECT_EQ(root_of(codes, "expectations"), "expectations");
}

TEST(JournalCodingText, OffsetsAreUnicodeCodePoints) {
  std::string s = "Crèche 🙂 café";  // è and é: 2 bytes; 🙂: 4 bytes (2 UTF-16 units), 1 code point
  EXPECT_EQ(cp_length(s), 13);
  EXPECT_EQ(cp_substr(s, 7, 8), "🙂");
  EXPECT_EQ(cp_substr(s, 9, 13), "café");
  EXPECT_EQ(cp_to_byte(s, 100), s.size());
  EXPECT_EQ(passage_error(0, 13, 13), std::nullopt);
  EXPECT_EQ(passage_error(0, 14, 13), "journal.coding.error.offset_outside");
  EXPECT_EQ(passage_error(5, 5, 13), "journal.coding.error.offset_empty");
  EXPECT_EQ(passage_error(6, 5, 13), "journal.coding.error.offset_reversed");
  EXPECT_EQ(passage_error(-1, 5, 13), "journal.coding.error.offset_negative");
}

TEST(JournalCodingText, ParagraphsAreRunsOfNonBlankLines) {
  std::string notes = "  Eerste alinea,\r\ntweede regel.\r\n\r\n \t \n- Één punt\n- twee\n\n\nLaatste";
  auto p = paragraphs(notes);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].text, "Eerste alinea,\r\ntweede regel.");
  EXPECT_EQ(cp_substr(notes, p[0].start, p[0].end), p[0].text);
  EXPECT_EQ(p[1].text, "- Één punt\n- twee");
  EXPECT_EQ(cp_substr(notes, p[1].start, p[1].end), p[1].text) << "offsets in code points, past the É";
  EXPECT_EQ(p[2].text, "Laatste");
  EXPECT_EQ(p[2].end, cp_length(notes));
  EXPECT_TRUE(paragraphs("").empty());
  EXPECT_TRUE(paragraphs(" \n\n ").empty());
}

TEST(JournalCodingText, ASelectionInTheShownTextMapsToTheStoredText) {
  // The page shows "a\nb é c" for the stored "a\r\nb é c": CR LF is one character there.
  std::string stored = "a\r\nb é c";
  EXPECT_EQ(stored_offset(stored, 0), 0);
  EXPECT_EQ(stored_offset(stored, 1), 1);
  EXPECT_EQ(stored_offset(stored, 2), 3) << "past the CR LF";
  EXPECT_EQ(stored_offset(stored, 4), 5);
  EXPECT_EQ(cp_substr(stored, stored_offset(stored, 4), stored_offset(stored, 5)), "é");
  EXPECT_EQ(stored_offset("abc", 3), 3);
}

TEST(JournalCodingAnchor, PassagesFollowTheirTextAndAreFlaggedWhenItIsGone) {
  std::string before = "Wij verwachten meer vorming. Zorg: tijd. Zorg: tijd.";
  std::vector<Anchor> anchors{{4, 27, "verwachten meer vorming"}, {41, 52, "Zorg: tijd."}, {29, 40, "Zorg: tijd."}};
  ASSERT_EQ(cp_substr(before, 4, 27), "verwachten meer vorming");
  ASSERT_EQ(cp_substr(before, 41, 52), "Zorg: tijd.");
  std::string after = "Inleiding. Wij verwachten méér vorming. Zorg: tijd. Zorg: tijd.";
  auto placed = reanchor(before, after, anchors);
  EXPECT_FALSE(placed[0].found) << "the passage's own text changed (méér)";
  EXPECT_EQ(placed[0].start, 4) << "the old offsets are kept";
  ASSERT_TRUE(placed[1].found);
  EXPECT_EQ(cp_substr(after, placed[1].start, placed[1].end), "Zorg: tijd.");
  EXPECT_EQ(placed[1].start, 52) << "the second occurrence stays the second (nearest the old offset), counted past the é's";
  ASSERT_TRUE(placed[2].found);
  EXPECT_EQ(placed[2].start, 40);
  // Text back as it was: found again.
  auto back = reanchor(after, before, {{4, 27, "verwachten meer vorming"}});
  EXPECT_TRUE(back[0].found);
  EXPECT_EQ(back[0].start, 4);
  // A tie picks the earlier occurrence.
  auto tie = reanchor("zzzzzz", "ab__ab", {{2, 4, "ab"}});
  EXPECT_EQ(tie[0].start, 0);
}

TEST(JournalCodingAnchor, NeverMatchesInsideACharacter) {
  // "é" is C3 A9; a passage that is a lone continuation byte sequence cannot match mid-character.
  auto placed = reanchor("é", "é", {{0, 1, "\xA9"}});
  EXPECT_FALSE(placed[0].found);
}

TEST(JournalCodingPeriods, PeriodsAreBrusselsYearsAndQuarters) {
  // 2013-12-31T23:30:00Z is 2014-01-01 00:30 in Brussels.
  EXPECT_EQ(period_of(1388532600, false), "2014");
  EXPECT_EQ(period_of(1388532600, true), "2014-Q1");
  // 2014-06-30T22:30:00Z is 2014-07-01 00:30 in Brussels (summer time).
  EXPECT_EQ(period_of(1404167400, true), "2014-Q3");
}

}  // namespace
}  // namespace samen::journal

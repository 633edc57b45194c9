// Trimming and UTF-8 checks (util/text.hpp) that the HTTP layer, the forms,
// the imports and the search share.
#include <gtest/gtest.h>

#include "util/text.hpp"

namespace samen::text {

TEST(Text, TrimsAsciiWhiteSpaceOnly) {
  EXPECT_EQ(trim("  a b \t"), "a b");
  EXPECT_EQ(trim("\r\n\f\vx\r\n"), "x");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");  // a no-break space is text
  EXPECT_EQ(trimmed(" libpq message\n"), "libpq message");
}

TEST(Text, ValidUtf8RejectsOverlongsSurrogatesAndCutSequences) {
  EXPECT_TRUE(valid_utf8("Crèche œuvre €"));
  EXPECT_TRUE(valid_utf8("\xF0\x9F\x98\x80"));    // U+1F600
  EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));    // U+10FFFF
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));           // overlong "/"
  EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));       // overlong
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));       // surrogate U+D800
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));   // beyond U+10FFFF
  EXPECT_FALSE(valid_utf8("\xF8\x88\x80\x80\x80"));
  EXPECT_FALSE(valid_utf8("caf\xC3"));            // cut short
  EXPECT_FALSE(valid_utf8("\x80"));               // stray continuation byte
  EXPECT_EQ(utf8_sequence_length("é", 0), 2u);
  EXPECT_EQ(utf8_sequence_length("é", 1), 0u);
  EXPECT_EQ(utf8_sequence_length("a", 5), 0u);
}

TEST(Text, ReplacesEachInvalidByteAndCutsOnCharacterBoundaries) {
  EXPECT_EQ(replace_invalid_utf8("a\xFF" "b\xC3"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(replace_invalid_utf8("één"), "één");
  EXPECT_EQ(utf8_prefix("één", 3), "é");  // not half of the second é
  EXPECT_EQ(utf8_prefix("één", 4), "éé");
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
  EXPECT_EQ(code_points("één"), 3u);
}

}  // namespace samen::text

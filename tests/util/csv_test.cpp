// The one CSV reader and writer (util/csv.hpp). Strict, as the HSDS import
// and export use it: quoting, embedded newlines and quotes, CRLF and LF, NULL
// vs empty text, byte order mark, clear errors on malformed input. Lenient, as
// the spreadsheet import uses it: other delimiters, stray quotes kept, blank
// lines and an open quote at the end reported with what was read.
#include <gtest/gtest.h>

#include <sstream>

#include "util/csv.hpp"

namespace samen::csv {
namespace {

std::vector<std::vector<Field>> read_all(const std::string& text, Dialect dialect = {}) {
  std::istringstream in(text);
  Reader r(in, 1 << 20, dialect);
  std::vector<std::vector<Field>> rows;
  std::vector<Field> f;
  while (r.next(f)) rows.push_back(f);
  return rows;
}

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  auto rows = read_all("id,name,note\r\n1,\"a, b\",\"say \"\"hi\"\"\nline 2\"\r\n2,plain,\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][1].text, "a, b");
  EXPECT_TRUE(rows[1][1].quoted);
  EXPECT_EQ(rows[1][2].text, "say \"hi\"\nline 2");
  EXPECT_EQ(rows[2][1].text, "plain");
  EXPECT_FALSE(rows[2][2].value().has_value());  // empty unquoted field: NULL
}

TEST(Csv, EmptyQuotedFieldIsAnEmptyTextNotNull) {
  auto rows = read_all("a,b,c\n\"\",,x\n");
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_TRUE(rows[1][0].value().has_value());
  EXPECT_EQ(*rows[1][0].value(), "");
  EXPECT_FALSE(rows[1][1].value().has_value());
  EXPECT_EQ(*rows[1][2].value(), "x");
}

TEST(Csv, AcceptsLfAndCrlfAndSkipsBlankLinesAndBom) {
  auto rows = read_all("\xEF\xBB\xBFid,name\n\n1,a\r\n\r\n2,b");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0].text, "id");
  EXPECT_EQ(rows[2][1].text, "b");
}

TEST(Csv, KeepsCrlfInsideQuotedFields) {
  auto rows = read_all("a\r\n\"x\r\ny\"\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0].text, "x\r\ny");
}

TEST(Csv, ReportsRecordLines) {
  std::istringstream in("h1,h2\n\"multi\nline\",x\nnext,y\n");
  Reader r(in);
  std::vector<Field> f;
  ASSERT_TRUE(r.next(f));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.record_line(), 2u);
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.record_line(), 4u);  // the quoted newline moved the line on
  EXPECT_EQ(r.records(), 3u);
}

TEST(Csv, MalformedInputRaisesErrorsWithTheLine) {
  for (const char* bad : {"a,b\n\"open,x\n", "a\nab\"c\n", "a\n\"x\"y\n"}) {
    std::istringstream in(bad);
    Reader r(in);
    std::vector<Field> f;
    try {
      while (r.next(f)) {
      }
      ADD_FAILURE() << "no error for " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.line, 2u) << bad;
      EXPECT_FALSE(std::string(e.what()).empty());
    }
  }
}

TEST(Csv, OverlongFieldIsAnError) {
  std::istringstream in("a\n\"" + std::string(100, 'x') + "\"\n");
  Reader r(in, 50);
  std::vector<Field> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_THROW(r.next(f), Error);
}

TEST(Csv, WriterQuotesOnlyWhenNeededAndRoundTrips) {
  std::vector<std::optional<std::string>> fields = {"plain", std::nullopt, "", "a,b", "say \"hi\"", "l1\nl2\r\nl3",
                                                    "Crèche « Les Loups »", " spaced "};
  std::string out;
  append_record(out, fields);
  EXPECT_EQ(out, "plain,,\"\",\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\r\nl3\",Crèche « Les Loups », spaced \r\n");
  auto rows = read_all(out);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(rows[0][i].value(), fields[i]) << i;
}

TEST(Csv, LenientReadsSpreadsheetExportsAsTheyAre) {
  Dialect excel{';', true};
  auto rows = read_all("naam;nota\n\"Les \"\"Loups\"\"\" x;5\" scherm\n\nA;\"B;C\"\rD;", excel);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[1][0].text, "Les \"Loups\" x");  // text after the closing quote stays
  EXPECT_EQ(rows[1][1].text, "5\" scherm");        // a quote inside text is text
  ASSERT_EQ(rows[2].size(), 1u);                    // a blank line is a row
  EXPECT_EQ(rows[2][0].text, "");
  EXPECT_EQ(rows[3][1].text, "B;C");  // an old Mac line end (CR) ends the row
  ASSERT_EQ(rows[4].size(), 2u);
  EXPECT_EQ(rows[4][0].text, "D");
  auto last = read_all("a;b\nc;", excel);
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(last[1].size(), 2u);  // a delimiter at the end: one more, empty field
}

TEST(Csv, LenientKeepsWhatWasReadOfAQuoteLeftOpen) {
  std::istringstream in("a;b\n1;\"open\nrest");
  Reader r(in, 1 << 20, Dialect{';', true});
  std::vector<Field> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_THROW(r.next(f), Error);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "1");
  EXPECT_EQ(f[1].text, "open\nrest");
}

}  // namespace
}  // namespace samen::csv

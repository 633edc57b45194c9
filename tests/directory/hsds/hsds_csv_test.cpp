// The RFC 4180 CSV reader and writer used by the HSDS import and export:
// quoting, embedded newlines and quotes, CRLF and LF, NULL vs empty text,
// byte order mark, and clear errors on malformed input.
#include <gtest/gtest.h>

#include <sstream>

#include "util/csv.hpp"

namespace samen::directory {
namespace {

std::vector<std::vector<CsvField>> read_all(const std::string& text) {
  std::istringstream in(text);
  CsvReader r(in);
  std::vector<std::vector<CsvField>> rows;
  std::vector<CsvField> f;
  while (r.next(f)) rows.push_back(f);
  return rows;
}

TEST(HsdsCsv, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  auto rows = read_all("id,name,note\r\n1,\"a, b\",\"say \"\"hi\"\"\nline 2\"\r\n2,plain,\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][1].text, "a, b");
  EXPECT_TRUE(rows[1][1].quoted);
  EXPECT_EQ(rows[1][2].text, "say \"hi\"\nline 2");
  EXPECT_EQ(rows[2][1].text, "plain");
  EXPECT_FALSE(rows[2][2].value().has_value());  // empty unquoted field: NULL
}

TEST(HsdsCsv, EmptyQuotedFieldIsAnEmptyTextNotNull) {
  auto rows = read_all("a,b,c\n\"\",,x\n");
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_TRUE(rows[1][0].value().has_value());
  EXPECT_EQ(*rows[1][0].value(), "");
  EXPECT_FALSE(rows[1][1].value().has_value());
  EXPECT_EQ(*rows[1][2].value(), "x");
}

TEST(HsdsCsv, AcceptsLfAndCrlfAndSkipsBlankLinesAndBom) {
  auto rows = read_all("\xEF\xBB\xBFid,name\n\n1,a\r\n\r\n2,b");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0].text, "id");
  EXPECT_EQ(rows[2][1].text, "b");
}

TEST(HsdsCsv, KeepsCrlfInsideQuotedFields) {
  auto rows = read_all("a\r\n\"x\r\ny\"\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0].text, "x\r\ny");
}

TEST(HsdsCsv, ReportsRecordLines) {
  std::istringstream in("h1,h2\n\"multi\nline\",x\nnext,y\n");
  CsvReader r(in);
  std::vector<CsvField> f;
  ASSERT_TRUE(r.next(f));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.record_line(), 2u);
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.record_line(), 4u);  // the quoted newline moved the line on
  EXPECT_EQ(r.records(), 3u);
}

TEST(HsdsCsv, MalformedInputRaisesErrorsWithTheLine) {
  for (const char* bad : {"a,b\n\"open,x\n", "a\nab\"c\n", "a\n\"x\"y\n"}) {
    std::istringstream in(bad);
    CsvReader r(in);
    std::vector<CsvField> f;
    try {
      while (r.next(f)) {
      }
      ADD_FAILURE() << "no error for " << bad;
    } catch (const CsvError& e) {
      EXPECT_EQ(e.line, 2u) << bad;
      EXPECT_FALSE(std::string(e.what()).empty());
    }
  }
}

TEST(HsdsCsv, OverlongFieldIsAnError) {
  std::istringstream in("a\n\"" + std::string(100, 'x') + "\"\n");
  CsvReader r(in, 50);
  std::vector<CsvField> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_THROW(r.next(f), CsvError);
}

TEST(HsdsCsv, WriterQuotesOnlyWhenNeededAndRoundTrips) {
  std::vector<std::optional<std::string>> fields = {"plain", std::nullopt, "", "a,b", "say \"hi\"", "l1\nl2\r\nl3",
                                                    "Crèche « Les Loups »", " spaced "};
  std::string out;
  append_csv_record(out, fields);
  EXPECT_EQ(out, "plain,,\"\",\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\r\nl3\",Crèche « Les Loups », spaced \r\n");
  auto rows = read_all(out);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(rows[0][i].value(), fields[i]) << i;
}

}  // namespace
}  // namespace samen::directory

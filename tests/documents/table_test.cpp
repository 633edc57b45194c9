// documents::Table and its CSV and XLSX forms, without a server: rows checked
// against their columns, CSV quoting and formula neutralising, Brussels wall
// clock for date-times, and XLSX read back by the directory's spreadsheet
// reader (values) and unzipped (bold frozen header, date formats, widths).
#include <gtest/gtest.h>

#include "directory/import/spreadsheet_table.hpp"
#include "documents/download.hpp"
#include "documents/run_tool.hpp"
#include "documents/table.hpp"
#include "documents/xlsx.hpp"
#include "documents/zip_entry.hpp"
#include "support/test_db.hpp"

namespace samen::documents {
namespace {

// 2026-07-01 10:30:05 UTC is 12:30:05 in Brussels (summer time); 2026-01-15 09:00 UTC is 10:00 (winter).
constexpr std::int64_t kSummer = 1782901805;
constexpr std::int64_t kWinter = 1768467600;

Table sample() {
  Table t({{"Naam", ColumnType::text},
           {"Aantal", ColumnType::integer},
           {"Bedrag", ColumnType::number},
           {"Dag", ColumnType::date},
           {"Tijdstip", ColumnType::date_time}});
  t.add_row({std::string("Crèche \"Zonnebloem\", Jette"), std::int64_t{12}, 2.5, Date{"2026-03-14"}, DateTime{kSummer}});
  t.add_row({std::string("=HYPERLINK(\"http://evil\")"), std::monostate{}, std::int64_t{3}, std::monostate{},
             DateTime{kWinter}});
  return t;
}

TEST(DocumentsTable, RowsMustMatchTheirColumns) {
  Table t({{"a", ColumnType::text}, {"d", ColumnType::date}});
  EXPECT_THROW(t.add_row({std::string("x")}), std::invalid_argument);
  EXPECT_THROW(t.add_row({std::int64_t{1}, std::monostate{}}), std::invalid_argument);
  EXPECT_THROW(t.add_row({std::string("x"), Date{"2026-02-30"}}), std::invalid_argument);
  EXPECT_THROW(t.add_row({std::string("x"), std::string("2026-02-03")}), std::invalid_argument);
  t.add_row({std::monostate{}, Date{"2024-02-29"}});
  EXPECT_EQ(t.rows().size(), 1u);
}

TEST(DocumentsTable, BrusselsWallClockFollowsSummerTime) {
  EXPECT_EQ(brussels_date_time(kSummer), "2026-07-01 12:30:05");
  EXPECT_EQ(brussels_date_time(kWinter), "2026-01-15 10:00:00");
}

TEST(DocumentsTable, CsvQuotesNeutralisesFormulasAndWritesDatesAsIso) {
  std::string csv = write_csv(sample());
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "Naam,Aantal,Bedrag,Dag,Tijdstip\r\n"
            "\"Crèche \"\"Zonnebloem\"\", Jette\",12,2.5,2026-03-14,2026-07-01 12:30:05\r\n"
            "\"'=HYPERLINK(\"\"http://evil\"\")\",,3,,2026-01-15 10:00:00\r\n");
  // The directory's reader (what an import would do) reads it back.
  auto back = directory::parse_csv(csv);
  ASSERT_EQ(back.rows.size(), 2u);
  EXPECT_EQ(back.rows[0].cells[0], "Crèche \"Zonnebloem\", Jette");
}

TEST(DocumentsTable, XlsxHoldsTypedCellsABoldFrozenHeaderAndWidths) {
  std::string xlsx = write_xlsx(sample(), "Audit: [2026]");
  ASSERT_TRUE(xlsx.starts_with("PK\x03\x04"));
  auto sheet = directory::parse_xlsx(xlsx);
  EXPECT_EQ(sheet.header, (std::vector<std::string>{"Naam", "Aantal", "Bedrag", "Dag", "Tijdstip"}));
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[0].cells[0], "Crèche \"Zonnebloem\", Jette");
  EXPECT_EQ(sheet.rows[0].cells[1], "12");
  EXPECT_EQ(sheet.rows[0].cells[2], "2.5");
  // XLSX text cells are never formulas: the text stays as it was.
  EXPECT_EQ(sheet.rows[1].cells[0], "=HYPERLINK(\"http://evil\")");

  auto workbook = testing::zip_entry(xlsx, "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"Audit 2026\""), std::string::npos) << *workbook;
  auto xml = testing::zip_entry(xlsx, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(xml);
  EXPECT_NE(xml->find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(xml->find("<autoFilter ref=\"A1:E3\""), std::string::npos);
  EXPECT_NE(xml->find("customWidth=\"1\""), std::string::npos);
  // Numbers and dates are numeric cells (no t="s"); the date 2026-03-14 is Excel serial 46095.
  EXPECT_NE(xml->find("<c r=\"B2\"><v>12</v></c>"), std::string::npos) << *xml;
  EXPECT_NE(xml->find("<v>46095</v>"), std::string::npos);
  auto styles = testing::zip_entry(xlsx, "xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("formatCode=\"yyyy-mm-dd\""), std::string::npos);
  EXPECT_NE(styles->find("formatCode=\"yyyy-mm-dd hh:mm\""), std::string::npos);
  EXPECT_NE(styles->find("<b/>"), std::string::npos);
}

// openpyxl (Debian's python3-openpyxl), the reader behind many data tools,
// sees typed cells: dates and date-times as datetime, numbers as numbers,
// the header bold and frozen.
TEST(DocumentsTable, OpenpyxlReadsDatesAsDatesAndNumbersAsNumbers) {
  testing::TempDir dir;
  auto file = dir.path() / "t.xlsx";
  testing::write_file(file, write_xlsx(sample(), "Audit"));
  auto r = testing::run_tool(
      "/usr/bin/python3 -c '"
      "import sys, openpyxl\n"
      "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
      "print(ws.title, ws.freeze_panes, ws[\"A1\"].font.b)\n"
      "for row in ws.iter_rows(min_row=2, values_only=True):\n"
      "    print([type(v).__name__ + \":\" + str(v) for v in row])\n"
      "' " + file.string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output,
            "Audit A2 True\n"
            "['str:Crèche \"Zonnebloem\", Jette', 'int:12', 'float:2.5', 'datetime:2026-03-14 00:00:00', "
            "'datetime:2026-07-01 12:30:05']\n"
            "['str:=HYPERLINK(\"http://evil\")', 'NoneType:None', 'int:3', 'NoneType:None', "
            "'datetime:2026-01-15 10:00:00']\n");
}

TEST(DocumentsTable, XlsxDropsControlCharactersAndCutsOverlongCells) {
  Table t({{"t", ColumnType::text}});
  t.add_row({std::string("a\x01" "b\xff")});
  t.add_row({std::string(40000, 'x')});
  auto sheet = directory::parse_xlsx(write_xlsx(t, ""), {.max_cell_bytes = 100000});
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[0].cells[0], "ab\xEF\xBF\xBD");
  EXPECT_EQ(sheet.rows[1].cells[0].size(), 32767u);
}

TEST(DocumentsDownload, FormatsAndFileNames) {
  http::Request r;
  EXPECT_EQ(requested_table_format(r), TableFormat::html);
  r.query = "format=xlsx";
  EXPECT_EQ(requested_table_format(r), TableFormat::xlsx);
  r.query = "format=pdf";
  EXPECT_EQ(requested_table_format(r), std::nullopt);
  EXPECT_EQ(attachment_disposition("verslag é\"x.pdf"),
            "attachment; filename=\"verslag____x.pdf\"; filename*=UTF-8''verslag%20%C3%A9%22x.pdf")
      << "one _ per byte that is not a letter, digit, dot, dash or underscore";
  EXPECT_EQ(attachment_disposition("..\r\n"), "attachment; filename=\"__\"; filename*=UTF-8''..%0D%0A");
  auto res = table_download(sample(), TableFormat::csv, "audit");
  EXPECT_EQ(res.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res.header("content-disposition"), "attachment; filename=\"audit.csv\"; filename*=UTF-8''audit.csv");
}

}  // namespace
}  // namespace samen::documents

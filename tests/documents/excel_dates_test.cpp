// Dates in XLSX files: number formats told apart (built-in and custom), Excel
// serials turned into ISO text (1900 and 1904 calendars), and the directory's
// spreadsheet reader giving ISO dates and times for a file libxlsxwriter wrote
// with date cells (before, they arrived as serial numbers such as 46095).
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cmath>
#include <fstream>
#include <iterator>

#include "directory/import/spreadsheet_table.hpp"
#include "documents/excel_dates.hpp"
#include "support/test_db.hpp"

namespace samen::documents {
namespace {

TEST(DocumentsExcelDates, BuiltInAndCustomFormats) {
  EXPECT_EQ(number_format_kind(14, ""), DateKind::date);
  EXPECT_EQ(number_format_kind(20, ""), DateKind::time);
  EXPECT_EQ(number_format_kind(22, ""), DateKind::date_time);
  EXPECT_EQ(number_format_kind(46, ""), DateKind::time);
  EXPECT_EQ(number_format_kind(0, ""), DateKind::none);
  EXPECT_EQ(number_format_kind(2, ""), DateKind::none);
  EXPECT_EQ(number_format_kind(49, ""), DateKind::none);  // text "@"
  EXPECT_EQ(number_format_kind(164, "dd/mm/yyyy"), DateKind::date);
  EXPECT_EQ(number_format_kind(165, "[$-813]d mmmm yyyy;@"), DateKind::date);
  EXPECT_EQ(number_format_kind(166, "mmm"), DateKind::date);
  EXPECT_EQ(number_format_kind(167, "hh:mm"), DateKind::time);
  EXPECT_EQ(number_format_kind(168, "[h]:mm"), DateKind::time);
  EXPECT_EQ(number_format_kind(169, "yyyy-mm-dd hh:mm"), DateKind::date_time);
  EXPECT_EQ(number_format_kind(170, "0.00"), DateKind::none);
  EXPECT_EQ(number_format_kind(171, "[Red]#,##0;[Blue]-#,##0"), DateKind::none);
  EXPECT_EQ(number_format_kind(172, "0 \"days\""), DateKind::none) << "d inside quotes is literal text";
  EXPECT_EQ(number_format_kind(173, "#,##0\\ \\d"), DateKind::none) << "escaped d is literal text";
  EXPECT_EQ(number_format_kind(174, "General"), DateKind::none);
}

TEST(DocumentsExcelDates, SerialsBecomeIsoText) {
  EXPECT_EQ(excel_serial_to_iso(46095, DateKind::date), "2026-03-14");
  EXPECT_EQ(excel_serial_to_iso(45123, DateKind::date), "2023-07-16");
  EXPECT_EQ(excel_serial_to_iso(1, DateKind::date), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso(61, DateKind::date), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(0.375, DateKind::time), "09:00");
  EXPECT_EQ(excel_serial_to_iso(0.5 + 1.0 / 86400, DateKind::time), "12:00:01");
  EXPECT_EQ(excel_serial_to_iso(46095.75, DateKind::date_time), "2026-03-14T18:00:00");
  EXPECT_EQ(excel_serial_to_iso(0.99999999, DateKind::date_time), "1900-01-01T00:00:00")
      << "rounded to the next whole second, not 23:59:60";
  EXPECT_EQ(excel_serial_to_iso(44633, DateKind::date, true), "2026-03-14") << "1904 calendar";
  EXPECT_EQ(excel_serial_to_iso(46095, DateKind::none), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(-1, DateKind::date), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(3e6, DateKind::date), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(std::nan(""), DateKind::date), std::nullopt);
}

// A workbook written by libxlsxwriter: a header, then a row with a date in a
// built-in format, one in a custom Belgian format, a time, a date-time, a
// plain number and a number with a currency format.
std::string workbook_with_date_cells() {
  testing::TempDir dir;
  std::string file = (dir.path() / "dates.xlsx").string();
  lxw_workbook* wb = workbook_new(file.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* builtin_date = workbook_add_format(wb);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* belgian = workbook_add_format(wb);
  format_set_num_format(belgian, "dd/mm/yyyy");
  lxw_format* clock = workbook_add_format(wb);
  format_set_num_format(clock, "hh:mm");
  lxw_format* stamp = workbook_add_format(wb);
  format_set_num_format(stamp, "d mmmm yyyy hh:mm");
  lxw_format* euro = workbook_add_format(wb);
  format_set_num_format(euro, "#,##0.00 [$€-813]");
  const char* headers[] = {"start", "einde", "opent", "bijgewerkt", "plaatsen", "prijs"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c], nullptr);
  lxw_datetime start{2026, 9, 1, 0, 0, 0}, end{2027, 6, 30, 0, 0, 0}, opens{0, 0, 0, 8, 30, 0},
      updated{2026, 12, 1, 17, 45, 0};
  worksheet_write_datetime(ws, 1, 0, &start, builtin_date);
  worksheet_write_datetime(ws, 1, 1, &end, belgian);
  worksheet_write_datetime(ws, 1, 2, &opens, clock);
  worksheet_write_datetime(ws, 1, 3, &updated, stamp);
  worksheet_write_number(ws, 1, 4, 45123, nullptr);
  worksheet_write_number(ws, 1, 5, 12.5, euro);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(DocumentsExcelDates, SpreadsheetImportReadsDateCellsAsDates) {
  auto sheet = directory::parse_xlsx(workbook_with_date_cells());
  ASSERT_EQ(sheet.rows.size(), 1u);
  EXPECT_EQ(sheet.rows[0].cells, (std::vector<std::string>{"2026-09-01", "2027-06-30", "08:30", "2026-12-01T17:45:00",
                                                           "45123", "12.5"}));
}

}  // namespace
}  // namespace samen::documents

// A table as a page shows it, ready to leave Samen as a file: typed columns
// (text, integer, number, date, date-time) and rows of cells. Pages build one
// and hand it to write_csv or write_xlsx (xlsx.hpp), usually through
// table_download (download.hpp) when the request asks ?format=csv|xlsx.
// Plain data and text, no I/O.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace samen::documents {

enum class ColumnType { text, integer, number, date, date_time };

struct Column {
  std::string title;
  ColumnType type = ColumnType::text;
};

// A calendar day, "YYYY-MM-DD".
struct Date {
  std::string iso;
};
// A moment (Unix seconds); files show it as the wall clock in Europe/Brussels.
struct DateTime {
  std::int64_t unix_seconds = 0;
};

// An empty cell is std::monostate; otherwise the alternative matches the
// column's type (an integer is also accepted in a number column).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, Date, DateTime>;

class Table {
 public:
  Table() = default;
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // Throws std::invalid_argument when the row has the wrong number of cells,
  // a cell of another type than its column, or a date that is no calendar day.
  void add_row(std::vector<Cell> cells);

  const std::vector<Column>& columns() const { return columns_; }
  const std::vector<std::vector<Cell>>& rows() const { return rows_; }

  // An export capped below the rows its query matched says so: `note` is
  // written as a last line after the rows (CSV and XLSX), and the download
  // names both counts in a header (download.hpp). total: the rows matched.
  void mark_cut(std::int64_t total, std::string note) {
    cut_total_ = total;
    cut_note_ = std::move(note);
  }
  bool cut() const { return cut_total_ > static_cast<std::int64_t>(rows_.size()); }
  std::int64_t cut_total() const { return cut_total_; }
  const std::string& cut_note() const { return cut_note_; }

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<Cell>> rows_;
  std::int64_t cut_total_ = 0;
  std::string cut_note_;
};

// A moment as the wall clock in Brussels: "YYYY-MM-DD HH:MM:SS".
std::string brussels_date_time(std::int64_t unix_seconds);

// RFC 4180 CSV in UTF-8 with a byte order mark (so Excel reads accents),
// comma-separated, CRLF line ends, header first. Dates as YYYY-MM-DD,
// date-times as Brussels wall clock, numbers with a decimal point. A text
// that starts with = + - @ or a tab gets a leading apostrophe, so a
// spreadsheet never runs it as a formula (CSV injection). A cut table ends
// with one more record: its note in the first field, the others empty.
std::string write_csv(const Table& table);

}  // namespace samen::documents

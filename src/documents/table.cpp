// Table rows checked against their columns, and the CSV form of a table
// (written with the project's RFC 4180 writer).
#include "documents/table.hpp"

#include <cmath>
#include <cstdio>

#include "util/csv.hpp"
#include "i18n/brussels_time.hpp"
#include "util/dates.hpp"

namespace samen::documents {

namespace {

bool cell_fits(const Cell& cell, ColumnType type) {
  if (std::holds_alternative<std::monostate>(cell)) return true;
  switch (type) {
    case ColumnType::text: return std::holds_alternative<std::string>(cell);
    case ColumnType::integer: return std::holds_alternative<std::int64_t>(cell);
    case ColumnType::number: return std::holds_alternative<double>(cell) || std::holds_alternative<std::int64_t>(cell);
    case ColumnType::date: return std::holds_alternative<Date>(cell);
    case ColumnType::date_time: return std::holds_alternative<DateTime>(cell);
  }
  return false;
}

std::string number_text(double v) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// Spreadsheet programs run a cell starting with one of these as a formula.
bool looks_like_formula(const std::string& s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

std::optional<std::string> csv_text(const Cell& cell) {
  struct Visitor {
    std::optional<std::string> operator()(std::monostate) const { return std::nullopt; }
    std::optional<std::string> operator()(const std::string& s) const {
      return looks_like_formula(s) ? "'" + s : s;
    }
    std::optional<std::string> operator()(std::int64_t v) const { return std::to_string(v); }
    std::optional<std::string> operator()(double v) const { return number_text(v); }
    std::optional<std::string> operator()(const Date& d) const { return d.iso; }
    std::optional<std::string> operator()(const DateTime& t) const { return brussels_date_time(t.unix_seconds); }
  };
  return std::visit(Visitor{}, cell);
}

}  // namespace

void Table::add_row(std::vector<Cell> cells) {
  if (cells.size() != columns_.size())
    throw std::invalid_argument("table row has " + std::to_string(cells.size()) + " cells for " +
                                std::to_string(columns_.size()) + " columns");
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (!cell_fits(cells[i], columns_[i].type))
      throw std::invalid_argument("cell of another type than column \"" + columns_[i].title + "\"");
    if (auto* d = std::get_if<Date>(&cells[i]); d && !dates::valid_iso(d->iso))
      throw std::invalid_argument("\"" + d->iso + "\" is not a date (column \"" + columns_[i].title + "\")");
  }
  rows_.push_back(std::move(cells));
}

std::string brussels_date_time(std::int64_t unix_seconds) {
  auto local = i18n::brussels_time(unix_seconds);
  // Brussels is a whole number of hours from UTC, so the seconds are UTC's.
  int seconds = static_cast<int>(((unix_seconds % 60) + 60) % 60);
  char clock[40];  // room for any int, so the compiler sees no truncation
  std::snprintf(clock, sizeof clock, " %02d:%02d:%02d", local.minute / 60, local.minute % 60, seconds);
  return local.date + clock;
}

std::string write_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::optional<std::string>> fields;
  for (const auto& c : table.columns()) fields.emplace_back(c.title);
  csv::append_record(out, fields);
  for (const auto& row : table.rows()) {
    fields.clear();
    for (const auto& cell : row) fields.push_back(csv_text(cell));
    csv::append_record(out, fields);
  }
  if (table.cut()) {
    fields.assign(table.columns().size(), std::nullopt);
    if (!fields.empty()) fields[0] = csv_text(Cell{table.cut_note()});
    csv::append_record(out, fields);
  }
  return out;
}

}  // namespace samen::documents

// XLSX through libxlsxwriter. The library (1.1.4 in Debian 12) writes only
// to a file, so the workbook goes to a private temporary directory and is
// read back.
#include "documents/xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "util/text.hpp"

namespace samen::documents {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxCellBytes = 32767;  // Excel's limit for one cell's text

// A directory only this process can read, removed with its content.
class PrivateTempDir {
 public:
  PrivateTempDir() {
    std::string templ = (fs::temp_directory_path() / "samen-xlsx-XXXXXX").string();
    if (!mkdtemp(templ.data())) throw std::runtime_error("cannot create a temporary directory for an XLSX file");
    path_ = templ;
  }
  ~PrivateTempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Valid UTF-8 without the control characters XML 1.0 cannot carry, within Excel's cell limit.
std::string cell_text(std::string_view s) {
  std::string valid = text::replace_invalid_utf8(s);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out += c;
  }
  if (out.size() > kMaxCellBytes) {
    std::size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.resize(cut);
  }
  return out;
}

std::string sheet_title(std::string_view name) {
  std::string out;
  for (char c : cell_text(name))
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos && c != '\n' && c != '\r' && c != '\t') out += c;
  // Excel counts characters; cut at 31 code points.
  std::size_t chars = 0, i = 0;
  for (; i < out.size(); ++i)
    if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80 && ++chars > LXW_SHEETNAME_MAX) break;
  out.resize(i);
  if (!out.empty() && out.front() == '\'') out.erase(0, 1);
  if (!out.empty() && out.back() == '\'') out.pop_back();
  return out.empty() ? "Sheet1" : out;
}

std::size_t display_width(std::string_view s) {
  std::size_t longest = 0, current = 0;
  for (char c : s) {
    if (c == '\n') longest = std::max(longest, current), current = 0;
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++current;
  }
  return std::max(longest, current);
}

std::optional<lxw_datetime> excel_date(const std::string& iso) {
  lxw_datetime dt{};
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) != 3) return std::nullopt;
  if (dt.year < 1900 || dt.year > 9999) return std::nullopt;  // outside Excel's calendar
  return dt;
}

std::optional<lxw_datetime> excel_date_time(std::int64_t unix_seconds) {
  std::string local = brussels_date_time(unix_seconds);  // "YYYY-MM-DD HH:MM:SS"
  lxw_datetime dt{};
  int sec = 0;
  if (std::sscanf(local.c_str(), "%4d-%2d-%2d %2d:%2d:%2d", &dt.year, &dt.month, &dt.day, &dt.hour, &dt.min, &sec) != 6)
    return std::nullopt;
  dt.sec = sec;
  if (dt.year < 1900 || dt.year > 9999) return std::nullopt;
  return dt;
}

struct Formats {
  lxw_format* header;
  lxw_format* date;
  lxw_format* date_time;
  lxw_format* wrap;
};

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + what + ": " + lxw_strerror(e));
}

// Writes one cell; returns the width its text needs.
std::size_t write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell, const Formats& f) {
  if (auto* s = std::get_if<std::string>(&cell)) {
    std::string text = cell_text(*s);
    if (text.empty()) return 0;
    check(worksheet_write_string(ws, r, c, text.c_str(), text.find('\n') == std::string::npos ? nullptr : f.wrap),
          "text cell");
    return display_width(text);
  }
  if (auto* i = std::get_if<std::int64_t>(&cell)) {
    check(worksheet_write_number(ws, r, c, static_cast<double>(*i), nullptr), "number cell");
    return std::to_string(*i).size();
  }
  if (auto* d = std::get_if<double>(&cell)) {
    if (!std::isfinite(*d)) return 0;
    check(worksheet_write_number(ws, r, c, *d, nullptr), "number cell");
    return 12;
  }
  if (auto* d = std::get_if<Date>(&cell)) {
    auto dt = excel_date(d->iso);
    if (dt) check(worksheet_write_datetime(ws, r, c, &*dt, f.date), "date cell");
    else check(worksheet_write_string(ws, r, c, d->iso.c_str(), nullptr), "date cell");
    return 10;
  }
  if (auto* t = std::get_if<DateTime>(&cell)) {
    auto dt = excel_date_time(t->unix_seconds);
    if (dt) check(worksheet_write_datetime(ws, r, c, &*dt, f.date_time), "date-time cell");
    else check(worksheet_write_string(ws, r, c, brussels_date_time(t->unix_seconds).c_str(), nullptr), "date-time cell");
    return 16;
  }
  return 0;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("XLSX: cannot read the written workbook");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

std::string write_xlsx(const Table& table, std::string_view sheet_name) {
  const auto& columns = table.columns();
  if (table.rows().size() + 3 > LXW_ROW_MAX) throw std::runtime_error("XLSX: more rows than a worksheet holds");
  if (columns.size() > LXW_COL_MAX) throw std::runtime_error("XLSX: more columns than a worksheet holds");
  PrivateTempDir dir;
  std::string file = (dir.path() / "table.xlsx").string(), tmp = dir.path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = tmp.data();
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw std::runtime_error("XLSX: cannot create a workbook");
  try {
    std::string title = sheet_title(sheet_name);
    lxw_worksheet* ws = workbook_add_worksheet(wb, title.c_str());
    if (!ws) throw std::runtime_error("XLSX: cannot add a worksheet");
    Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_num_format(f.date, "yyyy-mm-dd");
    format_set_num_format(f.date_time, "yyyy-mm-dd hh:mm");
    format_set_text_wrap(f.wrap);

    std::vector<std::size_t> widths(columns.size(), 0);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string text = cell_text(columns[c].title);
      check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), text.c_str(), f.header), "header");
      widths[c] = display_width(text) + 3;  // room for the filter button
    }
    for (std::size_t r = 0; r < table.rows().size(); ++r) {
      const auto& row = table.rows()[r];
      for (std::size_t c = 0; c < row.size(); ++c)
        widths[c] = std::max(widths[c], write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), row[c], f));
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      double width = static_cast<double>(std::clamp<std::size_t>(widths[c] + 1, 8, 60));
      check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr), "width");
    }
    if (table.cut() && !columns.empty()) {
      // After an empty row, so the filter range and sorting leave the note out.
      std::string note = cell_text(table.cut_note());
      check(worksheet_write_string(ws, static_cast<lxw_row_t>(table.rows().size() + 2), 0, note.c_str(), f.header),
            "cut note");
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (!columns.empty())
      check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows().size()),
                                 static_cast<lxw_col_t>(columns.size() - 1)),
            "filter");
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "closing the workbook");
  return read_file(file);
}

}  // namespace samen::documents

// Excel number formats and serial dates; see excel_dates.hpp.
#include "documents/excel_dates.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "util/dates.hpp"

namespace samen::documents {

namespace {

// The format's tokens without literal text ("..."), escaped characters (\x or
// _x and *x), and bracketed parts ([Red], [$-813], [h] counts as h).
std::string format_tokens(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      std::string_view inside = code.substr(i + 1, close - i - 1);
      // Elapsed time ([h], [mm], [ss]) is a time; colours, locales and conditions are not tokens.
      if (!inside.empty() && (std::tolower(static_cast<unsigned char>(inside[0])) == 'h' ||
                              std::tolower(static_cast<unsigned char>(inside[0])) == 'm' ||
                              std::tolower(static_cast<unsigned char>(inside[0])) == 's'))
        out += 'h';
      i = close;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

}  // namespace

DateKind number_format_kind(int id, std::string_view code) {
  if (id >= 14 && id <= 17) return DateKind::date;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateKind::time;
  if (id == 22) return DateKind::date_time;
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return DateKind::date;
  if (id < 164 && code.empty()) return DateKind::none;  // other built-in formats: numbers, text
  std::string t = format_tokens(code);
  // Only the first section counts (positive numbers); "General" is no date.
  t = t.substr(0, t.find(';'));
  if (t.find("general") != std::string::npos) return DateKind::none;
  bool time = t.find('h') != std::string::npos || t.find('s') != std::string::npos;
  bool date = t.find('y') != std::string::npos || t.find('d') != std::string::npos ||
              (t.find('m') != std::string::npos && !time) || t.find('e') != std::string::npos;
  if (date && time) return DateKind::date_time;
  if (date) return DateKind::date;
  if (time) return DateKind::time;
  return DateKind::none;
}

std::optional<std::string> excel_serial_to_iso(double serial, DateKind kind, bool date1904) {
  if (kind == DateKind::none || !std::isfinite(serial) || serial < 0 || serial > 2958465.99999) return std::nullopt;
  // Whole seconds, rounded, so 0.999999 of a day after 23:59:59.6 does not show 24:00.
  auto total_seconds = static_cast<long long>(std::llround(serial * 86400.0));
  long days = static_cast<long>(total_seconds / 86400);
  long seconds = static_cast<long>(total_seconds % 86400);
  char clock[16];
  if (kind == DateKind::time && seconds % 60 == 0)
    std::snprintf(clock, sizeof clock, "%02ld:%02ld", seconds / 3600, seconds / 60 % 60);
  else
    std::snprintf(clock, sizeof clock, "%02ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (kind == DateKind::time) return clock;
  // Excel's 1900 calendar counts a 29 February 1900 that never was (serial 60):
  // from serial 61 on, day 0 is 1899-12-30; before it, 1899-12-31.
  std::string day = date1904 ? dates::add_days("1904-01-01", static_cast<int>(days))
                    : days >= 61 ? dates::add_days("1899-12-30", static_cast<int>(days))
                                 : dates::add_days("1899-12-31", static_cast<int>(days));
  if (day.size() != 10) return std::nullopt;  // unreadable, or past year 9999
  if (kind == DateKind::date) return day;
  return day + "T" + clock;
}

}  // namespace samen::documents

// ISO calendar dates (see dates.hpp).
#include "util/dates.hpp"

#include <array>
#include <cstdio>

namespace samen::dates {

namespace {

// The value of `count` decimal digits at text[pos], or -1.
int digits_at(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<CivilDate> parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = digits_at(text, 0, 4), month = digits_at(text, 5, 2), day = digits_at(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return CivilDate{year, month, day};
}

bool valid_iso(std::string_view text) { return parse_iso(text).has_value(); }

std::string format_iso(CivilDate date) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

long days_since_epoch(CivilDate c) {
  long y = c.year - (c.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (c.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + c.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate from_days_since_epoch(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

std::string add_days(std::string_view iso, int days) {
  auto d = parse_iso(iso);
  if (!d) return {};
  return format_iso(from_days_since_epoch(days_since_epoch(*d) + days));
}

std::optional<long> days_between(std::string_view from, std::string_view to) {
  auto a = parse_iso(from), b = parse_iso(to);
  if (!a || !b) return std::nullopt;
  return days_since_epoch(*b) - days_since_epoch(*a);
}

int weekday(std::string_view iso) {
  auto d = parse_iso(iso);
  if (!d) return -1;
  long days = days_since_epoch(*d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

}  // namespace samen::dates

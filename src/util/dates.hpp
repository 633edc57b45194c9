// Calendar dates as ISO 8601 text ("2025-03-01") on the proleptic Gregorian
// calendar: the one place that knows leap years, month lengths and what a
// valid date is. Plain functions without I/O or time zones (Brussels wall
// time is in i18n/brussels_time.hpp).
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace samen::dates {

struct CivilDate {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const CivilDate&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1-12

// Exactly "YYYY-MM-DD" naming a real day (years 0000-9999, as RFC 3339's
// full-date); nullopt for anything else, white space and date-times included.
std::optional<CivilDate> parse_iso(std::string_view text);
bool valid_iso(std::string_view text);
std::string format_iso(CivilDate date);  // "2025-03-01"

// Days since 1970-01-01 and back (H. Hinnant's algorithms, any year).
long days_since_epoch(CivilDate date);
CivilDate from_days_since_epoch(long days);

// Arithmetic on ISO text: "" / nullopt / -1 when the date is not valid_iso.
std::string add_days(std::string_view iso, int days);
std::optional<long> days_between(std::string_view from, std::string_view to);  // negative when `to` is earlier
int weekday(std::string_view iso);                                             // 0 = Monday .. 6 = Sunday

}  // namespace samen::dates

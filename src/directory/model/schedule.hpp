// Opening hours of services and locations, from HSDS schedule rows (weekly
// rules: freq WEEKLY, byday, opens_at, closes_at, valid_from/valid_to) and
// Samen's schedule_exceptions (holidays, closures, special hours). Plain
// logic in Europe/Brussels time, DST-correct; no I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/brussels_time.hpp"

namespace samen::directory {

struct WeeklyOpening {
  int weekday = 0;        // 0 = Monday .. 6 = Sunday
  int opens_minute = 0;   // minutes after local midnight
  int closes_minute = 0;  // may be < opens_minute for a period past midnight
  std::string valid_from; // ISO date or ""
  std::string valid_to;   // ISO date or ""
};

struct ScheduleException {
  std::string starts_on;  // ISO date, inclusive
  std::string ends_on;    // ISO date, inclusive
  bool closed = true;
  int opens_minute = 0;   // when !closed: the hours that day instead
  int closes_minute = 0;
  std::string description;
};

struct OpeningHours {
  std::vector<WeeklyOpening> weekly;
  std::vector<ScheduleException> exceptions;
  bool empty() const { return weekly.empty(); }
};

// One HSDS schedule row (only the fields Samen interprets).
struct ScheduleRow {
  std::string freq, byday, opens_at, closes_at, valid_from, valid_to;
};
// Converts rows; rules Samen cannot interpret are skipped (their description still shows).
OpeningHours opening_hours_from(const std::vector<ScheduleRow>& rows, const std::vector<ScheduleException>& exceptions);

bool is_open_at(const OpeningHours& h, std::int64_t unix_seconds);
bool is_open_on_weekday(const OpeningHours& h, int weekday);
// Local (Europe/Brussels) weekday 0..6 and ISO date of a moment.
int brussels_weekday(std::int64_t unix_seconds);
std::string brussels_date(std::int64_t unix_seconds);

// ---- building blocks (also used by the service page) ----------------------

// HSDS byday "MO,TU" → {0, 1}; codes with an ordinal ("1MO", "-1FR") and
// unknown codes are left out.
std::vector<int> parse_byday(std::string_view byday);
// "HH:MM" or "HH:MM:SS", 00:00 .. 24:00 → minutes after midnight.
std::optional<int> parse_clock(std::string_view hhmm);
// 450 → "07:30"; 1440 → "24:00".
std::string format_clock(int minutes);

// A moment as a clock on a wall in Brussels (i18n/brussels_time.hpp).
using i18n::BrusselsTime;
using i18n::brussels_time;

// (ISO date arithmetic is in util/dates.hpp.)

// One opening on a day; closes_minute < opens_minute runs past midnight.
struct OpenPeriod {
  int opens_minute = 0;
  int closes_minute = 0;
};
// The exceptions covering a local date.
std::vector<const ScheduleException*> exceptions_on(const OpeningHours& h, std::string_view iso_date);
// The periods that start on a local date: the weekly rules valid that day,
// or, when exceptions cover the day, their special hours (none when closed).
std::vector<OpenPeriod> periods_on(const OpeningHours& h, std::string_view iso_date);
// The weekly rules of a weekday valid on a date (ignoring exceptions).
std::vector<OpenPeriod> regular_periods_on(const OpeningHours& h, std::string_view iso_date);
// Exceptions that have not ended before the date, by start date.
std::vector<ScheduleException> exceptions_from(const OpeningHours& h, std::string_view iso_date);

}  // namespace samen::directory

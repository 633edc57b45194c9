// Opening hours of services and locations, from HSDS schedule rows (weekly
// rules: freq WEEKLY, byday, opens_at, closes_at, valid_from/valid_to) and
// Samen's schedule_exceptions (holidays, closures, special hours). Plain
// logic in Europe/Brussels time, DST-correct; no I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

}  // namespace samen::directory

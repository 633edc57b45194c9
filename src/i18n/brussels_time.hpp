// A moment as the clock on a wall in Brussels (Europe/Brussels, ICU): the
// local date, weekday and minute of the day. Opening hours, calendar feeds
// and exported date-times of every module use it.
#pragma once
#include <cstdint>
#include <string>

namespace samen::i18n {

struct BrusselsTime {
  std::string date;  // ISO date
  int weekday = 0;   // 0 = Monday .. 6 = Sunday
  int minute = 0;    // minutes after local midnight
};
BrusselsTime brussels_time(std::int64_t unix_seconds);

}  // namespace samen::i18n

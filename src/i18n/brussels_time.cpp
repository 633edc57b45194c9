// Brussels wall time through a per-thread ICU calendar (brussels_time.hpp).
#include "i18n/brussels_time.hpp"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <memory>
#include <stdexcept>

#include "util/dates.hpp"

namespace samen::i18n {

namespace {

icu::Calendar& brussels_calendar() {
  thread_local std::unique_ptr<icu::Calendar> calendar = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/Brussels"));
    if (!zone || *zone == icu::TimeZone::getUnknown()) throw std::runtime_error("ICU has no Europe/Brussels zone");
    std::unique_ptr<icu::Calendar> c(icu::Calendar::createInstance(zone.release(), icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !c) throw std::runtime_error("cannot create an ICU calendar");
    return c;
  }();
  return *calendar;
}

}  // namespace

BrusselsTime brussels_time(std::int64_t unix_seconds) {
  icu::Calendar& cal = brussels_calendar();
  UErrorCode status = U_ZERO_ERROR;
  cal.setTime(static_cast<UDate>(unix_seconds) * 1000.0, status);
  int year = cal.get(UCAL_EXTENDED_YEAR, status);
  int month = cal.get(UCAL_MONTH, status) + 1;
  int day = cal.get(UCAL_DATE, status);
  int hour = cal.get(UCAL_HOUR_OF_DAY, status);
  int minute = cal.get(UCAL_MINUTE, status);
  int dow = cal.get(UCAL_DAY_OF_WEEK, status);  // 1 = Sunday
  if (U_FAILURE(status)) throw std::runtime_error("ICU calendar failed");
  return BrusselsTime{dates::format_iso({year, month, day}), (dow + 5) % 7, hour * 60 + minute};
}

}  // namespace samen::i18n

// Opening hours logic without a database: HSDS rows to weekly rules, "open
// now" in Europe/Brussels across the March and October summer-time switches,
// exceptions (holiday closures, special hours), periods past midnight, and
// the local weekday and date of UTC moments late in the evening.
#include <gtest/gtest.h>

#include <ctime>

#include "directory/model/schedule.hpp"

namespace samen::directory {
namespace {

// Unix seconds of a UTC wall-clock time.
std::int64_t utc(int y, int mo, int d, int h, int mi, int s = 0) {
  std::tm t{};
  t.tm_year = y - 1900;
  t.tm_mon = mo - 1;
  t.tm_mday = d;
  t.tm_hour = h;
  t.tm_min = mi;
  t.tm_sec = s;
  return static_cast<std::int64_t>(timegm(&t));
}

OpeningHours every_day(const std::string& opens, const std::string& closes) {
  return opening_hours_from({{"WEEKLY", "MO,TU,WE,TH,FR,SA,SU", opens, closes, "", ""}}, {});
}

TEST(Schedule, ParsesByday) {
  EXPECT_EQ(parse_byday("MO,TU"), (std::vector<int>{0, 1}));
  EXPECT_EQ(parse_byday("TH,FR"), (std::vector<int>{3, 4}));
  EXPECT_EQ(parse_byday(" su , mo ,SU"), (std::vector<int>{0, 6}));
  EXPECT_EQ(parse_byday("1MO,-1FR,XX,"), (std::vector<int>{}));  // ordinals are monthly rules
  EXPECT_TRUE(parse_byday("").empty());
}

TEST(Schedule, ParsesClockTimes) {
  EXPECT_EQ(parse_clock("08:00"), 480);
  EXPECT_EQ(parse_clock("18:30:00"), 1110);
  EXPECT_EQ(parse_clock("24:00"), 1440);
  EXPECT_EQ(parse_clock("00:00"), 0);
  EXPECT_FALSE(parse_clock("24:01"));
  EXPECT_FALSE(parse_clock("8:00"));
  EXPECT_FALSE(parse_clock("08:60"));
  EXPECT_FALSE(parse_clock("08h00"));
  EXPECT_FALSE(parse_clock(""));
  EXPECT_EQ(format_clock(450), "07:30");
  EXPECT_EQ(format_clock(1440), "24:00");
}

TEST(Schedule, ReadsWeeklyRowsAndSkipsOthers) {
  auto h = opening_hours_from({{"WEEKLY", "MO,WE", "09:00", "12:00:00", "", ""},
                               {"weekly", "FR", "13:00", "17:00", "2025-01-01", "2025-06-30T00:00:00Z"},
                               {"", "TU", "10:00", "11:00", "", ""},          // no freq: read as weekly
                               {"MONTHLY", "1MO", "09:00", "12:00", "", ""},  // skipped
                               {"WEEKLY", "TH", "nine", "12:00", "", ""},     // unreadable: skipped
                               {"WEEKLY", "SA", "10:00", "10:00", "", ""}},   // empty: skipped
                              {});
  ASSERT_EQ(h.weekly.size(), 4u);
  EXPECT_EQ(h.weekly[0].weekday, 0);
  EXPECT_EQ(h.weekly[0].closes_minute, 720);
  EXPECT_EQ(h.weekly[1].weekday, 1);
  EXPECT_EQ(h.weekly[2].weekday, 2);
  EXPECT_EQ(h.weekly[3].weekday, 4);
  EXPECT_EQ(h.weekly[3].valid_to, "2025-06-30");
  EXPECT_TRUE(is_open_on_weekday(h, 4));
  EXPECT_FALSE(is_open_on_weekday(h, 3));
  EXPECT_FALSE(is_open_on_weekday(h, 5));
}

TEST(Schedule, ValidityPeriodLimitsARule) {
  auto h = opening_hours_from({{"WEEKLY", "FR", "13:00", "17:00", "2025-01-01", "2025-06-30"}}, {});
  EXPECT_TRUE(is_open_at(h, utc(2025, 6, 27, 12, 0)));    // Friday 14:00 CEST, in range
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 4, 12, 0)));    // Friday after valid_to
  EXPECT_FALSE(is_open_at(h, utc(2024, 12, 27, 13, 0)));  // Friday before valid_from
}

TEST(Schedule, SummerAndWinterTime) {
  auto h = every_day("08:00", "18:00");
  EXPECT_TRUE(is_open_at(h, utc(2025, 7, 15, 7, 30)));    // 09:30 CEST
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 15, 17, 30)));  // 19:30 CEST
  EXPECT_TRUE(is_open_at(h, utc(2025, 1, 14, 16, 30)));   // 17:30 CET
  EXPECT_FALSE(is_open_at(h, utc(2025, 1, 14, 17, 0)));   // 18:00 CET: closing time is exclusive
  EXPECT_TRUE(is_open_at(h, utc(2025, 1, 14, 7, 0)));     // 08:00 CET
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 15, 5, 59)));   // 07:59 CEST
}

TEST(Schedule, MarchSwitch) {
  // 2025-03-30 01:00 UTC: 02:00 CET becomes 03:00 CEST.
  auto before = brussels_time(utc(2025, 3, 30, 0, 59, 59));
  auto after = brussels_time(utc(2025, 3, 30, 1, 0, 0));
  EXPECT_EQ(before.date, "2025-03-30");
  EXPECT_EQ(before.minute, 1 * 60 + 59);
  EXPECT_EQ(after.minute, 3 * 60);
  EXPECT_EQ(after.weekday, 6);  // Sunday
  // A night service 02:30-03:30 on Sundays is open the moment the clocks jump to 03:00.
  auto night = opening_hours_from({{"WEEKLY", "SU", "02:30", "03:30", "", ""}}, {});
  EXPECT_FALSE(is_open_at(night, utc(2025, 3, 30, 0, 59, 59)));
  EXPECT_TRUE(is_open_at(night, utc(2025, 3, 30, 1, 0, 0)));
  // Opening at 08:00 local: 07:00 UTC the day before the switch, 06:00 UTC after it.
  auto day = every_day("08:00", "18:00");
  EXPECT_FALSE(is_open_at(day, utc(2025, 3, 29, 6, 30)));  // Saturday 07:30 CET
  EXPECT_TRUE(is_open_at(day, utc(2025, 3, 30, 6, 30)));   // Sunday 08:30 CEST
}

TEST(Schedule, OctoberSwitch) {
  // 2025-10-26 01:00 UTC: 03:00 CEST becomes 02:00 CET.
  auto before = brussels_time(utc(2025, 10, 26, 0, 59, 59));
  auto after = brussels_time(utc(2025, 10, 26, 1, 0, 0));
  EXPECT_EQ(before.minute, 2 * 60 + 59);
  EXPECT_EQ(after.minute, 2 * 60);
  EXPECT_EQ(after.date, "2025-10-26");
  auto day = every_day("08:00", "18:00");
  EXPECT_FALSE(is_open_at(day, utc(2025, 10, 25, 16, 30)));  // Saturday 18:30 CEST
  EXPECT_TRUE(is_open_at(day, utc(2025, 10, 26, 16, 30)));   // Sunday 17:30 CET
}

TEST(Schedule, LateEveningUtcIsAlreadyTheNextDayInBrussels) {
  // Sunday 2025-07-13 22:30 UTC = Monday 00:30 CEST.
  EXPECT_EQ(brussels_weekday(utc(2025, 7, 13, 22, 30)), 0);
  EXPECT_EQ(brussels_date(utc(2025, 7, 13, 22, 30)), "2025-07-14");
  // Sunday 2025-01-12 23:30 UTC = Monday 00:30 CET; 22:59 UTC still Sunday.
  EXPECT_EQ(brussels_weekday(utc(2025, 1, 12, 23, 30)), 0);
  EXPECT_EQ(brussels_weekday(utc(2025, 1, 12, 22, 59)), 6);
  auto monday_night = opening_hours_from({{"WEEKLY", "MO", "00:00", "01:00", "", ""}}, {});
  EXPECT_TRUE(is_open_at(monday_night, utc(2025, 7, 13, 22, 30)));
  EXPECT_FALSE(is_open_at(monday_night, utc(2025, 7, 14, 22, 30)));  // Tuesday 00:30
}

TEST(Schedule, PeriodsPastMidnight) {
  // Friday 22:00 until Saturday 02:00.
  auto h = opening_hours_from({{"WEEKLY", "FR", "22:00", "02:00", "", ""}}, {});
  EXPECT_TRUE(is_open_at(h, utc(2025, 7, 18, 20, 30)));   // Friday 22:30 CEST
  EXPECT_TRUE(is_open_at(h, utc(2025, 7, 18, 23, 0)));    // Saturday 01:00 CEST
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 19, 1, 0)));    // Saturday 03:00 CEST
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 17, 23, 0)));   // Friday 01:00: Thursday has no period
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 18, 19, 59)));  // Friday 21:59
}

TEST(Schedule, ExceptionsOverrideWeeklyHours) {
  ScheduleException holiday{"2025-12-24", "2025-12-26", true, 0, 0, "Christmas"};
  ScheduleException short_day{"2025-12-31", "2025-12-31", false, 9 * 60, 12 * 60, "New Year's Eve"};
  auto h = opening_hours_from({{"WEEKLY", "MO,TU,WE,TH,FR", "08:00", "18:00", "", ""}}, {holiday, short_day});
  EXPECT_TRUE(is_open_at(h, utc(2025, 12, 23, 10, 0)));    // Tuesday before
  EXPECT_FALSE(is_open_at(h, utc(2025, 12, 24, 10, 0)));   // closed
  EXPECT_FALSE(is_open_at(h, utc(2025, 12, 26, 10, 0)));   // last day of the closure
  EXPECT_TRUE(is_open_at(h, utc(2025, 12, 29, 10, 0)));    // Monday after
  EXPECT_TRUE(is_open_at(h, utc(2025, 12, 31, 10, 0)));    // 11:00 CET, special hours
  EXPECT_FALSE(is_open_at(h, utc(2025, 12, 31, 12, 0)));   // 13:00 CET, normally open
  EXPECT_EQ(exceptions_on(h, "2025-12-25").size(), 1u);
  EXPECT_TRUE(periods_on(h, "2025-12-25").empty());
  EXPECT_EQ(regular_periods_on(h, "2025-12-25").size(), 1u);
  auto upcoming = exceptions_from(h, "2025-12-26");
  ASSERT_EQ(upcoming.size(), 2u);
  EXPECT_EQ(upcoming[0].description, "Christmas");
  EXPECT_EQ(exceptions_from(h, "2026-01-01").size(), 0u);
}

TEST(Schedule, ClosureOnADayEndsAPeriodFromTheDayBefore) {
  // The exception closes Saturday's own period; Friday night's still runs into Saturday.
  ScheduleException closed{"2025-07-19", "2025-07-19", true, 0, 0, ""};
  auto h = opening_hours_from({{"WEEKLY", "FR,SA", "22:00", "02:00", "", ""}}, {closed});
  EXPECT_TRUE(is_open_at(h, utc(2025, 7, 18, 23, 0)));   // Saturday 01:00, Friday's period
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 19, 21, 0)));  // Saturday 23:00: closed
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 19, 23, 0)));  // Sunday 01:00: Saturday's period closed
}

TEST(Schedule, BadExceptionsAreLeftOut) {
  auto h = opening_hours_from({}, {{"someday", "", true, 0, 0, ""},
                                   {"2025-02-30", "2025-03-01", true, 0, 0, ""},
                                   {"2025-03-05", "2025-03-01", true, 0, 0, ""},
                                   {"2025-03-05", "", true, 0, 0, "one day"},
                                   {"2025-03-06", "2025-03-06", false, -1, 600, ""}});
  ASSERT_EQ(h.exceptions.size(), 1u);
  EXPECT_EQ(h.exceptions[0].ends_on, "2025-03-05");
}

TEST(Schedule, EmptyHoursAreNeverOpen) {
  OpeningHours h;
  EXPECT_TRUE(h.empty());
  EXPECT_FALSE(is_open_at(h, utc(2025, 7, 15, 10, 0)));
  EXPECT_FALSE(is_open_on_weekday(h, 0));
}

}  // namespace
}  // namespace samen::directory

// The one set of calendar rules (util/dates.hpp): leap years, real days,
// strict ISO text, and day arithmetic across month, year and century ends.
#include <gtest/gtest.h>

#include "util/dates.hpp"

namespace samen::dates {

TEST(Dates, LeapYearsFollowTheGregorianRule) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2025));
  EXPECT_FALSE(is_leap_year(1900));  // century, not divisible by 400
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2025, 4), 30);
  EXPECT_EQ(days_in_month(2025, 13), 0);
}

TEST(Dates, AcceptsOnlyStrictIsoTextOfARealDay) {
  EXPECT_TRUE(valid_iso("2024-02-29"));
  EXPECT_TRUE(valid_iso("2000-02-29"));
  EXPECT_TRUE(valid_iso("0001-01-01"));
  EXPECT_FALSE(valid_iso("2023-02-29"));
  EXPECT_FALSE(valid_iso("1900-02-29"));
  EXPECT_FALSE(valid_iso("2025-04-31"));
  EXPECT_FALSE(valid_iso("2025-13-01"));
  EXPECT_FALSE(valid_iso("2025-00-10"));
  EXPECT_FALSE(valid_iso("2025-01-00"));
  EXPECT_FALSE(valid_iso("2025-1-01"));
  EXPECT_FALSE(valid_iso(" 2025-01-01"));
  EXPECT_FALSE(valid_iso("2025-01-01T10:00:00Z"));
  EXPECT_FALSE(valid_iso("2025/01/01"));
  EXPECT_FALSE(valid_iso("2025-01-0x"));
  EXPECT_FALSE(valid_iso("+025-01-01"));
  EXPECT_FALSE(valid_iso(""));
  auto d = parse_iso("2025-03-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (CivilDate{2025, 3, 1}));
  EXPECT_EQ(format_iso(*d), "2025-03-01");
}

TEST(Dates, CountsDaysAcrossMonthYearAndCenturyEnds) {
  EXPECT_EQ(days_since_epoch({1970, 1, 1}), 0);
  EXPECT_EQ(from_days_since_epoch(0), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(from_days_since_epoch(-1), (CivilDate{1969, 12, 31}));
  EXPECT_EQ(add_days("2025-03-31", 1), "2025-04-01");
  EXPECT_EQ(add_days("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(add_days("2100-03-01", -1), "2100-02-28");
  EXPECT_EQ(add_days("2025-01-01", -1), "2024-12-31");
  EXPECT_EQ(add_days("nope", 1), "");
  EXPECT_EQ(days_between("2024-12-31", "2025-03-01"), 60);
  EXPECT_EQ(days_between("2025-03-01", "2024-12-31"), -60);
  EXPECT_FALSE(days_between("2025-13-01", "2025-01-01"));
  EXPECT_EQ(weekday("2025-07-14"), 0);  // a Monday
  EXPECT_EQ(weekday("1970-01-01"), 3);  // a Thursday
  EXPECT_EQ(weekday("2000-02-29"), 1);
  EXPECT_EQ(weekday("2025-02-29"), -1);
  // Every day of four centuries goes there and back.
  for (long day = days_since_epoch({1900, 1, 1}); day <= days_since_epoch({2300, 12, 31}); ++day) {
    CivilDate c = from_days_since_epoch(day);
    ASSERT_TRUE(valid_iso(format_iso(c))) << day;
    ASSERT_EQ(days_since_epoch(c), day);
  }
}

}  // namespace samen::dates

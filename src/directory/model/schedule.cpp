// Opening hours: HSDS weekly schedule rows and Samen's exceptions turned into
// wall-clock periods, and "is it open?" answered in Europe/Brussels time
// (ICU's time zone data, so summer time switches are handled). Dates are ISO
// text; day arithmetic is plain proleptic Gregorian arithmetic.
#include "directory/model/schedule.hpp"


#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <tuple>

#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::directory {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::array<std::string_view, 7> kWeekdayCodes = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Reads exactly `digits` decimal digits at s[pos].
std::optional<int> digits_at(std::string_view s, std::size_t pos, std::size_t digits) {
  if (pos + digits > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + digits; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// A rule's validity bound as a plain date ("" = open-ended).
// (A date-time is read by its first ten characters.)
std::string date_part(std::string_view s) {
  auto d = dates::parse_iso(text::trim(s).substr(0, 10));
  return d ? dates::format_iso(*d) : std::string();
}

bool valid_on(const WeeklyOpening& w, std::string_view date) {
  if (!w.valid_from.empty() && date < std::string_view(w.valid_from)) return false;
  if (!w.valid_to.empty() && date > std::string_view(w.valid_to)) return false;
  return true;
}

bool covers(const ScheduleException& x, std::string_view date) {
  return std::string_view(x.starts_on) <= date && date <= std::string_view(x.ends_on);
}

// The thread's calendar in Europe/Brussels (ICU objects are not thread-safe).

bool period_contains(const OpenPeriod& p, int minute) {
  if (p.closes_minute > p.opens_minute) return p.opens_minute <= minute && minute < p.closes_minute;
  return minute >= p.opens_minute;  // runs past midnight: the rest of this day
}

}  // namespace

// ---- parsing ------------------------------------------------------------------

std::vector<int> parse_byday(std::string_view byday) {
  std::vector<int> days;
  while (!byday.empty()) {
    auto comma = byday.find(',');
    std::string code = upper(text::trim(byday.substr(0, comma)));
    for (int d = 0; d < 7; ++d)
      if (code == kWeekdayCodes[static_cast<std::size_t>(d)] && std::find(days.begin(), days.end(), d) == days.end())
        days.push_back(d);
    if (comma == std::string_view::npos) break;
    byday.remove_prefix(comma + 1);
  }
  std::sort(days.begin(), days.end());
  return days;
}

std::optional<int> parse_clock(std::string_view hhmm) {
  hhmm = text::trim(hhmm);
  if (hhmm.size() != 5 && hhmm.size() != 8) return std::nullopt;
  if (hhmm[2] != ':' || (hhmm.size() == 8 && hhmm[5] != ':')) return std::nullopt;
  auto h = digits_at(hhmm, 0, 2), m = digits_at(hhmm, 3, 2);
  std::optional<int> s = hhmm.size() == 8 ? digits_at(hhmm, 6, 2) : std::optional<int>(0);
  if (!h || !m || !s || *m > 59 || *s > 59 || *h > 24) return std::nullopt;
  if (*h == 24 && (*m != 0 || *s != 0)) return std::nullopt;
  return *h * 60 + *m;
}

std::string format_clock(int minutes) {
  minutes = std::clamp(minutes, 0, kMinutesPerDay);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

OpeningHours opening_hours_from(const std::vector<ScheduleRow>& rows,
                                const std::vector<ScheduleException>& exceptions) {
  OpeningHours h;
  for (const auto& row : rows) {
    // A row without freq but with byday and times is read as weekly (common in real exports).
    std::string freq = upper(text::trim(row.freq));
    if (!freq.empty() && freq != "WEEKLY") continue;
    auto opens = parse_clock(row.opens_at), closes = parse_clock(row.closes_at);
    if (!opens || !closes || *opens == *closes || *opens >= kMinutesPerDay) continue;
    std::string from = date_part(row.valid_from), to = date_part(row.valid_to);
    for (int d : parse_byday(row.byday)) h.weekly.push_back({d, *opens, *closes, from, to});
  }
  std::sort(h.weekly.begin(), h.weekly.end(), [](const WeeklyOpening& a, const WeeklyOpening& b) {
    return std::tie(a.weekday, a.opens_minute, a.closes_minute) < std::tie(b.weekday, b.opens_minute, b.closes_minute);
  });
  for (auto x : exceptions) {
    x.starts_on = date_part(x.starts_on);
    x.ends_on = x.ends_on.empty() ? x.starts_on : date_part(x.ends_on);
    if (x.starts_on.empty() || x.ends_on.empty() || x.ends_on < x.starts_on) continue;
    if (!x.closed && (x.opens_minute < 0 || x.closes_minute < 0 || x.opens_minute >= kMinutesPerDay ||
                      x.closes_minute > kMinutesPerDay || x.opens_minute == x.closes_minute))
      continue;
    h.exceptions.push_back(std::move(x));
  }
  std::stable_sort(h.exceptions.begin(), h.exceptions.end(),
                   [](const ScheduleException& a, const ScheduleException& b) { return a.starts_on < b.starts_on; });
  return h;
}

// ---- dates and Brussels time --------------------------------------------------------


int brussels_weekday(std::int64_t unix_seconds) { return brussels_time(unix_seconds).weekday; }
std::string brussels_date(std::int64_t unix_seconds) { return brussels_time(unix_seconds).date; }

// ---- periods ------------------------------------------------------------------------

std::vector<const ScheduleException*> exceptions_on(const OpeningHours& h, std::string_view iso_date) {
  std::vector<const ScheduleException*> out;
  for (const auto& x : h.exceptions)
    if (covers(x, iso_date)) out.push_back(&x);
  return out;
}

std::vector<OpenPeriod> regular_periods_on(const OpeningHours& h, std::string_view iso_date) {
  std::vector<OpenPeriod> out;
  int weekday = dates::weekday(iso_date);
  for (const auto& w : h.weekly)
    if (w.weekday == weekday && valid_on(w, iso_date)) out.push_back({w.opens_minute, w.closes_minute});
  return out;
}

std::vector<OpenPeriod> periods_on(const OpeningHours& h, std::string_view iso_date) {
  auto special = exceptions_on(h, iso_date);
  if (special.empty()) return regular_periods_on(h, iso_date);
  std::vector<OpenPeriod> out;
  for (const auto* x : special)
    if (!x->closed) out.push_back({x->opens_minute, x->closes_minute});
  std::sort(out.begin(), out.end(), [](const OpenPeriod& a, const OpenPeriod& b) { return a.opens_minute < b.opens_minute; });
  return out;
}

std::vector<ScheduleException> exceptions_from(const OpeningHours& h, std::string_view iso_date) {
  std::vector<ScheduleException> out;
  for (const auto& x : h.exceptions)
    if (std::string_view(x.ends_on) >= iso_date) out.push_back(x);
  return out;
}

bool is_open_at(const OpeningHours& h, std::int64_t unix_seconds) {
  BrusselsTime now = brussels_time(unix_seconds);
  for (const auto& p : periods_on(h, now.date))
    if (period_contains(p, now.minute)) return true;
  // Periods of the day before that run past midnight.
  for (const auto& p : periods_on(h, dates::add_days(now.date, -1)))
    if (p.closes_minute < p.opens_minute && now.minute < p.closes_minute) return true;
  return false;
}

bool is_open_on_weekday(const OpeningHours& h, int weekday) {
  return std::any_of(h.weekly.begin(), h.weekly.end(), [&](const WeeklyOpening& w) { return w.weekday == weekday; });
}

}  // namespace samen::directory

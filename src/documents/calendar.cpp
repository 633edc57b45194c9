// iCalendar through libical. Timed events carry TZID=Europe/Brussels with a
// VTIMEZONE holding the EU summer-time rule in force since 1996 (what
// clients expect; libical's own zone would carry the whole history since
// 1880 under a "/freeassociation.sourceforge.net/" name).
#include "documents/calendar.hpp"

#include <libical/ical.h>

#include <memory>
#include <stdexcept>

#include "util/dates.hpp"
#include "documents/table.hpp"
#include "util/text.hpp"

namespace samen::documents {

namespace {

constexpr char kZone[] = "Europe/Brussels";
constexpr char kBrusselsVtimezone[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Brussels\r\n"
    "X-LIC-LOCATION:Europe/Brussels\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZNAME:CEST\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZNAME:CET\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

// Valid UTF-8 without control characters other than line breaks and tabs.
std::string clean_text(std::string_view s) {
  std::string out;
  for (char c : text::replace_invalid_utf8(s))
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
  return out;
}

icaltimetype utc_time(std::int64_t unix_seconds) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(unix_seconds), 0, icaltimezone_get_utc_timezone());
}

// "YYYY-MM-DD HH:MM:SS" Brussels wall clock → a floating time to pair with TZID.
icaltimetype brussels_time(std::int64_t unix_seconds) {
  std::string local = brussels_date_time(unix_seconds);
  std::string compact = local.substr(0, 4) + local.substr(5, 2) + local.substr(8, 2) + "T" + local.substr(11, 2) +
                        local.substr(14, 2) + local.substr(17, 2);
  return icaltime_from_string(compact.c_str());
}

icaltimetype day(const std::string& iso) {
  std::string compact = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  return icaltime_from_string(compact.c_str());
}

icalproperty* in_brussels(icalproperty* p) {
  icalproperty_add_parameter(p, icalparameter_new_tzid(kZone));
  return p;
}

void check(const CalendarEvent& e) {
  if (e.uid.empty()) throw std::invalid_argument("calendar event without uid");
  if (!e.first_day.empty()) {
    if (!dates::valid_iso(e.first_day) || (!e.last_day.empty() && !dates::valid_iso(e.last_day)))
      throw std::invalid_argument("calendar event " + e.uid + ": a date is no calendar day");
    if (!e.last_day.empty() && e.last_day < e.first_day)
      throw std::invalid_argument("calendar event " + e.uid + " ends before it starts");
  } else if (e.ends_at < e.starts_at) {
    throw std::invalid_argument("calendar event " + e.uid + " ends before it starts");
  }
}

bool web_url(const std::string& url) {
  return (url.starts_with("https://") || url.starts_with("http://")) &&
         url.find_first_of(" \t\r\n\"<>\\^`{|}") == std::string::npos;
}

icalcomponent* event_component(const CalendarEvent& e, std::int64_t now) {
  icalcomponent* v = icalcomponent_new_vevent();
  icalcomponent_add_property(v, icalproperty_new_uid(clean_text(e.uid).c_str()));
  icalcomponent_add_property(v, icalproperty_new_dtstamp(utc_time(now)));
  if (!e.first_day.empty()) {
    icalcomponent_add_property(v, icalproperty_new_dtstart(day(e.first_day)));
    // DTEND of an all-day event is the day after the last one (exclusive).
    std::string after = dates::add_days(e.last_day.empty() ? e.first_day : e.last_day, 1);
    icalcomponent_add_property(v, icalproperty_new_dtend(day(after)));
  } else {
    icalcomponent_add_property(v, in_brussels(icalproperty_new_dtstart(brussels_time(e.starts_at))));
    icalcomponent_add_property(v, in_brussels(icalproperty_new_dtend(brussels_time(e.ends_at))));
  }
  icalcomponent_add_property(v, icalproperty_new_summary(clean_text(e.summary).c_str()));
  if (!e.description.empty())
    icalcomponent_add_property(v, icalproperty_new_description(clean_text(e.description).c_str()));
  if (!e.location.empty()) icalcomponent_add_property(v, icalproperty_new_location(clean_text(e.location).c_str()));
  if (web_url(e.url)) icalcomponent_add_property(v, icalproperty_new_url(e.url.c_str()));
  if (e.last_modified > 0) icalcomponent_add_property(v, icalproperty_new_lastmodified(utc_time(e.last_modified)));
  return v;
}

}  // namespace

std::string write_icalendar(const Calendar& calendar, std::int64_t now) {
  for (const auto& e : calendar.events) check(e);
  Component cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Samen//Samen//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  if (!calendar.name.empty()) {
    icalproperty* name = icalproperty_new_x(clean_text(calendar.name).c_str());
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(cal.get(), name);
  }
  bool timed = false;
  for (const auto& e : calendar.events) timed = timed || e.first_day.empty();
  if (timed) {
    icalcomponent* zone = icalparser_parse_string(kBrusselsVtimezone);
    if (!zone) throw std::runtime_error("libical cannot read the Europe/Brussels VTIMEZONE");
    icalcomponent_add_component(cal.get(), zone);
  }
  for (const auto& e : calendar.events) icalcomponent_add_component(cal.get(), event_component(e, now));
  char* text = icalcomponent_as_ical_string_r(cal.get());
  if (!text) throw std::runtime_error("libical could not write the calendar");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace samen::documents

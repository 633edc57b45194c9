// iCalendar (RFC 5545) feeds written with libical: a calendar of events,
// timed (Europe/Brussels wall clock with its VTIMEZONE) or all-day, that
// calendar clients (Google, Outlook, Apple, Thunderbird) subscribe to.
// Plain data in, text out; no I/O.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace samen::documents {

struct CalendarEvent {
  std::string uid;                      // stable and unique, e.g. "journal-entry-42@samen"
  std::int64_t starts_at = 0;           // timed event: Unix seconds
  std::int64_t ends_at = 0;             //   (>= starts_at)
  std::string first_day, last_day;      // all-day event when first_day is set: ISO dates, last_day inclusive ("" = one day)
  std::string summary;
  std::string description;              // plain text
  std::string location;
  std::string url;                      // http(s) only; other schemes are left out
  std::int64_t last_modified = 0;       // Unix seconds; 0 = unknown
};

struct Calendar {
  std::string name;  // shown by clients as the calendar's name (X-WR-CALNAME)
  std::vector<CalendarEvent> events;
};

// The calendar as an RFC 5545 text (CRLF lines folded at 75 octets, escaped
// text). `now` stamps every event (DTSTAMP). Throws std::invalid_argument for
// an event without uid, ending before it starts, or with a date that is no day.
std::string write_icalendar(const Calendar& calendar, std::int64_t now);

}  // namespace samen::documents

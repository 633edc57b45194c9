// iCalendar feeds: the text libical writes (timed events in Europe/Brussels
// with a VTIMEZONE, all-day events, escaping, folding of long accented
// lines), read back by libical's parser and by Python's icalendar (Debian's
// python3-icalendar, what many tools use); feed tokens on both databases;
// the .ics handler answering a token and refusing revoked or foreign ones.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include "accounts/secrets.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "documents/calendar.hpp"
#include "documents/feeds.hpp"
#include "documents/run_tool.hpp"
#include "support/test_db.hpp"
#include "support/test_app.hpp"

namespace samen::documents {
namespace {

constexpr std::int64_t kNow = 1764600000;     // 2025-12-01 14:40 UTC
constexpr std::int64_t kMeeting = 1782901800;  // 2026-07-01 10:30 UTC = 12:30 in Brussels

Calendar sample_calendar() {
  Calendar cal;
  cal.name = "Huis van het Kind — Jette";
  CalendarEvent meeting;
  meeting.uid = "journal-meeting-7@samen";
  meeting.starts_at = kMeeting;
  meeting.ends_at = kMeeting + 90 * 60;
  meeting.summary = "Overleg; crèches, opvang & \"Kind en Gezin\"";
  meeting.description = "Agenda:\n1. Inschrijvingen\n2. Séance d'information pour les parents — très longue ligne "
                        "avec des accents éèàçù pour vérifier le pliage des lignes à 75 octets.";
  meeting.location = "Rue Léon Theodor 108, 1090 Jette";
  meeting.url = "https://samen.example.org/journal/7";
  meeting.last_modified = kNow - 3600;
  CalendarEvent holiday;
  holiday.uid = "plan-holiday-3@samen";
  holiday.first_day = "2026-07-21";
  holiday.last_day = "2026-07-22";
  holiday.summary = "Nationale feestdag";
  holiday.url = "javascript:alert(1)";
  cal.events = {meeting, holiday};
  return cal;
}

TEST(DocumentsCalendar, WritesRfc5545ThatLibicalReadsBack) {
  std::string ics = write_icalendar(sample_calendar(), kNow);
  EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_NE(ics.find("VERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(ics.find("TZID:Europe/Brussels\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;TZID=Europe/Brussels:20260701T123000\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTEND;TZID=Europe/Brussels:20260701T140000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20260721\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND;VALUE=DATE:20260723\r\n"), std::string::npos) << "exclusive end";
  EXPECT_NE(ics.find("SUMMARY:Overleg\\; crèches\\, opvang & \"Kind en Gezin\""), std::string::npos);
  EXPECT_NE(ics.find("DTSTAMP:20251201T144000Z\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("javascript:"), std::string::npos);
  // Every physical line within 75 octets; folds never split a UTF-8 character.
  std::size_t start = 0;
  while (start < ics.size()) {
    auto end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    EXPECT_LE(end - start, 75u) << ics.substr(start, end - start);
    if (end + 2 < ics.size() && ics[end + 2] == ' ')
      EXPECT_NE(static_cast<unsigned char>(ics[end + 3]) & 0xC0, 0x80) << "fold inside a character";
    start = end + 2;
  }

  icalcomponent* parsed = icalparser_parse_string(ics.c_str());
  ASSERT_NE(parsed, nullptr);
  EXPECT_EQ(icalcomponent_count_errors(parsed), 0);
  int events = icalcomponent_count_components(parsed, ICAL_VEVENT_COMPONENT);
  EXPECT_EQ(events, 2);
  icalcomponent* first = icalcomponent_get_first_component(parsed, ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_location(first), "Rue Léon Theodor 108, 1090 Jette");
  icalcomponent_free(parsed);
}

TEST(DocumentsCalendar, PythonIcalendarReadsTheSameMoments) {
  testing::TempDir dir;
  auto file = dir.path() / "feed.ics";
  testing::write_file(file, write_icalendar(sample_calendar(), kNow));
  // Prints each event's start as UTC (timed) or date (all-day), and its summary.
  auto r = testing::run_tool(
      "/usr/bin/python3 -c '"
      "import sys, icalendar, datetime\n"
      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read())\n"
      "for e in cal.walk(\"VEVENT\"):\n"
      "    s = e.decoded(\"DTSTART\")\n"
      "    s = s.astimezone(datetime.timezone.utc).isoformat() if isinstance(s, datetime.datetime) else s.isoformat()\n"
      "    print(s, e.decoded(\"SUMMARY\").decode())\n"
      "' " + file.string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output,
            "2026-07-01T10:30:00+00:00 Overleg; crèches, opvang & \"Kind en Gezin\"\n"
            "2026-07-21 Nationale feestdag\n");
}

TEST(DocumentsCalendar, BadEventsAreRefused) {
  Calendar cal;
  cal.events.push_back({});
  EXPECT_THROW(write_icalendar(cal, kNow), std::invalid_argument);
  cal.events[0].uid = "x";
  cal.events[0].starts_at = 100;
  cal.events[0].ends_at = 50;
  EXPECT_THROW(write_icalendar(cal, kNow), std::invalid_argument);
  cal.events[0].first_day = "2026-02-30";
  EXPECT_THROW(write_icalendar(cal, kNow), std::invalid_argument);
}

class DocumentsFeeds : public testing::DatabaseTest {
 protected:
  std::int64_t user(const std::string& email, bool disabled = false) {
    accounts::init_crypto();
    auto lease = db().acquire();
    auto id = accounts::create_user(*lease, {email, "U", accounts::Role::facilitator, "nl", std::nullopt, {}}, 100);
    if (disabled) accounts::set_disabled(*lease, id, true, 100);
    return id;
  }
};

TEST_P(DocumentsFeeds, TokensAreDigestsForOneFeedAndCanBeRevoked) {
  auto lotte = user("lotte@example.org"), other = user("other@example.org");
  auto lease = db().acquire();
  std::string raw = create_feed_token(*lease, lotte, "journal.meetings", "phone", 1000);
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM documents_feed_tokens WHERE token_digest = ?", {raw}).rows[0].int64(0), 0)
      << "only the digest is stored";
  auto caller = feed_caller(*lease, raw, "journal.meetings", 2000);
  ASSERT_TRUE(caller);
  EXPECT_EQ(caller->user.email, "lotte@example.org");
  EXPECT_FALSE(feed_caller(*lease, raw, "plan.deadlines", 2000)) << "a token serves one feed";
  EXPECT_FALSE(feed_caller(*lease, raw + "x", "journal.meetings", 2000));
  EXPECT_EQ(list_feed_tokens(*lease, lotte, "journal.meetings").at(0).last_used_at, 2000);

  auto id = list_feed_tokens(*lease, lotte, "journal.meetings").at(0).id;
  EXPECT_FALSE(revoke_feed_token(*lease, other, id, 3000)) << "not someone else's token";
  EXPECT_TRUE(revoke_feed_token(*lease, lotte, id, 3000));
  EXPECT_FALSE(feed_caller(*lease, raw, "journal.meetings", 3001));

  std::string again = create_feed_token(*lease, lotte, "journal.meetings", "", 4000);
  accounts::set_disabled(*lease, lotte, true, 4001);
  EXPECT_FALSE(feed_caller(*lease, again, "journal.meetings", 4002)) << "disabled accounts lose their feeds";
}

TEST_P(DocumentsFeeds, HandlerServesTheCallersCalendarAndHidesBadTokens) {
  auto lotte = user("lotte@example.org");
  std::string raw;
  {
    auto lease = db().acquire();
    raw = create_feed_token(*lease, lotte, "journal.meetings", "", 1000);
  }
  auto app_ptr = testing::make_test_app(test_db(), 2);
  app::App& app = *app_ptr;
  auto handler = calendar_feed("journal.meetings", [](app::Context&, const FeedCaller& caller) {
    Calendar cal;
    cal.name = "Agenda " + caller.user.email;
    return cal;
  });
  auto call = [&](const std::string& token) {
    http::Request req;
    req.method = "GET";
    req.params["token"] = token;
    app::Context ctx(app, req);
    ctx.now = 5000;
    return handler(ctx);
  };
  auto res = call(raw + ".ics");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_NE(res.body.find("X-WR-CALNAME:Agenda lotte@example.org"), std::string::npos);
  for (const std::string& bad : {raw, std::string("nope.ics"), std::string(".ics")}) {
    try {
      call(bad);
      ADD_FAILURE() << bad << " answered";
    } catch (const app::HttpError& e) {
      EXPECT_EQ(e.status, 404);
    }
  }
}

SAMEN_INSTANTIATE_FOR_BACKENDS(DocumentsFeeds);

}  // namespace
}  // namespace samen::documents

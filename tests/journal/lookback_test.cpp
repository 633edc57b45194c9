// Looking back on the journal, on both databases: the calendar page (by
// Brussels day, per level), private feed URLs (create, read by a calendar
// client without a session, limited to a team, revoked) and
// /api/v1/activities.ics, checked with Python's icalendar; full-text search
// (nl/fr stems, escaped snippets, the index following create/edit/archive,
// rebuilt when missing, ?q= on the API); the process report as HTML and PDF.
// Throughout: a partner never meets a facilitators-only activity or another
// team's team-only one, not even as a count or a snippet.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "accounts/sessions.hpp"
#include "documents/run_tool.hpp"
#include "journal/search.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::journal {
namespace {

using accounts::Role;
using nlohmann::json;

class LookbackTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1), "
             "('org-b', 'Crèche Les Petits Pas', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', 'local_team', 1, 1), "
             "('team-anderlecht', 'Lokaal team Anderlecht', 'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a'), ('team-anderlecht', 'org-b')");
    }
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
    testing::add_test_user(db(), "parent@example.org", Role::parent_rep, {}, "Fatima Ouder");
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<testing::AppClient> signed_in(const std::string& email) {
    auto c = std::make_unique<testing::AppClient>(*app_, "nl");
    EXPECT_EQ(c->login(email, testing::kTestPassword).status, 303);
    c->get("/journal");
    return c;
  }
  std::string token(const std::string& email) {
    auto lease = db().acquire();
    return accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "") {
    testing::AppClient client(*app_, "nl");
    http::Headers extra{{"authorization", "Bearer " + token(email)}};
    return client.request(method, path, body, body.empty() ? "" : "application/json", extra);
  }
  // Creates an activity through the API as the coordinator; returns its id.
  std::string add(const std::string& title, const std::string& starts_at, const std::string& visibility,
                  const std::string& team = "", const std::string& notes = "", const std::string& type = "partner_meeting") {
    json body{{"type", type}, {"title", title}, {"starts_at", starts_at}, {"duration_minutes", 90},
              {"visibility", visibility}, {"notes", notes}, {"place", "Huis van het Kind, Jette"}};
    if (!team.empty()) body["team_id"] = team;
    auto r = api("POST", "/api/v1/activities", "coordinator@example.org", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body).value("id", "");
  }
  // The three kinds a partner of org-a must and must not see, in January 2027.
  void add_month() {
    network_ = add("Partneroverleg januari", "2027-01-14T09:00:00Z", "network", "",
                   "We bespraken de vergaderingen over warme overgangen.");
    secret_ = add("Interview De Vlinder", "2027-01-14T13:00:00Z", "facilitators", "",
                  "Transcript: zorgen over personeelsverloop en geheimhouding.", "interview");
    jette_ = add("Intervisie Jette", "2027-01-20T18:30:00Z", "team", "team-jette", "Leren netwerk over participatie.",
                 "intervision");
    anderlecht_ = add("Intervisie Anderlecht", "2027-01-21T10:00:00Z", "team", "team-anderlecht",
                      "Réunion sur les accueils extrascolaires.", "intervision");
  }
  // ICS checked by Python's icalendar: one line per event "UID|DTSTART (UTC)|TZID|SUMMARY|LOCATION|has DTSTAMP".
  std::string python_events(const std::string& ics) {
    testing::TempDir dir;
    auto file = dir.path() / "feed.ics";
    testing::write_file(file, ics);
    auto r = testing::run_tool(
        "/usr/bin/python3 -c '"
        "import sys, icalendar, datetime\n"
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read())\n"
        "assert str(cal[\"VERSION\"]) == \"2.0\" and cal.get(\"PRODID\")\n"
        "for e in sorted(cal.walk(\"VEVENT\"), key=lambda e: e.decoded(\"DTSTART\")):\n"
        "    s = e.decoded(\"DTSTART\").astimezone(datetime.timezone.utc).isoformat()\n"
        "    assert e.decoded(\"DTEND\") > e.decoded(\"DTSTART\")\n"
        "    print(str(e[\"UID\"]), s, e[\"DTSTART\"].params.get(\"TZID\"), str(e[\"SUMMARY\"]), str(e.get(\"LOCATION\")), "
        "\"DTSTAMP\" in e, sep=\"|\")\n"
        "' " + file.string());
    EXPECT_EQ(r.status, 0) << r.output;
    return r.output;
  }

  std::unique_ptr<app::App> app_;
  std::string network_, secret_, jette_, anderlecht_;
};

TEST_P(LookbackTest, TheCalendarGroupsAMonthByBrusselsDayAndShowsOnlyWhatTheReaderMaySee) {
  add_month();
  auto partner = signed_in("partner@example.org");
  auto page = partner->get("/journal/calendar?month=2027-01");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 500);
  EXPECT_NE(page.body.find("Partneroverleg januari"), std::string::npos);
  EXPECT_NE(page.body.find("Intervisie Jette"), std::string::npos);
  EXPECT_EQ(page.body.find("Interview De Vlinder"), std::string::npos) << "facilitators only";
  EXPECT_EQ(page.body.find("Intervisie Anderlecht"), std::string::npos) << "another team's";
  // 09:00 UTC in January is 10:00 in Brussels; one day group per day with activities.
  EXPECT_NE(page.body.find("datetime=\"2027-01-14T10:00\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"day-2027-01-14\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"day-2027-01-20\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"day-2027-01-21\""), std::string::npos);
  // Filtered to the Brussels-wide level: the team's intervision goes.
  auto brussels = partner->get("/journal/calendar?month=2027-01&team=brussels");
  EXPECT_NE(brussels.body.find("Partneroverleg januari"), std::string::npos);
  EXPECT_EQ(brussels.body.find("Intervisie Jette"), std::string::npos);
  // The coordinator sees all four.
  auto coordinator = signed_in("coordinator@example.org")->get("/journal/calendar?month=2027-01");
  for (const char* title : {"Partneroverleg januari", "Interview De Vlinder", "Intervisie Jette", "Intervisie Anderlecht"})
    EXPECT_NE(coordinator.body.find(title), std::string::npos) << title;
  // Coming up (from now on) and an empty month.
  EXPECT_NE(partner->get("/journal/calendar?month=2020-05").body.find("Partneroverleg januari"), std::string::npos)
      << "the upcoming list shows what comes, whatever month is shown";
  EXPECT_EQ(partner->get("/journal/calendar?month=2027-13").status, 400);
  EXPECT_EQ(partner->get("/journal/calendar?team=no-such-team").status, 400);
}

TEST_P(LookbackTest, APrivateFeedUrlGivesTheOwnersVisibleActivitiesToACalendarClientUntilRevoked) {
  add_month();
  auto partner = signed_in("partner@example.org");
  ASSERT_EQ(partner->get("/journal/calendar/feeds").status, 200);
  auto made = partner->post("/journal/calendar/feeds", "label=Telefoon&team=");
  ASSERT_EQ(made.status, 200) << made.body.substr(0, 500);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(made.body, m, std::regex("/journal/feed/([A-Za-z0-9_-]+)\\.ics")));
  const std::string url = m[0];
  EXPECT_EQ(testing::audit_count(db(), "journal.feed_token.create"), 1);

  testing::AppClient calendar_client(*app_, "nl");  // no session: the token is the credential
  auto feed = calendar_client.get(url);
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.header("content-type").value_or("").rfind("text/calendar", 0), 0u);
  EXPECT_EQ(feed.body.find("Interview De Vlinder"), std::string::npos);
  EXPECT_EQ(feed.body.find("Intervisie Anderlecht"), std::string::npos);
  EXPECT_EQ(feed.body.find("warme overgangen"), std::string::npos) << "notes never go into a feed";
  std::string events = python_events(feed.body);
  EXPECT_EQ(events,
            "journal-activity-" + network_ + "@samen|2027-01-14T09:00:00+00:00|Europe/Brussels|Partneroverleg januari|"
            "Huis van het Kind, Jette|True\n"
            "journal-activity-" + jette_ + "@samen|2027-01-20T18:30:00+00:00|Europe/Brussels|Intervisie Jette|"
            "Huis van het Kind, Jette|True\n");
  // The UID stays the same when the activity changes.
  ASSERT_EQ(api("PATCH", "/api/v1/activities/" + network_, "coordinator@example.org", R"j({"title":"Partneroverleg (verzet)"})j").status, 200);
  EXPECT_NE(calendar_client.get(url).body.find("UID:journal-activity-" + network_ + "@samen"), std::string::npos);

  // A token limited to the Brussels-wide level.
  auto brussels = partner->post("/journal/calendar/feeds", "label=Brussel&team=brussels");
  ASSERT_TRUE(std::regex_search(brussels.body, m, std::regex("/journal/feed/([A-Za-z0-9_-]+)\\.ics")));
  auto brussels_feed = calendar_client.get(m[0]);
  EXPECT_NE(brussels_feed.body.find("Partneroverleg (verzet)"), std::string::npos);
  EXPECT_EQ(brussels_feed.body.find("Intervisie Jette"), std::string::npos);
  EXPECT_EQ(partner->post("/journal/calendar/feeds", "label=x&team=no-such-team").status, 422);

  // Revoked: the same 404 as an unknown token.
  auto list = partner->get("/journal/calendar/feeds");
  std::string token_id;
  {
    auto lease = db().acquire();
    token_id = std::to_string(lease->exec("SELECT MIN(id) FROM documents_feed_tokens").rows.at(0).int64(0));
  }
  EXPECT_EQ(signed_in("coordinator@example.org")->post("/journal/calendar/feeds/" + token_id + "/revoke", "").status, 404)
      << "only its owner revokes it";
  EXPECT_EQ(partner->post("/journal/calendar/feeds/" + token_id + "/revoke", "").status, 303);
  EXPECT_EQ(calendar_client.get(url).status, 404);
  EXPECT_EQ(calendar_client.get("/journal/feed/not-a-token.ics").status, 404);
}

TEST_P(LookbackTest, TheApiCalendarIsTheCallersFeed) {
  add_month();
  auto partner = api("GET", "/api/v1/activities.ics", "partner@example.org");
  ASSERT_EQ(partner.status, 200);
  EXPECT_EQ(partner.body.find("Interview De Vlinder"), std::string::npos);
  EXPECT_EQ(partner.body.find("Intervisie Anderlecht"), std::string::npos);
  EXPECT_NE(partner.body.find("Intervisie Jette"), std::string::npos);
  auto events = python_events(api("GET", "/api/v1/activities.ics?team=team-anderlecht", "coordinator@example.org").body);
  EXPECT_EQ(events, "journal-activity-" + anderlecht_ +
                        "@samen|2027-01-21T10:00:00+00:00|Europe/Brussels|Intervisie Anderlecht|Huis van het Kind, Jette|True\n");
  EXPECT_EQ(python_events(api("GET", "/api/v1/activities.ics", "parent@example.org").body).find("Intervisie"),
            std::string::npos);
  testing::AppClient anonymous(*app_, "nl");
  EXPECT_EQ(anonymous.get("/api/v1/activities.ics").status, 401);
  EXPECT_EQ(api("GET", "/api/v1/activities.ics?team=nope", "partner@example.org").status, 400);
}

TEST_P(LookbackTest, SearchFindsStemmedWordsWithEscapedSnippetsAndNeverAHiddenNote) {
  add_month();
  add("Concertation <script>alert(1)</script>", "2016-03-01T09:00:00Z", "network", "",
      "Les réunions des crèches & <b>écoles</b> maternelles.");
  auto partner = signed_in("partner@example.org");
  auto coordinator = signed_in("coordinator@example.org");

  // A word only in a facilitators-only note: nothing for the partner, not even a count or snippet.
  auto hidden = partner->get("/journal/search?q=personeelsverloop");
  ASSERT_EQ(hidden.status, 200);
  EXPECT_NE(hidden.body.find("0 activiteiten gevonden"), std::string::npos) << hidden.body.substr(0, 3000);
  EXPECT_EQ(hidden.body.find("Interview De Vlinder"), std::string::npos);
  EXPECT_EQ(hidden.body.find("personeelsverloop</mark>"), std::string::npos);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities?q=personeelsverloop", "partner@example.org").body)["total_items"], 0);
  auto found = coordinator->get("/journal/search?q=personeelsverloop");
  EXPECT_NE(found.body.find("1 activiteit gevonden"), std::string::npos);
  EXPECT_NE(found.body.find("<mark>personeelsverloop</mark>"), std::string::npos);
  EXPECT_GE(testing::audit_count(db(), "journal.activity.read"), 1) << "a facilitators-only hit is a read";

  // Another team's team-only activity: hidden from the partner, found by the coordinator.
  EXPECT_NE(partner->get("/journal/search?q=extrascolaires").body.find("0 activiteiten"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/search?q=extrascolaires").body.find("Intervisie Anderlecht"), std::string::npos);

  // Dutch stems: "vergadering" finds "vergaderingen"; French: "reunion" finds "réunions".
  auto nl = partner->get("/journal/search?q=vergadering");
  EXPECT_NE(nl.body.find("Partneroverleg januari"), std::string::npos);
  EXPECT_NE(nl.body.find("<mark>vergaderingen</mark>"), std::string::npos);
  auto fr = partner->get("/journal/search?q=reunion+creche");
  EXPECT_NE(fr.body.find("1 activiteit gevonden"), std::string::npos);
  // Escaped: the title and note's markup are text, only <mark> is HTML.
  EXPECT_EQ(fr.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(fr.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(fr.body.find("&lt;b&gt;"), std::string::npos);
  EXPECT_NE(fr.body.find("<mark>réunions</mark>"), std::string::npos);

  // The index follows an edit and an archive.
  ASSERT_EQ(api("PATCH", "/api/v1/activities/" + network_, "coordinator@example.org",
                R"({"notes":"Nu over ouderparticipatie."})").status, 200);
  EXPECT_NE(partner->get("/journal/search?q=vergadering").body.find("0 activiteiten"), std::string::npos);
  EXPECT_NE(partner->get("/journal/search?q=ouderparticipatie").body.find("Partneroverleg januari"), std::string::npos);
  ASSERT_EQ(api("DELETE", "/api/v1/activities/" + network_, "coordinator@example.org").status, 200);
  EXPECT_NE(partner->get("/journal/search?q=ouderparticipatie").body.find("0 activiteiten"), std::string::npos);
  // Restored through the page: back in the results.
  coordinator->get("/journal/" + network_);
  EXPECT_EQ(coordinator->post("/journal/" + network_ + "/restore", "").status, 303);
  EXPECT_NE(partner->get("/journal/search?q=ouderparticipatie").body.find("Partneroverleg januari"), std::string::npos);

  // The API: ?q= pages activities, alone.
  auto api_hits = json::parse(api("GET", "/api/v1/activities?q=intervisie", "partner@example.org").body);
  EXPECT_EQ(api_hits["total_items"], 1);
  EXPECT_EQ(api_hits["contents"][0]["id"], jette_);
  EXPECT_EQ(api("GET", "/api/v1/activities?q=x&team=team-jette", "partner@example.org").status, 400);
  // Nothing searchable, or odd bytes: an empty answer, no error.
  EXPECT_EQ(partner->get("/journal/search?q=%FF%FE").status, 200);
  EXPECT_EQ(partner->get("/journal/search?q=").status, 200);
}

TEST_P(LookbackTest, SearchPutsTitleMatchesFirstThenNewestAndCountsABroadWordOnlyUpToTheCap) {
  const std::string old_title = add("Draagvlak bij de scholen", "2015-05-01T09:00:00Z", "network");
  const std::string new_note = add("Partneroverleg mei", "2027-05-01T09:00:00Z", "network", "", "Over het draagvlak.");
  const std::string mid_note = add("Partneroverleg juni", "2020-06-01T09:00:00Z", "network", "", "Weer draagvlak.");
  const std::string older_title = add("Draagvlak in Jette", "2010-03-01T09:00:00Z", "network");
  add("Interview over draagvlak", "2026-01-01T09:00:00Z", "facilitators");
  Viewer partner;
  partner.role = Role::partner;
  ActivityQuery q;
  q.text = "draagvlak";
  q.viewer = partner;
  auto& search = app_->get<ActivitySearch>();
  ActivityResults all = search.search(q);
  EXPECT_EQ(all.total, 4) << "the facilitators-only interview is neither counted nor shown";
  EXPECT_FALSE(all.total_capped);
  ASSERT_EQ(all.ids.size(), 4u);
  // Title matches first (both engines); on PostgreSQL each tier newest first.
  const std::set<std::string> titles(all.ids.begin(), all.ids.begin() + 2);
  EXPECT_EQ(titles, (std::set<std::string>{old_title, older_title}));
  if (is_postgres()) EXPECT_EQ(all.ids, (std::vector<std::string>{old_title, older_title, new_note, mid_note}));

  // A page past the first tier, and past the end.
  q.offset = 3;
  q.limit = 2;
  ActivityResults last = search.search(q);
  ASSERT_EQ(last.ids.size(), 1u);
  EXPECT_EQ(last.ids[0], all.ids[3]);
  q.offset = 10;
  EXPECT_TRUE(search.search(q).ids.empty());

  // PostgreSQL stops counting at the cap and says so; the pages still reach every match.
  q.offset = 2;
  q.count_cap = 3;
  ActivityResults capped = search.search(q);
  if (is_postgres()) {
    EXPECT_EQ(capped.total, 3);
    EXPECT_TRUE(capped.total_capped);
  }
  EXPECT_EQ(capped.ids, (std::vector<std::string>{all.ids[2], all.ids[3]}));
  q.count_cap = 0;  // the API's exact count
  EXPECT_EQ(search.search(q).total, 4);
  EXPECT_FALSE(search.search(q).total_capped);
}

TEST_P(LookbackTest, AMissingIndexIsRebuiltAtStart) {
  add_month();
  app_.reset();
  if (!is_postgres()) std::filesystem::remove_all(test_db().scratch() / "journal-search");
  else db().acquire()->exec("DELETE FROM settings WHERE name = 'journal.search_format'");
  {
    auto lease = db().acquire();
    // Written while no server ran: the start-up catches it up.
    lease->exec("UPDATE journal_activities SET title = 'Stille wijziging', version = version + 1 WHERE id = ?", {jette_});
  }
  app_ = testing::make_test_app(test_db(), 4);
  auto partner = signed_in("partner@example.org");
  EXPECT_NE(partner->get("/journal/search?q=warme+overgangen").body.find("Partneroverleg januari"), std::string::npos);
  EXPECT_NE(partner->get("/journal/search?q=stille").body.find("1 activiteit gevonden"), std::string::npos);
  // A change made without the index (no rebuild needed): caught up at the next start.
  app_.reset();
  db().acquire()->exec("UPDATE journal_activities SET title = 'Nog eens anders', version = version + 1 WHERE id = ?",
                       {jette_});
  app_ = testing::make_test_app(test_db(), 4);
  EXPECT_NE(signed_in("partner@example.org")->get("/journal/search?q=anders").body.find("1 activiteit gevonden"),
            std::string::npos);
}

TEST_P(LookbackTest, TheProcessReportListsThePeriodsVisibleActivitiesAsHtmlAndPdf) {
  add_month();
  {
    auto lease = db().acquire();
    lease->exec("INSERT INTO journal_follow_ups (id, version, created_at, updated_at, activity_id, text, due_date, status) "
                "VALUES ('fu-1', 1, 1, 1, ?, 'Verslag rondsturen', '2027-02-01', 'open'), "
                "('fu-2', 1, 1, 1, ?, 'Zaal boeken', NULL, 'done'), ('fu-3', 1, 1, 1, ?, 'Geheim opvolgen', NULL, 'open')",
                {network_, network_, secret_});
    lease->exec("UPDATE journal_activities SET decisions = 'We kiezen **samen** een datum.' WHERE id = ?", {network_});
  }
  auto partner = signed_in("partner@example.org");
  auto page = partner->get("/journal/report?from=2027-01-01&to=2027-01-31");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 500);
  EXPECT_NE(page.body.find("Partneroverleg januari"), std::string::npos);
  EXPECT_NE(page.body.find("Intervisie Jette"), std::string::npos);
  EXPECT_EQ(page.body.find("Interview De Vlinder"), std::string::npos);
  EXPECT_EQ(page.body.find("Geheim opvolgen"), std::string::npos);
  EXPECT_EQ(page.body.find("Intervisie Anderlecht"), std::string::npos);
  EXPECT_NE(page.body.find("<strong>samen</strong>"), std::string::npos) << "decisions as safe Markdown";
  EXPECT_NE(page.body.find("Verslag rondsturen"), std::string::npos);
  EXPECT_NE(page.body.find("Zaal boeken"), std::string::npos);
  EXPECT_NE(page.body.find("2 activiteiten"), std::string::npos) << "the partner's total";
  // The day after `to` is outside; a team level; group by month.
  EXPECT_EQ(partner->get("/journal/report?from=2027-01-01&to=2027-01-19").body.find("Intervisie Jette"), std::string::npos);
  auto team = partner->get("/journal/report?from=2027-01-01&to=2027-01-31&team=team-jette&group=month");
  EXPECT_NE(team.body.find("Intervisie Jette"), std::string::npos);
  EXPECT_EQ(team.body.find("Partneroverleg januari"), std::string::npos);
  EXPECT_NE(team.body.find("2027-01"), std::string::npos);
  EXPECT_EQ(partner->get("/journal/report?from=2027-02-01&to=2027-01-01").status, 400);
  EXPECT_EQ(partner->get("/journal/report?from=gisteren").status, 400);

  auto coordinator = signed_in("coordinator@example.org");
  auto all = coordinator->get("/journal/report?from=2027-01-01&to=2027-01-31");
  EXPECT_NE(all.body.find("Interview De Vlinder"), std::string::npos);
  EXPECT_NE(all.body.find("4 activiteiten"), std::string::npos);
  EXPECT_EQ(testing::audit_count(db(), "journal.activity.report"), 1);

  auto pdf = partner->get("/journal/report?from=2027-01-01&to=2027-01-31&format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 500);
  ASSERT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(pdf.header("content-type").value_or(""), "application/pdf");
  testing::TempDir dir;
  testing::write_file(dir.path() / "report.pdf", pdf.body);
  auto text = testing::run_tool("pdftotext -layout " + (dir.path() / "report.pdf").string() + " -");
  ASSERT_EQ(text.status, 0) << text.output;
  EXPECT_NE(text.output.find("Procesverslag"), std::string::npos) << text.output.substr(0, 1000);
  EXPECT_NE(text.output.find("Partneroverleg januari"), std::string::npos);
  EXPECT_EQ(text.output.find("Interview De Vlinder"), std::string::npos);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(LookbackTest);

}  // namespace
}  // namespace samen::journal

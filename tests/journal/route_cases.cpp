// The journal's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the timeline and its exports, the
// activity pages and forms, follow-ups and the activities API. The records:
// a network-wide activity by the coordinator, a facilitators-only interview,
// a team activity of a team organisation A belongs to, and activities the
// partner created (which the partner may edit and archive).
#include "support/route_access.hpp"

#include "accounts/secrets.hpp"
#include "store/database.hpp"

namespace samen::testing {
namespace {

using accounts::Role;

constexpr const char* kTeam = "rc-journal-team";
constexpr const char* kNetwork = "rc-journal-network";
constexpr const char* kFacilitators = "rc-journal-facilitators";
constexpr const char* kTeamActivity = "rc-journal-team-activity";
constexpr const char* kPartners = "rc-journal-partner";
constexpr const char* kArchive = "rc-journal-archive";
constexpr const char* kApiArchive = "rc-journal-api-archive";

void add_activity(store::Connection& c, const char* id, const char* visibility, const char* team, std::int64_t creator,
                  const char* title) {
  c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, team_id, visibility, "
         "created_by, version, created_at, updated_at) VALUES (?, 'partner_meeting', ?, 1400000000, 90, ?, ?, ?, 1, 1, 1)",
         {id, title, *team ? store::Param(team) : store::Param(nullptr), visibility, creator});
}

std::vector<RouteCase> journal_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES (?, 'Lokaal team Route', 'local_team', 1, 1)",
           {kTeam});
    c.exec("INSERT INTO team_members (team_id, organization_id) VALUES (?, ?)", {kTeam, w.org_a});
    std::int64_t coordinator = w.user_ids.at(Role::coordinator), partner = w.user_ids.at(Role::partner);
    add_activity(c, kNetwork, "network", "", coordinator, "Partneroverleg voor iedereen");
    add_activity(c, kFacilitators, "facilitators", "", coordinator, "Interview (vertrouwelijk)");
    add_activity(c, kTeamActivity, "team", kTeam, coordinator, "Intervisie team");
    add_activity(c, kPartners, "network", "", partner, "Overleg van de partner");
    add_activity(c, kArchive, "network", "", partner, "Te archiveren");
    add_activity(c, kApiArchive, "network", "", partner, "Te archiveren via de API");
    // lookback: the coordinator's private calendar feed URL.
    c.exec("INSERT INTO documents_feed_tokens (token_digest, user_id, feed, label, created_at) "
           "VALUES (?, ?, 'journal.activities', 'rc', 1)",
           {accounts::token_digest("rc-journal-feed-token"), coordinator});
    // The coordinator's open follow-up shows on their home page; the partner's is ticked off below.
    c.exec("INSERT INTO journal_follow_ups (id, version, created_at, updated_at, activity_id, text, owner_id, due_date) "
           "VALUES ('rc-fu-coordinator', 1, 1, 1, ?, 'Verslag rondsturen', ?, '2030-01-01'), "
           "('rc-fu-partner', 1, 1, 1, ?, 'Zaal boeken', ?, NULL)",
           {kNetwork, coordinator, kNetwork, partner});
  }
  const std::string form =
      "type=focus_group&title=Focusgroep&starts_at=2014-11-20T13%3A30&duration_minutes=120&visibility=network";
  const std::string json = R"({"type":"interview","title":"Interview","starts_at":"2014-10-07T08:00:00Z","duration_minutes":60})";
  auto page = [](const char* id) { return std::string("/journal/") + id; };
  auto api = [](const char* id) { return std::string("/api/v1/activities/") + id; };
  //                            anonymous admin coord facil partner parent_rep
  const RoleExpect readers_page{303, 200, 200, 200, 200, 200};
  const RoleExpect writers_page{303, 200, 200, 200, 200, 403};
  const RoleExpect writers_post{303, 303, 303, 303, 303, 403};
  const RoleExpect staff_page{303, 200, 200, 200, 403, 403};      // not the partner's own
  const RoleExpect hidden_page{303, 200, 200, 200, 404, 404};     // facilitators only
  const RoleExpect readers_api{401, 200, 200, 200, 200, 200};
  const RoleExpect writers_api{401, 200, 200, 200, 200, 403};
  return {
      {"GET", "/journal", "", readers_page},
      {"GET", "/journal?team=brussels&type=interview&year=2014&page=1", "", readers_page},
      {"GET", "/journal?year=twenty", "", {303, 400, 400, 400, 400, 400}},
      {"GET", "/journal?format=csv", "", readers_page},
      {"GET", "/journal?format=xlsx", "", readers_page},
      {"GET", "/journal/new", "", writers_page},
      {"POST", "/journal/new", form, writers_post},
      {"POST", "/journal/new", "type=focus_group&title=&starts_at=2014-02-30T10%3A00&duration_minutes=0&visibility=network",
       {303, 422, 422, 422, 422, 403}},
      {"GET", page(kNetwork), "", readers_page},
      {"GET", page(kFacilitators), "", hidden_page},
      {"GET", page(kTeamActivity), "", {303, 200, 200, 200, 200, 404}},
      {"GET", "/journal/no-such-activity", "", {303, 404, 404, 404, 404, 404}},
      {"GET", page(kNetwork) + "/edit", "", staff_page},
      {"GET", page(kPartners) + "/edit", "", writers_page},
      {"GET", page(kFacilitators) + "/edit", "", {303, 200, 200, 200, 404, 403}},
      {"POST", page(kPartners) + "/edit", form, writers_post},
      {"POST", page(kNetwork) + "/edit", form, {303, 303, 303, 303, 403, 403}},
      {"POST", page(kArchive) + "/archive", "", writers_post},
      {"POST", page(kArchive) + "/restore", "", writers_post},
      {"POST", page(kFacilitators) + "/archive", "version=999", {303, 409, 409, 409, 404, 403}},
      {"POST", page(kPartners) + "/follow-ups", "text=Verslag+maken&due_date=2030-02-01", writers_post},
      {"POST", page(kPartners) + "/follow-ups", "text=&due_date=2030-02-31", {303, 422, 422, 422, 422, 403}},
      {"POST", "/journal/follow-ups/rc-fu-partner/status", "status=done", {303, 303, 303, 303, 303, 403}},
      {"GET", "/api/v1/activities", "", readers_api},
      {"GET", "/api/v1/activities?team=brussels&type=interview&from=2014-01-01&to=2015-01-01T00:00:00Z&per_page=5", "",
       readers_api},
      {"GET", "/api/v1/activities?from=yesterday", "", {401, 400, 400, 400, 400, 400}},
      {"POST", "/api/v1/activities", json, {401, 201, 201, 201, 201, 403}},
      {"POST", "/api/v1/activities", R"({"type":"interview","title":""})", {401, 422, 422, 422, 422, 403}},
      {"GET", api(kNetwork), "", readers_api},
      {"GET", api(kFacilitators), "", {401, 200, 200, 200, 404, 404}},
      {"PUT", api(kPartners), json, writers_api},
      {"PATCH", api(kPartners), R"j({"title":"Overleg (bijgewerkt)"})j", writers_api},
      {"PATCH", api(kNetwork), R"({"title":"Niet van de partner"})", {401, 200, 200, 200, 403, 403}},
      {"DELETE", api(kApiArchive), "", writers_api},
      // lookback: calendar and feeds, search, the process report
      {"GET", "/journal/calendar", "", readers_page},
      {"GET", "/journal/calendar?month=2014-05&team=brussels", "", readers_page},
      {"GET", "/journal/calendar?month=2014-13", "", {303, 400, 400, 400, 400, 400}},
      {"GET", "/journal/calendar/feeds", "", readers_page},
      {"POST", "/journal/calendar/feeds", "label=Agenda&team=brussels", readers_page},
      {"POST", "/journal/calendar/feeds", "label=Agenda&team=no-such-team", {303, 422, 422, 422, 422, 422}},
      {"POST", "/journal/calendar/feeds/999999/revoke", "", {303, 404, 404, 404, 404, 404}},
      {"GET", "/journal/feed/rc-journal-feed-token.ics", "", kPublicPage},
      {"GET", "/journal/feed/unknown-token.ics", "", {404, 404, 404, 404, 404, 404}},
      {"GET", "/journal/search?q=interview", "", readers_page},
      {"GET", "/journal/report?from=2014-01-01&to=2014-12-31&group=month", "", readers_page},
      {"GET", "/journal/report?from=2014-12-31&to=2014-01-01", "", {303, 400, 400, 400, 400, 400}},
      {"GET", "/api/v1/activities.ics", "", readers_api},
      {"GET", "/api/v1/activities.ics?team=brussels", "", readers_api},
      {"GET", "/api/v1/activities?q=interview", "", readers_api},
  };
}

const bool registered = register_route_cases(&journal_cases);

}  // namespace
}  // namespace samen::testing

// coding: the codebook, coding a note, frequencies, review and the codes/codings API.
namespace samen::testing {
namespace {

constexpr const char* kCodingActivity = "rc-coding-activity";
constexpr const char* kCodingSecret = "rc-coding-secret";

std::vector<RouteCase> journal_coding_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    std::int64_t coordinator = w.user_ids.at(accounts::Role::coordinator);
    for (auto [id, visibility] : {std::pair{kCodingActivity, "network"}, std::pair{kCodingSecret, "facilitators"}})
      c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, notes, created_by, "
             "version, created_at, updated_at) VALUES (?, 'interview', 'Gecodeerd interview', 1400000000, 60, ?, ?, ?, 1, 1, 1)",
             {id, visibility, "Ouders vinden de weg moeilijk.\n\nDe drempel is laag.", coordinator});
    c.exec("INSERT INTO journal_codes (id, version, created_at, updated_at, parent_id, label_nl, label_fr, label_en, colour) "
           "VALUES ('rc-code-root', 1, 1, 1, NULL, 'Vertrouwen', 'Confiance', 'Trust', '#8250df'), "
           "('rc-code-child', 1, 1, 1, 'rc-code-root', 'Lage drempel', 'Seuil bas', 'Low threshold', '#e2d1ff'), "
           "('rc-code-archive', 1, 1, 1, NULL, 'Te archiveren', 'À archiver', 'To archive', '#cf222e')");
    const char* insert =
        "INSERT INTO journal_codings (id, code_id, activity_id, start_offset, end_offset, passage, author_id, created_at) "
        "VALUES (?, 'rc-code-child', ?, 0, 29, 'Ouders vinden de weg moeilijk', ?, 1)";
    for (auto [id, activity] : {std::pair{"rc-coding-1", kCodingActivity}, std::pair{"rc-coding-secret", kCodingSecret},
                                std::pair{"rc-coding-delete", kCodingActivity}, std::pair{"rc-coding-api-delete", kCodingActivity}})
      c.exec(insert, {id, activity, coordinator});
  }
  const std::string code_form = "label_nl=Taal&label_fr=Langue&label_en=Language&colour=%230a7d8c";
  const std::string code_json = R"({"label_nl":"Taal","label_fr":"Langue","label_en":"Language","colour":"#0a7d8c"})";
  const std::string coding_json =
      std::string(R"({"code_id":"rc-code-root","activity_id":")") + kCodingActivity + R"(","start":31,"end":49})";
  const std::string activity = std::string("/journal/") + kCodingActivity;
  //                            anonymous admin coord facil partner parent_rep
  const RoleExpect readers_page{303, 200, 200, 200, 200, 403};
  const RoleExpect coders_page{303, 200, 200, 200, 403, 403};
  const RoleExpect coders_post{303, 303, 303, 303, 403, 403};
  const RoleExpect readers_api{401, 200, 200, 200, 200, 403};
  return {
      {"GET", "/journal/coding/codes", "", readers_page},
      {"GET", "/journal/coding/codes/new?parent=rc-code-root", "", coders_page},
      {"POST", "/journal/coding/codes/new", code_form, coders_post},
      {"POST", "/journal/coding/codes/new", "label_nl=&label_fr=x&label_en=x&colour=blue", {303, 422, 422, 422, 403, 403}},
      {"GET", "/journal/coding/codes/rc-code-root", "", readers_page},
      {"GET", "/journal/coding/codes/rc-code-root?format=csv", "", readers_page},
      {"GET", "/journal/coding/codes/rc-code-child?format=xlsx&page=1", "", readers_page},
      {"GET", "/journal/coding/codes/no-such-code", "", {303, 404, 404, 404, 404, 403}},
      {"GET", "/journal/coding/codes/rc-code-root/edit", "", coders_page},
      {"POST", "/journal/coding/codes/rc-code-root/edit",
       "label_nl=Vertrouwen&label_fr=Confiance&label_en=Trust&colour=%238250df", coders_post},
      {"POST", "/journal/coding/codes/rc-code-root/edit",
       "label_nl=Vertrouwen&label_fr=Confiance&label_en=Trust&colour=%238250df&parent_id=rc-code-child",
       {303, 422, 422, 422, 403, 403}},
      {"POST", "/journal/coding/codes/rc-code-archive/archive", "", coders_post},
      {"POST", "/journal/coding/codes/rc-code-archive/restore", "", coders_post},
      {"POST", "/journal/coding/codes/rc-code-root/memos", "text=Komt+vaak+terug", coders_post},
      {"GET", "/journal/coding/frequencies", "", readers_page},
      {"GET", "/journal/coding/frequencies?by=quarter", "", readers_page},
      {"GET", "/journal/coding/frequencies?by=type&format=csv", "", readers_page},
      {"GET", "/journal/coding/frequencies?by=week", "", {303, 400, 400, 400, 400, 403}},
      {"GET", "/journal/coding/review", "", coders_page},
      {"GET", "/journal/coding/import", "", coders_page},
      {"POST", "/journal/coding/import", "", {303, 415, 415, 415, 403, 403}},  // a form without the file
      {"GET", activity, "", {303, 200, 200, 200, 200, 200}},
      {"GET", activity + "/code", "", coders_page},
      {"GET", std::string("/journal/") + kCodingSecret + "/code", "", coders_page},
      {"POST", activity + "/codings", "code=rc-code-root&para_start=0&para_end=29&from=7&to=13", coders_post},
      {"POST", activity + "/codings", "code=rc-code-root&start=40&end=400", {303, 422, 422, 422, 403, 403}},
      {"POST", "/journal/coding/codings/rc-coding-1/reattach", "para_start=31&para_end=49", coders_post},
      {"POST", "/journal/coding/codings/rc-coding-delete/delete", "", {303, 303, 404, 404, 403, 403}},
      {"GET", "/api/v1/codes", "", readers_api},
      {"POST", "/api/v1/codes", code_json, {401, 201, 201, 201, 403, 403}},
      {"POST", "/api/v1/codes/import?dry_run=true", "", {401, 422, 422, 422, 403, 403}},  // an empty body is no codebook
      {"GET", "/api/v1/codes/rc-code-root", "", readers_api},
      {"PUT", "/api/v1/codes/rc-code-child",
       R"({"label_nl":"Lage drempel","label_fr":"Seuil bas","label_en":"Low threshold","parent_id":"rc-code-root"})",
       {401, 200, 200, 200, 403, 403}},
      {"GET", std::string("/api/v1/codings?code=rc-code-child&activity=") + kCodingActivity, "", readers_api},
      {"POST", "/api/v1/codings", coding_json, {401, 201, 201, 201, 403, 403}},
      {"DELETE", "/api/v1/codings/rc-coding-api-delete", "", {401, 204, 404, 404, 403, 403}},
      {"GET", "/api/v1/project.qdpx", "", readers_api},
      {"GET", "/journal/coding/project.qdpx", "", readers_page},
  };
}

const bool coding_registered = register_route_cases(&journal_coding_cases);

}  // namespace
}  // namespace samen::testing

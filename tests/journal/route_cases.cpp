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

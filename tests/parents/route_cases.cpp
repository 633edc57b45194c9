// The parents module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the public "you said, we did" pages and
// suggestion form (anyone), the register (every signed-in role reads and
// records, staff edit, the coordination publishes, extends themes and
// moderates), links of concerns to the plan's actions, parent groups and their
// meetings, the record panels on a journal activity and on an action, and
// /api/v1/concerns. Callers come one after the other (admin
// before coordinator): where the first one's change leaves its mark (a
// suggestion accepted or discarded, a meeting unlinked, a theme added) the
// table says so.
#include "support/route_access.hpp"

#include "store/database.hpp"

namespace samen::testing {
namespace {

constexpr const char* kTeam = "rc-parents-team";
constexpr const char* kConcern = "rc-parents-concern";
constexpr const char* kApiConcern = "rc-parents-api-concern";
constexpr const char* kArchive = "rc-parents-archive";
constexpr const char* kGroup = "rc-parents-group";
constexpr const char* kGroupArchive = "rc-parents-group-archive";
constexpr const char* kMeeting = "rc-parents-meeting";
constexpr const char* kUnlinked = "rc-parents-unlinked";
constexpr const char* kAction = "rc-parents-action";        // linked to kConcern from the start
constexpr const char* kOtherAction = "rc-parents-action-2";  // linked by the first caller

void add_concern(store::Connection& c, const char* id) {
  c.exec("INSERT INTO parents_concerns (id, version, created_at, updated_at, text, theme, language, source, status, "
         "team_id, group_id, raised_on, public_text_nl, response_nl, published_at) VALUES (?, 1, 1, 1, "
         "'De openingsuren passen niet.', 'opening_hours', 'nl', 'parent_group', 'heard', ?, ?, '2026-01-10', "
         "'De openingsuren passen niet.', 'Er komt een zaterdagconsultatie.', 5)",
         {id, kTeam, kGroup});
}

void add_suggestion(store::Connection& c, const char* id) {
  c.exec("INSERT INTO parents_suggestions (id, created_at, text, language) VALUES (?, 1, 'Meer speelruimte binnen', 'nl')",
         {id});
}

std::vector<RouteCase> parents_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES (?, 'Lokaal team Ouders', 'local_team', 1, 1)",
           {kTeam});
    for (const char* g : {kGroup, kGroupArchive})
      c.exec("INSERT INTO parents_groups (id, version, created_at, updated_at, name, team_id) VALUES (?, 1, 1, 1, ?, ?)",
             {g, std::string("Oudergroep ") + g, kTeam});
    for (const char* a : {kMeeting, kUnlinked}) {
      c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, version, "
             "created_at, updated_at) VALUES (?, 'parent_group', 'Oudergroep: openingsuren', 1700000000, 90, 'network', "
             "1, 1, 1)",
             {a});
      c.exec("INSERT INTO parents_group_meetings (group_id, activity_id, linked_at) VALUES (?, ?, 1)", {kGroup, a});
    }
    for (const char* id : {kConcern, kApiConcern, kArchive}) add_concern(c, id);
    for (const char* a : {kAction, kOtherAction})
      c.exec("INSERT INTO plan_items (id, version, created_at, updated_at, kind, title, status) "
             "VALUES (?, 1, 1, 1, 'action', 'Zaterdagconsultatie', 'on_track')", {a});
    c.exec("INSERT INTO parents_concern_actions (concern_id, action_id, linked_at) VALUES (?, ?, 1)", {kConcern, kAction});
    c.exec("INSERT INTO parents_themes (code, label_nl, label_fr, label_en, sort_order) "
           "VALUES ('rc_theme', 'Routethema', 'Thème route', 'Route theme', 900)");
    for (const char* s : {"rc-sugg-view", "rc-sugg-accept", "rc-sugg-discard"}) add_suggestion(c, s);
  }
  //                          anonymous admin coord facil partner parent_rep
  const RoleExpect readers{303, 200, 200, 200, 200, 200};
  const RoleExpect recorded{303, 303, 303, 303, 303, 303};
  const RoleExpect staff{303, 200, 200, 200, 403, 403};
  const RoleExpect staff_done{303, 303, 303, 303, 403, 403};
  const RoleExpect coordination{303, 200, 200, 403, 403, 403};
  const RoleExpect coordination_done{303, 303, 303, 403, 403, 403};
  const RoleExpect coordination_first{303, 303, 404, 403, 403, 403};
  const std::string concern = std::string("/parents/concerns/") + kConcern;
  const std::string group = std::string("/parents/groups/") + kGroup;
  const std::string form = "text=Meer+info+in+het+Arabisch&theme=language_information&language=nl&source=parent_group"
                           "&status=heard&raised_on=2026-02-11&team_id=" + std::string(kTeam);
  const std::string api = std::string("/api/v1/concerns/") + kApiConcern;
  const std::string json = std::string(R"({"text":"Te weinig plaatsen","theme":"waiting_lists","language":"nl",)") +
                           R"("source":"survey","status":"heard","raised_on":"2026-03-01","team_id":")" + kTeam + R"("})";
  return {
      {"GET", "/you-said-we-did", "", kPublicPage},
      {"GET", std::string("/you-said-we-did/") + kTeam, "", kPublicPage},
      {"GET", "/you-said-we-did/no-such-team", "", {404, 404, 404, 404, 404, 404}},
      {"GET", "/you-said-we-did/suggest", "", kPublicPage},
      {"POST", "/you-said-we-did/suggest", "text=Meer+speelruimte+binnen&language=nl", kPublicPage},
      {"GET", "/parents", "", readers},
      {"GET", "/parents?theme=opening_hours&status=heard&format=csv", "", readers},
      {"GET", "/parents/concerns/new", "", readers},
      {"POST", "/parents/concerns/new", form, recorded},
      {"GET", concern, "", readers},
      {"GET", concern + "/edit", "", staff},
      {"POST", concern + "/edit", form, staff_done},
      {"POST", std::string("/parents/concerns/") + kArchive + "/archive", "", staff_done},
      {"POST", concern + "/actions", std::string("action_id=") + kOtherAction, staff_done},
      {"POST", concern + "/actions/remove", std::string("action_id=") + kAction, {303, 303, 404, 404, 403, 403}},
      {"GET", std::string("/plan/items/") + kOtherAction, "", readers},  // the record panel lists the concern
      {"GET", concern + "/publication", "", coordination},
      {"POST", concern + "/publication", "public_text_nl=Meer+info+in+andere+talen&publish=1", coordination_done},
      {"GET", "/parents/themes", "", readers},
      {"POST", "/parents/themes", "label_nl=Voeding&label_fr=Alimentation&label_en=Food", {303, 303, 422, 403, 403, 403}},
      {"POST", "/parents/themes/rc_theme/archive", "", coordination_done},
      {"GET", "/parents/groups", "", readers},
      {"GET", "/parents/groups/new", "", staff},
      {"POST", "/parents/groups/new", "name=Oudergroep+Route&team_id=" + std::string(kTeam), staff_done},
      {"GET", group, "", readers},
      {"GET", group + "/edit", "", staff},
      {"POST", group + "/edit", "name=Oudergroep+Route+bis&team_id=" + std::string(kTeam), staff_done},
      {"POST", std::string("/parents/groups/") + kGroupArchive + "/archive", "", staff_done},
      {"POST", group + "/meetings", std::string("activity_id=") + kMeeting, staff_done},
      {"POST", group + "/meetings/" + kUnlinked + "/unlink", "", {303, 303, 404, 404, 403, 403}},
      {"GET", std::string("/journal/") + kMeeting, "", readers},  // the record panel names the group
      {"GET", "/parents/suggestions", "", coordination},
      {"GET", "/parents/suggestions/rc-sugg-view/accept", "", coordination},
      {"POST", "/parents/suggestions/rc-sugg-accept/accept",
       "text=Meer+speelruimte+binnen&theme=meeting_places&language=nl&source=anonymous_form&status=heard&raised_on=2026-02-11",
       coordination_first},
      {"POST", "/parents/suggestions/rc-sugg-discard/discard", "", coordination_first},
      {"GET", "/api/v1/concerns", "", {401, 200, 200, 200, 200, 200}},
      {"POST", "/api/v1/concerns", json, {401, 201, 201, 201, 201, 201}},
      {"GET", api, "", {401, 200, 200, 200, 200, 200}},
      {"PUT", api, json, {401, 200, 200, 200, 403, 403}},
      {"PATCH", api, R"({"status":"being_discussed"})", {401, 200, 200, 200, 403, 403}},
  };
}

const bool registered = register_route_cases(&parents_cases);

}  // namespace
}  // namespace samen::testing

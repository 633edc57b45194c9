// The plan module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): roll-up, vision, item pages and forms,
// status changes, indicators and values, links to journal activities and to
// toolbox methods (a published one and a draft that cannot be linked). The
// records: a Brussels-wide objective; under it an action owned by
// organisation A (which the partner may edit) and one owned by organisation B
// (which they may not), an action to archive and an archived one to restore;
// an indicator with one value; a network-wide and a facilitators-only journal
// activity, the first linked to the action. Callers come one after the other
// (admin first), so where the first one's change leaves its mark the table
// says so (a value on a date already taken: 422).
#include "support/route_access.hpp"

#include "store/database.hpp"

namespace samen::testing {
namespace {

constexpr const char* kObjective = "rc-plan-objective";
constexpr const char* kAction = "rc-plan-action";
constexpr const char* kOther = "rc-plan-other";
constexpr const char* kArchive = "rc-plan-archive";
constexpr const char* kRestore = "rc-plan-restore";
constexpr const char* kIndicator = "rc-plan-indicator";
constexpr const char* kValue = "rc-plan-value";
constexpr const char* kDeleteIndicator = "rc-plan-indicator-delete";
constexpr const char* kActivity = "rc-plan-activity";
constexpr const char* kHidden = "rc-plan-hidden";
constexpr const char* kMethod = "rc-plan-method";      // a published toolbox method
constexpr const char* kDraftMethod = "rc-plan-draft";  // a draft: not linkable

void add_item(store::Connection& c, const char* id, const char* kind, const char* parent, const std::string& owner,
              bool archived = false) {
  c.exec("INSERT INTO plan_items (id, version, created_at, updated_at, archived_at, kind, parent_id, title, status) "
         "VALUES (?, 1, 1, 1, ?, ?, ?, ?, 'on_track')",
         {id, archived ? store::Param(std::int64_t{5}) : store::Param(nullptr), kind,
          *parent ? store::Param(parent) : store::Param(nullptr), std::string("Route ") + id});
  if (!owner.empty()) c.exec("INSERT INTO plan_item_owners (item_id, organization_id) VALUES (?, ?)", {id, owner});
}

std::vector<RouteCase> plan_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    add_item(c, kObjective, "objective", "", "");
    add_item(c, kAction, "action", kObjective, w.org_a);
    add_item(c, kOther, "action", kObjective, w.org_b);
    add_item(c, kArchive, "action", kObjective, w.org_a);
    add_item(c, kRestore, "action", kObjective, w.org_a, true);
    c.exec("INSERT INTO plan_indicators (id, version, created_at, updated_at, item_id, name, unit, value_type, baseline, "
           "target) VALUES (?, 1, 1, 1, ?, 'Gezinnen bereikt', 'gezinnen', 'integer', 10, 100)", {kIndicator, kAction});
    c.exec("INSERT INTO plan_indicators (id, version, created_at, updated_at, item_id, name, value_type) "
           "VALUES (?, 1, 1, 1, ?, 'Te archiveren', 'decimal')", {kDeleteIndicator, kAction});
    c.exec("INSERT INTO plan_indicator_values (id, version, created_at, updated_at, indicator_id, measured_on, value) "
           "VALUES (?, 1, 1, 1, ?, '2025-12-31', 40)", {kValue, kIndicator});
    for (auto [id, visibility] : {std::pair{kActivity, "network"}, std::pair{kHidden, "facilitators"}})
      c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, version, created_at, "
             "updated_at) VALUES (?, 'partner_meeting', 'Overleg plan', 1700000000, 60, ?, 1, 1, 1)", {id, visibility});
    c.exec("INSERT INTO plan_activity_links (item_id, activity_id, created_at) VALUES (?, ?, 1)", {kAction, kActivity});
    for (auto [id, status] : {std::pair{kMethod, "published"}, std::pair{kDraftMethod, "draft"}}) {
      c.exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, status, phase, topics, group_min, group_max, "
             "duration_minutes) VALUES (?, 1, 1, 1, ?, 'acting', '', 2, 10, 60)", {id, status});
      c.exec("INSERT INTO toolbox_translations (method_id, lang, name, aim, steps) VALUES (?, 'nl', 'Onthaalkring', "
             "'Doel', '[]')", {id});
    }
  }
  auto item = [](const char* id) { return std::string("/plan/items/") + id; };
  const std::string indicator = std::string("/plan/indicators/") + kIndicator;
  const std::string action_form = std::string("kind=action&title=Onthaal+bijgewerkt&parent_id=") + kObjective +
                                  "&owner_ids=" + w.org_a;
  const std::string other_form = std::string("kind=action&title=Niet+van+de+partner&parent_id=") + kObjective +
                                 "&owner_ids=" + w.org_b;
  //                             anonymous admin coord facil partner parent_rep
  const RoleExpect readers_page{303, 200, 200, 200, 200, 200};
  const RoleExpect writers_page{303, 200, 200, 200, 200, 403};
  const RoleExpect writers_post{303, 303, 303, 303, 303, 403};
  const RoleExpect staff_page{303, 200, 200, 200, 403, 403};
  const RoleExpect staff_post{303, 303, 303, 303, 403, 403};
  const RoleExpect invalid{303, 422, 422, 422, 422, 403};
  const RoleExpect readers_api{401, 200, 200, 200, 200, 200};
  const RoleExpect writers_api{401, 200, 200, 200, 200, 403};
  auto api = [](const char* kind, const char* id) { return std::string("/api/v1/") + kind + "/" + id; };
  const std::string action_json = std::string(R"j({"title":"Onthaal (API)","parent_id":")j") + kObjective +
                                  R"(","owner_ids":[")" + w.org_a + R"("],"budget":"1250.50"})";
  return {
      {"GET", "/api/v1/objectives", "", readers_api},
      {"GET", "/api/v1/objectives?team=brussels&per_page=5", "", readers_api},
      {"POST", "/api/v1/objectives", R"j({"title":"Nieuwe doelstelling (API)"})j", {401, 201, 201, 201, 403, 403}},
      {"POST", "/api/v1/objectives", R"({"title":""})", {401, 422, 422, 422, 422, 403}},
      {"GET", api("objectives", kObjective), "", readers_api},
      {"GET", api("objectives", kAction), "", {401, 404, 404, 404, 404, 404}},
      {"PUT", api("objectives", kObjective), R"j({"title":"Doelstelling (API)"})j", {401, 200, 200, 200, 403, 403}},
      {"PATCH", api("objectives", kObjective), R"({"description":"Bijgewerkt"})", {401, 200, 200, 200, 403, 403}},
      {"DELETE", api("objectives", kObjective), "", {401, 409, 409, 409, 403, 403}},
      {"GET", "/api/v1/actions", "", readers_api},
      {"GET", std::string("/api/v1/actions?parent=") + kObjective, "", readers_api},
      {"POST", "/api/v1/actions", action_json, {401, 201, 201, 201, 201, 403}},
      {"POST", "/api/v1/actions", std::string(R"({"title":"Kring","parent_id":")") + kAction + R"(","budget":true})",
       {401, 422, 422, 422, 422, 403}},
      {"GET", api("actions", kAction), "", readers_api},
      {"PUT", api("actions", kAction), action_json, writers_api},
      {"PATCH", api("actions", kAction), R"({"status":"at_risk","status_reason":"Te weinig vrijwilligers"})", writers_api},
      {"PATCH", api("actions", kOther), R"({"title":"Niet van de partner"})", {401, 200, 200, 200, 403, 403}},
      {"PATCH", api("actions", kAction), R"({"status":"dropped","status_reason":""})", {401, 422, 422, 422, 422, 403}},
      {"DELETE", api("actions", kArchive), "", writers_api},
      {"GET", "/api/v1/indicators", "", readers_api},
      {"GET", std::string("/api/v1/indicators?item_id=") + kAction, "", readers_api},
      {"POST", "/api/v1/indicators", std::string(R"({"item_id":")") + kAction + R"(","name":"Bereik","value_type":"percentage","target":80})",
       {401, 201, 201, 201, 201, 403}},
      {"POST", "/api/v1/indicators", std::string(R"({"item_id":")") + kAction + R"(","name":"Bereik","value_type":"integer","target":"veel"})",
       {401, 422, 422, 422, 422, 403}},
      {"GET", api("indicators", kIndicator), "", readers_api},
      {"PUT", api("indicators", kIndicator), R"({"name":"Gezinnen bereikt","value_type":"integer","baseline":10,"target":150})", writers_api},
      {"GET", api("indicators", kIndicator) + "/values", "", readers_api},
      {"POST", api("indicators", kIndicator) + "/values", R"({"measured_on":"2027-06-30","value":70})", {401, 201, 422, 422, 422, 403}},
      {"POST", api("indicators", kIndicator) + "/values", R"({"measured_on":"2027-12-31","value":"zeventig"})",
       {401, 422, 422, 422, 422, 403}},
      {"DELETE", api("indicators", kDeleteIndicator), "", writers_api},
      {"GET", "/plan", "", readers_page},
      {"GET", "/plan?team=brussels", "", readers_page},
      {"GET", "/plan?format=xlsx", "", readers_page},
      {"GET", "/plan?format=csv&team=brussels", "", readers_page},
      {"GET", "/plan?team=no-such-team", "", {303, 404, 404, 404, 404, 404}},
      {"GET", "/plan/dashboard", "", readers_page},
      {"GET", "/plan/dashboard?team=brussels", "", readers_page},
      {"GET", "/plan/timeline", "", readers_page},
      {"GET", "/plan/timeline?team=no-such-team", "", {303, 404, 404, 404, 404, 404}},
      {"GET", "/plan/report", "", readers_page},
      {"GET", "/plan/report?year=2025&team=brussels", "", readers_page},
      {"GET", "/plan/report?year=twenty", "", {303, 400, 400, 400, 400, 400}},
      {"GET", "/plan/vision", "", readers_page},
      {"GET", "/plan/vision/edit", "", {303, 200, 200, 403, 403, 403}},
      {"POST", "/plan/vision/edit", "text_nl=Samen+sterk&text_fr=Ensemble&note=route", {303, 303, 303, 403, 403, 403}},
      {"POST", "/plan/vision/edit", "text_nl=&text_fr=", {303, 422, 422, 403, 403, 403}},
      {"GET", "/plan/vision/history", "", readers_page},
      {"GET", "/plan/vision/history?from=1&to=1&lang_text=fr", "", readers_page},
      {"GET", "/plan/vision?version=1", "", readers_page},
      {"GET", "/plan/new?kind=objective", "", writers_page},
      {"GET", std::string("/plan/new?parent=") + kObjective, "", writers_page},
      {"POST", "/plan/new", "kind=objective&title=Nieuwe+doelstelling&status=not_started", {303, 303, 303, 303, 422, 403}},
      {"POST", "/plan/new", std::string("kind=action&title=Eigen+actie&parent_id=") + kObjective + "&owner_ids=" + w.org_a,
       writers_post},
      {"POST", "/plan/new", "kind=action&title=&ends_on=2025-02-30", invalid},
      {"GET", item(kObjective), "", readers_page},
      {"GET", item(kAction), "", readers_page},
      {"GET", item("no-such-item"), "", {303, 404, 404, 404, 404, 404}},
      {"GET", item(kAction) + "/edit", "", writers_page},
      {"GET", item(kOther) + "/edit", "", staff_page},
      {"POST", item(kAction) + "/edit", action_form, writers_post},
      {"POST", item(kOther) + "/edit", other_form, {303, 303, 303, 303, 403, 403}},
      {"POST", item(kAction) + "/edit", std::string("kind=action&title=Kring&parent_id=") + kAction, invalid},
      {"POST", item(kAction) + "/status", "status=at_risk&status_reason=Te+weinig+vrijwilligers", writers_post},
      {"POST", item(kOther) + "/status", "status=at_risk", staff_post},
      {"POST", item(kAction) + "/status", "status=dropped&status_reason=", invalid},
      {"POST", item(kArchive) + "/archive", "", writers_post},
      {"POST", item(kRestore) + "/restore", "", writers_post},
      {"POST", item(kObjective) + "/archive", "", {303, 409, 409, 409, 403, 403}},
      {"GET", item(kAction) + "/indicators/new", "", writers_page},
      {"POST", item(kAction) + "/indicators/new", "name=Oudergroepen&value_type=integer&baseline=1&target=8", writers_post},
      {"POST", item(kAction) + "/indicators/new", "name=Bereik&value_type=percentage&target=140", invalid},
      {"GET", indicator, "", readers_page},
      {"GET", indicator + "/edit", "", writers_page},
      {"POST", indicator + "/edit", "name=Gezinnen+bereikt&unit=gezinnen&value_type=integer&baseline=10&target=120",
       writers_post},
      {"POST", indicator + "/values", "measured_on=2026-06-30&value=55", {303, 303, 422, 422, 422, 403}},
      {"POST", indicator + "/values", "measured_on=2026-07-31&value=5.5", invalid},
      {"POST", indicator + "/values/" + kValue + "/archive", "", writers_post},
      {"POST", "/plan/links", std::string("item_id=") + kAction + "&activity_id=" + kActivity, writers_post},
      {"POST", "/plan/links", std::string("item_id=") + kAction + "&activity_id=" + kHidden, {303, 303, 303, 303, 404, 403}},
      {"POST", "/plan/links/remove", std::string("item_id=") + kAction + "&activity_id=" + kHidden,
       {303, 303, 303, 303, 404, 403}},
      {"POST", "/plan/methods", std::string("item_id=") + kAction + "&method_id=" + kMethod, writers_post},
      {"POST", "/plan/methods", std::string("item_id=") + kAction + "&method_id=" + kDraftMethod, invalid},
      {"POST", "/plan/methods", std::string("item_id=") + kOther + "&method_id=" + kMethod, staff_post},
      {"GET", std::string("/toolbox/") + kMethod, "", readers_page},  // the record panel lists the actions
      {"POST", "/plan/methods/remove", std::string("item_id=") + kAction + "&method_id=" + kMethod, writers_post},
  };
}

const bool registered = register_route_cases(&plan_cases);

}  // namespace
}  // namespace samen::testing

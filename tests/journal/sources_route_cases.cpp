// The journal sources' part of the app-wide route × role table
// (tests/app/route_access_test.cpp): attachments (pages and API), guides,
// answer sets, the expectations register, the activity types admin page,
// follow-up edits and restore through the API. Its own records: a network
// activity by the coordinator, a facilitators-only one, and one the partner
// created (which the partner may edit), with files, guides and answer sets.
#include "documents/attachments.hpp"
#include "store/database.hpp"
#include "support/route_access.hpp"

namespace samen::testing {
namespace {

using accounts::Role;

constexpr const char* kNet = "rc-src-net";
constexpr const char* kFac = "rc-src-fac";
constexpr const char* kOwn = "rc-src-own";

void add_activity(store::Connection& c, const char* id, const char* visibility, std::int64_t creator) {
  c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, created_by, version, "
         "created_at, updated_at) VALUES (?, 'interview', ?, 1400000000, 60, ?, ?, 1, 1, 1)",
         {id, std::string("Bronnen ") + id, visibility, creator});
}

void add_file(store::Connection& c, const char* id, const char* activity) {
  auto stored = documents::store_attachment(c, {"journal.activity", activity, "verslag.txt", "Verslag van de dag\n", std::nullopt},
                                            1 << 20, 1);
  c.exec("INSERT INTO journal_attachments (id, version, created_at, updated_at, activity_id, attachment_id) "
         "VALUES (?, 1, 1, 1, ?, ?)", {id, activity, stored.id});
}

void add_guide(store::Connection& c, const char* id, const char* question) {
  c.exec("INSERT INTO journal_guides (id, version, created_at, updated_at, kind, title, language) "
         "VALUES (?, 1, 1, 1, 'interview', ?, 'nl')", {id, std::string("Leidraad ") + id});
  c.exec("INSERT INTO journal_guide_questions (id, guide_id, position, text) VALUES (?, ?, 1, 'Wat verwacht u?')",
         {question, id});
}

void add_set(store::Connection& c, const char* id, const char* activity, const char* guide, const char* visibility,
             const char* question) {
  c.exec("INSERT INTO journal_activity_guides (id, version, created_at, updated_at, activity_id, guide_id, visibility) "
         "VALUES (?, 1, 1, 1, ?, ?, ?)", {id, activity, guide, visibility});
  c.exec("INSERT INTO journal_answers (id, version, created_at, updated_at, activity_guide_id, question_id, text) "
         "VALUES (?, 1, 1, 1, ?, ?, 'Meer samen leren.')", {std::string(id) + "-a", id, question});
}

void add_entry(store::Connection& c, const char* id, const std::string& org, const char* visibility) {
  c.exec("INSERT INTO journal_expectations (id, version, created_at, updated_at, organization_id, round, captured_on, "
         "visibility, expects) VALUES (?, 1, 1, 1, ?, 'Start 2014', '2014-10-07', ?, 'Samen leren')",
         {id, org, visibility});
}

std::vector<RouteCase> sources_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    std::int64_t coordinator = w.user_ids.at(Role::coordinator), partner = w.user_ids.at(Role::partner);
    add_activity(c, kNet, "network", coordinator);
    add_activity(c, kFac, "facilitators", coordinator);
    add_activity(c, kOwn, "network", partner);
    add_file(c, "rc-src-file-net", kNet);
    add_file(c, "rc-src-file-fac", kFac);
    add_file(c, "rc-src-file-own", kOwn);
    add_file(c, "rc-src-file-del", kNet);
    add_guide(c, "rc-src-guide", "rc-src-q1");
    add_guide(c, "rc-src-guide-2", "rc-src-q2");
    add_set(c, "rc-src-set-net", kNet, "rc-src-guide", "network", "rc-src-q1");
    add_set(c, "rc-src-set-fac", kNet, "rc-src-guide-2", "facilitators", "rc-src-q2");
    add_set(c, "rc-src-set-own", kOwn, "rc-src-guide", "network", "rc-src-q1");
    add_set(c, "rc-src-set-arch", kOwn, "rc-src-guide-2", "network", "rc-src-q2");
    add_entry(c, "rc-src-exp-a", w.org_a, "network");
    add_entry(c, "rc-src-exp-b", w.org_b, "network");
    add_entry(c, "rc-src-exp-fac", w.org_a, "facilitators");
    add_entry(c, "rc-src-exp-b2", w.org_b, "network");
    c.exec("INSERT INTO journal_follow_ups (id, version, created_at, updated_at, activity_id, text) VALUES "
           "('rc-src-fu-own', 1, 1, 1, ?, 'Zaal boeken'), ('rc-src-fu-net', 1, 1, 1, ?, 'Verslag sturen')",
           {kOwn, kNet});
    c.exec("INSERT INTO journal_activity_types (code, label_nl, label_fr, label_en, sort_order) "
           "VALUES ('rc_src_type', 'Huisbezoek', 'Visite à domicile', 'Home visit', 95)");
  }
  auto page = [](const char* id) { return std::string("/journal/") + id; };
  auto api = [](const char* id) { return std::string("/api/v1/activities/") + id; };
  const std::string guide_form =
      "kind=focus_group&title=Focusgroep+ouders&language=nl&question_id=&question_text=Wat+werkt%3F&question_position=1";
  const std::string entry_a = "organization_id=" + w.org_a + "&round=Ronde+2017&captured_on=2017-02-01&expects=Meer";
  const std::string entry_b = "organization_id=" + w.org_b + "&round=Ronde+2017&captured_on=2017-02-01&expects=Meer";
  const std::string guide_json =
      R"({"kind":"focus_group","title":"Focusgroep ouders","language":"nl","questions":[{"text":"Wat werkt?"}]})";
  auto entry_json = [](const std::string& org) {
    return R"({"organization_id":")" + org + R"(","round":"Ronde 2017","captured_on":"2017-02-01","expects":"Meer"})";
  };
  const std::string entry_a_json = entry_json(w.org_a), entry_b_json = entry_json(w.org_b);
  //                            anonymous admin coord facil partner parent_rep
  const RoleExpect readers_page{303, 200, 200, 200, 200, 200};
  const RoleExpect writers_page{303, 200, 200, 200, 200, 403};
  const RoleExpect writers_post{303, 303, 303, 303, 303, 403};
  const RoleExpect staff_page{303, 200, 200, 200, 403, 403};
  const RoleExpect staff_post{303, 303, 303, 303, 403, 403};
  const RoleExpect hidden_page{303, 200, 200, 200, 404, 404};  // facilitators-only, for readers
  const RoleExpect readers_api{401, 200, 200, 200, 200, 200};
  const RoleExpect writers_api{401, 200, 200, 200, 200, 403};
  return {
      // Attachments.
      {"POST", page(kOwn) + "/attachments", "", {303, 415, 415, 415, 415, 403}},
      {"POST", page(kNet) + "/attachments", "", {303, 415, 415, 415, 403, 403}},
      {"POST", page(kFac) + "/attachments", "", {303, 415, 415, 415, 404, 403}},
      {"GET", page(kNet) + "/attachments/rc-src-file-net", "", readers_page},
      {"GET", page(kFac) + "/attachments/rc-src-file-fac", "", hidden_page},
      {"GET", page(kNet) + "/attachments/rc-src-file-own", "", {303, 404, 404, 404, 404, 404}},
      {"POST", page(kOwn) + "/attachments/rc-src-file-own/archive", "", writers_post},
      {"POST", page(kOwn) + "/attachments/rc-src-file-own/restore", "", writers_post},
      {"POST", page(kNet) + "/attachments/rc-src-file-net/archive", "", {303, 303, 303, 303, 403, 403}},
      {"POST", page(kNet) + "/attachments/rc-src-file-net/restore", "", {303, 303, 303, 303, 403, 403}},
      {"GET", api(kNet) + "/attachments", "", readers_api},
      {"GET", api(kFac) + "/attachments", "", {401, 200, 200, 200, 404, 404}},
      {"GET", api(kOwn) + "/attachments?archived=true", "", writers_api},
      {"POST", api(kOwn) + "/attachments", "", {401, 422, 422, 422, 422, 403}},
      {"POST", api(kFac) + "/attachments", "", {401, 422, 422, 422, 404, 403}},
      {"GET", api(kNet) + "/attachments/rc-src-file-net", "", readers_api},
      {"GET", api(kFac) + "/attachments/rc-src-file-fac", "", {401, 200, 200, 200, 404, 404}},
      {"DELETE", api(kOwn) + "/attachments/rc-src-file-own", "", writers_api},
      {"DELETE", api(kNet) + "/attachments/rc-src-file-del", "", {401, 200, 200, 200, 403, 403}},
      {"POST", api(kOwn) + "/restore", "", writers_api},
      {"POST", api(kFac) + "/restore", "", {401, 200, 200, 200, 404, 403}},
      // Guides.
      {"GET", "/journal/sources/guides", "", readers_page},
      {"GET", "/journal/sources/guides?archived=1", "", readers_page},
      {"GET", "/journal/sources/guides/new", "", staff_page},
      {"POST", "/journal/sources/guides/new", guide_form, staff_post},
      {"POST", "/journal/sources/guides/new", "kind=interview&title=&language=nl", {303, 422, 422, 422, 403, 403}},
      {"GET", "/journal/sources/guides/rc-src-guide", "", readers_page},
      {"GET", "/journal/sources/guides/rc-src-guide/edit", "", staff_page},
      {"POST", "/journal/sources/guides/rc-src-guide/edit",
       "kind=interview&title=Leidraad&language=nl&question_id=rc-src-q1&question_text=Wat+verwacht+u%3F&question_position=1",
       staff_post},
      {"POST", "/journal/sources/guides/rc-src-guide-2/archive", "", staff_post},
      {"POST", "/journal/sources/guides/rc-src-guide-2/restore", "", staff_post},
      // Answer sets.
      {"POST", page(kOwn) + "/guides", "guide_id=nothing", {303, 422, 422, 422, 422, 403}},
      {"POST", page(kFac) + "/guides", "guide_id=nothing", {303, 422, 422, 422, 404, 403}},
      {"GET", page(kNet) + "/guides/rc-src-set-net", "", readers_page},
      {"GET", page(kNet) + "/guides/rc-src-set-fac", "", hidden_page},
      {"GET", page(kOwn) + "/guides/rc-src-set-own/edit", "", writers_page},
      {"GET", page(kNet) + "/guides/rc-src-set-net/edit", "", {303, 200, 200, 200, 403, 403}},
      {"POST", page(kOwn) + "/guides/rc-src-set-own/edit", "visibility=network&answer_rc-src-q1=Meer+samen", writers_post},
      {"POST", page(kOwn) + "/guides/rc-src-set-own/edit", "visibility=facilitators", {303, 303, 303, 303, 422, 403}},
      {"POST", page(kOwn) + "/guides/rc-src-set-own/edit", "visibility=network", writers_post},
      {"POST", page(kOwn) + "/guides/rc-src-set-arch/archive", "", writers_post},
      // The expectations register.
      {"GET", "/journal/sources/expectations", "", readers_page},
      {"GET", "/journal/sources/expectations?view=time&organization=" + w.org_a, "", readers_page},
      {"GET", "/journal/sources/expectations?format=csv", "", readers_page},
      {"GET", "/journal/sources/expectations?view=sideways", "", {303, 400, 400, 400, 400, 400}},
      {"GET", "/journal/sources/expectations/new", "", writers_page},
      {"POST", "/journal/sources/expectations/new", entry_a, writers_post},
      {"POST", "/journal/sources/expectations/new", entry_b, {303, 303, 303, 303, 422, 403}},
      {"GET", "/journal/sources/expectations/rc-src-exp-a/edit", "", writers_page},
      {"GET", "/journal/sources/expectations/rc-src-exp-b/edit", "", {303, 200, 200, 200, 403, 403}},
      {"GET", "/journal/sources/expectations/rc-src-exp-fac/edit", "", {303, 200, 200, 200, 404, 403}},
      {"POST", "/journal/sources/expectations/rc-src-exp-a/edit", entry_a, writers_post},
      {"POST", "/journal/sources/expectations/rc-src-exp-b/edit", entry_b, {303, 303, 303, 303, 403, 403}},
      {"POST", "/journal/sources/expectations/rc-src-exp-b2/archive", "", {303, 303, 303, 303, 403, 403}},
      // The API of guides, answer sets and the register.
      {"GET", "/api/v1/guides", "", readers_api},
      {"GET", "/api/v1/guides?archived=maybe", "", {401, 400, 400, 400, 400, 400}},
      {"POST", "/api/v1/guides", guide_json, {401, 201, 201, 201, 403, 403}},
      {"POST", "/api/v1/guides", R"({"kind":"interview","title":"Leeg","language":"nl","questions":[]})",
       {401, 422, 422, 422, 403, 403}},
      {"GET", "/api/v1/guides/rc-src-guide", "", readers_api},
      {"GET", "/api/v1/guides/rc-src-nothing", "", {401, 404, 404, 404, 404, 404}},
      {"PUT", "/api/v1/guides/rc-src-guide",
       R"({"kind":"interview","title":"Leidraad","language":"nl","questions":[{"id":"rc-src-q1","text":"Wat verwacht u?"}]})",
       {401, 200, 200, 200, 403, 403}},
      {"GET", api(kNet) + "/answer-sets", "", readers_api},
      {"GET", api(kFac) + "/answer-sets", "", {401, 200, 200, 200, 404, 404}},
      {"GET", api(kNet) + "/answer-sets/rc-src-set-net", "", readers_api},
      {"GET", api(kNet) + "/answer-sets/rc-src-set-fac", "", {401, 200, 200, 200, 404, 404}},
      {"POST", api(kOwn) + "/answer-sets", R"({"guide_id":"nothing"})", {401, 422, 422, 422, 422, 403}},
      {"PUT", api(kOwn) + "/answer-sets/rc-src-set-own", R"({"answers":{"rc-src-q1":"Meer samen"}})", writers_api},
      {"PUT", api(kNet) + "/answer-sets/rc-src-set-net", R"({"answers":{"rc-src-q1":"Meer samen"}})",
       {401, 200, 200, 200, 403, 403}},
      {"GET", "/api/v1/expectations", "", readers_api},
      {"GET", "/api/v1/expectations?team=rc-src-nothing", "", {401, 400, 400, 400, 400, 400}},
      {"GET", "/api/v1/expectations/rc-src-exp-a", "", readers_api},
      {"GET", "/api/v1/expectations/rc-src-exp-fac", "", {401, 200, 200, 200, 404, 404}},
      {"POST", "/api/v1/expectations", entry_a_json, {401, 201, 201, 201, 201, 403}},
      {"POST", "/api/v1/expectations", entry_b_json, {401, 201, 201, 201, 422, 403}},
      {"PUT", "/api/v1/expectations/rc-src-exp-a", entry_a_json, writers_api},
      {"PUT", "/api/v1/expectations/rc-src-exp-b", entry_b_json, {401, 200, 200, 200, 403, 403}},
      // Follow-ups.
      {"GET", "/journal/follow-ups/rc-src-fu-own/edit", "", writers_page},
      {"GET", "/journal/follow-ups/rc-src-fu-net/edit", "", {303, 200, 200, 200, 403, 403}},
      {"POST", "/journal/follow-ups/rc-src-fu-own/edit", "text=Zaal+boeken+voor+maart&due_date=2030-03-01", writers_post},
      {"POST", "/journal/follow-ups/rc-src-fu-own/edit", "text=&due_date=2030-02-31", {303, 422, 422, 422, 422, 403}},
      // Activity types.
      {"GET", "/admin/journal/activity-types", "", {303, 200, 403, 403, 403, 403}},
      {"POST", "/admin/journal/activity-types", "code=rc_src_new&label_nl=Nieuw&label_fr=Nouveau&label_en=New",
       {303, 303, 403, 403, 403, 403}},
      {"POST", "/admin/journal/activity-types", "code=Bad+Code&label_nl=a&label_fr=b&label_en=c", {303, 422, 403, 403, 403, 403}},
      {"POST", "/admin/journal/activity-types/rc_src_type",
       "action=save&label_nl=Huisbezoek&label_fr=Visite&label_en=Home+visit&sort_order=96", {303, 303, 403, 403, 403, 403}},
      {"POST", "/admin/journal/activity-types/rc_src_type", "action=archive", {303, 303, 403, 403, 403, 403}},
      {"POST", "/admin/journal/activity-types/rc_src_type", "action=restore", {303, 303, 403, 403, 403, 403}},
  };
}

const bool registered = register_route_cases(&sources_cases);

}  // namespace
}  // namespace samen::testing

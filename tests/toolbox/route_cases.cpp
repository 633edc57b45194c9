// The toolbox's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the catalogue, the method pages and
// forms, the lifecycle and review, versions, experiences, the "methods used"
// action on a journal activity, export/import/starter/booklet, attachments
// (pages and API), review comments in the API and the API.
// The records: a method published by the coordinator, a draft the partner
// proposed (the partner may edit it), a draft of the facilitator (not the
// partner's or the parent representative's to see), a network activity the
// partner created and a facilitators-only interview.
#include "support/route_access.hpp"

#include "documents/attachments.hpp"
#include "store/database.hpp"

namespace samen::testing {
namespace {

using accounts::Role;

constexpr const char* kPublished = "rc-tb-published";
constexpr const char* kPartnerDraft = "rc-tb-partner-draft";
constexpr const char* kHiddenDraft = "rc-tb-hidden-draft";
constexpr const char* kActivity = "rc-tb-activity";
constexpr const char* kSecret = "rc-tb-secret";

void add_method(store::Connection& c, const char* id, const char* status, std::int64_t creator, const char* name) {
  c.exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, status, phase, topics, group_min, group_max, "
         "duration_minutes, created_by) VALUES (?, 1, 1, 1, ?, 'acting', 'transitions', 2, 10, 60, ?)",
         {id, status, creator});
  c.exec("INSERT INTO toolbox_translations (method_id, lang, name, aim, steps) VALUES (?, 'nl', ?, 'Doel', "
         "'[{\"description\":\"Welkom\",\"minutes\":10}]')",
         {id, name});
  c.exec("INSERT INTO toolbox_method_versions (method_id, version, created_at, action, snapshot) VALUES (?, 1, 1, 'create', "
         "'{\"phase\":\"acting\",\"translations\":{\"nl\":{\"name\":\"Oud\"}}}')",
         {id});
}

void add_file(store::Connection& c, const char* id, const char* method, bool archived) {
  auto stored = documents::store_attachment(c, {"toolbox.method", method, "werkblad.txt", "Werkblad\n", std::nullopt},
                                            1 << 20, 1);
  c.exec("INSERT INTO toolbox_attachments (id, version, created_at, updated_at, archived_at, method_id, attachment_id) "
         "VALUES (?, 1, 1, 1, ?, ?, ?)",
         {id, archived ? store::Param(std::int64_t{2}) : store::Param(nullptr), method, stored.id});
}

std::vector<RouteCase> toolbox_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    std::int64_t coordinator = w.user_ids.at(Role::coordinator), partner = w.user_ids.at(Role::partner),
                 facilitator = w.user_ids.at(Role::facilitator);
    add_method(c, kPublished, "published", coordinator, "Overgangsbezoek");
    add_method(c, kPartnerDraft, "draft", partner, "Ontwerp van de partner");
    add_method(c, kHiddenDraft, "draft", facilitator, "Ontwerp van de begeleider");
    for (auto [id, visibility] : {std::pair{kActivity, "network"}, std::pair{kSecret, "facilitators"}})
      c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, created_by, version, "
             "created_at, updated_at) VALUES (?, 'partner_meeting', 'Overleg met methode', 1400000000, 60, ?, ?, 1, 1, 1)",
             {id, visibility, partner});
    c.exec("INSERT INTO toolbox_method_uses (activity_id, method_id, added_at) VALUES (?, ?, 1)", {kActivity, kPublished});
    c.exec("INSERT INTO toolbox_experiences (id, version, created_at, updated_at, method_id, author_id, worked, rating) "
           "VALUES ('rc-tb-exp', 1, 1, 1, ?, ?, 'Goed', 4)",
           {kPublished, partner});
    add_file(c, "rc-tb-file", kPublished, false);
    add_file(c, "rc-tb-file-archived", kPublished, true);
    add_file(c, "rc-tb-file-hidden", kHiddenDraft, false);
  }
  const std::string form = "phase=acting&group_min=2&group_max=8&duration_minutes=60&nl.name=Nieuwe+methode&"
                           "nl.steps=10+%7C+Welkom";
  const std::string json = R"({"phase":"acting","translations":{"nl":{"name":"Via de API","steps":[{"description":"Welkom","minutes":5}]}}})";
  auto page = [](const char* id) { return std::string("/toolbox/") + id; };
  auto api = [](const char* id) { return std::string("/api/v1/methods/") + id; };
  //                            anonymous admin coord facil partner parent_rep
  const RoleExpect readers_page{303, 200, 200, 200, 200, 200};
  const RoleExpect staff_page{303, 200, 200, 200, 200, 403};
  const RoleExpect staff_post{303, 303, 303, 303, 303, 403};
  const RoleExpect reviewers_page{303, 200, 200, 200, 403, 403};
  const RoleExpect managers_page{303, 200, 200, 403, 403, 403};
  const RoleExpect hidden_page{303, 200, 200, 200, 404, 404};
  const RoleExpect readers_api{401, 200, 200, 200, 200, 200};
  return {
      {"GET", "/toolbox", "", readers_page},
      {"GET", "/toolbox?phase=acting&topic=transitions&size=6&duration=90&language=nl&status=all&sort=rating&page=1", "",
       readers_page},
      {"GET", "/toolbox?phase=someday", "", {303, 400, 400, 400, 400, 400}},
      {"GET", "/toolbox/new", "", staff_page},
      {"GET", "/toolbox/new?adapt=" + std::string(kPublished), "", staff_page},
      {"POST", "/toolbox/new", form, staff_post},
      {"POST", "/toolbox/new", "phase=acting&group_min=9&group_max=2&duration_minutes=0", {303, 422, 422, 422, 422, 403}},
      {"GET", "/toolbox/export?status=all", "", readers_page},
      {"GET", "/toolbox/import", "", managers_page},
      {"POST", "/toolbox/import", "data=eyJmb3JtYXQiOiJzYW1lbi10b29sYm94Iiwic2NoZW1hX3ZlcnNpb24iOjEsIm1ldGhvZHMiOlt7ImlkIjoicmMtaW1wb3J0ZWQiLCJwaGFzZSI6ImFjdGluZyIsInRyYW5zbGF0aW9ucyI6eyJubCI6eyJuYW1lIjoiR2VpbXBvcnRlZXJkIn19fV19", managers_page},
      {"POST", "/toolbox/starter", "", {303, 303, 303, 403, 403, 403}},
      {"GET", "/toolbox/booklet?lang=fr&format=html", "", readers_page},
      {"GET", "/toolbox/booklet?lang=xx", "", {303, 400, 400, 400, 400, 400}},
      {"POST", "/toolbox/activity-methods/" + std::string(kActivity), "action=add&method_id=" + std::string(kPublished),
       staff_post},
      {"POST", "/toolbox/activity-methods/" + std::string(kSecret), "action=add&method_id=" + std::string(kPublished),
       {303, 303, 303, 303, 404, 403}},
      {"GET", page(kPublished), "", readers_page},
      {"GET", page(kHiddenDraft), "", hidden_page},
      {"GET", page(kPartnerDraft), "", {303, 200, 200, 200, 200, 404}},
      {"GET", "/toolbox/no-such-method", "", {303, 404, 404, 404, 404, 404}},
      {"GET", page(kPublished) + "/card", "", readers_page},
      {"GET", page(kPublished) + "/edit", "", reviewers_page},
      {"GET", page(kPartnerDraft) + "/edit", "", staff_page},
      {"POST", page(kPartnerDraft) + "/edit", form + "&version=999", {303, 409, 409, 409, 409, 403}},
      {"POST", page(kPublished) + "/edit", form + "&version=999", {303, 409, 409, 409, 403, 403}},
      {"POST", page(kPartnerDraft) + "/status", "move=submit&version=999", {303, 409, 409, 409, 409, 403}},
      {"POST", page(kPublished) + "/status", "move=approve&version=1", {303, 403, 403, 403, 403, 403}},
      {"POST", page(kPartnerDraft) + "/comments", "comment=Mooi+voorstel", staff_post},
      {"POST", page(kPublished) + "/comments", "comment=Mooi", {303, 303, 303, 303, 403, 403}},
      {"GET", page(kPublished) + "/translations", "", readers_page},
      {"GET", page(kPublished) + "/versions?a=1&b=1", "", readers_page},
      {"GET", page(kPublished) + "/versions?a=first", "", {303, 400, 400, 400, 400, 400}},
      {"POST", page(kPublished) + "/versions/1/restore", "version=999", {303, 409, 409, 409, 403, 403}},
      {"POST", page(kPublished) + "/experiences", "rating=4&worked=Ouders+voelden+zich+welkom", staff_post},
      {"POST", page(kPublished) + "/experiences", "rating=9", {303, 422, 422, 422, 422, 403}},
      {"GET", "/api/v1/methods", "", readers_api},
      {"GET", "/api/v1/methods?phase=acting&group_size=4&sort=use&status=all&per_page=5", "", readers_api},
      {"GET", "/api/v1/methods?phase=never", "", {401, 400, 400, 400, 400, 400}},
      {"POST", "/api/v1/methods", json, {401, 201, 201, 201, 201, 403}},
      {"POST", "/api/v1/methods", R"({"phase":"acting","translations":{}})", {401, 422, 422, 422, 422, 403}},
      {"GET", api(kPublished), "", readers_api},
      {"GET", api(kHiddenDraft), "", {401, 200, 200, 200, 404, 404}},
      {"PUT", api(kPartnerDraft), R"({"version":999,"phase":"acting","translations":{"nl":{"name":"x"}}})",
       {401, 409, 409, 409, 409, 403}},
      {"PUT", api(kPartnerDraft), R"({"phase":"acting","translations":{"nl":{"name":"x"}}})", {401, 422, 422, 422, 422, 403}},
      {"GET", api(kPublished) + "/versions", "", readers_api},
      {"GET", api(kPublished) + "/experiences", "", readers_api},
      {"POST", api(kPublished) + "/experiences", R"({"rating":5,"worked":"Goed"})", {401, 201, 201, 201, 201, 403}},
      {"POST", page(kPartnerDraft) + "/attachments", "", {303, 415, 415, 415, 415, 403}},
      {"POST", page(kPublished) + "/attachments", "", {303, 415, 415, 415, 403, 403}},
      {"GET", page(kPublished) + "/attachments/rc-tb-file", "", readers_page},
      {"GET", page(kHiddenDraft) + "/attachments/rc-tb-file-hidden", "", hidden_page},
      {"GET", page(kPublished) + "/attachments/rc-tb-file-archived", "", {303, 200, 200, 200, 404, 404}},
      {"GET", page(kPublished) + "/attachments/no-such-file", "", {303, 404, 404, 404, 404, 404}},
      {"GET", api(kPublished) + "/attachments", "", readers_api},
      {"GET", api(kPublished) + "/attachments/rc-tb-file", "", readers_api},
      {"GET", api(kHiddenDraft) + "/attachments/rc-tb-file-hidden", "", {401, 200, 200, 200, 404, 404}},
      {"POST", api(kPartnerDraft) + "/attachments", "{}", {401, 415, 415, 415, 415, 403}},
      {"POST", page(kPublished) + "/attachments/rc-tb-file/archive", "", {303, 303, 303, 303, 403, 403}},
      {"POST", page(kPublished) + "/attachments/rc-tb-file/restore", "", {303, 303, 303, 303, 403, 403}},
      // The author (the partner) or a coordinator archives; coordinators restore. Repeated: no change, same answer.
      {"POST", page(kPublished) + "/experiences/rc-tb-exp/archive", "", {303, 303, 303, 403, 303, 403}},
      // The method page while the experience is archived: coordinators see the archived list (toolbox_archived).
      {"GET", page(kPublished), "", readers_page},
      {"POST", page(kPublished) + "/experiences/rc-tb-exp/restore", "", {303, 303, 303, 403, 403, 403}},
      {"POST", page(kPublished) + "/experiences/no-such-exp/archive", "", {303, 404, 404, 404, 404, 403}},
      {"POST", page(kPublished) + "/uses/" + std::string(kActivity) + "/archive", "", {303, 303, 303, 403, 403, 403}},
      {"POST", page(kPublished) + "/uses/" + std::string(kActivity) + "/restore", "", {303, 303, 303, 403, 403, 403}},
      {"GET", api(kPublished) + "/comments", "", readers_api},
      {"GET", api(kHiddenDraft) + "/comments", "", {401, 200, 200, 200, 404, 404}},
      {"POST", api(kPublished) + "/comments", R"({"body":"Mooi"})", {401, 201, 201, 201, 403, 403}},
      {"POST", api(kPartnerDraft) + "/comments", R"({"move":"submit","version":999})", {401, 409, 409, 409, 409, 403}},
      {"POST", api(kPublished) + "/comments", R"({"move":"approve","version":1})", {401, 403, 403, 403, 403, 403}},
      {"POST", api(kPublished) + "/comments", R"({"move":"publish_now"})", {401, 422, 422, 422, 422, 403}},
  };
}

const bool registered = register_route_cases(&toolbox_cases);

}  // namespace
}  // namespace samen::testing

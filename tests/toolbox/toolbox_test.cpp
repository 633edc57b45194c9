// The toolbox through the whole pipeline on both databases: a partner's
// proposal through review to publication with its versions, comparison and
// restore; two editors of one version (the second gets 409 with its input
// kept, the API 412/409, no update lost); HTML in every field shown as text;
// adaptations and the family tree; methods used by journal activities and
// experiences, never showing a facilitators-only activity to a partner; the
// catalogue's filters and sort; translations side by side; packages (unknown
// schema version, broken reference, conflicts in the preview, nothing
// written before the confirmation) and the starter methods; review through
// the API; attachments (checked by content, downloaded with nosniff, carried
// in packages as metadata); the card's PDF and the booklet's page numbers;
// archived experiences and uses out of the page, the counts and the journal
// activity's panel; the API's versions page in one statement.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "accounts/sessions.hpp"
#include "documents/run_tool.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"
#include "toolbox/package.hpp"
#include "toolbox/store.hpp"

namespace samen::toolbox {
namespace {

using accounts::Role;
using nlohmann::json;

// A connection that counts the statements run through it (the N+1 check of the versions page).
class CountingConnection final : public store::Connection {
 public:
  explicit CountingConnection(store::Connection& inner) : inner_(inner) {}
  int statements = 0;
  store::Dialect dialect() const override { return inner_.dialect(); }
  store::Result exec(std::string_view sql, const store::Params& params) override {
    ++statements;
    return inner_.exec(sql, params);
  }
  void each(std::string_view sql, const store::Params& params, const std::function<bool(const store::Row&)>& on_row) override {
    ++statements;
    inner_.each(sql, params, on_row);
  }
  void exec_script(std::string_view sql) override { inner_.exec_script(sql); }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  bool alive() override { return inner_.alive(); }

 private:
  store::Connection& inner_;
};

class ToolboxTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', 'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a')");
    }
    testing::add_test_user(db(), "admin@example.org", Role::admin);
    coordinator_id_ = testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    testing::add_test_user(db(), "facilitator@example.org", Role::facilitator, {}, "Pieter Begeleider");
    partner_id_ = testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
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
    c->get("/toolbox");  // a page with the CSRF token
    return c;
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "", http::Headers extra = {}) {
    std::string token;
    {
      auto lease = db().acquire();
      token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
    }
    testing::AppClient client(*app_, "nl");
    extra.emplace_back("authorization", "Bearer " + token);
    return client.request(method, path, body, body.empty() ? "" : "application/json", extra);
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::string create(testing::AppClient& client, const std::string& fields) {
    auto r = client.post("/toolbox/new", fields);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    std::string location = r.header("Location").value_or("");
    EXPECT_EQ(location.rfind("/toolbox/", 0), 0u) << location;
    return location.substr(9, location.find('?') - 9);
  }
  void add_activity(const char* id, const char* visibility) {
    db().acquire()->exec(
        "INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, created_by, version, "
        "created_at, updated_at) VALUES (?, 'intervision', ?, 1400000000, 60, ?, ?, 1, 1, 1)",
        {id, std::string("Activiteit ") + id, visibility, partner_id_});
  }
  std::unique_ptr<app::App> app_;
  std::int64_t partner_id_ = 0, coordinator_id_ = 0;
};

const std::string kForm =
    "phase=exploring&topics=transitions&group_min=3&group_max=12&duration_minutes=90&licence=CC+BY-SA+4.0&"
    "nl.name=Wandeling+langs+de+diensten&nl.aim=Elkaar+leren+kennen&nl.steps=10+%7C+Welkom%0D%0A40+%7C+Wandeling&"
    "fr.name=Promenade+des+services";

TEST_P(ToolboxTest, AProposalGoesThroughReviewToPublicationWithVersionsComparisonAndRestore) {
  auto partner = signed_in("partner@example.org");
  std::string id = create(*partner, kForm);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods WHERE status = 'draft'"), 1);
  // A draft is the proposer's and the reviewers': the parent representative does not see it.
  EXPECT_EQ(signed_in("parent@example.org")->get("/toolbox/" + id).status, 404);

  auto edit = partner->get("/toolbox/" + id + "/edit");
  ASSERT_EQ(edit.status, 200);
  EXPECT_NE(edit.body.find("10 | Welkom"), std::string::npos) << "steps come back as one line each";
  std::string edited = kForm;
  edited.replace(edited.find("Wandeling+langs+de+diensten"), 27, "Wandeling+door+de+buurt");
  auto saved = partner->post("/toolbox/" + id + "/edit", edited + "&version=1&nl.pitfalls=Te+lang+stappen");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(partner->post("/toolbox/" + id + "/status", "move=submit&version=2&comment=Klaar").status, 303);
  // Only reviewers approve.
  EXPECT_EQ(partner->post("/toolbox/" + id + "/status", "move=approve&version=3").status, 403);
  auto coordinator = signed_in("coordinator@example.org");
  EXPECT_EQ(coordinator->post("/toolbox/" + id + "/comments", "comment=Graag+een+variant+voor+ouders").status, 303);
  EXPECT_EQ(coordinator->post("/toolbox/" + id + "/status", "move=approve&version=3").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods WHERE status = 'published' AND version = 4"), 1);
  // Published: the proposer adapts it from now on instead of editing it.
  EXPECT_EQ(partner->get("/toolbox/" + id + "/edit").status, 403);
  auto page = signed_in("parent@example.org")->get("/toolbox/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Wandeling door de buurt"), std::string::npos);
  EXPECT_NE(page.body.find("Graag een variant voor ouders"), std::string::npos);

  // Every write made a version; versions 1 and 2 compared field by field.
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_method_versions WHERE method_id = '" + id + "'"), 4);
  auto diff = partner->get("/toolbox/" + id + "/versions?a=1&b=2");
  ASSERT_EQ(diff.status, 200);
  // The name differs by two words: those are marked, the kept ones are plain text.
  EXPECT_NE(diff.body.find("Wandeling <del>langs</del> de <del>diensten</del>"), std::string::npos);
  EXPECT_NE(diff.body.find("Wandeling <ins>door</ins> de <ins>buurt</ins>"), std::string::npos);
  EXPECT_NE(diff.body.find("Te lang stappen"), std::string::npos);
  EXPECT_EQ(diff.body.find("Promenade des services</"), std::string::npos) << "an unchanged field is not listed";

  // The API's versions: a page of them with their snapshots in one statement, whatever the page's size.
  {
    auto lease = db().acquire();
    CountingConnection counted(*lease);
    auto page = version_page(counted, id, 1, 2);
    EXPECT_EQ(counted.statements, 1);
    EXPECT_EQ(page.total, 4);
    ASSERT_EQ(page.versions.size(), 2u);
    EXPECT_EQ(page.versions[0].first.version, 3) << "newest first, after the skipped one";
    EXPECT_EQ(page.versions[1].second.translations.at("nl").name, "Wandeling door de buurt");
    EXPECT_EQ(version_page(*lease, id, 10, 2).total, 4) << "a page past the end still says how many there are";
  }
  auto listed = json::parse(api("GET", "/api/v1/methods/" + id + "/versions?per_page=3&page=2", "partner@example.org").body);
  EXPECT_EQ(listed["total_items"], 4);
  ASSERT_EQ(listed["contents"].size(), 1u);
  EXPECT_EQ(listed["contents"][0]["version"], 1);
  EXPECT_EQ(listed["contents"][0]["method"]["translations"]["nl"]["name"], "Wandeling langs de diensten");

  // Restoring version 1 makes version 5 with version 1's content; the history keeps everything.
  EXPECT_EQ(coordinator->post("/toolbox/" + id + "/versions/1/restore", "version=4").status, 303);
  auto row = db().acquire()->exec("SELECT m.version, t.name, t.pitfalls, m.status FROM toolbox_methods m JOIN "
                                  "toolbox_translations t ON t.method_id = m.id AND t.lang = 'nl' WHERE m.id = ?", {id});
  EXPECT_EQ(row.rows.at(0).int64(0), 5);
  EXPECT_EQ(row.rows.at(0).text(1), "Wandeling langs de diensten");
  EXPECT_EQ(row.rows.at(0).text(2), "");
  EXPECT_EQ(row.rows.at(0).text(3), "published") << "a restore brings back the content, not the status";
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_method_versions WHERE method_id = '" + id + "'"), 5);
  EXPECT_GE(testing::audit_count(db(), "toolbox.method.restore"), 1);
}

TEST_P(ToolboxTest, TwoEditorsOfOneVersionNeverLoseAnUpdate) {
  auto coordinator = signed_in("coordinator@example.org");
  auto facilitator = signed_in("facilitator@example.org");
  std::string id = create(*coordinator, kForm);
  ASSERT_EQ(coordinator->get("/toolbox/" + id + "/edit").status, 200);
  ASSERT_EQ(facilitator->get("/toolbox/" + id + "/edit").status, 200);
  EXPECT_EQ(coordinator->post("/toolbox/" + id + "/edit", kForm + "&version=1&nl.tips=Eerste+wijziging").status, 303);
  auto second = facilitator->post("/toolbox/" + id + "/edit", kForm + "&version=1&nl.tips=Tweede+wijziging");
  EXPECT_EQ(second.status, 409);
  EXPECT_NE(second.body.find("Tweede wijziging"), std::string::npos) << "the second editor's input is kept";
  EXPECT_EQ(db().acquire()->exec("SELECT tips FROM toolbox_translations WHERE method_id = ? AND lang = 'nl'", {id})
                .rows.at(0).text(0),
            "Eerste wijziging");

  // The API: a stale If-Match is 412, a stale body version 409, no version at all 422.
  std::string body = R"({"phase":"acting","translations":{"nl":{"name":"Via de API"}}})";
  EXPECT_EQ(api("PUT", "/api/v1/methods/" + id, "facilitator@example.org", body, {{"if-match", "\"1\""}}).status, 412);
  EXPECT_EQ(api("PUT", "/api/v1/methods/" + id, "facilitator@example.org",
                R"({"version":1,"phase":"acting","translations":{"nl":{"name":"Via de API"}}})").status, 409);
  EXPECT_EQ(api("PUT", "/api/v1/methods/" + id, "facilitator@example.org", body).status, 422);
  auto ok = api("PUT", "/api/v1/methods/" + id, "facilitator@example.org", body, {{"if-match", "\"2\""}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto j = json::parse(ok.body);
  EXPECT_EQ(j["version"], 3);
  EXPECT_EQ(j["translations"]["nl"]["name"], "Via de API");
  EXPECT_TRUE(j["adapted_from"].is_null());
  EXPECT_EQ(ok.header("ETag").value_or(""), "\"3\"");
}

TEST_P(ToolboxTest, HtmlInAnyFieldIsShownAsText) {
  auto coordinator = signed_in("coordinator@example.org");
  const std::string evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
  std::string fields = "phase=acting&group_min=2&group_max=5&duration_minutes=30&licence=" + evil + "&nl.name=" + evil +
                       "&nl.aim=" + evil + "&nl.steps=5+%7C+" + evil + "&fr.tips=" + evil + "&fr.name=Nom";
  std::string id = create(*coordinator, fields);
  ASSERT_EQ(coordinator->post("/toolbox/" + id + "/status", "move=submit&version=1").status, 303);
  ASSERT_EQ(coordinator->post("/toolbox/" + id + "/status", "move=approve&version=2&comment=" + evil).status, 303);
  for (const std::string& path : std::vector<std::string>{"/toolbox", "/toolbox/" + id, "/toolbox/" + id + "/translations",
                                  "/toolbox/" + id + "/versions?a=1&b=3", "/toolbox/" + id + "/card",
                                  "/toolbox/booklet?format=html&lang=nl"}) {
    auto r = coordinator->get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_NE(r.body.find("&lt;script&gt;alert(1)"), std::string::npos) << path;
  }
}

TEST_P(ToolboxTest, AnAdaptationKeepsItsLineageAndTheFamilyTreeShowsIt) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string original = create(*coordinator, kForm);
  coordinator->post("/toolbox/" + original + "/status", "move=submit&version=1");
  coordinator->post("/toolbox/" + original + "/status", "move=approve&version=2");
  auto partner = signed_in("partner@example.org");
  auto form = partner->get("/toolbox/new?adapt=" + original);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Wandeling langs de diensten"), std::string::npos) << "an adaptation starts as a copy";
  std::string child = create(*partner, "adapted_from=" + original + "&adapted_by_team=team-jette&adaptation_reason=" +
                                           "Korter+voor+ouders+met+jonge+kinderen&phase=acting&group_min=3&group_max=8&"
                                           "duration_minutes=45&nl.name=Korte+buurtwandeling");
  auto m = db().acquire()->exec("SELECT adapted_from, adapted_by_team FROM toolbox_methods WHERE id = ?", {child});
  EXPECT_EQ(m.rows.at(0).text(0), original);
  EXPECT_EQ(m.rows.at(0).text(1), "team-jette");
  auto tree = coordinator->get("/toolbox/" + original);
  EXPECT_NE(tree.body.find("/toolbox/" + child), std::string::npos);
  EXPECT_NE(tree.body.find("Korter voor ouders met jonge kinderen"), std::string::npos);
  EXPECT_NE(tree.body.find("Lokaal team Jette"), std::string::npos);
  auto up = coordinator->get("/toolbox/" + child);
  EXPECT_NE(up.body.find("/toolbox/" + original), std::string::npos);
  // An original that would make the lineage a circle is refused.
  auto cycle = api("PUT", "/api/v1/methods/" + original, "coordinator@example.org",
                   R"({"version":3,"phase":"acting","adapted_from":")" + child + R"(","translations":{"nl":{"name":"x"}}})");
  EXPECT_EQ(cycle.status, 422) << cycle.body;
  EXPECT_EQ(count("SELECT version FROM toolbox_methods WHERE id = '" + original + "'"), 3);
}

TEST_P(ToolboxTest, UsesAndExperiencesFollowTheJournalsVisibility) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create(*coordinator, kForm);
  coordinator->post("/toolbox/" + id + "/status", "move=submit&version=1");
  coordinator->post("/toolbox/" + id + "/status", "move=approve&version=2");
  add_activity("act-open", "network");
  add_activity("act-secret", "facilitators");
  // The partner created act-open: the panel on its page offers the form.
  auto partner = signed_in("partner@example.org");
  auto panel = partner->get("/journal/act-open");
  ASSERT_EQ(panel.status, 200);
  EXPECT_NE(panel.body.find("toolbox-method-add"), std::string::npos);
  EXPECT_EQ(partner->post("/toolbox/activity-methods/act-open", "action=add&method_id=" + id).status, 303);
  EXPECT_EQ(partner->post("/toolbox/activity-methods/act-secret", "action=add&method_id=" + id).status, 404);
  EXPECT_EQ(coordinator->post("/toolbox/activity-methods/act-secret", "action=add&method_id=" + id).status, 303);
  EXPECT_EQ(partner->post("/toolbox/activity-methods/act-open", "action=add&method_id=no-such").status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_method_uses"), 2);
  EXPECT_NE(partner->get("/journal/act-open").body.find("/toolbox/" + id), std::string::npos);

  // Experiences: one tied to the secret interview, one to the open activity.
  EXPECT_EQ(coordinator->post("/toolbox/" + id + "/experiences",
                              "rating=2&worked=Vertrouwelijk+verhaal&activity_id=act-secret").status, 303);
  EXPECT_EQ(partner->post("/toolbox/" + id + "/experiences", "rating=5&worked=Iedereen+kwam+aan+het+woord&activity_id=act-open")
                .status, 303);
  auto bad = partner->post("/toolbox/" + id + "/experiences", "rating=6&worked=Mijn+tekst+blijft");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Mijn tekst blijft"), std::string::npos);
  EXPECT_EQ(partner->post("/toolbox/" + id + "/experiences", "rating=4&activity_id=act-secret").status, 422);

  auto seen_by_partner = partner->get("/toolbox/" + id);
  EXPECT_NE(seen_by_partner.body.find("Activiteit act-open"), std::string::npos);
  EXPECT_EQ(seen_by_partner.body.find("act-secret"), std::string::npos);
  EXPECT_EQ(seen_by_partner.body.find("Vertrouwelijk verhaal"), std::string::npos);
  auto seen_by_coordinator = coordinator->get("/toolbox/" + id);
  EXPECT_NE(seen_by_coordinator.body.find("Activiteit act-secret"), std::string::npos);
  EXPECT_NE(seen_by_coordinator.body.find("Vertrouwelijk verhaal"), std::string::npos);
  auto partner_api = json::parse(api("GET", "/api/v1/methods/" + id + "/experiences", "partner@example.org").body);
  EXPECT_EQ(partner_api["total_items"], 1);

  // Removing a use.
  EXPECT_EQ(partner->post("/toolbox/activity-methods/act-open", "action=remove&method_id=" + id).status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_method_uses WHERE activity_id = 'act-open'"), 0);
}

TEST_P(ToolboxTest, TheCatalogueFiltersAndSorts) {
  {
    auto lease = db().acquire();
    Writer w(*lease, 1000);
    EXPECT_GE(load_starter(w), 15);
    EXPECT_EQ(load_starter(w), 0) << "the starter methods load once";
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods WHERE status = 'published'"), 17);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT method_id) FROM toolbox_translations WHERE lang = 'fr'"), 17);
  db().acquire()->exec("INSERT INTO toolbox_experiences (id, version, created_at, updated_at, method_id, rating) VALUES "
                       "('e1', 1, 1, 1, 'starter-parent-cafe', 5), ('e2', 1, 1, 1, 'starter-intervision', 2)");
  auto coordinator = signed_in("coordinator@example.org");
  auto transitions = coordinator->get("/toolbox?topic=transitions");
  EXPECT_NE(transitions.body.find("Overgangsbezoek"), std::string::npos);
  EXPECT_EQ(transitions.body.find("Intervisie"), std::string::npos);
  auto small = coordinator->get("/toolbox?size=2&phase=exploring");
  EXPECT_NE(small.body.find("Semigestructureerd interview"), std::string::npos);
  EXPECT_EQ(small.body.find("Focusgroep"), std::string::npos) << "a focus group needs at least 5";
  auto english = coordinator->get("/toolbox?language=en");
  EXPECT_EQ(english.body.find("Kennismakingscarrousel"), std::string::npos) << "no English text yet";
  auto rated = coordinator->get("/toolbox?sort=rating");
  EXPECT_LT(rated.body.find("Oudercafé"), rated.body.find("Intervisie"));
  auto short_first = json::parse(api("GET", "/api/v1/methods?sort=duration&per_page=1", "partner@example.org").body);
  EXPECT_EQ(short_first["contents"][0]["id"], "starter-welcome-conversation");
  EXPECT_EQ(short_first["total_items"], 17);
  EXPECT_EQ(coordinator->get("/toolbox?size=many").status, 400);
  // The translations side by side mark what is missing.
  auto sides = coordinator->get("/toolbox/starter-getting-to-know-carousel/translations");
  EXPECT_NE(sides.body.find("toolbox-missing"), std::string::npos);
  EXPECT_NE(sides.body.find("Carrousel de rencontre"), std::string::npos);
}

TEST_P(ToolboxTest, APackageIsPreviewedAndABadOneRefusedWhole) {
 {
  auto lease = db().acquire();
  {
    Writer w(*lease, 1000);
    load_starter(w);
  }
  // Unknown schema version, broken reference: a report, nothing imported.
  auto future = plan_import(*lease, R"({"format":"samen-toolbox","schema_version":2,"methods":[]})");
  ASSERT_EQ(future.errors.size(), 1u);
  EXPECT_EQ(future.errors[0].key, "toolbox.import.error.schema_version");
  std::string broken = R"({"format":"samen-toolbox","schema_version":1,"methods":[
    {"id":"x-new","phase":"acting","translations":{"nl":{"name":"Nieuw"}}},
    {"id":"x-child","phase":"acting","adapted_from":"x-missing","translations":{"nl":{"name":"Kind"}}}]})";
  auto plan = plan_import(*lease, broken);
  ASSERT_EQ(plan.errors.size(), 1u);
  EXPECT_EQ(plan.errors[0].key, "toolbox.import.error.broken_reference");
  EXPECT_THROW({ Writer w(*lease, 1000); apply_import(w, plan, false); }, std::logic_error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods WHERE id LIKE 'x-%'"), 0);

  // Conflicts: the same id with other content, the same name under another id; an adaptation after its original.
  std::string mixed = R"({"format":"samen-toolbox","schema_version":1,"methods":[
    {"id":"x-child","phase":"acting","adapted_from":"x-new","translations":{"nl":{"name":"Kind"}}},
    {"id":"x-new","phase":"acting","translations":{"nl":{"name":"Nieuw"}}},
    {"id":"starter-parent-cafe","version":1,"phase":"acting","translations":{"nl":{"name":"Oudercafé anders"}}},
    {"id":"x-copy","phase":"acting","translations":{"fr":{"name":"café des parents"}}}]})";
  auto p = plan_import(*lease, mixed);
  ASSERT_TRUE(p.errors.empty()) << p.errors[0].key << " " << p.errors[0].subject;
  ASSERT_EQ(p.items.size(), 4u);
  EXPECT_EQ(p.items[0].method.id, "x-new");
  EXPECT_EQ(p.count(PlanItem::Kind::create), 2);
  EXPECT_EQ(p.count(PlanItem::Kind::conflict), 2);
  EXPECT_EQ(p.items[2].conflict, "same_id");
  EXPECT_EQ(p.items[3].conflict, "same_name");
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods WHERE id LIKE 'x-%'"), 0) << "a plan writes nothing";
  {
    Writer w(*lease, 1000);
    EXPECT_EQ(apply_import(w, p, false), 2);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods WHERE id IN ('x-new', 'x-child')"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_translations WHERE name = 'Oudercafé anders'"), 0) << "a conflict is skipped";

  // Through the pages: the preview shows the conflicts and writes nothing; the confirmation writes.
 }
  auto coordinator = signed_in("coordinator@example.org");
  ASSERT_EQ(coordinator->get("/toolbox/import").status, 200);
  std::string theirs = R"({"format":"samen-toolbox","schema_version":1,"methods":[
    {"id":"starter-parent-cafe","version":1,"phase":"acting","translations":{"nl":{"name":"Oudercafé anders"}}}]})";
  std::string boundary = "----toolbox";
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + coordinator->csrf() +
                     "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.json\"\r\n" +
                     "Content-Type: application/json\r\n\r\n" + theirs + "\r\n--" + boundary + "--\r\n";
  auto preview = coordinator->request("POST", "/toolbox/import", body, "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(preview.status, 200) << preview.body.substr(0, 2000);
  EXPECT_NE(preview.body.find("bestaat hier al met andere inhoud"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_translations WHERE name = 'Oudercafé anders'"), 0);
  auto data_at = preview.body.find("name=\"data\" value=\"");
  ASSERT_NE(data_at, std::string::npos);
  data_at += 19;
  std::string data = preview.body.substr(data_at, preview.body.find('"', data_at) - data_at);
  auto done = coordinator->post("/toolbox/import", "confirm=1&conflicts=theirs&data=" + http::url_encode(data));
  EXPECT_EQ(done.status, 303) << done.body.substr(0, 2000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_translations WHERE name = 'Oudercafé anders'"), 1);
  EXPECT_EQ(count("SELECT version FROM toolbox_methods WHERE id = 'starter-parent-cafe'"), 2) << "a new version";
  auto refused = coordinator->post("/toolbox/import", "data=" + http::url_encode("eyJmb3JtYXQiOiJ4In0="));
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("geen Samen-toolboxpakket"), std::string::npos);
}

TEST_P(ToolboxTest, BadInputIsRefusedWithFieldMessagesAndNothingIsStored) {
  auto partner = signed_in("partner@example.org");
  auto r = partner->post("/toolbox/new", "phase=acting&group_min=8&group_max=2&duration_minutes=0&nl.aim=Zonder+naam&"
                                         "nl.steps=tien+%7C+Welkom");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Zonder naam"), std::string::npos) << "the input is kept";
  EXPECT_NE(r.body.find("Geef de methode een naam"), std::string::npos);
  EXPECT_NE(r.body.find("Elke stap heeft een beschrijving"), std::string::npos);
  EXPECT_NE(r.body.find("Geef een duur"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods"), 0);
  auto j = api("POST", "/api/v1/methods", "partner@example.org", R"({"phase":"later","translations":{"de":{"name":"x"}}})");
  EXPECT_EQ(j.status, 422);
  auto fields = json::parse(j.body)["error"]["fields"];
  EXPECT_TRUE(fields.contains("phase"));
  EXPECT_TRUE(fields.contains("translations"));
  EXPECT_EQ(api("POST", "/api/v1/methods", "parent@example.org", R"({"phase":"acting"})").status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods"), 0);
}

TEST_P(ToolboxTest, ReviewCommentsAndDecisionsGoThroughTheApiAsOnThePage) {
  auto partner = signed_in("partner@example.org");
  std::string id = create(*partner, kForm);
  std::string path = "/api/v1/methods/" + id + "/comments";
  // The proposer submits with the version read; the answer is the review entry.
  auto submit = api("POST", path, "partner@example.org", R"({"move":"submit","version":1,"body":"Klaar voor review"})");
  ASSERT_EQ(submit.status, 201) << submit.body;
  auto entry = json::parse(submit.body);
  EXPECT_EQ(entry["kind"], "submit");
  EXPECT_EQ(entry["method_version"], 2);
  EXPECT_EQ(entry["method_status"], "in_review");
  EXPECT_EQ(submit.header("ETag").value_or(""), "\"2\"");
  // Only reviewers approve; a comment needs a text; a move needs the version read.
  EXPECT_EQ(api("POST", path, "partner@example.org", R"({"move":"approve","version":2})").status, 403);
  EXPECT_EQ(api("POST", path, "facilitator@example.org", R"({"body":"  "})").status, 422);
  auto unversioned = api("POST", path, "facilitator@example.org", R"({"move":"approve"})");
  EXPECT_EQ(unversioned.status, 422);
  EXPECT_TRUE(json::parse(unversioned.body)["error"]["fields"].contains("version"));
  auto comment = api("POST", path, "facilitator@example.org", R"({"body":"Graag een variant voor ouders"})");
  ASSERT_EQ(comment.status, 201) << comment.body;
  EXPECT_EQ(json::parse(comment.body)["kind"], "comment");
  // A stale version: 409 with "version", 412 with If-Match; nothing moved.
  EXPECT_EQ(api("POST", path, "coordinator@example.org", R"({"move":"approve","version":1})").status, 409);
  EXPECT_EQ(api("POST", path, "coordinator@example.org", R"({"move":"approve"})", {{"if-match", "\"1\""}}).status, 412);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_methods WHERE status = 'in_review' AND version = 2"), 1);
  // Changes requested with If-Match: back to draft, as the page's "send back" does.
  auto back = api("POST", path, "coordinator@example.org", R"({"move":"send_back","body":"Korter graag"})",
                  {{"if-match", "\"2\""}});
  ASSERT_EQ(back.status, 201) << back.body;
  EXPECT_EQ(json::parse(back.body)["method_status"], "draft");
  auto list = api("GET", path, "partner@example.org");
  ASSERT_EQ(list.status, 200);
  auto items = json::parse(list.body)["contents"];
  ASSERT_EQ(items.size(), 3u);
  // Written within one second here: found by kind, not by position.
  std::map<std::string, json> by_kind;
  for (const auto& k : items) by_kind[k["kind"].get<std::string>()] = k;
  EXPECT_EQ(by_kind["submit"]["body"], "Klaar voor review");
  EXPECT_EQ(by_kind["comment"]["author"], "Pieter Begeleider");
  EXPECT_EQ(by_kind["send_back"]["body"], "Korter graag");
  EXPECT_EQ(by_kind["send_back"]["method_version"], 3);
  // A draft's review is not the parent representative's to read.
  EXPECT_EQ(api("GET", path, "parent@example.org").status, 404);
  EXPECT_GE(testing::audit_count(db(), "toolbox.method.comment"), 1);
  EXPECT_GE(testing::audit_count(db(), "toolbox.method.send_back"), 1);
}

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const std::string kExe = std::string("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", 14) + "This program cannot be run";
constexpr const char* kBoundary = "----samen-toolbox-boundary";

std::string multipart(const std::string& csrf, const std::string& file_name, const std::string& bytes) {
  return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" +
         kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + kBoundary + "--\r\n";
}

TEST_P(ToolboxTest, AWorksheetIsCheckedByContentDownloadedSafelyAndCarriedInPackagesAsMetadata) {
  auto partner = signed_in("partner@example.org");
  std::string id = create(*partner, kForm);
  partner->get("/toolbox/" + id);
  auto upload = [&](const std::string& name, const std::string& bytes) {
    return partner->request("POST", "/toolbox/" + id + "/attachments", multipart(partner->csrf(), name, bytes),
                            std::string("multipart/form-data; boundary=") + kBoundary);
  };
  EXPECT_EQ(upload("werkblad.pdf", kPdf).status, 303);
  // A program named .pdf: refused by its content, nothing stored.
  auto refused = upload("sjabloon.pdf", kExe);
  EXPECT_EQ(refused.status, 415);
  EXPECT_NE(refused.body.find("de inhoud is nagekeken"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM toolbox_attachments"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents_attachments"), 1);
  // Without the form's token: refused before anything is read.
  EXPECT_EQ(partner->request("POST", "/toolbox/" + id + "/attachments", multipart("", "x.pdf", kPdf),
                             std::string("multipart/form-data; boundary=") + kBoundary).status, 403);

  std::string aid = db().acquire()->exec("SELECT id FROM toolbox_attachments").rows.at(0).text(0);
  auto page = partner->get("/toolbox/" + id);
  EXPECT_NE(page.body.find("/toolbox/" + id + "/attachments/" + aid), std::string::npos);
  EXPECT_NE(page.body.find("werkblad.pdf"), std::string::npos);
  auto card = partner->get("/toolbox/" + id + "/card");
  EXPECT_NE(card.body.find("<li>werkblad.pdf</li>"), std::string::npos) << "the card names its files";
  auto file = partner->get("/toolbox/" + id + "/attachments/" + aid);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, kPdf);
  EXPECT_EQ(file.header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(file.header("Content-Type").value_or(""), "application/pdf");
  auto listed = api("GET", "/api/v1/methods/" + id + "/attachments", "facilitator@example.org");
  ASSERT_EQ(listed.status, 200);
  auto files = json::parse(listed.body)["contents"];
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]["media_type"], "application/pdf");
  EXPECT_EQ(files[0]["sha256"].get<std::string>().size(), 64u);

  // The package carries the file's metadata, not its bytes; importing it back changes nothing.
  auto exported = partner->get("/toolbox/export?status=all&ids=" + id);
  ASSERT_EQ(exported.status, 200);
  auto doc = json::parse(exported.body);
  auto carried = doc["methods"][0]["attachments"];
  ASSERT_EQ(carried.size(), 1u);
  EXPECT_EQ(carried[0]["file_name"], "werkblad.pdf");
  EXPECT_EQ(carried[0]["sha256"], files[0]["sha256"]);
  EXPECT_EQ(exported.body.find("%PDF"), std::string::npos);
  auto plan = plan_import(*db().acquire(), exported.body);
  ASSERT_TRUE(plan.errors.empty()) << plan.errors[0].key;
  EXPECT_EQ(plan.count(PlanItem::Kind::unchanged), 1);

  // Archived: out of the list, kept for the editors, restorable; history and audit.
  EXPECT_EQ(partner->post("/toolbox/" + id + "/attachments/" + aid + "/archive", "").status, 303);
  EXPECT_TRUE(json::parse(api("GET", "/api/v1/methods/" + id + "/attachments", "partner@example.org").body)["contents"].empty());
  EXPECT_EQ(partner->get("/toolbox/" + id + "/attachments/" + aid).status, 200) << "its editor still reads it";
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history WHERE record_type = 'toolbox.attachment' AND action = 'archive'"), 1);
  EXPECT_EQ(testing::audit_count(db(), "toolbox.attachment.upload"), 1);
}

TEST_P(ToolboxTest, TheCardIsAnA4PdfAndTheBookletsContentsGiveEachMethodsPage) {
  if (is_postgres()) GTEST_SKIP() << "the PDF is made from the page, whatever the database (SQLite covers it)";
  {
    auto lease = db().acquire();
    for (auto [id, name] : {std::pair{"pdf-a", "Aanloopmoment"}, std::pair{"pdf-b", "Buurtwandeling"}}) {
      lease->exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, status, phase, topics, group_min, "
                  "group_max, duration_minutes) VALUES (?, 1, 1, 1, 'published', 'exploring', 'transitions', 2, 10, 60)",
                  {id});
      lease->exec("INSERT INTO toolbox_translations (method_id, lang, name, aim, steps) VALUES (?, 'nl', ?, 'Doel', "
                  "'[{\"description\":\"Welkom\",\"minutes\":10}]')",
                  {id, name});
    }
    // Only in French, with markup in its fields: listed as not translated, shown in French, the markup as text.
    lease->exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, status, phase, topics, group_min, "
                "group_max, duration_minutes) VALUES ('pdf-c', 1, 1, 1, 'published', 'exploring', '', 2, 10, 60)");
    lease->exec("INSERT INTO toolbox_translations (method_id, lang, name, aim, tips, steps) VALUES ('pdf-c', 'fr', "
                "'Café des parents', '<b>Accueillir</b> & écouter', 'Première ligne\n\nDeuxième <span foreground=\"red\">x</span>', "
                "'[{\"description\":\"Accueil <i>chaleureux</i>\",\"minutes\":15}]')");
  }
  auto reader = signed_in("parent@example.org");
  EXPECT_EQ(reader->get("/toolbox/pdf-a/card?format=docx").status, 400);
  testing::TempDir dir;
  auto text_of = [&](const std::string& target) {
    auto r = reader->get(target);
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 500);
    EXPECT_EQ(r.header("content-type").value_or(""), "application/pdf");
    testing::write_file(dir.path() / "out.pdf", r.body);
    auto text = testing::run_tool("pdftotext -layout " + (dir.path() / "out.pdf").string() + " -");
    EXPECT_EQ(text.status, 0) << text.output;
    return text.output;
  };
  auto card = text_of("/toolbox/pdf-a/card?format=pdf");
  EXPECT_NE(card.find("Aanloopmoment"), std::string::npos) << card.substr(0, 1000);
  EXPECT_EQ(card.find("Buurtwandeling"), std::string::npos);
  // Contents on page 1; each method starts a page: 2 and 3, after a dotted leader.
  auto booklet = text_of("/toolbox/booklet?lang=nl");
  EXPECT_TRUE(std::regex_search(booklet, std::regex(R"(Aanloopmoment[^\n]*\.\.\.[ .]*2\s*\n)"))) << booklet.substr(0, 1500);
  EXPECT_TRUE(std::regex_search(booklet, std::regex(R"(Buurtwandeling[^\n]*\.\.\.[ .]*3\s*\n)"))) << booklet.substr(0, 1500);
  EXPECT_TRUE(std::regex_search(booklet, std::regex(R"(Café des parents · Verkennen · nog niet vertaald *\.\.\.[ .]*4\s*\n)")))
      << booklet.substr(0, 1500);
  auto fourth = booklet.substr(booklet.rfind("Café des parents"));
  EXPECT_NE(fourth.find("Getoond in het Frans"), std::string::npos) << fourth;
  EXPECT_NE(fourth.find("<b>Accueillir</b> & écouter"), std::string::npos) << fourth;
  EXPECT_NE(fourth.find("Deuxième <span foreground=\"red\">x</span>"), std::string::npos) << fourth;
  EXPECT_TRUE(std::regex_search(fourth, std::regex(R"(1\.\s+Accueil <i>chaleureux</i>\s+15 minuten)"))) << fourth;
  EXPECT_NE(fourth.find("Doel"), std::string::npos) << "the labels are the booklet's language's";
  // The booklet in French: the same method, translated this time; the page as HTML stays.
  auto fr = text_of("/toolbox/booklet?lang=fr");
  EXPECT_TRUE(std::regex_search(fr, std::regex(R"(Café des parents · Explorer *\.\.\.[ .]*\d+\s*\n)"))) << fr.substr(0, 1500);
  EXPECT_NE(fr.find("<b>Accueillir</b> & écouter"), std::string::npos);
  EXPECT_EQ(reader->get("/toolbox/booklet?lang=nl&format=html").header("content-type").value_or("").find("text/html"), 0u);
}

TEST_P(ToolboxTest, ArchivedExperiencesAndUsesLeaveThePageAndTheCountsUntilACoordinatorRestoresThem) {
  add_activity("act-arch", "network");
  {
    auto lease = db().acquire();
    lease->exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, status, phase, topics, group_min, "
                "group_max, duration_minutes) VALUES ('arch-m', 1, 1, 1, 'published', 'acting', 'transitions', 2, 10, 60)");
    lease->exec("INSERT INTO toolbox_translations (method_id, lang, name, steps) VALUES ('arch-m', 'nl', 'Archiefmethode', '[]')");
    lease->exec("INSERT INTO toolbox_method_uses (activity_id, method_id, added_by, added_at) VALUES ('act-arch', 'arch-m', ?, 1)",
                {partner_id_});
    lease->exec("INSERT INTO toolbox_experiences (id, version, created_at, updated_at, method_id, author_id, worked, rating) "
                "VALUES ('exp-partner', 1, 1, 1, 'arch-m', ?, 'Van de partner', 5), "
                "('exp-coord', 1, 2, 2, 'arch-m', ?, 'Van de coordinator', 1)",
                {partner_id_, coordinator_id_});
  }
  auto figures = [&] {
    auto list = json::parse(api("GET", "/api/v1/methods?q=Archiefmethode", "parent@example.org").body)["contents"];
    EXPECT_EQ(list.size(), 1u);
    return list.at(0);
  };
  EXPECT_EQ(figures()["ratings"], 2);
  EXPECT_EQ(figures()["uses"], 1);
  auto partner = signed_in("partner@example.org");
  auto page = partner->get("/toolbox/arch-m");
  EXPECT_NE(page.body.find("/toolbox/arch-m/experiences/exp-partner/archive"), std::string::npos);
  EXPECT_EQ(page.body.find("/toolbox/arch-m/experiences/exp-coord/archive"), std::string::npos) << "not the partner's";
  EXPECT_EQ(partner->post("/toolbox/arch-m/experiences/exp-coord/archive", "").status, 403);
  EXPECT_EQ(partner->post("/toolbox/arch-m/experiences/exp-partner/archive", "").status, 303);
  EXPECT_NE(partner->get("/journal/act-arch").body.find("href=\"/toolbox/arch-m\""), std::string::npos);
  EXPECT_EQ(partner->post("/toolbox/arch-m/uses/act-arch/archive", "").status, 303);
  // The archived use leaves the activity's panel as it leaves the method page;
  // coordinators see it there marked, with the way to restore it.
  auto activity_page = partner->get("/journal/act-arch");
  ASSERT_EQ(activity_page.status, 200);
  EXPECT_EQ(activity_page.body.find("href=\"/toolbox/arch-m\""), std::string::npos);
  EXPECT_EQ(activity_page.body.find("value=\"arch-m\""), std::string::npos) << "not offered again: it is linked, archived";
  EXPECT_EQ(figures()["ratings"], 1);
  EXPECT_EQ(figures()["rating"], 1.0);
  EXPECT_EQ(figures()["uses"], 0);
  auto parent_page = signed_in("parent@example.org")->get("/toolbox/arch-m");
  EXPECT_EQ(parent_page.body.find("Van de partner"), std::string::npos);
  EXPECT_EQ(parent_page.body.find("Activiteit act-arch"), std::string::npos);
  EXPECT_EQ(parent_page.body.find("/restore"), std::string::npos);
  // Only coordinators restore; they see what is archived.
  EXPECT_EQ(partner->post("/toolbox/arch-m/experiences/exp-partner/restore", "").status, 403);
  auto coordinator = signed_in("coordinator@example.org");
  auto seen = coordinator->get("/toolbox/arch-m");
  EXPECT_NE(seen.body.find("/toolbox/arch-m/experiences/exp-partner/restore"), std::string::npos);
  EXPECT_NE(seen.body.find("/toolbox/arch-m/uses/act-arch/restore"), std::string::npos);
  auto coordinator_panel = coordinator->get("/journal/act-arch").body;
  EXPECT_NE(coordinator_panel.find("gebruik gearchiveerd"), std::string::npos);
  EXPECT_NE(coordinator_panel.find("href=\"/toolbox/arch-m#archived\""), std::string::npos);
  EXPECT_EQ(coordinator->post("/toolbox/arch-m/experiences/exp-partner/restore", "").status, 303);
  EXPECT_EQ(coordinator->post("/toolbox/arch-m/uses/act-arch/restore", "").status, 303);
  EXPECT_EQ(figures()["ratings"], 2);
  EXPECT_EQ(figures()["uses"], 1);
  EXPECT_NE(partner->get("/journal/act-arch").body.find("href=\"/toolbox/arch-m\""), std::string::npos) << "restored";
  // The figures are kept by triggers, whatever writes the rows: a deleted experience counts no more.
  db().acquire()->exec("DELETE FROM toolbox_experiences WHERE id = 'exp-coord'");
  EXPECT_EQ(figures()["ratings"], 1);
  EXPECT_EQ(figures()["rating"], 5.0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history WHERE record_type = 'toolbox.experience' AND action IN ('archive', 'restore')"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history WHERE record_type = 'toolbox.use'"), 2);
  EXPECT_EQ(testing::audit_count(db(), "toolbox.use.archive"), 1);
  EXPECT_EQ(testing::audit_count(db(), "toolbox.experience.restore"), 1);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(ToolboxTest);

}  // namespace
}  // namespace samen::toolbox

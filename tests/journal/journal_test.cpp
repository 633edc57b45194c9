// The journal through the whole pipeline on both databases: visibility per
// role on the pages, the API and the exports (a facilitators-only interview
// never reaches a partner); create, edit, a conflicting second edit, archive
// and restore with their history and audit rows; Markdown with a script
// neutralised; bad input answered 422 with field messages and nothing stored;
// follow-ups on the home panel; the demo history.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/audit.hpp"
#include "accounts/sessions.hpp"
#include "demo/demo.hpp"
#include "journal/demo.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::journal {
namespace {

using accounts::Role;
using nlohmann::json;

class JournalTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1), "
             "('org-b', 'Crèche Les Petits Pas', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', 'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a')");
    }
    testing::add_test_user(db(), "admin@example.org", Role::admin);
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    testing::add_test_user(db(), "facilitator@example.org", Role::facilitator, {}, "Pieter Begeleider");
    partner_id_ = testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
    testing::add_test_user(db(), "other@example.org", Role::partner, {"org-b"}, "Julien Ailleurs");
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
    c->get("/journal");  // a page with the CSRF token
    return c;
  }
  std::string token(const std::string& email) {
    auto lease = db().acquire();
    return accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "", http::Headers extra = {}) {
    testing::AppClient client(*app_, "nl");
    extra.emplace_back("authorization", "Bearer " + token(email));
    return client.request(method, path, body, body.empty() ? "" : "application/json", extra);
  }
  std::int64_t audits(const std::string& action) {
    auto lease = db().acquire();
    accounts::AuditFilter f;
    f.action = action;
    return accounts::count_audit(*lease, f);
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  // Creates an activity through the form as `client`; returns its id.
  std::string create(testing::AppClient& client, const std::string& fields) {
    auto r = client.post("/journal/new", fields);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
    std::string location = r.header("Location").value_or("");
    EXPECT_EQ(location.rfind("/journal/", 0), 0u) << location;
    return location.substr(9, location.find('?') - 9);
  }
  static std::string form(const std::string& title, const std::string& visibility, const std::string& extra = "") {
    return "type=interview&title=" + http::url_encode(title) +
           "&starts_at=2014-10-07T10%3A00&duration_minutes=75&visibility=" + visibility + extra;
  }

  std::int64_t partner_id_ = 0;
  std::unique_ptr<app::App> app_;
};

TEST_P(JournalTest, AFacilitatorsOnlyInterviewNeverReachesAPartnerOrAParentRepresentative) {
  auto facilitator = signed_in("facilitator@example.org");
  std::string secret = create(*facilitator, form("Interview De Vlinder", "facilitators",
                                                 "&notes=" + http::url_encode("Transcript: zorgen over personeel")));
  std::string open = create(*facilitator, form("Partneroverleg open", "network"));

  for (const char* email : {"partner@example.org", "parent@example.org"}) {
    auto reader = signed_in(email);
    auto list = reader->get("/journal");
    ASSERT_EQ(list.status, 200);
    EXPECT_NE(list.body.find("Partneroverleg open"), std::string::npos) << email;
    EXPECT_EQ(list.body.find("Interview De Vlinder"), std::string::npos) << email << " sees it in the timeline";
    auto csv = reader->get("/journal?format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("Partneroverleg open"), std::string::npos);
    EXPECT_EQ(csv.body.find("Interview De Vlinder"), std::string::npos) << email << " gets it in the CSV";
    EXPECT_EQ(csv.body.find("zorgen over personeel"), std::string::npos);
    auto xlsx = reader->get("/journal?format=xlsx");
    EXPECT_EQ(xlsx.status, 200);
    EXPECT_EQ(reader->get("/journal/" + secret).status, 404) << "its existence does not leak";
    EXPECT_EQ(api("GET", "/api/v1/activities/" + secret, email).status, 404);
    auto api_list = api("GET", "/api/v1/activities", email);
    ASSERT_EQ(api_list.status, 200);
    EXPECT_EQ(json::parse(api_list.body)["total_items"], 1) << email;
    EXPECT_EQ(api_list.body.find("zorgen over personeel"), std::string::npos);
  }
  EXPECT_EQ(api("PATCH", "/api/v1/activities/" + secret, "partner@example.org", R"({"title":"x"})").status, 404);

  auto coordinator = signed_in("coordinator@example.org");
  auto page = coordinator->get("/journal/" + secret);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("zorgen over personeel"), std::string::npos);
  EXPECT_EQ(audits("journal.activity.read"), 1) << "reading a facilitators-only note is audited";
  auto csv = coordinator->get("/journal?format=csv");
  EXPECT_NE(csv.body.find("Interview De Vlinder"), std::string::npos);
  EXPECT_EQ(audits("journal.activity.export"), 5) << "two readers' CSV and XLSX, and the coordinator's CSV";
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities", "admin@example.org").body)["total_items"], 2);
}

TEST_P(JournalTest, ATeamActivityIsForTheTeamsPartnersNotForOtherOrganisations) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create(*coordinator, form("Intervisie Jette", "team", "&team_id=team-jette"));
  EXPECT_EQ(signed_in("partner@example.org")->get("/journal/" + id).status, 200);
  EXPECT_EQ(signed_in("other@example.org")->get("/journal/" + id).status, 404);
  EXPECT_EQ(signed_in("parent@example.org")->get("/journal/" + id).status, 404);
  EXPECT_EQ(api("GET", "/api/v1/activities?team=team-jette", "partner@example.org").body.find("Intervisie Jette") ==
                std::string::npos, false);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities", "other@example.org").body)["total_items"], 0);
  // Filters: the Brussels-wide level holds none of it; the team and the year do.
  EXPECT_EQ(coordinator->get("/journal?team=brussels").body.find("Intervisie Jette"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal?team=team-jette&year=2014&type=interview").body.find("Intervisie Jette"), std::string::npos);
  EXPECT_EQ(coordinator->get("/journal?year=2015").body.find("Intervisie Jette"), std::string::npos);
}

TEST_P(JournalTest, EditConflictArchiveAndRestoreKeepHistoryAndAudit) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create(*coordinator, form("Focusgroep verwachtingen", "network"));
  auto edit = coordinator->get("/journal/" + id + "/edit");
  ASSERT_EQ(edit.status, 200);
  EXPECT_NE(edit.body.find(R"(name="version" value="1")"), std::string::npos);
  EXPECT_EQ(coordinator->post("/journal/" + id + "/edit", form("Focusgroep: eerste versie", "network", "&version=1")).status, 303);
  // A second browser that also read version 1 is refused, keeps its input and is told why.
  auto facilitator = signed_in("facilitator@example.org");
  auto stale = facilitator->post("/journal/" + id + "/edit", form("Focusgroep: mijn versie", "network", "&version=1"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Focusgroep: mijn versie"), std::string::npos) << "the editor's input is kept";
  EXPECT_NE(stale.body.find("Iemand anders heeft deze activiteit gewijzigd"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/" + id).body.find("Focusgroep: eerste versie"), std::string::npos);

  EXPECT_EQ(coordinator->post("/journal/" + id + "/archive", "version=1").status, 409) << "stale version";
  EXPECT_EQ(coordinator->post("/journal/" + id + "/archive", "version=2").status, 303);
  EXPECT_EQ(coordinator->get("/journal/" + id + "/edit").status, 409) << "an archived record is restored first";
  EXPECT_EQ(coordinator->get("/journal").body.find("eerste versie"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal?archived=1").body.find("eerste versie"), std::string::npos);
  EXPECT_EQ(coordinator->post("/journal/" + id + "/restore", "version=3").status, 303);

  auto page = coordinator->get("/journal/" + id);
  EXPECT_NE(page.body.find("Focusgroep verwachtingen"), std::string::npos) << "the history shows the old title";
  EXPECT_NE(page.body.find("gearchiveerd"), std::string::npos);
  EXPECT_EQ(audits("journal.activity.create"), 1);
  EXPECT_EQ(audits("journal.activity.update"), 1) << "the refused edit left no audit row";
  EXPECT_EQ(audits("journal.activity.archive"), 1);
  EXPECT_EQ(audits("journal.activity.restore"), 1);
  EXPECT_EQ(count("SELECT version FROM journal_activities"), 4);

  // A partner edits what they created, not the coordinator's.
  auto partner = signed_in("partner@example.org");
  EXPECT_EQ(partner->post("/journal/" + id + "/edit", form("Overgenomen", "network")).status, 403);
  std::string own = create(*partner, form("Overleg De Vlinder", "network"));
  EXPECT_EQ(partner->post("/journal/" + own + "/edit", form("Overleg De Vlinder (verslag)", "network", "&version=1")).status, 303);
  auto refused = partner->post("/journal/new", form("Eigen interview", "facilitators"));
  EXPECT_EQ(refused.status, 422) << "a partner cannot hide an activity from themselves";
  // Nor learn the names of the network's people by naming their ids.
  std::int64_t coordinator_id = db().acquire()->exec("SELECT id FROM users WHERE email = 'coordinator@example.org'").rows.at(0).int64(0);
  auto named = partner->post("/journal/new", form("Met iemand anders", "network", "&person_ids=" + std::to_string(coordinator_id)));
  EXPECT_EQ(named.status, 422);
  EXPECT_EQ(named.body.find("Lotte Co"), std::string::npos);
  EXPECT_EQ(partner->post("/journal/new", form("Met mezelf", "network", "&person_ids=" + std::to_string(partner_id_))).status, 303);
}

TEST_P(JournalTest, MarkdownNotesAreRenderedSafely) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string notes = "<script>alert('x')</script>\n\n**Besluit** met [link](javascript:alert(1)) en <img src=x onerror=alert(1)>";
  std::string id = create(*coordinator, form("Veilige notities", "network", "&notes=" + http::url_encode(notes)));
  auto page = coordinator->get("/journal/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<strong>Besluit</strong>"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.body.find("href=\"javascript:"), std::string::npos);
  EXPECT_EQ(page.body.find("<img src=x onerror"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;"), std::string::npos) << "the history shows the typed text, escaped";
}

TEST_P(JournalTest, BadInputIsRefusedWithFieldMessagesAndNothingIsStored) {
  auto coordinator = signed_in("coordinator@example.org");
  auto r = coordinator->post("/journal/new",
                             "type=interview&title=&starts_at=2014-02-30T10%3A00&duration_minutes=0&visibility=team"
                             "&notes=" + http::url_encode("mijn notities"));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Geef een titel."), std::string::npos);
  EXPECT_NE(r.body.find("Geef een bestaande datum en tijd"), std::string::npos);
  EXPECT_NE(r.body.find("De duur is een aantal minuten"), std::string::npos);
  EXPECT_NE(r.body.find("Kies het team"), std::string::npos);
  EXPECT_NE(r.body.find("mijn notities"), std::string::npos) << "what was typed is kept";
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_activities"), 0);

  // The API: an end before the start, in the caller's language, per field.
  auto bad = api("POST", "/api/v1/activities", "coordinator@example.org",
                 R"({"type":"interview","title":"Interview","starts_at":"2014-10-07T10:00:00Z","ends_at":"2014-10-07T09:00:00Z"})");
  EXPECT_EQ(bad.status, 422);
  auto j = json::parse(bad.body);
  EXPECT_EQ(j["error"]["code"], "validation");
  EXPECT_EQ(j["error"]["fields"]["ends_at"], "Het einde ligt vóór of op het begin.");
  EXPECT_EQ(api("POST", "/api/v1/activities", "coordinator@example.org", "{not json").status, 400);
  auto wrong = api("POST", "/api/v1/activities", "coordinator@example.org",
                   R"({"type":"picnic","title":5,"starts_at":"2014-10-07","duration_minutes":"lang","visibility":"public"})");
  EXPECT_EQ(wrong.status, 422);
  auto fields = json::parse(wrong.body)["error"]["fields"];
  for (const char* f : {"type", "title", "starts_at", "duration_minutes", "visibility"}) EXPECT_TRUE(fields.contains(f)) << f;
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_activities"), 0);
  EXPECT_EQ(audits("journal.activity.create"), 0);
}

TEST_P(JournalTest, TheApiCreatesReadsUpdatesWithVersionsAndArchives) {
  auto created = api("POST", "/api/v1/activities", "facilitator@example.org",
                     R"({"type":"focus_group","title":"Focusgroep","starts_at":"2014-11-20T13:30:00+01:00",)"
                     R"("ends_at":"2014-11-20T15:30:00+01:00","team_id":"team-jette","visibility":"team",)"
                     R"("languages":["nl","fr"],"organization_ids":["org-a"],"notes":"# Verslag"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("ETag"), "\"1\"");
  auto a = json::parse(created.body);
  std::string id = a["id"];
  EXPECT_EQ(a["starts_at"], "2014-11-20T12:30:00Z");
  EXPECT_EQ(a["duration_minutes"], 120);
  EXPECT_EQ(a["team_id"], "team-jette");
  EXPECT_EQ(a["visibility"], "team");
  EXPECT_EQ(a["organization_ids"], json::array({"org-a"}));
  EXPECT_TRUE(a["archived_at"].is_null());
  EXPECT_EQ(created.header("Location"), "/api/v1/activities/" + id);

  std::string path = "/api/v1/activities/" + id;
  EXPECT_EQ(api("PATCH", path, "coordinator@example.org", R"({"title":"Later"})", {{"if-match", "\"0\""}}).status, 412);
  EXPECT_EQ(api("PATCH", path, "coordinator@example.org", R"({"title":"Later","version":0})").status, 409);
  auto patched = api("PATCH", path, "coordinator@example.org", R"({"title":"Focusgroep Jette"})", {{"if-match", "\"1\""}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto p = json::parse(patched.body);
  EXPECT_EQ(p["title"], "Focusgroep Jette");
  EXPECT_EQ(p["version"], 2);
  EXPECT_EQ(p["duration_minutes"], 120) << "the rest is kept";
  EXPECT_EQ(p["languages"], json::array({"nl", "fr"}));
  auto listed = json::parse(api("GET", "/api/v1/activities?team=team-jette", "coordinator@example.org").body);
  EXPECT_EQ(listed["contents"][0]["organization_ids"], json::array({"org-a"})) << "lists carry the participants too";
  auto csv = signed_in("coordinator@example.org")->get("/journal?format=csv");
  EXPECT_NE(csv.body.find("Kinderdagverblijf De Vlinder"), std::string::npos);
  // The partner of the team reads it but did not create it.
  EXPECT_EQ(api("GET", path, "partner@example.org").status, 200);
  EXPECT_EQ(api("PUT", path, "partner@example.org", R"({"type":"focus_group","title":"x","starts_at":"2014-11-20T12:30:00Z","duration_minutes":60})").status, 403);
  EXPECT_EQ(api("GET", path, "other@example.org").status, 404);
  auto deleted = api("DELETE", path, "coordinator@example.org");
  ASSERT_EQ(deleted.status, 200);
  EXPECT_FALSE(json::parse(deleted.body)["archived_at"].is_null());
  EXPECT_EQ(api("PATCH", path, "coordinator@example.org", R"({"title":"Na archief"})").status, 409);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities", "coordinator@example.org").body)["total_items"], 0);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities?archived=true", "coordinator@example.org").body)["total_items"], 1);
  EXPECT_EQ(audits("journal.activity.archive"), 1);
}

TEST_P(JournalTest, FollowUpsShowOnTheirOwnersHomePageUntilDone) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create(*coordinator, form("Partneroverleg", "network"));
  auto added = coordinator->post("/journal/" + id + "/follow-ups",
                                 "text=" + http::url_encode("Zaal boeken voor de terugkomdag") + "&owner_id=" +
                                     std::to_string(partner_id_) + "&due_date=2030-03-01");
  EXPECT_EQ(added.status, 303);
  EXPECT_EQ(coordinator->post("/journal/" + id + "/follow-ups", "text=x&due_date=2030-02-31").status, 422);
  auto partner = signed_in("partner@example.org");
  auto home = partner->get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Zaal boeken voor de terugkomdag"), std::string::npos);
  EXPECT_EQ(signed_in("other@example.org")->get("/").body.find("Zaal boeken"), std::string::npos);
  std::string fu = db().acquire()->exec("SELECT id FROM journal_follow_ups").rows.at(0).text(0);
  EXPECT_EQ(signed_in("other@example.org")->post("/journal/follow-ups/" + fu + "/status", "status=done").status, 403);
  EXPECT_EQ(partner->post("/journal/follow-ups/" + fu + "/status", "status=done&back=home").status, 303);
  EXPECT_EQ(partner->get("/").body.find("Zaal boeken voor de terugkomdag"), std::string::npos);
  EXPECT_EQ(audits("journal.follow_up.update"), 1);
}

TEST_P(JournalTest, TheDemoHistoryLoadsOnceOnTheDemoNetwork) {
  demo::load_network(db(), 1000);
  EXPECT_EQ(load_demo_journal(db(), 1000), 17);
  EXPECT_EQ(load_demo_journal(db(), 2000), 0) << "idempotent";
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_activities WHERE visibility = 'facilitators'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_activities WHERE team_id IS NOT NULL"), 8);
  EXPECT_GE(count("SELECT COUNT(*) FROM journal_activity_organizations"), 30);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_follow_ups WHERE owner_id IS NOT NULL"), 2);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(JournalTest);

}  // namespace
}  // namespace samen::journal

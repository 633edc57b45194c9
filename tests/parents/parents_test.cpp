// Parents' voice through the whole pipeline on both databases: parent
// groups and their meetings (journal visibility respected, the record panel
// on the activity), the register (forms that keep the input on 422/409, the
// status history, filters, CSV/XLSX), publication by a coordinator only and
// the public "you said, we did" page (the approved wording, never the raw
// text; per team; nl/fr/en; cached and refreshed on publication), the
// anonymous suggestion form (honeypot, 429, a full queue, expiry) and its
// moderation (audited), the JSON API, the links of concerns to the plan's
// actions (API, concern page, public page, the action page's panel), and the
// demo data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <tuple>

#include "accounts/sessions.hpp"
#include "app/app.hpp"
#include "parents/demo.hpp"
#include "parents/handlers.hpp"
#include "parents/store.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::parents {
namespace {

using accounts::Role;
using nlohmann::json;

class ParentsTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1), "
             "('org-b', 'Crèche Les Petits Pas', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES "
             "('team-jette', 'Lokaal team Jette', 'local_team', 1, 1), ('team-nieuwland', 'Lokaal team Nieuwland', 'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a'), ('team-nieuwland', 'org-b')");
    }
    testing::add_test_user(db(), "admin@example.org", Role::admin);
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    testing::add_test_user(db(), "facilitator@example.org", Role::facilitator, {}, "Pieter Begeleider");
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
    testing::add_test_user(db(), "parent@example.org", Role::parent_rep, {}, "Fatima Ouder");
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<testing::AppClient> signed_in(const std::string& email, const std::string& lang = "nl") {
    auto c = std::make_unique<testing::AppClient>(*app_, lang);
    EXPECT_EQ(c->login(email, testing::kTestPassword).status, 303);
    c->get("/parents");
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
  std::string text(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).text(0); }
  void add_activity(const std::string& id, const std::string& visibility, const std::string& team) {
    db().acquire()->exec(
        "INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, team_id, visibility, version, "
        "created_at, updated_at) VALUES (?, 'parent_group', ?, 1760000000, 90, ?, ?, 1, 1, 1)",
        {id, "Oudergroep " + id, team.empty() ? store::Param(nullptr) : store::Param(team), visibility});
  }
  // Creates a concern through the form; returns its id.
  std::string create(testing::AppClient& client, const std::string& text, const std::string& extra = "") {
    client.get("/parents/concerns/new");
    auto r = client.post("/parents/concerns/new", "text=" + http::url_encode(text) +
                                                      "&theme=opening_hours&language=nl&source=parent_group&status=heard"
                                                      "&raised_on=2026-02-11&team_id=team-jette" + extra);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
    std::string location = r.header("Location").value_or("");
    return location.substr(18, location.find('?') - 18);
  }
  http::Response publish(testing::AppClient& client, const std::string& id, const std::string& fields) {
    auto form = client.get("/parents/concerns/" + id + "/publication");
    EXPECT_EQ(form.status, 200);
    std::string version = std::to_string(count("SELECT version FROM parents_concerns WHERE id = '" + id + "'"));
    return client.post("/parents/concerns/" + id + "/publication", "version=" + version + "&" + fields);
  }
  std::unique_ptr<app::App> app_;
};

// ---- parent groups ---------------------------------------------------------------------------

TEST_P(ParentsTest, AGroupListsItsMeetingsAsTheJournalLetsTheReaderSeeThem) {
  add_activity("meet-network", "network", "team-jette");
  add_activity("meet-nieuwland", "team", "team-nieuwland");
  add_activity("meet-facilitators", "facilitators", "");
  auto facilitator = signed_in("facilitator@example.org");
  facilitator->get("/parents/groups/new");
  auto r = facilitator->post("/parents/groups/new", "name=Oudergroep+Jette&team_id=team-jette&languages=nl%2C+fr");
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 1500);
  std::string id = text("SELECT id FROM parents_groups");
  for (const char* a : {"meet-network", "meet-nieuwland", "meet-facilitators"}) {
    facilitator->get("/parents/groups/" + id);
    EXPECT_EQ(facilitator->post("/parents/groups/" + id + "/meetings", std::string("activity_id=") + a).status, 303) << a;
  }
  EXPECT_EQ(testing::audit_count(db(), "parents.group.meeting_link"), 3);
  EXPECT_NE(facilitator->get("/parents/groups/" + id).body.find("Oudergroep meet-facilitators"), std::string::npos);

  auto partner = signed_in("partner@example.org");  // org-a: team Jette only
  auto page = partner->get("/parents/groups/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Oudergroep meet-network"), std::string::npos);
  EXPECT_EQ(page.body.find("Oudergroep meet-nieuwland"), std::string::npos) << "another team's activity";
  EXPECT_EQ(page.body.find("Oudergroep meet-facilitators"), std::string::npos) << "facilitators only";

  // The journal activity's page names the group (the record panel).
  auto activity = partner->get("/journal/meet-network");
  ASSERT_EQ(activity.status, 200);
  EXPECT_NE(activity.body.find("/parents/groups/" + id), std::string::npos);
  EXPECT_NE(activity.body.find("Oudergroep Jette"), std::string::npos);
  // A partner cannot link, and an activity the linker may not see is refused without linking.
  EXPECT_EQ(partner->post("/parents/groups/" + id + "/meetings", "activity_id=meet-network").status, 403);
}

TEST_P(ParentsTest, AGroupNeedsATeamOrAKnownSettingAndKeepsTheInput) {
  auto coordinator = signed_in("coordinator@example.org");
  coordinator->get("/parents/groups/new");
  auto r = coordinator->post("/parents/groups/new", "name=Groupe+sans+lieu&service_id=no-such-service");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Groupe sans lieu"), std::string::npos) << "the input stays";
  EXPECT_NE(r.body.find("niet op de dienstenkaart"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_groups"), 0);
}

// ---- the register ---------------------------------------------------------------------------

TEST_P(ParentsTest, AConcernMovesThroughItsStatusesWithAHistory) {
  auto partner = signed_in("partner@example.org");
  std::string id = create(*partner, "De crèche sluit te vroeg.");
  EXPECT_EQ(text("SELECT status FROM parents_concerns"), "heard");
  EXPECT_EQ(partner->get("/parents/concerns/" + id + "/edit").status, 403) << "partners record, staff edit";

  auto facilitator = signed_in("facilitator@example.org");
  auto form = [&](const std::string& status, const std::string& note, const std::string& version) {
    facilitator->get("/parents/concerns/" + id + "/edit");
    return facilitator->post("/parents/concerns/" + id + "/edit",
                             "text=De+cr%C3%A8che+sluit+te+vroeg.&theme=opening_hours&language=nl&source=parent_group"
                             "&raised_on=2026-02-11&team_id=team-jette&status=" + status +
                                 "&status_note=" + note + "&version=" + version);
  };
  EXPECT_EQ(form("being_discussed", "", "1").status, 303);
  auto refused = form("not_possible", "", "2");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Leg uit waarom"), std::string::npos);
  EXPECT_EQ(text("SELECT status FROM parents_concerns"), "being_discussed") << "nothing stored";
  auto stale = form("done", "", "1");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Iemand anders"), std::string::npos);
  EXPECT_EQ(form("not_possible", "Te+weinig+personeel", "2").status, 303);
  EXPECT_EQ(form("heard", "", "3").status, 422) << "a closed concern reopens for discussion only";

  auto page = facilitator->get("/parents/concerns/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Te weinig personeel"), std::string::npos);
  EXPECT_EQ(core::history_of(*db().acquire(), "parents.concern", id).size() > 0, true);
  auto lease = db().acquire();
  auto history = status_history(*lease, id);
  ASSERT_EQ(history.size(), 3u);  // created heard, being_discussed, not_possible
  EXPECT_EQ(history[0].replacement, "not_possible");
  EXPECT_EQ(history[0].previous, "being_discussed");
  EXPECT_EQ(history[0].actor_label, "facilitator@example.org");
  EXPECT_EQ(testing::audit_count(db(), "parents.concern.status"), 2);
}

TEST_P(ParentsTest, TheFormSaysNoPersonalDataAndKeepsTheInputOnErrors) {
  auto parent = signed_in("parent@example.org");
  auto form = parent->get("/parents/concerns/new?lang=fr");  // the saved language wins over Accept-Language
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("ne demande ni ne conserve de données personnelles"), std::string::npos);
  auto r = parent->post("/parents/concerns/new", "text=Les+horaires&theme=nope&language=fr&source=parent_group&raised_on=2026-13-01");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Les horaires"), std::string::npos);
  EXPECT_NE(r.body.find("Choisissez un thème"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_concerns"), 0);
}

TEST_P(ParentsTest, TheRegisterFiltersAndExports) {
  auto coordinator = signed_in("coordinator@example.org");
  create(*coordinator, "Openingsuren Jette");
  create(*coordinator, "Wachtlijst Nieuwland", "&municipality=21004");
  db().acquire()->exec("UPDATE parents_concerns SET theme = 'waiting_lists', team_id = 'team-nieuwland', "
                       "source = 'survey' WHERE text = 'Wachtlijst Nieuwland'");
  auto all = coordinator->get("/parents");
  EXPECT_NE(all.body.find("Openingsuren Jette"), std::string::npos);
  EXPECT_NE(all.body.find("Wachtlijst Nieuwland"), std::string::npos);
  for (const char* filter : {"theme=waiting_lists", "team=team-nieuwland", "source=survey", "municipality=21004"}) {
    auto r = coordinator->get(std::string("/parents?") + filter);
    EXPECT_EQ(r.body.find("Openingsuren Jette"), std::string::npos) << filter;
    EXPECT_NE(r.body.find("Wachtlijst Nieuwland"), std::string::npos) << filter;
  }
  EXPECT_EQ(coordinator->get("/parents?status=unknown").status, 400);
  auto csv = coordinator->get("/parents?theme=opening_hours&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Openingsuren Jette"), std::string::npos);
  EXPECT_EQ(csv.body.find("Wachtlijst"), std::string::npos);
  auto xlsx = coordinator->get("/parents?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(testing::audit_count(db(), "parents.concern.export"), 2);
}

// ---- publication and the public page ---------------------------------------------------------

TEST_P(ParentsTest, OnlyTheApprovedWordingReachesThePublicPageInTheReadersLanguage) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create(*coordinator, "Mevrouw X uit de Kerkstraat zegt dat de crèche te vroeg sluit.");
  testing::AppClient visitor(*app_, "fr");
  EXPECT_NE(visitor.get("/you-said-we-did").body.find("Il n&#39;y a encore rien ici"), std::string::npos);

  auto facilitator = signed_in("facilitator@example.org");
  EXPECT_EQ(facilitator->get("/parents/concerns/" + id + "/publication").status, 403);
  EXPECT_EQ(publish(*coordinator, id, "publish=1").status, 422) << "no wording, no publication";
  auto r = publish(*coordinator, id,
                   "public_text_nl=De+cr%C3%A8che+sluit+te+vroeg.&public_text_fr=La+cr%C3%A8che+ferme+trop+t%C3%B4t."
                   "&response_nl=Er+komt+opvang+tot+18+uur.&publish=1");
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 1500);
  EXPECT_EQ(testing::audit_count(db(), "parents.concern.publish"), 1);

  auto fr = visitor.get("/you-said-we-did");  // the cache was emptied by the publication
  ASSERT_EQ(fr.status, 200);
  EXPECT_NE(fr.body.find("La crèche ferme trop tôt."), std::string::npos);
  EXPECT_NE(fr.body.find("lang=\"nl\">Er komt opvang tot 18 uur."), std::string::npos) << "no French response: the Dutch one, marked";
  EXPECT_EQ(fr.body.find("Kerkstraat"), std::string::npos) << "never the recorded text";
  EXPECT_NE(fr.body.find("Heures d&#39;ouverture"), std::string::npos);
  EXPECT_EQ(fr.header("Cache-Control").value_or(""), "public, max-age=60");
  testing::AppClient english(*app_, "en");
  EXPECT_NE(english.get("/you-said-we-did").body.find("You said"), std::string::npos);
  EXPECT_NE(visitor.get("/you-said-we-did/team-jette").body.find("La crèche ferme trop tôt."), std::string::npos);
  EXPECT_EQ(visitor.get("/you-said-we-did/team-nieuwland").body.find("La crèche"), std::string::npos);
  EXPECT_EQ(visitor.get("/you-said-we-did/no-such-team").status, 404);

  // Withdrawn: gone from the public page at once.
  EXPECT_EQ(publish(*coordinator, id, "public_text_nl=De+cr%C3%A8che+sluit+te+vroeg.").status, 303);
  EXPECT_EQ(visitor.get("/you-said-we-did").body.find("La crèche ferme"), std::string::npos);
}

// ---- the anonymous suggestion form and its moderation ----------------------------------------

TEST_P(ParentsTest, ASuggestionIsKeptWithoutAnAccountAndModeratedWithAnAuditTrail) {
  testing::AppClient visitor(*app_, "nl");
  auto form = visitor.get("/you-said-we-did/suggest");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.body.find("<script"), std::string::npos) << "works without JavaScript";
  auto bad = visitor.post("/you-said-we-did/suggest", "text=ok&language=nl");
  EXPECT_EQ(bad.status, 422);
  auto sent = visitor.post("/you-said-we-did/suggest", "text=Meer+speelruimte+binnen+als+het+regent&language=nl&municipality=21010");
  ASSERT_EQ(sent.status, 200);
  EXPECT_NE(sent.body.find("We lezen je bericht"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_suggestions"), 1);
  // The honeypot: a robot is told it worked, nothing is kept.
  EXPECT_EQ(visitor.post("/you-said-we-did/suggest", "text=Buy+cheap+things+now&language=nl&website=http%3A%2F%2Fspam").status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_suggestions"), 1);

  auto coordinator = signed_in("coordinator@example.org");
  std::string id = text("SELECT id FROM parents_suggestions");
  auto queue = coordinator->get("/parents/suggestions");
  EXPECT_NE(queue.body.find("Meer speelruimte binnen"), std::string::npos);
  auto prefilled = coordinator->get("/parents/suggestions/" + id + "/accept");
  EXPECT_NE(prefilled.body.find("value=\"anonymous_form\" selected"), std::string::npos);
  auto accepted = coordinator->post("/parents/suggestions/" + id + "/accept",
                                    "text=Meer+speelruimte+binnen&theme=meeting_places&language=nl&source=anonymous_form"
                                    "&status=heard&raised_on=2026-02-11&municipality=21010");
  ASSERT_EQ(accepted.status, 303) << accepted.body.substr(0, 1500);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_suggestions"), 0);
  EXPECT_EQ(text("SELECT source FROM parents_concerns"), "anonymous_form");
  EXPECT_EQ(testing::audit_count(db(), "parents.suggestion.accept"), 1);

  visitor.post("/you-said-we-did/suggest", "text=Een+tweede+idee+voor+de+buurt&language=nl");
  std::string second = text("SELECT id FROM parents_suggestions");
  coordinator->get("/parents/suggestions");
  EXPECT_EQ(coordinator->post("/parents/suggestions/" + second + "/discard", "").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_suggestions"), 0);
  EXPECT_EQ(testing::audit_count(db(), "parents.suggestion.discard"), 1);
  EXPECT_EQ(coordinator->post("/parents/suggestions/" + second + "/discard", "").status, 404);
}

TEST_P(ParentsTest, TheFormAnswers429PerAddressAndSaysWhenTheQueueIsFull) {
  testing::AppClient visitor(*app_, "fr");
  visitor.get("/you-said-we-did/suggest");
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(visitor.post("/you-said-we-did/suggest", "text=Id%C3%A9e+num%C3%A9ro+" + std::to_string(i) + "&language=fr").status, 200);
  auto limited = visitor.post("/you-said-we-did/suggest", "text=Encore+une+id%C3%A9e&language=fr");
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(limited.header("Retry-After").has_value());
  EXPECT_NE(limited.body.find("Encore une idée"), std::string::npos) << "the text stays in the form";
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_suggestions"), 10);

  // Another address, a full queue: told so, nothing stored.
  {
    auto lease = db().acquire();
    for (std::int64_t i = 10; i < kSuggestionCap; ++i)
      lease->exec("INSERT INTO parents_suggestions (id, created_at, text, language) VALUES (?, ?, 'idee', 'nl')",
                  {"fill-" + std::to_string(i), i});
  }
  testing::AppClient other(*app_, "nl");
  other.ip = "198.51.100.7";
  other.get("/you-said-we-did/suggest");
  auto full = other.post("/you-said-we-did/suggest", "text=Nog+een+idee+voor+de+buurt&language=nl");
  EXPECT_EQ(full.status, 503);
  EXPECT_NE(full.body.find("te veel berichten"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_suggestions"), kSuggestionCap);
  // The expiry job empties what waited too long.
  auto lease = db().acquire();
  EXPECT_EQ(expire_suggestions(*lease, 100), 90) << "the fill rows from 10 to 99";
}

// ---- the JSON API ----------------------------------------------------------------------------

TEST_P(ParentsTest, TheApiCreatesListsAndUpdatesWithOptimisticLocking) {
  std::string body = R"({"text":"Te weinig plaatsen in de opvang","theme":"waiting_lists","language":"nl",)"
                     R"("source":"survey","raised_on":"2026-03-01","team_id":"team-jette","municipality":"21010"})";
  auto created = api("POST", "/api/v1/concerns", "partner@example.org", body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto c = json::parse(created.body);
  EXPECT_EQ(c["status"], "heard");
  EXPECT_EQ(c["published"], false);
  EXPECT_EQ(c["version"], 1);
  EXPECT_EQ(created.header("ETag").value_or(""), "\"1\"");
  std::string id = c["id"];

  auto bad = api("POST", "/api/v1/concerns", "partner@example.org", R"({"text":"x","theme":"nope","language":42})");
  EXPECT_EQ(bad.status, 422);
  auto fields = json::parse(bad.body)["error"]["fields"];
  EXPECT_TRUE(fields.contains("theme") && fields.contains("language") && fields.contains("source"));
  EXPECT_EQ(api("POST", "/api/v1/concerns", "partner@example.org", R"({"text":"x","published":true})").status, 403);

  auto list = json::parse(api("GET", "/api/v1/concerns?theme=waiting_lists&published=false", "parent@example.org").body);
  EXPECT_EQ(list["total_items"], 1);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/concerns?theme=costs", "parent@example.org").body)["total_items"], 0);
  EXPECT_EQ(api("GET", "/api/v1/concerns?status=nope", "parent@example.org").status, 400);

  EXPECT_EQ(api("PATCH", "/api/v1/concerns/" + id, "partner@example.org", R"({"status":"done"})").status, 403);
  auto patched = api("PATCH", "/api/v1/concerns/" + id, "facilitator@example.org", R"({"status":"being_discussed"})",
                     {{"if-match", "\"1\""}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json::parse(patched.body)["version"], 2);
  EXPECT_EQ(api("PATCH", "/api/v1/concerns/" + id, "facilitator@example.org", R"({"status":"done"})",
                {{"if-match", "\"1\""}}).status, 412);
  EXPECT_EQ(api("PATCH", "/api/v1/concerns/" + id, "facilitator@example.org", R"({"status":"done","version":1})").status, 409);
  EXPECT_EQ(api("PATCH", "/api/v1/concerns/" + id, "facilitator@example.org", R"({"status":"heard","version":2})").status, 200)
      << "one step back";
  EXPECT_EQ(api("PATCH", "/api/v1/concerns/" + id, "facilitator@example.org",
                R"({"public_text":{"nl":"Te weinig plaatsen."},"published":true})").status, 403);
  auto published = api("PATCH", "/api/v1/concerns/" + id, "coordinator@example.org",
                       R"({"public_text":{"nl":"Te weinig plaatsen."},"response":{"fr":"Un guichet commun."},"published":true})");
  ASSERT_EQ(published.status, 200) << published.body;
  auto p = json::parse(published.body);
  EXPECT_EQ(p["published"], true);
  EXPECT_EQ(p["public_text"]["nl"], "Te weinig plaatsen.");
  EXPECT_EQ(p["version"], 4) << "one version step per request";
  EXPECT_EQ(api("GET", "/api/v1/concerns/" + id, "parent@example.org").status, 200);
  EXPECT_EQ(api("GET", "/api/v1/concerns/nope", "parent@example.org").status, 404);
  testing::AppClient visitor(*app_, "nl");
  EXPECT_NE(visitor.get("/you-said-we-did").body.find("Te weinig plaatsen."), std::string::npos);
}

// ---- concerns ↔ the plan's actions ------------------------------------------------------------

TEST_P(ParentsTest, ConcernsLinkActionsAndThePublicPageShowsOnlyTheirTitlesAndStatus) {
  {
    auto lease = db().acquire();
    for (auto [id, kind, title, archived] : {std::tuple{"act-saturday", "action", "Zaterdagconsultatie", false},
                                             std::tuple{"act-flyer", "action", "Folder in vijf talen", false},
                                             std::tuple{"act-old", "action", "Oude actie", true},
                                             std::tuple{"obj-1", "objective", "Toegankelijke opvang", false}})
      lease->exec("INSERT INTO plan_items (id, version, created_at, updated_at, archived_at, kind, title, description, "
                  "status, status_reason) VALUES (?, 1, 1, 1, ?, ?, ?, 'INTERNE-BESCHRIJVING', 'on_track', "
                  "'INTERNE-REDEN')",
                  {id, archived ? store::Param(std::int64_t{5}) : store::Param(nullptr), kind, title});
  }
  const std::string body = R"({"text":"De crèche sluit te vroeg","theme":"opening_hours","language":"nl",)"
                           R"("source":"parent_group","raised_on":"2026-03-01","team_id":"team-jette","action_ids":)";
  // Unknown, archived, not an action, not strings: 422 on the field and nothing stored.
  for (const char* bad : {R"(["nope"])", R"(["act-old"])", R"(["obj-1"])", R"([1])"}) {
    auto r = api("POST", "/api/v1/concerns", "facilitator@example.org", body + bad + "}");
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_TRUE(json::parse(r.body)["error"]["fields"].contains("action_ids")) << bad;
  }
  EXPECT_EQ(api("POST", "/api/v1/concerns", "partner@example.org", body + R"(["act-saturday"]})").status, 403)
      << "linking is staff's";
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_concerns"), 0);
  auto created = api("POST", "/api/v1/concerns", "facilitator@example.org", body + R"(["act-saturday"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = json::parse(created.body)["id"];
  EXPECT_EQ(json::parse(created.body)["action_ids"], json::array({"act-saturday"}));
  // A PUT without action_ids keeps them; PATCH replaces them.
  auto put = api("PUT", "/api/v1/concerns/" + id, "facilitator@example.org",
                 R"({"text":"De crèche sluit te vroeg!","theme":"opening_hours","language":"nl","source":"parent_group",)"
                 R"("raised_on":"2026-03-01","team_id":"team-jette"})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body)["action_ids"], json::array({"act-saturday"}));
  auto patched = api("PATCH", "/api/v1/concerns/" + id, "facilitator@example.org", R"({"action_ids":["act-flyer","act-saturday"]})");
  EXPECT_EQ(json::parse(patched.body)["action_ids"], json::array({"act-flyer", "act-saturday"}));
  EXPECT_EQ(json::parse(api("GET", "/api/v1/concerns?team_id=team-jette", "parent@example.org").body)["contents"][0]["action_ids"].size(), 2u);

  // The concern page lists and edits the links (staff), the action page shows the concern to every reader.
  auto coordinator = signed_in("coordinator@example.org");
  auto page = coordinator->get("/parents/concerns/" + id);
  EXPECT_NE(page.body.find("Zaterdagconsultatie"), std::string::npos);
  EXPECT_EQ(coordinator->post("/parents/concerns/" + id + "/actions/remove", "action_id=act-flyer").status, 303);
  EXPECT_EQ(coordinator->post("/parents/concerns/" + id + "/actions", "action_id=act-old").status, 422);
  EXPECT_EQ(testing::audit_count(db(), "parents.concern.unlink_action"), 1);
  EXPECT_EQ(signed_in("partner@example.org")->post("/parents/concerns/" + id + "/actions", "action_id=act-flyer").status, 403);
  auto action = signed_in("parent@example.org")->get("/plan/items/act-saturday");
  ASSERT_EQ(action.status, 200);
  EXPECT_NE(action.body.find("/parents/concerns/" + id), std::string::npos) << "the record panel plan.item";

  // Published: the public page shows the action's title and status, nothing internal; a new link shows at once.
  ASSERT_EQ(publish(*coordinator, id, "public_text_nl=De+cr%C3%A8che+sluit+te+vroeg.&publish=1").status, 303);
  testing::AppClient visitor(*app_, "nl");
  auto pub = visitor.get("/you-said-we-did");
  EXPECT_NE(pub.body.find("Zaterdagconsultatie"), std::string::npos);
  EXPECT_NE(pub.body.find("Op schema"), std::string::npos) << pub.body.substr(0, 3000);
  for (const char* internal : {"INTERNE-BESCHRIJVING", "INTERNE-REDEN", "/plan/items/"})
    EXPECT_EQ(pub.body.find(internal), std::string::npos) << internal;
  EXPECT_EQ(coordinator->post("/parents/concerns/" + id + "/actions", "action_id=act-flyer").status, 303);
  EXPECT_NE(visitor.get("/you-said-we-did").body.find("Folder in vijf talen"), std::string::npos) << "the cache was emptied";
  // An action archived after it was linked stays linked (edits still pass) and leaves the public page.
  db().acquire()->exec("UPDATE plan_items SET archived_at = 9 WHERE id = 'act-flyer'");
  forget_public_pages(*app_);
  EXPECT_EQ(api("PATCH", "/api/v1/concerns/" + id, "facilitator@example.org", R"({"status":"being_discussed"})").status, 200);
  EXPECT_EQ(visitor.get("/you-said-we-did").body.find("Folder in vijf talen"), std::string::npos);
}

// ---- demo ------------------------------------------------------------------------------------

TEST_P(ParentsTest, TheDemoIsIdempotentAndFillsThePublicPage) {
  {
    auto lease = db().acquire();
    lease->exec("UPDATE teams SET name = 'Lokaal team Jette' WHERE id = 'team-jette'");
  }
  load_demo_parents(db(), 1790000000);
  load_demo_parents(db(), 1790000000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_groups"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_concerns"), 8);
  EXPECT_GE(count("SELECT COUNT(*) FROM parents_concerns WHERE published_at IS NOT NULL"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parents_group_meetings"), 3);
  testing::AppClient visitor(*app_, "fr");
  auto page = visitor.get("/you-said-we-did");
  EXPECT_NE(page.body.find("Le Buurthuis a ouvert un moment d&#39;accueil"), std::string::npos);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(ParentsTest);

}  // namespace
}  // namespace samen::parents

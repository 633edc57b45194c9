// The plan through the whole pipeline on both databases: objectives, actions
// and sub-actions created through the forms with history and audit; a cycle
// refused with its message and nothing changed; a dropped status without a
// reason refused, with one recorded in the status history; a stale edit
// answered 409 with the input kept; budgets formatted per language; indicator
// values of the wrong type refused (422) and right ones charted; the vision's
// versions and their comparison; evidence from journal activities respecting
// the journal's visibility, and the panel on the activity's page; the roll-up
// per level with local contributions; the demo plan.
#include <gtest/gtest.h>

#include "demo/demo.hpp"
#include "journal/demo.hpp"
#include "plan/demo.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::plan {
namespace {

using accounts::Role;

class PlanPagesTest : public testing::DatabaseTest {
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
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
    testing::add_test_user(db(), "other@example.org", Role::partner, {"org-b"}, "Julien Ailleurs");
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
    c->get("/plan");  // a page with the CSRF token
    return c;
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::string create(testing::AppClient& client, const std::string& fields) {
    auto r = client.post("/plan/new", fields);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    std::string location = r.header("Location").value_or("");
    EXPECT_EQ(location.rfind("/plan/items/", 0), 0u) << location;
    return location.substr(12, location.find('?') - 12);
  }
  std::string objective(testing::AppClient& client, const std::string& title, const std::string& extra = "") {
    return create(client, "kind=objective&title=" + http::url_encode(title) + extra);
  }
  std::string action(testing::AppClient& client, const std::string& title, const std::string& parent,
                     const std::string& extra = "") {
    return create(client, "kind=action&title=" + http::url_encode(title) + "&parent_id=" + parent + extra);
  }
  std::string add_activity(const std::string& id, const std::string& title, const std::string& visibility) {
    db().acquire()->exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, version, "
                         "created_at, updated_at) VALUES (?, 'partner_meeting', ?, 1760000000, 60, ?, 1, 1, 1)",
                         {id, title, visibility});
    return id;
  }

  std::unique_ptr<app::App> app_;
};

TEST_P(PlanPagesTest, TheHierarchyIsBuiltThroughTheFormsAndACycleIsRefused) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string o = objective(*coordinator, "Elk gezin vindt de weg", "&starts_on=2025-01-01&ends_on=2030-12-31");
  std::string a = action(*coordinator, "Onthaalpunten in vijf wijken", o, "&owner_ids=org-a&budget=65.000");
  std::string b = action(*coordinator, "Onthaalpunt Nieuwland", a);
  std::string c = action(*coordinator, "Woensdagonthaal", b);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_items"), 4);
  EXPECT_EQ(testing::audit_count(db(), "plan.item.create"), 4);

  // a under c (its own sub-sub-action): refused, the form keeps the input, nothing changes.
  auto r = coordinator->post("/plan/items/" + a + "/edit", "version=1&kind=action&title=Onthaalpunten+verplaatst&parent_id=" + c);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Dit zou een kring maken"), std::string::npos);
  EXPECT_NE(r.body.find("Onthaalpunten verplaatst"), std::string::npos);
  auto lease = db().acquire();
  auto stored = lease->exec("SELECT parent_id, title, version FROM plan_items WHERE id = ?", {a});
  EXPECT_EQ(stored.rows.at(0).text(0), o);
  EXPECT_EQ(stored.rows.at(0).text(1), "Onthaalpunten in vijf wijken");
  EXPECT_EQ(stored.rows.at(0).int64(2), 1);
  EXPECT_EQ(coordinator->post("/plan/items/" + a + "/edit", "version=1&kind=action&title=Kring&parent_id=" + a).status, 422);
  // An objective under an action, or an action of the team under a Brussels-wide objective: refused too.
  EXPECT_EQ(coordinator->post("/plan/new", "kind=action&title=Jette&team_id=team-jette&parent_id=" + o).status, 422);
  EXPECT_EQ(coordinator->post("/plan/new", "kind=action&title=Zwevend").status, 422);

  // c moves up to a: allowed; the tree page shows it, with its history.
  EXPECT_EQ(coordinator->post("/plan/items/" + c + "/edit", "version=1&kind=action&title=Woensdagonthaal&parent_id=" + a).status, 303);
  auto page = coordinator->get("/plan/items/" + o);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Woensdagonthaal"), std::string::npos);
  EXPECT_NE(page.body.find("3 acties"), std::string::npos) << page.body.substr(0, 200);
  auto ap = coordinator->get("/plan/items/" + a);
  EXPECT_NE(ap.body.find("65.000,00"), std::string::npos) << "budget in nl-BE";
  auto fr = coordinator->get("/plan/items/" + a + "?lang=fr").body;
  EXPECT_TRUE(fr.find("65\xE2\x80\xAF" "000,00\xC2\xA0\xE2\x82\xAC") != std::string::npos ||
              fr.find("65\xC2\xA0" "000,00\xC2\xA0\xE2\x82\xAC") != std::string::npos)
      << "budget in fr-BE: " << fr.substr(fr.find("Budget"), 200);
  auto crumbs = coordinator->get("/plan/items/" + c + "?lang=nl").body;
  EXPECT_NE(crumbs.find("<ol class=\"plan-breadcrumb\"><li><a href=\"/plan/items/" + o + "\">"), std::string::npos)
      << "its place in the tree: objective, then action";
  // A stale edit keeps the editor's input and says so.
  auto stale = coordinator->post("/plan/items/" + c + "/edit", "version=1&kind=action&title=Mijn+versie&parent_id=" + a);
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn versie"), std::string::npos);
  // An item with active children is not archived; its last child is.
  EXPECT_EQ(coordinator->post("/plan/items/" + a + "/archive", "").status, 409);
  EXPECT_EQ(coordinator->post("/plan/items/" + b + "/archive", "version=1").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_items WHERE archived_at IS NOT NULL"), 1);
}

TEST_P(PlanPagesTest, DroppingNeedsAReasonAndStatusChangesAreKept) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string o = objective(*coordinator, "Een lerend netwerk");
  std::string a = action(*coordinator, "Studiebezoek familiecentra", o);
  auto r = coordinator->post("/plan/items/" + a + "/status", "status=dropped&status_reason=++");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Zeg waarom dit geschrapt wordt"), std::string::npos);
  EXPECT_EQ(coordinator->post("/plan/items/" + a + "/status", "status=at_risk&version=1").status, 303);
  EXPECT_EQ(coordinator->post("/plan/items/" + a + "/status", "status=dropped&status_reason=Te+duur&version=1").status, 409);
  EXPECT_EQ(coordinator->post("/plan/items/" + a + "/status", "status=dropped&status_reason=Te+duur&version=2").status, 303);
  auto page = coordinator->get("/plan/items/" + a);
  auto history = page.body.substr(page.body.find("Statusgeschiedenis"));
  auto at = history.find("In gevaar"), dropped = history.find("Te duur");
  EXPECT_NE(at, std::string::npos);
  ASSERT_NE(dropped, std::string::npos);
  EXPECT_LT(at, dropped) << "oldest first";
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_status_changes WHERE item_id = '" + a + "'"), 3);
  EXPECT_EQ(testing::audit_count(db(), "plan.item.status"), 2);
  // A partner who does not own it may not change it; a parent representative reads.
  EXPECT_EQ(signed_in("partner@example.org")->post("/plan/items/" + a + "/status", "status=done").status, 403);
  EXPECT_EQ(signed_in("parent@example.org")->get("/plan/items/" + a).status, 200);
}

TEST_P(PlanPagesTest, PartnersWorkOnTheirTeamsPlanWhichContributesToTheBrusselsPlan) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string o = objective(*coordinator, "Zachte overgangen");
  auto partner = signed_in("partner@example.org");
  EXPECT_EQ(partner->post("/plan/new", "kind=objective&title=Brusselbreed").status, 422) << "not theirs to make";
  std::string j = objective(*partner, "Jette: zachte start in de kleuterschool", "&team_id=team-jette&contributes_to=" + o);
  std::string ja = action(*partner, "Kijkdagen voor peuters", j, "&team_id=team-jette");
  EXPECT_EQ(signed_in("other@example.org")->get("/plan/items/" + ja + "/edit").status, 403);
  // A Brussels-wide objective cannot "contribute": only a team's items do.
  EXPECT_EQ(coordinator->post("/plan/new", "kind=objective&title=X&contributes_to=" + o).status, 422);
  auto rollup = coordinator->get("/plan");
  ASSERT_EQ(rollup.status, 200);
  EXPECT_NE(rollup.body.find("Lokale bijdragen: Lokaal team Jette"), std::string::npos);
  auto team = coordinator->get("/plan?team=team-jette");
  EXPECT_NE(team.body.find("Kijkdagen voor peuters"), std::string::npos);
  EXPECT_EQ(team.body.find("Zachte overgangen</a>"), std::string::npos) << "the team's own plan only";
  auto brussels = coordinator->get("/plan?team=brussels");
  EXPECT_EQ(brussels.body.find("Kijkdagen voor peuters"), std::string::npos);
  EXPECT_NE(coordinator->get("/plan/items/" + o).body.find("Jette: zachte start"), std::string::npos);
  auto csv = coordinator->get("/plan?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Kijkdagen voor peuters"), std::string::npos);
}

TEST_P(PlanPagesTest, IndicatorValuesOfTheWrongTypeAreRefused) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string o = objective(*coordinator, "Ouders sturen mee");
  auto r = coordinator->post("/plan/items/" + o + "/indicators/new",
                             "name=Oudergroepen&unit=groepen&value_type=integer&baseline=2&target=8");
  ASSERT_EQ(r.status, 303);
  std::string loc = r.header("Location").value_or("");
  std::string ind = loc.substr(17, loc.find('?') - 17);
  auto bad = coordinator->post("/plan/indicators/" + ind + "/values", "measured_on=2025-12-31&value=4%2C5&note=halfjaar");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Geef een geheel getal"), std::string::npos);
  EXPECT_NE(bad.body.find("halfjaar"), std::string::npos) << "the input is kept";
  EXPECT_EQ(coordinator->post("/plan/indicators/" + ind + "/values", "measured_on=2025-12-31&value=veel").status, 422);
  EXPECT_EQ(coordinator->post("/plan/indicators/" + ind + "/values", "measured_on=2025-13-01&value=4").status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_indicator_values"), 0);
  EXPECT_EQ(coordinator->post("/plan/indicators/" + ind + "/values", "measured_on=2025-12-31&value=4").status, 303);
  EXPECT_EQ(coordinator->post("/plan/indicators/" + ind + "/values", "measured_on=2025-12-31&value=5").status, 422)
      << "one value per date";
  EXPECT_EQ(coordinator->post("/plan/indicators/" + ind + "/values", "measured_on=2026-06-30&value=6").status, 303);
  auto page = coordinator->get("/plan/indicators/" + ind);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  EXPECT_NE(page.body.find("<table"), std::string::npos) << "the chart's data table";
  // A type the measured values do not fit any more is refused.
  EXPECT_EQ(coordinator->post("/plan/indicators/" + ind + "/edit", "version=1&name=Oudergroepen&value_type=percentage&target=8").status,
            303);
  EXPECT_EQ(coordinator->post("/plan/indicators/" + ind + "/values", "measured_on=2026-12-31&value=101").status, 422);
  EXPECT_NE(coordinator->get("/plan/items/" + o).body.find("Oudergroepen"), std::string::npos);
}

TEST_P(PlanPagesTest, TheVisionKeepsEveryVersionAndComparesThem) {
  auto coordinator = signed_in("coordinator@example.org");
  EXPECT_EQ(signed_in("facilitator@example.org")->get("/plan/vision/edit").status, 403);
  EXPECT_EQ(coordinator->post("/plan/vision/edit", "version=0&text_nl=Samen+sterk%0AOuders+zijn+partners&text_fr=Ensemble").status, 303);
  EXPECT_EQ(coordinator->post("/plan/vision/edit",
                              "version=1&text_nl=Samen+sterk%0AOuders+zijn+partners%0AWe+leren+samen&text_fr=Ensemble&note=leren")
                .status, 303);
  auto stale = coordinator->post("/plan/vision/edit", "version=1&text_nl=Mijn+tekst&text_fr=");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn tekst"), std::string::npos);
  EXPECT_EQ(coordinator->post("/plan/vision/edit", "version=2&text_nl=%3Cscript%3Ealert(1)%3C%2Fscript%3E%0A**Samen**&text_fr=").status,
            303);
  auto vision = coordinator->get("/plan/vision");
  EXPECT_NE(vision.body.find("<strong>Samen</strong>"), std::string::npos);
  EXPECT_EQ(vision.body.find("<script>alert"), std::string::npos) << "Markdown in safe mode";
  auto old = coordinator->get("/plan/vision?version=1");
  EXPECT_NE(old.body.find("Ouders zijn partners"), std::string::npos);
  auto compare = coordinator->get("/plan/vision/history?from=1&to=2");
  ASSERT_EQ(compare.status, 200);
  EXPECT_NE(compare.body.find("<ins>We leren samen</ins>"), std::string::npos) << compare.body.substr(0, 100);
  EXPECT_EQ(compare.body.find("<del>"), std::string::npos);
  EXPECT_EQ(coordinator->get("/plan/vision/history?from=1&to=9").status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_vision_versions"), 3);
  EXPECT_EQ(testing::audit_count(db(), "plan.vision.update"), 3);
}

TEST_P(PlanPagesTest, EvidenceRespectsTheJournalsVisibility) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string o = objective(*coordinator, "Een lerend netwerk");
  std::string a = action(*coordinator, "Intervisie voor medewerkers", o, "&owner_ids=org-a");
  add_activity("act-open", "Intervisie maart", "network");
  add_activity("act-secret", "Interview vertrouwelijk", "facilitators");
  EXPECT_EQ(coordinator->post("/plan/links", "item_id=" + a + "&activity_id=act-open").status, 303);
  EXPECT_EQ(coordinator->post("/plan/links", "item_id=" + a + "&activity_id=act-secret").status, 303);
  EXPECT_EQ(coordinator->post("/plan/links", "item_id=" + o + "&activity_id=act-open").status, 422) << "actions only";
  auto staff = coordinator->get("/plan/items/" + a);
  EXPECT_NE(staff.body.find("Interview vertrouwelijk"), std::string::npos);
  auto partner = signed_in("partner@example.org");
  auto seen = partner->get("/plan/items/" + a);
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Intervisie maart"), std::string::npos);
  EXPECT_EQ(seen.body.find("Interview vertrouwelijk"), std::string::npos) << "a facilitators-only activity stays hidden";
  EXPECT_EQ(partner->post("/plan/links/remove", "item_id=" + a + "&activity_id=act-secret").status, 404);
  // The activity's page shows the action it serves, with a form to link another.
  auto activity = partner->get("/journal/act-open");
  ASSERT_EQ(activity.status, 200);
  EXPECT_NE(activity.body.find("Acties uit het meerjarenplan"), std::string::npos);
  EXPECT_NE(activity.body.find("Intervisie voor medewerkers"), std::string::npos);
  EXPECT_EQ(partner->post("/plan/links/remove", "item_id=" + a + "&activity_id=act-open&back=activity").header("Location"),
            "/journal/act-open?done=plan_link_saved#plan-actions");
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_activity_links"), 1);
  EXPECT_EQ(testing::audit_count(db(), "plan.item.link"), 2);
  EXPECT_EQ(testing::audit_count(db(), "plan.item.unlink"), 1);
  // Linking an activity the caller may not see answers as if it did not exist.
  EXPECT_EQ(partner->post("/plan/links", "item_id=" + a + "&activity_id=act-secret").status, 404);
}

TEST_P(PlanPagesTest, TheDemoPlanLoadsOnceAndShows) {
  demo::load_network(db(), 1796000000);
  journal::load_demo_journal(db(), 1796000000);
  EXPECT_EQ(load_demo_plan(db(), 1796000000), 31);
  EXPECT_EQ(load_demo_plan(db(), 1796000000), 0) << "idempotent";
  EXPECT_GE(count("SELECT COUNT(*) FROM plan_activity_links"), 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_vision_versions"), 2);
  auto coordinator = signed_in("coordinator@example.org");
  auto rollup = coordinator->get("/plan");
  ASSERT_EQ(rollup.status, 200);
  EXPECT_NE(rollup.body.find("Lokaal team Nieuwland"), std::string::npos);
  EXPECT_NE(coordinator->get("/plan/vision").body.find("Ensemble pour les familles"), std::string::npos);
  // The dashboard: the indicators' latest values (410 families at the last measurement), their charts, overdue actions.
  auto dashboard = coordinator->get("/plan/dashboard");
  ASSERT_EQ(dashboard.status, 200);
  auto row = dashboard.body.find("Gezinnen die een onthaalpunt bezochten</a>");
  ASSERT_NE(row, std::string::npos);
  EXPECT_NE(dashboard.body.find("<td>410</td>", row), std::string::npos);
  EXPECT_NE(dashboard.body.find("<svg"), std::string::npos);
  EXPECT_NE(dashboard.body.find("Onthaalpunt Anderlecht"), std::string::npos) << "ended 2026-10-31, at risk: overdue";
  EXPECT_EQ(coordinator->get("/plan/timeline").status, 200);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(PlanPagesTest);

}  // namespace
}  // namespace samen::plan

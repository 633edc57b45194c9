// The coordinator's wave pages and the profiles page on both databases: a wave
// opened for a team with a choice of organisations (bad input → the form back
// with the input kept, nothing stored), invitations from the wave page (the
// e-mail with the survey link in the respondent's language goes to the
// outbox; a bad address and a second respondent are refused with the input
// kept), who has not answered, reminders, closing with the version read, the
// audit of reads of respondents' addresses; sectors and language communities.
#include <gtest/gtest.h>

#include "monitoring/profiles.hpp"
#include "monitoring/waves.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

using accounts::Role;

class WavePagesTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'De Vlinder', 1, 1), "
             "('org-b', 'Les Petits Pas', 1, 1), ('org-c', 'OCMW Jette', 1, 1), ('org-d', 'Huis van het Kind', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', "
             "'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a'), "
             "('team-jette', 'org-b'), ('team-jette', 'org-c')");
    }
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
    app_ = testing::make_test_app(test_db(), 4, [](app::AppOptions& o) {
      o.settings["public-url"] = "https://samen.example";
    });
    client_ = std::make_unique<testing::AppClient>(*app_, "en");
    client_->login("coordinator@example.org", testing::kTestPassword);
    client_->get("/monitoring?lang=en");  // English from now on (kept in the account), and the session's CSRF token
  }
  void TearDown() override {
    client_.reset();
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::string only_wave() { return db().acquire()->exec("SELECT id FROM monitoring_waves").rows.at(0).text(0); }

  std::unique_ptr<app::App> app_;
  std::unique_ptr<testing::AppClient> client_;
};

TEST_P(WavePagesTest, OpensAWaveForATeamAndKeepsTheInputOnAProblem) {
  auto& c = *client_;
  auto form = c.get("/monitoring/waves/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Lokaal team Jette"), std::string::npos);

  // No name: the form back, the choices kept, nothing stored.
  auto bad = c.post("/monitoring/waves/new", "name=&team=team-jette&organizations=org-a&organizations=org-b");
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Give the wave a name"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("value=\"org-b\" checked"), std::string::npos);
  EXPECT_EQ(bad.body.find("value=\"org-c\" checked"), std::string::npos);
  EXPECT_NE(bad.body.find("<option value=\"team-jette\" selected>"), std::string::npos);
  // An organisation outside the team.
  auto outside = c.post("/monitoring/waves/new", "name=Jette+2026&team=team-jette&organizations=org-a&organizations=org-d");
  ASSERT_EQ(outside.status, 422);
  EXPECT_NE(outside.body.find("value=\"Jette 2026\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_waves"), 0);

  auto made = c.post("/monitoring/waves/new", "name=Jette+2026&team=team-jette&organizations=org-a&organizations=org-b");
  ASSERT_EQ(made.status, 303) << made.body;
  std::string id = only_wave();
  EXPECT_EQ(made.header("Location"), "/monitoring/waves/" + id + "?done=monitoring_wave_opened");
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_wave_organizations WHERE wave_id = '" + id + "'"), 2);
  EXPECT_EQ(testing::audit_count(db(), "monitoring.wave.create"), 1);
  auto list = c.get("/monitoring");
  EXPECT_NE(list.body.find("Jette 2026"), std::string::npos);
  EXPECT_NE(list.body.find("Lokaal team Jette"), std::string::npos);
}

TEST_P(WavePagesTest, InvitesRemindsAndClosesFromTheWavePage) {
  auto& c = *client_;
  ASSERT_EQ(c.post("/monitoring/waves/new", "name=Brussel+2026").status, 303);
  std::string id = only_wave(), page = "/monitoring/waves/" + id;
  auto before = c.get(page);
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("4 organisations, 0 invited, 0 answered."), std::string::npos) << before.body;

  // A bad address: the row's form keeps the input.
  auto bad = c.post(page + "/invitations", "organization_id=org-b&email=not-an-address&name=Bert&lang=fr");
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Give a valid e-mail address."), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"Bert\""), std::string::npos);
  EXPECT_NE(bad.body.find("<option value=\"fr\" selected>"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);

  auto ok = c.post(page + "/invitations", "organization_id=org-b&email=bert%40example.org&name=Bert&lang=fr");
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto mail = db().acquire()->exec("SELECT recipient, subject, body_text FROM outbox");
  ASSERT_EQ(mail.rows.size(), 1u);
  EXPECT_EQ(mail.rows[0].text(0), "bert@example.org");
  EXPECT_NE(mail.rows[0].text(2).find("https://samen.example/survey/"), std::string::npos);
  EXPECT_NE(mail.rows[0].text(1).find("Brussel 2026"), std::string::npos);
  // One respondent per organisation.
  auto twice = c.post(page + "/invitations", "organization_id=org-b&email=other%40example.org&lang=nl");
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("one respondent per organisation"), std::string::npos);
  ASSERT_EQ(c.post(page + "/invitations", "organization_id=org-c&email=c%40example.org&name=Chris&lang=nl").status,
            303);

  // The page shows the respondents (an audited read) and who has not answered.
  auto audited = testing::audit_count(db(), "monitoring.invitations.read");
  auto shown = c.get(page);
  EXPECT_NE(shown.body.find("bert@example.org"), std::string::npos);
  EXPECT_EQ(testing::audit_count(db(), "monitoring.invitations.read"), audited + 1);
  {
    auto lease = db().acquire();
    for (const auto& inv : invitations(*lease, id))
      if (inv.organization_id == "org-c") submit(*lease, inv, 100);
  }
  auto waiting = c.get(page + "?show=not_answered");
  EXPECT_NE(waiting.body.find("Les Petits Pas"), std::string::npos);
  EXPECT_EQ(waiting.body.find("OCMW Jette"), std::string::npos);
  EXPECT_EQ(waiting.body.find("De Vlinder"), std::string::npos);  // not invited: not waiting for an answer

  // Reminders go to the one who has not answered.
  ASSERT_EQ(c.post(page + "/reminders", "").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'bert@example.org'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'c@example.org'"), 1);

  // Closing names the version read; a stale one changes nothing.
  auto stale = c.post(page + "/close", "version=7");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_waves WHERE closed_at IS NOT NULL"), 0);
  ASSERT_EQ(c.post(page + "/close", "version=1").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_waves WHERE closed_at IS NOT NULL"), 1);
  EXPECT_EQ(c.post(page + "/reminders", "").status, 409);
  auto closed = c.get(page);
  EXPECT_EQ(closed.body.find("/invitations\""), std::string::npos);  // no invitation forms on a closed wave
  EXPECT_EQ(c.get("/monitoring/waves/no-such-wave").status, 404);
}

TEST_P(WavePagesTest, CoordinatorsSetSectorsAndLanguageCommunities) {
  auto& c = *client_;
  auto page = c.get("/monitoring/organizations");
  ASSERT_EQ(page.status, 200);
  auto bad = c.post("/monitoring/organizations",
                    "organization=org-a&sector=health&language=nl&organization=org-b&sector=circus&language=fr");
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Choose a sector from the list."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_organization_profiles"), 0);  // nothing half-saved
  ASSERT_EQ(c.post("/monitoring/organizations",
                   "organization=org-a&sector=health&language=nl&organization=org-b&sector=childcare&language=fr")
                .status,
            303);
  auto lease = db().acquire();
  auto profiles = load_profiles(*lease);
  EXPECT_EQ(profiles["org-a"].sector, "health");
  EXPECT_EQ(profiles["org-b"].language, "fr");
  EXPECT_EQ(profile_of(profiles, "org-c").sector, "other");
}

SAMEN_INSTANTIATE_FOR_BACKENDS(WavePagesTest);

}  // namespace
}  // namespace samen::monitoring

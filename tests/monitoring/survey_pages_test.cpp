// The respondent's survey pages through the whole pipeline on both databases:
// the token link opens the form in the invitation's language, without an
// account; groups and the GET search narrow the list; each organisation's form
// saves on its own (a redirect without JavaScript, the form itself for htmx)
// and comes back filled in; bad input gives the form back with the input kept
// and a message, storing nothing; self-ties, organisations outside the wave,
// another organisation's answers, a second submit and a closed wave are
// refused.
#include <gtest/gtest.h>

#include "monitoring/profiles.hpp"
#include "monitoring/waves.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

class SurveyPagesTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
    auto lease = db().acquire();
    auto& c = *lease;
    c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'De Vlinder', 1, 1), "
           "('org-b', 'Les Petits Pas', 1, 1), ('org-c', 'OCMW Jette', 1, 1), ('org-d', 'Buiten de golf', 1, 1)");
    save_profile(c, "org-b", {"childcare", "fr"}, 1);
    save_profile(c, "org-c", {"social", "bilingual"}, 1);
    wave_ = create_wave(c, {"Brussel 2026", std::nullopt, {"org-a", "org-b", "org-c"}, std::nullopt}, 10).id;
    token_ = invite(c, i18n::Catalog::embedded(), wave_, {"org-a", "a@example.org", "Anna", "fr"}, "", 11);
    other_token_ = invite(c, i18n::Catalog::embedded(), wave_, {"org-b", "b@example.org", "Bert", "nl"}, "", 11);
    }
    app_ = testing::make_test_app(test_db());
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::string url(const std::string& rest = "") { return "/survey/" + token_ + rest; }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }

  std::string wave_, token_, other_token_;
  std::unique_ptr<app::App> app_;
};

TEST_P(SurveyPagesTest, TheLinkOpensTheFormInTheRespondentsLanguageWithGroups) {
  testing::AppClient client(*app_, "nl");  // the browser says Dutch; the invitation says French
  auto page = client.get(url());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Enquête pour"), std::string::npos);
  EXPECT_NE(page.body.find("De Vlinder"), std::string::npos);  // whose answers these are
  EXPECT_EQ(page.header("Cache-Control"), "no-store");
  // The groups: sectors of the other organisations, not the respondent's own.
  EXPECT_NE(page.body.find("?group=childcare"), std::string::npos);
  EXPECT_NE(page.body.find("?group=social"), std::string::npos);
  EXPECT_EQ(page.body.find("?group=other"), std::string::npos);
  EXPECT_NE(page.body.find("pour 0 des 2 organisations"), std::string::npos);
  EXPECT_NE(page.body.find("0 sur 1 répondues"), std::string::npos);
  // The language switch wins over the invitation's.
  EXPECT_NE(client.get(url("?lang=en")).body.find("Survey for"), std::string::npos);

  auto group = client.get(url("?group=childcare&lang=fr"));
  EXPECT_NE(group.body.find("Les Petits Pas"), std::string::npos);
  EXPECT_EQ(group.body.find("OCMW Jette"), std::string::npos);
  EXPECT_EQ(group.body.find("action=\"/survey/" + token_ + "/ties/org-a\""), std::string::npos);  // never itself
}

TEST_P(SurveyPagesTest, TheSearchWorksWithoutScriptAcrossGroups) {
  testing::AppClient client(*app_);
  auto found = client.get(url("?q=jette"));
  ASSERT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("OCMW Jette"), std::string::npos);
  EXPECT_EQ(found.body.find("Les Petits Pas"), std::string::npos);
  // Accents and case do not matter.
  EXPECT_NE(client.get(url("?q=PETITS")).body.find("Les Petits Pas"), std::string::npos);
  auto none = client.get(url("?q=zzz"));
  EXPECT_NE(none.body.find("Aucune organisation ne correspond."), std::string::npos);
  EXPECT_EQ(client.get(url("?q=buiten")).body.find("Buiten de golf"), std::string::npos);  // outside the wave
}

TEST_P(SurveyPagesTest, EachOrganisationSavesOnItsOwnAndComesBackFilledIn) {
  testing::AppClient client(*app_);
  client.get(url("?group=childcare"));
  auto saved = client.post(url("/ties/org-b"),
                           "source=org-a&group=childcare&frequency=monthly&integration=cooperating&trust_reliability=3"
                           "&trust_openness=4&value_influence=2&resources=expertise&resources=space");
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto location = saved.header("Location").value_or("");
  EXPECT_EQ(location.rfind(url("?group=childcare&saved=1#o"), 0), 0u) << location;
  auto rows = db().acquire()->exec(
      "SELECT contact_frequency, integration, trust_reliability, trust_openness, trust_mission, value_influence, "
      "resources FROM monitoring_ties WHERE source_id = 'org-a' AND target_id = 'org-b'");
  ASSERT_EQ(rows.rows.size(), 1u);
  EXPECT_EQ(rows.rows[0].text(0), "monthly");
  EXPECT_EQ(rows.rows[0].text(1), "cooperating");
  EXPECT_EQ(rows.rows[0].int64(2), 3);
  EXPECT_EQ(rows.rows[0].int64(3), 4);
  EXPECT_TRUE(rows.rows[0].is_null(4));
  EXPECT_EQ(rows.rows[0].int64(5), 2);
  EXPECT_EQ(rows.rows[0].text(6), "expertise,space");

  // Coming back with the link (a new browser): the answers are there.
  testing::AppClient later(*app_);
  auto back = later.get(url("?group=childcare"));
  EXPECT_NE(back.body.find("<option value=\"monthly\" selected>"), std::string::npos);
  EXPECT_NE(back.body.find("<option value=\"cooperating\" selected>"), std::string::npos);
  EXPECT_NE(back.body.find("value=\"space\" checked"), std::string::npos);
  EXPECT_NE(back.body.find("Répondu"), std::string::npos);
  EXPECT_NE(later.get(url()).body.find("pour 1 des 2 organisations"), std::string::npos);

  // htmx: the answer is the organisation's form itself, marked saved.
  auto fragment = client.request("POST", url("/ties/org-c"),
                                 "_csrf=" + client.csrf() + "&source=org-a&frequency=weekly&integration=collaborating",
                                 "application/x-www-form-urlencoded", {{"hx-request", "true"}});
  ASSERT_EQ(fragment.status, 200) << fragment.body;
  EXPECT_EQ(fragment.body.rfind("<details class=\"survey-org\"", 0), 0u) << fragment.body.substr(0, 200);
  EXPECT_NE(fragment.body.find("Enregistré"), std::string::npos);
  EXPECT_EQ(fragment.body.find("<html"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_ties WHERE source_id = 'org-a'"), 2);
}

TEST_P(SurveyPagesTest, BadInputGivesTheFormBackWithTheInputKeptAndStoresNothing) {
  testing::AppClient client(*app_);
  client.get(url("?group=childcare"));
  auto bad = client.post(url("/ties/org-b"),
                         "source=org-a&group=childcare&frequency=weekly&integration=networking&trust_openness=9"
                         "&resources=funding");
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Un score va de 1 à 4."), std::string::npos) << bad.body.substr(0, 2000);
  EXPECT_NE(bad.body.find("<option value=\"weekly\" selected>"), std::string::npos);
  EXPECT_NE(bad.body.find("<option value=\"networking\" selected>"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"funding\" checked"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_ties"), 0);

  auto level = client.post(url("/ties/org-b"), "source=org-a&integration=merging&frequency=yearly");
  ASSERT_EQ(level.status, 422);
  EXPECT_NE(level.body.find("<option value=\"yearly\" selected>"), std::string::npos);
  // htmx gets the form alone, with the message.
  auto fragment = client.request("POST", url("/ties/org-b"), "_csrf=" + client.csrf() + "&source=org-a&value_influence=x",
                                 "application/x-www-form-urlencoded", {{"hx-request", "true"}});
  EXPECT_EQ(fragment.status, 422);
  EXPECT_NE(fragment.body.find("role=\"alert\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_ties"), 0);

  // The self-assessment: a score off the scale keeps what was chosen.
  client.get(url());
  auto factors = client.post(url("/factors"), "shared_vision=4&clear_roles=7");
  ASSERT_EQ(factors.status, 422);
  EXPECT_NE(factors.body.find("value=\"4\" checked"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_self_assessments"), 0);
  auto ok = client.post(url("/factors"), "shared_vision=4&clear_roles=2");
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_self_assessments"), 2);
  EXPECT_NE(client.get(url()).body.find("id=\"factor-clear_roles-2\" name=\"clear_roles\" value=\"2\" checked"),
            std::string::npos);
}

TEST_P(SurveyPagesTest, RefusesSelfTiesOutsidersOtherOrganisationsAndUnknownLinks) {
  testing::AppClient client(*app_);
  client.get(url());
  auto self = client.post(url("/ties/org-a"), "source=org-a&integration=networking");
  EXPECT_EQ(self.status, 422);
  EXPECT_NE(self.body.find("un lien avec soi-même"), std::string::npos) << self.body.substr(0, 3000);
  auto outside = client.post(url("/ties/org-d"), "source=org-a&integration=networking");
  EXPECT_EQ(outside.status, 422);
  EXPECT_NE(outside.body.find("ne fait pas partie de cette vague"), std::string::npos);
  auto other = client.post(url("/ties/org-c"), "source=org-b&integration=networking");
  EXPECT_EQ(other.status, 403);
  EXPECT_NE(other.body.find("que pour votre propre organisation"), std::string::npos);
  EXPECT_EQ(client.get("/survey/not-a-token").status, 404);
  EXPECT_EQ(client.post("/survey/not-a-token/submit", "").status, 404);
  // Without the CSRF token nothing is saved.
  EXPECT_EQ(client.request("POST", url("/ties/org-c"), "source=org-a&integration=networking").status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_ties"), 0);
}

TEST_P(SurveyPagesTest, SubmitsOnceAndNothingChangesAfterSubmitOrClose) {
  testing::AppClient client(*app_);
  client.get(url("?group=social"));
  ASSERT_EQ(client.post(url("/ties/org-c"), "source=org-a&integration=networking").status, 303);
  auto done = client.post(url("/submit"), "");
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_invitations WHERE organization_id = 'org-a' AND submitted_at IS "
                  "NOT NULL"),
            1);
  EXPECT_EQ(testing::audit_count(db(), "monitoring.survey.submit"), 1);
  auto page = client.get(url());
  EXPECT_NE(page.body.find("ont été envoyées"), std::string::npos);
  EXPECT_EQ(page.body.find("/ties/"), std::string::npos);  // no forms any more
  auto late = client.post(url("/ties/org-b"), "source=org-a&integration=networking");
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(late.body.find("ne peuvent plus changer"), std::string::npos);
  EXPECT_EQ(client.post(url("/submit"), "").status, 409);

  // The other respondent, after the wave was closed (in Dutch, the invitation's language).
  {
    auto lease = db().acquire();
    close_wave(*lease, wave_, 20);
  }
  testing::AppClient b(*app_, "en");
  b.get("/login");  // a page with a form: the visitor's CSRF token
  auto closed = b.get("/survey/" + other_token_);
  EXPECT_NE(closed.body.find("Deze bevraging is afgesloten"), std::string::npos);
  auto refused = b.post("/survey/" + other_token_ + "/ties/org-c", "source=org-b&integration=networking");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_ties WHERE source_id = 'org-b'"), 0);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SurveyPagesTest);

}  // namespace
}  // namespace samen::monitoring

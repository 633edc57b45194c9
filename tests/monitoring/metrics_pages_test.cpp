// A wave's metrics page on both databases: figures of the ties as reported
// and as confirmed by both sides, trust and value received, the share of ties
// per integration level, subnetworks by sector, team and language community;
// drafts do not count; a bad choice is a 400 in the reader's language.
#include <gtest/gtest.h>

#include "monitoring/analysis.hpp"
#include "monitoring/profiles.hpp"
#include "monitoring/waves.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

using accounts::Role;

class MetricsPagesTest : public testing::DatabaseTest {
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
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a'), ('team-jette', 'org-b')");
      save_profile(c, "org-a", {"childcare", "nl"}, 1);
      save_profile(c, "org-b", {"childcare", "fr"}, 1);
      save_profile(c, "org-c", {"social", "bilingual"}, 1);
      wave_ = create_wave(c, {"Brussel 2026", std::nullopt, {}, std::nullopt}, 10).id;
      const auto& cat = i18n::Catalog::embedded();
      std::map<std::string, Invitation> inv;
      for (const char* o : {"org-a", "org-b", "org-c"}) {
        invite(c, cat, wave_, {o, std::string(o) + "@example.org", "R", "nl"}, "", 11);
      }
      for (auto& i : invitations(c, wave_)) inv[i.organization_id] = i;
      auto tie = [&](const char* s, const char* t, const char* level, int trust, int value) {
        TieAnswer a;
        a.target_id = t;
        a.integration = level;
        a.trust = {trust, trust, trust};
        a.value = {value, value, value};
        save_tie(c, inv[s], a, 12);
      };
      tie("org-a", "org-b", "cooperating", 4, 3);
      tie("org-b", "org-a", "networking", 2, 2);
      tie("org-a", "org-c", "coordinating", 3, 1);
      tie("org-b", "org-c", "none", 1, 1);          // an answer, not a tie
      tie("org-c", "org-a", "collaborating", 4, 4);  // a draft: org-c does not submit
      submit(c, inv["org-a"], 13);
      submit(c, inv["org-b"], 13);
    }
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
    app_ = testing::make_test_app(test_db());
    client_ = std::make_unique<testing::AppClient>(*app_, "en");
    client_->login("coordinator@example.org", testing::kTestPassword);
    client_->get("/monitoring?lang=en");  // English from now on (kept in the account), and the session's CSRF token
  }
  void TearDown() override {
    client_.reset();
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::string wave_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<testing::AppClient> client_;
};

TEST_P(MetricsPagesTest, SubnetworksCountTheTiesInsideThem) {
  auto lease = db().acquire();
  WaveData data = load_wave_data(*lease, wave_);
  EXPECT_EQ(data.answers.size(), 4u);  // org-c's draft left out
  auto whole = metrics_of(data, data.wave.organization_ids, false);
  EXPECT_EQ(whole.metrics.nodes, 4);
  EXPECT_EQ(whole.metrics.edges, 3);
  ASSERT_TRUE(whole.trust_received.at("org-b"));
  EXPECT_DOUBLE_EQ(*whole.trust_received.at("org-b"), 4.0);
  EXPECT_DOUBLE_EQ(*whole.trust_received.at("org-c"), 2.0);  // (3 + 1) / 2 per item
  EXPECT_FALSE(whole.trust_received.at("org-d"));
  EXPECT_DOUBLE_EQ(whole.integration_share.at("cooperating"), 1.0 / 3.0);
  EXPECT_EQ(metrics_of(data, data.wave.organization_ids, true).metrics.edges, 1);

  auto by_sector = subnetworks(data, Cut::sector, false, core::load_network(*lease), load_profiles(*lease),
                               i18n::Lang::en, [](const std::string& k) { return k; });
  ASSERT_EQ(by_sector.size(), 3u);  // childcare, social, other (org-d)
  EXPECT_EQ(by_sector[0].code, "childcare");
  EXPECT_EQ(by_sector[0].metrics.metrics.nodes, 2);
  EXPECT_EQ(by_sector[0].metrics.metrics.edges, 2);  // a→b, b→a; a→c leaves the sector
  EXPECT_EQ(by_sector[0].label, "monitoring.sector.childcare");
  auto by_team = subnetworks(data, Cut::team, true, core::load_network(*lease), load_profiles(*lease), i18n::Lang::en,
                             [](const std::string& k) { return k; });
  ASSERT_EQ(by_team.size(), 1u);
  EXPECT_EQ(by_team[0].label, "Lokaal team Jette");
  EXPECT_EQ(by_team[0].metrics.metrics.edges, 1);
}

TEST_P(MetricsPagesTest, ThePageShowsFiguresLevelsSubnetworksAndOrganisations) {
  auto page = client_->get("/monitoring/waves/" + wave_ + "/metrics");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("3 ties as reported; 1 confirmed by both sides."), std::string::npos);
  EXPECT_NE(page.body.find("<dt>Density</dt><dd>0.25</dd>"), std::string::npos) << page.body;  // 3 / (4 × 3)
  EXPECT_NE(page.body.find("<dt>Reciprocity</dt>"), std::string::npos);
  EXPECT_NE(page.body.find("Childcare"), std::string::npos);
  // The most connected first: De Vlinder (degree 3) before OCMW Jette and the isolated Huis van het Kind.
  auto a = page.body.find(">De Vlinder<"), c = page.body.find(">OCMW Jette<"), d = page.body.find(">Huis van het Kind<");
  ASSERT_NE(a, std::string::npos);
  EXPECT_LT(a, c);
  EXPECT_LT(c, d);

  auto confirmed = client_->get("/monitoring/waves/" + wave_ + "/metrics?ties=confirmed&by=language");
  ASSERT_EQ(confirmed.status, 200);
  EXPECT_EQ(confirmed.body.find("<dt>Reciprocity</dt>"), std::string::npos);  // undirected
  EXPECT_NE(confirmed.body.find("Bilingual"), std::string::npos);
  EXPECT_NE(confirmed.body.find("<dt>Ties</dt><dd>1</dd>"), std::string::npos);
  auto bad = client_->get("/monitoring/waves/" + wave_ + "/metrics?ties=some");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("ties=confirmed"), std::string::npos);
  EXPECT_EQ(client_->get("/monitoring/waves/nope/metrics").status, 404);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(MetricsPagesTest);

}  // namespace
}  // namespace samen::monitoring

// The network core (core/network.hpp and the core module's page and API) on
// both databases: teams with their areas and member organisations, names in
// the reader's language, people per organisation only for coordinators and
// admins (each read audited), and the exports of the network page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/audit.hpp"
#include "accounts/sessions.hpp"
#include "core/network.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::core {
namespace {

using accounts::Role;

class NetworkTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
    auto lease = db().acquire();
    auto& c = *lease;
    for (auto [id, name] : {std::pair{"org-kdv", "Kinderdagverblijf De Vlinder"}, std::pair{"org-ocmw", "OCMW Jette"},
                            std::pair{"org-gone", "Gesloten vzw"}})
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, 1, 1)", {id, name});
    c.exec("UPDATE organizations SET archived_at = 2 WHERE id = 'org-gone'");
    c.exec("INSERT INTO translations (resource_type, resource_id, field, lang, value) VALUES "
           "('organization', 'org-kdv', 'name', 'fr', 'Crèche Le Papillon')");
    c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-bxl', 'Huis van het Kind Brussel', "
           "'partnership', 1, 1), ('team-jette', 'Lokaal team Jette', 'local_team', 1, 1)");
    c.exec("INSERT INTO translations (resource_type, resource_id, field, lang, value) VALUES "
           "('team', 'team-jette', 'name', 'fr', 'Équipe locale Jette')");
    c.exec("INSERT INTO team_areas (team_id, municipality, neighbourhood) VALUES ('team-jette', '21010', '')");
    c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-kdv'), "
           "('team-jette', 'org-ocmw'), ('team-bxl', 'org-kdv'), ('team-jette', 'org-gone')");
    }
    testing::add_test_user(db(), "lotte@example.org", Role::partner, {"org-kdv"}, "Lotte Peeters");
    auto gone = testing::add_test_user(db(), "old@example.org", Role::partner, {"org-kdv"}, "Oud Account");
    accounts::set_disabled(*db().acquire(), gone, true, 2);
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
    testing::add_test_user(db(), "facilitator@example.org", Role::facilitator);
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<testing::AppClient> signed_in(const std::string& email, const std::string& lang = "nl") {
    auto c = std::make_unique<testing::AppClient>(*app_, lang);
    EXPECT_EQ(c->login(email, testing::kTestPassword).status, 303);
    return c;
  }
  std::int64_t audits(const std::string& action) { return testing::audit_count(db(), action); }
  std::unique_ptr<app::App> app_;
};

TEST_P(NetworkTest, LoadsTeamsAreasMembersAndNamesWithoutArchivedOrganisations) {
  auto lease = db().acquire();
  Network n = load_network(*lease);
  ASSERT_EQ(n.teams.size(), 2u);
  EXPECT_EQ(n.teams[0].kind, "partnership") << "the partnership comes first";
  const NetworkTeam* jette = n.team("team-jette");
  ASSERT_NE(jette, nullptr);
  EXPECT_EQ(jette->name.in(i18n::Lang::fr), "Équipe locale Jette");
  EXPECT_EQ(jette->name.in(i18n::Lang::en), "Lokaal team Jette") << "falls back to Dutch";
  ASSERT_EQ(jette->areas.size(), 1u);
  EXPECT_EQ(jette->areas[0].municipality, "21010");
  EXPECT_EQ(jette->member_ids, (std::vector<std::string>{"org-kdv", "org-ocmw"})) << "archived organisation left out";
  EXPECT_EQ(n.organization("org-gone"), nullptr);
  EXPECT_EQ(n.organization("org-kdv")->name.in(i18n::Lang::fr), "Crèche Le Papillon");
  EXPECT_EQ(teams_of_organizations(n, {"org-kdv"}), (std::vector<std::string>{"team-bxl", "team-jette"}));
  EXPECT_NE(load_network(*lease, true).organization("org-gone"), nullptr);

  auto people = network_people(*lease);
  std::vector<std::string> names;
  for (const auto& p : people) names.push_back(p.name);
  EXPECT_EQ(std::count(names.begin(), names.end(), "Oud Account"), 0) << "disabled accounts are not in the network";
  auto lotte = std::find_if(people.begin(), people.end(), [](const Person& p) { return p.name == "Lotte Peeters"; });
  ASSERT_NE(lotte, people.end());
  EXPECT_EQ(lotte->organization_ids, (std::vector<std::string>{"org-kdv"}));
}

TEST_P(NetworkTest, ThePageShowsTeamsToEveryoneAndPeopleOnlyToCoordinatorsWithAnAudit) {
  auto facilitator = signed_in("facilitator@example.org");
  auto page = facilitator->get("/network?lang=fr");  // the account prefers Dutch
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Équipe locale Jette"), std::string::npos);
  EXPECT_NE(page.body.find("Jette"), std::string::npos);
  EXPECT_NE(page.body.find("Crèche Le Papillon"), std::string::npos);
  EXPECT_EQ(page.body.find("lotte@example.org"), std::string::npos) << "a facilitator does not see the people";
  EXPECT_EQ(page.body.find("/directory/teams/"), std::string::npos) << "nor team edit links";
  EXPECT_EQ(audits("network.people.read"), 0);

  auto coordinator = signed_in("coordinator@example.org");
  page = coordinator->get("/network");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Lotte Peeters &lt;lotte@example.org&gt;"), std::string::npos);
  EXPECT_NE(page.body.find("/directory/teams/team-jette"), std::string::npos);
  EXPECT_EQ(audits("network.people.read"), 1);

  auto csv = coordinator->get("/network?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Crèche Le Papillon"), std::string::npos);
  EXPECT_NE(csv.body.find("Lokaal team Jette"), std::string::npos);
  EXPECT_EQ(audits("network.people.export"), 1);
  EXPECT_EQ(coordinator->get("/network?format=pdfx").status, 400);
}

TEST_P(NetworkTest, TheApiGivesNamesInEveryLanguageAndPeopleOnlyToCoordinators) {
  std::string facilitator_token, coordinator_token;
  {
    auto lease = db().acquire();
    facilitator_token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "facilitator@example.org")->id, "t", 1000);
    coordinator_token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "coordinator@example.org")->id, "t", 1000);
  }
  testing::AppClient client(*app_);
  auto get = [&](const std::string& path, const std::string& token) {
    return client.request("GET", path, "", "", {{"authorization", "Bearer " + token}});
  };
  auto teams = get("/api/v1/network/teams", facilitator_token);
  ASSERT_EQ(teams.status, 200);
  auto j = nlohmann::json::parse(teams.body);
  EXPECT_EQ(j["total_items"], 2);
  auto jette = j["contents"][1];
  EXPECT_EQ(jette["id"], "team-jette");
  EXPECT_EQ(jette["name"]["fr"], "Équipe locale Jette");
  EXPECT_EQ(jette["areas"][0]["municipality_name"]["nl"], "Jette");
  EXPECT_EQ(jette["member_ids"].size(), 2u);
  EXPECT_EQ(get("/api/v1/network/people", facilitator_token).status, 403);
  auto people = get("/api/v1/network/people", coordinator_token);
  ASSERT_EQ(people.status, 200);
  EXPECT_NE(people.body.find("lotte@example.org"), std::string::npos);
  EXPECT_EQ(audits("network.people.read"), 1);
  EXPECT_EQ(get("/api/v1/network/organizations?per_page=0", facilitator_token).status, 400);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(NetworkTest);

}  // namespace
}  // namespace samen::core

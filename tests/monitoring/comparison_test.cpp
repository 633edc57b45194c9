// Wave comparison on both databases: the change in the figures, new and lost
// ties (reported and confirmed), organisations more and less central; the
// API (/api/v1/network/waves/{id}/comparison?with=) and the page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/sessions.hpp"
#include "monitoring/comparison.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

using accounts::Role;
using nlohmann::json;

class ComparisonTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'De Vlinder', 1, 1), "
             "('org-b', 'Les Petits Pas', 1, 1), ('org-c', 'OCMW Jette', 1, 1)");
      before_ = make_wave(c, "Brussel 2025", 100, {{"org-a", "org-b", "cooperating"}, {"org-b", "org-a", "networking"},
                                                   {"org-a", "org-c", "coordinating"}});
      after_ = make_wave(c, "Brussel 2026", 200, {{"org-a", "org-b", "collaborating"}, {"org-b", "org-a", "cooperating"},
                                                  {"org-b", "org-c", "networking"}, {"org-c", "org-b", "networking"}});
    }
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
    app_ = testing::make_test_app(test_db());
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  struct Tie {
    const char *s, *t, *level;
  };
  // A wave of the three organisations in which everyone submits the given ties.
  std::string make_wave(store::Connection& c, const char* name, std::int64_t at, const std::vector<Tie>& ties) {
    std::string id = create_wave(c, {name, std::nullopt, {}, std::nullopt}, at).id;
    std::map<std::string, Invitation> inv;
    for (const char* o : {"org-a", "org-b", "org-c"})
      invite(c, i18n::Catalog::embedded(), id, {o, std::string(o) + "@example.org", "R", "nl"}, "", at);
    for (auto& i : invitations(c, id)) inv[i.organization_id] = i;
    for (const auto& t : ties) {
      TieAnswer a;
      a.target_id = t.t;
      a.integration = t.level;
      save_tie(c, inv[t.s], a, at);
    }
    for (auto& [o, i] : inv) submit(c, i, at + 1);
    return id;
  }
  std::string before_, after_;
  std::unique_ptr<app::App> app_;
};

TEST_P(ComparisonTest, ChangesNewAndLostTiesAndCentrality) {
  auto lease = db().acquire();
  Comparison r = compare_waves(*lease, after_, before_, false);
  using Ties = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(r.new_ties, (Ties{{"org-b", "org-c"}, {"org-c", "org-b"}}));
  EXPECT_EQ(r.lost_ties, (Ties{{"org-a", "org-c"}}));
  auto edges = std::find_if(r.figures.begin(), r.figures.end(), [](const FigureChange& f) { return f.name == "edges"; });
  ASSERT_NE(edges, r.figures.end());
  EXPECT_EQ(*edges->wave, 4);
  EXPECT_EQ(*edges->with, 3);
  EXPECT_EQ(*edges->change(), 1);
  ASSERT_EQ(r.organizations.size(), 3u);
  EXPECT_EQ(r.organizations.front().id, "org-b");  // degree 2 → 4
  EXPECT_EQ(r.organizations.back().id, "org-a");   // degree 3 → 2
  EXPECT_EQ(r.organizations.back().degree - r.organizations.back().degree_before, -1);

  Comparison both = compare_waves(*lease, after_, before_, true);
  EXPECT_EQ(both.new_ties, (Ties{{"org-b", "org-c"}}));
  EXPECT_TRUE(both.lost_ties.empty());
  EXPECT_TRUE(std::none_of(both.figures.begin(), both.figures.end(),
                           [](const FigureChange& f) { return f.name == "reciprocity"; }));
  EXPECT_THROW(compare_waves(*lease, after_, after_, false), WaveError);
}

TEST_P(ComparisonTest, TheApiAndThePage) {
  std::string token;
  {
    auto lease = db().acquire();
    token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "coordinator@example.org")->id, "t",
                                       1000);
  }
  testing::AppClient api(*app_, "en");
  http::Headers auth = {{"authorization", "Bearer " + token}};
  auto res = api.request("GET", "/api/v1/network/waves/" + after_ + "/comparison?with=" + before_, "", "", auth);
  ASSERT_EQ(res.status, 200) << res.body;
  json j = json::parse(res.body);
  EXPECT_EQ(j["network"]["edges"]["change"], 1.0);
  EXPECT_EQ(j["lost_ties"], json::parse(R"([{"source": "org-a", "target": "org-c"}])"));
  EXPECT_EQ(j["organizations"][0]["degree"]["change"], 2);
  EXPECT_EQ(api.request("GET", "/api/v1/network/waves/" + after_ + "/comparison", "", "", auth).status, 400);
  EXPECT_EQ(api.request("GET", "/api/v1/network/waves/" + after_ + "/comparison?with=nope", "", "", auth).status, 404);
  auto same = api.request("GET", "/api/v1/network/waves/" + after_ + "/comparison?with=" + after_, "", "", auth);
  EXPECT_EQ(same.status, 422);
  EXPECT_EQ(json::parse(same.body)["error"]["fields"].contains("with"), true);

  testing::AppClient page(*app_, "en");
  page.login("coordinator@example.org", testing::kTestPassword);
  page.get("/monitoring?lang=en");
  auto html = page.get("/monitoring/waves/" + after_ + "/comparison");  // the wave before by default
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_NE(html.body.find("<option value=\"" + before_ + "\" selected>"), std::string::npos);
  EXPECT_NE(html.body.find("2 new ties."), std::string::npos);
  EXPECT_NE(html.body.find("1 tie lost."), std::string::npos);
  EXPECT_NE(html.body.find("<td>+2</td>"), std::string::npos);
  auto first = page.get("/monitoring/waves/" + before_ + "/comparison");  // nothing before the first wave
  EXPECT_NE(first.body.find("no other wave"), std::string::npos) << first.body;
}

SAMEN_INSTANTIATE_FOR_BACKENDS(ComparisonTest);

}  // namespace
}  // namespace samen::monitoring

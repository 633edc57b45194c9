// The survey waves' JSON API through the whole pipeline on both databases:
// a coordinator opens a wave, invites respondents (the link goes by e-mail,
// never in the answer), bad input answers 422 with fields in the caller's
// language and stores nothing, a second respondent for one organisation is a
// 409, the answers and metrics come back, reads of addresses and answers are
// audited, closing takes If-Match.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/sessions.hpp"
#include "accounts/users.hpp"
#include "monitoring/waves.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

using accounts::Role;
using nlohmann::json;

class WavesApiTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      lease->exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'De Vlinder', 1, 1), "
                  "('org-b', 'Les Petits Pas', 1, 1), ('org-c', 'OCMW Jette', 1, 1)");
    }
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"});
    app_ = testing::make_test_app(test_db(), 4, [](app::AppOptions& o) {
      o.settings["public-url"] = "https://samen.example";
    });
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& body = "",
                     const std::string& email = "coordinator@example.org", http::Headers extra = {}) {
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

  std::unique_ptr<app::App> app_;
};

TEST_P(WavesApiTest, CoordinatorRunsAWaveThroughTheApi) {
  auto made = api("POST", "/api/v1/network/waves", R"({"name": "Brussel 2026"})");
  ASSERT_EQ(made.status, 201) << made.body;
  json wave = json::parse(made.body);
  EXPECT_EQ(wave["organization_ids"], json({"org-a", "org-b", "org-c"}));
  EXPECT_EQ(made.header("ETag"), "\"1\"");
  std::string base = "/api/v1/network/waves/" + wave["id"].get<std::string>();

  auto invited = api("POST", base + "/invitations", R"({"organization_id": "org-a", "email": "a@example.org"})");
  ASSERT_EQ(invited.status, 201) << invited.body;
  json inv = json::parse(invited.body);
  EXPECT_EQ(inv["mailed"], true);
  EXPECT_EQ(invited.body.find("token"), std::string::npos);
  auto mail = db().acquire()->exec("SELECT body_text FROM outbox");
  ASSERT_EQ(mail.rows.size(), 1u);
  std::string text = mail.rows[0].text(0);
  auto at = text.find("https://samen.example/survey/");
  ASSERT_NE(at, std::string::npos) << text;
  std::string token = text.substr(at + 29, text.find_first_of("\r\n ", at) - at - 29);

  // One respondent per organisation; an organisation outside the wave; a bad address.
  auto twice = api("POST", base + "/invitations", R"({"organization_id": "org-a", "email": "x@example.org"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(json::parse(twice.body)["error"]["message"].get<std::string>().find("één respondent per organisatie"),
            std::string::npos)
      << twice.body;
  auto outside = api("POST", base + "/invitations", R"({"organization_id": "org-zz", "email": "x@example.org"})");
  ASSERT_EQ(outside.status, 422);
  EXPECT_EQ(json::parse(outside.body)["error"]["fields"]["organization_id"],
            "Deze organisatie hoort niet bij deze ronde.");  // the caller's language (nl)
  EXPECT_EQ(api("POST", base + "/invitations", R"({"organization_id": "org-b", "email": "nobody"})").status, 422);
  EXPECT_EQ(api("POST", base + "/invitations", R"({"organization_id": 7})").status, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_invitations"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 1);

  // The respondent answers (the survey form's store calls), then the coordinator reads.
  {
    auto lease = db().acquire();
    Invitation a = *invitation_by_token(*lease, token);
    TieAnswer t;
    t.target_id = "org-b";
    t.integration = "coordinating";
    t.trust = {3, 3, 4};
    save_tie(*lease, a, t, 100);
    save_factor(*lease, a, "mutual_respect", 4, 100);
    submit(*lease, a, 101);
  }
  auto responses = api("GET", base + "/responses");
  ASSERT_EQ(responses.status, 200) << responses.body;
  json r = json::parse(responses.body);
  ASSERT_EQ(r["total_items"], 1);
  EXPECT_EQ(r["contents"][0]["ties"][0]["trust"], json({3, 3, 4}));
  EXPECT_EQ(r["contents"][0]["self_assessment"]["mutual_respect"], 4);
  EXPECT_EQ(testing::audit_count(db(), "monitoring.responses.read"), 1);
  EXPECT_EQ(api("GET", base + "/invitations").status, 200);
  EXPECT_EQ(testing::audit_count(db(), "monitoring.invitations.read"), 1);

  auto metrics = api("GET", base + "/metrics");
  ASSERT_EQ(metrics.status, 200) << metrics.body;
  json m = json::parse(metrics.body);
  EXPECT_EQ(m["network"]["nodes"], 3);
  EXPECT_EQ(m["network"]["edges"], 1);
  EXPECT_EQ(m["network"]["integration_share"]["coordinating"], 1.0);
  EXPECT_EQ(m["nodes"][1]["trust_received"], 10.0 / 3.0);
  EXPECT_EQ(json::parse(api("GET", base + "/metrics?ties=confirmed").body)["network"]["edges"], 0);
  EXPECT_EQ(api("GET", base + "/metrics?ties=all").status, 400);

  // Closing names the version it read.
  EXPECT_EQ(api("POST", base + "/close", "", "coordinator@example.org", {{"if-match", "\"7\""}}).status, 412);
  auto closed = api("POST", base + "/close", "", "coordinator@example.org", {{"if-match", "\"1\""}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_FALSE(json::parse(closed.body)["closed_at"].is_null());
  EXPECT_EQ(api("POST", base + "/reminders").status, 409);
  EXPECT_EQ(testing::audit_count(db(), "monitoring.wave.close"), 1);

  // Partners do not see the coordination's waves.
  EXPECT_EQ(api("GET", "/api/v1/network/waves", "", "partner@example.org").status, 403);
  EXPECT_EQ(api("GET", "/api/v1/network/waves/nope").status, 404);
}

TEST_P(WavesApiTest, BadWavesAre422WithFieldsAndStoreNothing) {
  auto few = api("POST", "/api/v1/network/waves", R"({"name": "Solo", "organization_ids": ["org-a"]})");
  ASSERT_EQ(few.status, 422);
  EXPECT_TRUE(json::parse(few.body)["error"]["fields"].contains("organization_ids"));
  EXPECT_EQ(api("POST", "/api/v1/network/waves", R"({"name": ""})").status, 422);
  EXPECT_EQ(api("POST", "/api/v1/network/waves", R"({"name": "X", "team_id": "nope"})").status, 422);
  EXPECT_EQ(api("POST", "/api/v1/network/waves", R"({"name": "X", "organization_ids": "org-a"})").status, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM monitoring_waves"), 0);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(WavesApiTest);

}  // namespace
}  // namespace samen::monitoring

// What the transitions tests share: three organisations, each with one
// service that is a setting (A childcare sends, B pre-school receives, C
// out-of-school care has nothing to do with the child), one account per role
// (partners in A, B and C), an App, API calls with a bearer token, and a
// handover and consent body.
#pragma once
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "accounts/sessions.hpp"
#include "accounts/users.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"
#include "util/dates.hpp"

namespace samen::transitions {

inline constexpr const char* kPartnerA = "partner-a@example.org";
inline constexpr const char* kPartnerB = "partner-b@example.org";
inline constexpr const char* kPartnerC = "partner-c@example.org";
inline constexpr const char* kCoordinator = "coordinator@example.org";
inline constexpr const char* kAdmin = "admin@example.org";
inline constexpr const char* kFacilitator = "facilitator@example.org";
inline constexpr const char* kParentRep = "parent_rep@example.org";
inline constexpr const char* kServiceA = "svc-kdv-zonnebloem";
inline constexpr const char* kServiceB = "svc-school-regenboog";
inline constexpr const char* kServiceC = "svc-ibo-speelhoek";

class TransitionsFixture : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      lease->exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf "
                  "De Zonnebloem vzw', 1, 1), ('org-b', 'Basisschool De Regenboog', 1, 1), ('org-c', 'IBO De "
                  "Speelhoek', 1, 1)");
      lease->exec("INSERT INTO services (id, organization_id, name, status, created_at, updated_at) VALUES "
                  "(?, 'org-a', 'Kinderopvang De Zonnebloem', 'active', 1, 1), "
                  "(?, 'org-b', 'Kleuterklas De Regenboog', 'active', 1, 1), "
                  "(?, 'org-c', 'Buitenschoolse opvang De Speelhoek', 'active', 1, 1)",
                  {std::string(kServiceA), std::string(kServiceB), std::string(kServiceC)});
      lease->exec("INSERT INTO transitions_settings (id, version, created_at, updated_at, kind, languages) VALUES "
                  "(?, 1, 1, 1, 'childcare', 'nl,fr'), (?, 1, 1, 1, 'pre_school', 'nl'), "
                  "(?, 1, 1, 1, 'out_of_school', 'nl,fr')",
                  {std::string(kServiceA), std::string(kServiceB), std::string(kServiceC)});
    }
    using accounts::Role;
    testing::add_test_user(db(), kPartnerA, Role::partner, {"org-a"});
    testing::add_test_user(db(), kPartnerB, Role::partner, {"org-b"});
    testing::add_test_user(db(), kPartnerC, Role::partner, {"org-c"});
    testing::add_test_user(db(), kCoordinator, Role::coordinator);
    testing::add_test_user(db(), kAdmin, Role::admin);
    testing::add_test_user(db(), kFacilitator, Role::facilitator);
    testing::add_test_user(db(), kParentRep, Role::parent_rep);
    app_ = testing::make_test_app(test_db());
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }

  // An API call as `email` ("" for none).
  http::Response api(const std::string& method, const std::string& path, const std::string& body,
                     const std::string& email) {
    http::Headers extra;
    if (!email.empty()) {
      auto lease = db().acquire();
      auto token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
      extra.emplace_back("authorization", "Bearer " + token);
    }
    testing::AppClient client(*app_, "nl");
    return client.request(method, path, body, body.empty() ? "" : "application/json", extra);
  }

  static std::string handover_body(const std::string& transition_date = "2026-09-01") {
    return nlohmann::json{{"sending_setting_id", kServiceA},
                          {"receiving_setting_id", kServiceB},
                          {"child_first_name", "Amira"},
                          {"child_birth_month", "2023-05"},
                          {"home_languages", {"ar", "fr"}},
                          {"what_helps", "Haar knuffel bij het slapengaan"},
                          {"parent_wishes", "Graag een rustig begin"},
                          {"health_notes", "Allergisch voor noten"},
                          {"transition_date", transition_date},
                          {"language", "nl"}}
        .dump();
  }
  static std::string in_a_year() {
    return dates::format_iso(dates::from_days_since_epoch(app::unix_now() / 86400 + 365));
  }
  static std::string consent_body(const std::vector<std::string>& parts, const std::string& setting = kServiceB) {
    return nlohmann::json{{"given_by", "moeder"},
                          {"method", "written"},
                          {"receiving_setting_id", setting},
                          {"parts", parts},
                          {"valid_until", in_a_year()}}
        .dump();
  }
  // A handover by partner A; its id.
  std::string create_handover(const std::string& transition_date = "2026-09-01") {
    auto res = api("POST", "/api/v1/handovers", handover_body(transition_date), kPartnerA);
    EXPECT_EQ(res.status, 201) << res.body;
    return nlohmann::json::parse(res.body).value("id", "");
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }

  std::unique_ptr<app::App> app_;
};

}  // namespace samen::transitions

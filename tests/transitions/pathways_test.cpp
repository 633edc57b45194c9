// Transition pathways on both databases: counts derived from handovers are
// only counts and say "fewer than 5" below 5 (page, picture, API), entered
// counts by staff of either setting or coordination (others 403; POST 409
// when the pair and year have one; PUT with If-Match 412 / body version 409;
// bad input 422 / 400), filters by school year, team and municipality, and
// the settings without a partner pathway flagged in the list and the picture.
#include <gtest/gtest.h>

#include "transitions/fixture.hpp"
#include "transitions/pathways.hpp"

namespace samen::transitions {
namespace {

using nlohmann::json;

TEST(PathwaySchoolYear, FollowsTheReceivingSettingsYearStart) {
  EXPECT_EQ(school_year_of("2026-09-01", "09-01"), 2026);
  EXPECT_EQ(school_year_of("2026-08-31", "09-01"), 2025);
  EXPECT_EQ(school_year_of("2027-02-01", "09-01"), 2026);
  EXPECT_EQ(school_year_of("2026-08-25", "08-25"), 2026);
  EXPECT_EQ(school_year_of("2026-13-01", "09-01"), std::nullopt);
  EXPECT_EQ(parse_school_year("2026"), 2026);
  EXPECT_EQ(parse_school_year(" 2026-2027 "), 2026);
  EXPECT_EQ(parse_school_year("2026-2028"), std::nullopt);
  EXPECT_EQ(parse_school_year("26"), std::nullopt);
  EXPECT_EQ(school_year_label(2026), "2026–2027");
}

class PathwaysTest : public TransitionsFixture {
 protected:
  std::string page(const std::string& path, const std::string& email) {
    testing::AppClient client(*app_, "nl");
    client.login(email, testing::kTestPassword);
    auto r = client.get(path);
    EXPECT_EQ(r.status, 200) << path << "\n" << r.body.substr(0, 300);
    return r.body;
  }
  json pathways(const std::string& query = "") {
    auto r = api("GET", "/api/v1/transitions/pathways" + query, "", kFacilitator);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }
};

TEST_P(PathwaysTest, DerivedCountsAreOnlyCountsAndFewerThanFiveIsNeverGiven) {
  for (int i = 0; i < 4; ++i) create_handover();
  json j = pathways();
  ASSERT_EQ(j["contents"].size(), 1u) << j.dump();
  const json& p = j["contents"][0];
  EXPECT_EQ(p["school_year"], 2026);
  EXPECT_TRUE(p["handover_count"].is_null());
  EXPECT_EQ(p["handover_count_below"], 5);
  EXPECT_TRUE(p["entered"].is_null());
  EXPECT_EQ(j.dump().find("Amira"), std::string::npos) << "nothing about a child";
  // Setting C sends and receives nothing: flagged.
  ASSERT_EQ(j["settings_without_pathway"].size(), 1u);
  EXPECT_EQ(j["settings_without_pathway"][0]["id"], kServiceC);

  std::string html = page("/transitions/pathways", kFacilitator);
  EXPECT_NE(html.find("minder dan 5"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("role=\"img\""), std::string::npos);
  EXPECT_NE(html.find("aria-describedby=\"pathways-table\""), std::string::npos);
  EXPECT_NE(html.find("<title>Buitenschoolse opvang De Speelhoek — geen overgangspad met een partner</title>"),
            std::string::npos)
      << "flagged in the picture";
  EXPECT_NE(html.find("<li>⚠ Buitenschoolse opvang De Speelhoek"), std::string::npos) << "and in the list";
  EXPECT_EQ(html.find("Amira"), std::string::npos);
  EXPECT_EQ(html.find(">4<"), std::string::npos) << "the hidden count appears nowhere";

  create_handover();
  j = pathways();
  EXPECT_EQ(j["contents"][0]["handover_count"], 5);
  EXPECT_TRUE(j["contents"][0]["handover_count_below"].is_null());
}

TEST_P(PathwaysTest, StaffOfEitherSettingAndCoordinationEnterCounts) {
  auto body = [](const std::string& from, const std::string& to, int year, int children) {
    return json{{"sending_setting_id", from}, {"receiving_setting_id", to}, {"school_year", year}, {"children", children}}
        .dump();
  };
  auto created = api("POST", "/api/v1/transitions/pathways", body(kServiceA, kServiceB, 2025, 14), kPartnerB);
  ASSERT_EQ(created.status, 201) << created.body;
  json c = json::parse(created.body);
  EXPECT_EQ(c["children"], 14);
  EXPECT_EQ(api("POST", "/api/v1/transitions/pathways", body(kServiceA, kServiceB, 2025, 3), kPartnerA).status, 409);
  EXPECT_EQ(api("POST", "/api/v1/transitions/pathways", body(kServiceA, kServiceB, 2025, 3), kPartnerC).status, 403)
      << "C is neither setting";
  EXPECT_EQ(api("POST", "/api/v1/transitions/pathways", body(kServiceA, kServiceA, 2025, 3), kCoordinator).status, 422);
  EXPECT_EQ(api("POST", "/api/v1/transitions/pathways", body(kServiceA, "nope", 2025, 3), kCoordinator).status, 422);
  EXPECT_EQ(api("POST", "/api/v1/transitions/pathways", body(kServiceA, kServiceC, 2025, -1), kCoordinator).status, 422);

  // Updates: the version read in If-Match (412) or the body (409).
  const std::string path = "/api/v1/transitions/pathways/" + c["id"].get<std::string>();
  auto put = [&](const std::string& b, const std::string& if_match) {
    http::Headers extra;
    auto lease = db().acquire();
    auto token =
        accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, kCoordinator)->id, "t", 1000);
    extra.emplace_back("authorization", "Bearer " + token);
    if (!if_match.empty()) extra.emplace_back("if-match", if_match);
    testing::AppClient client(*app_, "nl");
    return client.request("PUT", path, b, "application/json", extra);
  };
  EXPECT_EQ(put(R"({"children": 15})", "\"1\"").status, 200);
  EXPECT_EQ(put(R"({"children": 16})", "\"1\"").status, 412);
  EXPECT_EQ(put(R"({"children": 16, "version": 1})", "").status, 409);
  EXPECT_EQ(put(R"({"children": "many"})", "").status, 422);
  EXPECT_EQ(testing::audit_count(db(), "transitions.pathway."), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history WHERE record_type = 'transitions.pathway'"), 2);

  // The page's form sets the year's count (partner A: the sending setting's organisation).
  testing::AppClient a(*app_, "nl");
  a.login(kPartnerA, testing::kTestPassword);
  a.get("/transitions/pathways");
  const std::string pair = std::string("sending_setting_id=") + kServiceA + "&receiving_setting_id=" + kServiceC;
  auto form = a.post("/transitions/pathways", pair + "&school_year=2026-2027&children=7");
  EXPECT_EQ(form.status, 303) << form.body.substr(0, 300);
  auto bad = a.post("/transitions/pathways", pair + "&school_year=volgend+jaar&children=7");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("2026-2027"), std::string::npos) << "the message says how to write it";

  // Filters: the school year, and nobody flagged once C has a pathway.
  json y2025 = pathways("?school_year=2025");
  ASSERT_EQ(y2025["contents"].size(), 1u);
  EXPECT_EQ(y2025["contents"][0]["entered"]["children"], 15);
  json y2026 = pathways("?school_year=2026-2027");
  ASSERT_EQ(y2026["contents"].size(), 1u);
  EXPECT_EQ(y2026["contents"][0]["receiving_setting_id"], kServiceC);
  EXPECT_EQ(y2026["settings_without_pathway"].size(), 1u) << "B has no pathway in 2026";
  EXPECT_EQ(pathways()["settings_without_pathway"].size(), 0u);
  EXPECT_EQ(api("GET", "/api/v1/transitions/pathways?school_year=soon", "", kFacilitator).status, 400);
  EXPECT_EQ(api("GET", "/api/v1/transitions/pathways?municipality=99999", "", kFacilitator).status, 400);
}

// Two browsers change the same count: the second one gets a conflict (409)
// with its input kept and the count saved meanwhile named; saving again then
// replaces it on purpose. A new count over one entered meanwhile is a conflict too.
TEST_P(PathwaysTest, TheFormChecksTheVersionItRead) {
  const std::string pair = std::string("sending_setting_id=") + kServiceA + "&receiving_setting_id=" + kServiceB;
  testing::AppClient a(*app_, "nl"), b(*app_, "nl");
  a.login(kPartnerA, testing::kTestPassword);
  b.login(kPartnerB, testing::kTestPassword);
  a.get("/transitions/pathways");
  ASSERT_EQ(a.post("/transitions/pathways", pair + "&school_year=2026&children=7&version=").status, 303);
  std::string id = pathways()["contents"][0]["entered"]["id"];

  // Both open the row's edit form (version 1), A saves first.
  auto form_a = a.get("/transitions/pathways?edit=" + id);
  auto form_b = b.get("/transitions/pathways?edit=" + id);
  ASSERT_NE(form_b.body.find(R"(name="version" value="1")"), std::string::npos) << "the form carries the version read";
  EXPECT_NE(form_b.body.find(R"(value="7")"), std::string::npos) << "filled with the stored count";
  ASSERT_EQ(a.post("/transitions/pathways", pair + "&school_year=2026&children=8&version=1").status, 303);
  auto second = b.post("/transitions/pathways", pair + "&school_year=2026&children=9&version=1");
  EXPECT_EQ(second.status, 409);
  EXPECT_NE(second.body.find("nu 8"), std::string::npos) << "says what was saved meanwhile";
  EXPECT_NE(second.body.find(R"(value="9")"), std::string::npos) << "B's input is kept";
  EXPECT_NE(second.body.find(R"(name="version" value="2")"), std::string::npos);
  EXPECT_EQ(pathways()["contents"][0]["entered"]["children"], 8) << "nothing of A's lost";
  // B saves again from the conflict page: now on purpose.
  EXPECT_EQ(b.post("/transitions/pathways", pair + "&school_year=2026&children=9&version=2").status, 303);
  EXPECT_EQ(pathways()["contents"][0]["entered"]["children"], 9);
  // A form that showed no count (no version) does not replace one entered meanwhile.
  EXPECT_EQ(a.post("/transitions/pathways", pair + "&school_year=2026&children=1&version=").status, 409);
  EXPECT_EQ(pathways()["contents"][0]["entered"]["children"], 9);
  EXPECT_EQ(a.get("/transitions/pathways?edit=nope").status, 404);
}

TEST_P(PathwaysTest, TeamAndMunicipalityKeepTheirSettingsAndTheirPartners) {
  {
    auto lease = db().acquire();
    lease->exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Jette', "
                "'local_team', 1, 1)");
    lease->exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-c')");
    lease->exec("INSERT INTO locations (id, name, created_at, updated_at) VALUES ('loc-c', 'Speelhoek', 1, 1)");
    lease->exec("INSERT INTO addresses (id, location_id, address_1, city, state_province, postal_code, country, "
                "address_type) VALUES ('adr-c', 'loc-c', 'Kerkstraat 1', 'Jette', 'Brussel', '1090', 'BE', 'physical')");
    lease->exec("INSERT INTO service_at_location (id, service_id, location_id) VALUES ('sal-c', ?, 'loc-c')",
                {std::string(kServiceC)});
    lease->exec("INSERT INTO transitions_pathways (id, version, created_at, updated_at, sending_setting_id, "
                "receiving_setting_id, school_year, children) VALUES ('p1', 1, 1, 1, ?, ?, 2026, 11), "
                "('p2', 1, 1, 1, ?, ?, 2026, 6)",
                {std::string(kServiceA), std::string(kServiceB), std::string(kServiceB), std::string(kServiceC)});
  }
  for (const char* query : {"?team=team-jette", "?municipality=21010"}) {
    json j = pathways(query);
    ASSERT_EQ(j["contents"].size(), 1u) << query << j.dump();
    EXPECT_EQ(j["contents"][0]["sending_setting_id"], kServiceB) << "C's partner is drawn too";
    EXPECT_EQ(j["contents"][0]["receiving_setting_id"], kServiceC);
    EXPECT_EQ(j["settings_without_pathway"].size(), 0u);
  }
  EXPECT_EQ(pathways("?municipality=21001")["contents"].size(), 0u);
  std::string html = page("/transitions/pathways?team=team-jette", kParentRep);
  EXPECT_NE(html.find("<td>Kleuterklas De Regenboog <span"), std::string::npos);
  EXPECT_EQ(html.find("<td>Kinderopvang De Zonnebloem <span"), std::string::npos) << "A's pathway is outside the team";
}

SAMEN_INSTANTIATE_FOR_BACKENDS(PathwaysTest);

}  // namespace
}  // namespace samen::transitions

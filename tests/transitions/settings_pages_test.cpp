// A setting on its service's staff page, on both databases: the panel shows
// the kind, ages, languages and school year; the owner organisation's staff
// (and coordinators) edit it through a form with a version (a stale one gives
// 409 with the input kept), bad input is a 422 in the user's language with the
// input kept, another organisation's staff get 403; history and audit written.
#include <gtest/gtest.h>

#include "transitions/fixture.hpp"

namespace samen::transitions {
namespace {

class SettingsPagesTest : public TransitionsFixture {
 protected:
  testing::AppClient signed_in(const std::string& email) {
    testing::AppClient c(*app_, "nl");
    auto res = c.login(email, testing::kTestPassword);
    EXPECT_EQ(res.status, 303) << res.body;
    return c;
  }
};

TEST_P(SettingsPagesTest, TheOwnersStaffSeeAndEditTheSettingOnTheServicePage) {
  auto a = signed_in(kPartnerA);
  auto page = a.get(std::string("/directory/services/") + kServiceA);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
  EXPECT_NE(page.body.find("transitions-setting"), std::string::npos);
  EXPECT_NE(page.body.find("Kinderopvang"), std::string::npos) << "the kind, in Dutch";
  EXPECT_NE(page.body.find(std::string("/transitions/settings/") + kServiceA + "/edit"), std::string::npos);

  const std::string edit = std::string("/transitions/settings/") + kServiceA + "/edit";
  auto form = a.get(edit);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"version\" value=\"1\""), std::string::npos);
  auto saved = a.post(edit, "version=1&kind=childcare&capacity=28&age_min_months=3&age_max_months=36&languages=nl%2C+"
                            "FR%2C+ar&year_start=09-01&year_end=06-30");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 600);
  auto row = db().acquire()->exec("SELECT version, capacity, languages FROM transitions_settings WHERE id = ?",
                                  {std::string(kServiceA)});
  EXPECT_EQ(row.rows[0].int64(0), 2);
  EXPECT_EQ(row.rows[0].int64(1), 28);
  EXPECT_EQ(row.rows[0].text(2), "nl,fr,ar");
  EXPECT_EQ(testing::audit_count(db(), "transitions.setting.update"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history WHERE record_type = 'transitions.setting'"), 4)
      << "capacity, both ages and languages changed";

  // Another editor's old version: 409, the input kept, nothing written.
  auto stale = a.post(edit, "version=1&kind=pre_school&capacity=30&year_start=09-01&year_end=06-30");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("value=\"30\""), std::string::npos);
  // Bad input: 422 in Dutch, input kept.
  a.get(edit);
  auto bad = a.post(edit, "version=2&kind=pre_school&capacity=lots&age_min_months=40&age_max_months=12&year_start=13-01&"
                          "year_end=06-30");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("value=\"lots\""), std::string::npos);
  EXPECT_NE(bad.body.find("MM-DD"), std::string::npos);
  EXPECT_EQ(db().acquire()->exec("SELECT kind FROM transitions_settings WHERE id = ?", {std::string(kServiceA)})
                .rows[0]
                .text(0),
            "childcare");
}

TEST_P(SettingsPagesTest, AServiceBecomesASettingAndOthersMayNotEditIt) {
  db().acquire()->exec("INSERT INTO services (id, organization_id, name, status, created_at, updated_at) VALUES "
                       "('svc-new', 'org-a', 'Kinderopvang Nieuw', 'active', 1, 1)");
  auto c = signed_in(kPartnerC);
  EXPECT_EQ(c.get("/transitions/settings/svc-new/edit").status, 403);
  EXPECT_EQ(c.get("/transitions/settings/no-such-service/edit").status, 404);

  auto coordinator = signed_in(kCoordinator);
  auto page = coordinator.get("/directory/services/svc-new");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("nog geen setting"), std::string::npos);
  coordinator.get("/transitions/settings/svc-new/edit");
  auto made = coordinator.post("/transitions/settings/svc-new/edit",
                               "version=&kind=out_of_school&languages=fr&year_start=09-01&year_end=06-30");
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 500);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_settings WHERE id = 'svc-new' AND kind = 'out_of_school'"), 1);
  EXPECT_EQ(testing::audit_count(db(), "transitions.setting.create"), 1);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SettingsPagesTest);

}  // namespace
}  // namespace samen::transitions

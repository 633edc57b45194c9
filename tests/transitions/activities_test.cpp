// Transition activities on both databases: created from the transitions page
// or API, they are journal activities (in the journal's list, with its audit
// entry), linked to a kind, school year and settings (the journal page's
// panel names them), listed and in the ICS feed only for who may see them in
// the journal; bad input is a 422 with nothing stored.
#include <gtest/gtest.h>

#include "app/module.hpp"
#include "transitions/fixture.hpp"
#include "transitions/module.hpp"

namespace samen::transitions {
namespace {

using nlohmann::json;

class ActivitiesTest : public TransitionsFixture {
 protected:
  static std::string body(const std::string& kind, const std::string& visibility) {
    return json{{"kind", kind},
                {"school_year", "2026-2027"},
                {"title", "Wenbezoek in de kleuterklas"},
                {"starts_at", "2026-06-12T07:30:00Z"},
                {"duration_minutes", 90},
                {"place", "Kleuterklas De Regenboog"},
                {"visibility", visibility},
                {"sending_setting_id", kServiceA},
                {"receiving_setting_id", kServiceB}}
        .dump();
  }
};

TEST_P(ActivitiesTest, TheyAreJournalActivitiesSeenAsTheJournalAllows) {
  auto made = api("POST", "/api/v1/transitions/activities", body("child_visit", "network"), kPartnerA);
  ASSERT_EQ(made.status, 201) << made.body;
  std::string id = json::parse(made.body)["activity_id"].get<std::string>();
  auto hidden = api("POST", "/api/v1/transitions/activities", body("staff_meeting", "facilitators"), kCoordinator);
  ASSERT_EQ(hidden.status, 201) << hidden.body;

  // In the journal: its list, its record and its audit entry.
  auto journal = api("GET", "/api/v1/activities/" + id, "", kPartnerB);
  EXPECT_EQ(journal.status, 200) << journal.body;
  EXPECT_EQ(json::parse(journal.body)["type"], "transition");
  EXPECT_EQ(testing::audit_count(db(), "journal.activity.create"), 2);

  // Lists and the feed: the partner sees the network one, not the facilitators-only one.
  json list = json::parse(api("GET", "/api/v1/transitions/activities?school_year=2026", "", kPartnerC).body);
  ASSERT_EQ(list["contents"].size(), 1u) << list.dump();
  EXPECT_EQ(list["contents"][0]["kind"], "child_visit");
  EXPECT_EQ(list["contents"][0]["receiving_setting_id"], kServiceB);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/transitions/activities", "", kFacilitator).body)["total_items"], 2);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/transitions/activities?school_year=2025", "", kFacilitator).body)
                ["total_items"],
            0);
  auto ics = api("GET", "/api/v1/transitions/activities.ics", "", kPartnerC);
  EXPECT_EQ(ics.status, 200);
  EXPECT_NE(ics.body.find("UID:journal-activity-" + id + "@samen"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("Bezoek van kinderen aan de nieuwe setting"), std::string::npos);
  EXPECT_EQ(ics.body.find(json::parse(hidden.body)["activity_id"].get<std::string>()), std::string::npos);

  // The journal page names the transition; the calendar page lists it by month.
  testing::AppClient b(*app_, "nl");
  b.login(kPartnerB, testing::kTestPassword);
  auto page = b.get("/journal/" + id);
  EXPECT_NE(page.body.find("id=\"transitions-activity\""), std::string::npos);
  EXPECT_NE(page.body.find("Kinderopvang De Zonnebloem"), std::string::npos);
  auto calendar = b.get("/transitions/activities?year=2026");  // the school year the creator linked it to
  EXPECT_EQ(calendar.status, 200);
  EXPECT_NE(calendar.body.find("Wenbezoek in de kleuterklas"), std::string::npos);
  EXPECT_NE(calendar.body.find("<h2>2026-06</h2>"), std::string::npos);
  EXPECT_EQ(b.get("/transitions/activities?year=2025").body.find("Wenbezoek in de kleuterklas"), std::string::npos);
}

TEST_P(ActivitiesTest, BadInputIsRefusedWithNothingStored) {
  EXPECT_EQ(api("POST", "/api/v1/transitions/activities", body("picnic", "network"), kPartnerA).status, 422);
  auto same = json::parse(body("child_visit", "network"));
  same["receiving_setting_id"] = kServiceA;
  EXPECT_EQ(api("POST", "/api/v1/transitions/activities", same.dump(), kPartnerA).status, 422);
  EXPECT_EQ(api("POST", "/api/v1/transitions/activities", body("child_visit", "network"), kParentRep).status, 403);
  EXPECT_EQ(api("GET", "/api/v1/transitions/activities?team=nope", "", kPartnerA).status, 400);

  testing::AppClient a(*app_, "fr");
  a.login(kPartnerA, testing::kTestPassword);
  a.get("/transitions/activities");
  auto bad = a.post("/transitions/activities", "kind=welcome_day&title=&starts_at=demain&duration_minutes=90&school_year=2026");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("id=\"form-errors\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_activities"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_activities"), 0);

  auto good = a.post("/transitions/activities",
                     "kind=welcome_day&title=Journ%C3%A9e+d%27accueil&starts_at=2026-09-02T09%3A00&duration_minutes=120"
                     "&school_year=2026&visibility=network");
  EXPECT_EQ(good.status, 303) << good.body.substr(0, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_activities WHERE kind = 'welcome_day' AND school_year = 2026"), 1);
}

// The demo's transition activities are journal activities the journal's
// search finds, also when the demo is loaded into a data directory whose
// index was built before (`serve --demo` on an existing one).
TEST_P(ActivitiesTest, TheDemosActivitiesAreInTheJournalSearch) {
  app_.reset();  // the index was built without them
  db().acquire()->exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('t-jette', 'Lokaal team "
                       "Jette', 'local_team', 1, 1), ('t-cluster', 'Cluster francophone petite enfance', "
                       "'local_team', 1, 1)");
  std::vector<std::string> announce;
  module().load_demo({db(), test_db().scratch(), app::unix_now(), announce});
  ASSERT_EQ(count("SELECT COUNT(*) FROM transitions_activities"), 6);
  app_ = testing::make_test_app(test_db());
  auto titles = [&](const std::string& q) {
    json j = json::parse(api("GET", "/api/v1/activities?q=" + q, "", kFacilitator).body);
    std::set<std::string> out;
    for (const auto& a : j["contents"]) out.insert(a["title"].get<std::string>());
    return out;
  };
  EXPECT_EQ(titles("Wenbezoek"), (std::set<std::string>{"Wenbezoek kleuterklas Sint-Pieter",
                                                         "Wenbezoek van de peuters van De Vlinder in de kleuterklas"}));
  EXPECT_EQ(titles("Visite%20des%20enfants").size(), 1u);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(ActivitiesTest);

}  // namespace
}  // namespace samen::transitions

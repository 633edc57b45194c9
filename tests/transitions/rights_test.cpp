// Parents' rights on both databases: a coordinator finds a child's handovers
// by setting, first name (any case) and birth month, exports them as JSON
// (contents, consents, who read them) and as a printable page, and erases
// them on request (a confirmation needed); each step audited with ids only,
// and another child's handover stays.
#include <gtest/gtest.h>

#include "transitions/fixture.hpp"

namespace samen::transitions {
namespace {

class RightsTest : public TransitionsFixture {
 protected:
  testing::AppClient signed_in(const std::string& email) {
    testing::AppClient c(*app_, "nl");
    EXPECT_EQ(c.login(email, testing::kTestPassword).status, 303);
    return c;
  }
};

TEST_P(RightsTest, ACoordinatorExportsAndErasesWhatIsHeldAboutAChild) {
  std::string amira = create_handover();
  ASSERT_EQ(api("POST", "/api/v1/handovers/" + amira + "/consents", consent_body({"child"}), kPartnerA).status, 201);
  ASSERT_EQ(api("GET", "/api/v1/handovers/" + amira, "", kPartnerB).status, 200);
  nlohmann::json other = nlohmann::json::parse(handover_body());
  other["child_first_name"] = "Noah";
  ASSERT_EQ(api("POST", "/api/v1/handovers", other.dump(), kPartnerA).status, 201);

  auto c = signed_in(kCoordinator);
  ASSERT_EQ(c.get("/transitions/rights").status, 200);
  const std::string who = std::string("setting_id=") + kServiceB + "&first_name=amira&birth_month=2023-05";
  auto found = c.post("/transitions/rights", who);
  ASSERT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("Gevonden overdrachtsdocumenten: 1"), std::string::npos) << "the receiving setting, any case";
  EXPECT_EQ(c.post("/transitions/rights", "setting_id=&first_name=&birth_month=x").status, 422);

  auto exported = c.post("/transitions/rights/export", who + "&format=json");
  ASSERT_EQ(exported.status, 200);
  auto j = nlohmann::json::parse(exported.body);
  ASSERT_EQ(j["handovers"].size(), 1u);
  const auto& h = j["handovers"][0];
  EXPECT_EQ(h["health_notes"], "Allergisch voor noten");
  EXPECT_EQ(h["consents"][0]["given_by"], "moeder");
  bool receiver_read = false;
  for (const auto& e : h["access_log"])
    receiver_read |= e["who"] == kPartnerB && e["action"] == "transitions.handover.read";
  EXPECT_TRUE(receiver_read) << h["access_log"].dump();
  auto printable = c.post("/transitions/rights/export", who + "&format=html");
  ASSERT_EQ(printable.status, 200);
  EXPECT_NE(printable.body.find("Haar knuffel"), std::string::npos);

  EXPECT_EQ(c.post("/transitions/rights/erase", who).status, 422) << "not without the confirmation";
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 2);
  auto erased = c.post("/transitions/rights/erase", who + "&confirm=yes");
  ASSERT_EQ(erased.status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers WHERE id = '" + amira + "'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_consents"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 1) << "Noah's stays";
  EXPECT_EQ(testing::audit_count(db(), "transitions.child.export"), 2);
  EXPECT_EQ(testing::audit_count(db(), "transitions.child.erase"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%mira%'"), 0) << "no name in the audit log";

  // Partners have no parents'-rights pages.
  auto a = signed_in(kPartnerA);
  EXPECT_EQ(a.get("/transitions/rights").status, 403);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(RightsTest);

}  // namespace
}  // namespace samen::transitions

// The handover pages on both databases: the sending setting's staff write a
// handover with the parent in the parent's language, record consent and
// print the parent's copy in that language; the receiver finds it in their
// list and sees the consented parts only; bad input is a 422 with the input
// kept; withdrawal takes the receiver's access away.
#include <gtest/gtest.h>

#include <regex>

#include "transitions/fixture.hpp"

namespace samen::transitions {
namespace {

class HandoverPagesTest : public TransitionsFixture {
 protected:
  testing::AppClient signed_in(const std::string& email, const std::string& lang = "nl") {
    testing::AppClient c(*app_, lang);
    auto res = c.login(email, testing::kTestPassword);
    EXPECT_EQ(res.status, 303) << res.body;
    return c;
  }
  static std::string form_fields() {
    return std::string("sending_setting_id=") + kServiceA + "&receiving_setting_id=" + kServiceB +
           "&child_first_name=Lucas&child_birth_month=2023-03&home_languages=fr%2C+ln&what_helps=Une+routine+calme"
           "&parent_wishes=Des+nouvelles+le+premier+jour&health_notes=Asthme+l%C3%A9ger&transition_date=2026-09-01"
           "&language=fr";
  }
};

TEST_P(HandoverPagesTest, TheSenderWritesWithTheParentAndTheReceiverSeesTheConsentedParts) {
  auto a = signed_in(kPartnerA);
  auto form = a.get("/transitions/handovers/new?lang=fr");
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 500);
  EXPECT_NE(form.body.find("Prénom de l"), std::string::npos) << "the form in the parent's language";
  EXPECT_NE(form.body.find("name=\"language\" value=\"fr\""), std::string::npos);

  // Bad input: 422, the input kept.
  auto bad = a.post("/transitions/handovers", std::regex_replace(form_fields(), std::regex("child_first_name=Lucas"),
                                                                 "child_first_name=Lucas+Van+Damme+Junior"));
  EXPECT_EQ(bad.status, 422);
  auto bad2 = a.post("/transitions/handovers",
                     std::regex_replace(form_fields(), std::regex("child_birth_month=2023-03"), "child_birth_month=mars"));
  EXPECT_EQ(bad2.status, 422);
  EXPECT_NE(bad2.body.find("value=\"mars\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 0);

  a.get("/transitions/handovers/new");
  auto made = a.post("/transitions/handovers", form_fields());
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 800);
  std::string href = made.header("Location").value_or("");
  ASSERT_EQ(href.rfind("/transitions/handovers/", 0), 0u) << href;
  auto view = a.get(href);
  ASSERT_EQ(view.status, 200);
  EXPECT_NE(view.body.find("Asthme léger"), std::string::npos);
  // The staff member chose French for the form (?lang=fr), and Samen stays in French for them.
  EXPECT_NE(view.body.find("Pas encore de consentement"), std::string::npos);

  // The parent's printed copy is in French whatever the staff member's language.
  auto print = a.get(href + "/print");
  ASSERT_EQ(print.status, 200);
  EXPECT_NE(print.body.find("Document de transition de votre enfant"), std::string::npos);
  EXPECT_NE(print.body.find("Une routine calme"), std::string::npos);

  // Receiver: nothing before consent.
  auto b = signed_in(kPartnerB);
  EXPECT_EQ(b.get(href).status, 403);
  EXPECT_EQ(b.get("/transitions").body.find(href), std::string::npos);

  a.get(href);
  auto bad_consent = a.post(href + "/consents", std::string("receiving_setting_id=") + kServiceB +
                                                    "&given_by=&method=written&valid_until=" + in_a_year());
  EXPECT_EQ(bad_consent.status, 422);
  auto consent = a.post(href + "/consents", std::string("receiving_setting_id=") + kServiceB +
                                                "&parts=child&parts=what_helps&given_by=m%C3%A8re&method=written"
                                                "&valid_until=" + in_a_year());
  ASSERT_EQ(consent.status, 303) << consent.body.substr(0, 600);

  auto list = b.get("/transitions");
  EXPECT_NE(list.body.find(href), std::string::npos) << "in the receiver's list";
  auto seen = b.get(href);
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Lucas"), std::string::npos);
  EXPECT_NE(seen.body.find("Une routine calme"), std::string::npos);
  EXPECT_EQ(seen.body.find("Asthme"), std::string::npos) << "health notes were not consented";
  EXPECT_EQ(seen.body.find("Des nouvelles"), std::string::npos);
  EXPECT_EQ(seen.body.find("mère"), std::string::npos) << "consent details are the sender's";
  EXPECT_EQ(b.get(href + "/print").status, 403);

  // Withdrawn from the sender's page.
  auto page = a.get(href);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("action=\"(/transitions/handovers/[^\"]+/withdraw)\"")));
  EXPECT_EQ(a.post(m[1], "").status, 303);
  EXPECT_EQ(b.get(href).status, 403);
  EXPECT_GE(testing::audit_count(db(), "transitions.handover.refused"), 2);
  EXPECT_GE(testing::audit_count(db(), "transitions.handover.read"), 4);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(HandoverPagesTest);

}  // namespace
}  // namespace samen::transitions

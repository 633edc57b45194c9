// Links to another organisation's location wait for its consent (issue 14),
// on both databases: a partner's link to a location its organisations do not
// own becomes a pending request (not public, not on the service); a partner
// of the location's organisation or a coordinator accepts it (the link is
// made, recorded in the history, audited, public) or refuses it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/audit.hpp"
#include "directory/directory_fixture.hpp"

namespace samen {
namespace {

using accounts::Role;
using nlohmann::json;
using testing::AppClient;

class LinkRequests : public testing::DirectoryAppTest {
 protected:
  void SetUp() override {
    DirectoryAppTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    add_user("partner.b@example.org", Role::partner, {org_b});
    loc_b = make_location("Huis van het Kind B", org_b);
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const json& body = nullptr) {
    AppClient c(*app_);
    http::Headers h{{"authorization", "Bearer " + token_for(email)}};
    return c.request(method, path, body.is_null() ? "" : body.dump(), "application/json", h);
  }
  static json links(const std::vector<std::string>& ids) {
    json sal = json::array();
    for (const auto& id : ids) sal.push_back({{"location_id", id}});
    return json{{"service_at_locations", sal}};
  }
  std::unique_ptr<AppClient> staff(const std::string& email) {
    auto c = std::make_unique<AppClient>(*app_);
    EXPECT_EQ(c->login(email, testing::kStaffPassword).status, 303);
    c->get("/directory/link-requests");
    return c;
  }
  std::string request_for(const std::string& service) {
    return scalar("SELECT id FROM location_link_requests WHERE service_id = ?", {service});
  }
  std::int64_t linked(const std::string& service) {
    return count("SELECT COUNT(*) FROM service_at_location WHERE service_id = ?", {service});
  }
  std::int64_t audit_count(const std::string& action) {
    auto lease = db().acquire();
    accounts::AuditFilter f;
    f.action = action;
    return accounts::count_audit(*lease, f);
  }
  std::string loc_b;
};

TEST_P(LinkRequests, APartnersLinkToAnotherOrganisationsLocationWaitsForItsConsent) {
  std::string svc = make_service("Opvang A", org_a);
  auto asked = api("PATCH", "/api/v1/services/" + svc, "partner@example.org", links({loc_b}));
  ASSERT_EQ(asked.status, 200) << asked.body;
  EXPECT_EQ(linked(svc), 0) << "not linked yet";
  ASSERT_FALSE(request_for(svc).empty());
  EXPECT_EQ(scalar("SELECT requested_by FROM location_link_requests WHERE service_id = ?", {svc}), "partner@example.org");
  EXPECT_EQ(audit_count("directory.service.update"), 1) << "asking is audited";
  EXPECT_EQ(api("GET", "/api/v1/services/" + svc, "partner@example.org").body.find(loc_b), std::string::npos);
  AppClient visitor(*app_);
  EXPECT_EQ(visitor.get("/hsds/services/" + svc).body.find(loc_b), std::string::npos) << "pending links are not public";
  // Asking again keeps one request.
  ASSERT_EQ(api("PATCH", "/api/v1/services/" + svc, "partner@example.org", links({loc_b})).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM location_link_requests"), 1);

  // Only the location's side sees and decides it.
  auto own_side = staff("partner@example.org");
  EXPECT_EQ(own_side->get("/directory/link-requests").body.find("Opvang A"), std::string::npos);
  EXPECT_EQ(own_side->post("/directory/link-requests/" + request_for(svc) + "/accept", "").status, 403);
  auto location_side = staff("partner.b@example.org");
  auto page = location_side->get("/directory/link-requests");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Opvang A"), std::string::npos);
  EXPECT_NE(page.body.find("/accept\""), std::string::npos);
  auto accepted = location_side->post("/directory/link-requests/" + request_for(svc) + "/accept", "");
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(accepted.header("Location").value_or(""), "/directory/link-requests?done=link_accepted");
  EXPECT_EQ(linked(svc), 1);
  EXPECT_TRUE(request_for(svc).empty());
  EXPECT_EQ(audit_count("directory.service.link_accept"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_id = ? AND field_name = 'locations' AND "
                  "last_action_type = 'update' AND updated_by = 'partner.b@example.org'",
                  {svc}),
            1)
      << "the link is in the service's history";
  EXPECT_NE(visitor.get("/hsds/services/" + svc).body.find(loc_b), std::string::npos) << "now public";
  // The partner's later edits keep the accepted link.
  ASSERT_EQ(api("PATCH", "/api/v1/services/" + svc, "partner@example.org", json{{"email", "a@vlinder.be"}}).status, 200);
  EXPECT_EQ(linked(svc), 1);
}

TEST_P(LinkRequests, ACoordinatorRefusesAndNewServicesAskToo) {
  auto created = api("POST", "/api/v1/services", "partner@example.org",
                     json{{"organization_id", org_a}, {"name", "Nieuw"}, {"description", "Opvang"},
                          {"service_at_locations", json::array({{{"location_id", loc_b}}})}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string svc = json::parse(created.body)["id"];
  EXPECT_EQ(linked(svc), 0);
  ASSERT_FALSE(request_for(svc).empty());
  auto coordinator = staff("coordinator@example.org");
  EXPECT_NE(coordinator->get("/directory/link-requests").body.find("Nieuw"), std::string::npos) << "sees all";
  auto refused = coordinator->post("/directory/link-requests/" + request_for(svc) + "/refuse", "");
  ASSERT_EQ(refused.status, 303);
  EXPECT_TRUE(request_for(svc).empty());
  EXPECT_EQ(linked(svc), 0);
  EXPECT_EQ(audit_count("directory.service.link_refuse"), 1);
  EXPECT_EQ(coordinator->post("/directory/link-requests/" + svc + "/refuse", "").status, 404);
  // A coordinator's own link needs nobody's consent.
  ASSERT_EQ(api("PATCH", "/api/v1/services/" + svc, "coordinator@example.org", links({loc_b})).status, 200);
  EXPECT_EQ(linked(svc), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM location_link_requests"), 0);
}

TEST_P(LinkRequests, AStaffFormLinkSaysItWaitsAndAnArchivedLocationCannotBeAccepted) {
  std::string svc = make_service("Opvang A", org_a);
  auto own_side = staff("partner@example.org");
  auto form = own_side->get("/directory/services/" + svc + "/edit");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Huis van het Kind B ("), std::string::npos) << "offered, marked as needing consent";
  auto saved = own_side->post("/directory/services/" + svc,
                              "organization_id=" + org_a + "&name=Opvang+A&description=Opvang&status=active&locations=" +
                                  http::url_encode(loc_b));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_NE(saved.header("Location").value_or("").find("done=link_requested"), std::string::npos);
  ASSERT_FALSE(request_for(svc).empty());
  {
    auto lease = db().acquire();
    ASSERT_TRUE(directory::set_archived(*lease, directory::RecordKind::location, loc_b, true, actor()));
  }
  auto location_side = staff("partner.b@example.org");
  EXPECT_EQ(location_side->post("/directory/link-requests/" + request_for(svc) + "/accept", "").status, 409);
  EXPECT_EQ(linked(svc), 0);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(LinkRequests);

}  // namespace
}  // namespace samen

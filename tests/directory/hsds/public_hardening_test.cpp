// What the public sees of the service map, and what a partner may change
// (issue 14), in-process on both databases: the public HSDS API names no
// staff member and no replaced values, only coordinators verify, a partner
// links at once only its own organisations' locations, an archived organisation's
// services leave the map with it, and heavy public requests are limited.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "directory/directory_fixture.hpp"
#include "directory/hsds/hsds_objects.hpp"

namespace samen {
namespace {

using accounts::Role;
using nlohmann::json;
using testing::AppClient;

class PublicHardening : public testing::DirectoryAppTest {
 protected:
  http::Response call(const std::string& method, const std::string& path, std::optional<Role> role,
                      const json& body = nullptr, const std::string& ip = "192.0.2.10") {
    AppClient c(*app_);
    c.ip = ip;
    http::Headers h;
    if (role) h.emplace_back("authorization", "Bearer " + token(*role));
    return c.request(method, path, body.is_null() ? "" : body.dump(), "application/json", h);
  }
  const std::string& token(Role r) {
    auto& t = tokens_[r];
    if (t.empty()) t = token_for(std::string(accounts::role_name(r)) + "@example.org");
    return t;
  }
  std::map<Role, std::string> tokens_;
};

TEST_P(PublicHardening, PublicHsdsNamesNoStaffAndNoReplacedValues) {
  std::string svc = make_service("Opvang A", org_a);
  ASSERT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::coordinator, json{{"email", "old.contact@vlinder.be"}}).status,
            200);
  ASSERT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::coordinator, json{{"email", "new@vlinder.be"}}).status, 200);
  auto pub = call("GET", "/hsds/services/" + svc, std::nullopt);
  ASSERT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find("\"metadata\""), std::string::npos) << "the history is still there: when and which field";
  EXPECT_NE(pub.body.find("\"field_name\":\"email\""), std::string::npos);
  EXPECT_EQ(pub.body.find("coordinator@example.org"), std::string::npos) << "no staff e-mail";
  EXPECT_EQ(pub.body.find("old.contact@vlinder.be"), std::string::npos) << "no replaced value";
  auto list = call("GET", "/hsds/services?full=true&format=ndjson", std::nullopt);
  std::string streamed;
  if (list.stream)
    for (std::string chunk; list.stream(chunk); chunk.clear()) streamed += chunk;
  EXPECT_EQ((list.body + streamed).find("coordinator@example.org"), std::string::npos);
  // The staff export keeps the full history.
  auto lease = db().acquire();
  auto full = directory::hsds::build_json(*lease, directory::hsds::Shape::service_full, {svc}, true);
  ASSERT_EQ(full.size(), 1u);
  EXPECT_NE(full[0].find("coordinator@example.org"), std::string::npos);
  EXPECT_NE(full[0].find("old.contact@vlinder.be"), std::string::npos);
}

TEST_P(PublicHardening, OnlyCoordinatorsVerifyAndPartnersLinkOnlyTheirOwnLocations) {
  std::string svc = make_service("Opvang A", org_a);
  std::string own = make_location("Eigen plek", org_a), other = make_location("Andere plek", org_b);
  auto link = [](const std::vector<std::string>& ids) {
    json sal = json::array();
    for (const auto& id : ids) sal.push_back({{"location_id", id}});
    return json{{"service_at_locations", sal}};
  };
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::partner, link({other})).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM service_at_location WHERE service_id = ?", {svc}), 0)
      << "another organisation's location waits for its consent (link_requests_test.cpp)";
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::partner, link({own})).status, 200);
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::coordinator, link({own, other})).status, 200);
  // The coordinator's link stays through the partner's later edits.
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::partner, json{{"email", "a@vlinder.be"}}).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM service_at_location WHERE service_id = ?", {svc}), 2);

  auto created = call("POST", "/api/v1/services", Role::partner,
                      json{{"organization_id", org_a}, {"name", "Nieuw"}, {"assured_date", "2026-01-01"}});
  EXPECT_EQ(created.status, 403) << created.body;
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::partner,
                 json{{"assured_date", "2026-11-30"}, {"assurer_email", "partner@example.org"}})
                .status,
            403);
  EXPECT_EQ(scalar("SELECT COALESCE(assured_date, '') FROM services WHERE id = ?", {svc}), "");
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc, Role::coordinator, json{{"assured_date", "2026-11-30"}}).status,
            200);
  // A partner's PUT that leaves the fields out keeps the coordinator's verification.
  auto current = json::parse(call("GET", "/api/v1/services/" + svc, Role::partner).body);
  current.erase("assured_date");
  current.erase("assurer_email");
  current.erase("updated_at");
  EXPECT_EQ(call("PUT", "/api/v1/services/" + svc, Role::partner, current).status, 200);
  EXPECT_EQ(scalar("SELECT assured_date FROM services WHERE id = ?", {svc}), "2026-11-30");
  // The staff page's verify action is for coordinators.
  auto partner = client(Role::partner);
  EXPECT_EQ(partner->get("/directory/services/" + svc).body.find("/verify\""), std::string::npos);
  EXPECT_EQ(partner->post("/directory/services/" + svc + "/verify", "").status, 403);
}

TEST_P(PublicHardening, ArchivingAnOrganisationHidesItsServicesAndRestoreBringsThemBack) {
  std::string svc = make_service("Opvang A", org_a), gone = make_service("Opvang A oud", org_a);
  {
    auto lease = db().acquire();  // archived on its own, earlier
    ASSERT_TRUE(directory::set_archived(*lease, directory::RecordKind::service, gone, true, actor(), std::nullopt));
  }
  ASSERT_EQ(call("GET", "/hsds/services/" + svc, std::nullopt).status, 200);
  ASSERT_EQ(call("DELETE", "/api/v1/organizations/" + org_a, Role::coordinator).status, 200);
  EXPECT_EQ(call("GET", "/hsds/services/" + svc, std::nullopt).status, 404);
  EXPECT_EQ(json::parse(call("GET", "/hsds/services?organization_id=" + org_a, std::nullopt).body)["total_items"], 0);
  AppClient visitor(*app_);
  EXPECT_EQ(visitor.get("/services/" + svc).status, 404);
  ASSERT_EQ(call("POST", "/api/v1/organizations/" + org_a + "/restore", Role::coordinator).status, 200);
  EXPECT_EQ(call("GET", "/hsds/services/" + svc, std::nullopt).status, 200);
  EXPECT_EQ(call("GET", "/hsds/services/" + gone, std::nullopt).status, 404) << "archived on its own before: stays";
}

TEST_P(PublicHardening, HeavyPublicRequestsAreLimitedPerAddress) {
  make_service("Opvang A", org_a);
  for (int i = 0; i < 30; ++i)
    ASSERT_EQ(call("GET", "/hsds/services?search=opvang", std::nullopt).status, 200) << i;
  auto refused = call("GET", "/hsds/services?format=ndjson&full=true", std::nullopt);
  EXPECT_EQ(refused.status, 429);
  auto wait = std::stoi(refused.header("Retry-After").value_or("0"));
  EXPECT_GE(wait, 1);
  EXPECT_LE(wait, 60);
  EXPECT_EQ(json::parse(refused.body)["error"]["code"], "rate_limited");
  EXPECT_EQ(call("GET", "/hsds/services?search=opvang", std::nullopt, nullptr, "198.51.100.4").status, 200)
      << "another address is not limited";
  EXPECT_EQ(call("GET", "/hsds/services?per_page=10", std::nullopt).status, 200) << "a plain page is not heavy";
}

// An IPv6 subscriber gets a whole /64: changing address within it does not
// buy another 30 heavy requests, while a client in another /64 is not limited.
TEST_P(PublicHardening, HeavyRequestsFromOneIPv6Slash64ShareTheLimit) {
  make_service("Opvang A", org_a);
  auto heavy = [&](const std::string& ip) {
    return call("GET", "/hsds/services?search=opvang", std::nullopt, nullptr, ip).status;
  };
  for (int i = 0; i < 30; ++i) ASSERT_EQ(heavy(i % 2 ? "2001:db8:1:2::1" : "2001:db8:1:2:ffff::9"), 200) << i;
  EXPECT_EQ(heavy("2001:db8:1:2:abcd::7"), 429) << "a third address of the same /64";
  EXPECT_EQ(heavy("2001:db8:1:3::1"), 200) << "another /64 has its own limit";
}

// Two servers on one database share the limit: each allowed its own 30 a
// minute while the count was kept per process.
TEST_P(PublicHardening, HeavyRequestsAreCountedAcrossServersSharingTheDatabase) {
  make_service("Opvang A", org_a);
  app::AppOptions o;
  o.access_log = false;
  o.data_dir = test_db().scratch() / "second";
  std::filesystem::create_directories(o.data_dir);
  app::App second(o, test_db().open_another(2));
  auto heavy = [&](app::App& server) {
    AppClient c(server);
    c.ip = "203.0.113.7";
    return c.request("GET", "/hsds/services?search=opvang", "", "application/json", {});
  };
  for (int i = 0; i < 30; ++i) ASSERT_EQ(heavy(i % 2 ? second : *app_).status, 200) << i;
  EXPECT_EQ(heavy(second).status, 429) << "the second server counts the first one's requests";
  EXPECT_EQ(heavy(*app_).status, 429);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(PublicHardening);

}  // namespace
}  // namespace samen

// The staff JSON API of the service map in-process on both databases, with
// bearer tokens: access per role, create / get / PUT / PATCH / DELETE
// (archive) / restore, validation answers per field, wrong types, bad bodies,
// the optimistic check and audit.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "directory/module.hpp"
#include "accounts/audit.hpp"
#include "directory/directory_fixture.hpp"
#include "directory/search/search.hpp"

namespace samen {
namespace {

using accounts::Role;
using nlohmann::json;
using testing::AppClient;

class StaffApi : public testing::DirectoryAppTest {
 protected:
  http::Response call(const std::string& method, const std::string& path, std::optional<Role> role,
                      const std::string& body = "", const std::string& type = "application/json",
                      const std::string& lang = "nl") {
    AppClient c(*app_, lang);
    http::Headers h;
    if (role) h.emplace_back("authorization", "Bearer " + token(*role));
    return c.request(method, path, body, type, h);
  }
  http::Response call(const std::string& method, const std::string& path, std::optional<Role> role, const json& body) {
    return call(method, path, role, body.dump());
  }
  const std::string& token(Role r) {
    auto& t = tokens_[r];
    if (t.empty()) t = token_for(std::string(accounts::role_name(r)) + "@example.org");
    return t;
  }
  json service_body(const std::string& org, const std::string& name) {
    return {{"organization_id", org}, {"name", name}, {"description", "Opvang voor baby's"},
            {"translations", {{"fr", {{"name", name + " FR"}, {"description", "Accueil des bébés"}}}}}};
  }
  std::int64_t audit_count(const std::string& action) { return testing::audit_count(db(), action); }
  std::map<Role, std::string> tokens_;
};

TEST_P(StaffApi, AccessPerRole) {
  std::string svc_a = make_service("Opvang A", org_a), svc_b = make_service("Opvang B", org_b);
  for (const char* path : {"/api/v1/organizations", "/api/v1/services", "/api/v1/locations", "/api/v1/teams"}) {
    EXPECT_EQ(call("GET", path, std::nullopt).status, 401) << path;
    for (Role r : accounts::kRoles) EXPECT_EQ(call("GET", path, r).status, 200) << path;
  }
  EXPECT_EQ(call("POST", "/api/v1/services", std::nullopt, service_body(org_a, "x")).status, 401);
  for (Role r : accounts::kRoles) {
    bool edits = r == Role::admin || r == Role::coordinator || r == Role::partner;
    bool network = r == Role::admin || r == Role::coordinator;
    std::string who(accounts::role_name(r));
    EXPECT_EQ(call("GET", "/api/v1/services/" + svc_a, r).status, 200) << who;
    EXPECT_EQ(call("POST", "/api/v1/services", r, service_body(org_a, "Nieuw " + who)).status, edits ? 201 : 403) << who;
    EXPECT_EQ(call("POST", "/api/v1/services", r, service_body(org_b, "Nieuw " + who)).status, network ? 201 : 403) << who;
    EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc_a, r, json{{"email", "a@vlinder.be"}}).status, edits ? 200 : 403)
        << who;
    EXPECT_EQ(call("PATCH", "/api/v1/services/" + svc_b, r, json{{"email", "b@vlinder.be"}}).status, network ? 200 : 403)
        << who;
    EXPECT_EQ(call("DELETE", "/api/v1/services/" + svc_a, r).status, edits ? 200 : 403) << who;
    EXPECT_EQ(call("POST", "/api/v1/services/" + svc_a + "/restore", r).status, edits ? 200 : 403) << who;
    EXPECT_EQ(call("POST", "/api/v1/organizations", r, json{{"name", "Org " + who}}).status, network ? 201 : 403) << who;
    EXPECT_EQ(call("PATCH", "/api/v1/organizations/" + org_a, r, json{{"email", "info@vlinder.be"}}).status,
              edits ? 200 : 403)
        << who;
    EXPECT_EQ(call("DELETE", "/api/v1/organizations/" + org_b, r).status, network ? 200 : 403) << who;
    EXPECT_EQ(call("POST", "/api/v1/organizations/" + org_b + "/restore", r).status, network ? 200 : 403) << who;
    EXPECT_EQ(call("POST", "/api/v1/teams", r, json{{"name", "Team " + who}, {"kind", "cluster"}}).status,
              network ? 201 : 403)
        << who;
    EXPECT_EQ(call("POST", "/api/v1/locations", r, json{{"organization_id", org_a}, {"name", "Plek " + who}}).status,
              edits ? 201 : 403)
        << who;
  }
}

TEST_P(StaffApi, OnlyCoordinatorsSetTheVerificationOfOrganisationsAndLocations) {
  std::string loc = make_location("Plek", org_a);
  json verified{{"assured_date", "2025-03-01"}, {"assurer_email", "coordinator@example.org"}};
  EXPECT_EQ(call("PATCH", "/api/v1/locations/" + loc, Role::partner, verified).status, 403);
  EXPECT_EQ(call("PATCH", "/api/v1/organizations/" + org_a, Role::partner, verified).status, 403);
  auto ok = call("PATCH", "/api/v1/locations/" + loc, Role::coordinator, verified);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(json::parse(ok.body).value("assured_date", ""), "2025-03-01");
  ASSERT_EQ(call("PATCH", "/api/v1/organizations/" + org_a, Role::coordinator, verified).status, 200);
  auto org = json::parse(call("GET", "/api/v1/organizations/" + org_a, Role::partner).body);
  EXPECT_EQ(org.value("assurer_email", ""), "coordinator@example.org");
  // A partner's edit without the fields keeps them.
  ASSERT_EQ(call("PATCH", "/api/v1/locations/" + loc, Role::partner, json{{"transportation", "Tram 3"}}).status, 200);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/locations/" + loc, Role::partner).body).value("assured_date", ""),
            "2025-03-01");
  auto bad = call("PATCH", "/api/v1/locations/" + loc, Role::coordinator, json{{"assured_date", "gisteren"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(json::parse(bad.body)["error"]["fields"].contains("assured_date")) << bad.body;
}

TEST_P(StaffApi, ServiceLifecycleWithHsdsFieldsAndTranslations) {
  std::string loc = make_location("Hoofdzetel", org_a);
  json body = service_body(org_a, "Kinderopvang De Vlinder");
  body["minimum_age"] = 0;
  body["maximum_age"] = 3;
  body["languages"] = {{{"code", "nl"}}, {{"code", "tr"}}};
  body["cost_options"] = {{{"option", "paid"}, {"amount", 4.5}}};
  body["attributes"] = {{{"taxonomy_term_id", *directory::family_term_id("childcare")}}};
  body["service_at_locations"] = {{{"location_id", loc}}};
  body["schedules"] = {{{"freq", "WEEKLY"}, {"byday", "TU"}, {"opens_at", "08:00"}, {"closes_at", "17:00"}}};
  body["schedule_exceptions"] = {{{"starts_on", "2025-08-01"}, {"ends_on", "2025-08-15"}, {"closed", true}}};
  body["contacts"] = {{{"name", "An"}, {"email", "an@vlinder.be"}}};
  body["phones"] = {{{"number", "02 123 45 67"}}};
  auto created = call("POST", "/api/v1/services", Role::partner, body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto j = json::parse(created.body);
  std::string id = j["id"];
  EXPECT_EQ(created.header("Location"), "/api/v1/services/" + id);
  EXPECT_EQ(j["translations"]["fr"]["name"], "Kinderopvang De Vlinder FR");
  EXPECT_EQ(j["languages"].size(), 2u);
  EXPECT_EQ(j["languages"][1]["name"], "Turkish");
  EXPECT_EQ(j["cost_options"][0]["amount"], 4.5);
  EXPECT_EQ(j["schedules"][0]["byday"], "TU");
  EXPECT_EQ(j["service_at_locations"][0]["location_id"], loc);
  EXPECT_EQ(j["status"], "active");
  EXPECT_TRUE(j["archived_at"].is_null());

  // PATCH merges: only the French name changes.
  auto patched = call("PATCH", "/api/v1/services/" + id, Role::partner,
                      json{{"translations", {{"fr", {{"name", "Crèche Le Papillon"}}}}}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto p = json::parse(patched.body);
  EXPECT_EQ(p["translations"]["fr"]["name"], "Crèche Le Papillon");
  EXPECT_EQ(p["translations"]["fr"]["description"], "Accueil des bébés");
  EXPECT_EQ(p["schedules"].size(), 1u);
  EXPECT_GT(p["version"].get<std::int64_t>(), j["version"].get<std::int64_t>());
  // Times are RFC 3339 in UTC.
  EXPECT_TRUE(std::regex_match(p["updated_at"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << p["updated_at"];
  EXPECT_TRUE(std::regex_match(p["created_at"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_id = ? AND last_action_type = 'update'", {id}), 1);

  // PUT replaces: what is absent is cleared.
  auto put = call("PUT", "/api/v1/services/" + id, Role::partner, service_body(org_a, "Kinderopvang"));
  ASSERT_EQ(put.status, 200) << put.body;
  auto q = json::parse(put.body);
  EXPECT_EQ(q["schedules"].size(), 0u);
  EXPECT_TRUE(q["minimum_age"].is_null());
  EXPECT_EQ(count("SELECT COUNT(*) FROM schedules WHERE service_id = ?", {id}), 0);

  // DELETE archives; the record and its history stay; restore brings it back.
  auto del = call("DELETE", "/api/v1/services/" + id, Role::partner);
  ASSERT_EQ(del.status, 200);
  EXPECT_FALSE(json::parse(del.body)["archived_at"].is_null());
  auto active = json::parse(call("GET", "/api/v1/services", Role::partner).body);
  auto archived = json::parse(call("GET", "/api/v1/services?archived=true", Role::partner).body);
  EXPECT_EQ(active["total_items"], 0);
  EXPECT_EQ(archived["total_items"], 1);
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + id, Role::partner, json{{"email", "x@y.be"}}).status, 409);
  EXPECT_EQ(call("POST", "/api/v1/services/" + id + "/restore", Role::partner).status, 200);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/services", Role::partner).body)["total_items"], 1);
  EXPECT_EQ(audit_count("directory.service.create"), 1);
  EXPECT_EQ(audit_count("directory.service.update"), 2);
  EXPECT_EQ(audit_count("directory.service.archive"), 1);
  EXPECT_EQ(audit_count("directory.service.restore"), 1);
  EXPECT_EQ(call("GET", "/api/v1/services/does-not-exist", Role::partner).status, 404);
  EXPECT_EQ(call("PUT", "/api/v1/services/does-not-exist", Role::partner, service_body(org_a, "x")).status, 404);
  EXPECT_EQ(call("DELETE", "/api/v1/teams/does-not-exist", Role::admin).status, 404);
}

TEST_P(StaffApi, ValidationAnswersPerFieldInTheCallersLanguage) {
  json body = {{"organization_id", org_a}, {"name", ""}, {"description", "x"}, {"email", "nope"},
               {"minimum_age", 30}, {"maximum_age", "three"}, {"translations", {{"de", {{"name", "x"}}}}}};
  auto before = count("SELECT COUNT(*) FROM services");
  {
    // The token's account speaks French: its saved language wins over Accept-Language.
    auto lease = db().acquire();
    lease->exec("UPDATE users SET lang = 'fr' WHERE email = 'coordinator@example.org'");
  }
  auto r = call("POST", "/api/v1/services", Role::coordinator, body.dump(), "application/json", "nl");
  ASSERT_EQ(r.status, 422);
  auto e = json::parse(r.body)["error"];
  EXPECT_EQ(e["code"], "validation");
  EXPECT_EQ(e["fields"]["name"], "Ce champ est obligatoire.");
  EXPECT_EQ(e["fields"]["minimum_age"], "Un âge est compris entre 0 et 25 ans.");
  EXPECT_EQ(e["fields"]["maximum_age"], "Cette valeur n'a pas le bon type.");
  EXPECT_TRUE(e["fields"].contains("email"));
  EXPECT_TRUE(e["fields"].contains("translations"));
  auto loc = call("POST", "/api/v1/locations", Role::coordinator,
                  json{{"organization_id", org_a}, {"name", "Plek"}, {"latitude", 50.85}, {"longitude", 5.0},
                       {"addresses", {{{"address_1", "Rue 1"}, {"postal_code", "4000"}}}}});
  ASSERT_EQ(loc.status, 422);
  auto lf = json::parse(loc.body)["error"]["fields"];
  EXPECT_TRUE(lf.contains("longitude"));
  EXPECT_TRUE(lf.contains("addresses"));
  // Bad bodies: not JSON, not an object, wrong type, invalid UTF-8, too large.
  EXPECT_EQ(call("POST", "/api/v1/services", Role::coordinator, std::string("{not json")).status, 400);
  EXPECT_EQ(call("POST", "/api/v1/services", Role::coordinator, std::string("[1,2]")).status, 400);
  EXPECT_EQ(call("POST", "/api/v1/services", Role::coordinator, "name=x", "application/x-www-form-urlencoded").status, 415);
  EXPECT_EQ(call("POST", "/api/v1/services", Role::coordinator, std::string("{\"name\":\"\xC3\x28\"}")).status, 400);
  std::string huge = "{\"name\":\"" + std::string((1 << 20) + 10, 'a') + "\"}";
  EXPECT_EQ(call("POST", "/api/v1/services", Role::coordinator, huge).status, 413);
  EXPECT_EQ(call("POST", "/api/v1/services", Role::coordinator, json{{"organization_id", org_a}, {"name", 1}}).status, 422);
  EXPECT_EQ(call("POST", "/api/v1/services", Role::coordinator,
                 json{{"organization_id", org_a}, {"name", "x"}, {"description", "y"}, {"schedules", "MO"}})
                .status,
            422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_type = 'service'"), 0);
  EXPECT_EQ(call("GET", "/api/v1/services?per_page=0", Role::coordinator).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/services?archived=maybe", Role::coordinator).status, 400);
}

TEST_P(StaffApi, OptimisticCheckWithVersionInTheBody) {
  std::string id = make_service("Opvang", org_a);
  auto read = json::parse(call("GET", "/api/v1/services/" + id, Role::coordinator).body);
  std::int64_t version = read["version"];
  auto first = call("PATCH", "/api/v1/services/" + id, Role::coordinator, json{{"name", "Eerste"}, {"version", version}});
  ASSERT_EQ(first.status, 200) << first.body;
  auto second = call("PATCH", "/api/v1/services/" + id, Role::partner, json{{"name", "Tweede"}, {"version", version}});
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(json::parse(second.body)["error"]["code"], "conflict");
  EXPECT_EQ(call("PATCH", "/api/v1/services/" + id, Role::partner, json{{"version", "yesterday"}}).status, 422);
  EXPECT_EQ(scalar("SELECT name FROM services WHERE id = ?", {id}), "Eerste");
}

TEST_P(StaffApi, OptimisticCheckWithIfMatch) {
  std::string id = make_service("Opvang", org_a);
  auto read = call("GET", "/api/v1/services/" + id, Role::coordinator);
  std::string tag = read.header("ETag").value_or("");
  EXPECT_EQ(tag, "\"" + std::to_string(json::parse(read.body)["version"].get<std::int64_t>()) + "\"");
  auto with = [&](const std::string& if_match, const std::string& name) {
    AppClient c(*app_);
    http::Headers h = {{"authorization", "Bearer " + token(Role::coordinator)}, {"if-match", if_match}};
    return c.request("PATCH", "/api/v1/services/" + id + "?lang=fr", json{{"name", name}}.dump(), "application/json",
                     h);
  };
  auto first = with(tag, "Eerste");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(first.header("ETag").value_or(""), tag);
  auto stale = with(tag, "Tweede");
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(json::parse(stale.body)["error"]["code"], "precondition_failed");
  EXPECT_NE(json::parse(stale.body)["error"]["message"].get<std::string>().find("version"), std::string::npos)
      << "in French: " << stale.body;
  EXPECT_EQ(with("not-a-tag", "Derde").status, 400);
  EXPECT_EQ(with("*", "Vierde").status, 200);  // any version
  EXPECT_EQ(scalar("SELECT name FROM services WHERE id = ?", {id}), "Vierde");
}

TEST_P(StaffApi, ListsArePagedAndTeamsCarryAreas) {
  for (int i = 0; i < 5; ++i) make_service("Dienst " + std::to_string(i), org_a);
  auto page = json::parse(call("GET", "/api/v1/services?per_page=2&page=3", Role::facilitator).body);
  EXPECT_EQ(page["total_items"], 5);
  EXPECT_EQ(page["total_pages"], 3);
  ASSERT_EQ(page["contents"].size(), 1u);
  EXPECT_EQ(page["contents"][0]["name"], "Dienst 4");
  auto q = json::parse(call("GET", "/api/v1/services?q=dienst%203", Role::facilitator).body);
  EXPECT_EQ(q["total_items"], 1);
  std::string top = make_team("Samenwerkingsverband");
  auto team = call("POST", "/api/v1/teams", Role::coordinator,
                   json{{"name", "Lokaal team Nieuwland"}, {"kind", "local_team"}, {"parent_id", top},
                        {"areas", {{{"municipality", "21004"}, {"neighbourhood", "Nieuwland"}}}}, {"members", {org_a, org_b}}});
  ASSERT_EQ(team.status, 201) << team.body;
  auto t = json::parse(team.body);
  EXPECT_EQ(t["areas"][0]["municipality"], "21004");
  EXPECT_EQ(t["members"].size(), 2u);
  EXPECT_EQ(t["parent_id"], top);
}

// Every committed write of a service reaches the search index at once.
TEST_P(StaffApi, WritesKeepTheSearchIndexCurrent) {
  auto created = call("POST", "/api/v1/services", Role::coordinator, service_body(org_a, "Zonnebloemetjeshuis"));
  ASSERT_EQ(created.status, 201);
  std::string id = json::parse(created.body)["id"];
  directory::SearchQuery q;
  q.text = "zonnebloemetjeshuis";
  auto found = directory::search(*app_).search(q);
  ASSERT_EQ(found.hits.size(), 1u);
  EXPECT_EQ(found.hits[0].service_id, id);
  ASSERT_EQ(call("PATCH", "/api/v1/services/" + id, Role::coordinator, json{{"name", "Klaprooshuis"}, {"translations", {{"fr", {{"name", "Maison coquelicot"}}}}}})
                .status,
            200);
  EXPECT_TRUE(directory::search(*app_).search(q).hits.empty());
  q.text = "klaprooshuis";
  EXPECT_EQ(directory::search(*app_).search(q).hits.size(), 1u);
  ASSERT_EQ(call("DELETE", "/api/v1/services/" + id, Role::coordinator).status, 200);
  EXPECT_TRUE(directory::search(*app_).search(q).hits.empty()) << "archived services leave the results";
  ASSERT_EQ(call("POST", "/api/v1/services/" + id + "/restore", Role::coordinator).status, 200);
  EXPECT_EQ(directory::search(*app_).search(q).hits.size(), 1u);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(StaffApi);

}  // namespace
}  // namespace samen

// The service map's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the public finder and HSDS API, the
// staff pages, the JSON API and the spreadsheet import, with records of
// organisation A (the partner's) and of organisation B (another's).
#include <nlohmann/json.hpp>

#include "directory/model/link_requests.hpp"
#include "directory/model/records.hpp"
#include "http/forms.hpp"
#include "support/route_access.hpp"

namespace samen::testing {
namespace {

std::string form(std::initializer_list<std::pair<std::string, std::string>> fields) {
  std::string out;
  for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
  return out;
}

template <class R>
std::string make(RouteWorld& w, R record) {
  auto lease = w.app.db().acquire();
  directory::create_record(*lease, record, {"coordinator@example.org", 1'700'000'000});
  return record.id;
}

std::string service(RouteWorld& w, const std::string& name, const std::string& org) {
  directory::Service s;
  s.organization_id = org;
  s.name.nl = name;
  s.description.nl = "Beschrijving van " + name;
  return make(w, s);
}
std::string location(RouteWorld& w, const std::string& name, const std::string& org) {
  directory::Location l;
  l.organization_id = org;
  l.name.nl = name;
  l.address = {"Kerkstraat 1", "", "1090", ""};
  return make(w, l);
}
std::string link_request(RouteWorld& w, const std::string& service, const std::string& location) {
  directory::Service s;
  s.id = service;
  s.requested_location_ids = {location};
  auto lease = w.app.db().acquire();
  directory::save_link_requests(*lease, s, {"partner@example.org", 1'700'000'000});
  return lease->exec("SELECT id FROM location_link_requests WHERE service_id = ? AND location_id = ?", {service, location})
      .rows.at(0)
      .text(0);
}
std::string team(RouteWorld& w, const std::string& name) {
  directory::Team t;
  t.name.nl = name;
  t.kind = "partnership";
  return make(w, t);
}

std::vector<RouteCase> directory_cases(RouteWorld& w) {
  const std::string svc_a = service(w, "Opvang A", w.org_a), svc_b = service(w, "Opvang B", w.org_b);
  const std::string loc_a = location(w, "Locatie A", w.org_a), loc_b = location(w, "Locatie B", w.org_b);
  const std::string tm = team(w, "Samenwerkingsverband");
  // Organisation A's service asks for organisation B's location and the
  // reverse: the first caller allowed to decide (the admin) uses each up.
  const std::string ask_b = link_request(w, svc_a, loc_b), ask_a = link_request(w, svc_b, loc_a);
  //                         anonymous admin coord facil partner parent_rep
  const RoleExpect readers{303, 200, 200, 200, 200, 200};
  const RoleExpect editors{303, 200, 200, 403, 200, 403};
  const RoleExpect editors_other{303, 200, 200, 403, 403, 403};  // a record of organisation B
  const RoleExpect network{303, 200, 200, 403, 403, 403};
  const RoleExpect write{303, 303, 303, 403, 303, 403};
  const RoleExpect write_other{303, 303, 303, 403, 403, 403};
  const RoleExpect network_write{303, 303, 303, 403, 403, 403};
  const RoleExpect api_readers{401, 200, 200, 200, 200, 200};
  const RoleExpect api_create{401, 201, 201, 403, 201, 403};
  const RoleExpect api_create_other{401, 201, 201, 403, 403, 403};
  const RoleExpect api_network_create{401, 201, 201, 403, 403, 403};
  const RoleExpect api_write{401, 200, 200, 403, 200, 403};
  const RoleExpect api_write_other{401, 200, 200, 403, 403, 403};
  const RoleExpect api_network_write{401, 200, 200, 403, 403, 403};
  auto svc_form = [&](const std::string& org, const std::string& name) {
    return form({{"organization_id", org}, {"name", name}, {"description", "Opvang"}, {"status", "active"}});
  };
  auto org_form = [&](const std::string& name) { return form({{"name", name}}); };
  auto loc_form = [&](const std::string& org) { return form({{"organization_id", org}, {"name", "Plek"}}); };
  using nlohmann::json;
  auto svc_json = [&](const std::string& org) {
    return json{{"organization_id", org}, {"name", "Dienst"}, {"description", "Opvang"}}.dump();
  };
  auto loc_json = [&](const std::string& org) { return json{{"organization_id", org}, {"name", "Plek"}}.dump(); };
  const std::string org_json = json{{"name", "Organisatie"}}.dump();
  const std::string team_json = json{{"name", "Team"}, {"kind", "cluster"}}.dump();

  return {
      // The public finder and the read-only HSDS API.
      {"GET", "/services", "", kPublicPage},
      {"GET", "/services?q=opvang", "", kPublicPage},
      {"GET", "/services/suggest?q=opv", "", kPublicPage},
      {"GET", "/services/map.json", "", kPublicPage},
      {"GET", "/services/" + svc_a, "", kPublicPage},
      {"GET", "/hsds/", "", kPublicApi},
      {"GET", "/hsds/openapi.json", "", kPublicApi},
      {"GET", "/hsds/services", "", kPublicApi},
      {"GET", "/hsds/services/" + svc_a, "", kPublicApi},
      {"GET", "/hsds/organizations", "", kPublicApi},
      {"GET", "/hsds/organizations/" + w.org_a, "", kPublicApi},
      {"GET", "/hsds/service_at_locations", "", kPublicApi},
      {"GET", "/hsds/service_at_locations/no-such-id", "", {404, 404, 404, 404, 404, 404}},
      {"GET", "/hsds/taxonomies", "", kPublicApi},
      {"GET", "/hsds/taxonomies/no-such-id", "", {404, 404, 404, 404, 404, 404}},
      {"GET", "/hsds/taxonomy_terms", "", kPublicApi},
      {"GET", "/hsds/taxonomy_terms/no-such-id", "", {404, 404, 404, 404, 404, 404}},
      // Staff pages.
      {"GET", "/directory", "", readers},
      {"GET", "/directory/review", "", editors},
      {"GET", "/directory/review?format=xlsx", "", editors},
      {"GET", "/directory/review/organizations", "", editors},
      {"GET", "/directory/review/locations?format=csv", "", editors},
      {"GET", "/directory/translations", "", editors},
      {"GET", "/directory/organizations", "", readers},
      {"GET", "/directory/organizations/new", "", network},
      {"POST", "/directory/organizations", org_form("Nieuwe organisatie"), network_write},
      {"GET", "/directory/organizations/" + w.org_a, "", readers},
      {"GET", "/directory/organizations/" + w.org_a + "/edit", "", editors},
      {"GET", "/directory/organizations/" + w.org_b + "/edit", "", editors_other},
      {"POST", "/directory/organizations/" + w.org_a, org_form("Kinderdagverblijf De Vlinder"), write},
      {"POST", "/directory/organizations/" + w.org_b, org_form("Crèche Les Petits Pas"), write_other},
      {"POST", "/directory/organizations/" + w.org_a + "/verify", "", network_write},
      {"POST", "/directory/organizations/" + w.org_b + "/verify", "", network_write},
      {"POST", "/directory/organizations/" + w.org_b + "/archive", "", network_write},
      {"POST", "/directory/organizations/" + w.org_b + "/restore", "", network_write},
      {"GET", "/directory/services", "", readers},
      {"GET", "/directory/services?format=csv", "", readers},
      {"GET", "/directory/services/new", "", editors},
      {"POST", "/directory/services", svc_form(w.org_a, "Nieuw A"), write},
      {"POST", "/directory/services", svc_form(w.org_b, "Nieuw B"), write_other},
      {"GET", "/directory/services/" + svc_a, "", readers},
      {"GET", "/directory/services/" + svc_a + "/edit", "", editors},
      {"GET", "/directory/services/" + svc_b + "/edit", "", editors_other},
      {"POST", "/directory/services/" + svc_a, svc_form(w.org_a, "Opvang A"), write},
      {"POST", "/directory/services/" + svc_b, svc_form(w.org_b, "Opvang B"), write_other},
      // Only coordinators (and admins) verify: a partner's own records must reach the review list.
      {"POST", "/directory/services/" + svc_a + "/verify", "", network_write},
      {"POST", "/directory/services/" + svc_b + "/verify", "", network_write},
      {"POST", "/directory/services/" + svc_a + "/archive", "", write},
      {"POST", "/directory/services/" + svc_a + "/restore", "", write},
      {"POST", "/directory/services/" + svc_b + "/archive", "", write_other},
      {"POST", "/directory/services/" + svc_b + "/restore", "", write_other},
      {"GET", "/directory/locations", "", readers},
      {"GET", "/directory/locations/new", "", editors},
      {"POST", "/directory/locations", loc_form(w.org_a), write},
      {"POST", "/directory/locations", loc_form(w.org_b), write_other},
      {"GET", "/directory/locations/" + loc_a, "", readers},
      {"GET", "/directory/locations/" + loc_a + "/edit", "", editors},
      {"GET", "/directory/locations/" + loc_b + "/edit", "", editors_other},
      {"POST", "/directory/locations/" + loc_a, loc_form(w.org_a), write},
      {"POST", "/directory/locations/" + loc_b, loc_form(w.org_b), write_other},
      {"POST", "/directory/locations/" + loc_a + "/verify", "", network_write},
      {"POST", "/directory/locations/" + loc_b + "/verify", "", network_write},
      {"POST", "/directory/locations/" + loc_a + "/archive", "", write},
      {"POST", "/directory/locations/" + loc_a + "/restore", "", write},
      {"POST", "/directory/locations/" + loc_b + "/archive", "", write_other},
      {"POST", "/directory/locations/" + loc_b + "/restore", "", write_other},
      // Consent to links to another organisation's location (decided once: later callers find nothing).
      {"GET", "/directory/link-requests", "", editors},
      {"POST", "/directory/link-requests/" + ask_b + "/accept", "", {303, 303, 404, 403, 404, 403}},
      {"POST", "/directory/link-requests/" + ask_a + "/refuse", "", {303, 303, 404, 403, 404, 403}},
      {"POST", "/directory/link-requests/no-such-id/accept", "", {303, 404, 404, 403, 404, 403}},
      {"POST", "/directory/link-requests/no-such-id/refuse", "", {303, 404, 404, 403, 404, 403}},
      {"GET", "/directory/teams", "", readers},
      {"GET", "/directory/teams/new", "", network},
      {"POST", "/directory/teams", form({{"name", "Lokaal team"}, {"kind", "local_team"}}), network_write},
      {"GET", "/directory/teams/" + tm, "", readers},
      {"GET", "/directory/teams/" + tm + "/edit", "", network},
      {"POST", "/directory/teams/" + tm, form({{"name", "Samenwerkingsverband"}, {"kind", "partnership"}}), network_write},
      {"POST", "/directory/teams/" + tm + "/archive", "", network_write},
      {"POST", "/directory/teams/" + tm + "/restore", "", network_write},
      // The spreadsheet import (its steps' own behaviour is in spreadsheet_test.cpp).
      // Without a file or a plan each step says the request is not valid.
      {"GET", "/directory/import", "", network},
      {"POST", "/directory/import", "", {303, 400, 400, 403, 403, 403}},
      {"POST", "/directory/import/preview", "", {303, 400, 400, 403, 403, 403}},
      {"POST", "/directory/import/apply", "", {303, 400, 400, 403, 403, 403}},
      // The JSON API.
      {"GET", "/api/v1/organizations", "", api_readers},
      {"POST", "/api/v1/organizations", org_json, api_network_create},
      {"GET", "/api/v1/organizations/" + w.org_a, "", api_readers},
      {"PATCH", "/api/v1/organizations/" + w.org_a, json{{"description", "x"}}.dump(), api_write},
      {"PUT", "/api/v1/organizations/" + w.org_b, json{{"name", "Crèche Les Petits Pas"}}.dump(), api_write_other},
      {"DELETE", "/api/v1/organizations/" + w.org_b, "", api_network_write},
      {"POST", "/api/v1/organizations/" + w.org_b + "/restore", "", api_network_write},
      {"GET", "/api/v1/services", "", api_readers},
      {"POST", "/api/v1/services", svc_json(w.org_a), api_create},
      {"POST", "/api/v1/services", svc_json(w.org_b), api_create_other},
      {"GET", "/api/v1/services/" + svc_a, "", api_readers},
      {"PATCH", "/api/v1/services/" + svc_a, json{{"description", "Opvang"}}.dump(), api_write},
      {"PUT", "/api/v1/services/" + svc_b, svc_json(w.org_b), api_write_other},
      {"DELETE", "/api/v1/services/" + svc_b, "", api_write_other},
      {"POST", "/api/v1/services/" + svc_b + "/restore", "", api_write_other},
      {"GET", "/api/v1/locations", "", api_readers},
      {"POST", "/api/v1/locations", loc_json(w.org_a), api_create},
      {"GET", "/api/v1/locations/" + loc_a, "", api_readers},
      {"PATCH", "/api/v1/locations/" + loc_b, json{{"name", "Plek B"}}.dump(), api_write_other},
      {"PUT", "/api/v1/locations/" + loc_a, loc_json(w.org_a), api_write},
      {"DELETE", "/api/v1/locations/" + loc_a, "", api_write},
      {"POST", "/api/v1/locations/" + loc_a + "/restore", "", api_write},
      {"GET", "/api/v1/teams", "", api_readers},
      {"POST", "/api/v1/teams", team_json, api_network_create},
      {"GET", "/api/v1/teams/" + tm, "", api_readers},
      {"PATCH", "/api/v1/teams/" + tm, json{{"name", "Samenwerkingsverband"}}.dump(), api_network_write},
      {"PUT", "/api/v1/teams/" + tm, json{{"name", "Samenwerkingsverband"}, {"kind", "partnership"}}.dump(), api_network_write},
      {"DELETE", "/api/v1/teams/" + tm, "", api_network_write},
      {"POST", "/api/v1/teams/" + tm + "/restore", "", api_network_write},
  };
}

const bool registered = register_route_cases(&directory_cases);

}  // namespace
}  // namespace samen::testing

// The staff pages of the service map in-process on both databases: creating
// and editing through the forms with validation in the user's language,
// optimistic locking, archive / restore, the change history, review and
// translation lists, teams, and audit. (Who may open each route is in the
// app-wide route × role table, tests/directory/route_cases.cpp.)
#include <gtest/gtest.h>

#include <algorithm>

#include <regex>

#include "accounts/audit.hpp"
#include "directory/directory_fixture.hpp"

namespace samen {
namespace {

using accounts::Role;
using testing::AppClient;

class StaffPages : public testing::DirectoryAppTest {
 protected:
  std::int64_t audit_count(const std::string& action) { return testing::audit_count(db(), action); }
  static std::string form(std::initializer_list<std::pair<std::string, std::string>> fields) {
    std::string out;
    for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    return out;
  }
  // The id in a Location header like /directory/services/<id>?done=saved.
  static std::string created_id(const http::Response& r) {
    std::string loc = r.header("Location").value_or("");
    auto slash = loc.rfind('/');
    return loc.substr(slash + 1, loc.find('?') - slash - 1);
  }
  std::string service_form(const std::string& org, const std::string& name) {
    return form({{"organization_id", org}, {"name", name}, {"description", "Opvang"}, {"status", "active"}});
  }
};

TEST_P(StaffPages, NavigationShowsTheDirectoryToSignedInUsersOnly) {
  auto anon = client(std::nullopt);
  EXPECT_EQ(anon->get("/").body.find("href=\"/directory\""), std::string::npos);
  auto parent = client(Role::parent_rep);
  EXPECT_NE(parent->get("/").body.find("href=\"/directory\""), std::string::npos);
}

TEST_P(StaffPages, CoordinatorCreatesAFullServiceThroughTheForm) {
  std::string loc = make_location("Hoofdzetel", org_a);
  auto c = client(Role::coordinator);
  auto page = c->get("/directory/services/new");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"name.fr\""), std::string::npos);
  EXPECT_NE(page.body.find("name=\"hours_opens\""), std::string::npos);
  std::string childcare = *directory::family_term_id("childcare");
  auto r = c->post("/directory/services",
                   form({{"organization_id", org_a}, {"name", "Kinderopvang De Vlinder"}, {"name.fr", "Crèche Le Papillon"},
                         {"name.en", "Butterfly childcare"}, {"description", "Opvang voor baby's"},
                         {"description.fr", "Accueil des bébés"}, {"status", "active"}, {"minimum_age", "0"},
                         {"maximum_age", "2,5"}, {"languages", "nl"}, {"languages", "ar"}, {"cost", "income_related"},
                         {"cost_amount", "12,50"}, {"categories", childcare}, {"locations", loc},
                         {"hours_day", "0"}, {"hours_opens", "07:30"}, {"hours_closes", "18:00"},
                         {"hours_day", ""}, {"hours_opens", ""}, {"hours_closes", ""},
                         {"exc_starts", "2025-12-24"}, {"exc_ends", "2025-12-26"}, {"exc_closed", "1"},
                         {"exc_opens", ""}, {"exc_closes", ""}, {"exc_description", "Kerstmis"},
                         {"contact_name", "An Peeters"}, {"contact_title", ""}, {"contact_email", "an@vlinder.be"},
                         {"phone_number", "02 123 45 67"}, {"phone_type", ""}, {"phone_description", ""},
                         {"email", "info@vlinder.be"}, {"url", "https://vlinder.be"}}));
  ASSERT_EQ(r.status, 303) << r.body;
  std::string id = created_id(r);
  auto view = c->get("/directory/services/" + id + "?done=saved");
  ASSERT_EQ(view.status, 200);
  for (const char* text : {"Crèche Le Papillon", "Butterfly childcare", "07:30", "Kerstmis", "An Peeters",
                           "02 123 45 67", "Hoofdzetel", "Kinderopvang (0-3 jaar)", "Arabisch", "12,5"})
    EXPECT_NE(view.body.find(text), std::string::npos) << text;
  EXPECT_NE(view.body.find("Aangemaakt"), std::string::npos) << "history shows the create rows";
  EXPECT_NE(view.body.find("href=\"mailto:info@vlinder.be\""), std::string::npos);
  EXPECT_NE(view.body.find("href=\"tel:021234567\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM languages WHERE service_id = ?", {id}), 2);
  EXPECT_EQ(scalar("SELECT option FROM cost_options WHERE service_id = ?", {id}), "income_related");
  EXPECT_EQ(count("SELECT COUNT(*) FROM schedules WHERE service_id = ? AND byday = 'MO'", {id}), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM service_at_location WHERE service_id = ?", {id}), 1);
  EXPECT_EQ(audit_count("directory.service.create"), 1);
}

TEST_P(StaffPages, InvalidInputIsExplainedPerFieldInTheUsersLanguageAndNothingIsWritten) {
  auto c = client(Role::coordinator);
  {
    auto lease = db().acquire();
    lease->exec("UPDATE users SET lang = 'fr' WHERE email = 'coordinator@example.org'");
  }
  auto before = count("SELECT COUNT(*) FROM services");
  auto r = c->post("/directory/services",
                   form({{"organization_id", org_a}, {"name", ""}, {"description", "x"}, {"status", "active"},
                         {"email", "geen-email"}, {"url", "vlinder.be"}, {"minimum_age", "6"}, {"maximum_age", "3"},
                         {"hours_day", "1"}, {"hours_opens", "18:00"}, {"hours_closes", "09:00"}}));
  ASSERT_EQ(r.status, 422);
  for (const char* text : {"Ce champ est obligatoire.", "Indiquez une adresse e-mail valide",
                           "L&#39;âge maximum doit être au moins égal à l&#39;âge minimum.", "aria-invalid=\"true\"",
                           "id=\"f-email-error\"", "href=\"#f-name\""})
    EXPECT_NE(r.body.find(text), std::string::npos) << text;
  EXPECT_NE(r.body.find("value=\"geen-email\""), std::string::npos) << "the form keeps what was typed";
  auto loc = c->post("/directory/locations", form({{"organization_id", org_a}, {"name", "Plek"}, {"address_1", "Rue 1"},
                                                   {"postal_code", "9000"}, {"latitude", "51.2"}, {"longitude", "4,3"}}));
  ASSERT_EQ(loc.status, 422);
  EXPECT_NE(loc.body.find("Ce n&#39;est pas le code postal d&#39;une commune bruxelloise."), std::string::npos);
  EXPECT_NE(loc.body.find("Cette latitude n&#39;est pas à Bruxelles"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM locations"), 0);
  // Invalid UTF-8 and hostile text.
  EXPECT_EQ(c->post("/directory/services", "organization_id=" + org_a + "&name=%C3%28&description=x").status, 400);
  auto evil = c->post("/directory/services", service_form(org_a, "<script>alert(1)</script>"));
  ASSERT_EQ(evil.status, 303);
  auto page = c->get(evil.header("Location").value_or(""));
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(c->get("/directory/services/no-such-id").status, 404);
  EXPECT_EQ(c->post("/directory/services/no-such-id", service_form(org_a, "x")).status, 404);
  EXPECT_EQ(c->post("/directory/services/no-such-id/archive", "").status, 404);
}

TEST_P(StaffPages, AStaleFormGets409AndKeepsTheOtherEdit) {
  std::string id = make_service("Opvang", org_a);
  auto first = client(Role::coordinator), second = client(Role::partner);
  auto edit = first->get("/directory/services/" + id + "/edit");
  ASSERT_EQ(edit.status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(edit.body, m, std::regex(R"re(name="updated_at" value="(\d+)")re")));
  std::string stamp = m[1];
  ASSERT_EQ(second->get("/directory/services/" + id + "/edit").status, 200);
  auto ok = second->post("/directory/services/" + id,
                         service_form(org_a, "Opvang (partner)") + "&updated_at=" + stamp);
  ASSERT_EQ(ok.status, 303);
  auto stale = first->post("/directory/services/" + id, service_form(org_a, "Opvang (coordinator)") + "&updated_at=" + stamp);
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Iemand anders heeft deze fiche gewijzigd"), std::string::npos);
  EXPECT_NE(stale.body.find("Opvang (coordinator)"), std::string::npos) << "the typed text is still there to copy";
  EXPECT_EQ(scalar("SELECT name FROM services WHERE id = ?", {id}), "Opvang (partner)");
  EXPECT_EQ(audit_count("directory.service.update"), 1);
}

TEST_P(StaffPages, ArchiveRestoreHistoryAndAudit) {
  std::string id = make_service("Opvang", org_a);
  auto c = client(Role::partner);
  EXPECT_EQ(c->post("/directory/services/" + id + "/archive", "").status, 303);
  EXPECT_FALSE(scalar("SELECT archived_at FROM services WHERE id = ?", {id}).empty());
  EXPECT_EQ(c->get("/directory/services").body.find(">Opvang<"), std::string::npos);
  EXPECT_NE(c->get("/directory/services?archived=1").body.find(">Opvang<"), std::string::npos);
  EXPECT_EQ(c->get("/directory/services/" + id + "/edit").status, 409);
  EXPECT_EQ(c->post("/directory/services/" + id, service_form(org_a, "Opvang 2")).status, 409);
  auto view = c->get("/directory/services/" + id);
  EXPECT_NE(view.body.find("/restore"), std::string::npos);
  EXPECT_EQ(c->post("/directory/services/" + id + "/restore", "").status, 303);
  EXPECT_TRUE(scalar("SELECT archived_at FROM services WHERE id = ?", {id}).empty());
  view = c->get("/directory/services/" + id);
  EXPECT_NE(view.body.find("Gearchiveerd"), std::string::npos) << "history shows the archive";
  EXPECT_NE(view.body.find("Teruggezet"), std::string::npos);
  EXPECT_NE(view.body.find("partner@example.org"), std::string::npos);
  EXPECT_EQ(audit_count("directory.service.archive"), 1);
  EXPECT_EQ(audit_count("directory.service.restore"), 1);
}

TEST_P(StaffPages, ListsExportEveryMatchingRecordNotOnlyThePageShown) {
  for (int i = 0; i < 60; ++i) make_service("Speelotheek " + std::to_string(i), org_a);
  make_service("Huiswerkklas", org_b);
  auto c = client(Role::facilitator);
  auto csv = c->get("/directory/services?q=speelotheek&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-disposition").value_or("").find("services.csv"), std::string::npos);
  EXPECT_NE(csv.body.find("Speelotheek 59"), std::string::npos) << "rows beyond the first page of 50";
  EXPECT_NE(csv.body.find("Kinderdagverblijf De Vlinder"), std::string::npos) << "the organisation column";
  EXPECT_EQ(csv.body.find("Huiswerkklas"), std::string::npos) << "the list's search applies";
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 61) << "a header and 60 rows";
  auto page = c->get("/directory/services?q=speelotheek");
  EXPECT_NE(page.body.find("format=xlsx"), std::string::npos) << "the page offers the export";
  auto xlsx = client(Role::coordinator)->get("/directory/review?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK")) << "an XLSX file is a ZIP package";
  EXPECT_EQ(c->get("/directory/services?format=docx").status, 400);
}

TEST_P(StaffPages, ReviewListAndVerifyButton) {
  std::string mine = make_service("Eigen dienst", org_a), theirs = make_service("Andere dienst", org_b);
  auto partner = client(Role::partner), coordinator = client(Role::coordinator);
  auto list = partner->get("/directory/review");
  EXPECT_NE(list.body.find("Eigen dienst"), std::string::npos);
  EXPECT_EQ(list.body.find("Andere dienst"), std::string::npos) << "partners see their own";
  list = coordinator->get("/directory/review");
  EXPECT_NE(list.body.find("Andere dienst"), std::string::npos);
  // Only coordinators verify: a partner's own records must reach the review list.
  EXPECT_EQ(partner->post("/directory/services/" + mine + "/verify", "").status, 403);
  EXPECT_TRUE(scalar("SELECT assurer_email FROM services WHERE id = ?", {mine}).empty());
  coordinator->get("/directory/review");
  EXPECT_EQ(coordinator->post("/directory/services/" + mine + "/verify", "").status, 303);
  EXPECT_EQ(scalar("SELECT assurer_email FROM services WHERE id = ?", {mine}), "coordinator@example.org");
  EXPECT_EQ(scalar("SELECT assured_date FROM services WHERE id = ?", {mine}), directory::iso_date(app::unix_now()));
  EXPECT_EQ(partner->get("/directory/review").body.find("Eigen dienst"), std::string::npos);
  EXPECT_EQ(audit_count("directory.service.verify"), 1);
}

TEST_P(StaffPages, OrganisationsAndLocationsAreVerifiedAndHaveTheirReviewLists) {
  std::string mine = make_location("Eigen locatie", org_a), theirs = make_location("Andere locatie", org_b);
  auto partner = client(Role::partner), coordinator = client(Role::coordinator);
  auto home = partner->get("/directory");
  EXPECT_NE(home.body.find("href=\"/directory/review/organizations\""), std::string::npos);
  EXPECT_NE(home.body.find("href=\"/directory/review/locations\""), std::string::npos);
  auto list = partner->get("/directory/review/locations");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Locaties na te kijken"), std::string::npos);
  EXPECT_NE(list.body.find("Eigen locatie"), std::string::npos);
  EXPECT_EQ(list.body.find("Andere locatie"), std::string::npos) << "partners see their own";
  EXPECT_NE(coordinator->get("/directory/review/locations").body.find("Andere locatie"), std::string::npos);
  auto orgs = coordinator->get("/directory/review/organizations");
  EXPECT_NE(orgs.body.find("Crèche Les Petits Pas"), std::string::npos);
  EXPECT_NE(coordinator->get("/directory/locations/" + mine).body.find("/verify"), std::string::npos);
  EXPECT_EQ(partner->get("/directory/locations/" + mine).body.find("/verify"), std::string::npos);
  // Only coordinators verify, by the button or by the form's hidden fields.
  EXPECT_EQ(partner->post("/directory/locations/" + mine + "/verify", "").status, 403);
  EXPECT_EQ(partner->post("/directory/organizations/" + org_a + "/verify", "").status, 403);
  EXPECT_TRUE(scalar("SELECT assurer_email FROM locations WHERE id = ?", {mine}).empty());
  EXPECT_EQ(coordinator->post("/directory/locations/" + mine + "/verify", "").status, 303);
  EXPECT_EQ(coordinator->post("/directory/organizations/" + org_b + "/verify", "").status, 303);
  EXPECT_EQ(scalar("SELECT assurer_email FROM locations WHERE id = ?", {mine}), "coordinator@example.org");
  EXPECT_EQ(scalar("SELECT assured_date FROM organizations WHERE id = ?", {org_b}), directory::iso_date(app::unix_now()));
  EXPECT_EQ(partner->get("/directory/review/locations").body.find("Eigen locatie"), std::string::npos);
  EXPECT_EQ(coordinator->get("/directory/review/organizations").body.find("Crèche Les Petits Pas"), std::string::npos);
  auto view = partner->get("/directory/locations/" + mine);
  EXPECT_NE(view.body.find("coordinator@example.org"), std::string::npos) << "the page says who verified";
  // A partner's edit keeps the verification (the form does not carry it).
  partner->get("/directory/locations/" + mine + "/edit");
  ASSERT_EQ(partner->post("/directory/locations/" + mine, form({{"organization_id", org_a}, {"name", "Eigen locatie 2"}}))
                .status,
            303);
  EXPECT_EQ(scalar("SELECT assurer_email FROM locations WHERE id = ?", {mine}), "coordinator@example.org");
  EXPECT_EQ(audit_count("directory.location.verify"), 1);
  EXPECT_EQ(audit_count("directory.organization.verify"), 1);
  EXPECT_EQ(coordinator->post("/directory/locations/no-such-id/verify", "").status, 404);
}

TEST_P(StaffPages, MissingFrenchSavesButIsListed) {
  auto c = client(Role::coordinator);
  auto r = c->post("/directory/services", service_form(org_a, "Alleen Nederlands"));
  ASSERT_EQ(r.status, 303);
  std::string id = created_id(r);
  EXPECT_NE(c->get("/directory/translations").body.find("Alleen Nederlands"), std::string::npos);
  EXPECT_NE(c->get("/directory/services/" + id).body.find("De Franse naam of beschrijving ontbreekt"), std::string::npos);
  c->get("/directory/services/" + id + "/edit");
  ASSERT_EQ(c->post("/directory/services/" + id, service_form(org_a, "Alleen Nederlands") +
                                                     "&name.fr=Seulement+fran%C3%A7ais&description.fr=Accueil")
                .status,
            303);
  EXPECT_EQ(c->get("/directory/translations").body.find("Alleen Nederlands"), std::string::npos);
  EXPECT_EQ(scalar("SELECT value FROM translations WHERE resource_id = ? AND field = 'name' AND lang = 'fr'", {id}),
            "Seulement français");
}

TEST_P(StaffPages, TeamsHaveAreasMembersAndAParent) {
  std::string top = make_team("Samenwerkingsverband");
  auto c = client(Role::coordinator);
  auto r = c->post("/directory/teams", form({{"name", "Lokaal team Jette"}, {"kind", "local_team"}, {"parent_id", top},
                                             {"area_municipality", "21010"}, {"area_neighbourhood", ""},
                                             {"area_municipality", "21004"}, {"area_neighbourhood", "Nieuwland"},
                                             {"members", org_a}}));
  ASSERT_EQ(r.status, 303) << r.body;
  std::string id = created_id(r);
  EXPECT_EQ(count("SELECT COUNT(*) FROM team_areas WHERE team_id = ?", {id}), 2);
  EXPECT_EQ(scalar("SELECT organization_id FROM team_members WHERE team_id = ?", {id}), org_a);
  auto partner = client(Role::partner);
  auto view = partner->get("/directory/teams/" + id);
  ASSERT_EQ(view.status, 200);
  for (const char* text : {"Jette", "Brussel — Nieuwland", "Kinderdagverblijf De Vlinder", "Samenwerkingsverband"})
    EXPECT_NE(view.body.find(text), std::string::npos) << text;
  EXPECT_EQ(view.body.find("/edit\""), std::string::npos) << "partners only view teams";
  // The partnership cannot be placed under its own local team.
  auto loop = c->post("/directory/teams/" + top, form({{"name", "Samenwerkingsverband"}, {"kind", "partnership"},
                                                       {"parent_id", id}}));
  EXPECT_EQ(loop.status, 422);
  auto bad = c->post("/directory/teams", form({{"name", "X"}, {"kind", "local_team"}, {"area_municipality", "12345"}}));
  EXPECT_EQ(bad.status, 422);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(StaffPages);

}  // namespace
}  // namespace samen

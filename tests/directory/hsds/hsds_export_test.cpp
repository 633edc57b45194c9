// HSDS 3.0 export on both databases: the CSV package and JSON files of a
// rich service map, their formatting (quotes, newlines, NULL vs "", numbers,
// translations as attributes), and the round trip export → import into an
// empty database → export that must give byte-identical files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "directory/fixtures/hsds_rich.hpp"
#include "directory/hsds/hsds_export.hpp"
#include "directory/hsds/hsds_import.hpp"
#include "directory/hsds/hsds_schema.hpp"
#include "directory/model/records.hpp"
#include "support/test_db.hpp"

namespace samen {
namespace {

namespace fs = std::filesystem;
namespace rich = testing::hsds_rich;
using directory::hsds::export_hsds;
using directory::hsds::import_hsds;
using directory::hsds::ImportOptions;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every file under dir: relative path → bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = slurp(e.path());
  return out;
}

std::string problems_of(const directory::hsds::ImportReport& r) {
  std::string s;
  for (const auto& p : r.problems) s += p.text() + "\n";
  return s;
}

// The local team's id sorts before its partnership's, so the import must put parents first itself.
constexpr const char* kLocalTeam = "9a0f7a52-1c1e-4a4e-9a57-5a0f0c2d1b01";
constexpr const char* kPartnership = "9a0f7a52-1c1e-4a4e-9a57-5a0f0c2d1b02";
constexpr const char* kServiceClosure = "aa1f7a52-1c1e-4a4e-9a57-5a0f0c2d1b01";
constexpr const char* kLocationHours = "aa1f7a52-1c1e-4a4e-9a57-5a0f0c2d1b02";
constexpr const char* kNoordDescription = "Schaarbeek, \"Noord\"\nen Evere";

// Samen's own data beside the rich service map: a local team under a
// partnership, with a translation, areas and members; a closure of a service
// and special hours of a location. (Written directly, so that the exported
// files hold only what this test compares.)
void seed_extensions(store::Connection& c) {
  c.exec("INSERT INTO teams (id, name, kind, parent_id, description, created_at, updated_at) "
         "VALUES (?, 'Huis van het Kind', 'partnership', NULL, '', 5000, 5000)",
         {std::string(kPartnership)});
  c.exec("INSERT INTO teams (id, name, kind, parent_id, description, created_at, updated_at) "
         "VALUES (?, 'Team Noord', 'local_team', ?, ?, 5000, 5000)",
         {std::string(kLocalTeam), std::string(kPartnership), std::string(kNoordDescription)});
  c.exec("INSERT INTO translations (resource_type, resource_id, field, lang, value) "
         "VALUES ('team', ?, 'name', 'fr', 'Maison de l''Enfant')",
         {std::string(kPartnership)});
  for (const char* area : {"21015:", "21015:Helmet", "21006:"}) {
    std::string a(area);
    c.exec("INSERT INTO team_areas (team_id, municipality, neighbourhood) VALUES (?, ?, ?)",
           {std::string(kLocalTeam), a.substr(0, 5), a.substr(6)});
  }
  for (const char* org : {rich::kOrgA, rich::kOrgB})
    c.exec("INSERT INTO team_members (team_id, organization_id) VALUES (?, ?)",
           {std::string(kLocalTeam), std::string(org)});
  c.exec("INSERT INTO schedule_exceptions (id, service_id, starts_on, ends_on, closed, description) "
         "VALUES (?, ?, '2024-12-23', '2025-01-03', 1, 'Kerstvakantie, \"gesloten\"')",
         {std::string(kServiceClosure), std::string(rich::kService1)});
  c.exec("INSERT INTO schedule_exceptions (id, location_id, starts_on, ends_on, closed, opens_at, closes_at) "
         "VALUES (?, ?, '2024-07-01', '2024-07-31', 0, '09:00', '12:30')",
         {std::string(kLocationHours), std::string(rich::kLocation)});
}

class HsdsExportTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    store::in_transaction(db(), [](store::Connection& c) { rich::seed(c); });
  }
  fs::path out() { return test_db().scratch() / "export"; }
  // Imports the package at `from` into `target` at time 7000.
  static directory::hsds::ImportReport import_at_7000(testing::TestDatabase& target, const fs::path& from) {
    ImportOptions o;
    o.now = 7000;
    return import_hsds(target.db(), from, o);
  }
};

TEST_P(HsdsExportTest, WritesEveryTableInHsdsColumnOrderWithTheOfficialDatapackage) {
  auto counts = export_hsds(db(), out());
  auto files = tree(out() / "csv");
  EXPECT_EQ(files.size(), 26u);  // 21 HSDS tables + 4 Samen extensions + datapackage.json
  EXPECT_EQ(files["datapackage.json"], directory::hsds::export_datapackage_json());
  for (const auto& t : directory::hsds::tables()) {
    ASSERT_TRUE(files.count(t.file)) << t.file;
    std::string header;
    for (const auto& f : t.fields) header += (header.empty() ? "" : ",") + f.name;
    EXPECT_TRUE(files[t.file].starts_with(header + "\r\n")) << t.file;
  }
  EXPECT_EQ(counts.rows["services.csv"], 3u);  // the archived service too
  EXPECT_EQ(counts.services, 3u);
  EXPECT_EQ(counts.organizations, 2u);
}

TEST_P(HsdsExportTest, CsvKeepsQuotesNewlinesNullsAndCanonicalNumbers) {
  export_hsds(db(), out());
  std::string services = slurp(out() / "csv" / "services.csv");
  // name with quotes and comma; NULL alternate_name; text with newline and quotes;
  // 2.5 and 3 as written; "" alert and NULL fields after it.
  EXPECT_NE(services.find(std::string(rich::kService1) + "," + rich::kOrgA + "," + rich::kProgram +
                          ",\"Crèche « Les Petits Loups » — 子供, \"\"Brussel\"\"\",,\"Opvang voor baby's;\n"
                          "\"\"warm\"\" en veilig\",https://example.org/creche?a=1&b=2,creche@example.org,active,,,"
                          "\"Inkomensgerelateerd: 2,50 € per uur\",,,,,2.5,3,2024-02-29,,,\"\",2024-05-01T09:30:00Z\r\n"),
            std::string::npos)
      << services;
  std::string orgs = slurp(out() / "csv" / "organizations.csv");
  EXPECT_NE(orgs.find(std::string(rich::kOrgA) +
                      ",\"Kind & Gezin, \"\"Brussel\"\"\",,\"Lijn 1\nLijn 2\r\nLijn 3\",info@kindengezin.be,"
                      "https://www.kindengezin.be/,\"\",BE0123.456.789,1987,vzw,,,\r\n"),
            std::string::npos)
      << orgs;
  EXPECT_NE(orgs.find(std::string(rich::kOrgB) + ",ONE,,\"\",,,,,,,,,\r\n"), std::string::npos) << orgs;
  std::string locations = slurp(out() / "csv" / "locations.csv");
  EXPECT_NE(locations.find(",50.8466,4.3528,"), std::string::npos) << locations;
  EXPECT_NE(slurp(out() / "csv" / "cost_options.csv").find(",EUR,12.75,per dag\r\n"), std::string::npos);
  // Rows are ordered by id.
  auto pos1 = services.find(rich::kService1), pos2 = services.find(rich::kService2), pos3 = services.find(rich::kArchived);
  EXPECT_LT(pos1, pos2);
  EXPECT_LT(pos2, pos3);
}

TEST_P(HsdsExportTest, TranslationsBecomeAttributesOfTheTranslationTaxonomy) {
  export_hsds(db(), out());
  std::string attributes = slurp(out() / "csv" / "attributes.csv");
  std::string fr_term(directory::hsds::translation_term_for_lang("fr")->id);
  std::string en_term(directory::hsds::translation_term_for_lang("en")->id);
  auto id = directory::hsds::translation_attribute_id("service", rich::kService1, "name", "en");
  EXPECT_NE(attributes.find(id + "," + rich::kService1 + "," + en_term +
                            ",name,service,\"Nursery \"\"Little Wolves\"\", Brussels\"\r\n"),
            std::string::npos)
      << attributes;
  EXPECT_NE(attributes.find("," + fr_term + ",description,service,\"Accueil des bébés;\nchaleureux, sûr\"\r\n"),
            std::string::npos);
  EXPECT_NE(attributes.find(std::string(rich::kTermChild) + "," + en_term + ",name,taxonomy_term,Childcare\r\n"),
            std::string::npos);
  std::string taxonomies = slurp(out() / "csv" / "taxonomies.csv");
  EXPECT_NE(taxonomies.find(std::string(directory::hsds::kTranslationTaxonomyId) + ",samen-translations,"),
            std::string::npos);
  EXPECT_NE(slurp(out() / "csv" / "taxonomy_terms.csv").find(",translation:fr,"), std::string::npos);
  // In JSON the translations are attributes of the service, with their term.
  auto services = nlohmann::json::parse(slurp(out() / "json" / "services.json"));
  ASSERT_EQ(services.size(), 3u);
  const auto& s1 = services[0];
  EXPECT_EQ(s1["id"], rich::kService1);
  EXPECT_EQ(s1["minimum_age"], 2.5);
  EXPECT_EQ(s1["maximum_age"], 3);
  EXPECT_TRUE(s1["maximum_age"].is_number_integer());
  EXPECT_FALSE(s1.contains("alternate_name"));  // NULL is left out
  EXPECT_EQ(s1["alert"], "");
  int translations = 0;
  for (const auto& a : s1["attributes"])
    if (a["taxonomy_term"]["taxonomy_id"] == directory::hsds::kTranslationTaxonomyId) ++translations;
  EXPECT_EQ(translations, 3);
  EXPECT_EQ(s1["organization"]["id"], rich::kOrgA);
  EXPECT_EQ(s1["service_at_locations"][0]["location"]["addresses"][0]["postal_code"], "1000");
  EXPECT_EQ(s1["contacts"][0]["phones"][0]["languages"][0]["code"], "fr");
}

TEST_P(HsdsExportTest, RoundTripThroughAnEmptyDatabaseGivesByteIdenticalFiles) {
  export_hsds(db(), out() / "first");
  ImportOptions o;
  o.now = 7000;
  testing::TestDatabase from_csv(GetParam());
  auto report = import_hsds(from_csv.db(), out() / "first", o);  // the export folder: its csv/ package
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_TRUE(report.problems.empty()) << problems_of(report);
  EXPECT_EQ(report.counts.translations, 5u);
  export_hsds(from_csv.db(), out() / "second");
  auto first = tree(out() / "first"), second = tree(out() / "second");
  ASSERT_EQ(first.size(), 34u);  // 21 + 4 CSV tables, datapackage.json, 4 + 4 JSON files
  for (const auto& [name, bytes] : first) EXPECT_EQ(bytes, second[name]) << name;
  EXPECT_EQ(first, second);

  // The JSON files carry the same data (all but meta_table_descriptions, which has no JSON form).
  testing::TestDatabase from_json(GetParam());
  report = import_hsds(from_json.db(), out() / "first" / "json", o);
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_TRUE(report.problems.empty()) << problems_of(report);
  export_hsds(from_json.db(), out() / "third");
  auto third = tree(out() / "third");
  for (const auto& [name, bytes] : first) {
    if (name == "csv/meta_table_descriptions.csv") continue;
    EXPECT_EQ(bytes, third[name]) << name;
  }
}

// Staff edits write their history with the time of day; HSDS's metadata
// table takes a date: the export gives the day, and the package imports back.
TEST_P(HsdsExportTest, EditHistoryWithTimesExportsAsDatesAndImportsBack) {
  db().acquire()->exec(
      "INSERT INTO metadata (id, resource_id, resource_type, last_action_date, last_action_type, field_name, "
      "previous_value, replacement_value, updated_by) VALUES ('bb1f7a52-1c1e-4a4e-9a57-5a0f0c2d1b01', ?, 'service', "
      "'2026-11-25T09:14:03Z', 'update', 'name', 'Oud', 'Nieuw', 'coordinator@example.org')",
      {std::string(rich::kService1)});
  export_hsds(db(), out());
  const std::string csv = slurp(out() / "csv" / "metadata.csv");
  EXPECT_NE(csv.find("2026-11-25,update,name"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("2026-11-25T09:14:03Z"), std::string::npos);
  testing::TestDatabase target(GetParam());
  auto report = import_at_7000(target, out());
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_EQ(target.db().acquire()->exec("SELECT last_action_date FROM metadata WHERE field_name = 'name' AND "
                                        "replacement_value = 'Nieuw'").rows.at(0).text(0),
            "2026-11-25");
}

TEST_P(HsdsExportTest, ReimportingTheExportChangesNothing) {
  export_hsds(db(), out());
  ImportOptions o;
  o.now = 9000;
  auto report = import_hsds(db(), out(), o);
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_EQ(report.counts.changed, 0u);
  EXPECT_GT(report.counts.total(), 20u);
  auto lease = db().acquire();
  EXPECT_EQ(lease->exec("SELECT updated_at FROM services WHERE id = ?", {std::string(rich::kService1)}).rows[0].int64(0),
            5000);
  // Archiving is Samen's own state: an import does not undo it.
  EXPECT_FALSE(lease->exec("SELECT archived_at FROM services WHERE id = ?", {std::string(rich::kArchived)}).rows[0].is_null(0));
}

TEST_P(HsdsExportTest, ScheduleExceptionsAndTeamsRoundTripThroughTheExtensionTables) {
  store::in_transaction(db(), [](store::Connection& c) { seed_extensions(c); });
  auto counts = export_hsds(db(), out() / "first");
  EXPECT_EQ(counts.rows["x_samen_schedule_exceptions.csv"], 2u);
  EXPECT_EQ(counts.rows["x_samen_teams.csv"], 2u);
  EXPECT_EQ(counts.rows["x_samen_team_areas.csv"], 3u);
  EXPECT_EQ(counts.rows["x_samen_team_members.csv"], 2u);
  std::string teams = slurp(out() / "first" / "csv" / "x_samen_teams.csv");
  EXPECT_EQ(teams, "id,name,kind,parent_id,description\r\n" + std::string(kLocalTeam) + ",Team Noord,local_team," +
                       kPartnership + ",\"Schaarbeek, \"\"Noord\"\"\nen Evere\"\r\n" + kPartnership +
                       ",Huis van het Kind,partnership,,\"\"\r\n");
  EXPECT_EQ(slurp(out() / "first" / "csv" / "x_samen_team_areas.csv"),
            "team_id,municipality,neighbourhood\r\n" + std::string(kLocalTeam) + ",21006,\"\"\r\n" + kLocalTeam +
                ",21015,\"\"\r\n" + kLocalTeam + ",21015,Helmet\r\n");
  std::string exceptions = slurp(out() / "first" / "csv" / "x_samen_schedule_exceptions.csv");
  EXPECT_NE(exceptions.find(std::string(kLocationHours) + ",," + rich::kLocation + ",2024-07-01,2024-07-31,0,09:00,12:30,\r\n"),
            std::string::npos)
      << exceptions;
  // The team's French name travels as a translation attribute like the other records'.
  EXPECT_NE(slurp(out() / "first" / "csv" / "attributes.csv").find(",name,team,Maison de l'Enfant\r\n"),
            std::string::npos);

  testing::TestDatabase copy(GetParam());
  auto report = import_at_7000(copy, out() / "first");
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_TRUE(report.problems.empty()) << problems_of(report);
  EXPECT_EQ(report.counts.rows["teams"], 2u);
  EXPECT_EQ(report.counts.rows["team_areas"], 3u);
  EXPECT_EQ(report.counts.rows["team_members"], 2u);
  EXPECT_EQ(report.counts.rows["schedule_exceptions"], 2u);
  {
    auto lease = copy.db().acquire();
    auto local = directory::load_team(*lease, kLocalTeam);
    ASSERT_TRUE(local);
    EXPECT_EQ(local->name.nl, "Team Noord");
    EXPECT_EQ(local->kind, "local_team");
    EXPECT_EQ(local->parent_id, kPartnership);
    EXPECT_EQ(local->description.nl, kNoordDescription);
    ASSERT_EQ(local->areas.size(), 3u);
    EXPECT_EQ(local->areas[0].municipality, "21006");
    EXPECT_EQ(local->areas[0].neighbourhood, "");
    EXPECT_EQ(local->areas[2].neighbourhood, "Helmet");
    EXPECT_EQ(local->member_ids, (std::vector<std::string>{rich::kOrgA, rich::kOrgB}));
    EXPECT_EQ(local->stamp.created_at, 7000);
    auto partnership = directory::load_team(*lease, kPartnership);
    ASSERT_TRUE(partnership);
    EXPECT_EQ(partnership->kind, "partnership");
    EXPECT_EQ(partnership->name.fr, "Maison de l'Enfant");
    EXPECT_EQ(partnership->description.nl, "");
    auto service = directory::load_service(*lease, rich::kService1);
    ASSERT_TRUE(service);
    ASSERT_EQ(service->exceptions.size(), 1u);
    EXPECT_EQ(service->exceptions[0].starts_on, "2024-12-23");
    EXPECT_EQ(service->exceptions[0].ends_on, "2025-01-03");
    EXPECT_TRUE(service->exceptions[0].closed);
    EXPECT_EQ(service->exceptions[0].description, "Kerstvakantie, \"gesloten\"");
    auto hours = lease->exec("SELECT location_id, closed, opens_at, closes_at FROM schedule_exceptions WHERE id = ?",
                             {std::string(kLocationHours)});
    ASSERT_EQ(hours.rows.size(), 1u);
    EXPECT_EQ(hours.rows[0].text(0), rich::kLocation);
    EXPECT_EQ(hours.rows[0].int64(1), 0);
    EXPECT_EQ(hours.rows[0].text(2), "09:00");
    EXPECT_EQ(hours.rows[0].text(3), "12:30");
  }
  export_hsds(copy.db(), out() / "second");
  auto first = tree(out() / "first"), second = tree(out() / "second");
  for (const auto& [name, bytes] : first) EXPECT_EQ(bytes, second[name]) << name;
  EXPECT_EQ(first, second);

  // Importing it again changes nothing, link tables included.
  report = import_at_7000(copy, out() / "first");
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_EQ(report.counts.changed, 0u);
}


// The extension tables travel in the JSON export too (json/x_samen_*.json),
// and a folder of JSON files brings them back.
TEST_P(HsdsExportTest, ExtensionTablesRoundTripThroughTheJsonExport) {
  store::in_transaction(db(), [](store::Connection& c) {
    seed_extensions(c);
    c.exec("INSERT INTO translations (resource_type, resource_id, field, lang, value) "
           "VALUES ('team', ?, 'description', 'en', 'North team')",
           {std::string(kLocalTeam)});
  });
  export_hsds(db(), out() / "first");
  const auto teams = nlohmann::json::parse(slurp(out() / "first" / "json" / "x_samen_teams.json"));
  ASSERT_EQ(teams.size(), 2u);
  EXPECT_EQ(teams[0]["name"], "Team Noord");
  // The teams' fr/en texts travel nested, as translation attributes of the team.
  ASSERT_EQ(teams[0]["attributes"].size(), 1u) << teams.dump();
  EXPECT_EQ(teams[0]["attributes"][0]["link_type"], "description");
  EXPECT_EQ(teams[0]["attributes"][0]["link_entity"], "team");
  EXPECT_EQ(teams[0]["attributes"][0]["value"], "North team");
  ASSERT_EQ(teams[1]["attributes"].size(), 1u);
  EXPECT_EQ(teams[1]["attributes"][0]["value"], "Maison de l'Enfant");
  EXPECT_EQ(nlohmann::json::parse(slurp(out() / "first" / "json" / "x_samen_team_areas.json")).size(), 3u);
  testing::TestDatabase copy(GetParam());
  auto report = import_at_7000(copy, out() / "first" / "json");
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_EQ(report.counts.rows["teams"], 2u);
  EXPECT_EQ(report.counts.rows["team_areas"], 3u);
  EXPECT_EQ(report.counts.rows["team_members"], 2u);
  EXPECT_EQ(report.counts.rows["schedule_exceptions"], 2u);
  {
    auto lease = copy.db().acquire();
    auto local = directory::load_team(*lease, kLocalTeam);
    ASSERT_TRUE(local);
    EXPECT_EQ(local->description.en, "North team");
    EXPECT_EQ(directory::load_team(*lease, kPartnership)->name.fr, "Maison de l'Enfant");
    EXPECT_EQ(local->parent_id, kPartnership);
    EXPECT_EQ(local->description.nl, kNoordDescription);
    ASSERT_EQ(local->areas.size(), 3u);
    EXPECT_EQ(local->areas[2].neighbourhood, "Helmet");
    auto service = directory::load_service(*lease, rich::kService1);
    ASSERT_TRUE(service);
    ASSERT_EQ(service->exceptions.size(), 1u);
    EXPECT_TRUE(service->exceptions[0].closed);
  }
  // A team's nested attribute that does not name its record type is the team's.
  auto bare = nlohmann::json::array({{{"id", kPartnership}, {"name", "Huis van het Kind"}, {"kind", "partnership"},
                                      {"attributes", {{{"id", "6b3e7c1b-8d2f-4e6a-9b0c-1f2e3d4c5b99"}, {"taxonomy_term_id", "5a3e7c1b-8d2f-4e6a-9b0c-1f2e3d4c5b01"},
                                                       {"link_type", "name"}, {"value", "House of the Child"}}}}}});
  fs::create_directories(out() / "bare");
  std::ofstream(out() / "bare" / "x_samen_teams.json") << bare.dump();
  std::ofstream(out() / "bare" / "services.json") << "[]";  // a folder of HSDS JSON files
  report = import_at_7000(copy, out() / "bare");
  ASSERT_TRUE(report.committed) << problems_of(report);
  auto again = copy.db().acquire();
  EXPECT_EQ(directory::load_team(*again, kPartnership)->name.en, "House of the Child");
}
TEST_P(HsdsExportTest, APlainHsdsPackageWithoutTheExtensionFilesStillImports) {
  store::in_transaction(db(), [](store::Connection& c) { seed_extensions(c); });
  export_hsds(db(), out());
  for (const auto& t : directory::hsds::tables())
    if (t.extension) ASSERT_TRUE(fs::remove(out() / "csv" / t.file)) << t.file;
  {
    std::ofstream dp(out() / "csv" / "datapackage.json", std::ios::binary | std::ios::trunc);
    dp << directory::hsds::datapackage_json();  // the official descriptor, no extension resources
  }
  testing::TestDatabase plain(GetParam());
  auto report = import_at_7000(plain, out() / "csv");
  ASSERT_TRUE(report.committed) << problems_of(report);
  EXPECT_TRUE(report.problems.empty()) << problems_of(report);
  EXPECT_EQ(report.counts.rows["services"], 3u);
  EXPECT_EQ(report.counts.rows.count("teams"), 0u);
  auto lease = plain.db().acquire();
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM teams").rows[0].int64(0), 0);
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM schedule_exceptions").rows[0].int64(0), 0);
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM services").rows[0].int64(0), 3);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(HsdsExportTest);

}  // namespace
}  // namespace samen

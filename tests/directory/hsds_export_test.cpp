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
#include "directory/hsds_export.hpp"
#include "directory/hsds_import.hpp"
#include "directory/hsds_schema.hpp"
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

class HsdsExportTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    store::in_transaction(db(), [](store::Connection& c) { rich::seed(c); });
  }
  fs::path out() { return test_db().scratch() / "export"; }
};

TEST_P(HsdsExportTest, WritesEveryTableInHsdsColumnOrderWithTheOfficialDatapackage) {
  auto counts = export_hsds(db(), out());
  auto files = tree(out() / "csv");
  EXPECT_EQ(files.size(), 22u);  // 21 tables + datapackage.json
  EXPECT_EQ(files["datapackage.json"], std::string(directory::hsds::datapackage_json()));
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
  ASSERT_EQ(first.size(), 26u);
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

SAMEN_INSTANTIATE_FOR_BACKENDS(HsdsExportTest);

}  // namespace
}  // namespace samen

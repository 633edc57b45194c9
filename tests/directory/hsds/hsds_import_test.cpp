// HSDS 3.0 import on both databases: the official examples (refused as a
// whole, or imported with --skip-invalid and every placeholder reported),
// type/format/enum/required checks per file, row and field, duplicate ids,
// references to the package or the database, cascades, invalid UTF-8,
// oversize files, JSON nesting and merging, translations, idempotence,
// Samen's extension tables (x_samen_*.csv) checked like HSDS's, and the
// samen import-hsds / export-hsds commands.
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "directory/hsds/hsds_import.hpp"
#include "support/process.hpp"
#include "support/test_db.hpp"

namespace samen {
namespace {

namespace fs = std::filesystem;
using directory::hsds::ImportOptions;
using directory::hsds::ImportPackage;
using directory::hsds::ImportReport;

const fs::path kExamples = fs::path(samen::testing::source_dir()) / ".." / "shared" / "hsds-3.0" / "examples";
constexpr const char* kOrg = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";

std::string all_text(const ImportReport& r) {
  std::string s;
  for (const auto& p : r.problems) s += p.text() + "\n";
  return s;
}

bool has(const ImportReport& r, const std::string& text) { return all_text(r).find(text) != std::string::npos; }

void write_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

class HsdsImportTest : public testing::DatabaseTest {
 protected:
  ImportReport run(const fs::path& path, bool skip = false) {
    ImportOptions o;
    o.skip_invalid = skip;
    o.now = 5000;
    return directory::hsds::import_hsds(db(), path, o);
  }
  std::int64_t rows(const std::string& table) {
    auto lease = db().acquire();
    return lease->exec("SELECT COUNT(*) FROM " + table).rows[0].int64(0);
  }
  fs::path dir() { return test_db().scratch() / "pkg"; }
  // A package with one organization and the given extra files.
  void package(const std::map<std::string, std::string>& files) {
    write_file(dir() / "datapackage.json", "{\"name\":\"test\",\"resources\":[]}");
    write_file(dir() / "organizations.csv",
               "id,name,description\r\n" + std::string(kOrg) + ",Kind & Gezin,Opvang\r\n");
    for (const auto& [name, text] : files) write_file(dir() / name, text);
  }
  void skip_without_examples() {
    SAMEN_REQUIRE_SHARED(kExamples);
  }
};

TEST_P(HsdsImportTest, OfficialCsvExampleIsRefusedWithEveryProblemAndNothingIsWritten) {
  skip_without_examples();
  auto r = run(kExamples / "csv");
  EXPECT_FALSE(r.committed);
  EXPECT_TRUE(has(r, "locations.csv, row 2, latitude, latitude must be between -90 and 90 (\"100\")")) << all_text(r);
  EXPECT_TRUE(has(r, "locations.csv, row 2, organization_id, refers to organization "
                     "985e4a42-bd9f-4edc-911d-0243a4640aca, which is neither in the package nor in the database"));
  EXPECT_TRUE(has(r, "taxonomy_terms.csv, row 2, taxonomy_id, refers to taxonomy 07ff6aee"));
  EXPECT_TRUE(has(r, "phones.csv, row 2, location_id, refers to location 3a19ff88-4620-4d17-9830-ac1d859eb5d5, "
                     "which is invalid"));
  EXPECT_EQ(rows("organizations"), 0);
  EXPECT_EQ(rows("services"), 0);
  EXPECT_EQ(rows("metadata"), 0);
}

TEST_P(HsdsImportTest, OfficialExamplesImportWithSkipInvalid) {
  skip_without_examples();
  auto r = run(kExamples / "csv", true);
  ASSERT_TRUE(r.committed);
  EXPECT_EQ(r.counts.skipped, 10u) << all_text(r);
  EXPECT_EQ(rows("services"), 1);
  EXPECT_EQ(rows("organizations"), 1);
  EXPECT_EQ(rows("locations"), 0);
  EXPECT_EQ(rows("metadata"), 1);  // kept as it is
  for (const char* f : {"service_full.json", "organization_full.json", "service_list.json",
                        "service_at_location_full.json", "taxonomy_term.json", "taxonomy.json", "location.json",
                        "organization_list.json", "service_at_location_list.json", "taxonomy_list.json",
                        "taxonomy_term_list.json"}) {
    auto j = run(kExamples / f, true);
    EXPECT_TRUE(j.committed) << f;
  }
  EXPECT_EQ(rows("services"), 1);  // the same service everywhere: upserted
  auto lease = db().acquire();
  EXPECT_EQ(lease->exec("SELECT minimum_age, status FROM services").rows[0].real(0), 12.0);
}

TEST_P(HsdsImportTest, JsonExampleReportsPathsAndInfersLinksFromNesting) {
  skip_without_examples();
  auto r = run(kExamples / "service_full.json", true);
  ASSERT_TRUE(r.committed);
  EXPECT_TRUE(has(r, "service_full.json, $.organization.locations[0], latitude, latitude must be between -90 and 90"))
      << all_text(r);
  auto lease = db().acquire();
  // cost_options carries no service_id in the example: it comes from the nesting.
  EXPECT_EQ(lease->exec("SELECT service_id FROM cost_options").rows.at(0).text(0), "ac148810-d857-441c-9679-408f346de14b");
  EXPECT_EQ(lease->exec("SELECT organization_id FROM services").rows.at(0).text(0), kOrg);
  EXPECT_EQ(lease->exec("SELECT resource_id FROM metadata").rows.at(0).text(0), "ac148810-d857-441c-9679-408f346de14b");
}

TEST_P(HsdsImportTest, InvalidValuesAreReportedByFileRowAndField) {
  package({{"services.csv",
            "id,organization_id,name,status,email,url,minimum_age,assured_date,last_modified\r\n"
            "not-a-uuid," + std::string(kOrg) + ",A,active,,,,,\r\n"
            "a0000000-0000-4000-8000-000000000002," + kOrg + ",B,open,x(at)y,www.example.org,three,2024-13-01,"
            "2024-01-01\r\n"
            "a0000000-0000-4000-8000-000000000003," + kOrg + ",,active,,,,,\r\n"
            "a0000000-0000-4000-8000-000000000004," + kOrg + ",D,active\r\n"
            "a0000000-0000-4000-8000-000000000005," + kOrg + ",E \xC3\x28,active,,,,,\r\n"}});
  auto r = run(dir());
  EXPECT_FALSE(r.committed);
  for (const char* expected : {
           "services.csv, row 2, id, is not a UUID",
           "services.csv, row 3, status, must be one of: active, inactive, defunct, temporarily closed (\"open\")",
           "services.csv, row 3, email, is not an e-mail address (\"x(at)y\")",
           "services.csv, row 3, url, is not an absolute URI",
           "services.csv, row 3, minimum_age, is not a number (\"three\")",
           "services.csv, row 3, assured_date, is not a date",
           "services.csv, row 3, last_modified, is not a date-time",
           "services.csv, row 4, name, is required",
           "services.csv, row 5, -, has 4 fields where the header has 9",
           "services.csv, row 6, name, is not valid UTF-8",
       })
    EXPECT_TRUE(has(r, expected)) << expected << "\n" << all_text(r);
  EXPECT_EQ(rows("organizations"), 0);  // all or nothing
}

TEST_P(HsdsImportTest, DuplicateIdsAndUnknownColumns) {
  package({{"programs.csv",
            "id,organization_id,name,description,colour\r\n"
            "b0000000-0000-4000-8000-000000000001," + std::string(kOrg) + ",P,,red\r\n"
            "b0000000-0000-4000-8000-000000000001," + kOrg + ",Q,,blue\r\n"}});
  auto r = run(dir(), true);
  EXPECT_TRUE(has(r, "programs.csv, row 2, id, the id b0000000-0000-4000-8000-000000000001 is used again at row 3"));
  EXPECT_TRUE(has(r, "programs.csv, row 3, id, the id b0000000-0000-4000-8000-000000000001 is used again at row 2"));
  EXPECT_TRUE(has(r, "warning: programs.csv, row 1, colour, ignored: not a column of the HSDS 3.0 table programs"));
  EXPECT_TRUE(has(r, "programs.csv, row 2, description, is required"));  // empty unquoted = NULL
  EXPECT_EQ(rows("programs"), 0);
  EXPECT_EQ(rows("organizations"), 1);
}

TEST_P(HsdsImportTest, ReferencesMayPointIntoTheDatabaseAndInvalidParentsCascade) {
  package({});
  ASSERT_TRUE(run(dir()).committed);
  fs::remove_all(dir());
  // The organization is already in the database; the location is invalid, so
  // its address and the service_at_location are skipped, but not the service.
  write_file(dir() / "datapackage.json", "{\"resources\":[]}");
  write_file(dir() / "services.csv", "id,organization_id,name,status\r\nc0000000-0000-4000-8000-000000000001," +
                                         std::string(kOrg) + ",S,active\r\n");
  write_file(dir() / "locations.csv", "id,location_type,latitude\r\nc1000000-0000-4000-8000-000000000001,physical,91\r\n");
  write_file(dir() / "addresses.csv",
             "id,location_id,address_1,city,state_province,postal_code,country,address_type\r\n"
             "c2000000-0000-4000-8000-000000000001,c1000000-0000-4000-8000-000000000001,Rue Haute 1,Bruxelles,BXL,1000,BE,"
             "physical\r\n");
  write_file(dir() / "service_at_location.csv",
             "id,service_id,location_id\r\nc3000000-0000-4000-8000-000000000001,c0000000-0000-4000-8000-000000000001,"
             "c1000000-0000-4000-8000-000000000001\r\n");
  write_file(dir() / "phones.csv", "id,service_id,number\r\nc4000000-0000-4000-8000-000000000001,"
                                   "c0000000-0000-4000-8000-00000000dead,+32 2 000 00 00\r\n");
  auto r = run(dir(), true);
  ASSERT_TRUE(r.committed);
  EXPECT_TRUE(has(r, "addresses.csv, row 2, location_id, refers to location c1000000-0000-4000-8000-000000000001, "
                     "which is invalid (see its problems)"))
      << all_text(r);
  EXPECT_TRUE(has(r, "service_at_location.csv, row 2, location_id, refers to location"));
  EXPECT_TRUE(has(r, "phones.csv, row 2, service_id, refers to service c0000000-0000-4000-8000-00000000dead, which is "
                     "neither in the package nor in the database"));
  EXPECT_EQ(r.counts.skipped, 4u);
  EXPECT_EQ(rows("services"), 1);
  EXPECT_EQ(rows("locations"), 0);
  EXPECT_EQ(rows("addresses"), 0);
  EXPECT_EQ(rows("service_at_location"), 0);
}

TEST_P(HsdsImportTest, ReimportIsIdempotentAndUpdatesById) {
  package({{"services.csv", "id,organization_id,name,status,minimum_age\r\nd0000000-0000-4000-8000-000000000001," +
                                std::string(kOrg) + ",Opvang,active,3\r\n"}});
  auto first = run(dir());
  ASSERT_TRUE(first.committed);
  EXPECT_EQ(first.counts.changed, 2u);
  auto again = run(dir());
  ASSERT_TRUE(again.committed);
  EXPECT_EQ(again.counts.changed, 0u);
  EXPECT_EQ(again.counts.total(), 2u);
  write_file(dir() / "services.csv", "id,organization_id,name,status,minimum_age\r\nd0000000-0000-4000-8000-000000000001," +
                                         std::string(kOrg) + ",Opvang 0-3,active,2.5\r\n");
  ImportOptions o;
  o.now = 6000;
  auto changed = directory::hsds::import_hsds(db(), dir(), o);
  EXPECT_EQ(changed.counts.changed, 1u);
  auto lease = db().acquire();
  auto row = lease->exec("SELECT name, minimum_age, created_at, updated_at FROM services").rows.at(0);
  EXPECT_EQ(row.text(0), "Opvang 0-3");
  EXPECT_EQ(row.real(1), 2.5);
  EXPECT_EQ(row.int64(2), 5000);
  EXPECT_EQ(row.int64(3), 6000);
  EXPECT_EQ(rows("services"), 1);
}

TEST_P(HsdsImportTest, OversizeFilesAreRejectedWithoutBeingRead) {
  package({});
  {
    std::ofstream big(dir() / "services.csv", std::ios::binary);
    big << "id,name\r\n";
  }
  fs::resize_file(dir() / "services.csv", 100u * 1024 * 1024);  // sparse: no disk space used
  auto r = run(dir());
  EXPECT_FALSE(r.committed);
  EXPECT_TRUE(has(r, "services.csv, -, -, the file is 100.0 MB; files over 64.0 MB are not imported")) << all_text(r);
  auto skipped = run(dir(), true);  // the other files still import
  EXPECT_TRUE(skipped.committed);
  EXPECT_EQ(rows("organizations"), 1);
  EXPECT_EQ(rows("services"), 0);
}

TEST_P(HsdsImportTest, JsonRepeatsAreMergedAndConflictsReported) {
  std::string svc = "e0000000-0000-4000-8000-000000000001", phone = "e1000000-0000-4000-8000-000000000001";
  std::string loc = "e2000000-0000-4000-8000-000000000001";
  write_file(dir() / "one.json",
             R"({"id":")" + svc + R"(","name":"S","status":"active","organization":{"id":")" + kOrg +
                 R"(","name":"O","description":"D"},"phones":[{"id":")" + phone +
                 R"(","number":"02 000 00 00"}],"service_at_locations":[{"id":"e3000000-0000-4000-8000-000000000001",)"
                 R"("location":{"id":")" + loc + R"(","location_type":"physical","phones":[{"id":")" + phone +
                 R"(","number":"02 000 00 00"}]}}]})");
  auto r = run(dir() / "one.json");
  ASSERT_TRUE(r.committed) << all_text(r);
  auto lease = db().acquire();
  auto p = lease->exec("SELECT service_id, location_id FROM phones").rows.at(0);
  EXPECT_EQ(p.text(0), svc);  // from the service
  EXPECT_EQ(p.text(1), loc);  // from the location
  EXPECT_EQ(lease->exec("SELECT service_id, location_id FROM service_at_location").rows.at(0).text(1), loc);

  write_file(dir() / "two.json", R"([{"id":")" + svc + R"(","name":"S","status":"active","minimum_age":"3",)"
                                     R"("phones":[{"id":")" + phone + R"(","number":"1"},{"id":")" + phone +
                                     R"(","number":"2"}],"colour":"red"}])");
  auto bad = run(dir() / "two.json");
  EXPECT_FALSE(bad.committed);
  EXPECT_TRUE(has(bad, "two.json, $[0], minimum_age, must be a number, not a string (\"3\")")) << all_text(bad);
  EXPECT_TRUE(has(bad, "two.json, $[0].phones[1], number, differs from the same phone at $[0].phones[0]"));
  EXPECT_TRUE(has(bad, "warning: two.json, $[0], colour, ignored: not a field of an HSDS 3.0 service"));
}

TEST_P(HsdsImportTest, BrokenJsonAndUtf8AreReportedWithTheirPlace) {
  write_file(dir() / "broken.json", "[{\"id\": \"x\",\n \"name\": }]");
  auto r = run(dir() / "broken.json");
  EXPECT_FALSE(r.committed);
  EXPECT_TRUE(has(r, "broken.json, byte ")) << all_text(r);
  EXPECT_TRUE(has(r, "is not valid JSON"));
  write_file(dir() / "latin1.json", "{\"id\":\"x\",\n\"name\":\"caf\xE9\"}");
  auto u = run(dir() / "latin1.json");
  EXPECT_TRUE(has(u, "latin1.json, line 2, -, is not valid UTF-8")) << all_text(u);
  EXPECT_THROW(run(dir() / "missing.json"), std::runtime_error);
}

TEST_P(HsdsImportTest, TranslationAttributesFillTheTranslationsTable) {
  std::string fr(directory::hsds::translation_term_for_lang("fr")->id);
  package({{"attributes.csv", "id,link_id,taxonomy_term_id,link_type,link_entity,value\r\n"
                              "f0000000-0000-4000-8000-000000000001," + std::string(kOrg) + "," + fr +
                                  ",name,organization,\"Kind & Gezin, \"\"ONE\"\"\"\r\n"}});
  auto r = run(dir());
  ASSERT_TRUE(r.committed) << all_text(r);
  EXPECT_EQ(r.counts.translations, 1u);
  EXPECT_EQ(rows("attributes"), 0);
  EXPECT_EQ(rows("taxonomy_terms"), 0);  // the translation taxonomy is Samen's, never stored
  auto lease = db().acquire();
  auto t = lease->exec("SELECT resource_type, resource_id, field, lang, value FROM translations").rows.at(0);
  EXPECT_EQ(t.text(0), "organization");
  EXPECT_EQ(t.text(1), kOrg);
  EXPECT_EQ(t.text(2), "name");
  EXPECT_EQ(t.text(3), "fr");
  EXPECT_EQ(t.text(4), "Kind & Gezin, \"ONE\"");
}

TEST_P(HsdsImportTest, TermCyclesAreRejectedAndParentsWrittenFirst) {
  package({{"taxonomy_terms.csv", "id,name,description,parent_id\r\n"
                                  "f1000000-0000-4000-8000-000000000003,Child,c,f1000000-0000-4000-8000-000000000002\r\n"
                                  "f1000000-0000-4000-8000-000000000002,Parent,p,f1000000-0000-4000-8000-000000000001\r\n"
                                  "f1000000-0000-4000-8000-000000000001,Root,r,\r\n"
                                  "f1000000-0000-4000-8000-00000000000a,A,a,f1000000-0000-4000-8000-00000000000b\r\n"
                                  "f1000000-0000-4000-8000-00000000000b,B,b,f1000000-0000-4000-8000-00000000000a\r\n"}});
  auto r = run(dir(), true);
  ASSERT_TRUE(r.committed) << all_text(r);
  EXPECT_TRUE(has(r, "taxonomy_terms.csv, row 5, parent_id, the parents of this term lead back to it (a cycle)"));
  EXPECT_TRUE(has(r, "taxonomy_terms.csv, row 6, parent_id, the parents of this term lead back to it (a cycle)"));
  EXPECT_EQ(rows("taxonomy_terms"), 3);
}

TEST_P(HsdsImportTest, AbsentTablesAreEmptyAndUnknownFilesAreWarnings) {
  package({{"notes.csv", "a,b\r\n1,2\r\n"}});
  auto r = run(dir());
  ASSERT_TRUE(r.committed);
  EXPECT_TRUE(has(r, "warning: notes.csv, -, -, ignored: not a table of HSDS 3.0"));
  EXPECT_EQ(r.counts.total(), 1u);
  EXPECT_THROW(run(test_db().scratch() / "nothing-here"), std::runtime_error);
}

TEST_P(HsdsImportTest, TheDescriptorsResourcePathsAreReadAndUnknownResourcesRefused) {
  write_file(dir() / "orgs.csv", "id,name,description\r\n" + std::string(kOrg) + ",Kind & Gezin,Opvang\r\n");
  write_file(dir() / "notes.csv", "a\r\n1\r\n");
  auto descriptor = [&](const std::string& extra) {
    write_file(dir() / "datapackage.json",
               R"({"name":"t","resources":[{"name":"organization","path":"orgs.csv"})" + extra + "]}");
  };
  descriptor(R"(,{"name":"notes","path":"notes.csv"})");
  auto refused = run(dir());
  EXPECT_FALSE(refused.committed);
  EXPECT_TRUE(has(refused, "datapackage.json, resources[1], name, unknown resource \"notes\"")) << all_text(refused);
  EXPECT_EQ(rows("organizations"), 0);
  descriptor(R"(,{"name":"service","path":"missing.csv"})");
  auto missing = run(dir());
  EXPECT_FALSE(missing.committed);
  EXPECT_TRUE(has(missing, "missing.csv, -, -, listed in datapackage.json (service) but missing")) << all_text(missing);
  descriptor(R"(,{"name":"phone","path":"https://example.org/phones.csv"})");
  EXPECT_TRUE(has(run(dir()), "is not a CSV file inside the package folder")) ;
  descriptor("");
  auto ok = run(dir());
  ASSERT_TRUE(ok.committed) << all_text(ok);
  EXPECT_EQ(rows("organizations"), 1);  // read from orgs.csv, not organizations.csv
  EXPECT_TRUE(has(ok, "warning: notes.csv, -, -, ignored: not listed in datapackage.json")) << all_text(ok);
}

TEST_P(HsdsImportTest, OldHsdsVersionsAreNamed) {
  write_file(dir() / "datapackage.json",
             R"({"resources":[{"name":"organizations","path":"organizations.csv"},)"
             R"({"name":"physical_addresses","path":"physical_addresses.csv"}]})");
  write_file(dir() / "organizations.csv", "id,name,description\r\n" + std::string(kOrg) + ",K,O\r\n");
  auto r = run(dir());
  EXPECT_FALSE(r.committed);
  EXPECT_TRUE(has(r, "HSDS 1.x or 2.0 (it has the resource physical_addresses)")) << all_text(r);
  write_file(test_db().scratch() / "old.json", R"({"id":"x","name":"Dienst","regular_schedules":[]})");
  EXPECT_TRUE(has(run(test_db().scratch() / "old.json"), "HSDS 1.x or 2.0 (it has regular_schedules)"));
}

TEST_P(HsdsImportTest, JsonObjectsSayWhatTheyWereReadAsAndWhyOthersAreRefused) {
  write_file(test_db().scratch() / "api.json",
             R"({"version":"3.0","profile":"https://openreferral.org","openapi_url":"https://x.org/openapi.json"})");
  auto api = run(test_db().scratch() / "api.json");
  EXPECT_FALSE(api.committed);
  EXPECT_TRUE(has(api, "an HSDS API description (api_details")) << all_text(api);
  EXPECT_FALSE(has(api, "taxonom")) << all_text(api);
  // A service_at_location carrying service_areas is not mistaken for a service.
  write_file(test_db().scratch() / "sal.json",
             R"({"id":"0b6e2f0a-5a43-4f0e-8f0e-6b7e0c2f1a01","service_id":"0b6e2f0a-5a43-4f0e-8f0e-6b7e0c2f1a02",)"
             R"("location_id":"0b6e2f0a-5a43-4f0e-8f0e-6b7e0c2f1a03","service_areas":[]})");
  auto sal = run(test_db().scratch() / "sal.json");
  EXPECT_FALSE(sal.committed);
  EXPECT_TRUE(has(sal, "read as an HSDS 3.0 service_at_location (it has service_id and location_id)")) << all_text(sal);
  EXPECT_FALSE(has(sal, "not a field of an HSDS 3.0 service\n")) << all_text(sal);
}

TEST_P(HsdsImportTest, EmptyOptionalValuesAreAbsentWithAWarningInBothFormats) {
  const std::string service = "0b6e2f0a-5a43-4f0e-8f0e-6b7e0c2f1a11";
  write_file(test_db().scratch() / "feed.json",
             R"([{"id":")" + std::string(kOrg) + R"(","name":"Kind & Gezin","description":"Opvang","uri":"",)"
             R"("email":"","website":"","year_incorporated":null,)"
             R"("services":[{"id":")" + service + R"(","name":"Consultatie","status":"active","url":"","email":"",)"
             R"("assured_date":"","description":""}]}])");
  auto r = run(test_db().scratch() / "feed.json");  // strict: warnings only
  ASSERT_TRUE(r.committed) << all_text(r);
  EXPECT_TRUE(has(r, "warning: feed.json, $[0], uri, is empty: read as absent")) << all_text(r);
  EXPECT_TRUE(has(r, "warning: feed.json, $[0].services[0], assured_date, is empty: read as absent")) << all_text(r);
  EXPECT_FALSE(has(r, "description, is empty")) << all_text(r);  // plain text may be empty
  auto lease = db().acquire();
  EXPECT_TRUE(lease->exec("SELECT uri FROM organizations").rows.at(0).is_null(0));
  EXPECT_TRUE(lease->exec("SELECT url FROM services").rows.at(0).is_null(0));
  EXPECT_EQ(lease->exec("SELECT organization_id FROM services").rows.at(0).text(0), kOrg);
  package({{"services.csv", "id,organization_id,name,status,url\r\n" + service + "," + kOrg + ",C,active,\"\"\r\n"}});
  auto csv = run(dir());
  ASSERT_TRUE(csv.committed) << all_text(csv);
  EXPECT_TRUE(has(csv, "warning: services.csv, row 2, url, is empty: read as absent")) << all_text(csv);
}

TEST_P(HsdsImportTest, ANestedProgramWithoutOrganizationTakesTheServicesOne) {
  const std::string service = "0b6e2f0a-5a43-4f0e-8f0e-6b7e0c2f1a21", program = "0b6e2f0a-5a43-4f0e-8f0e-6b7e0c2f1a22";
  write_file(test_db().scratch() / "service.json",
             R"({"id":")" + service + R"(","name":"Consultatie","status":"active",)"
             R"("program":{"id":")" + program + R"(","name":"Eerste jaren","description":"Programma"},)"
             R"("organization":{"id":")" + std::string(kOrg) + R"(","name":"Kind & Gezin","description":"Opvang"}})");
  auto r = run(test_db().scratch() / "service.json");
  ASSERT_TRUE(r.committed) << all_text(r);
  auto lease = db().acquire();
  EXPECT_EQ(lease->exec("SELECT organization_id FROM programs WHERE id = ?", {program}).rows.at(0).text(0), kOrg);
  EXPECT_EQ(lease->exec("SELECT program_id FROM services WHERE id = ?", {service}).rows.at(0).text(0), program);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(HsdsImportTest);

// The commands, on the real binary (SQLite).
TEST_P(HsdsImportTest, BadExtensionRowsAreRefusedWithTheirPlaceAndNothingIsWritten) {
  const std::string team = "9a0f7a52-1c1e-4a4e-9a57-5a0f0c2d1b01", other = "9a0f7a52-1c1e-4a4e-9a57-5a0f0c2d1b02",
                    missing = "9a0f7a52-1c1e-4a4e-9a57-5a0f0c2d1bff";
  package({{"x_samen_teams.csv", "id,name,kind,parent_id,description\r\n" + team + ",Team Noord,local_team,,\r\n" +
                                     team + ",Team Zuid,local_team,,\r\n" + other + ",Cluster,cluster," + other +
                                     ",\r\n"},
           {"x_samen_team_areas.csv", "team_id,municipality,neighbourhood\r\n" + team + ",99999,\r\n"},
           {"x_samen_team_members.csv", "team_id,organization_id\r\n" + team + "," + kOrg + "\r\n" + team + "," +
                                            missing + "\r\n" + team + "," + kOrg + "\r\n"},
           {"x_samen_schedule_exceptions.csv",
            "id,service_id,location_id,starts_on,ends_on,closed,opens_at,closes_at,description\r\n"
            "aa1f7a52-1c1e-4a4e-9a57-5a0f0c2d1b01,,,2024-02-30,2024-03-01,1,,,\r\n"
            "aa1f7a52-1c1e-4a4e-9a57-5a0f0c2d1b02," + missing + ",,2024-03-05,2024-03-01,0,12:00,09:00,\r\n"
            "aa1f7a52-1c1e-4a4e-9a57-5a0f0c2d1b03," + missing + ",,2024-03-05,2024-03-06,2,,,\r\n"}});
  auto r = run(dir());
  EXPECT_FALSE(r.committed);
  EXPECT_TRUE(has(r, "x_samen_teams.csv, row 2, id, the id " + team + " is used again at row 3")) << all_text(r);
  EXPECT_TRUE(has(r, "x_samen_teams.csv, row 4, parent_id, the parents of this team lead back to it (a cycle)"));
  EXPECT_TRUE(has(r, "x_samen_team_areas.csv, row 2, municipality, must be one of: 21001, "));
  EXPECT_TRUE(has(r, "x_samen_team_members.csv, row 2, team_id, organization_id, the row (" + team + ", " + kOrg +
                         ") is given again at row 4"));
  EXPECT_TRUE(has(r, "x_samen_team_members.csv, row 3, organization_id, refers to organization " + missing +
                         ", which is neither in the package nor in the database"));
  EXPECT_TRUE(has(r, "x_samen_schedule_exceptions.csv, row 2, starts_on, is not a date (YYYY-MM-DD) (\"2024-02-30\")"));
  EXPECT_TRUE(has(r, "x_samen_schedule_exceptions.csv, row 2, service_id, an exception belongs to a service or a "
                     "location (service_id or location_id)"));
  EXPECT_TRUE(has(r, "x_samen_schedule_exceptions.csv, row 3, service_id, refers to service " + missing));
  EXPECT_TRUE(has(r, "x_samen_schedule_exceptions.csv, row 3, ends_on, is before starts_on (2024-03-01 < 2024-03-05)"));
  EXPECT_TRUE(has(r, "x_samen_schedule_exceptions.csv, row 3, closes_at, is not after opens_at (09:00 <= 12:00)"));
  EXPECT_TRUE(has(r, "x_samen_schedule_exceptions.csv, row 4, closed, must be between 0 and 1 (\"2\")"));
  EXPECT_EQ(rows("organizations"), 0);  // the valid organization waits for the rest
  EXPECT_EQ(rows("teams"), 0);
  EXPECT_EQ(rows("team_members"), 0);
  EXPECT_EQ(rows("schedule_exceptions"), 0);
}

TEST_P(HsdsImportTest, SkipInvalidKeepsTheGoodExtensionRowsAndNoNeighbourhoodMeansTheWholeMunicipality) {
  const std::string team = "9a0f7a52-1c1e-4a4e-9a57-5a0f0c2d1b01";
  package({{"x_samen_teams.csv", "id,name,kind,parent_id,description\r\n" + team + ",Team Noord,local_team,,\r\n"},
           {"x_samen_team_areas.csv", "team_id,municipality\r\n" + team + ",21015\r\n" + team + ",12345\r\n"}});
  auto r = run(dir(), true);
  ASSERT_TRUE(r.committed) << all_text(r);
  EXPECT_EQ(r.counts.skipped, 1u);
  EXPECT_EQ(rows("teams"), 1);
  auto lease = db().acquire();
  // No neighbourhood column: the whole municipality ("").
  auto areas = lease->exec("SELECT municipality, neighbourhood FROM team_areas WHERE team_id = ?", {team});
  ASSERT_EQ(areas.rows.size(), 1u);
  EXPECT_EQ(areas.rows[0].text(0), "21015");
  EXPECT_FALSE(areas.rows[0].is_null(1));
  EXPECT_EQ(areas.rows[0].text(1), "");
}

TEST(HsdsCommands, ImportRefusesThenSkipsAndExportWritesBothForms) {
  SAMEN_REQUIRE_SHARED(kExamples);
  testing::TempDir data;
  auto refused = testing::run_samen({"import-hsds", (kExamples / "csv").string(), "--data", data.path().string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("locations.csv, row 2, latitude, latitude must be between -90 and 90"), std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("nothing was imported"), std::string::npos);
  auto skipped = testing::run_samen(
      {"import-hsds", (kExamples / "csv").string(), "--skip-invalid", "--data", data.path().string()});
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("imported 11 record(s)"), std::string::npos) << skipped.out;
  EXPECT_NE(skipped.out.find("skipped 10 invalid record(s)"), std::string::npos);
  EXPECT_NE(skipped.out.find("search index rebuilt"), std::string::npos);
  auto out = data.path() / "hsds";
  auto exported = testing::run_samen({"export-hsds", "--out", out.string(), "--data", data.path().string()});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(fs::exists(out / "csv" / "datapackage.json"));
  EXPECT_TRUE(fs::exists(out / "json" / "services.json"));
  auto missing = testing::run_samen({"import-hsds", "/nonexistent/hsds", "--data", data.path().string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no such file or folder"), std::string::npos);
}

}  // namespace
}  // namespace samen

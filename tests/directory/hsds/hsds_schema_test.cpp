// The HSDS 3.0 table model (read from the embedded official datapackage)
// and the value checks of the import: formats, dates, numbers and the
// canonical number text of the export.
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "directory/hsds/hsds_objects.hpp"
#include "directory/hsds/hsds_schema.hpp"
#include "support/test_db.hpp"

namespace samen::directory::hsds {
namespace {

TEST(HsdsSchema, TablesFollowTheOfficialDatapackageAndParentsComeFirst) {
  ASSERT_EQ(tables().size(), 25u);  // 21 of HSDS 3.0 and 4 Samen extensions
  std::ifstream in(samen::testing::source_dir() + "/src/directory/hsds/hsds-datapackage.json");
  auto official = nlohmann::json::parse(in);
  for (const auto& r : official["resources"]) {
    const Table* t = table_for_resource(r["name"].get<std::string>());
    ASSERT_NE(t, nullptr) << r["name"];
    EXPECT_EQ(t->file, r["path"]);
    ASSERT_EQ(t->fields.size(), r["schema"]["fields"].size()) << t->name;
    for (std::size_t i = 0; i < t->fields.size(); ++i) EXPECT_EQ(t->fields[i].name, r["schema"]["fields"][i]["name"]);
  }
  // Every referenced table is written before the tables that refer to it.
  std::set<std::string> seen;
  for (const auto& t : tables()) {
    for (const auto& ref : t.references)
      EXPECT_TRUE(ref.table == t.name || seen.count(ref.table)) << t.name << "." << ref.field;
    seen.insert(t.name);
  }
  const Table* services = table_named("services");
  ASSERT_NE(services, nullptr);
  EXPECT_TRUE(services->field("name")->required);
  EXPECT_EQ(services->field("status")->allowed.size(), 4u);
  EXPECT_EQ(services->field("minimum_age")->type, FieldType::number);
  EXPECT_EQ(services->field("assured_date")->type, FieldType::date);
  EXPECT_EQ(services->field("email")->format, Format::email);
  EXPECT_TRUE(services->has_stamps);
}

TEST(HsdsSchema, ExtensionTablesAreDescribedLikeTheOfficialOnesAndAppendedToThem) {
  const Table* exceptions = table_named("schedule_exceptions");
  ASSERT_NE(exceptions, nullptr);
  EXPECT_TRUE(exceptions->extension);
  EXPECT_EQ(exceptions->resource, "x_samen_schedule_exception");
  EXPECT_EQ(exceptions->file, "x_samen_schedule_exceptions.csv");
  EXPECT_TRUE(exceptions->has_id());
  EXPECT_EQ(exceptions->field("starts_on")->type, FieldType::date);
  EXPECT_EQ(value_problem(*exceptions, *exceptions->field("closed"), "2"), "must be between 0 and 1");
  EXPECT_EQ(value_problem(*exceptions, *exceptions->field("closed"), "1"), std::nullopt);
  const Table* teams = table_named("teams");
  ASSERT_NE(teams, nullptr);
  EXPECT_TRUE(teams->has_stamps);
  ASSERT_EQ(teams->references.size(), 1u);
  EXPECT_EQ(teams->references[0].table, "teams");  // the parent team
  EXPECT_EQ(teams->field("kind")->allowed.size(), 3u);
  const Table* areas = table_named("team_areas");
  ASSERT_NE(areas, nullptr);
  EXPECT_FALSE(areas->has_id());
  EXPECT_EQ(areas->key, (std::vector<std::string>{"team_id", "municipality", "neighbourhood"}));
  EXPECT_EQ(areas->field("municipality")->allowed.size(), 19u);  // the Brussels municipalities
  EXPECT_TRUE(areas->field("neighbourhood")->empty_when_null);
  const Table* members = table_named("team_members");
  ASSERT_NE(members, nullptr);
  EXPECT_EQ(members->key, (std::vector<std::string>{"team_id", "organization_id"}));
  for (const auto& t : tables()) EXPECT_EQ(t.extension, t.file.starts_with("x_samen_")) << t.file;

  // The export's datapackage.json: the official text, then the extensions' resources.
  std::string doc = export_datapackage_json();
  auto official = nlohmann::json::parse(datapackage_json());
  auto exported = nlohmann::json::parse(doc);
  std::string official_text(datapackage_json());
  auto cut = official_text.rfind('}', official_text.rfind(']'));
  EXPECT_EQ(doc.substr(0, cut + 1), official_text.substr(0, cut + 1));
  ASSERT_EQ(exported["resources"].size(), official["resources"].size() + 4);
  for (std::size_t i = 0; i < official["resources"].size(); ++i)
    EXPECT_EQ(exported["resources"][i], official["resources"][i]);
  exported["resources"] = official["resources"];
  EXPECT_EQ(exported, official);  // nothing else differs
}

TEST(HsdsSchema, TheEmbeddedCopyIsTheSharedOfficialFile) {
  const std::string path = samen::testing::source_dir() + "/../shared/hsds-3.0/datapackage.json";
  SAMEN_REQUIRE_SHARED(path);
  std::ifstream shared(path);
  std::string text((std::istreambuf_iterator<char>(shared)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, std::string(datapackage_json()));
}

TEST(HsdsSchema, FormatChecks) {
  EXPECT_TRUE(is_uuid("ac148810-d857-441c-9679-408f346de14b"));
  EXPECT_TRUE(is_uuid("AC148810-D857-441C-9679-408F346DE14B"));
  EXPECT_FALSE(is_uuid("ac148810d857441c9679408f346de14b"));
  EXPECT_FALSE(is_uuid("ac148810-d857-441c-9679-408f346de14"));
  EXPECT_FALSE(is_uuid("zc148810-d857-441c-9679-408f346de14b"));
  EXPECT_TRUE(is_email("info@kindengezin.be"));
  EXPECT_FALSE(is_email("info(at)example.org"));
  EXPECT_FALSE(is_email("a@b@c"));
  EXPECT_FALSE(is_email("with space@example.org"));
  EXPECT_FALSE(is_email("x@.example.org"));
  EXPECT_TRUE(is_uri("https://www.brussels.be/crèches?x=1#a"));
  EXPECT_TRUE(is_uri("mailto:info@example.org"));
  EXPECT_FALSE(is_uri("www.example.org"));
  EXPECT_FALSE(is_uri("https://exa mple.org"));
  EXPECT_FALSE(is_uri("http://"));
  EXPECT_FALSE(is_uri("https://x.org/%zz"));
}

TEST(HsdsSchema, DatesTimesAndNumbers) {
  EXPECT_TRUE(is_date("2024-02-29"));
  EXPECT_FALSE(is_date("2023-02-29"));
  EXPECT_FALSE(is_date("2024-13-01"));
  EXPECT_FALSE(is_date("1/2/2024"));
  EXPECT_TRUE(is_datetime("2023-03-15T10:30:45.123Z"));
  EXPECT_TRUE(is_datetime("2023-03-15T10:30:45+01:00"));
  EXPECT_FALSE(is_datetime("2023-03-15T10:30:45"));
  EXPECT_FALSE(is_datetime("2023-03-15 10:30"));
  EXPECT_TRUE(is_time("09:00"));
  EXPECT_TRUE(is_time("18:00:00"));
  EXPECT_TRUE(is_time("18:00:00Z"));
  EXPECT_FALSE(is_time("25:00"));
  EXPECT_FALSE(is_time("9h"));
  EXPECT_EQ(parse_number("2.5"), 2.5);
  EXPECT_EQ(parse_number("+3"), 3.0);
  EXPECT_EQ(parse_number("-1e3"), -1000.0);
  EXPECT_FALSE(parse_number("3 years"));
  EXPECT_FALSE(parse_number("nan"));
  EXPECT_FALSE(parse_number("inf"));
  EXPECT_FALSE(parse_number(""));
  EXPECT_EQ(format_number(3.0), "3");
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(50.8466), "50.8466");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
}

TEST(HsdsSchema, ValueProblemsNameTheRule) {
  const Table& services = *table_named("services");
  const Table& locations = *table_named("locations");
  EXPECT_FALSE(value_problem(services, *services.field("status"), "active"));
  EXPECT_NE(value_problem(services, *services.field("status"), "open")->find("one of"), std::string::npos);
  EXPECT_TRUE(value_problem(services, *services.field("minimum_age"), "three"));
  EXPECT_TRUE(value_problem(services, *services.field("assured_date"), "2024-1-1"));
  EXPECT_TRUE(value_problem(services, *services.field("id"), "1"));
  EXPECT_TRUE(value_problem(locations, *locations.field("latitude"), "100"));
  EXPECT_FALSE(value_problem(locations, *locations.field("latitude"), "50.85"));
  EXPECT_TRUE(value_problem(locations, *locations.field("longitude"), "-181"));
}

TEST(HsdsSchema, TranslationIdsAreStableUuids) {
  auto a = translation_attribute_id("service", "ac148810-d857-441c-9679-408f346de14b", "name", "fr");
  EXPECT_TRUE(is_uuid(a));
  EXPECT_EQ(a, translation_attribute_id("service", "ac148810-d857-441c-9679-408f346de14b", "name", "fr"));
  EXPECT_NE(a, translation_attribute_id("service", "ac148810-d857-441c-9679-408f346de14b", "name", "en"));
  EXPECT_NE(a, translation_attribute_id("service", "ac148810-d857-441c-9679-408f346de14b", "description", "fr"));
  EXPECT_TRUE(is_uuid(kTranslationTaxonomyId));
  for (const auto& t : kTranslationTerms) {
    EXPECT_TRUE(is_uuid(t.id));
    EXPECT_EQ(translation_term(t.id), &t);
    EXPECT_EQ(translation_term_for_lang(t.lang), &t);
  }
}

TEST(HsdsSchema, RowJsonWritesNumbersAsNumbersAndLeavesNullOut) {
  const Table& services = *table_named("services");
  Values v(services.fields.size());
  v[*services.index_of("id")] = "ac148810-d857-441c-9679-408f346de14b";
  v[*services.index_of("name")] = "Crèche";
  v[*services.index_of("alert")] = "";
  v[*services.index_of("minimum_age")] = "2.5";
  v[*services.index_of("maximum_age")] = "3";
  auto j = row_json(services, v);
  EXPECT_EQ(j.dump(),
            R"({"id":"ac148810-d857-441c-9679-408f346de14b","name":"Crèche","minimum_age":2.5,"maximum_age":3,"alert":""})");
}

}  // namespace
}  // namespace samen::directory::hsds

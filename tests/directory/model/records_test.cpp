// The service map's write side without a server: validation per field,
// snapshots and diffs, form and JSON round trips, permissions, and the
// repository on both databases (history rows, optimistic check, archive,
// review and translation lists, references).
#include <gtest/gtest.h>

#include "directory/model/permissions.hpp"
#include "directory/model/records.hpp"
#include "directory/model/records_json.hpp"
#include "directory/model/taxonomy.hpp"
#include "directory/staff/staff_forms.hpp"
#include "support/test_db.hpp"

namespace samen::directory {
namespace {

Service full_service(const std::string& org) {
  Service s;
  s.organization_id = org;
  s.name = {"Kinderopvang De Vlinder", "Crèche Le Papillon", "Butterfly childcare"};
  s.description = {"Opvang voor baby's.", "Accueil des bébés.", ""};
  s.eligibility_description.nl = "Kinderen uit Jette";
  s.application_process.fr = "Téléphonez-nous";
  s.fees_description.nl = "Volgens inkomen";
  s.url = "https://vlinder.example.be/opvang";
  s.email = "info@vlinder.example.be";
  s.minimum_age = 0;
  s.maximum_age = 2.5;
  s.languages = {"nl", "fr", "ar"};
  s.cost = CostOption{"income_related", 12.5, "per dag"};
  s.hours = {{0, "07:30", "18:00"}, {2, "07:30", "12:00"}};
  s.exceptions = {{"2025-12-24", "2025-12-26", true, "", "", "Kerstmis"}, {"2025-07-01", "2025-07-31", false, "08:00", "16:00", ""}};
  s.contacts = {{"An Peeters", "Verantwoordelijke", "an@vlinder.example.be"}};
  s.phones = {{"+32 2 123 45 67", "vast", ""}};
  return s;
}

TEST(DirectoryValidation, ServiceNeedsOrganisationNameAndDutchDescription) {
  Service s;
  auto e = validate(s);
  EXPECT_EQ(e["organization_id"], "staff.invalid.required");
  EXPECT_EQ(e["name"], "staff.invalid.required");
  EXPECT_EQ(e["description"], "staff.invalid.required");
  EXPECT_TRUE(validate(full_service("org")).empty());
}

TEST(DirectoryValidation, FormatsAgesAndRows) {
  Service s = full_service("org");
  s.email = "not-an-email";
  s.url = "vlinder.be";
  s.minimum_age = 5;
  s.maximum_age = 3;
  s.languages.push_back("Arabic!");
  s.hours.push_back({7, "09:00", "10:00"});
  s.exceptions.push_back({"2025-02-30", "2025-03-01", true, "", "", ""});
  s.contacts.push_back({"", "", ""});
  s.phones.push_back({"call us", "", ""});
  s.cost = CostOption{"free", 5, ""};
  s.name.fr = std::string("bad\x01text");
  auto e = validate(s);
  EXPECT_EQ(e["email"], "staff.invalid.email");
  EXPECT_EQ(e["url"], "staff.invalid.url");
  EXPECT_EQ(e["maximum_age"], "staff.invalid.age_order");
  EXPECT_EQ(e["languages"], "staff.invalid.language");
  EXPECT_EQ(e["hours"], "staff.invalid.hours");
  EXPECT_EQ(e["exceptions"], "staff.invalid.exception");
  EXPECT_EQ(e["contacts"], "staff.invalid.contact");
  EXPECT_EQ(e["phones"], "staff.invalid.phone");
  EXPECT_EQ(e["cost_amount"], "staff.invalid.amount_free");
  EXPECT_EQ(e["name.fr"], "staff.invalid.control_chars");
  s = full_service("org");
  s.minimum_age = -1;
  s.maximum_age = 26;
  e = validate(s);
  EXPECT_EQ(e["minimum_age"], "staff.invalid.age_range");
  EXPECT_EQ(e["maximum_age"], "staff.invalid.age_range");
  s = full_service("org");
  s.hours = {{1, "12:00", "09:00"}};
  EXPECT_EQ(validate(s)["hours"], "staff.invalid.hours");
  s.hours = {{1, "09:00", "24:00"}};
  EXPECT_TRUE(validate(s).empty());
  s.name.nl = std::string(201, 'x');
  EXPECT_EQ(validate(s)["name"], "staff.invalid.too_long");
}

TEST(DirectoryValidation, LocationsStayInBrussels) {
  Location l;
  l.organization_id = "org";
  l.name.nl = "Speelhuis";
  l.latitude = 50.877;
  l.longitude = 4.326;
  l.address = {"Kerkstraat 1", "", "1090", ""};
  EXPECT_TRUE(validate(l).empty());
  l.latitude = 51.2;  // Antwerp
  l.longitude = 4.4;
  EXPECT_EQ(validate(l)["latitude"], "staff.invalid.latitude");
  l.latitude = 50.85;
  l.longitude = 4.6;
  EXPECT_EQ(validate(l)["longitude"], "staff.invalid.longitude");
  l.longitude.reset();
  EXPECT_EQ(validate(l)["longitude"], "staff.invalid.coordinates_pair");
  l.latitude.reset();
  l.address.postal_code = "9000";  // Ghent
  EXPECT_EQ(validate(l)["postal_code"], "staff.invalid.postcode");
  l.address.postal_code = "";
  EXPECT_EQ(validate(l)["postal_code"], "staff.invalid.required");
  l.address = {};
  EXPECT_TRUE(validate(l).empty()) << "an address is optional";
  for (const char* pc : {"1000", "1020", "1120", "1130", "1070", "1160", "1082", "1040", "1140", "1190", "1083", "1050",
                         "1090", "1081", "1080", "1060", "1210", "1030", "1180", "1170", "1200", "1150"}) {
    l.address = {"Straat 1", "", pc, ""};
    EXPECT_TRUE(validate(l).empty()) << pc;
  }
}

TEST(DirectoryValidation, TeamsAndOrganisations) {
  Team t;
  t.name.nl = "Lokaal team Jette";
  t.kind = "neighbourhood";
  t.areas = {{"99999", ""}};
  auto e = validate(t);
  EXPECT_EQ(e["kind"], "staff.invalid.team_kind");
  EXPECT_EQ(e["areas"], "staff.invalid.municipality");
  t.kind = "local_team";
  t.areas = {{"21010", ""}, {"21004", "Nieuwland"}};
  EXPECT_TRUE(validate(t).empty());
  t.id = "x";
  t.parent_id = "x";
  EXPECT_EQ(validate(t)["parent_id"], "staff.invalid.parent");
  Organization o;
  o.website = "ftp://example.org";
  e = validate(o);
  EXPECT_EQ(e["name"], "staff.invalid.required");
  EXPECT_EQ(e["website"], "staff.invalid.url");
}

TEST(DirectoryValidation, ParsersAcceptWhatPeopleType) {
  EXPECT_EQ(parse_decimal("2,5"), 2.5);
  EXPECT_EQ(parse_decimal(" 50.877 "), 50.877);
  EXPECT_EQ(parse_decimal("-1"), -1);
  EXPECT_FALSE(parse_decimal("abc"));
  EXPECT_FALSE(parse_decimal("1.2.3"));
  EXPECT_FALSE(parse_decimal("1e999"));
  EXPECT_TRUE(valid_date("2024-02-29"));
  EXPECT_FALSE(valid_date("2023-02-29"));
  EXPECT_FALSE(valid_date("2024-13-01"));
  EXPECT_FALSE(valid_date("0225-03-01"));  // a valid ISO date, but a typo in a record
  EXPECT_FALSE(valid_date("2024-02-29T10:00:00Z"));
  EXPECT_TRUE(valid_time("00:00"));
  EXPECT_FALSE(valid_time("24:30"));
  EXPECT_FALSE(valid_time("9:00"));
  EXPECT_TRUE(valid_email("a.b@example.be"));
  EXPECT_FALSE(valid_email("a@b"));
  EXPECT_FALSE(valid_email("a b@example.be"));
  EXPECT_TRUE(valid_url("https://example.be/x?y=1"));
  EXPECT_FALSE(valid_url("javascript:alert(1)"));
  EXPECT_EQ(missing_french(full_service("o")).size(), 0u);
  Service s = full_service("o");
  s.description.fr.clear();
  EXPECT_EQ(missing_french(s), std::vector<std::string>{"description.fr"});
  EXPECT_EQ(review_cutoff(1'740'000'000), "2024-02-19");  // 2025-02-19 in Brussels
}

TEST(DirectoryRecords, DiffNamesEveryChangedFieldWithBothValues) {
  Service a = full_service("org"), b = a;
  b.name.fr = "Crèche Papillon";
  b.languages = {"nl"};
  b.hours.pop_back();
  auto changes = diff(snapshot(a), snapshot(b));
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].field, "hours");
  EXPECT_EQ(changes[1].field, "languages");
  EXPECT_EQ(changes[1].previous, "nl, fr, ar");
  EXPECT_EQ(changes[1].replacement, "nl");
  EXPECT_EQ(changes[2].field, "name.fr");
  EXPECT_EQ(changes[2].previous, "Crèche Le Papillon");
  EXPECT_EQ(changed_field_list(changes), "hours,languages,name.fr");
}

TEST(DirectoryRecords, FormAndJsonRoundTripsKeepEveryField) {
  Service s = full_service("org");
  s.categories = {"term-1"};
  s.location_ids = {"loc-1", "loc-2"};
  FieldErrors e;
  Service from_form = service_from_form(http::Form(form_fields(s)), e);
  EXPECT_TRUE(e.empty());
  EXPECT_TRUE(diff(snapshot(s), snapshot(from_form)).empty());
  Service from_json = service_from_json(to_json(s), e);
  EXPECT_TRUE(e.empty());
  EXPECT_TRUE(diff(snapshot(s), snapshot(from_json)).empty());
  Location l;
  l.organization_id = "org";
  l.name = {"Speelhuis", "Maison de jeu", ""};
  l.latitude = 50.877;
  l.longitude = 4.326;
  l.address = {"Kerkstraat 1", "bus 2", "1090", "Jette"};
  l.phones = {{"02 123 45 67", "", ""}};
  EXPECT_TRUE(diff(snapshot(l), snapshot(location_from_form(http::Form(form_fields(l)), e))).empty());
  EXPECT_TRUE(diff(snapshot(l), snapshot(location_from_json(to_json(l), e))).empty());
  Team t;
  t.name.nl = "Lokaal team";
  t.parent_id = "p";
  t.areas = {{"21004", "Nieuwland"}};
  t.member_ids = {"a", "b"};
  EXPECT_TRUE(diff(snapshot(t), snapshot(team_from_form(http::Form(form_fields(t)), e))).empty());
  EXPECT_TRUE(diff(snapshot(t), snapshot(team_from_json(to_json(t), e))).empty());
  EXPECT_TRUE(e.empty());
}

TEST(DirectoryRecords, FormRowsSkipBlanksAndReportBadNumbers) {
  http::Form f({{"name", " Opvang "}, {"minimum_age", "drie"}, {"hours_day", "1"}, {"hours_opens", "09:00"},
                {"hours_closes", "12:00"}, {"hours_day", ""}, {"hours_opens", ""}, {"hours_closes", ""},
                {"exc_starts", ""}, {"exc_ends", ""}, {"exc_closed", "1"}, {"cost_amount", "5"}});
  FieldErrors e;
  Service s = service_from_form(f, e);
  EXPECT_EQ(s.name.nl, "Opvang");
  EXPECT_EQ(e["minimum_age"], "staff.invalid.number");
  EXPECT_EQ(e["cost"], "staff.invalid.cost_option") << "an amount without a cost option";
  ASSERT_EQ(s.hours.size(), 1u);
  EXPECT_EQ(s.hours[0].weekday, 1);
  EXPECT_TRUE(s.exceptions.empty()) << "a row with only the closed select is blank";
}

TEST(DirectoryRecords, JsonReportsWrongTypesPerField) {
  auto j = nlohmann::json::parse(R"({"name": 5, "minimum_age": "three", "languages": "nl",
      "translations": {"fr": {"name": ["x"]}, "de": {}}, "schedules": [{"byday": "XX", "opens_at": "09:00"}]})");
  FieldErrors e;
  Service s = service_from_json(j, e);
  EXPECT_EQ(e["name"], "staff.invalid.type");
  EXPECT_EQ(e["minimum_age"], "staff.invalid.type");
  EXPECT_EQ(e["languages"], "staff.invalid.type");
  EXPECT_EQ(e["name.fr"], "staff.invalid.type");
  EXPECT_EQ(e["translations"], "staff.invalid.translation_key");
  EXPECT_EQ(validate(s)["hours"], "staff.invalid.hours");
  EXPECT_EQ(json_field_name("name.fr"), "translations.fr.name");
  EXPECT_EQ(json_field_name("hours"), "schedules");
  EXPECT_EQ(json_field_name("postal_code"), "addresses");
  auto merged = merge_patch(nlohmann::json::parse(R"({"name":"a","translations":{"fr":{"name":"b","description":"c"}}})"),
                            nlohmann::json::parse(R"({"translations":{"fr":{"name":"B"}},"email":"x@y.be"})"));
  EXPECT_EQ(merged["translations"]["fr"]["description"], "c");
  EXPECT_EQ(merged["translations"]["fr"]["name"], "B");
  EXPECT_EQ(merged["email"], "x@y.be");
  EXPECT_EQ(merged["name"], "a");
}

TEST(DirectoryPermissions, PartnersEditOnlyTheirOrganisations) {
  accounts::User partner;
  partner.role = accounts::Role::partner;
  partner.organizations = {"A"};
  EXPECT_TRUE(may_edit(partner, RecordKind::service, "A"));
  EXPECT_FALSE(may_edit(partner, RecordKind::service, "B"));
  EXPECT_TRUE(may_create(partner, RecordKind::location, "A"));
  EXPECT_FALSE(may_create(partner, RecordKind::organization, ""));
  EXPECT_TRUE(may_create_some(partner, RecordKind::service));
  EXPECT_FALSE(may_create_some(partner, RecordKind::team));
  EXPECT_TRUE(may_edit(partner, RecordKind::organization, "A"));
  EXPECT_FALSE(may_archive(partner, RecordKind::organization, "A"));
  EXPECT_FALSE(may_edit(partner, RecordKind::team, ""));
  EXPECT_EQ(core::own_organizations(partner), std::vector<std::string>{"A"});
  for (auto role : {accounts::Role::facilitator, accounts::Role::parent_rep}) {
    accounts::User reader;
    reader.role = role;
    reader.organizations = {"A"};
    EXPECT_FALSE(may_edit(reader, RecordKind::service, "A"));
    EXPECT_FALSE(may_create(reader, RecordKind::service, "A"));
    EXPECT_FALSE(may_archive(reader, RecordKind::service, "A"));
    EXPECT_FALSE(may_create_some(reader, RecordKind::service));
    EXPECT_TRUE(core::network_readers().allows(role));
    EXPECT_FALSE(core::partner_editors().allows(role));
  }
  for (auto role : {accounts::Role::admin, accounts::Role::coordinator}) {
    accounts::User boss;
    boss.role = role;
    EXPECT_TRUE(may_edit(boss, RecordKind::team, ""));
    EXPECT_TRUE(may_archive(boss, RecordKind::organization, "B"));
    EXPECT_FALSE(core::own_organizations(boss).has_value());
  }
  EXPECT_FALSE(core::network_readers().allows(std::nullopt));
}

// ---- the repository on both databases ---------------------------------------------------

class DirectoryStore : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    seed_family_taxonomy(db());
    Organization o;
    o.name.nl = "De Vlinder";
    auto lease = db().acquire();
    create_record(*lease, o, me);
    org = o.id;
  }
  std::int64_t count(const std::string& sql, const store::Params& p = {}) {
    auto lease = db().acquire();
    return lease->exec(sql, p).rows.at(0).int64(0);
  }
  Actor me{"coordinator@example.org", 1'740'000'000};
  std::string org;
};

TEST_P(DirectoryStore, CreateLoadsBackEveryFieldAndWritesCreateHistory) {
  Service s = full_service(org);
  s.categories = {*family_term_id("childcare")};
  auto lease = db().acquire();
  Location l;
  l.organization_id = org;
  l.name.nl = "Hoofdzetel";
  l.address = {"Kerkstraat 1", "", "B-1090", ""};
  create_record(*lease, l, me);
  EXPECT_EQ(l.address.postal_code, "1090");
  EXPECT_EQ(l.address.city, "Jette") << "the municipality fills an empty city";
  s.location_ids = {l.id};
  auto filled = create_record(*lease, s, me);
  auto back = load_service(*lease, s.id);
  ASSERT_TRUE(back);
  EXPECT_TRUE(diff(snapshot(s), snapshot(*back)).empty());
  EXPECT_EQ(back->stamp.created_at, me.now);
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_id = ? AND last_action_type = 'create'", {s.id}),
            static_cast<std::int64_t>(filled.size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM languages WHERE service_id = ?", {s.id}), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM translations WHERE resource_type = 'service' AND resource_id = ? AND lang = 'fr'",
                  {s.id}),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schedules WHERE service_id = ? AND freq = 'WEEKLY'", {s.id}), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attributes WHERE link_id = ? AND link_entity = 'service'", {s.id}), 1);
  auto loc = load_location(*lease, l.id);
  EXPECT_EQ(loc->address.city, "Jette");
  EXPECT_EQ(dependent_services(*lease, RecordKind::location, l.id), std::vector<std::string>{s.id});
  EXPECT_EQ(dependent_services(*lease, RecordKind::organization, org), std::vector<std::string>{s.id});
}

TEST_P(DirectoryStore, UpdateWritesOneHistoryRowPerChangedField) {
  Service s = full_service(org);
  {
    auto lease = db().acquire();
    create_record(*lease, s, me);
  }
  Service next = s;
  next.name.fr = "Crèche Papillon";
  next.maximum_age = 3;
  Actor later{"partner@example.org", me.now + 60};
  auto changes = store::in_transaction(db(), [&](store::Connection& c) { return update_record(c, next, s.stamp.updated_at, later); });
  ASSERT_EQ(changes.size(), 2u);
  auto lease = db().acquire();
  auto rows = lease->exec("SELECT field_name, previous_value, replacement_value, updated_by, last_action_type, "
                          "last_action_date FROM metadata WHERE resource_id = ? AND last_action_type = 'update' "
                          "ORDER BY field_name",
                          {s.id});
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_EQ(rows.rows[0].text(0), "maximum_age");
  EXPECT_EQ(rows.rows[0].text(1), "2.5");
  EXPECT_EQ(rows.rows[0].text(2), "3");
  EXPECT_EQ(rows.rows[1].text(0), "name.fr");
  EXPECT_EQ(rows.rows[1].text(3), "partner@example.org");
  EXPECT_EQ(rows.rows[1].text(5), "2025-02-19T21:21:00Z");
  EXPECT_EQ(load_service(*lease, s.id)->stamp.updated_at, later.now);
  // Saving the same again changes nothing and writes nothing.
  Service same = next;
  EXPECT_TRUE(update_record(*lease, same, std::nullopt, later).empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_id = ? AND last_action_type = 'update'", {s.id}), 2);
  auto h = history(*lease, RecordKind::service, s.id);
  EXPECT_EQ(h.front().action, "update");
}

TEST_P(DirectoryStore, AStaleWriteIsRefusedAndChangesNothing) {
  Service s = full_service(org);
  {
    auto lease = db().acquire();
    create_record(*lease, s, me);
  }
  std::int64_t read_at = s.stamp.updated_at;
  Service first = s;
  first.name.nl = "Eerste";
  // Same second: updated_at still moves on, so the second editor is caught.
  store::in_transaction(db(), [&](store::Connection& c) { update_record(c, first, read_at, me); });
  Service second = s;
  second.name.nl = "Tweede";
  EXPECT_THROW(store::in_transaction(db(), [&](store::Connection& c) { update_record(c, second, read_at, me); }),
               StaleRecord);
  auto lease = db().acquire();
  EXPECT_EQ(load_service(*lease, s.id)->name.nl, "Eerste");
  EXPECT_THROW(set_archived(*lease, RecordKind::service, s.id, true, me, read_at), StaleRecord);
}

TEST_P(DirectoryStore, ArchiveAndRestoreAreRecordedAndFilterLists) {
  Service s = full_service(org);
  auto lease = db().acquire();
  create_record(*lease, s, me);
  ListQuery q;
  EXPECT_EQ(list_records(*lease, RecordKind::service, q).total, 1);
  EXPECT_TRUE(set_archived(*lease, RecordKind::service, s.id, true, me));
  EXPECT_FALSE(set_archived(*lease, RecordKind::service, s.id, true, me)) << "already archived";
  EXPECT_EQ(list_records(*lease, RecordKind::service, q).total, 0);
  q.archived = true;
  EXPECT_EQ(list_records(*lease, RecordKind::service, q).total, 1);
  Service edit = s;
  edit.name.nl = "x";
  EXPECT_THROW(update_record(*lease, edit, std::nullopt, me), ArchivedRecord);
  EXPECT_TRUE(set_archived(*lease, RecordKind::service, s.id, false, me));
  auto h = history(*lease, RecordKind::service, s.id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_id = ? AND last_action_type = 'archive'", {s.id}), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_id = ? AND last_action_type = 'restore'", {s.id}), 1);
  EXPECT_THROW(set_archived(*lease, RecordKind::service, "no-such-id", true, me), std::out_of_range);
}

// Restoring an organisation brings back exactly the services its archive hid:
// one archived on its own in the same second as the organisation stays
// archived (matching by timestamp brought it back).
TEST_P(DirectoryStore, RestoringAnOrganisationBringsBackOnlyTheServicesItsArchiveHid) {
  Service hidden = full_service(org), alone = full_service(org), restored_alone = full_service(org);
  auto lease = db().acquire();
  for (Service* s : {&hidden, &alone, &restored_alone}) create_record(*lease, *s, me);
  ASSERT_TRUE(set_archived(*lease, RecordKind::service, alone.id, true, me));
  ASSERT_TRUE(set_archived(*lease, RecordKind::organization, org, true, me));  // the same second
  auto archived = [&](const std::string& id) { return load_service(*lease, id)->stamp.archived_at.has_value(); };
  EXPECT_TRUE(archived(hidden.id));
  EXPECT_TRUE(archived(restored_alone.id));
  // Restored on its own while the organisation is archived, then archived on its own again.
  Actor later{me.email, me.now + 1};
  ASSERT_TRUE(set_archived(*lease, RecordKind::service, restored_alone.id, false, later));
  ASSERT_TRUE(set_archived(*lease, RecordKind::service, restored_alone.id, true, later));
  ASSERT_TRUE(set_archived(*lease, RecordKind::organization, org, false, later));
  EXPECT_FALSE(archived(hidden.id)) << "hidden by the organisation's archive: back";
  EXPECT_TRUE(archived(alone.id)) << "archived on its own in the same second: stays";
  EXPECT_TRUE(archived(restored_alone.id)) << "archived on its own afterwards: stays";
  EXPECT_EQ(count("SELECT COUNT(*) FROM services WHERE archived_with_organization <> 0"), 0);
}

TEST_P(DirectoryStore, ListsFilterByNameOrganisationReviewAndTranslation) {
  auto lease = db().acquire();
  Organization other;
  other.name.nl = "Andere";
  create_record(*lease, other, me);
  Service recent = full_service(org), old = full_service(other.id), never = full_service(org);
  recent.name.nl = "Recent nagekeken 100%";
  recent.assured_date = "2025-01-01";
  old.name.nl = "Lang geleden";
  old.assured_date = "2023-05-01";
  never.name.nl = "Nooit nagekeken";
  never.name.fr.clear();
  for (Service* s : {&recent, &old, &never}) create_record(*lease, *s, me);
  ListQuery q;
  q.text = "NAGEKEKEN";
  EXPECT_EQ(list_records(*lease, RecordKind::service, q).total, 2);
  q.text = "100%";
  EXPECT_EQ(list_records(*lease, RecordKind::service, q).total, 1) << "% is matched literally";
  q.text = "";
  auto review = needs_review(*lease, me.now, q);
  ASSERT_EQ(review.total, 2);
  EXPECT_EQ(review.items[0].id, never.id) << "never verified comes first";
  q.organizations = std::vector<std::string>{org};
  EXPECT_EQ(needs_review(*lease, me.now, q).total, 1);
  q.organizations = std::vector<std::string>{};
  EXPECT_EQ(needs_review(*lease, me.now, q).total, 0);
  q.organizations.reset();
  auto missing = missing_translations(*lease, q);
  ASSERT_EQ(missing.total, 1);
  EXPECT_EQ(missing.items[0].id, never.id);
  auto verified = mark_verified(*lease, old.id, me);
  EXPECT_EQ(load_service(*lease, old.id)->assured_date, "2025-02-19");
  EXPECT_EQ(needs_review(*lease, me.now, q).total, 1);
  EXPECT_EQ(record_choices(*lease, RecordKind::organization, std::vector<std::string>{org}).size(), 1u);
  EXPECT_GE(term_choices(*lease, i18n::Lang::fr).size(), 10u);
}

TEST_P(DirectoryStore, OrganisationsAndLocationsHaveTheirOwnReviewLists) {
  auto lease = db().acquire();
  Organization other;
  other.name.nl = "Andere";
  other.assured_date = "2025-01-10";
  other.assurer_email = "coordinator@example.org";
  create_record(*lease, other, me);
  auto stored = load_organization(*lease, other.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->assured_date, "2025-01-10") << "the new columns are stored and read back";
  EXPECT_EQ(stored->assurer_email, "coordinator@example.org");
  Location here, there;
  here.organization_id = org;
  here.name.nl = "Hier";
  there.organization_id = other.id;
  there.name.nl = "Daar";
  there.assured_date = "2023-01-01";
  for (Location* l : {&here, &there}) create_record(*lease, *l, me);
  ListQuery q;
  // org (never verified) is due, other (verified last month) is not.
  auto orgs = needs_review(*lease, RecordKind::organization, me.now, q);
  ASSERT_EQ(orgs.total, 1);
  EXPECT_EQ(orgs.items[0].id, org);
  auto locs = needs_review(*lease, RecordKind::location, me.now, q);
  ASSERT_EQ(locs.total, 2);
  EXPECT_EQ(locs.items[0].id, here.id) << "never verified comes first";
  EXPECT_EQ(locs.items[1].assured_date, "2023-01-01");
  q.organizations = std::vector<std::string>{other.id};
  EXPECT_EQ(needs_review(*lease, RecordKind::location, me.now, q).total, 1) << "a partner sees its own";
  EXPECT_EQ(needs_review(*lease, RecordKind::organization, me.now, q).total, 0);
  q.organizations.reset();
  auto changes = mark_verified(*lease, RecordKind::location, there.id, me);
  EXPECT_EQ(changed_field_list(changes), "assured_date,assurer_email");
  EXPECT_EQ(load_location(*lease, there.id)->assured_date, "2025-02-19");
  EXPECT_EQ(load_location(*lease, there.id)->assurer_email, me.email);
  EXPECT_EQ(needs_review(*lease, RecordKind::location, me.now, q).total, 1);
  mark_verified(*lease, RecordKind::organization, org, me);
  EXPECT_EQ(needs_review(*lease, RecordKind::organization, me.now, q).total, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM metadata WHERE resource_type = 'organization' AND resource_id = ? AND "
                  "field_name = 'assured_date'",
                  {org}),
            1)
      << "the verification is in the change history";
  EXPECT_THROW(needs_review(*lease, RecordKind::team, me.now, q), std::invalid_argument);
  // The list of all locations shows the date too.
  auto all = list_records(*lease, RecordKind::location, ListQuery{});
  ASSERT_EQ(all.total, 2);
  EXPECT_FALSE(all.items[0].assured_date.empty() && all.items[1].assured_date.empty());
  Organization bad = *load_organization(*lease, org);
  bad.assured_date = "gisteren";
  bad.assurer_email = "niemand";
  auto e = validate(bad);
  EXPECT_EQ(e.count("assured_date"), 1u);
  EXPECT_EQ(e.count("assurer_email"), 1u);
}

TEST_P(DirectoryStore, ReferencesMustExistAndTeamsMakeNoCycle) {
  auto lease = db().acquire();
  Team top, local;
  top.name.nl = "Samenwerkingsverband";
  top.kind = "partnership";
  create_record(*lease, top, me);
  local.name.nl = "Lokaal team Jette";
  local.parent_id = top.id;
  local.member_ids = {org};
  local.areas = {{"21010", ""}, {"21010", ""}};
  create_record(*lease, local, me);
  EXPECT_EQ(load_team(*lease, local.id)->areas.size(), 1u) << "duplicate areas collapse";
  Team loop = *load_team(*lease, top.id);
  loop.parent_id = local.id;
  FieldErrors e;
  check_references(*lease, loop, e);
  EXPECT_EQ(e["parent_id"], "staff.invalid.parent");
  Service s = full_service("missing-org");
  s.location_ids = {"missing-location"};
  s.categories = {"missing-term"};
  e.clear();
  check_references(*lease, s, e);
  EXPECT_EQ(e["organization_id"], "staff.invalid.organization");
  EXPECT_EQ(e["locations"], "staff.invalid.location");
  EXPECT_EQ(e["categories"], "staff.invalid.category");
  Team bad_member = local;
  bad_member.member_ids = {"missing-org"};
  e.clear();
  check_references(*lease, bad_member, e);
  EXPECT_EQ(e["members"], "staff.invalid.organization");
}

SAMEN_INSTANTIATE_FOR_BACKENDS(DirectoryStore);

}  // namespace
}  // namespace samen::directory

// The write side of the service map: the records staff edit (organisations,
// services, locations, teams), their validation (one catalog key per field)
// and the repository that creates, updates, archives and restores them and
// writes the HSDS `metadata` change history (one row per changed field).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "app/context.hpp"
#include "core/history.hpp"
#include "core/network.hpp"
#include "i18n/i18n.hpp"
#include "store/database.hpp"

namespace samen::directory {

enum class RecordKind { organization, service, location, team };
inline constexpr RecordKind kRecordKinds[] = {RecordKind::organization, RecordKind::service, RecordKind::location,
                                              RecordKind::team};
struct Organization;
struct Service;
struct Location;
struct Team;
constexpr RecordKind kind_of(const Organization&) { return RecordKind::organization; }
constexpr RecordKind kind_of(const Service&) { return RecordKind::service; }
constexpr RecordKind kind_of(const Location&) { return RecordKind::location; }
constexpr RecordKind kind_of(const Team&) { return RecordKind::team; }
std::string_view kind_name(RecordKind k);    // "service": resource_type of metadata and translations rows
std::string_view kind_plural(RecordKind k);  // "services": URL segment of pages and API
std::optional<RecordKind> parse_kind_plural(std::string_view s);

// A family-facing text in the three languages: nl lives in the record's own
// column, fr and en in the translations table.
struct Translated {
  std::string nl, fr, en;
  const std::string& in(i18n::Lang l) const;
  std::string& in(i18n::Lang l);
  // The text in the language, falling back to nl.
  const std::string& best(i18n::Lang l) const { return in(l).empty() ? nl : in(l); }
};

struct Phone {
  std::string number, type, description;
};
struct Contact {
  std::string name, title, email;
};
// A weekly opening period: weekday 0 = Monday .. 6 = Sunday, times "HH:MM".
struct WeeklyHours {
  int weekday = 0;
  std::string opens_at, closes_at;
};
// A closure or special opening on a date range (ISO dates, inclusive).
struct HoursException {
  std::string starts_on, ends_on;
  bool closed = true;
  std::string opens_at, closes_at, description;
};
inline constexpr std::string_view kCostOptions[] = {"free", "paid", "income_related"};
struct CostOption {
  std::string option;            // one of kCostOptions
  std::optional<double> amount;  // euro
  std::string amount_description;
};
struct Address {
  std::string address_1, address_2, postal_code, city;
  bool empty() const { return address_1.empty() && address_2.empty() && postal_code.empty() && city.empty(); }
};
using core::TeamArea;

struct Stamp {
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> archived_at;
};

struct Organization {
  std::string id;
  Translated name, description;
  std::string alternate_name, email, website, legal_status;
  std::string assured_date, assurer_email;  // last verified (ISO date) and by whom
  std::vector<Phone> phones;
  Stamp stamp;
};

inline constexpr std::string_view kServiceStatuses[] = {"active", "inactive", "defunct", "temporarily closed"};
struct Service {
  std::string id, organization_id;
  Translated name, description, eligibility_description, application_process, fees_description;
  std::string alternate_name, url, email, status = "active";
  std::optional<double> minimum_age, maximum_age;
  std::string assured_date, assurer_email;  // last verified (ISO date) and by whom
  std::vector<std::string> languages;       // ISO 639-1 codes
  std::optional<CostOption> cost;
  std::vector<std::string> categories;      // taxonomy_term ids
  std::vector<std::string> location_ids;    // service_at_location
  // Not stored on the service: links to other organisations' locations that
  // wait for their consent (model/link_requests.hpp), filled by the write path.
  std::vector<std::string> requested_location_ids;
  std::vector<WeeklyHours> hours;
  std::vector<HoursException> exceptions;
  std::vector<Contact> contacts;
  std::vector<Phone> phones;
  Stamp stamp;
};

struct Location {
  std::string id, organization_id;
  Translated name, description;
  std::string alternate_name, transportation, url;
  std::optional<double> latitude, longitude;
  std::string assured_date, assurer_email;  // last verified (ISO date) and by whom
  Address address;
  std::vector<Phone> phones;
  Stamp stamp;
};

using core::kTeamKinds;
struct Team {
  std::string id, kind = "local_team", parent_id;
  Translated name, description;
  std::vector<TeamArea> areas;
  std::vector<std::string> member_ids;  // organisation ids
  Stamp stamp;
};

// ---- a record's own fields ---------------------------------------------------------

// One field of a record's own row. Its HSDS name is the column, the JSON key
// and the history field; a Translated member's own row holds the nl text.
// null_when_empty: an empty text is NULL in the database and null in JSON.
template <class R>
struct OwnField {
  std::string name;
  std::variant<std::string R::*, Translated R::*, std::optional<double> R::*> member;
  bool null_when_empty = false;
};
// The own fields of each kind, in column order: the one table that loading,
// saving, the JSON form and the snapshots walk (children are kind-specific).
template <class R>
const std::vector<OwnField<R>>& own_fields();
template <> const std::vector<OwnField<Organization>>& own_fields<Organization>();
template <> const std::vector<OwnField<Service>>& own_fields<Service>();
template <> const std::vector<OwnField<Location>>& own_fields<Location>();
template <> const std::vector<OwnField<Team>>& own_fields<Team>();

// ---- validation ----------------------------------------------------------------

// Field → catalog key of the problem. Field names are the form's: "name",
// "name.fr", "minimum_age", "postal_code", "hours", ... (the API maps them to
// its JSON names).
using FieldErrors = std::map<std::string, std::string>;

// Translatable fields per kind (nl in the base column).
const std::vector<std::string>& translated_fields(RecordKind k);

// A record's translatable texts by field name, in translated_fields() order:
// what the translations table and the JSON "translations" hold (fr, en).
template <class T>  // Translated or const Translated
using TranslatedTexts = std::vector<std::pair<std::string, T*>>;
template <class R>  // Organization, Location, Team: name and description
auto translated_texts(R& r) {
  return TranslatedTexts<std::remove_reference_t<decltype((r.name))>>{{"name", &r.name}, {"description", &r.description}};
}
TranslatedTexts<Translated> translated_texts(Service& s);
TranslatedTexts<const Translated> translated_texts(const Service& s);

// Languages a service may be offered in: ISO 639-1 codes.
const std::vector<std::string>& known_language_codes();
// The language's name in `in_lang` (ICU), e.g. ("ar", fr) → "arabe".
std::string language_display_name(const std::string& code, std::string_view in_lang);

// Checks of form and content that need no database. Values are expected
// trimmed; these do not change the record.
FieldErrors validate(const Organization& o);
FieldErrors validate(const Service& s);
FieldErrors validate(const Location& l);
FieldErrors validate(const Team& t);

// Fields of a service whose French text is missing (name, description): the
// record saves, but shows on the "missing translations" list.
std::vector<std::string> missing_french(const Service& s);

// Parsers shared by the form and the API.
std::optional<double> parse_decimal(std::string_view s);  // "2,5" or "2.5"; nullopt when not a number
bool valid_email(std::string_view s);
bool valid_url(std::string_view s);
bool valid_time(std::string_view hhmm);  // "HH:MM", 00:00-23:59 (24:00 as a closing time)
bool valid_date(std::string_view iso);   // "YYYY-MM-DD", a real day in 1900-2200 (util/dates.hpp)

// ---- change history -------------------------------------------------------------

// A record as field → printable value, compared to find what changed
// (core/history.hpp: diff, changed_field_list).
using core::Snapshot;
Snapshot snapshot(const Organization& o);
Snapshot snapshot(const Service& s);
Snapshot snapshot(const Location& l);
Snapshot snapshot(const Team& t);

using core::FieldChange;
using core::diff;
using core::changed_field_list;

struct HistoryRow {
  std::string date;  // ISO date-time (UTC)
  std::string action;
  std::string field, previous, replacement, updated_by;
};

std::string iso_date(std::int64_t unix_seconds);       // "2025-03-01" (Europe/Brussels day)
std::string iso_date_time(std::int64_t unix_seconds);  // "2025-03-01T09:30:00Z"

// ---- repository -------------------------------------------------------------------

// Who writes and when: updated_by of the history rows.
struct Actor {
  std::string email;
  std::int64_t now = 0;
};

// A write based on an out-of-date copy of the record (optimistic check), and
// a write to an archived record: the shared write path's errors (409).
using StaleRecord = app::StaleVersion;
using ArchivedRecord = app::ArchivedRecordError;

std::optional<Organization> load_organization(store::Connection& c, const std::string& id);
std::optional<Service> load_service(store::Connection& c, const std::string& id);
std::optional<Location> load_location(store::Connection& c, const std::string& id);
std::optional<Team> load_team(store::Connection& c, const std::string& id);

// Checks that need the database: referenced records exist and are active,
// team parents make no cycle, terms exist. Adds to errors.
void check_references(store::Connection& c, const Service& s, FieldErrors& errors);
void check_references(store::Connection& c, const Location& l, FieldErrors& errors);
void check_references(store::Connection& c, const Team& t, FieldErrors& errors);
void check_references(store::Connection& c, const Organization& o, FieldErrors& errors);

// Creates the record (assigns id and times when empty) and writes its history
// ("create", one row per filled field). Returns the filled fields.
std::vector<FieldChange> create_record(store::Connection& c, Organization& o, const Actor& a);
std::vector<FieldChange> create_record(store::Connection& c, Service& s, const Actor& a);
std::vector<FieldChange> create_record(store::Connection& c, Location& l, const Actor& a);
std::vector<FieldChange> create_record(store::Connection& c, Team& t, const Actor& a);

// Replaces the stored record with `r` (same id) when something changed and
// writes one "update" history row per changed field. expected_updated_at: the
// updated_at the editor started from (StaleRecord when it differs); the
// stored updated_at otherwise. Throws ArchivedRecord for archived records.
// Returns the changes (empty: nothing was written). On success r.stamp holds
// the new times.
std::vector<FieldChange> update_record(store::Connection& c, Organization& r, std::optional<std::int64_t> expected,
                                       const Actor& a);
std::vector<FieldChange> update_record(store::Connection& c, Service& r, std::optional<std::int64_t> expected,
                                       const Actor& a);
std::vector<FieldChange> update_record(store::Connection& c, Location& r, std::optional<std::int64_t> expected,
                                       const Actor& a);
std::vector<FieldChange> update_record(store::Connection& c, Team& r, std::optional<std::int64_t> expected,
                                       const Actor& a);

// Archives (soft delete) or restores; false when it already was in that state.
// Throws StaleRecord when expected_updated_at is given and differs.
bool set_archived(store::Connection& c, RecordKind k, const std::string& id, bool archived, const Actor& a,
                  std::optional<std::int64_t> expected = std::nullopt);

// Marks a service, organisation or location as verified today by the actor
// (assured_date, assurer_email); teams are not verified.
std::vector<FieldChange> mark_verified(store::Connection& c, const std::string& service_id, const Actor& a);
std::vector<FieldChange> mark_verified(store::Connection& c, RecordKind k, const std::string& id, const Actor& a);
// Is this kind of record verified (and so has a review list)? All but teams.
constexpr bool verified_kind(RecordKind k) { return k != RecordKind::team; }

std::vector<HistoryRow> history(store::Connection& c, RecordKind k, const std::string& id);

// Services to reindex after a change of this record (itself for a service).
std::vector<std::string> dependent_services(store::Connection& c, RecordKind k, const std::string& id);

// ---- lists -------------------------------------------------------------------------

struct ListQuery {
  std::string text;                                    // name contains (case-insensitive)
  bool archived = false;                               // archived records instead of active ones
  std::optional<std::vector<std::string>> organizations;  // only these organisations' records
  std::int64_t offset = 0, limit = 50;
};
struct Summary {
  std::string id, name, organization_id, organization_name, assured_date;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> archived_at;
};
struct SummaryPage {
  std::int64_t total = 0;
  std::vector<Summary> items;
};
SummaryPage list_records(store::Connection& c, RecordKind k, const ListQuery& q);

// Active services not verified for 12 months (assured_date older or missing).
SummaryPage needs_review(store::Connection& c, std::int64_t now, const ListQuery& q);
// The same for organisations or locations (a verified_kind).
SummaryPage needs_review(store::Connection& c, RecordKind k, std::int64_t now, const ListQuery& q);
// Active services whose French name or description is missing.
SummaryPage missing_translations(store::Connection& c, const ListQuery& q);
std::string review_cutoff(std::int64_t now);  // ISO date 12 months before now

// Choices for forms: id and nl name of active records of a kind (all, or of the organisations).
struct Choice {
  std::string id, name;
};
std::vector<Choice> record_choices(store::Connection& c, RecordKind k,
                            const std::optional<std::vector<std::string>>& organizations = std::nullopt);
// Category terms with their label in the language (translations, else name), parents first.
struct TermChoice {
  std::string id, label, parent_id;
};
std::vector<TermChoice> term_choices(store::Connection& c, i18n::Lang lang);

}  // namespace samen::directory

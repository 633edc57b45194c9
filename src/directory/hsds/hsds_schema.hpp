// The HSDS 3.0 tabular model as Samen uses it: the 21 tables of the official
// datapackage.json (embedded; column order, types, formats, required fields,
// enums, references) and Samen's 4 extension tables described the same way
// (x_samen_*: what Samen stores and HSDS has no table for), the value checks
// an import applies, the canonical text of numbers, and the fixed ids that
// carry Samen's translations as HSDS attributes. Plain logic, no I/O.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samen::directory::hsds {

enum class FieldType { string, number, date, datetime, time };
enum class Format { none, uuid, email, uri };

struct Field {
  std::string name;
  FieldType type = FieldType::string;
  Format format = Format::none;
  bool required = false;
  std::vector<std::string> allowed;         // enum values; empty = any
  std::optional<double> minimum, maximum;   // numbers: the range allowed
  bool empty_when_null = false;             // an absent value is stored as "" (a NOT NULL text column)
};

// A column holding the id of a row of another (or the same) table.
struct Reference {
  std::string field;
  std::string table;  // database table name, e.g. "organizations"
};

struct Table {
  std::string resource;  // HSDS resource name, e.g. "service"
  std::string name;      // database table and file name without .csv, e.g. "services"
  std::string file;      // "services.csv"
  std::vector<Field> fields;          // HSDS column order
  std::vector<Reference> references;  // checked on import, written parents first
  std::vector<std::string> key;       // primary key columns: {"id"}, or all columns of a link table
  bool has_stamps = false;            // Samen's created_at/updated_at/archived_at columns
  bool extension = false;             // a Samen extension table (x_samen_*), not in HSDS 3.0

  bool has_id() const { return key.size() == 1 && key[0] == "id"; }

  std::optional<std::size_t> index_of(std::string_view field) const;
  const Field* field(std::string_view name) const;
};

// The prefix of Samen's extension resources and files: x_samen_team, x_samen_teams.csv.
inline constexpr std::string_view kExtensionResourcePrefix = "x_samen_";

// All tables, HSDS's then Samen's extensions, in an order where every
// referenced table comes before the tables that refer to it (taxonomy_terms
// and teams also refer to themselves).
const std::vector<Table>& tables();
const Table* table_named(std::string_view name);              // by database name, "services"
const Table* table_for_resource(std::string_view resource);   // by resource name, "service"
// The official datapackage.json.
std::string_view datapackage_json();
// The datapackage.json of an export: the official one, byte for byte, with
// Samen's extension resources appended to its "resources". Each is named
// x_samen_* (a plain HSDS consumer can ignore them), has a Table Schema and
// foreign keys like the official resources, and its database table is its
// path without "x_samen_" and ".csv":
//   x_samen_schedule_exceptions: closures and special hours of a service or location
//   x_samen_teams: partnerships, local teams and clusters (parent_id: the team above)
//   x_samen_team_areas: a team's municipalities (NIS code) and neighbourhoods
//   x_samen_team_members: a team's member organisations
std::string export_datapackage_json();

// Why `text` is not a valid value of the field (CSV text, or a JSON string
// for string-typed fields), or nullopt when it is valid. Empty is handled
// by the caller (NULL vs required).
std::optional<std::string> value_problem(const Table& t, const Field& f, std::string_view text);

bool is_uuid(std::string_view s);
bool is_email(std::string_view s);
bool is_uri(std::string_view s);
bool is_date(std::string_view s);      // YYYY-MM-DD, a real calendar day
bool is_datetime(std::string_view s);  // RFC 3339: YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
bool is_time(std::string_view s);      // HH:MM or HH:MM:SS[.frac], optionally with Z or ±HH:MM
// A finite decimal number ("3", "-2.5", "1e3"); nullopt otherwise.
std::optional<double> parse_number(std::string_view s);
// Shortest text that reads back as the same double: 3 → "3", 2.5 → "2.5".
std::string format_number(double v);
// A stored value as HSDS writes it: numbers in shortest form, and a bare date
// in a date-time field (Samen keeps last_modified as a day) as midnight UTC.
std::string canonical_value(const Field& f, std::string text);

// Samen's fr/en (and nl) texts travel as HSDS attributes: one taxonomy, one
// term per language; attribute link_entity = resource type, link_id =
// resource id, link_type = field name, value = the text.
inline constexpr std::string_view kTranslationTaxonomyId = "5a3e7c1b-8d2f-4e6a-9b0c-1f2e3d4c5b6a";
inline constexpr std::string_view kTranslationTaxonomyName = "samen-translations";
struct TranslationTerm {
  std::string_view lang;  // "fr"
  std::string_view id;    // taxonomy_terms.id
  std::string_view code;  // "translation:fr"
};
inline constexpr TranslationTerm kTranslationTerms[] = {
    {"en", "5a3e7c1b-8d2f-4e6a-9b0c-1f2e3d4c5b01", "translation:en"},
    {"fr", "5a3e7c1b-8d2f-4e6a-9b0c-1f2e3d4c5b02", "translation:fr"},
    {"nl", "5a3e7c1b-8d2f-4e6a-9b0c-1f2e3d4c5b03", "translation:nl"},
};
const TranslationTerm* translation_term(std::string_view term_id);
const TranslationTerm* translation_term_for_lang(std::string_view lang);
// The attribute id of one translation: a name-based UUID of (type, id, field, lang), stable across exports.
std::string translation_attribute_id(std::string_view resource_type, std::string_view resource_id,
                                     std::string_view field, std::string_view lang);

}  // namespace samen::directory::hsds

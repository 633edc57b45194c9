// HSDS 3.0 JSON objects built from Samen's tables: service_full,
// organization_full, service_at_location_full, the one-to-one "list" shapes
// and taxonomies/terms. Objects are assembled in batches (one query per
// relation and batch, never per record), so the API, the ndjson stream and
// the export share this code and stay fast on large directories. The nesting
// rules (which JSON key holds which table, linked by which column) are also
// what the JSON import reads back.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "directory/hsds/hsds_schema.hpp"
#include "store/database.hpp"

namespace samen::directory::hsds {

using Json = nlohmann::ordered_json;
// One row of an HSDS table: the values in HSDS column order (NULL = nullopt).
// Values read from the database are in canonical text (canonical_value).
using Values = std::vector<std::optional<std::string>>;

// A nested key of an HSDS object: `key` holds rows of `table`. For a list
// (many), the child's `link` column holds the parent's id; for a single
// object (one), the parent's `link` column holds the child's id.
struct Relation {
  std::string_view parent;  // table
  std::string_view key;
  std::string_view table;
  std::string_view link;
  bool many = true;
};
// Every nested key of an object of `table` that Samen reads or writes,
// besides "attributes" (link_id) and "metadata" (resource_id).
std::vector<const Relation*> relations_of(std::string_view table);
// Whether objects of the table carry "attributes" / "metadata" lists.
bool has_attributes(std::string_view table);
bool has_metadata(std::string_view table);

// The shapes Samen serves and exports.
enum class Shape {
  service_full,           // compiled/service.json
  service_list,           // compiled/service_list.json: service + organization + program
  organization_full,      // compiled/organization.json, services as one-to-one rows
  organization_full_services,  // same, with every service in full
  organization_list,      // compiled/organization_list.json
  service_at_location_full,    // compiled/service_at_location.json
  service_at_location_list,    // compiled/service_at_location_list.json
  taxonomy,               // schema/taxonomy.json
  taxonomy_term,          // schema/taxonomy_term.json, with taxonomy_detail
};
const Table& shape_table(Shape s);

// JSON value of one row (numbers as JSON numbers, NULL fields left out).
Json row_json(const Table& t, const Values& v);

// Rows of `t` whose `column` is one of `keys`, sorted by id (byte order).
std::vector<Values> load_rows(store::Connection& c, const Table& t, std::string_view column,
                              const std::vector<std::string>& keys);

// Objects of the shape for these ids as compact JSON text, in the same
// order; ids that do not exist are left out. Nested lists are sorted by id.
// Archived organisations, services and locations are left out unless
// include_archived, which also keeps the full edit history (who changed a
// field, its values before and after): that view is the staff export's; the
// public one names no staff member and no replaced values. Text that is not
// UTF-8 is written with U+FFFD.
std::vector<std::string> build_json(store::Connection& c, Shape shape, const std::vector<std::string>& ids,
                                    bool include_archived = false);
// The same for rows of the shape's table already read (e.g. a page of a stream).
std::vector<std::string> build_json_from_rows(store::Connection& c, Shape shape, const std::vector<Values>& rows,
                                              bool include_archived = false);
// The same as JSON values.
std::vector<Json> build_objects(store::Connection& c, Shape shape, const std::vector<std::string>& ids,
                                bool include_archived = false);
// The values of a row of `t` as read from the database (columns in HSDS order).
Values row_values(const Table& t, const store::Row& row);

// The synthetic rows that carry translations (see hsds_schema.hpp).
Values translation_taxonomy_row();
std::vector<Values> translation_term_rows();  // sorted by id
Values translation_attribute_row(const std::string& resource_type, const std::string& resource_id,
                                 const std::string& field, const std::string& lang, const std::string& value);

// "ORDER BY id" in byte order on both databases.
std::string order_by_id(store::Dialect d, std::string_view qualifier = "");

}  // namespace samen::directory::hsds

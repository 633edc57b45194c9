// The flat spreadsheet import: which Samen field each column holds (the
// mapping, guessed from the header), the dry run that reads the database and
// says per row what would be created or updated or what is wrong, and the
// import that writes exactly that plan through the records repository (with
// change history). Rows match existing services by organisation + name, so
// importing the same sheet twice changes nothing the second time.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/import/spreadsheet_table.hpp"
#include "directory/model/records.hpp"
#include "store/database.hpp"

namespace samen::directory {

enum class SheetField {
  ignore,
  service_name_nl,
  service_name_fr,
  description_nl,
  description_fr,
  organization,
  street,
  postcode,
  municipality,
  phone,
  email,
  website,
  min_age,
  max_age,
  languages,
  category,
  cost,
};

// Every field but `ignore`, in the order the mapping form lists them.
const std::vector<SheetField>& sheet_fields();
std::string_view field_code(SheetField f);  // "service_name_nl": form value; label key "sheet.field.<code>"
std::optional<SheetField> parse_field_code(std::string_view code);

using Mapping = std::vector<SheetField>;  // one per column

// A first guess from the column titles (nl/fr/en words such as "Naam", "Code postal", "Phone").
Mapping guess_mapping(const std::vector<std::string>& header);
// Catalog keys of what is wrong with a mapping (empty when it can be used).
std::vector<std::string> mapping_problems(const Mapping& m, std::size_t columns);

// Pure parsers of cell values (exposed for tests); nullopt when not understood.
std::optional<std::vector<std::string>> parse_language_list(std::string_view cell);  // ISO 639-1 codes
std::optional<std::vector<std::string>> parse_category_list(std::string_view cell);  // taxonomy term ids
std::optional<CostOption> parse_cost(std::string_view cell);

struct RowProblem {
  SheetField field = SheetField::ignore;  // the column it is about (ignore: the row as a whole)
  std::string message_key;                // catalog key
  std::map<std::string, std::string> args;
};

enum class RowAction { create, update, unchanged, error };

struct PlannedRow {
  int row_number = 0;
  RowAction action = RowAction::error;
  std::string service_name, organization_name;
  bool new_organization = false;              // the organisation is created by this row
  std::vector<std::string> changed_fields;    // for updates: field names as in the change history
  std::vector<RowProblem> problems;
  // What to write (for create/update).
  Service service;                            // id and organization_id empty when new
  std::optional<Address> address;             // the address from the sheet, when it has one
};

struct ImportPlan {
  std::vector<PlannedRow> rows;
  int creates = 0, updates = 0, unchanged = 0, errors = 0, new_organizations = 0;
  std::string fingerprint;  // changes when the plan would write something else
};

// The dry run: reads only.
ImportPlan plan_import(store::Connection& c, const SheetTable& table, const Mapping& mapping);

struct ImportResult {
  int created = 0, updated = 0, unchanged = 0, skipped = 0, organizations_created = 0;
  std::vector<std::string> service_ids;  // services written (for the search index)
};

// Writes the plan's create and update rows (rows with errors are skipped).
// Run inside a transaction, on a plan made in that same transaction.
ImportResult apply_import(store::Connection& c, ImportPlan& plan, const Actor& actor);

}  // namespace samen::directory

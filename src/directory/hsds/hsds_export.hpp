// Export of the whole service map as HSDS 3.0: DIR/csv/ is the tabular
// datapackage (the official datapackage.json and one RFC 4180 CSV per table,
// HSDS column order, rows by id, canonical numbers; NULL is an empty field,
// an empty text is ""), DIR/json/ holds services.json (service_full),
// organizations.json (organization_full), taxonomies.json and
// taxonomy_terms.json. Translations travel as attributes of the
// "samen-translations" taxonomy. Output is deterministic: exporting,
// importing into an empty database and exporting again gives the same bytes.
//
// What HSDS has no table for travels in Samen's extension tables, described
// in the same datapackage.json (see export_datapackage_json in
// hsds_schema.hpp): x_samen_schedule_exceptions.csv (closures and special
// hours), x_samen_teams.csv, x_samen_team_areas.csv, x_samen_team_members.csv.
// Not exported: search synonyms and the archived/created/updated stamps
// (archived records are exported like the others). The CSV package is the
// complete form; the JSON files hold what is reachable from services,
// organizations and taxonomies (none of the extension tables).
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "store/database.hpp"

namespace samen::directory::hsds {

struct ExportCounts {
  std::map<std::string, std::size_t> rows;  // CSV file → data rows
  std::size_t services = 0;
  std::size_t organizations = 0;
};

ExportCounts export_hsds(store::Database& db, const std::filesystem::path& out_dir);

}  // namespace samen::directory::hsds

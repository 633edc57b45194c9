// Import of HSDS 3.0 data into the service map: a tabular datapackage (a
// folder of CSV files + datapackage.json) or HSDS JSON (service_full /
// organization_full objects, single, in an array or in an HSDS page, or the
// json/ folder of an export). Everything is read and validated first (types,
// formats, enums, required fields, duplicate ids, references to rows neither
// in the package nor in the database, UTF-8, file size); then either nothing
// is written (problems and no skip_invalid) or the valid records are upserted
// by id in one transaction. Translation attributes (see hsds_schema.hpp) go
// back into the translations table. Samen's extension tables (x_samen_*.csv)
// are read, checked and written like HSDS's when the package has them.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "directory/hsds/hsds_schema.hpp"
#include "store/database.hpp"

namespace samen::directory::hsds {

struct ImportProblem {
  std::string file;    // "services.csv"
  std::string where;   // "row 3", "$[0].phones[1]", "line 7" or "-"
  std::string field;   // column, or "-"
  std::string reason;
  bool blocking = true;  // false: a warning (e.g. an ignored unknown column)
  std::size_t seq = 0;   // the record's reading order (0 for file-level problems), for sorting
  // "services.csv, row 3, email, is not an e-mail address ("x")"; warnings start with "warning: ".
  std::string text() const;
};

// One row read from the package, before it is written.
struct ImportRecord {
  const Table* table = nullptr;
  std::vector<std::optional<std::string>> values;  // HSDS column order
  std::string file;
  std::string where;
  std::size_t seq = 0;   // reading order, for sorting problems
  bool invalid = false;
  bool translation = false;  // an attribute carrying a translation
  bool synthetic = false;    // the translation taxonomy or one of its terms: not stored
  // The id; none for the rows of a link table (team areas and members), keyed by all their columns.
  const std::optional<std::string>& id() const {
    static const std::optional<std::string> none;
    return table->has_id() ? values.at(0) : none;
  }
};

struct ImportPackage {
  std::vector<ImportRecord> records;
  std::vector<ImportProblem> problems;
  std::map<std::string, std::size_t> file_rank;  // file → reading order
  std::map<std::string, std::size_t> json_ids;   // JSON: "table/id" → record (repeats are merged)
  std::size_t next_seq = 1;
  bool has_blocking_problems() const;
};

inline constexpr std::size_t kDefaultMaxFileBytes = 64u * 1024 * 1024;

// Reads a datapackage folder, an export folder (its csv/ part), a folder of
// HSDS JSON files, or one JSON file. Problems of reading (syntax, UTF-8,
// size, unknown columns) are recorded in the package; a missing or
// unrecognisable path throws std::runtime_error.
ImportPackage read_package(const std::filesystem::path& path, std::size_t max_file_bytes = kDefaultMaxFileBytes);
// Reads JSON text (kind: "services", "organizations", "service_at_locations",
// "taxonomies", "taxonomy_terms", or "" to tell by each object's fields).
void read_json_text(ImportPackage& pkg, std::string_view text, const std::string& file, const std::string& kind);
// Reads one CSV table from text.
void read_csv_text(ImportPackage& pkg, std::string_view text, const Table& table);

// Checks every record; references may point at rows already in the database.
// Invalid records are marked, each problem is recorded, and records that
// refer to invalid ones are marked too.
void validate_package(ImportPackage& pkg, store::Connection& c);

struct ImportCounts {
  std::map<std::string, std::size_t> rows;  // table → valid records written (inserted, changed or unchanged)
  std::size_t changed = 0;                  // rows inserted or changed
  std::size_t translations = 0;
  std::size_t skipped = 0;                  // invalid records left out
  std::size_t total() const;
};
// Upserts the valid records, parents first (run inside a transaction).
ImportCounts write_package(const ImportPackage& pkg, store::Connection& c, std::int64_t now);

struct ImportOptions {
  bool skip_invalid = false;
  std::size_t max_file_bytes = kDefaultMaxFileBytes;
  std::int64_t now = 0;
};
struct ImportReport {
  std::vector<ImportProblem> problems;  // sorted by file and record
  ImportCounts counts;
  bool committed = false;  // false: nothing was written
};
// read → validate → write in one transaction (nothing written on blocking
// problems unless skip_invalid).
ImportReport import_hsds(store::Database& db, const std::filesystem::path& path, const ImportOptions& options);

}  // namespace samen::directory::hsds

// The import-hsds and export-hsds commands (see hsds_cli.hpp).
#include "directory/hsds/hsds_cli.hpp"

#include <algorithm>
#include <ostream>

#include "accounts/audit.hpp"
#include "app/app.hpp"
#include "directory/hsds/hsds_export.hpp"
#include "directory/hsds/hsds_import.hpp"
#include "directory/search/search.hpp"

namespace samen::directory::hsds {

namespace {

void audit(store::Database& db, const std::string& action, const std::string& detail) {
  store::in_transaction(db, [&](store::Connection& c) {
    accounts::record_audit(c, {0, app::unix_now(), std::nullopt, "cli", action, "hsds", "", detail, ""});
  });
}

}  // namespace

int import_command(store::Database& db, const std::filesystem::path& data_dir, const std::filesystem::path& path,
                   bool skip_invalid, std::size_t max_file_bytes, std::ostream& out, std::ostream& err) {
  ImportOptions options;
  options.skip_invalid = skip_invalid;
  options.max_file_bytes = max_file_bytes;
  options.now = app::unix_now();
  // Opened before the import, so it does not see a large import as changes
  // to catch up on and rebuild the index a first time, before the rebuild below.
  auto search = ServiceSearch::create(db, data_dir);
  ImportReport report = import_hsds(db, path, options);
  std::size_t errors = 0;
  for (const auto& p : report.problems) {
    err << p.text() << "\n";
    errors += p.blocking ? 1 : 0;
  }
  if (!report.committed) {
    err << "samen: nothing was imported: " << errors << " problem(s) in " << path.string()
        << " (add --skip-invalid to import the valid records and skip the invalid ones)" << std::endl;
    return 1;
  }
  std::string detail = std::to_string(report.counts.total()) + " records, " + std::to_string(report.counts.changed) +
                       " changed, " + std::to_string(report.counts.skipped) + " skipped, from " + path.string();
  audit(db, "hsds.imported", detail);
  out << "imported " << report.counts.total() << " record(s) from " << path.string() << " ("
      << report.counts.changed << " new or changed)\n";
  for (const auto& [table, n] : report.counts.rows) out << "  " << table << ": " << n << "\n";
  if (report.counts.translations) out << "  translations: " << report.counts.translations << "\n";
  if (report.counts.skipped)
    out << "skipped " << report.counts.skipped << " invalid record(s): " << errors << " problem(s) listed on stderr\n";
  search->rebuild();
  out << "search index rebuilt" << std::endl;
  return 0;
}

int export_command(store::Database& db, const std::filesystem::path& out_dir, std::ostream& out) {
  auto counts = export_hsds(db, out_dir);
  std::size_t rows = 0;
  for (const auto& [file, n] : counts.rows) rows += n;
  audit(db, "hsds.exported", std::to_string(rows) + " rows to " + out_dir.string());
  out << "exported " << rows << " row(s) in " << counts.rows.size() << " CSV tables to " << (out_dir / "csv").string()
      << ", and " << counts.services << " service(s), " << counts.organizations << " organization(s) to "
      << (out_dir / "json").string() << std::endl;
  return 0;
}

}  // namespace samen::directory::hsds

// The `samen import-hsds` and `samen export-hsds` commands: run the library
// import/export, print problems (stderr) and a summary (stdout), audit the
// change and rebuild the search index after an import. Return the exit code.
#pragma once
#include <filesystem>
#include <iosfwd>

#include "store/database.hpp"

namespace samen::directory::hsds {

int import_command(store::Database& db, const std::filesystem::path& data_dir, const std::filesystem::path& path,
                   bool skip_invalid, std::size_t max_file_bytes, std::ostream& out, std::ostream& err);
int export_command(store::Database& db, const std::filesystem::path& out_dir, std::ostream& out);

}  // namespace samen::directory::hsds

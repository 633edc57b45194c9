// Demo and benchmark content for the service map: a realistic Brussels
// directory (services of the demo network's organisations and invented ones,
// in all 19 municipalities, nl texts with fr/en translations, hours, ages,
// languages, costs, categories) or a large synthetic one of the same shape.
// Deterministic for a seed and idempotent: every id derives from seed+index.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace samen::directory {

// What `samen serve --demo` loads.
inline constexpr std::int64_t kDemoDirectoryServices = 320;
inline constexpr std::uint64_t kDemoDirectorySeed = 1;

struct DirectoryPlan {
  std::int64_t services = kDemoDirectoryServices;
  std::uint64_t seed = kDemoDirectorySeed;
  std::int64_t now = 0;  // unix seconds: created_at, and the reference for assured dates and holidays
  // Called after each batch with (services done, services planned).
  std::function<void(std::int64_t, std::int64_t)> progress;
  // A data directory: its search index is built while storing when the
  // database has no services yet (BulkIndexBuild), not after.
  std::optional<std::filesystem::path> index_while_storing;
};

// Rows the generation added (0 for records that were already there).
struct DirectoryCounts {
  std::int64_t organizations = 0;
  std::int64_t locations = 0;
  std::int64_t services = 0;
  std::int64_t rows = 0;  // all rows of every table
  bool indexed = false;   // the search index was built while storing (index_while_storing)
};

// Writes the directory in one transaction. The demo network's organisations
// are created when missing (same ids and texts as demo::load_network), so the
// directory can be loaded into any database. Seeds the family taxonomy first.
DirectoryCounts generate_directory(store::Database& db, const DirectoryPlan& plan);

// The realistic demo directory for `serve --demo`: generates it and brings
// the search index in data_dir up to date when anything was added. Idempotent.
DirectoryCounts load_demo_directory(store::Database& db, const std::filesystem::path& data_dir, std::int64_t now);

// The "<seed>:<kind>:<index>" id scheme, exposed for tests: a version-8 UUID.
std::string directory_uuid(std::uint64_t seed, const std::string& kind, std::int64_t index);

}  // namespace samen::directory

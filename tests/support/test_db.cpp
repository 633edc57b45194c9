// Creates and removes the per-test databases behind DatabaseTest: a temporary
// SQLite file, or a uniquely named PostgreSQL database created through the
// SAMEN_TEST_PG server and dropped (WITH FORCE) afterwards.
#include "support/test_db.hpp"

#include "app/module.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace samen::testing {

using store::Database;

std::string pg_admin_url() {
  const char* v = std::getenv("SAMEN_TEST_PG");
  return v ? v : "";
}

bool pg_required() {
  const char* v = std::getenv("SAMEN_REQUIRE_PG");
  return v && std::string_view(v) == "1";
}

std::string with_database(const std::string& url, const std::string& name) {
  std::size_t start = url.find("://");
  if (start == std::string::npos) throw std::invalid_argument("not a URL: " + url);
  start += 3;
  std::size_t q = url.find('?', start);
  std::string base = url.substr(0, q);
  std::string query = q == std::string::npos ? "" : url.substr(q);
  std::size_t at = base.rfind('@');
  std::size_t host = at == std::string::npos || at < start ? start : at + 1;
  std::size_t slash = base.find('/', host);
  if (slash != std::string::npos) base.resize(slash);
  return base + "/" + name + query;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "samen-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {

// One admin connection per test process, reused to create and drop databases.
Database& pg_admin() {
  static std::unique_ptr<Database> admin = Database::open(pg_admin_url(), {}, 2);
  return *admin;
}

std::string unique_pg_name() {
  static std::atomic<int> counter{0};
  return "samen_t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

TestDatabase::TestDatabase(std::string_view backend, std::size_t pool_size, bool migrated) {
  if (backend == "sqlite") {
    url_ = "sqlite:" + (dir_.path() / "samen.db").string();
    // The default location (DATA_DIR/samen.db) is what production uses.
    db_ = Database::open("", dir_.path(), pool_size);
  } else if (backend == "postgres") {
    if (pg_admin_url().empty()) throw std::runtime_error("SAMEN_TEST_PG is not set");
    pg_name_ = unique_pg_name();
    auto lease = pg_admin().acquire();
    lease->exec("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");  // left by a crashed run
    lease->exec("CREATE DATABASE " + pg_name_);
    url_ = with_database(pg_admin_url(), pg_name_);
    db_ = Database::open(url_, {}, pool_size);
  } else {
    throw std::invalid_argument("unknown backend " + std::string(backend));
  }
  if (migrated) app::migrate(*db_);
}

TestDatabase::~TestDatabase() {
  db_.reset();  // close the pool before dropping what it points at
  if (pg_name_.empty()) return;
  try {
    pg_admin().acquire()->exec("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not drop test database " << pg_name_ << ": " << e.what();
  }
}

std::unique_ptr<Database> TestDatabase::open_another(std::size_t pool_size) const {
  return Database::open(url_, dir_.path(), pool_size);
}

void DatabaseTest::SetUp() {
  if (is_postgres() && pg_admin_url().empty()) {
    if (pg_required()) FAIL() << "SAMEN_REQUIRE_PG=1 but SAMEN_TEST_PG is not set";
    GTEST_SKIP() << "PostgreSQL storage tests need SAMEN_TEST_PG=postgresql://... "
                    "(start a throwaway server with scripts/pg-test-cluster start DIR)";
  }
  tdb_ = std::make_unique<TestDatabase>(GetParam(), 4, migrated());
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string_view(ci) == "true";
}

std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace samen::testing

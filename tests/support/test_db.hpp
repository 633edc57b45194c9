// Test support: a fresh, migrated Database per test on each storage backend
// (SQLite in a temporary directory; PostgreSQL in a throwaway database when
// SAMEN_TEST_PG names a server), and the parameterized fixture every storage
// test derives from so it runs on both.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace samen::testing {

// SAMEN_TEST_PG (a server where tests may CREATE DATABASE), or "" when unset.
std::string pg_admin_url();
// SAMEN_REQUIRE_PG=1: a missing SAMEN_TEST_PG fails PostgreSQL tests instead of skipping them.
bool pg_required();
// True in CI (CI=true, as the CI runner sets it): tests that need a file
// beside the repository fail there instead of skipping.
bool in_ci();
// The same server URL pointing at another database.
std::string with_database(const std::string& url, const std::string& name);

// A fresh scratch directory, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A fresh database of one backend ("sqlite" or "postgres"), dropped on destruction.
class TestDatabase {
 public:
  explicit TestDatabase(std::string_view backend, std::size_t pool_size = 4, bool migrated = true);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  store::Database& db() { return *db_; }
  // URL of this database (sqlite:FILE or postgresql://...), e.g. to open a second Database on it.
  const std::string& url() const { return url_; }
  // A scratch directory for files the test writes (backups, ...).
  const std::filesystem::path& scratch() const { return dir_.path(); }
  std::unique_ptr<store::Database> open_another(std::size_t pool_size) const;

 private:
  TempDir dir_;
  std::string url_;
  std::string pg_name_;  // the PostgreSQL database to drop, if any
  std::unique_ptr<store::Database> db_;
};

// Fixture parameterized by backend name; instantiate with SAMEN_INSTANTIATE_FOR_BACKENDS.
class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override { tdb_.reset(); }
  store::Database& db() { return tdb_->db(); }
  TestDatabase& test_db() { return *tdb_; }
  bool is_postgres() const { return GetParam() == "postgres"; }
  // A fixture that builds its schema itself (e.g. as an older Samen did) returns false.
  virtual bool migrated() const { return true; }

 private:
  std::unique_ptr<TestDatabase> tdb_;
};

std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace samen::testing

// Stops the test when `path` (in ../shared beside the repository) is missing:
// a failure in CI, a skip on a developer's machine without it.
#define SAMEN_REQUIRE_SHARED(path)                                                               \
  do {                                                                                           \
    if (!std::filesystem::exists(path)) {                                                        \
      if (::samen::testing::in_ci()) FAIL() << (path) << " is missing (shared/ beside the repository)"; \
      GTEST_SKIP() << (path) << " is not beside the repository";                                 \
    }                                                                                            \
  } while (0)

#define SAMEN_INSTANTIATE_FOR_BACKENDS(fixture)                                                    \
  INSTANTIATE_TEST_SUITE_P(Backends, fixture,                                                      \
                           ::testing::Values(std::string("sqlite"), std::string("postgres")),     \
                           ::samen::testing::backend_test_name)

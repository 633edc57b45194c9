// Dialect-specific migrations (NNNN_name.postgres.sql / NNNN_name.sqlite.sql):
// each applies only on its database, one version may exist once per
// dialect, and a version shared with a file for both databases is refused.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

namespace samen::store {
namespace {

class DialectMigrationTest : public testing::DatabaseTest {};

bool table_exists(Database& db, const std::string& name) {
  try {
    db.acquire()->exec("SELECT COUNT(*) FROM " + name);
    return true;
  } catch (const StoreError&) {
    return false;
  }
}

TEST_P(DialectMigrationTest, AppliesOnlyTheFilesOfItsDatabase) {
  std::vector<Migration> ms = {
      {"probe", 9101, "9101_probe.postgres.sql", "CREATE TABLE probe_pg (x INTEGER);"},
      {"probe", 9101, "9101_probe.sqlite.sql", "CREATE TABLE probe_lite (x INTEGER);"},
      {"probe", 9102, "9102_both.sql", "CREATE TABLE probe_both (x INTEGER);"},
  };
  EXPECT_EQ(migrate(db(), ms), 2);
  EXPECT_EQ(table_exists(db(), "probe_pg"), is_postgres());
  EXPECT_EQ(table_exists(db(), "probe_lite"), !is_postgres());
  EXPECT_TRUE(table_exists(db(), "probe_both"));
  EXPECT_EQ(schema_version(db(), "probe"), 9102);
  auto log = db().acquire()->exec("SELECT name FROM schema_migrations WHERE module = 'probe' AND version = 9101");
  ASSERT_EQ(log.rows.size(), 1u);
  EXPECT_EQ(log.rows[0].text(0), is_postgres() ? "9101_probe.postgres.sql" : "9101_probe.sqlite.sql");
  EXPECT_EQ(migrate(db(), ms), 0);
}

TEST_P(DialectMigrationTest, RefusesTwoFilesOfOneVersionForOneDatabase) {
  std::vector<Migration> same_dialect = {{"probe", 9111, "9111_a.sqlite.sql", "SELECT 1;"},
                                         {"probe", 9111, "9111_b.sqlite.sql", "SELECT 1;"}};
  EXPECT_THROW(migrate(db(), same_dialect), StoreError);
  std::vector<Migration> with_generic = {{"probe", 9112, "9112_a.postgres.sql", "SELECT 1;"},
                                         {"probe", 9112, "9112_b.sql", "SELECT 1;"}};
  EXPECT_THROW(migrate(db(), with_generic), StoreError);
  EXPECT_LT(schema_version(db(), "probe"), 9111);
}

TEST_P(DialectMigrationTest, EmbeddedSearchMigrationFitsTheDatabase) {
  // directory/0002 exists for both databases: search tables only on PostgreSQL.
  EXPECT_GE(schema_version(db(), "directory"), 2);
  EXPECT_EQ(table_exists(db(), "service_search"), is_postgres());
}

SAMEN_INSTANTIATE_FOR_BACKENDS(DialectMigrationTest);

}  // namespace
}  // namespace samen::store

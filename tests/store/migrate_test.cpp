// The migrations runner on both backends: ordering, idempotence, dialect
// tokens, atomic failure, and two processes (here: two Databases on two
// threads) migrating the same database at once.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "app/module.hpp"
#include "support/test_db.hpp"

namespace samen::store {
namespace {

using testing::DatabaseTest;

class StoreMigrationTest : public DatabaseTest {};

// Versions far above the real ones, so they sit beside the embedded migrations.
std::vector<Migration> sample_migrations() {
  return {
      {"probe", 9002, "9002_fill.sql", "INSERT INTO mig_items (payload) VALUES ('first');\n"
                              "INSERT INTO mig_items (payload) VALUES ('second');"},
      {"probe", 9001, "9001_create.sql",
       "-- dialect tokens are expanded before running\n"
       "CREATE TABLE mig_items (\n"
       "  id {{ID}},\n"
       "  payload {{BLOB}},\n"
       "  created BIGINT NOT NULL DEFAULT {{NOW}}\n"
       ");\n"
       "CREATE INDEX mig_items_created ON mig_items (created);"},
  };
}

TEST_P(StoreMigrationTest, AppliesNewMigrationsInOrderOnce) {
  const int before = schema_version(db(), "probe");
  EXPECT_EQ(migrate(db(), sample_migrations()), 2);
  EXPECT_EQ(schema_version(db(), "probe"), 9002);
  EXPECT_EQ(migrate(db(), sample_migrations()), 0);
  EXPECT_LT(before, 9001);

  auto lease = db().acquire();
  Result rows = lease->exec("SELECT id, payload, created FROM mig_items ORDER BY id");
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_LT(rows.rows[0].int64(0), rows.rows[1].int64(0));  // {{ID}} numbers new rows
  EXPECT_EQ(rows.rows[0].text(1), "first");                    // {{BLOB}} hands back the bytes
  EXPECT_GT(rows.rows[0].int64(2), 1700000000);                // {{NOW}} is unix seconds

  Result log = lease->exec("SELECT name, applied_at FROM schema_migrations WHERE module = 'probe' AND version >= ? ORDER BY version",
                           {std::int64_t{9001}});
  ASSERT_EQ(log.rows.size(), 2u);
  EXPECT_EQ(log.rows[0].text(0), "9001_create.sql");
  EXPECT_EQ(log.rows[1].text(0), "9002_fill.sql");
  EXPECT_GT(log.rows[1].int64(1), 1700000000);
}

TEST_P(StoreMigrationTest, FailedMigrationLeavesNoTrace) {
  auto ms = sample_migrations();
  ms.push_back({"probe", 9003, "9003_broken.sql",
                "CREATE TABLE half_done (x INTEGER);\n"
                "INSERT INTO no_such_table (x) VALUES (1);"});
  try {
    migrate(db(), ms);
    FAIL() << "broken migration applied";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("9003_broken.sql"), std::string::npos) << e.what();
  }
  // The good ones before it stay; the broken one is rolled back whole.
  EXPECT_EQ(schema_version(db(), "probe"), 9002);
  EXPECT_THROW(db().acquire()->exec("SELECT x FROM half_done"), StoreError);
  ms.back().sql = "CREATE TABLE half_done (x INTEGER);";
  EXPECT_EQ(migrate(db(), ms), 1);
  EXPECT_EQ(schema_version(db(), "probe"), 9003);
}

TEST_P(StoreMigrationTest, RejectsDuplicateVersions) {
  std::vector<Migration> ms = {{"probe", 9010, "9010_a.sql", "CREATE TABLE dup_a (x INTEGER);"},
                               {"probe", 9010, "9010_b.sql", "CREATE TABLE dup_b (x INTEGER);"}};
  EXPECT_THROW(migrate(db(), ms), StoreError);
  EXPECT_LT(schema_version(db(), "probe"), 9010);
}

TEST_P(StoreMigrationTest, EmbeddedMigrationsAreNumberedPerModule) {
  ASSERT_FALSE(app::modules().empty());
  for (const app::Module* module : app::modules()) {
    int last = 0;
    for (const auto& m : embedded_migrations(module->name())) {
      EXPECT_EQ(m.module, module->name());
      // A version may repeat once as a dialect pair (NNNN_x.postgres.sql + NNNN_x.sqlite.sql).
      if (m.version == last) {
        EXPECT_TRUE(m.name.ends_with(".sqlite.sql")) << m.name;
      } else {
        EXPECT_EQ(m.version, last + 1) << module->name() << "/" << m.name << ": each module counts from 1 without gaps";
      }
      EXPECT_TRUE(m.name.ends_with(".sql")) << m.name;
      EXPECT_FALSE(m.sql.empty()) << m.name;
      last = m.version;
    }
    EXPECT_EQ(schema_version(db(), module->name()), last) << module->name();
  }
}

TEST_P(StoreMigrationTest, TheSameVersionInTwoModulesIsNoClash) {
  std::vector<Migration> ms = {{"probe_a", 1, "0001_a.sql", "CREATE TABLE probe_a (x INTEGER);"},
                               {"probe_b", 1, "0001_b.sql", "CREATE TABLE probe_b (x INTEGER);"}};
  EXPECT_EQ(migrate(db(), ms), 2);
  EXPECT_EQ(schema_version(db(), "probe_a"), 1);
  EXPECT_EQ(schema_version(db(), "probe_b"), 1);
  EXPECT_EQ(migrate(db(), ms), 0);
}

TEST_P(StoreMigrationTest, ConcurrentMigratorsApplyEachMigrationOnce) {
  // Each migration creates a table, so applying one twice would fail.
  std::vector<Migration> ms;
  for (int v = 9101; v <= 9106; ++v)
    ms.push_back({"probe", v, std::to_string(v) + "_race.sql", "CREATE TABLE race_" + std::to_string(v) + " (x INTEGER);"});

  auto first = test_db().open_another(1);
  auto second = test_db().open_another(1);
  std::atomic<int> applied{0};
  std::vector<std::string> errors;
  std::mutex errors_mutex;
  auto run = [&](Database& d) {
    try {
      applied += migrate(d, ms);
    } catch (const std::exception& e) {
      std::lock_guard lock(errors_mutex);
      errors.push_back(e.what());
    }
  };
  std::thread a([&] { run(*first); });
  std::thread b([&] { run(*second); });
  a.join();
  b.join();
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_EQ(applied.load(), 6);
  EXPECT_EQ(schema_version(db(), "probe"), 9106);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(StoreMigrationTest);

}  // namespace
}  // namespace samen::store

// Per-module migrations on a database made before them: Samen once numbered
// all migrations in one global sequence (accounts 0001 and 0005, directory
// 0002-0004 and 0006-0008). Such a database must upgrade in place on both
// backends, re-running nothing and losing nothing; a newer database than
// the binary knows is refused untouched.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/module.hpp"
#include "support/test_db.hpp"

namespace samen::app {
namespace {

class GlobalNumberingUpgradeTest : public testing::DatabaseTest {
 protected:
  bool migrated() const override { return false; }

  std::vector<store::Migration> all_for_this_database() {
    std::vector<store::Migration> out;
    for (const Module* m : modules())
      for (auto& mig : store::embedded_migrations(m->name())) {
        bool other_dialect = mig.name.ends_with(is_postgres() ? ".sqlite.sql" : ".postgres.sql");
        if (!other_dialect) out.push_back(std::move(mig));
      }
    return out;
  }

  // Builds the schema as Samen did at commit 4342b26: every migration that had
  // a global number, in that order, recorded under it in the old table.
  int make_database_of_the_global_era() {
    auto ms = all_for_this_database();
    std::erase_if(ms, [](const store::Migration& m) { return m.global_version == 0; });
    std::sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) { return a.global_version < b.global_version; });
    auto c = db().acquire();
    c->exec_script("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                   "applied_at BIGINT NOT NULL)");
    for (const auto& m : ms) {
      c->exec_script(store::expand_dialect(m.sql, db().dialect()));
      // Back then accounts' 0001 and the directory's 0001 also created the
      // network tables that core's 0001 creates now (IF NOT EXISTS).
      if (m.module == "accounts" && m.version == 1)
        c->exec_script(store::expand_dialect(store::embedded_migrations("core").at(0).sql, db().dialect()));
      c->exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {std::int64_t{m.global_version}, m.name, std::int64_t{1700000000 + m.global_version}});
    }
    return static_cast<int>(ms.size());
  }
};

TEST_P(GlobalNumberingUpgradeTest, UpgradesInPlaceWithoutRerunningOrLosing) {
  int old_count = make_database_of_the_global_era();
  ASSERT_GE(old_count, 8);
  {
    auto c = db().acquire();
    c->exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-kept', 'Kept', 1, 1)");
  }
  // Every old migration creates tables: running one again would throw.
  int applied = migrate(db());
  int newer = 0;
  for (const auto& m : all_for_this_database()) newer += m.global_version == 0;
  EXPECT_EQ(applied, newer) << "only the migrations written after per-module numbering run";

  auto c = db().acquire();
  EXPECT_EQ(c->exec("SELECT name FROM organizations WHERE id = 'org-kept'").rows.at(0).text(0), "Kept");
  // The old record carried over: same count, its time kept, under (module, version).
  auto rows = c->exec("SELECT module, version, name, applied_at FROM schema_migrations WHERE applied_at < 1700001000 "
                      "ORDER BY applied_at");
  ASSERT_EQ(static_cast<int>(rows.rows.size()), old_count);
  EXPECT_EQ(rows.rows.front().text(0), "accounts");
  EXPECT_EQ(rows.rows.front().int64(1), 1);
  EXPECT_EQ(rows.rows.at(1).text(0), "directory");
  EXPECT_EQ(rows.rows.at(1).int64(1), 1);
  EXPECT_EQ(rows.rows.at(1).text(2), "0001_directory.sql");
  EXPECT_EQ(store::schema_version(db(), "accounts"), static_cast<int>(store::embedded_migrations("accounts").back().version));
  EXPECT_EQ(migrate(db()), 0);
}

TEST_P(GlobalNumberingUpgradeTest, ADatabaseNewerThanTheBinaryIsRefusedUntouched) {
  make_database_of_the_global_era();
  db().acquire()->exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_future.sql', 1)");
  try {
    migrate(db());
    FAIL() << "a database with an unknown global migration was upgraded";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
  }
  // Still the old table, all rows there: nothing half-converted.
  auto c = db().acquire();
  EXPECT_EQ(c->exec("SELECT COUNT(*) FROM schema_migrations WHERE version = 99").rows.at(0).int64(0), 1);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(GlobalNumberingUpgradeTest);

}  // namespace
}  // namespace samen::app

// The connection pool and everything around it on both backends: concurrent
// writers, waiting when exhausted, reconnecting after the server dropped a
// session, backups and describe() keeping passwords out of logs.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "store/settings.hpp"
#include "support/test_db.hpp"

namespace samen::store {
namespace {

using namespace std::chrono_literals;
using testing::DatabaseTest;

class StorePoolTest : public DatabaseTest {
 protected:
  // Ends the server session behind `victim` from another connection, the way
  // a server restart or an administrator would.
  void kill_session(Connection& victim) {
    std::int64_t pid = victim.exec("SELECT pg_backend_pid()").rows.at(0).int64(0);
    auto other = db().acquire();
    // The second argument makes the call wait until the backend has exited.
    ASSERT_TRUE(other->exec("SELECT pg_terminate_backend(?, 5000)", {pid}).rows.at(0).boolean(0));
  }

  static std::int64_t backend_pid(Connection& c) {
    return c.exec("SELECT pg_backend_pid()").rows.at(0).int64(0);
  }
};

TEST_P(StorePoolTest, ConcurrentWritersAllSucceed) {
  db().acquire()->exec_script(expand_dialect("CREATE TABLE hits (id {{ID}}, worker BIGINT NOT NULL, n BIGINT NOT NULL)",
                                             db().dialect()));
  constexpr int kThreads = 4, kInserts = 200;
  std::mutex errors_mutex;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kInserts; ++i) {
        try {
          Params p{std::int64_t{t}, std::int64_t{i}};
          if (i % 2 == 0) {  // autocommit statements and short transactions, interleaved
            db().acquire()->exec("INSERT INTO hits (worker, n) VALUES (?, ?)", p);
          } else {
            in_transaction(db(), [&](Connection& c) {
              c.exec("SELECT COUNT(*) FROM hits WHERE worker = ?", {std::int64_t{t}});
              c.exec("INSERT INTO hits (worker, n) VALUES (?, ?)", p);
            });
          }
        } catch (const std::exception& e) {
          std::lock_guard lock(errors_mutex);
          errors.push_back(e.what());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_TRUE(errors.empty()) << errors.size() << " errors, first: " << errors.front();
  auto lease = db().acquire();
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM hits").rows.at(0).int64(0), kThreads * kInserts);
  EXPECT_EQ(lease->exec("SELECT COUNT(DISTINCT worker * 1000 + n) FROM hits").rows.at(0).int64(0), kThreads * kInserts);
  EXPECT_LE(db().stats().size, 4u);
}

TEST_P(StorePoolTest, AcquireWaitsWhenAllConnectionsAreLeased) {
  auto small = test_db().open_another(2);
  std::optional<Lease> first(small->acquire());
  Lease second = small->acquire();
  EXPECT_EQ(small->stats().in_use, 2u);
  EXPECT_EQ(small->stats().waits, 0u);

  std::atomic<bool> got{false};
  std::thread waiter([&] {
    Lease third = small->acquire();
    got = true;
    EXPECT_TRUE(third->alive());
  });
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(got.load()) << "a third lease was handed out from a pool of two";
  first.reset();  // frees a connection: the waiter gets it
  waiter.join();
  EXPECT_TRUE(got.load());
  PoolStats s = small->stats();
  EXPECT_EQ(s.waits, 1u);
  EXPECT_EQ(s.size, 2u);
  EXPECT_EQ(s.in_use, 1u);
}

TEST_P(StorePoolTest, ReconnectsAfterServerEndsSession) {
  if (!is_postgres()) GTEST_SKIP() << "SQLite has no server session to lose";
  const auto reconnects = [&] { return db().stats().reconnects; };

  // 1. A statement on the leased connection notices, reconnects and retries.
  {
    auto lease = db().acquire();
    std::int64_t old_pid = backend_pid(*lease);
    kill_session(*lease);
    std::int64_t new_pid = backend_pid(*lease);
    EXPECT_NE(new_pid, old_pid);
    EXPECT_EQ(reconnects(), 1u);
  }

  // 2. A session killed while the connection sits idle in the pool is
  //    replaced when it is next leased.
  std::int64_t idle_pid;
  {
    auto lease = db().acquire();
    idle_pid = backend_pid(*lease);
    kill_session(*lease);
  }
  for (int i = 0; i < 2; ++i) {  // whichever idle connection comes first must work
    auto lease = db().acquire();
    EXPECT_TRUE(lease->alive());
    EXPECT_NE(backend_pid(*lease), idle_pid);
  }
  EXPECT_EQ(reconnects(), 2u);

  // 3. Inside a transaction nothing is retried: the caller learns its work is
  //    gone, rollback() does not throw, and the next lease works again.
  db().acquire()->exec_script("CREATE TABLE survivors (x BIGINT)");
  {
    auto lease = db().acquire();
    lease->begin();
    lease->exec("INSERT INTO survivors (x) VALUES (?)", {std::int64_t{1}});
    kill_session(*lease);
    try {
      lease->exec("INSERT INTO survivors (x) VALUES (?)", {std::int64_t{2}});
      FAIL() << "statement in a lost transaction succeeded";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::connection) << e.what();
    }
    EXPECT_NO_THROW(lease->rollback());
  }
  EXPECT_TRUE(db().ping());
  EXPECT_EQ(db().acquire()->exec("SELECT COUNT(*) FROM survivors").rows.at(0).int64(0), 0);
  EXPECT_GE(reconnects(), 3u);
}

// exec_prepared: PostgreSQL prepares a statement once per session and runs
// it again by name; it reads a table swapped in under the same name (as the
// search index's rebuild does) and is prepared anew after a reconnect.
TEST_P(StorePoolTest, PreparedStatementsFollowATableSwapAndAReconnect) {
  const std::string count = "SELECT COUNT(*) FROM numbers WHERE n >= ?";
  auto lease = db().acquire();
  lease->exec_script("CREATE TABLE numbers (n BIGINT); INSERT INTO numbers VALUES (1), (2), (3)");
  EXPECT_EQ(exec_prepared(*lease, count, {std::int64_t{2}}).rows.at(0).int64(0), 2);
  EXPECT_EQ(exec_prepared(*lease, count, {std::int64_t{1}}).rows.at(0).int64(0), 3);
  if (is_postgres()) {  // prepared once, reused
    EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM pg_prepared_statements").rows.at(0).int64(0), 1);
  }
  lease->exec_script("CREATE TABLE numbers_build (n BIGINT); INSERT INTO numbers_build VALUES (5), (6); "
                     "DROP TABLE numbers; ALTER TABLE numbers_build RENAME TO numbers");
  EXPECT_EQ(exec_prepared(*lease, count, {std::int64_t{6}}).rows.at(0).int64(0), 1);
  if (!is_postgres()) return;
  kill_session(*lease);
  EXPECT_EQ(exec_prepared(*lease, count, {std::int64_t{0}}).rows.at(0).int64(0), 2);
  EXPECT_EQ(db().stats().reconnects, 1u);
}

// PreferIndexScans' settings reach the session before its next statement
// and stay there until another use of the connection needs the defaults:
// searches one after another send no SET, every other statement sees the
// server's defaults, and a rollback that undid a SET is noticed.
TEST_P(StorePoolTest, PlannerSettingsHoldInTheirScopeAndNowhereElse) {
  if (!is_postgres()) GTEST_SKIP() << "PostgreSQL planner settings";
  auto lease = db().acquire();
  auto show = [&] {
    auto r = lease->exec("SELECT current_setting('enable_seqscan'), current_setting('plan_cache_mode')");
    return r.rows.at(0).text(0) + " " + r.rows.at(0).text(1);
  };
  EXPECT_EQ(show(), "on auto");
  {
    PreferIndexScans scans(*lease, PreferIndexScans::Plans::generic);
    EXPECT_EQ(show(), "off force_generic_plan");
    scans.custom();
    EXPECT_EQ(show(), "off force_custom_plan");
  }
  EXPECT_EQ(show(), "on auto");
  {
    lease->begin();
    PreferIndexScans scans(*lease);
    EXPECT_EQ(show(), "off force_custom_plan");  // set inside the transaction...
    lease->rollback();                            // ...and undone by its rollback
    EXPECT_EQ(show(), "off force_custom_plan");
  }
  EXPECT_EQ(show(), "on auto");
  kill_session(*lease);  // a new session starts from the defaults
  PreferIndexScans scans(*lease);
  EXPECT_EQ(show(), "off force_custom_plan");
}

TEST_P(StorePoolTest, BackupProducesReadableCopy) {
  auto lease = db().acquire();
  lease->exec_script("CREATE TABLE kept (x BIGINT, label TEXT)");
  lease->exec("INSERT INTO kept (x, label) VALUES (?, ?)", {(std::int64_t{1} << 42) + 1, std::string("één")});
  const auto out = test_db().scratch() / "backups" / "copy.db";

  if (is_postgres()) {
    try {
      db().backup_to(out);
      FAIL() << "backup_to succeeded on PostgreSQL";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::other);
      EXPECT_NE(std::string(e.what()).find("pg_dump '" + db().describe() + "'"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(out));
    return;
  }

  db().backup_to(out);
  ASSERT_TRUE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".partial"));
  auto copy = Database::open("sqlite:" + out.string(), {}, 1);
  {
    auto c = copy->acquire();
    EXPECT_EQ(c->exec("PRAGMA integrity_check").rows.at(0).text(0), "ok");
    Row row = c->exec("SELECT x, label FROM kept").rows.at(0);
    EXPECT_EQ(row.int64(0), (std::int64_t{1} << 42) + 1);
    EXPECT_EQ(row.text(1), "één");
  }
  EXPECT_EQ(schema_version(*copy, "directory"), schema_version(db(), "directory"));
  // A second backup replaces the first.
  lease->exec("INSERT INTO kept (x, label) VALUES (?, ?)", {std::int64_t{2}, std::string("twee")});
  db().backup_to(out);
  auto copy2 = Database::open("sqlite:" + out.string(), {}, 1);
  EXPECT_EQ(copy2->acquire()->exec("SELECT COUNT(*) FROM kept").rows.at(0).int64(0), 2);
}

TEST_P(StorePoolTest, DescribeHidesPassword) {
  if (!is_postgres()) {
    EXPECT_EQ(db().describe(), test_db().url());  // sqlite:/tmp/.../samen.db
    return;
  }
  const std::string url = test_db().url();
  const std::size_t user = url.find("://") + 3, at = url.find('@');
  if (at == std::string::npos) GTEST_SKIP() << "SAMEN_TEST_PG names no user";
  std::size_t colon = url.find(':', user);
  std::string password, with_password = url, without_password = url;
  if (colon < at) {  // SAMEN_TEST_PG carries a real password
    password = url.substr(colon + 1, at - colon - 1);
    without_password.erase(colon, at - colon);
  } else {  // a trusting server (scripts/pg-test-cluster) accepts any password
    password = "s3cr3t-pw";
    with_password.insert(at, ":" + password);
  }
  auto secret_db = Database::open(with_password, {}, 1);
  EXPECT_TRUE(secret_db->ping());
  EXPECT_EQ(secret_db->describe(), without_password);
  try {
    secret_db->backup_to(test_db().scratch() / "x.sql");
    FAIL() << "backup_to succeeded on PostgreSQL";
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find(password), std::string::npos) << e.what();
  }
  if (colon < at) return;
  auto query_password = Database::open(url + "?password=" + password + "&application_name=samen_test", {}, 1);
  EXPECT_TRUE(query_password->ping());
  EXPECT_EQ(query_password->describe(), url + "?application_name=samen_test");
}

SAMEN_INSTANTIATE_FOR_BACKENDS(StorePoolTest);

}  // namespace
}  // namespace samen::store

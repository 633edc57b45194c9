// Storage behaviour that must be identical on SQLite and PostgreSQL: CRUD with
// 64-bit ids, NULLs, unicode, error mapping, transactions, streaming and
// placeholder rewriting. Every test runs once per backend.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>

#include <set>

#include "app/module.hpp"
#include "support/test_db.hpp"

namespace {
// Migrations that apply to one database: one per (module, version) (a version may have a file per dialect).
std::size_t versions_per_database() {
  std::set<std::pair<std::string, int>> v;
  for (const samen::app::Module* m : samen::app::modules())
    for (const auto& mig : samen::store::embedded_migrations(m->name())) v.emplace(mig.module, mig.version);
  return v.size();
}
}  // namespace

namespace samen::store {
namespace {

using testing::DatabaseTest;

class StoreTest : public DatabaseTest {
 protected:
  void create_items() {
    auto lease = db().acquire();
    lease->exec_script(expand_dialect(
        "CREATE TABLE items ("
        " id {{ID}},"
        " ext BIGINT NOT NULL UNIQUE,"
        " name TEXT NOT NULL,"
        " note TEXT,"
        " score DOUBLE PRECISION,"
        " created BIGINT NOT NULL DEFAULT {{NOW}})",
        db().dialect()));
  }

  std::int64_t count(const std::string& table) {
    return db().acquire()->exec("SELECT COUNT(*) FROM " + table).rows.at(0).int64(0);
  }

  static StoreError::Kind kind_of(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const StoreError& e) {
      return e.kind();
    }
    ADD_FAILURE() << "expected a StoreError";
    return StoreError::Kind::other;
  }
};

std::int64_t unix_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

TEST_P(StoreTest, CrudRoundTripWithLargeIds) {
  create_items();
  const std::int64_t big_id = (std::int64_t{1} << 40) + 7;
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  auto lease = db().acquire();

  Result ins = lease->exec("INSERT INTO items (id, ext, name, note, score) VALUES (?, ?, ?, ?, ?)",
                           {big_id, max, std::string("Schaerbeek"), nullptr, 2.5});
  EXPECT_EQ(ins.affected, 1);
  Result ret = lease->exec("INSERT INTO items (ext, name) VALUES (?, ?) RETURNING id", {min, std::string("Anderlecht")});
  ASSERT_EQ(ret.rows.size(), 1u);
  const std::int64_t auto_id = ret.rows[0].int64(0);
  EXPECT_GT(auto_id, 0);
  EXPECT_NE(auto_id, big_id);

  Result r = lease->exec("SELECT id, ext, name, note, score, created FROM items WHERE id = ?", {big_id});
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"id", "ext", "name", "note", "score", "created"}));
  const Row& row = r.rows[0];
  EXPECT_EQ(row.int64(0), big_id);
  EXPECT_EQ(row.int64(1), max);
  EXPECT_EQ(row.text(2), "Schaerbeek");
  EXPECT_TRUE(row.is_null(3));
  EXPECT_DOUBLE_EQ(row.real(4), 2.5);
  EXPECT_NEAR(static_cast<double>(row.int64(5)), static_cast<double>(unix_now()), 120.0);  // {{NOW}} default

  EXPECT_EQ(lease->exec("SELECT name FROM items WHERE ext = ?", {min}).rows.at(0).text(0), "Anderlecht");
  EXPECT_EQ(lease->exec("SELECT id FROM items WHERE ext > ? ORDER BY ext", {std::int64_t{0}}).rows.at(0).int64(0),
            big_id);

  Result upd = lease->exec("UPDATE items SET note = ?, score = ? WHERE id = ?", {std::string("updated"), nullptr, big_id});
  EXPECT_EQ(upd.affected, 1);
  Row after = lease->exec("SELECT note, score FROM items WHERE id = ?", {big_id}).rows.at(0);
  EXPECT_EQ(after.text(0), "updated");
  EXPECT_TRUE(after.is_null(1));

  EXPECT_EQ(lease->exec("DELETE FROM items WHERE id = ?", {big_id}).affected, 1);
  EXPECT_EQ(lease->exec("DELETE FROM items WHERE id = ?", {big_id}).affected, 0);
  EXPECT_TRUE(lease->exec("SELECT id FROM items WHERE id = ?", {big_id}).empty());
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM items").affected, 0);  // reads change nothing
  EXPECT_EQ(count("items"), 1);
}

TEST_P(StoreTest, NullsRoundTrip) {
  create_items();
  auto lease = db().acquire();
  std::optional<std::string> no_text;
  std::optional<std::int64_t> no_number;
  lease->exec("INSERT INTO items (ext, name, note, score) VALUES (?, ?, ?, ?)",
              {std::int64_t{1}, std::string("a"), opt(no_text), opt(no_number)});
  lease->exec("INSERT INTO items (ext, name, note, score) VALUES (?, ?, ?, ?)",
              {std::int64_t{2}, std::string("b"), opt(std::optional<std::string>("x")),
               opt(std::optional<std::int64_t>(5))});
  auto rows = lease->exec("SELECT note, score FROM items ORDER BY ext").rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].is_null(0));
  EXPECT_EQ(rows[0].opt_text(0), std::nullopt);
  EXPECT_EQ(rows[0].text(0), "");
  EXPECT_EQ(rows[0].opt_int64(1), std::nullopt);
  EXPECT_EQ(rows[0].int64(1), 0);
  EXPECT_EQ(rows[1].opt_text(0), "x");
  EXPECT_DOUBLE_EQ(rows[1].real(1), 5.0);
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM items WHERE note IS NULL").rows.at(0).int64(0), 1);
}

TEST_P(StoreTest, UnicodeAndSpecialCharactersRoundTrip) {
  auto lease = db().acquire();
  lease->exec_script(expand_dialect("CREATE TABLE notes (id {{ID}}, body TEXT NOT NULL)", db().dialect()));
  const std::string body = "Gezinsondersteuning — soutien familial ✓ 👨‍👩‍👧 Ééèç ß 中文 ' \" ? \\ ; --";
  lease->exec("INSERT INTO notes (body) VALUES (?)", {body});
  Result r = lease->exec("SELECT body, length(body) FROM notes WHERE body = ?", {body});
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].text(0), body);
  std::int64_t code_points = 0;
  for (unsigned char c : body) code_points += (c & 0xC0) != 0x80;
  EXPECT_EQ(r.rows[0].int64(1), code_points);  // stored as characters, not bytes
}

TEST_P(StoreTest, ConstraintErrorsAreMapped) {
  create_items();
  auto lease = db().acquire();
  lease->exec_script(
      "CREATE TABLE parents (id BIGINT PRIMARY KEY);"
      "CREATE TABLE children (id BIGINT PRIMARY KEY, parent BIGINT NOT NULL REFERENCES parents(id),"
      " age INTEGER CHECK (age >= 0));");
  lease->exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{42}, std::string("a")});
  lease->exec("INSERT INTO parents (id) VALUES (?)", {std::int64_t{1}});

  EXPECT_EQ(kind_of([&] { lease->exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{42}, std::string("b")}); }),
            StoreError::Kind::unique_violation);
  EXPECT_EQ(kind_of([&] { lease->exec("INSERT INTO parents (id) VALUES (?)", {std::int64_t{1}}); }),
            StoreError::Kind::unique_violation);
  EXPECT_EQ(kind_of([&] { lease->exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{43}, nullptr}); }),
            StoreError::Kind::constraint);
  // Foreign keys are enforced on SQLite too (PRAGMA foreign_keys=ON).
  EXPECT_EQ(kind_of([&] {
              lease->exec("INSERT INTO children (id, parent) VALUES (?, ?)", {std::int64_t{1}, std::int64_t{99}});
            }),
            StoreError::Kind::constraint);
  EXPECT_EQ(kind_of([&] {
              lease->exec("INSERT INTO children (id, parent, age) VALUES (?, ?, ?)",
                          {std::int64_t{1}, std::int64_t{1}, std::int64_t{-1}});
            }),
            StoreError::Kind::constraint);
  EXPECT_EQ(kind_of([&] { lease->exec("SELEKT 1"); }), StoreError::Kind::other);
  EXPECT_EQ(count("items"), 1);
  EXPECT_TRUE(lease->alive());  // errors leave the connection usable
}

TEST_P(StoreTest, InTransactionCommitsOrRollsBack) {
  create_items();
  EXPECT_THROW(in_transaction(db(),
                              [](Connection& c) {
                                c.exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{1}, std::string("a")});
                                throw std::runtime_error("handler failed");
                              }),
               std::runtime_error);
  EXPECT_EQ(count("items"), 0);

  // A failing statement inside rolls back the earlier ones too.
  EXPECT_THROW(in_transaction(db(),
                              [](Connection& c) {
                                c.exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{1}, std::string("a")});
                                c.exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{1}, std::string("b")});
                              }),
               StoreError);
  EXPECT_EQ(count("items"), 0);

  std::int64_t id = in_transaction(db(), [](Connection& c) {
    return c.exec("INSERT INTO items (ext, name) VALUES (?, ?) RETURNING id", {std::int64_t{2}, std::string("b")})
        .rows.at(0)
        .int64(0);
  });
  EXPECT_GT(id, 0);
  EXPECT_EQ(count("items"), 1);
  EXPECT_EQ(db().stats().in_use, 0u);
}

TEST_P(StoreTest, LeaseDroppedInsideTransactionRollsBack) {
  create_items();
  {
    auto lease = db().acquire();
    lease->begin();
    lease->exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{1}, std::string("lost")});
  }  // no commit: the pool must not hand this transaction to the next lease
  EXPECT_EQ(count("items"), 0);
  auto lease = db().acquire();
  lease->begin();  // would fail if a transaction were still open
  lease->exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{2}, std::string("kept")});
  lease->commit();
  EXPECT_EQ(count("items"), 1);
}

TEST_P(StoreTest, EachStreamsAndStopsEarly) {
  auto lease = db().acquire();
  lease->exec_script("CREATE TABLE nums (n BIGINT PRIMARY KEY)");
  in_transaction(db(), [](Connection& c) {
    for (std::int64_t n = 1; n <= 500; ++n) c.exec("INSERT INTO nums (n) VALUES (?)", {n});
  });

  std::vector<std::int64_t> seen;
  lease->each("SELECT n FROM nums ORDER BY n", {}, [&](const Row& r) {
    seen.push_back(r.int64(0));
    return seen.size() < 10;
  });
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  // The connection is free again after the early stop.
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM nums").rows.at(0).int64(0), 500);

  std::int64_t total = 0, rows = 0;
  lease->each("SELECT n FROM nums WHERE n > ?", {std::int64_t{100}}, [&](const Row& r) {
    total += r.int64(0);
    ++rows;
    return true;
  });
  EXPECT_EQ(rows, 400);
  EXPECT_EQ(total, (101 + 500) * 400 / 2);

  bool called = false;
  lease->each("SELECT n FROM nums WHERE n < 0", {}, [&](const Row&) { return called = true; });
  EXPECT_FALSE(called);

  // An exception from the callback propagates and leaves the connection usable,
  // also inside a transaction that then commits.
  lease->begin();
  EXPECT_THROW(lease->each("SELECT n FROM nums", {}, [](const Row&) -> bool { throw std::runtime_error("stop"); }),
               std::runtime_error);
  lease->each("SELECT n FROM nums ORDER BY n DESC", {}, [](const Row&) { return false; });
  lease->exec("INSERT INTO nums (n) VALUES (?)", {std::int64_t{501}});
  lease->commit();
  EXPECT_EQ(lease->exec("SELECT MAX(n) FROM nums").rows.at(0).int64(0), 501);
}

TEST_P(StoreTest, PlaceholdersInsideLiteralsAreUntouched) {
  auto lease = db().acquire();
  Result r = lease->exec(
      "SELECT '?' AS a, ? AS \"b?\", 'it''s ?' AS c, /* ? */ ? AS d -- trailing ?\n",
      {std::int64_t{7}, std::string("x?y")});
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"a", "b?", "c", "d"}));
  EXPECT_EQ(r.rows[0].text(0), "?");
  EXPECT_EQ(r.rows[0].int64(1), 7);
  EXPECT_EQ(r.rows[0].text(2), "it's ?");
  EXPECT_EQ(r.rows[0].text(3), "x?y");
  // A count mismatch is caught before it reaches the server.
  EXPECT_EQ(kind_of([&] { lease->exec("SELECT ?, '?'", {}); }), StoreError::Kind::other);
  EXPECT_TRUE(lease->alive());
}

TEST_P(StoreTest, MigrateIsIdempotent) {
  // The fixture already migrated: nothing is left to apply.
  EXPECT_EQ(app::migrate(db()), 0);
  EXPECT_EQ(db().acquire()->exec("SELECT COUNT(*) FROM schema_migrations").rows.at(0).int64(0),
            static_cast<std::int64_t>(versions_per_database()));
}

TEST_P(StoreTest, LockContentionReportsBusy) {
  create_items();
  auto holder = db().acquire();
  auto blocked = db().acquire();
  holder->exec("INSERT INTO items (ext, name) VALUES (?, ?)", {std::int64_t{1}, std::string("a")});
  holder->begin();
  holder->exec("UPDATE items SET name = ? WHERE ext = ?", {std::string("b"), std::int64_t{1}});
  const auto start = std::chrono::steady_clock::now();
  if (is_postgres()) {
    // PostgreSQL waits for row locks indefinitely unless told otherwise.
    blocked->exec("SET lock_timeout = '200ms'");
    EXPECT_EQ(kind_of([&] { blocked->exec("UPDATE items SET name = ? WHERE ext = ?", {std::string("c"), std::int64_t{1}}); }),
              StoreError::Kind::busy);
    blocked->exec("RESET lock_timeout");
  } else {
    // SQLite has one writer: a second BEGIN IMMEDIATE waits out busy_timeout (5 s).
    EXPECT_EQ(kind_of([&] { blocked->begin(); }), StoreError::Kind::busy);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
  }
  holder->commit();
  EXPECT_EQ(blocked->exec("SELECT name FROM items WHERE ext = ?", {std::int64_t{1}}).rows.at(0).text(0), "b");
}

TEST_P(StoreTest, PingAndAlive) {
  EXPECT_TRUE(db().ping());
  auto lease = db().acquire();
  EXPECT_TRUE(lease->alive());
  EXPECT_EQ(lease->dialect(), db().dialect());
  EXPECT_EQ(db().dialect(), is_postgres() ? Dialect::postgres : Dialect::sqlite);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(StoreTest);

}  // namespace
}  // namespace samen::store

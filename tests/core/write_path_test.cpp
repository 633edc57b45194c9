// The shared write path (app/write.hpp, core/history.hpp) on both databases:
// a change, its field history and its audit entry commit together or not at
// all; after-commit hooks run only after a commit; optimistic locking and
// archive/restore on a table that follows the record convention.
#include <gtest/gtest.h>

#include "accounts/audit.hpp"
#include "app/write.hpp"
#include "core/history.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::core {
namespace {

class WritePathTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    db().acquire()->exec_script(
        "CREATE TABLE test_records (id TEXT PRIMARY KEY, title TEXT NOT NULL, version INTEGER NOT NULL, "
        "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, archived_at BIGINT)");
    testing::add_test_user(db(), "coordinator@example.org", accounts::Role::coordinator);
    app_ = testing::make_test_app(test_db(), 2);
    auto lease = db().acquire();
    user_ = *accounts::find_user_by_email(*lease, "coordinator@example.org");
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }

  // A request context of the coordinator at time `now`.
  std::unique_ptr<app::Context> context(std::int64_t now = 5000) {
    auto ctx = std::make_unique<app::Context>(*app_, request_);
    ctx->api_user = user_;
    ctx->now = now;
    return ctx;
  }
  RecordRef ref(const std::string& id) { return {"test_records", "test.record", id}; }
  void insert(app::Change& ch, const std::string& id, const std::string& title) {
    ch.db.exec("INSERT INTO test_records (id, title, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)",
               {id, title, ch.now(), ch.now()});
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::int64_t audits(const std::string& action) { return testing::audit_count(db(), action); }
  std::int64_t version_of(const std::string& id) {
    return db().acquire()->exec("SELECT version FROM test_records WHERE id = ?", {id}).rows.at(0).int64(0);
  }

  http::Request request_;
  accounts::User user_;
  std::unique_ptr<app::App> app_;
};

TEST_P(WritePathTest, AChangeItsHistoryAndItsAuditCommitTogetherThenTheHooksRun) {
  auto ctx = context();
  std::vector<std::int64_t> seen_by_hook;
  std::string result = app::write(*ctx, [&](app::Change& ch) {
    insert(ch, "r1", "Intervisie Jette");
    record_history(ch, "test.record", "r1", "create", {{"title", "", "Intervisie Jette"}});
    ch.audit("test.record.create", "test.record", "r1", "title");
    ch.after_commit([&] { seen_by_hook.push_back(count("SELECT COUNT(*) FROM test_records WHERE id = 'r1'")); });
    EXPECT_TRUE(seen_by_hook.empty()) << "hooks wait for the commit";
    return std::string("r1");
  });
  EXPECT_EQ(result, "r1");
  EXPECT_EQ(seen_by_hook, (std::vector<std::int64_t>{1})) << "the hook ran once and saw the committed row";
  EXPECT_EQ(audits("test.record.create"), 1);
  auto lease = db().acquire();
  auto history = history_of(*lease, "test.record", "r1");
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].field, "title");
  EXPECT_EQ(history[0].replacement, "Intervisie Jette");
  EXPECT_EQ(history[0].actor_label, "coordinator@example.org");
  EXPECT_EQ(history[0].at, 5000);
}

TEST_P(WritePathTest, AFailedChangeLeavesNoRowNoHistoryNoAuditAndRunsNoHook) {
  auto ctx = context();
  bool hook_ran = false;
  EXPECT_THROW(app::write(*ctx,
                          [&](app::Change& ch) {
                            insert(ch, "r1", "Focusgroep");
                            record_history(ch, "test.record", "r1", "create", {{"title", "", "Focusgroep"}});
                            ch.audit("test.record.create", "test.record", "r1");
                            ch.after_commit([&] { hook_ran = true; });
                            throw app::HttpError(422, "validation", "error.bad_request");
                          }),
               app::HttpError);
  EXPECT_FALSE(hook_ran);
  EXPECT_EQ(count("SELECT COUNT(*) FROM test_records"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history"), 0);
  EXPECT_EQ(audits("test.record.create"), 0) << "the audit entry went with the rolled-back change";
}

TEST_P(WritePathTest, AFailingHookDoesNotUndoTheChangeNorStopTheOtherHooks) {
  auto ctx = context();
  bool second_ran = false;
  EXPECT_NO_THROW(app::write(*ctx, [&](app::Change& ch) {
    insert(ch, "r1", "Leernetwerk");
    ch.after_commit([] { throw std::runtime_error("search index unavailable"); });
    ch.after_commit([&] { second_ran = true; });
  }));
  EXPECT_TRUE(second_ran);
  EXPECT_EQ(count("SELECT COUNT(*) FROM test_records"), 1);
}

TEST_P(WritePathTest, TwoEditorsStartingFromTheSameVersionCannotBothWin) {
  app::write(*context(), [&](app::Change& ch) { insert(ch, "r1", "Partneroverleg"); });
  // Both read version 1; the first saves, the second is refused with a conflict.
  auto first = context(6000);
  EXPECT_EQ(app::write(*first, [&](app::Change& ch) {
              auto v = next_version(ch, ref("r1"), 1);
              ch.db.exec("UPDATE test_records SET title = 'Partneroverleg maart' WHERE id = 'r1'");
              return v;
            }),
            2);
  auto second = context(6001);
  EXPECT_THROW(app::write(*second,
                          [&](app::Change& ch) {
                            next_version(ch, ref("r1"), 1);
                            ch.db.exec("UPDATE test_records SET title = 'Overwritten' WHERE id = 'r1'");
                          }),
               app::StaleVersion);
  EXPECT_EQ(db().acquire()->exec("SELECT title FROM test_records").rows.at(0).text(0), "Partneroverleg maart");
  EXPECT_EQ(version_of("r1"), 2);
  // Without a version the change is taken (the transaction's own isolation holds).
  app::write(*context(), [&](app::Change& ch) { EXPECT_EQ(next_version(ch, ref("r1"), std::nullopt), 3); });
  // A missing record is a 404.
  try {
    app::write(*context(), [&](app::Change& ch) { next_version(ch, ref("nope"), 1); });
    FAIL() << "expected 404";
  } catch (const app::HttpError& e) {
    EXPECT_EQ(e.status, 404);
  }
}

TEST_P(WritePathTest, ArchiveAndRestoreAreVersionedHistoricalAndAudited) {
  app::write(*context(), [&](app::Change& ch) { insert(ch, "r1", "Studiebezoek"); });
  EXPECT_THROW(app::write(*context(), [&](app::Change& ch) { set_archived(ch, ref("r1"), true, 7); }),
               app::StaleVersion);
  EXPECT_TRUE(app::write(*context(), [&](app::Change& ch) { return set_archived(ch, ref("r1"), true, 1); }));
  EXPECT_FALSE(app::write(*context(), [&](app::Change& ch) { return set_archived(ch, ref("r1"), true, std::nullopt); }))
      << "already archived";
  EXPECT_EQ(count("SELECT COUNT(*) FROM test_records WHERE archived_at IS NOT NULL"), 1);
  // An archived record takes no update until it is restored.
  EXPECT_THROW(app::write(*context(), [&](app::Change& ch) { next_version(ch, ref("r1"), 2); }), app::ArchivedRecordError);
  EXPECT_TRUE(app::write(*context(), [&](app::Change& ch) { return set_archived(ch, ref("r1"), false, 2); }));
  EXPECT_EQ(version_of("r1"), 3);
  EXPECT_EQ(audits("test.record.archive"), 1);
  EXPECT_EQ(audits("test.record.restore"), 1);
  auto lease = db().acquire();
  auto history = history_of(*lease, "test.record", "r1");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].action, "restore");
  EXPECT_EQ(history[1].action, "archive");
}

TEST(FieldDiff, NamesEveryChangedFieldOnce) {
  auto changes = diff({{"title", "a"}, {"place", "Jette"}, {"gone", "x"}}, {{"title", "b"}, {"place", "Jette"}, {"new", "y"}});
  EXPECT_EQ(changed_field_list(changes), "gone,new,title");
  EXPECT_EQ(changes.at(0).previous, "x");
  EXPECT_EQ(changes.at(0).replacement, "");
}

SAMEN_INSTANTIATE_FOR_BACKENDS(WritePathTest);

}  // namespace
}  // namespace samen::core

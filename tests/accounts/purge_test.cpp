// The accounts.purge_sessions job on both databases: expired sessions and
// expired invitations go, live ones stay; so do old heavy-request counts
// and login-throttle rows long past.
#include <gtest/gtest.h>

#include "accounts/jobs.hpp"
#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "accounts/users.hpp"
#include "support/test_db.hpp"

namespace samen::accounts {
namespace {

class PurgeTest : public testing::DatabaseTest {};

std::int64_t count(store::Database& db, const std::string& table) {
  auto lease = db.acquire();
  return lease->exec("SELECT COUNT(*) FROM " + table).rows.at(0).int64(0);
}

TEST_P(PurgeTest, ExpiredSessionsAndInvitationsGoLiveOnesStay) {
  std::string live_session, live_invitation;
  {
    auto lease = db().acquire();
    auto id = create_user(*lease, {"p@example.org", "P", Role::partner, "nl", std::nullopt, {}}, 1000);
    create_session(*lease, id, "192.0.2.1", 1000);                        // expires 1000 + 12 h
    live_session = create_session(*lease, id, "192.0.2.1", 1000 + 7 * 86400 - 3600);  // an hour before the purge
    create_invitation(*lease, id, std::nullopt, 1000);  // expires 1000 + 7 days
    // Another account: a new invitation of the same one would cancel the first.
    auto other = create_user(*lease, {"q@example.org", "Q", Role::partner, "nl", std::nullopt, {}}, 1000);
    live_invitation = create_invitation(*lease, other, std::nullopt, 1000 + 7 * 86400);
  }
  std::int64_t now = 1000 + 7 * 86400 + 1;
  auto n = purge_expired(db(), now);
  EXPECT_EQ(n.sessions, 1);
  EXPECT_EQ(n.invitations, 1);
  EXPECT_EQ(count(db(), "sessions"), 1);
  EXPECT_EQ(count(db(), "invitations"), 1);
  auto lease = db().acquire();
  EXPECT_TRUE(find_session(*lease, live_session, now));
  EXPECT_TRUE(user_for_invitation(*lease, live_invitation, now));
  EXPECT_EQ(purge_expired(db(), now).sessions, 0) << "nothing left to purge";
}

TEST_P(PurgeTest, HeavyRequestCountsOfEndedWindowsGo) {
  std::int64_t now = 1'740'000'000;
  {
    auto lease = db().acquire();
    ASSERT_EQ(count_request(*lease, "heavy:192.0.2.1", now - 2 * 3600, 30, 60), 0);
    ASSERT_EQ(count_request(*lease, "heavy:192.0.2.1", now - 60, 30, 60), 0);
  }
  EXPECT_EQ(purge_expired(db(), now).request_counts, 1) << "the window of two hours ago";
  EXPECT_EQ(count(db(), "request_counts"), 1) << "the last minute's stays";
}

// A row whose window and lock ended over an hour ago counts as no row and
// goes; a recent window stays, and so does a row whose lock still runs
// (written directly: the policies set the window's start at the lock's end).
TEST_P(PurgeTest, LoginThrottleRowsLongPastGo) {
  std::int64_t now = 1'740'000'000;
  {
    auto lease = db().acquire();
    record_failure(*lease, "ip:192.0.2.1", now - 3 * 3600, kAddressPolicy);  // long past
    for (int i = 0; i < kAccountPolicy.max_failures; ++i)  // locked 90 minutes ago for 15
      record_failure(*lease, "user:old@example.org", now - 5400, kAccountPolicy);
    ASSERT_EQ(load_throttle(*lease, "user:old@example.org").locked_until, now - 5400 + kAccountPolicy.lock_seconds);
    record_failure(*lease, "user:recent@example.org", now - 3000, kAccountPolicy);
    lease->exec("INSERT INTO login_throttle (subject, failures, window_start, locked_until) VALUES (?, 0, ?, ?)",
                {std::string("user:locked@example.org"), now - 3 * 3600, now + 600});
  }
  auto n = purge_expired(db(), now);
  EXPECT_EQ(n.login_throttle, 2) << "the row of three hours ago and the lock that ended 75 minutes ago";
  EXPECT_EQ(count(db(), "login_throttle"), 2);
  auto lease = db().acquire();
  EXPECT_EQ(load_throttle(*lease, "ip:192.0.2.1").failures, 0);
  EXPECT_EQ(load_throttle(*lease, "user:recent@example.org").failures, 1) << "a window of 50 minutes ago stays";
  EXPECT_EQ(load_throttle(*lease, "user:locked@example.org").locked_until, now + 600) << "a running lock stays";
  EXPECT_EQ(purge_expired(db(), now).login_throttle, 0) << "nothing left to purge";
}

TEST(PurgeJob, IsHourlyAndNamedForTheScheduler) {
  auto job = purge_sessions_job();
  EXPECT_EQ(job.name, "accounts.purge_sessions");
  EXPECT_EQ(job.every, std::chrono::hours(1));
  EXPECT_TRUE(job.run);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(PurgeTest);

}  // namespace
}  // namespace samen::accounts

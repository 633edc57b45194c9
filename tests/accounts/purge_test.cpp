// The accounts.purge_sessions job on both databases: expired sessions and
// expired invitations go, live ones stay; so do old heavy-request counts.
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

TEST(PurgeJob, IsHourlyAndNamedForTheScheduler) {
  auto job = purge_sessions_job();
  EXPECT_EQ(job.name, "accounts.purge_sessions");
  EXPECT_EQ(job.every, std::chrono::hours(1));
  EXPECT_TRUE(job.run);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(PurgeTest);

}  // namespace
}  // namespace samen::accounts

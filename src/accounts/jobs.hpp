// Periodic work of accounts: removing expired sessions and invitations, so
// the tables hold only what can still open a door, and old request counts.
#pragma once
#include <cstdint>

#include "app/module.hpp"
#include "store/database.hpp"

namespace samen::accounts {

struct PurgeCounts {
  std::int64_t sessions = 0;
  std::int64_t invitations = 0;
  std::int64_t request_counts = 0;
};
// Deletes expired sessions, expired invitations and the heavy-request counts
// of windows ended over an hour ago, in one transaction.
PurgeCounts purge_expired(store::Database& db, std::int64_t now);

// "accounts.purge_sessions", hourly; for the accounts module's jobs().
app::Job purge_sessions_job();

}  // namespace samen::accounts

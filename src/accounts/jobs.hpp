// Periodic work of accounts: removing expired sessions and invitations, so
// the tables hold only what can still open a door, and old request counts
// and login-throttle rows.
#pragma once
#include <cstdint>

#include "app/module.hpp"
#include "store/database.hpp"

namespace samen::accounts {

struct PurgeCounts {
  std::int64_t sessions = 0;
  std::int64_t invitations = 0;
  std::int64_t request_counts = 0;
  std::int64_t login_throttle = 0;
};
// Deletes expired sessions, expired invitations, the heavy-request counts
// of windows ended over an hour ago and the login-throttle rows whose window
// and lock are over an hour past, in one transaction.
PurgeCounts purge_expired(store::Database& db, std::int64_t now);

// "accounts.purge_sessions", hourly; for the accounts module's jobs().
app::Job purge_sessions_job();

}  // namespace samen::accounts

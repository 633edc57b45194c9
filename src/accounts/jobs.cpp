// The accounts module's periodic jobs.
#include "accounts/jobs.hpp"

#include <spdlog/spdlog.h>

#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "app/app.hpp"

namespace samen::accounts {

PurgeCounts purge_expired(store::Database& db, std::int64_t now) {
  return store::in_transaction(db, [&](store::Connection& c) {
    return PurgeCounts{purge_expired_sessions(c, now), purge_expired_invitations(c, now),
                       purge_request_counts(c, now - 3600)};
  });
}

app::Job purge_sessions_job() {
  return {"accounts.purge_sessions", std::chrono::hours(1), [](app::App& app, std::int64_t now) {
            auto n = purge_expired(app.db(), now);
            if (n.sessions || n.invitations || n.request_counts)
              spdlog::info("{{\"event\":\"purged\",\"sessions\":{},\"invitations\":{},\"request_counts\":{}}}",
                           n.sessions, n.invitations, n.request_counts);
          }};
}

}  // namespace samen::accounts

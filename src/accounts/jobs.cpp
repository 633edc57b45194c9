// The accounts module's periodic jobs.
#include "accounts/jobs.hpp"

#include <spdlog/spdlog.h>

#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "app/app.hpp"

namespace samen::accounts {

namespace {
// Login-throttle rows whose window started and whose lock ended before
// `before` (an hour ago): such a row means the same as no row (its window is
// over, it locks nothing), it only fills the table. Returns how many.
std::int64_t purge_login_throttle(store::Connection& c, std::int64_t before) {
  return c.exec("DELETE FROM login_throttle WHERE window_start < ? AND locked_until < ?", {before, before}).affected;
}
}  // namespace

PurgeCounts purge_expired(store::Database& db, std::int64_t now) {
  return store::in_transaction(db, [&](store::Connection& c) {
    return PurgeCounts{purge_expired_sessions(c, now), purge_expired_invitations(c, now),
                       purge_request_counts(c, now - 3600), purge_login_throttle(c, now - 3600)};
  });
}

app::Job purge_sessions_job() {
  return {"accounts.purge_sessions", std::chrono::hours(1), [](app::App& app, std::int64_t now) {
            auto n = purge_expired(app.db(), now);
            if (n.sessions || n.invitations || n.request_counts || n.login_throttle)
              spdlog::info(
                  "{{\"event\":\"purged\",\"sessions\":{},\"invitations\":{},\"request_counts\":{},"
                  "\"login_throttle\":{}}}",
                  n.sessions, n.invitations, n.request_counts, n.login_throttle);
          }};
}

}  // namespace samen::accounts

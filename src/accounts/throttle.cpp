// Login throttle decisions and their shared state.
#include "accounts/throttle.hpp"

namespace samen::accounts {

bool is_locked(const ThrottleState& s, std::int64_t now) { return s.locked_until > now; }

ThrottleState after_failure(ThrottleState s, std::int64_t now, const ThrottlePolicy& p) {
  if (now - s.window_start >= p.window_seconds) {
    s.failures = 0;
    s.window_start = now;
  }
  s.failures += 1;
  if (s.failures >= p.max_failures) {
    s.locked_until = now + p.lock_seconds;
    // A fresh window after the lock, so one more failure does not re-lock at once.
    s.failures = 0;
    s.window_start = now + p.lock_seconds;
  }
  return s;
}

ThrottleState load_throttle(store::Connection& c, const std::string& subject) {
  auto r = c.exec("SELECT failures, window_start, locked_until FROM login_throttle WHERE subject = ?", {subject});
  if (r.empty()) return {};
  return {static_cast<int>(r.rows[0].int64(0)), r.rows[0].int64(1), r.rows[0].int64(2)};
}

ThrottleState record_failure(store::Connection& c, const std::string& subject, std::int64_t now,
                             const ThrottlePolicy& p) {
  ThrottleState s = after_failure(load_throttle(c, subject), now, p);
  c.exec("INSERT INTO login_throttle (subject, failures, window_start, locked_until) VALUES (?, ?, ?, ?) "
         "ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, "
         "window_start = excluded.window_start, locked_until = excluded.locked_until",
         {subject, std::int64_t{s.failures}, s.window_start, s.locked_until});
  return s;
}

void clear_throttle(store::Connection& c, const std::string& subject) {
  c.exec("DELETE FROM login_throttle WHERE subject = ?", {subject});
}

}  // namespace samen::accounts

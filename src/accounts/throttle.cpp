// Login throttle decisions and their shared state.
#include "accounts/throttle.hpp"

#include <arpa/inet.h>

#include <algorithm>

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

std::string address_subject(const std::string& ip) {
  in6_addr v6{};
  if (ip.find(':') == std::string::npos || inet_pton(AF_INET6, ip.c_str(), &v6) != 1) return "ip:" + ip;
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {  // ::ffff:192.0.2.1 is the IPv4 client 192.0.2.1
    char v4[INET_ADDRSTRLEN];
    if (inet_ntop(AF_INET, &v6.s6_addr[12], v4, sizeof v4)) return "ip:" + std::string(v4);
  }
  std::fill(v6.s6_addr + 8, v6.s6_addr + 16, 0);
  char text[INET6_ADDRSTRLEN];
  if (!inet_ntop(AF_INET6, &v6, text, sizeof text)) return "ip:" + ip;
  return "ip:" + std::string(text) + "/64";
}

// The decision of after_failure, as one UPSERT: each SET expression reads
// the row as it was, and the row is locked for the statement, so parallel
// failures never read the same count.
ThrottleState record_failure(store::Connection& c, const std::string& subject, std::int64_t now,
                             const ThrottlePolicy& p) {
  ThrottleState first = after_failure({}, now, p);
  const std::string count =
      "(CASE WHEN ? - login_throttle.window_start >= ? THEN 1 ELSE login_throttle.failures + 1 END)";
  const std::string locks = "(" + count + " >= ?)";
  auto r = c.exec(
      "INSERT INTO login_throttle (subject, failures, window_start, locked_until) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (subject) DO UPDATE SET "
      "failures = CASE WHEN " + locks + " THEN 0 ELSE " + count + " END, "
      "window_start = CASE WHEN " + locks + " THEN ? WHEN ? - login_throttle.window_start >= ? THEN ? "
      "ELSE login_throttle.window_start END, "
      "locked_until = CASE WHEN " + locks + " THEN ? ELSE login_throttle.locked_until END "
      "RETURNING failures, window_start, locked_until",
      {subject, std::int64_t{first.failures}, first.window_start, first.locked_until,
       // failures
       now, p.window_seconds, std::int64_t{p.max_failures}, now, p.window_seconds,
       // window_start
       now, p.window_seconds, std::int64_t{p.max_failures}, now + p.lock_seconds, now, p.window_seconds, now,
       // locked_until
       now, p.window_seconds, std::int64_t{p.max_failures}, now + p.lock_seconds});
  if (r.empty()) return first;
  return {static_cast<int>(r.rows[0].int64(0)), r.rows[0].int64(1), r.rows[0].int64(2)};
}

void clear_throttle(store::Connection& c, const std::string& subject) {
  c.exec("DELETE FROM login_throttle WHERE subject = ?", {subject});
}

std::int64_t count_request(store::Connection& c, const std::string& subject, std::int64_t now, std::int64_t limit,
                           std::int64_t window) {
  std::int64_t start = now - now % window, elapsed = now - start;
  auto before = c.exec("SELECT requests FROM request_counts WHERE subject = ? AND window_start = ?",
                       {subject, start - window});
  std::int64_t previous = before.empty() ? 0 : before.rows[0].int64(0);
  // previous * (window - elapsed) / window + current <= limit, in integers.
  std::int64_t cap = (limit * window - previous * (window - elapsed)) / window;
  std::int64_t wait = std::max<std::int64_t>(1, start + window - now);
  if (cap < 1) return wait;
  // One statement: parallel requests (on any server) never both take the last place.
  auto r = c.exec(
      "INSERT INTO request_counts (subject, window_start, requests) VALUES (?, ?, 1) "
      "ON CONFLICT (subject, window_start) DO UPDATE SET requests = request_counts.requests + 1 "
      "WHERE request_counts.requests < ? RETURNING requests",
      {subject, start, cap});
  return r.empty() ? wait : 0;
}

std::int64_t purge_request_counts(store::Connection& c, std::int64_t before) {
  return c.exec("DELETE FROM request_counts WHERE window_start < ?", {before}).affected;
}

}  // namespace samen::accounts

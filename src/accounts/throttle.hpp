// Login throttling: after too many failures within a window an account or a
// client address is locked for a while. The decision is plain logic; the
// state lives in the database so all server processes share it.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "store/database.hpp"

namespace samen::accounts {

struct ThrottlePolicy {
  int max_failures = 10;
  std::int64_t window_seconds = 15 * 60;
  std::int64_t lock_seconds = 15 * 60;
};

// Accounts lock after 10 failures; an address (an office or a school behind
// one NAT address) after 30.
inline constexpr ThrottlePolicy kAccountPolicy{10, 15 * 60, 15 * 60};
inline constexpr ThrottlePolicy kAddressPolicy{30, 15 * 60, 15 * 60};

struct ThrottleState {
  int failures = 0;
  std::int64_t window_start = 0;
  std::int64_t locked_until = 0;
};

bool is_locked(const ThrottleState& s, std::int64_t now);
ThrottleState after_failure(ThrottleState s, std::int64_t now, const ThrottlePolicy& p);

// The throttle subject of a client address: "ip:ADDR" for IPv4, and for
// IPv6 its /64 ("ip:2001:db8:1:2::/64"), the block one subscriber gets.
std::string address_subject(const std::string& ip);

// Database-backed state per subject ("user:EMAIL", "ip:ADDR").
ThrottleState load_throttle(store::Connection& c, const std::string& subject);
// Counts a failure in one atomic statement (parallel failures, also on
// other servers, are all counted) and returns the state after it.
ThrottleState record_failure(store::Connection& c, const std::string& subject, std::int64_t now,
                             const ThrottlePolicy& p);
void clear_throttle(store::Connection& c, const std::string& subject);

// Heavy requests per subject in fixed windows of `window` seconds (table
// request_counts), shared by every server on the database: counts one more
// for `subject` unless the current window's count, plus the previous
// window's weighted by the part of it still within the last `window`
// seconds, has reached `limit` (a sliding window, approximately). Returns 0
// when counted (the request may go ahead), otherwise the seconds until the
// current window ends. Refused requests are not counted.
std::int64_t count_request(store::Connection& c, const std::string& subject, std::int64_t now, std::int64_t limit,
                           std::int64_t window);
// Deletes the counts of windows that started before `before`; returns how many.
std::int64_t purge_request_counts(store::Connection& c, std::int64_t before);

// A test seam of the login, kept in the App by the accounts module's start():
// after_password_check runs between the password check and the lock's
// re-check, so a test can lock the account exactly there (a timer raced the
// ~100 ms check). Empty when serving.
struct LoginSeams {
  std::function<void()> after_password_check;
};

}  // namespace samen::accounts

// When a failed e-mail is tried again: exponential backoff with jitter, and
// when it goes to the dead letters instead. Plain arithmetic, no I/O.
#pragma once
#include <cstdint>

namespace samen::notify {

struct RetryPolicy {
  int max_attempts = 8;                 // after this many failed attempts: dead letter
  std::int64_t first_delay = 60;        // seconds before the second attempt (on average 3/4 of it)
  std::int64_t max_delay = 6 * 3600;    // the delay stops doubling here
};

// Delay before the next attempt after `failed_attempts` (>= 1) failures:
// d = min(max_delay, first_delay · 2^(failed_attempts-1)), then "equal
// jitter" d/2 + jitter·d/2 with jitter in [0, 1), so servers that failed
// together do not retry together and no delay is below half the schedule.
std::int64_t retry_delay(const RetryPolicy& p, int failed_attempts, double jitter);

// What happens to a message after a failed attempt.
struct AfterFailure {
  bool dead = false;               // give up: dead letter
  std::int64_t next_attempt_at = 0;  // when not dead
};
// permanent: the server refused for good (SMTP 5xx), retrying cannot help.
AfterFailure after_failure(const RetryPolicy& p, int failed_attempts, bool permanent, std::int64_t now,
                           double jitter);

}  // namespace samen::notify

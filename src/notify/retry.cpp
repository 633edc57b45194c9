// Backoff schedule of the outbox.
#include "notify/retry.hpp"

#include <algorithm>

namespace samen::notify {

std::int64_t retry_delay(const RetryPolicy& p, int failed_attempts, double jitter) {
  std::int64_t d = std::max<std::int64_t>(p.first_delay, 1);
  for (int i = 1; i < failed_attempts && d < p.max_delay; ++i) d *= 2;
  d = std::min(d, std::max<std::int64_t>(p.max_delay, 1));
  jitter = std::clamp(jitter, 0.0, 1.0);
  return std::max<std::int64_t>(1, d / 2 + static_cast<std::int64_t>(jitter * static_cast<double>(d - d / 2)));
}

AfterFailure after_failure(const RetryPolicy& p, int failed_attempts, bool permanent, std::int64_t now,
                           double jitter) {
  if (permanent || failed_attempts >= p.max_attempts) return {true, 0};
  return {false, now + retry_delay(p, failed_attempts, jitter)};
}

}  // namespace samen::notify

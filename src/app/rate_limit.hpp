// A per-address limit on heavy requests (whole-set streams, searches that
// ask the engine for thousands of hits): at most `limit` within a sliding
// minute per key. Counted in the database (accounts::count_request), so
// servers sharing one database share the limit rather than each allowing
// it; it protects the servers' time, it is not an account lock.
#pragma once
#include <cstdint>
#include <string>

#include "accounts/throttle.hpp"
#include "store/database.hpp"

namespace samen::app {

class RateLimiter {
 public:
  RateLimiter(store::Database& db, std::size_t limit, std::int64_t window_seconds)
      : db_(db), limit_(static_cast<std::int64_t>(limit)), window_(window_seconds) {}

  // 0 when a request by `key` at `now` may go ahead (and is counted);
  // otherwise the seconds until it may (for Retry-After).
  std::int64_t admit(const std::string& key, std::int64_t now) {
    auto lease = db_.acquire();
    return accounts::count_request(*lease, "heavy:" + key, now, limit_, window_);
  }

 private:
  store::Database& db_;
  const std::int64_t limit_;
  const std::int64_t window_;
};

}  // namespace samen::app

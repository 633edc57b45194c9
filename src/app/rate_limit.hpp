// A per-address limit on heavy requests (whole-set streams, searches that
// ask the engine for thousands of hits): at most `limit` within a sliding
// window per key. In memory, per process: it protects this server's time,
// it is not an account lock. Thread-safe.
#pragma once
#include <algorithm>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace samen::app {

class RateLimiter {
 public:
  RateLimiter(std::size_t limit, std::int64_t window_seconds) : limit_(limit), window_(window_seconds) {}

  // 0 when a request by `key` at `now` may go ahead (and is counted);
  // otherwise the seconds until it may (for Retry-After).
  std::int64_t admit(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mu_);
    if (++calls_ % 1024 == 0) prune(now);
    auto& times = seen_[key];
    while (!times.empty() && times.front() <= now - window_) times.pop_front();
    if (times.size() >= limit_) return std::max<std::int64_t>(1, times.front() + window_ - now);
    times.push_back(now);
    return 0;
  }

 private:
  // Forgets keys with nothing in the window, so the map stays as small as
  // the set of recent callers.
  void prune(std::int64_t now) {
    for (auto it = seen_.begin(); it != seen_.end();) {
      if (it->second.empty() || it->second.back() <= now - window_) it = seen_.erase(it);
      else ++it;
    }
  }

  const std::size_t limit_;
  const std::int64_t window_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<std::int64_t>> seen_;
  std::uint64_t calls_ = 0;
};

}  // namespace samen::app

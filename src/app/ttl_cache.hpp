// A small thread-safe cache whose entries live a fixed time (and at most
// `capacity` of them, least recently used out first). For answers that many
// requests in a row ask for and that may be a moment old: search results and
// the finder's filter choices. A time-to-live of zero turns it off.
#pragma once
#include <chrono>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace samen::app {

template <class Value>
class TtlCache {
 public:
  using Clock = std::chrono::steady_clock;

  TtlCache(std::chrono::milliseconds ttl, std::size_t capacity) : ttl_(ttl), capacity_(capacity) {}

  bool enabled() const { return ttl_.count() > 0 && capacity_ > 0; }

  std::optional<Value> get(const std::string& key) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    if (Clock::now() - it->second->stored_at >= ttl_) {
      entries_.erase(it->second);
      index_.erase(it);
      return std::nullopt;
    }
    entries_.splice(entries_.begin(), entries_, it->second);  // most recently used first
    return it->second->value;
  }

  void put(const std::string& key, Value value) {
    if (!enabled()) return;
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) {
      entries_.erase(it->second);
      index_.erase(it);
    }
    entries_.push_front({key, std::move(value), Clock::now(), false});
    index_[key] = entries_.begin();
    while (entries_.size() > capacity_) {
      index_.erase(entries_.back().key);
      entries_.pop_back();
    }
  }

  // The value under `key`, computed by `make()` (outside the lock) when
  // absent. When it has expired, one caller recomputes it while the others
  // still get the old value, so a slow `make` never holds up every request.
  // `made` (when given) tells whether this call ran `make`.
  template <class Make>
  Value get_or_make(const std::string& key, Make&& make, bool* made = nullptr) {
    if (made) *made = true;
    if (!enabled()) return make();
    {
      std::lock_guard lock(mutex_);
      auto it = index_.find(key);
      if (it != index_.end()) {
        Entry& e = *it->second;
        const bool fresh = Clock::now() - e.stored_at < ttl_;
        if (fresh || e.refreshing) {
          if (made) *made = false;
          return e.value;
        }
        e.refreshing = true;  // this caller refreshes it
      }
    }
    try {
      Value v = make();
      put(key, v);
      return v;
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (auto it = index_.find(key); it != index_.end()) it->second->refreshing = false;
      throw;
    }
  }

  void clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    index_.clear();
  }

 private:
  struct Entry {
    std::string key;
    Value value;
    Clock::time_point stored_at;
    bool refreshing = false;
  };
  const std::chrono::milliseconds ttl_;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> entries_;
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace samen::app

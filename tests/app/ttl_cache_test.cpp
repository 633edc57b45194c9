// TtlCache: entries expire after their time, the least recently used go
// first when full, an expired entry is refreshed by one caller while the
// others still get the old value, and a failed refresh lets the next caller try.
#include "app/ttl_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace samen::app {
namespace {

using namespace std::chrono_literals;

TEST(TtlCache, ReturnsWhatWasPutUntilItExpires) {
  TtlCache<int> cache(50ms, 10);
  EXPECT_FALSE(cache.get("a"));
  cache.put("a", 1);
  EXPECT_EQ(cache.get("a"), 1);
  std::this_thread::sleep_for(60ms);
  EXPECT_FALSE(cache.get("a"));
}

TEST(TtlCache, DropsTheLeastRecentlyUsedWhenFull) {
  TtlCache<int> cache(10s, 2);
  cache.put("a", 1);
  cache.put("b", 2);
  EXPECT_EQ(cache.get("a"), 1);  // a is now the most recently used
  cache.put("c", 3);
  EXPECT_EQ(cache.get("a"), 1);
  EXPECT_FALSE(cache.get("b"));
  EXPECT_EQ(cache.get("c"), 3);
}

TEST(TtlCache, ZeroTimeToLiveCachesNothing) {
  TtlCache<int> cache(0ms, 10);
  cache.put("a", 1);
  EXPECT_FALSE(cache.get("a"));
  int calls = 0;
  cache.get_or_make("a", [&] { return ++calls; });
  cache.get_or_make("a", [&] { return ++calls; });
  EXPECT_EQ(calls, 2);
}

TEST(TtlCache, GetOrMakeComputesOnceAndSaysSo) {
  TtlCache<int> cache(10s, 10);
  bool made = false;
  EXPECT_EQ(cache.get_or_make("a", [] { return 7; }, &made), 7);
  EXPECT_TRUE(made);
  EXPECT_EQ(cache.get_or_make("a", [] { return 8; }, &made), 7);
  EXPECT_FALSE(made);
  cache.clear();
  EXPECT_EQ(cache.get_or_make("a", [] { return 9; }, &made), 9);
  EXPECT_TRUE(made);
}

TEST(TtlCache, OneCallerRefreshesAnExpiredEntryWhileOthersGetTheOldValue) {
  TtlCache<int> cache(20ms, 10);
  cache.put("a", 1);
  std::this_thread::sleep_for(30ms);
  std::atomic<bool> refreshing{false}, release{false};
  std::thread refresher([&] {
    cache.get_or_make("a", [&] {
      refreshing = true;
      while (!release) std::this_thread::yield();
      return 2;
    });
  });
  while (!refreshing) std::this_thread::yield();
  bool made = true;
  EXPECT_EQ(cache.get_or_make("a", [] { return 3; }, &made), 1);  // stale, not recomputed
  EXPECT_FALSE(made);
  release = true;
  refresher.join();
  EXPECT_EQ(cache.get("a"), 2);
}

TEST(TtlCache, AFailedRefreshLetsTheNextCallerTry) {
  TtlCache<int> cache(20ms, 10);
  cache.put("a", 1);
  std::this_thread::sleep_for(30ms);
  EXPECT_THROW(cache.get_or_make("a", []() -> int { throw std::runtime_error("database gone"); }),
               std::runtime_error);
  EXPECT_EQ(cache.get_or_make("a", [] { return 5; }), 5);
}

}  // namespace
}  // namespace samen::app

// In-process request metrics, exposed at /metrics in the Prometheus text
// format: requests by route and status, a latency histogram, and the
// database pool's state.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "store/database.hpp"

namespace samen::app {

class Metrics {
 public:
  void observe(const std::string& route, int status, double seconds);
  std::string prometheus(const store::PoolStats& pool) const;

 private:
  static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> buckets_{};
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

}  // namespace samen::app

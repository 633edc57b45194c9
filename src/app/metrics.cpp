// Prometheus text rendering of the request metrics.
#include "app/metrics.hpp"

#include <fmt/format.h>

namespace samen::app {

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{route, status}];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++buckets_[i];
  ++count_;
  sum_ += seconds;
}

std::string Metrics::prometheus(const store::PoolStats& pool) const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP samen_http_requests_total HTTP requests by route pattern and status.\n";
  out += "# TYPE samen_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    std::string route;
    for (char c : key.first) {
      if (c == '"' || c == '\\') route += '\\';
      if (c == '\n') { route += "\\n"; continue; }
      route += c;
    }
    out += fmt::format("samen_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", route, key.second, n);
  }
  out += "# HELP samen_http_request_duration_seconds Time from request to response.\n";
  out += "# TYPE samen_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i)
    out += fmt::format("samen_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i], buckets_[i]);
  out += fmt::format("samen_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", count_);
  out += fmt::format("samen_http_request_duration_seconds_sum {}\n", sum_);
  out += fmt::format("samen_http_request_duration_seconds_count {}\n", count_);
  out += "# HELP samen_db_pool_connections Open database connections.\n# TYPE samen_db_pool_connections gauge\n";
  out += fmt::format("samen_db_pool_connections {}\n", pool.size);
  out += "# HELP samen_db_pool_in_use Leased database connections.\n# TYPE samen_db_pool_in_use gauge\n";
  out += fmt::format("samen_db_pool_in_use {}\n", pool.in_use);
  out += "# HELP samen_db_pool_waits_total Acquisitions that waited.\n# TYPE samen_db_pool_waits_total counter\n";
  out += fmt::format("samen_db_pool_waits_total {}\n", pool.waits);
  out += "# HELP samen_db_reconnects_total Reconnections.\n# TYPE samen_db_reconnects_total counter\n";
  out += fmt::format("samen_db_reconnects_total {}\n", pool.reconnects);
  return out;
}

}  // namespace samen::app

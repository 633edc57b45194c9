// Internal to src/store: the connection pool both drivers share, and the
// driver entry points Database::open dispatches to. Not part of the public
// storage API (include store/database.hpp instead).
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace samen::store::detail {

// A fixed-size pool. Connections open lazily up to `max`; when all are
// leased, take() waits (counted in PoolStats::waits) up to a deadline, so a
// handler that leaks leases shows up as an error rather than a hung server.
class Pool {
 public:
  struct Hooks {
    std::function<std::unique_ptr<Connection>()> open;
    // Readies an idle connection for a new lease (drivers reconnect here);
    // throws when the connection cannot be used, which discards it.
    std::function<void(Connection&)> on_take;
    // Cleans a returned connection (open transaction → rollback); false
    // discards it instead of keeping it idle.
    std::function<bool(Connection&)> on_give;
  };

  Pool(std::size_t max, Hooks hooks, std::chrono::milliseconds max_wait = std::chrono::seconds(30));
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  std::unique_ptr<Connection> take();
  void give(std::unique_ptr<Connection> conn);
  // Adds an already open connection as idle (used to open the first one eagerly).
  void add_idle(std::unique_ptr<Connection> conn);
  PoolStats stats() const;
  std::atomic<std::uint64_t>& reconnects() { return reconnects_; }
  std::size_t max() const { return max_; }

 private:
  void discard(std::unique_ptr<Connection> conn);

  const std::size_t max_;
  const Hooks hooks_;
  const std::chrono::milliseconds max_wait_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
  std::size_t in_use_ = 0;
  std::uint64_t waits_ = 0;
  std::atomic<std::uint64_t> reconnects_{0};
};

// Driver entry points (sqlite.cpp, postgres.cpp).
std::unique_ptr<Database> open_sqlite_file(const std::filesystem::path& file, std::size_t pool_size);
std::unique_ptr<Database> open_sqlite_memory(std::size_t pool_size);
std::unique_ptr<Database> open_postgres(const std::string& url, std::size_t pool_size);

// The URL without its password (user:pw@ and ?password=...), for logs.
std::string redact_url(std::string_view url);

// to_dollar_placeholders, also reporting how many `?` it rewrote.
std::string rewrite_placeholders(std::string_view sql, int& count);

// First `max` characters of a statement, for error messages (never params).
std::string sql_excerpt(std::string_view sql, std::size_t max = 160);

}  // namespace samen::store::detail

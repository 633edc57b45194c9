// The connection pool shared by the SQLite and PostgreSQL drivers: a fixed
// maximum of connections opened on demand, leased one per request/worker and
// handed back through Lease's destructor.
#include "store/pool.hpp"

namespace samen::store::detail {

Pool::Pool(std::size_t max, Hooks hooks, std::chrono::milliseconds max_wait)
    : max_(max == 0 ? 1 : max), hooks_(std::move(hooks)), max_wait_(max_wait) {}

Pool::~Pool() {
  std::lock_guard lock(mutex_);
  idle_.clear();
}

std::unique_ptr<Connection> Pool::take() {
  std::unique_ptr<Connection> conn;
  {
    std::unique_lock lock(mutex_);
    auto available = [&] { return !idle_.empty() || open_ < max_; };
    if (!available()) {
      ++waits_;
      if (!freed_.wait_for(lock, max_wait_, available))
        throw StoreError(StoreError::Kind::busy,
                         "all " + std::to_string(max_) + " database connections stayed in use for " +
                             std::to_string(max_wait_.count()) + " ms");
    }
    ++in_use_;
    if (!idle_.empty()) {
      conn = std::move(idle_.back());  // most recently used: its caches are warm
      idle_.pop_back();
    } else {
      ++open_;  // reserve the slot before opening outside the lock
    }
  }
  try {
    if (conn) {
      hooks_.on_take(*conn);
    } else {
      conn = hooks_.open();
    }
  } catch (...) {
    discard(std::move(conn));
    throw;
  }
  return conn;
}

void Pool::give(std::unique_ptr<Connection> conn) {
  bool keep = false;
  try {
    keep = hooks_.on_give(*conn);
  } catch (...) {
    keep = false;  // a connection that cannot be cleaned is not reused
  }
  if (!keep) return discard(std::move(conn));
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(conn));
    --in_use_;
  }
  freed_.notify_one();
}

void Pool::add_idle(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(conn));
    ++open_;
  }
  freed_.notify_one();
}

void Pool::discard(std::unique_ptr<Connection> conn) {
  conn.reset();  // close outside the lock: closing may do network I/O
  {
    std::lock_guard lock(mutex_);
    --open_;
    --in_use_;
  }
  freed_.notify_one();
}

PoolStats Pool::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{open_, in_use_, waits_, reconnects_.load()};
}

}  // namespace samen::store::detail

// The SQLite driver (the default store): a pool of sqlite3 connections in WAL
// mode, one per worker, with cached prepared statements, explicit 64-bit
// binding, error-code mapping and online backups through sqlite3_backup.
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <unordered_map>

#include "store/pool.hpp"

namespace samen::store::detail {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kMaxCachedStatements = 128;

StoreError::Kind kind_of(int rc) {
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    return StoreError::Kind::unique_violation;
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT: return StoreError::Kind::constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreError::Kind::busy;
    default: return StoreError::Kind::other;
  }
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view sql) {
  std::string msg = "SQLite: ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (!sql.empty()) msg += " [" + sql_excerpt(sql) + "]";
  throw StoreError(kind_of(rc), msg);
}

// Shared-cache (in-memory) databases report table locks as SQLITE_LOCKED,
// which the busy timeout does not cover; such callers wait here instead.
bool wait_for_lock(int rc, Clock::time_point deadline) {
  if ((rc & 0xff) != SQLITE_LOCKED || Clock::now() >= deadline) return false;
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return true;
}

bool only_blanks(const char* p, const char* end) {
  for (; p < end; ++p)
    if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t' && *p != ';') return false;
  return true;
}

class SqliteConnection;

// A prepared statement lent by the connection's cache (or owned, when the
// cached one is still in use by an enclosing each()); reset on release.
class Statement {
 public:
  Statement(sqlite3_stmt* s, bool* held) : s_(s), held_(held) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() {
    if (!held_) {
      sqlite3_finalize(s_);
      return;
    }
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    *held_ = false;
  }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_;
  bool* held_;  // the cache entry's in-use flag, or null when owned
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& target, bool uri) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0);
    int rc = sqlite3_open_v2(target.c_str(), &db_, flags, nullptr);
    try {
      if (rc != SQLITE_OK)
        throw StoreError(kind_of(rc), "cannot open SQLite database " + target + ": " +
                                          (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)));
      sqlite3_extended_result_codes(db_, 1);
      sqlite3_busy_timeout(db_, kBusyTimeoutMs);
      // WAL lets readers run beside the single writer; NORMAL sync is safe
      // with WAL (a power cut may lose the last commits, never corrupt).
      // Reads of the first 256 MiB go through a memory map instead of a
      // read() copy per page (a network's whole database, typically). Capped
      // because mapped pages count in the process's resident memory.
      exec_script("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
                  "PRAGMA mmap_size=268435456;");
    } catch (...) {
      sqlite3_close_v2(db_);
      throw;
    }
  }

  ~SqliteConnection() override {
    for (auto& [sql, entry] : cache_) sqlite3_finalize(entry.stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  Result exec(std::string_view sql, const Params& params) override {
    Statement st = prepare(sql);
    bind(st.get(), params, sql);
    Result r;
    for (int i = 0, n = sqlite3_column_count(st.get()); i < n; ++i)
      r.columns.emplace_back(sqlite3_column_name(st.get(), i));
    while (step(st.get(), r.rows.empty(), sql) == SQLITE_ROW) r.rows.push_back(read_row(st.get()));
    // sqlite3_changes reports the last write statement even after a SELECT.
    r.affected = sqlite3_stmt_readonly(st.get()) ? 0 : sqlite3_changes64(db_);
    return r;
  }

  void each(std::string_view sql, const Params& params, const std::function<bool(const Row&)>& on_row) override {
    Statement st = prepare(sql);
    bind(st.get(), params, sql);
    bool any = false;
    while (step(st.get(), !any, sql) == SQLITE_ROW) {
      any = true;
      if (!on_row(read_row(st.get()))) break;
    }
  }

  void exec_script(std::string_view sql) override {
    const char* p = sql.data();
    const char* end = p + sql.size();
    while (p < end) {
      sqlite3_stmt* raw = nullptr;
      const char* tail = nullptr;
      int rc;
      auto deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
      while ((rc = sqlite3_prepare_v2(db_, p, static_cast<int>(end - p), &raw, &tail)) != SQLITE_OK)
        if (!wait_for_lock(rc, deadline)) fail(db_, rc, std::string_view(p, end - p));
      if (!raw) break;  // only blanks or comments remain
      Statement st(raw, nullptr);
      while (step(raw, true, std::string_view(p, tail - p)) == SQLITE_ROW) {
      }
      p = tail;
    }
  }

  void begin() override { exec("BEGIN IMMEDIATE", {}); }
  void commit() override { exec("COMMIT", {}); }
  void rollback() override {
    // SQLite already rolled back on some errors (e.g. SQLITE_FULL); a second
    // ROLLBACK would fail with "no transaction is active".
    if (in_transaction()) exec("ROLLBACK", {});
  }

  bool alive() override {
    try {
      exec("SELECT 1", {});
      return true;
    } catch (const StoreError&) {
      return false;
    }
  }

  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  sqlite3* handle() const { return db_; }

 private:
  struct CacheEntry {
    sqlite3_stmt* stmt;
    bool held = false;
  };

  sqlite3_stmt* compile(std::string_view sql, unsigned flags) {
    sqlite3_stmt* s = nullptr;
    const char* tail = nullptr;
    int rc;
    auto deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    while ((rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), flags, &s, &tail)) != SQLITE_OK)
      if (!wait_for_lock(rc, deadline)) fail(db_, rc, sql);
    if (!s) throw StoreError(StoreError::Kind::other, "empty SQL statement");
    if (!only_blanks(tail, sql.data() + sql.size())) {
      sqlite3_finalize(s);
      throw StoreError(StoreError::Kind::other,
                       "exec() runs one statement; use exec_script() for several [" + sql_excerpt(sql) + "]");
    }
    return s;
  }

  // Statements are cached per connection by their SQL text: domain code
  // repeats a small set of queries, and parsing them dominates short queries.
  Statement prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) {
      if (it->second.held) return Statement(compile(sql, 0), nullptr);  // nested in each()
      it->second.held = true;
      return Statement(it->second.stmt, &it->second.held);
    }
    sqlite3_stmt* s = compile(sql, SQLITE_PREPARE_PERSISTENT);
    if (cache_.size() >= kMaxCachedStatements) evict_unheld();
    auto [pos, inserted] = cache_.emplace(std::string(sql), CacheEntry{s});
    pos->second.held = true;
    return Statement(s, &pos->second.held);
  }

  void evict_unheld() {
    for (auto it = cache_.begin(); it != cache_.end();) {
      if (it->second.held) {
        ++it;
      } else {
        sqlite3_finalize(it->second.stmt);
        it = cache_.erase(it);
      }
    }
  }

  void bind(sqlite3_stmt* s, const Params& params, std::string_view sql) {
    const int expected = sqlite3_bind_parameter_count(s);
    if (expected != static_cast<int>(params.size()))
      throw StoreError(StoreError::Kind::other, "statement expects " + std::to_string(expected) +
                                                    " parameters, got " + std::to_string(params.size()) +
                                                    " [" + sql_excerpt(sql) + "]");
    for (int i = 0; i < expected; ++i) {
      const Param& p = params[static_cast<std::size_t>(i)];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(p)) {
        rc = sqlite3_bind_null(s, i + 1);
      } else if (auto* n = std::get_if<std::int64_t>(&p)) {
        rc = sqlite3_bind_int64(s, i + 1, *n);
      } else if (auto* d = std::get_if<double>(&p)) {
        rc = sqlite3_bind_double(s, i + 1, *d);
      } else {
        // SQLITE_STATIC: params outlive the statement's use; bindings are
        // cleared before the statement goes back to the cache.
        const auto& t = std::get<std::string>(p);
        rc = sqlite3_bind_text64(s, i + 1, t.data(), t.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) fail(db_, rc, sql);
    }
  }

  // SQLITE_ROW or SQLITE_DONE; throws on errors. A lock error is retried only
  // before the first row, so a retry never repeats rows.
  int step(sqlite3_stmt* s, bool may_retry, std::string_view sql) {
    auto deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_ROW || rc == SQLITE_DONE) return rc;
      if (!may_retry || !wait_for_lock(rc, deadline)) fail(db_, rc, sql);
      sqlite3_reset(s);
    }
  }

  static Row read_row(sqlite3_stmt* s) {
    const int n = sqlite3_column_count(s);
    std::vector<std::optional<std::string>> cols;
    cols.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      // The type must be read before sqlite3_column_text converts the value.
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_NULL:
          cols.emplace_back(std::nullopt);
          break;
        case SQLITE_BLOB: {
          auto* p = static_cast<const char*>(sqlite3_column_blob(s, i));
          cols.emplace_back(std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(s, i))));
          break;
        }
        default: {
          auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
          cols.emplace_back(std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(s, i))));
        }
      }
    }
    return Row(std::move(cols));
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, CacheEntry> cache_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string target, bool uri, std::string description, std::size_t pool_size)
      : target_(std::move(target)), uri_(uri), description_(std::move(description)),
        pool_(pool_size, Pool::Hooks{
                             [this] { return std::make_unique<SqliteConnection>(target_, uri_); },
                             [](Connection&) {},
                             [](Connection& c) { return clean(static_cast<SqliteConnection&>(c)); },
                         }) {
    // Open one connection now: a bad path fails at startup, and the first
    // connection switches the file to WAL before others race to do it.
    auto first = std::make_unique<SqliteConnection>(target_, uri_);
    // An in-memory database lives only while a connection is open; this one
    // is never discarded, unlike pool connections.
    if (uri_) anchor_ = std::make_unique<SqliteConnection>(target_, uri_);
    pool_.add_idle(std::move(first));
  }

  Dialect dialect() const override { return Dialect::sqlite; }
  Lease acquire() override { return Lease(this, pool_.take()); }

  bool ping() override {
    try {
      Lease lease = acquire();
      return lease->alive();
    } catch (const std::exception&) {
      return false;
    }
  }

  PoolStats stats() const override { return pool_.stats(); }
  std::string describe() const override { return description_; }

  void backup_to(const std::filesystem::path& out) override {
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    // Write beside the target and rename, so `out` is never a half copy.
    std::filesystem::path partial = out;
    partial += ".partial";
    std::filesystem::remove(partial);
    {
      Lease lease = acquire();
      copy_into(static_cast<SqliteConnection&>(*lease).handle(), partial);
    }
    std::filesystem::rename(partial, out);
  }

 protected:
  void release(std::unique_ptr<Connection> conn) override { pool_.give(std::move(conn)); }

 private:
  // A lease dropped inside a transaction (an exception past commit()) must
  // not hand the open transaction to the next request.
  static bool clean(SqliteConnection& c) {
    if (c.in_transaction()) c.rollback();
    return !c.in_transaction();
  }

  static void copy_into(sqlite3* source, const std::filesystem::path& file) {
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(dest, sqlite3_close_v2);
    if (rc != SQLITE_OK) fail(dest, rc, "");
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
    if (!backup) fail(dest, sqlite3_errcode(dest), "");
    // One step of -1 pages copies everything under a single read
    // transaction: a consistent snapshot, while WAL lets writers go on.
    auto deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (;;) {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_DONE) break;
      bool locked = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
      if (rc != SQLITE_OK && !(locked && Clock::now() < deadline)) break;
      if (locked) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) fail(dest, rc, "");
  }

  const std::string target_;
  const bool uri_;
  const std::string description_;
  std::unique_ptr<SqliteConnection> anchor_;
  Pool pool_;  // declared last: its connections close before the anchor
};

}  // namespace

std::unique_ptr<Database> open_sqlite_file(const std::filesystem::path& file, std::size_t pool_size) {
  std::filesystem::path abs = std::filesystem::absolute(file);
  std::error_code ec;
  std::filesystem::create_directories(abs.parent_path(), ec);
  if (ec)
    throw StoreError(StoreError::Kind::other,
                     "cannot create data directory " + abs.parent_path().string() + ": " + ec.message());
  return std::make_unique<SqliteDatabase>(abs.string(), false, "sqlite:" + abs.string(), pool_size);
}

std::unique_ptr<Database> open_sqlite_memory(std::size_t pool_size) {
  // A unique shared-cache name: every pool connection of this Database sees
  // one database, and two Databases in one process stay apart.
  static std::atomic<unsigned> counter{0};
  std::string uri = "file:samen_mem_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) +
                    "?mode=memory&cache=shared";
  return std::make_unique<SqliteDatabase>(uri, true, "sqlite::memory:", pool_size);
}

}  // namespace samen::store::detail

// The storage interface of Samen: one small API over SQLite (embedded, the
// default) and PostgreSQL (large, multi-instance deployments). Domain code
// writes SQL once, with `?` placeholders; each driver adapts it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samen::store {

enum class Dialect { sqlite, postgres };

// A bound parameter. 64-bit integers are bound as such on both databases.
using Param = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Param>;

// "?, ?, ?" for a list of n values (WHERE id IN (...)), and the values as parameters (repeated `times`).
std::string placeholder_list(std::size_t n);
Params text_params(const std::vector<std::string>& values, int times = 1);

// Helpers to bind optional values as NULL.
inline Param opt(const std::optional<std::string>& v) { return v ? Param(*v) : Param(nullptr); }
inline Param opt(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(nullptr); }

class StoreError : public std::runtime_error {
 public:
  enum class Kind { unique_violation, constraint, busy, connection, other };
  StoreError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// One result row; every column arrives as text or NULL (both drivers' native form).
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cols) : cols_(std::move(cols)) {}
  std::size_t size() const { return cols_.size(); }
  bool is_null(std::size_t i) const { return !cols_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;           // "" for NULL
  std::optional<std::string> opt_text(std::size_t i) const { return cols_.at(i); }
  std::int64_t int64(std::size_t i) const;                 // 0 for NULL
  std::optional<std::int64_t> opt_int64(std::size_t i) const;
  double real(std::size_t i) const;                        // 0 for NULL
  std::optional<double> opt_real(std::size_t i) const;     // nullopt for NULL or a text that is no number
  bool boolean(std::size_t i) const;                       // 1/t/true

 private:
  std::vector<std::optional<std::string>> cols_;
};

struct Result {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
  bool empty() const { return rows.empty(); }
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement; `?` placeholders are bound in order.
  virtual Result exec(std::string_view sql, const Params& params = {}) = 0;
  // Streams rows without holding the result in memory; return false to stop.
  virtual void each(std::string_view sql, const Params& params,
                    const std::function<bool(const Row&)>& on_row) = 0;
  // Runs several statements without parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;
  // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue
  // on the busy timeout instead of failing on lock upgrade).
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // True when the connection still answers; drivers reconnect when it does not.
  virtual bool alive() = 0;
};

struct PoolStats {
  std::size_t size = 0;       // connections open
  std::size_t in_use = 0;     // leased now
  std::uint64_t waits = 0;    // acquisitions that had to wait
  std::uint64_t reconnects = 0;
};

class Database;

// A pooled connection, returned to its pool when destroyed.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  virtual ~Database() = default;
  // url: "" or "sqlite:PATH" → SQLite file (default DATA_DIR/samen.db);
  // "postgresql://user[:pw]@host:port/db" → PostgreSQL.
  static std::unique_ptr<Database> open(const std::string& url,
                                        const std::filesystem::path& data_dir,
                                        std::size_t pool_size);
  virtual Dialect dialect() const = 0;
  virtual Lease acquire() = 0;
  // True when the database answers a trivial query.
  virtual bool ping() = 0;
  virtual PoolStats stats() const = 0;
  // Where the data lives, without any password.
  virtual std::string describe() const = 0;
  // Consistent online backup into a file (SQLite only; throws for PostgreSQL
  // with an explanation pointing to pg_dump).
  virtual void backup_to(const std::filesystem::path& out) = 0;

 protected:
  friend class Lease;
  virtual void release(std::unique_ptr<Connection> conn) = 0;
};

// Runs fn() inside a transaction on connection c; rolls back on exception.
template <class Fn>
auto run_in_transaction(Connection& c, Fn&& fn) {
  c.begin();
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      c.commit();
    } else {
      auto r = fn();
      c.commit();
      return r;
    }
  } catch (...) {
    try { c.rollback(); } catch (...) {}
    throw;
  }
}

// Runs fn(connection) inside a transaction on a leased connection; rolls back on exception.
template <class Fn>
auto in_transaction(Database& db, Fn&& fn) {
  Lease lease = db.acquire();
  return run_in_transaction(*lease, [&] { return fn(*lease); });
}

// One schema change of one module. A module's migrations are numbered from 1
// in its own sequence (src/<module>/migrations/NNNN_name[.sqlite|.postgres].sql);
// `sql` may hold dialect tokens.
struct Migration {
  std::string module;  // e.g. "accounts"
  int version = 0;     // in the module's sequence
  std::string name;    // file name, e.g. "0001_foundation.sql"
  std::string sql;
  // The number this migration had when Samen numbered migrations globally
  // (a line "-- samen:global-version N" in the SQL), 0 for newer ones: lets a
  // database made before per-module numbering upgrade without re-running it.
  int global_version = 0;
};
// The migrations compiled into the binary for one module, in version order;
// throws StoreError on a badly named file or two files sharing a version.
std::vector<Migration> embedded_migrations(std::string_view module);
// The names of the modules that have embedded migrations.
std::vector<std::string> modules_with_migrations();

// Applies the migrations not yet recorded in schema_migrations, each in its own
// transaction: module by module in the order their first migration appears in
// `migrations`, each module's in version order. Returns how many ran. A
// database still recorded with global numbers is converted first.
int migrate(Database& db, std::vector<Migration> migrations);
// Highest applied migration of the module (0 when none).
int schema_version(Database& db, std::string_view module);

// Rewrites `?` placeholders to `$1, $2, ...` outside string literals and
// quoted identifiers (used by the PostgreSQL driver; exposed for tests).
std::string to_dollar_placeholders(std::string_view sql);

// Expands dialect tokens in migration SQL: {{ID}} (auto-increment 64-bit
// primary key), {{BLOB}} (bytes), {{NOW}} (current unix time in seconds).
std::string expand_dialect(std::string_view sql, Dialect d);

}  // namespace samen::store

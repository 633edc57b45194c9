// The PostgreSQL driver (libpq C API) for large or multi-instance setups: a
// lazily filled pool that checks connections on lease and reconnects after a
// server restart, text-bound parameters, SQLSTATE error mapping and
// row-by-row streaming for each().
#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <cstring>
#include <exception>
#include <optional>
#include <type_traits>
#include <unordered_map>

#include "store/pool.hpp"
#include "store/settings.hpp"
#include "util/text.hpp"

namespace samen::store::detail {
namespace {

constexpr Oid kByteaOid = 17;

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

StoreError::Kind kind_of(std::string_view state, bool connection_lost) {
  if (connection_lost) return StoreError::Kind::connection;
  if (state == "23505") return StoreError::Kind::unique_violation;
  if (state.starts_with("23")) return StoreError::Kind::constraint;
  // 08: connection exceptions; 57P0x: the server is shutting down or restarting.
  if (state.starts_with("08") || state.starts_with("57P0")) return StoreError::Kind::connection;
  // Serialization failure, deadlock, lock timeout: worth retrying, like SQLITE_BUSY.
  if (state == "40001" || state == "40P01" || state == "55P03") return StoreError::Kind::busy;
  return StoreError::Kind::other;
}

// A libpq message without its trailing newline.
std::string trimmed(const char* msg) { return text::trimmed(msg ? msg : ""); }

void ignore_notice(void*, const char*) {
  // NOTICEs ("relation already exists, skipping") and the farewell ERROR a
  // terminated backend leaves on an idle socket are not for our stderr.
}

bool socket_readable(int fd) {
  if (fd < 0) return false;
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

// Parameters in libpq's text format. Types are left to the server
// (paramTypes = NULL), which infers each from context like a quoted literal:
// "42" becomes bigint next to a bigint column and integer for substr().
class TextParams {
 public:
  explicit TextParams(const Params& params) {
    storage_.reserve(params.size());  // no reallocation: values_ points into it
    for (const Param& p : params) {
      if (std::holds_alternative<std::nullptr_t>(p)) {
        values_.push_back(nullptr);
      } else if (auto* s = std::get_if<std::string>(&p)) {
        values_.push_back(s->c_str());
      } else {
        storage_.push_back(number_text(p));
        values_.push_back(storage_.back().c_str());
      }
    }
  }
  int size() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return values_.data(); }

 private:
  static std::string number_text(const Param& p) {
    char buf[32];
    auto res = std::holds_alternative<std::int64_t>(p) ? std::to_chars(buf, buf + sizeof buf, std::get<std::int64_t>(p))
                                                       : std::to_chars(buf, buf + sizeof buf, std::get<double>(p));
    return std::string(buf, res.ptr);
  }

  std::vector<std::string> storage_;
  std::vector<const char*> values_;
};

std::optional<std::string> cell(const PGresult* r, int row, int col) {
  if (PQgetisnull(r, row, col)) return std::nullopt;
  const char* v = PQgetvalue(r, row, col);
  if (PQftype(r, col) != kByteaOid) return std::string(v, static_cast<std::size_t>(PQgetlength(r, row, col)));
  // bytea arrives hex-escaped; hand out the raw bytes as SQLite does for BLOB.
  std::size_t n = 0;
  unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &n);
  if (!bytes) throw std::bad_alloc();
  std::string out(reinterpret_cast<const char*>(bytes), n);
  PQfreemem(bytes);
  return out;
}

Row row_of(const PGresult* r, int row) {
  const int n = PQnfields(r);
  std::vector<std::optional<std::string>> cols;
  cols.reserve(static_cast<std::size_t>(n));
  for (int c = 0; c < n; ++c) cols.push_back(cell(r, row, c));
  return Row(std::move(cols));
}

Result result_of(const PGresult* r) {
  Result out;
  for (int c = 0, n = PQnfields(r); c < n; ++c) out.columns.emplace_back(PQfname(r, c));
  out.rows.reserve(static_cast<std::size_t>(PQntuples(r)));
  for (int i = 0, n = PQntuples(r); i < n; ++i) out.rows.push_back(row_of(r, i));
  // PQcmdTuples also counts SELECTed rows; `affected` means rows changed.
  std::string_view tag = PQcmdStatus(const_cast<PGresult*>(r));
  if (tag.starts_with("INSERT") || tag.starts_with("UPDATE") || tag.starts_with("DELETE") || tag.starts_with("MERGE")) {
    const char* affected = PQcmdTuples(const_cast<PGresult*>(r));
    std::from_chars(affected, affected + std::strlen(affected), out.affected);
  }
  return out;
}

bool succeeded(const PGresult* r) {
  if (!r) return false;
  auto s = PQresultStatus(r);
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
}

class PgConnection final : public Connection {
 public:
  PgConnection(const std::string& url, std::atomic<std::uint64_t>& reconnects) : reconnects_(reconnects) {
    // dbname comes last so settings in the URL override these defaults.
    // Statement and idle-transaction timeouts bound how long one handler can hold a connection.
    const char* keys[] = {"fallback_application_name", "connect_timeout", "client_encoding", "options", "dbname",
                          nullptr};
    const char* values[] = {"samen", "10", "UTF8",
                            "-c statement_timeout=60000 -c idle_in_transaction_session_timeout=120000", url.c_str(),
                            nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (!conn_) throw std::bad_alloc();
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = trimmed(PQerrorMessage(conn_));
      PQfinish(conn_);
      throw StoreError(StoreError::Kind::connection, "cannot connect to " + redact_url(url) + ": " + msg);
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
  }
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgres; }

  Result exec(std::string_view sql, const Params& params) override {
    std::string pg = converted(sql, params);
    TextParams text(params);
    return with_reconnect([] { return true; }, [&] {
      sync_settings();
      PgResult r(PQexecParams(conn_, pg.c_str(), text.size(), nullptr, text.values(), nullptr, nullptr, 0), PQclear);
      return checked(r, sql);
    });
  }

  // store::exec_prepared (settings.hpp).
  Result exec_prepared(std::string_view sql, const Params& params) {
    std::string pg = converted(sql, params);
    TextParams text(params);
    return with_reconnect([] { return true; }, [&] {
      sync_settings();
      const std::string name = prepared(pg, text.size(), sql);
      PgResult r(PQexecPrepared(conn_, name.c_str(), text.size(), text.values(), nullptr, nullptr, 0), PQclear);
      return checked(r, sql);
    });
  }

  void each(std::string_view sql, const Params& params, const std::function<bool(const Row&)>& on_row) override {
    std::string pg = converted(sql, params);
    bool delivered = false;
    // Re-running after a lost connection is only safe before the first row.
    with_reconnect([&] { return !delivered; }, [&] {
      sync_settings();
      stream(pg, params, sql, on_row, delivered);
      return true;
    });
  }

  void exec_script(std::string_view sql) override {
    ensure_not_streaming();
    std::string text(sql);
    with_reconnect([] { return true; }, [&] {
      sync_settings();
      PgResult r(PQexec(conn_, text.c_str()), PQclear);
      return checked(r, sql);
    });
  }

  void begin() override {
    exec("BEGIN", {});
    in_tx_ = true;
  }

  void commit() override {
    // in_tx_ stays set while COMMIT runs, so a lost connection is not
    // "retried" into an empty commit after reconnecting.
    try {
      run_once("COMMIT");
    } catch (...) {
      in_tx_ = false;
      throw;
    }
    in_tx_ = false;
    // PostgreSQL answers COMMIT of a transaction aborted by an earlier
    // (caught) error with ROLLBACK; the caller must not believe it committed.
    if (last_command_ == "ROLLBACK")
      throw StoreError(StoreError::Kind::other, "transaction was aborted by an earlier error and rolled back");
  }

  void rollback() override {
    bool was_lost = lost();
    in_tx_ = false;
    if (!was_lost) run_once("ROLLBACK");  // a dead session has rolled back already
    session_settings_.reset();  // a SET inside the transaction is undone
  }

  // store::want_planner_settings (settings.hpp): sent before the next statement.
  void want(const PlannerSettings& settings) { wanted_settings_ = settings; }

  bool alive() override {
    if (in_tx_) return !lost();  // a probe must not touch the caller's transaction
    try {
      exec("SELECT 1", {});
      return true;
    } catch (const StoreError&) {
      return false;
    }
  }

  // For the pool ---------------------------------------------------------------

  // Whether the session is still usable, noticing a server that closed it
  // while idle (restart, pg_terminate_backend): it left a farewell error and
  // EOF on the socket, and reading them marks the connection bad now rather
  // than failing the next statement.
  bool healthy() {
    for (int i = 0; i < 3 && PQstatus(conn_) == CONNECTION_OK && socket_readable(PQsocket(conn_)); ++i)
      if (!PQconsumeInput(conn_)) break;
    return PQstatus(conn_) == CONNECTION_OK;
  }

  void reconnect() {
    PQreset(conn_);
    in_tx_ = false;
    prepared_.clear();  // a new session has none
    session_settings_ = PlannerSettings{};
    if (PQstatus(conn_) != CONNECTION_OK)
      throw StoreError(StoreError::Kind::connection, "cannot reconnect to PostgreSQL: " + trimmed(PQerrorMessage(conn_)));
    ++reconnects_;
  }

  // Makes a returned connection fit for the next lease: no transaction left
  // open by a caller that dropped its lease early. False: discard it.
  bool clean() {
    if (lost()) return true;  // the next take() reconnects it
    if (in_tx_ || PQtransactionStatus(conn_) != PQTRANS_IDLE) rollback();
    return PQtransactionStatus(conn_) == PQTRANS_IDLE;
  }

 private:
  bool lost() const { return PQstatus(conn_) == CONNECTION_BAD; }

  void ensure_not_streaming() const {
    if (streaming_)
      throw StoreError(StoreError::Kind::other,
                       "PostgreSQL cannot run a statement inside each() on the same connection; "
                       "collect the rows first or use another lease");
  }

  std::string converted(std::string_view sql, const Params& params) const {
    ensure_not_streaming();
    int count = 0;
    std::string pg = rewrite_placeholders(sql, count);
    // Checked here: the server reports a mismatch as a protocol violation
    // (SQLSTATE 08P01), which would look like a lost connection.
    if (static_cast<std::size_t>(count) != params.size())
      throw StoreError(StoreError::Kind::other, "statement expects " + std::to_string(count) + " parameters, got " +
                                                    std::to_string(params.size()) + " [" + sql_excerpt(sql) + "]");
    return pg;
  }

  // Runs attempt(); when it fails because the server connection died and we
  // are outside a transaction (nothing of the caller's work is lost), it
  // reconnects and runs attempt() once more.
  template <class MayRetry, class Attempt>
  std::invoke_result_t<Attempt&> with_reconnect(MayRetry may_retry, Attempt attempt) {
    try {
      return attempt();
    } catch (const StoreError& e) {
      if (e.kind() != StoreError::Kind::connection || !lost() || in_tx_ || !may_retry()) throw;
    }
    reconnect();
    return attempt();
  }

  // The planner settings wanted, set in the session when it has others (or
  // may have: after a rollback), in one round trip.
  void sync_settings() {
    if (session_settings_ == wanted_settings_) return;
    const PlannerSettings& w = wanted_settings_;
    const bool all = !session_settings_;
    std::string script;
    if (all || session_settings_->index_scans != w.index_scans)
      script += w.index_scans ? "SET enable_seqscan = off; SET max_parallel_workers_per_gather = 0; "
                              : "RESET enable_seqscan; RESET max_parallel_workers_per_gather; ";
    if (all || plan_mode(*session_settings_) != plan_mode(w)) script += plan_mode(w);
    run_once(script.c_str());
    session_settings_ = w;
  }
  // Outside PreferIndexScans, the server's own choice.
  static const char* plan_mode(const PlannerSettings& s) {
    if (!s.index_scans) return "RESET plan_cache_mode";
    return s.plans == PlannerSettings::Plans::generic ? "SET plan_cache_mode = force_generic_plan"
                                                     : "SET plan_cache_mode = force_custom_plan";
  }

  // The name of the session's prepared statement of `pg`, prepared now when
  // new. At most kMaxPrepared are kept: then all are let go (the statements
  // a server runs often are prepared again at once).
  static constexpr std::size_t kMaxPrepared = 200;
  std::string prepared(const std::string& pg, int params, std::string_view sql) {
    if (auto it = prepared_.find(pg); it != prepared_.end()) return it->second;
    if (prepared_.size() >= kMaxPrepared) {
      run_once("DEALLOCATE ALL");
      prepared_.clear();
    }
    std::string name = "samen_" + std::to_string(++prepared_count_);
    PgResult r(PQprepare(conn_, name.c_str(), pg.c_str(), params, nullptr), PQclear);
    if (!succeeded(r.get())) throw error_of(r.get(), sql);
    prepared_.emplace(pg, name);
    return name;
  }

  Result run_once(const char* sql) {
    PgResult r(PQexec(conn_, sql), PQclear);
    return checked(r, sql);
  }

  Result checked(const PgResult& r, std::string_view sql) {
    if (!succeeded(r.get())) throw error_of(r.get(), sql);
    last_command_ = PQcmdStatus(r.get());
    return result_of(r.get());
  }

  StoreError error_of(const PGresult* r, std::string_view sql) const {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = trimmed(r ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
    if (msg.empty()) msg = trimmed(PQerrorMessage(conn_));
    return StoreError(kind_of(state ? state : "", lost()), "PostgreSQL: " + msg + " [" + sql_excerpt(sql) + "]");
  }

  // Single-row mode: libpq hands over one row at a time, so memory stays
  // flat however large the result. After an early stop the remaining rows
  // are still read and dropped (cancelling could abort the caller's
  // transaction); queries that stop early should carry a LIMIT.
  void stream(const std::string& pg, const Params& params, std::string_view sql,
              const std::function<bool(const Row&)>& on_row, bool& delivered) {
    TextParams text(params);
    if (!PQsendQueryParams(conn_, pg.c_str(), text.size(), nullptr, text.values(), nullptr, nullptr, 0))
      throw error_of(nullptr, sql);
    PQsetSingleRowMode(conn_);
    streaming_ = true;
    std::optional<StoreError> failure;
    std::exception_ptr callback_error;
    bool stop = false;
    while (PGresult* raw = PQgetResult(conn_)) {
      PgResult r(raw, PQclear);
      auto status = PQresultStatus(raw);
      if (status == PGRES_SINGLE_TUPLE) {
        if (stop) continue;
        delivered = true;
        try {
          stop = !on_row(row_of(raw, 0));
        } catch (...) {
          callback_error = std::current_exception();
          stop = true;
        }
      } else if (!succeeded(raw) && !failure) {
        failure = error_of(raw, sql);
      }
    }
    streaming_ = false;
    if (callback_error) std::rethrow_exception(callback_error);
    if (failure) throw *failure;
  }

  PGconn* conn_ = nullptr;
  std::atomic<std::uint64_t>& reconnects_;
  bool in_tx_ = false;
  bool streaming_ = false;
  std::string last_command_;
  std::unordered_map<std::string, std::string> prepared_;
  // What the session has (nullopt: unknown, after a rollback) and what the
  // current scope wants; the defaults until a PreferIndexScans.
  std::optional<PlannerSettings> session_settings_ = PlannerSettings{};
  PlannerSettings wanted_settings_;  // statement text → name
  std::uint64_t prepared_count_ = 0;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, std::size_t pool_size)
      : url_(std::move(url)), description_(redact_url(url_)),
        pool_(pool_size, Pool::Hooks{
                             [this] { return std::make_unique<PgConnection>(url_, pool_.reconnects()); },
                             [](Connection& c) {
                               auto& pg = static_cast<PgConnection&>(c);
                               if (!pg.healthy()) pg.reconnect();
                             },
                             [](Connection& c) { return static_cast<PgConnection&>(c).clean(); },
                         }) {
    // The first connection opens now, so a wrong URL fails at startup; the
    // others open on demand.
    pool_.add_idle(std::make_unique<PgConnection>(url_, pool_.reconnects()));
  }

  Dialect dialect() const override { return Dialect::postgres; }
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

  void backup_to(const std::filesystem::path&) override {
    throw StoreError(StoreError::Kind::other,
                     "For PostgreSQL use pg_dump: pg_dump '" + description_ + "' > backup.sql");
  }

 protected:
  void release(std::unique_ptr<Connection> conn) override { pool_.give(std::move(conn)); }

 private:
  const std::string url_;
  const std::string description_;
  Pool pool_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, std::size_t pool_size) {
  return std::make_unique<PostgresDatabase>(url, pool_size);
}

}  // namespace samen::store::detail

namespace samen::store {

Result exec_prepared(Connection& c, std::string_view sql, const Params& params) {
  if (auto* pg = dynamic_cast<detail::PgConnection*>(&c)) return pg->exec_prepared(sql, params);
  return c.exec(sql, params);
}

void want_planner_settings(Connection& c, const PlannerSettings& settings) {
  if (auto* pg = dynamic_cast<detail::PgConnection*>(&c)) pg->want(settings);
}

}  // namespace samen::store

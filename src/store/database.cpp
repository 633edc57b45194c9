// Driver-independent parts of the storage layer: Row conversions, the Lease
// handback, Database::open's URL dispatch, SQL rewriting (placeholders and
// dialect tokens) and the schema migrations runner.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <map>
#include <set>

#include "store/database.hpp"
#include "store/pool.hpp"
#include "web/embedded.hpp"

namespace samen::store {

// ---- Row ---------------------------------------------------------------------

const std::string& Row::text(std::size_t i) const {
  static const std::string empty;
  const auto& c = cols_.at(i);
  return c ? *c : empty;
}

std::optional<std::int64_t> Row::opt_int64(std::size_t i) const {
  const auto& c = cols_.at(i);
  if (!c) return std::nullopt;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
  if (ec != std::errc() || end != c->data() + c->size())
    throw StoreError(StoreError::Kind::other, "column " + std::to_string(i) + " holds no 64-bit integer");
  return v;
}

std::int64_t Row::int64(std::size_t i) const { return opt_int64(i).value_or(0); }

std::optional<double> Row::opt_real(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  try {
    return real(i);
  } catch (const StoreError&) {  // imported data may hold anything in a number column
    return std::nullopt;
  }
}

std::string placeholder_list(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

Params text_params(const std::vector<std::string>& values, int times) {
  Params p;
  for (int t = 0; t < times; ++t)
    for (const auto& v : values) p.emplace_back(v);
  return p;
}

double Row::real(std::size_t i) const {
  const auto& c = cols_.at(i);
  if (!c) return 0;
  double v = 0;
  auto [end, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
  if (ec != std::errc() || end != c->data() + c->size())
    throw StoreError(StoreError::Kind::other, "column " + std::to_string(i) + " holds no number");
  return v;
}

bool Row::boolean(std::size_t i) const {
  const auto& c = cols_.at(i);
  if (!c) return false;
  std::string v = *c;
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (v == "t" || v == "true" || v == "y" || v == "yes" || v == "on") return true;
  // SQLite has no boolean type: comparisons yield 0/1, flags are integers.
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc() && end == v.data() + v.size() && n != 0;
}

// ---- Lease / Database ----------------------------------------------------------

Lease::~Lease() {
  if (conn_ && db_) db_->release(std::move(conn_));
}

std::unique_ptr<Database> Database::open(const std::string& url, const std::filesystem::path& data_dir,
                                         std::size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  if (url.empty()) return detail::open_sqlite_file(data_dir / "samen.db", pool_size);
  if (url == "sqlite::memory:") return detail::open_sqlite_memory(pool_size);
  if (url.starts_with("sqlite:")) {
    std::string_view path = std::string_view(url).substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);  // also accept sqlite://PATH
    if (path.empty()) throw StoreError(StoreError::Kind::other, "sqlite: URL without a file path");
    return detail::open_sqlite_file(std::filesystem::path(path), pool_size);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return detail::open_postgres(url, pool_size);
  throw StoreError(StoreError::Kind::other, "unsupported database URL '" + detail::redact_url(url) +
                                                "' (use sqlite:PATH or postgresql://user@host:port/db)");
}

// ---- SQL text helpers ------------------------------------------------------------

namespace detail {

namespace {

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Length of a PostgreSQL dollar-quote opener ($$ or $tag$) at sql[i], or 0.
std::size_t dollar_tag_length(std::string_view sql, std::size_t i) {
  if (i > 0 && ident_char(sql[i - 1])) return 0;  // part of an identifier like a$b
  std::size_t j = i + 1;
  if (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) return 0;  // $1 parameter
  while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_')) ++j;
  return j < sql.size() && sql[j] == '$' ? j - i + 1 : 0;
}

// Index just past the end of the quoted/commented region starting at sql[i]
// (which is ', ", -, / or $), or i when no such region starts there.
std::size_t skip_region(std::string_view sql, std::size_t i) {
  const std::size_t n = sql.size();
  const char c = sql[i];
  if (c == '\'' || c == '"') {
    // E'...' strings allow backslash escapes; elsewhere a doubled quote
    // simply reads as close+open, which this loop handles naturally.
    bool backslash = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                     (i < 2 || !ident_char(sql[i - 2]));
    for (std::size_t j = i + 1; j < n; ++j) {
      if (backslash && sql[j] == '\\') { ++j; continue; }
      if (sql[j] == c) return j + 1;
    }
    return n;
  }
  if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
    std::size_t end = sql.find('\n', i);
    return end == std::string_view::npos ? n : end + 1;
  }
  if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
    int depth = 0;  // PostgreSQL nests block comments
    for (std::size_t j = i; j + 1 < n; ++j) {
      if (sql[j] == '/' && sql[j + 1] == '*') { ++depth; ++j; }
      else if (sql[j] == '*' && sql[j + 1] == '/') { ++j; if (--depth == 0) return j + 1; }
    }
    return n;
  }
  if (c == '$') {
    std::size_t len = dollar_tag_length(sql, i);
    if (len == 0) return i;
    std::size_t end = sql.find(sql.substr(i, len), i + len);
    return end == std::string_view::npos ? n : end + len;
  }
  return i;
}

}  // namespace

std::string rewrite_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  for (std::size_t i = 0; i < sql.size();) {
    std::size_t end = skip_region(sql, i);
    if (end > i) {
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (sql[i] == '?') {
      out += '$';
      out += std::to_string(++count);
      ++i;
    } else {
      out += sql[i++];
    }
  }
  return out;
}

std::string redact_url(std::string_view url) {
  std::string_view query;
  if (auto q = url.find('?'); q != std::string_view::npos) {
    query = url.substr(q + 1);
    url = url.substr(0, q);
  }
  std::string out(url);
  // scheme://user:password@host → scheme://user@host
  if (auto scheme = out.find("://"); scheme != std::string::npos) {
    std::size_t at = out.rfind('@');
    std::size_t colon = out.find(':', scheme + 3);
    if (at != std::string::npos && at > scheme + 3 && colon < at) out.erase(colon, at - colon);
  }
  // A password may also come as a query parameter: drop that one.
  std::string kept;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.starts_with("password=")) continue;
    kept += kept.empty() ? "?" : "&";
    kept += part;
  }
  return out + kept;
}

std::string sql_excerpt(std::string_view sql, std::size_t max) {
  std::string s(sql.substr(0, max));
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  if (sql.size() > max) s += "...";
  return s;
}

}  // namespace detail

std::string to_dollar_placeholders(std::string_view sql) {
  int count = 0;
  return detail::rewrite_placeholders(sql, count);
}

std::string expand_dialect(std::string_view sql, Dialect d) {
  const bool pg = d == Dialect::postgres;
  struct Token { std::string_view name, sqlite, postgres; };
  static constexpr Token tokens[] = {
      {"{{ID}}", "INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
      {"{{BLOB}}", "BLOB", "BYTEA"},
      {"{{NOW}}", "(CAST(strftime('%s','now') AS INTEGER))", "(CAST(EXTRACT(EPOCH FROM now()) AS BIGINT))"},
  };
  std::string out;
  out.reserve(sql.size() + 64);
  for (std::size_t i = 0; i < sql.size();) {
    if (sql.substr(i, 2) != "{{") { out += sql[i++]; continue; }
    const Token* hit = nullptr;
    for (const auto& t : tokens)
      if (sql.substr(i, t.name.size()) == t.name) hit = &t;
    if (!hit) {
      // A misspelt token would otherwise surface as a confusing syntax error.
      std::size_t close = sql.find("}}", i);
      throw StoreError(StoreError::Kind::other,
                       "unknown dialect token " + std::string(sql.substr(i, close == std::string_view::npos
                                                                                    ? 8 : close + 2 - i)));
    }
    out += pg ? hit->postgres : hit->sqlite;
    i += hit->name.size();
  }
  return out;
}

// ---- Migrations ----------------------------------------------------------------------

namespace {

// Serialises concurrent migrators on one PostgreSQL database ("SAMEN" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x53414d454e;

// NNNN_name.postgres.sql and NNNN_name.sqlite.sql apply only on that
// database; any other name applies on both.
std::optional<Dialect> migration_dialect(std::string_view name) {
  if (name.ends_with(".postgres.sql")) return Dialect::postgres;
  if (name.ends_with(".sqlite.sql")) return Dialect::sqlite;
  return std::nullopt;
}

std::string label(const Migration& m) { return m.module + "/" + m.name; }

// Groups the migrations by module (in order of first appearance), each
// module's by version, and refuses a version used twice for one database.
void sort_and_check(std::vector<Migration>& ms) {
  std::vector<std::string> order;
  for (const auto& m : ms)
    if (std::find(order.begin(), order.end(), m.module) == order.end()) order.push_back(m.module);
  auto rank = [&](const std::string& module) { return std::find(order.begin(), order.end(), module) - order.begin(); };
  std::stable_sort(ms.begin(), ms.end(), [&](const auto& a, const auto& b) {
    if (a.module != b.module) return rank(a.module) < rank(b.module);
    return a.version != b.version ? a.version < b.version : a.name < b.name;
  });
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].module.empty()) throw StoreError(StoreError::Kind::other, "migration " + ms[i].name + " has no module");
    if (ms[i].version <= 0)
      throw StoreError(StoreError::Kind::other, "migration " + label(ms[i]) + " has no positive version number");
    // One version may exist once per dialect (a .postgres.sql beside a .sqlite.sql), never twice for one database.
    for (std::size_t j = i; j-- > 0 && ms[j].module == ms[i].module && ms[j].version == ms[i].version;) {
      auto a = migration_dialect(ms[j].name), b = migration_dialect(ms[i].name);
      if (!a || !b || *a == *b)
        throw StoreError(StoreError::Kind::other, "migrations " + label(ms[j]) + " and " + label(ms[i]) +
                                                      " share version " + std::to_string(ms[i].version));
    }
  }
}

int parse_version(std::string_view file_name) {
  int v = 0;
  auto [end, ec] = std::from_chars(file_name.data(), file_name.data() + file_name.size(), v);
  if (ec != std::errc() || end == file_name.data() || *end != '_' || !file_name.ends_with(".sql"))
    throw StoreError(StoreError::Kind::other,
                     "migration file " + std::string(file_name) + " must be named NNNN_description.sql");
  return v;
}

// The "-- samen:global-version N" marker of a migration written before
// per-module numbering, or 0.
int parse_global_version(std::string_view sql) {
  constexpr std::string_view marker = "-- samen:global-version ";
  auto at = sql.find(marker);
  if (at == std::string_view::npos) return 0;
  int v = 0;
  const char* from = sql.data() + at + marker.size();
  std::from_chars(from, sql.data() + sql.size(), v);
  return v;
}

// Runs fn in a transaction on an already leased connection.
template <class Fn>
auto with_transaction(Connection& c, Fn&& fn) {
  c.begin();
  try {
    auto r = fn();
    c.commit();
    return r;
  } catch (...) {
    try { c.rollback(); } catch (...) {}
    throw;
  }
}

// Inside a transaction: waits for any other process migrating the same
// PostgreSQL database. SQLite needs nothing: BEGIN IMMEDIATE already holds
// the single write lock.
void lock_migrations(Connection& c) {
  if (c.dialect() == Dialect::postgres) c.exec("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
}

bool migrations_table_exists(Connection& c) {
  const char* sql = c.dialect() == Dialect::postgres
                        ? "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL"
                        : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
  return !c.exec(sql).empty();
}

// True when schema_migrations still has the global numbering (no module column).
bool migrations_table_is_global(Connection& c) {
  const char* sql = c.dialect() == Dialect::postgres
                        ? "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                          "AND table_name = 'schema_migrations' AND column_name = 'module'"
                        : "SELECT 1 FROM pragma_table_info('schema_migrations') WHERE name = 'module'";
  return c.exec(sql).empty();
}

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE schema_migrations ("
    " module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at BIGINT NOT NULL,"
    " PRIMARY KEY (module, version))";

// A database made before per-module numbering records versions 1..N of one
// global sequence. Each becomes the (module, version) of the migration that
// carries its number as global_version, in one transaction, so the upgrade
// re-runs nothing and loses nothing. A number no migration claims means the
// database is newer than this binary: refused, and nothing is changed.
void convert_global_numbering(Connection& c, const std::vector<Migration>& known) {
  with_transaction(c, [&] {
    lock_migrations(c);
    if (!migrations_table_is_global(c)) return false;  // another process converted it meanwhile
    std::map<int, const Migration*> by_global;
    for (const auto& m : known) {
      auto only = migration_dialect(m.name);
      if (m.global_version > 0 && (!only || *only == c.dialect())) by_global[m.global_version] = &m;
    }
    auto old_rows = c.exec("SELECT version, applied_at FROM schema_migrations ORDER BY version");
    // Dropped before the new table is made: on PostgreSQL the old primary key's
    // index name would clash with the new one's.
    c.exec("DROP TABLE schema_migrations");
    c.exec_script(kCreateMigrationsTable);
    for (const auto& r : old_rows.rows) {
      auto it = by_global.find(static_cast<int>(r.int64(0)));
      if (it == by_global.end())
        throw StoreError(StoreError::Kind::other, "the database has migration " + std::to_string(r.int64(0)) +
                                                      ", which this version of Samen does not know (is it older?)");
      const Migration& m = *it->second;
      c.exec("INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)",
             {m.module, std::int64_t{m.version}, m.name, r.int64(1)});
    }
    return true;
  });
}

void ensure_migrations_table(Connection& c, const std::vector<Migration>& known) {
  if (migrations_table_exists(c)) {
    if (migrations_table_is_global(c)) convert_global_numbering(c, known);
    return;
  }
  with_transaction(c, [&] {
    lock_migrations(c);
    if (!migrations_table_exists(c)) c.exec_script(kCreateMigrationsTable);
    return true;
  });
}

std::set<std::pair<std::string, int>> applied_versions(Connection& c) {
  std::set<std::pair<std::string, int>> out;
  c.each("SELECT module, version FROM schema_migrations", {}, [&](const Row& r) {
    out.emplace(r.text(0), static_cast<int>(r.int64(1)));
    return true;
  });
  return out;
}

std::int64_t unix_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// Applies one migration with its bookkeeping row, atomically; false when
// another process applied it first.
bool apply_migration(Connection& c, const Migration& m) {
  try {
    return with_transaction(c, [&] {
      lock_migrations(c);
      if (!c.exec("SELECT 1 FROM schema_migrations WHERE module = ? AND version = ?",
                  {m.module, std::int64_t{m.version}})
               .empty())
        return false;
      c.exec_script(expand_dialect(m.sql, c.dialect()));
      c.exec("INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)",
             {m.module, std::int64_t{m.version}, m.name, unix_now()});
      return true;
    });
  } catch (const StoreError& e) {
    throw StoreError(e.kind(), "migration " + label(m) + " failed: " + e.what());
  }
}

constexpr std::string_view kEmbeddedPrefix = "migrations/";

}  // namespace

std::vector<Migration> embedded_migrations(std::string_view module) {
  std::vector<Migration> out;
  for (const auto& f : embedded::all()) {
    if (!f.name.starts_with(kEmbeddedPrefix)) continue;
    std::string_view path = f.name.substr(kEmbeddedPrefix.size());  // <module>/<file>
    auto slash = path.find('/');
    if (slash == std::string_view::npos || path.substr(0, slash) != module) continue;
    std::string_view file = path.substr(slash + 1);
    out.push_back(Migration{std::string(module), parse_version(file), std::string(file), std::string(f.data),
                            parse_global_version(f.data)});
  }
  sort_and_check(out);
  return out;
}

std::vector<std::string> modules_with_migrations() {
  std::set<std::string> names;
  for (const auto& f : embedded::all()) {
    if (!f.name.starts_with(kEmbeddedPrefix)) continue;
    std::string_view path = f.name.substr(kEmbeddedPrefix.size());
    names.emplace(path.substr(0, path.find('/')));
  }
  return {names.begin(), names.end()};
}

int migrate(Database& db, std::vector<Migration> migrations) {
  sort_and_check(migrations);
  Lease lease = db.acquire();
  ensure_migrations_table(*lease, migrations);
  std::erase_if(migrations, [&](const Migration& m) {
    auto only = migration_dialect(m.name);
    return only && *only != db.dialect();
  });
  // Read once without the lock to skip the common "all applied" case cheaply;
  // apply_migration re-checks under the lock.
  const auto done = applied_versions(*lease);
  int applied = 0;
  for (const auto& m : migrations)
    if (!done.contains({m.module, m.version}) && apply_migration(*lease, m)) ++applied;
  return applied;
}

int schema_version(Database& db, std::string_view module) {
  Lease lease = db.acquire();
  if (!migrations_table_exists(*lease) || migrations_table_is_global(*lease)) return 0;
  return static_cast<int>(lease->exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = ?",
                                      {std::string(module)})
                              .rows.at(0)
                              .int64(0));
}

}  // namespace samen::store

// The key of a process, its check against the database and key rotation (keyring.hpp).
#include "transitions/keyring.hpp"

#include <sodium.h>

#include "store/database.hpp"

namespace samen::transitions {

namespace {

struct Recorded {
  std::string key_id, check;
};

// lock: on PostgreSQL, "FOR SHARE" (a transaction that seals) or "FOR UPDATE"
// (a rotation): a rotation waits for the transactions sealing under the old
// key to commit, so its scan sees their rows, and they wait for the rotation,
// so they seal under the new key. SQLite's write transactions are serial already.
std::optional<Recorded> recorded(store::Connection& c, const char* lock = "") {
  std::string sql = "SELECT key_id, check_value FROM transitions_key WHERE id = 1";
  if (c.dialect() == store::Dialect::postgres && *lock) sql += std::string(" ") + lock;
  auto r = c.exec(sql);
  if (r.empty()) return std::nullopt;
  return Recorded{r.rows[0].text(0), r.rows[0].text(1)};
}

bool holds_sealed_data(store::Connection& c) {
  return !c.exec("SELECT 1 FROM transitions_handovers LIMIT 1").empty() ||
         !c.exec("SELECT 1 FROM transitions_consents LIMIT 1").empty();
}

std::filesystem::path new_file(const std::filesystem::path& f) { return f.string() + ".new"; }

// The key in `file` if it is the recorded one; after an interrupted rotation
// the committed key waits in <file>.new and is moved into place.
Key recorded_key(const std::filesystem::path& file, const Recorded& rec) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (std::filesystem::exists(new_file(file), ec)) {
      Key k = read_key_file(new_file(file));
      if (key_matches(k, rec.check)) {
        std::filesystem::rename(new_file(file), file);
        return k;
      }
    }
    throw std::runtime_error("the transitions key file " + file.string() +
                             " is missing, and the database holds data sealed under key " + rec.key_id +
                             ". Put that key file back (from where it is kept apart from the database backups); "
                             "nothing is read without it.");
  }
  Key k = read_key_file(file);
  if (key_matches(k, rec.check)) return k;
  if (std::filesystem::exists(new_file(file), ec)) {
    Key n = read_key_file(new_file(file));
    if (key_matches(n, rec.check)) {
      std::filesystem::rename(new_file(file), file);  // finishes a rotation interrupted after its commit
      return n;
    }
  }
  throw std::runtime_error("the transitions key file " + file.string() + " holds key " + k.id +
                           ", but the database's data is sealed under key " + rec.key_id +
                           ": wrong key file; nothing is read with it.");
}

}  // namespace

std::filesystem::path key_file_path(const std::filesystem::path& data_dir, const std::string& setting) {
  return setting.empty() ? data_dir / "transitions.key" : std::filesystem::path(setting);
}

std::string seal_context(const std::string& table, const std::string& id, const std::string& column) {
  return table + ":" + id + ":" + column;
}

void Keyring::open(store::Connection& c, std::int64_t now) {
  std::lock_guard lock(m_);
  auto rec = recorded(c);
  if (rec) {
    try {
      key_ = recorded_key(file_, *rec);
      return;
    } catch (const std::runtime_error&) {
      // Another key file is harmless while nothing is sealed yet (a data
      // directory moved before any handover): it becomes the recorded key.
      // Once something is sealed, the recorded key is the only way in.
      if (holds_sealed_data(c)) throw;
    }
  }
  std::error_code ec;
  if (!std::filesystem::exists(file_, ec)) write_key_file(file_, generate_key());
  Key k = read_key_file(file_);
  if (rec) {
    c.exec("UPDATE transitions_key SET key_id = ?, check_value = ?, rotated_at = ? WHERE id = 1 AND NOT EXISTS "
           "(SELECT 1 FROM transitions_handovers) AND NOT EXISTS (SELECT 1 FROM transitions_consents)",
           {k.id, key_check(k), now});
    key_ = recorded_key(file_, *recorded(c));
    return;
  }
  // Two servers starting on one new database: the first record wins and the other's check fails below.
  c.exec(c.dialect() == store::Dialect::postgres
             ? "INSERT INTO transitions_key (id, key_id, check_value, created_at) VALUES (1, ?, ?, ?) "
               "ON CONFLICT (id) DO NOTHING"
             : "INSERT OR IGNORE INTO transitions_key (id, key_id, check_value, created_at) VALUES (1, ?, ?, ?)",
         {k.id, key_check(k), now});
  key_ = recorded_key(file_, *recorded(c));
}

Key Keyring::current(store::Connection& c) {
  auto rec = recorded(c, "FOR SHARE");
  std::lock_guard lock(m_);
  if (!rec) throw std::runtime_error("no transitions key is recorded in the database");
  if (!key_ || key_->id != rec->key_id) key_ = recorded_key(file_, *rec);
  return *key_;
}

namespace {

struct SealedColumn {
  const char* table;
  const char* column;
};
constexpr SealedColumn kSealed[] = {{"transitions_handovers", "contents"},
                                    {"transitions_consents", "details"},
                                    {"transitions_evaluation_links", "token"}};

}  // namespace

Rotation rotate(store::Database& db, const std::filesystem::path& file, std::int64_t now) {
  auto lease = db.acquire();
  auto& c = *lease;
  auto rec = recorded(c);
  if (!rec) throw std::runtime_error("no transitions key is recorded in the database yet: nothing to rotate");
  Key old_key = recorded_key(file, *rec);
  std::error_code ec;
  std::filesystem::remove(new_file(file), ec);  // a failed earlier attempt's (its transaction rolled back)
  Key new_key = generate_key();
  write_key_file(new_file(file), new_key);
  Rotation out{old_key.id, new_key.id, 0};
  try {
    store::run_in_transaction(c, [&] {
      // Re-checked inside the transaction: another rotation may have committed meanwhile.
      auto now_rec = recorded(c, "FOR UPDATE");
      if (!now_rec || now_rec->key_id != old_key.id) throw std::runtime_error("the key changed during the rotation");
      for (const auto& s : kSealed) {
        std::vector<std::pair<std::string, std::string>> rows;
        c.each(std::string("SELECT id, ") + s.column + " FROM " + s.table, {}, [&](const store::Row& r) {
          rows.emplace_back(r.text(0), r.text(1));
          return true;
        });
        const std::string update = std::string("UPDATE ") + s.table + " SET " + s.column + " = ? WHERE id = ?";
        for (auto& [id, sealed] : rows) {
          std::string ctx = seal_context(s.table, id, s.column);
          std::string plain = open(old_key, ctx, sealed);
          c.exec(update, {seal(new_key, ctx, plain), id});
          sodium_memzero(plain.data(), plain.size());
          ++out.values;
        }
      }
      c.exec("UPDATE transitions_key SET key_id = ?, check_value = ?, rotated_at = ? WHERE id = 1",
             {new_key.id, key_check(new_key), now});
    });
  } catch (...) {
    std::filesystem::remove(new_file(file), ec);
    throw;
  }
  // Replaces the old key file only now. A server that followed the rotation
  // first has already moved the new file into place itself.
  if (std::filesystem::exists(new_file(file), ec)) std::filesystem::rename(new_file(file), file);
  else if (read_key_file(file).id != new_key.id) throw std::runtime_error("the new key file went missing after the rotation");
  return out;
}

}  // namespace samen::transitions

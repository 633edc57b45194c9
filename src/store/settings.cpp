// Settings rows and lexeme literals (settings.hpp).
#include "store/settings.hpp"

namespace samen::store {

std::optional<std::string> read_setting(Connection& c, const std::string& name) {
  auto r = c.exec("SELECT value FROM settings WHERE name = ?", {name});
  if (r.empty()) return std::nullopt;
  return r.rows[0].text(0);
}

void write_setting(Connection& c, const std::string& name, const std::string& value) {
  c.exec("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
         {name, value});
}

std::string pg_lexeme(std::string_view lexeme) {
  std::string out = "'";
  for (char c : lexeme) {
    if (c == '\'') out += "''";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out + "'";
}

PreferIndexScans::PreferIndexScans(Connection& c) : c_(c) {
  c_.exec("SELECT set_config('enable_seqscan', 'off', false), set_config('max_parallel_workers_per_gather', '0', false)");
}

PreferIndexScans::~PreferIndexScans() {
  try {
    // Two RESETs: restoring both through pg_settings in one statement took 1 ms.
    c_.exec("RESET enable_seqscan");
    c_.exec("RESET max_parallel_workers_per_gather");
  } catch (const StoreError&) {  // a broken connection is replaced by the pool
  }
}

}  // namespace samen::store

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

PreferIndexScans::PreferIndexScans(Connection& c, Plans first) : c_(c), plans_(first) {
  // One round trip each way: a script of SETs (the simple protocol runs them
  // in one message), where set_config and two RESETs were three.
  c_.exec_script(std::string("SET enable_seqscan = off; SET max_parallel_workers_per_gather = 0; "
                             "SET plan_cache_mode = ") +
                 (first == Plans::generic ? "force_generic_plan" : "force_custom_plan"));
}

void PreferIndexScans::custom() {
  if (plans_ == Plans::custom) return;
  c_.exec_script("SET plan_cache_mode = force_custom_plan");
  plans_ = Plans::custom;
}

PreferIndexScans::~PreferIndexScans() {
  try {
    c_.exec_script("RESET enable_seqscan; RESET max_parallel_workers_per_gather; RESET plan_cache_mode");
  } catch (const StoreError&) {  // a broken connection is replaced by the pool
  }
}

}  // namespace samen::store

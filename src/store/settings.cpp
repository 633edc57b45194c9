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

PreferIndexScans::PreferIndexScans(Connection& c, Plans first) : c_(c) {
  want_planner_settings(c_, {true, first});
}

void PreferIndexScans::custom() { want_planner_settings(c_, {true, Plans::custom}); }

PreferIndexScans::~PreferIndexScans() { want_planner_settings(c_, {}); }

}  // namespace samen::store

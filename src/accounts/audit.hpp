// The append-only audit log: logins, failed logins, account and role changes,
// and every read or change of personal data by the modules. Nothing in Samen
// updates or deletes audit rows, except the count of a repeated login
// failure (the database refuses any other change).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace samen::accounts {

struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_label;  // email at the time, or "cli", or the attempted email
  std::string action;       // e.g. "login", "login.failed", "user.role", "personal.read"
  std::string target_type;
  std::string target_id;
  std::string detail;
  std::string remote_ip;
  std::int64_t repeats = 1;             // a repeated event counted in one row (login failures)
  std::optional<std::int64_t> last_at = std::nullopt;  // its latest occurrence, when repeated
};

void record_audit(store::Connection& c, const AuditEntry& e);
// A repeated event ("login.failed", "login.locked") is counted in one row
// per actor label, address and window: the first occurrence within `window`
// seconds adds the row, later ones raise its count and last time. A flood
// of guesses stays a few rows while who, when and from where remain.
void record_repeated_audit(store::Connection& c, const AuditEntry& e, std::int64_t window);

struct AuditFilter {
  std::string action;      // prefix match, "" = any
  std::string actor;       // substring of actor_label, "" = any
  std::optional<std::int64_t> from, to;  // unix seconds, inclusive / exclusive
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

std::vector<AuditEntry> query_audit(store::Connection& c, const AuditFilter& f);
std::int64_t count_audit(store::Connection& c, const AuditFilter& f);

}  // namespace samen::accounts

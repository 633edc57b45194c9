// The append-only audit log: logins, failed logins, account and role changes,
// and every read or change of personal data by the modules. Nothing in Samen
// updates or deletes audit rows.
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
};

void record_audit(store::Connection& c, const AuditEntry& e);

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

// Writing and filtering the audit log.
#include "accounts/audit.hpp"

namespace samen::accounts {

namespace {
std::string escape_like(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

std::string where_clause(const AuditFilter& f, store::Params& params) {
  std::string w = " WHERE 1=1";
  if (!f.action.empty()) {
    w += " AND action LIKE ? ESCAPE '\\'";
    params.push_back(escape_like(f.action) + "%");
  }
  if (!f.actor.empty()) {
    w += " AND LOWER(actor_label) LIKE ? ESCAPE '\\'";
    std::string a = f.actor;
    for (auto& ch : a) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    params.push_back("%" + escape_like(a) + "%");
  }
  if (f.from) {
    w += " AND at >= ?";
    params.push_back(*f.from);
  }
  if (f.to) {
    w += " AND at < ?";
    params.push_back(*f.to);
  }
  return w;
}
}  // namespace

void record_audit(store::Connection& c, const AuditEntry& e) {
  c.exec("INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, detail, remote_ip) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {e.at, store::opt(e.actor_id), e.actor_label, e.action, e.target_type, e.target_id, e.detail, e.remote_ip});
}

void record_repeated_audit(store::Connection& c, const AuditEntry& e, std::int64_t window) {
  // Only these actions may be counted (the database allows nothing else);
  // the action is written into the statement so the partial index serves it.
  if (e.action != "login.failed" && e.action != "login.locked") return record_audit(c, e);
  auto counted = c.exec(
      "UPDATE audit_log SET repeats = repeats + 1, last_at = ? WHERE id = ("
      "SELECT id FROM audit_log WHERE action IN ('login.failed', 'login.locked') AND action = '" + e.action +
          "' AND actor_label = ? AND remote_ip = ? AND at > ? ORDER BY at DESC, id DESC LIMIT 1)",
      {e.at, e.actor_label, e.remote_ip, e.at - window});
  if (counted.affected == 0) record_audit(c, e);
}

std::vector<AuditEntry> query_audit(store::Connection& c, const AuditFilter& f) {
  store::Params params;
  std::string sql = "SELECT id, at, actor_id, actor_label, action, target_type, target_id, detail, remote_ip, "
                    "repeats, last_at FROM audit_log" + where_clause(f, params) +
                    " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?";
  params.push_back(f.limit);
  params.push_back(f.offset);
  std::vector<AuditEntry> out;
  for (const auto& r : c.exec(sql, params).rows)
    out.push_back({r.int64(0), r.int64(1), r.opt_int64(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7),
                   r.text(8), r.int64(9), r.opt_int64(10)});
  return out;
}

std::int64_t count_audit(store::Connection& c, const AuditFilter& f) {
  store::Params params;
  return c.exec("SELECT COUNT(*) FROM audit_log" + where_clause(f, params), params).rows.at(0).int64(0);
}

}  // namespace samen::accounts

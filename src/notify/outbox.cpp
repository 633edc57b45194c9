// Queries of the outbox table.
#include "notify/outbox.hpp"

#include "accounts/secrets.hpp"

namespace samen::notify {

namespace {

constexpr const char* kColumns =
    "SELECT id, recipient, subject, body_text, body_html, lang, message_key, status, attempts, next_attempt_at, "
    "last_error, created_at, sent_at, cancelled_at FROM outbox ";

OutboxEntry entry_from(const store::Row& r) {
  OutboxEntry e;
  e.id = r.int64(0);
  e.message = Message{r.text(1), r.text(2), r.text(3), r.opt_text(4), r.text(5)};
  e.message_key = r.text(6);
  e.status = parse_status(r.text(7)).value_or(Status::dead);
  e.attempts = static_cast<int>(r.int64(8));
  e.next_attempt_at = r.int64(9);
  e.last_error = r.opt_text(10);
  e.created_at = r.int64(11);
  e.sent_at = r.opt_int64(12);
  e.cancelled_at = r.opt_int64(13);
  return e;
}

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::queued: return "queued";
    case Status::sent: return "sent";
    case Status::dead: return "dead";
  }
  return "dead";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : {Status::queued, Status::sent, Status::dead})
    if (s == status_name(st)) return st;
  return std::nullopt;
}

std::int64_t enqueue(store::Connection& c, const Message& m, std::int64_t now) {
  check_message(m);
  auto r = c.exec(
      "INSERT INTO outbox (recipient, subject, body_text, body_html, lang, message_key, next_attempt_at, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.to, m.subject, m.text, store::opt(m.html), m.lang, accounts::random_token(18), now, now});
  return r.rows.at(0).int64(0);
}

std::optional<OutboxEntry> find_entry(store::Connection& c, std::int64_t id) {
  auto r = c.exec(std::string(kColumns) + "WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return entry_from(r.rows[0]);
}

std::vector<OutboxEntry> list_entries(store::Connection& c, Status s, std::int64_t limit, std::int64_t offset) {
  std::string order = s == Status::queued ? "ORDER BY next_attempt_at, id " : "ORDER BY id DESC ";
  std::vector<OutboxEntry> out;
  for (const auto& row :
       c.exec(std::string(kColumns) + "WHERE status = ? " + order + "LIMIT ? OFFSET ?",
              {std::string(status_name(s)), limit, offset}).rows)
    out.push_back(entry_from(row));
  return out;
}

std::int64_t count_entries(store::Connection& c, Status s) {
  return c.exec("SELECT COUNT(*) FROM outbox WHERE status = ?", {std::string(status_name(s))}).rows.at(0).int64(0);
}

std::vector<std::int64_t> due_ids(store::Connection& c, std::int64_t now, std::int64_t limit) {
  std::vector<std::int64_t> ids;
  for (const auto& row : c.exec("SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? "
                                "ORDER BY next_attempt_at, id LIMIT ?",
                                {now, limit}).rows)
    ids.push_back(row.int64(0));
  return ids;
}

std::optional<OutboxEntry> claim_for_delivery(store::Connection& c, std::int64_t id, std::int64_t now,
                                              std::int64_t lease_seconds) {
  auto e = find_entry(c, id);
  if (!e || e->status != Status::queued || e->next_attempt_at > now) return std::nullopt;
  auto r = c.exec("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status = 'queued' AND next_attempt_at = ?",
                  {now + lease_seconds, id, e->next_attempt_at});
  if (r.affected != 1) return std::nullopt;
  e->next_attempt_at = now + lease_seconds;
  return e;
}

void mark_sent(store::Connection& c, std::int64_t id, std::int64_t now) {
  // Unconditional: the message left even if an admin cancelled it meanwhile.
  c.exec("UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL, "
         "cancelled_at = NULL WHERE id = ?",
         {now, id});
}

void mark_failed(store::Connection& c, std::int64_t id, const std::string& error, bool dead,
                 std::int64_t next_attempt_at) {
  c.exec("UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = ? "
         "WHERE id = ? AND status = 'queued'",
         {error.substr(0, 1000), std::string(dead ? "dead" : "queued"), next_attempt_at, id});
}

bool retry_entry(store::Connection& c, std::int64_t id, std::int64_t now) {
  return c.exec("UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ?, last_error = NULL, "
                "cancelled_at = NULL WHERE id = ? AND status = 'dead'",
                {now, id}).affected == 1;
}

bool cancel_entry(store::Connection& c, std::int64_t id, std::int64_t now) {
  return c.exec("UPDATE outbox SET status = 'dead', cancelled_at = ? WHERE id = ? AND status = 'queued'", {now, id})
             .affected == 1;
}

std::int64_t purge_finished(store::Connection& c, std::int64_t before) {
  return c.exec("DELETE FROM outbox WHERE status IN ('sent', 'dead') AND created_at < ?", {before}).affected;
}

}  // namespace samen::notify

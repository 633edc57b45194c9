// Sessions, API tokens and invitations, stored as digests.
#include "accounts/sessions.hpp"

#include "accounts/secrets.hpp"

#include <algorithm>

namespace samen::accounts {

std::string create_session(store::Connection& c, std::int64_t user_id, const std::string& ip, std::int64_t now) {
  std::string raw = random_token();
  c.exec("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, remote_ip) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)",
         {token_digest(raw), user_id, random_token(), now, now, now + kSessionIdleSeconds, ip});
  return raw;
}

std::optional<Session> find_session(store::Connection& c, const std::string& raw_id, std::int64_t now) {
  if (raw_id.empty() || raw_id.size() > 128) return std::nullopt;
  std::string digest = token_digest(raw_id);
  auto r = c.exec("SELECT user_id, csrf_token, last_seen_at, expires_at, created_at FROM sessions WHERE id_hash = ?",
                  {digest});
  if (r.empty() || r.rows[0].int64(3) <= now) return std::nullopt;
  const std::int64_t absolute_end = r.rows[0].int64(4) + kSessionAbsoluteSeconds;
  if (absolute_end <= now) return std::nullopt;
  auto user = find_user(c, r.rows[0].int64(0));
  if (!user || user->disabled) return std::nullopt;
  Session s{digest, r.rows[0].text(1), r.rows[0].int64(3), std::move(*user)};
  if (now - r.rows[0].int64(2) >= kSessionTouchEverySeconds) {
    s.expires_at = std::min(now + kSessionIdleSeconds, absolute_end);
    c.exec("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?", {now, s.expires_at, digest});
  }
  return s;
}

void end_session(store::Connection& c, const std::string& raw_id) {
  c.exec("DELETE FROM sessions WHERE id_hash = ?", {token_digest(raw_id)});
}

void end_user_sessions(store::Connection& c, std::int64_t user_id) {
  c.exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

std::int64_t purge_expired_sessions(store::Connection& c, std::int64_t now) {
  return c.exec("DELETE FROM sessions WHERE expires_at <= ?", {now}).affected;
}

std::string create_api_token(store::Connection& c, std::int64_t user_id, const std::string& label, std::int64_t now,
                             std::optional<std::int64_t> expires_at) {
  std::string raw = "samen_" + random_token();
  c.exec("INSERT INTO api_tokens (user_id, token_hash, label, prefix, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
         {user_id, token_digest(raw), label, raw.substr(0, 12), now, store::opt(expires_at)});
  return raw;
}

std::optional<User> user_for_api_token(store::Connection& c, const std::string& raw, std::int64_t now) {
  if (raw.empty() || raw.size() > 128) return std::nullopt;
  std::string digest = token_digest(raw);
  auto r = c.exec("SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL "
                  "AND (expires_at IS NULL OR expires_at > ?)",
                  {digest, now});
  if (r.empty()) return std::nullopt;
  auto user = find_user(c, r.rows[0].int64(1));
  if (!user || user->disabled) return std::nullopt;
  // Record use at most once a minute: a busy integration should not turn every read into a write.
  if (r.rows[0].is_null(2) || now - r.rows[0].int64(2) >= 60)
    c.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, r.rows[0].int64(0)});
  return user;
}

std::vector<ApiToken> list_api_tokens(store::Connection& c) {
  std::vector<ApiToken> out;
  auto r = c.exec(
      "SELECT t.id, t.user_id, u.email, t.label, t.prefix, t.created_at, t.last_used_at, t.revoked_at, t.expires_at "
      "FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.created_at DESC, t.id DESC");
  for (const auto& row : r.rows)
    out.push_back({row.int64(0), row.int64(1), row.text(2), row.text(3), row.text(4), row.int64(5),
                   row.opt_int64(6), row.opt_int64(7), row.opt_int64(8)});
  return out;
}

bool revoke_api_token(store::Connection& c, std::int64_t id, std::int64_t now) {
  return c.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {now, id}).affected > 0;
}

std::string create_invitation(store::Connection& c, std::int64_t user_id, std::optional<std::int64_t> by,
                              std::int64_t now) {
  std::string raw = random_token();
  c.exec("DELETE FROM invitations WHERE user_id = ? AND used_at IS NULL", {user_id});
  c.exec("INSERT INTO invitations (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
         {token_digest(raw), user_id, store::opt(by), now, now + kInvitationSeconds});
  return raw;
}

std::optional<User> user_for_invitation(store::Connection& c, const std::string& raw, std::int64_t now) {
  if (raw.empty() || raw.size() > 128) return std::nullopt;
  auto r = c.exec("SELECT user_id FROM invitations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                  {token_digest(raw), now});
  if (r.empty()) return std::nullopt;
  auto user = find_user(c, r.rows[0].int64(0));
  if (!user || user->disabled) return std::nullopt;
  return user;
}

void use_invitation(store::Connection& c, const std::string& raw, std::int64_t now) {
  c.exec("UPDATE invitations SET used_at = ? WHERE token_hash = ?", {now, token_digest(raw)});
}

std::int64_t purge_expired_invitations(store::Connection& c, std::int64_t now) {
  return c.exec("DELETE FROM invitations WHERE expires_at <= ?", {now}).affected;
}

}  // namespace samen::accounts

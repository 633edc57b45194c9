// Browser sessions (in the database, so every server process shares them),
// API bearer tokens and invitation links. Only digests of the secrets are
// stored.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/users.hpp"
#include "store/database.hpp"

namespace samen::accounts {

inline constexpr std::int64_t kSessionIdleSeconds = 12 * 3600;       // sliding expiry
inline constexpr std::int64_t kSessionAbsoluteSeconds = 24 * 3600;   // from login, however active
inline constexpr std::int64_t kSessionTouchEverySeconds = 300;         // limits writes per request
inline constexpr std::int64_t kInvitationSeconds = 7 * 24 * 3600;

struct Session {
  std::string id_hash;
  std::string csrf_token;
  std::int64_t expires_at = 0;
  User user;
};

// Returns the raw session id for the cookie.
std::string create_session(store::Connection& c, std::int64_t user_id, const std::string& ip, std::int64_t now);
// A live session of an enabled user, refreshed when older than the touch interval.
std::optional<Session> find_session(store::Connection& c, const std::string& raw_id, std::int64_t now);
void end_session(store::Connection& c, const std::string& raw_id);
void end_user_sessions(store::Connection& c, std::int64_t user_id);
std::int64_t purge_expired_sessions(store::Connection& c, std::int64_t now);

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string user_email;
  std::string label;
  std::string prefix;  // first characters, to recognise a token in a list
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;
  std::optional<std::int64_t> expires_at;  // none: valid until revoked
};

// Returns the raw token (shown once).
std::string create_api_token(store::Connection& c, std::int64_t user_id, const std::string& label, std::int64_t now,
                             std::optional<std::int64_t> expires_at = std::nullopt);
// The user behind a valid (unrevoked, unexpired) token of an enabled account.
std::optional<User> user_for_api_token(store::Connection& c, const std::string& raw, std::int64_t now);
std::vector<ApiToken> list_api_tokens(store::Connection& c);
bool revoke_api_token(store::Connection& c, std::int64_t id, std::int64_t now);

// Invitation: a one-time link with which an invited user sets a password.
// A new invitation cancels the user's older unused links.
std::string create_invitation(store::Connection& c, std::int64_t user_id, std::optional<std::int64_t> by,
                              std::int64_t now);
std::optional<User> user_for_invitation(store::Connection& c, const std::string& raw, std::int64_t now);
void use_invitation(store::Connection& c, const std::string& raw, std::int64_t now);
// Deletes invitations past their expiry (used or not: neither opens anything any more).
std::int64_t purge_expired_invitations(store::Connection& c, std::int64_t now);

}  // namespace samen::accounts

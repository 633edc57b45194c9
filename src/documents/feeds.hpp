// Private calendar feed URLs: a token per user and feed ("journal.meetings"),
// stored as a digest like API tokens, created and revoked by the user (or
// an admin), and a handler a module mounts at GET /<module>/feed/{token} to
// answer /<module>/feed/<token>.ics with its calendar for that user.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/users.hpp"
#include "app/routes.hpp"
#include "documents/calendar.hpp"
#include "store/database.hpp"

namespace samen::documents {

struct FeedToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string feed;
  std::string label;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;
};

// A new token for the user's feed; returns the raw token (shown once, part of the URL).
std::string create_feed_token(store::Connection& c, std::int64_t user_id, const std::string& feed,
                              const std::string& label, std::int64_t now);
// The user's tokens for a feed, newest first (revoked ones included).
std::vector<FeedToken> list_feed_tokens(store::Connection& c, std::int64_t user_id, const std::string& feed);
// Revokes one of the user's tokens; false when it is not theirs or already revoked.
bool revoke_feed_token(store::Connection& c, std::int64_t user_id, std::int64_t token_id, std::int64_t now);

struct FeedCaller {
  FeedToken token;
  accounts::User user;
};
// The token's owner when the token is valid for this feed, unrevoked, and
// the account enabled; records its use (at most once an hour).
std::optional<FeedCaller> feed_caller(store::Connection& c, const std::string& raw_token, const std::string& feed,
                                      std::int64_t now);

// Builds a user's calendar for a feed; the user is who the token belongs to.
using CalendarSource = std::function<Calendar(app::Context&, const FeedCaller&)>;

// A handler for GET /<module>/feed/{token} (Access::anyone(): the token is the
// credential): "<token>.ics" of a valid token → 200 text/calendar with no
// caching by proxies; anything else → 404 (the same answer for unknown and
// revoked tokens, so tokens cannot be probed).
app::Handler calendar_feed(std::string feed, CalendarSource source);

}  // namespace samen::documents

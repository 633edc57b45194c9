// Feed tokens in documents_feed_tokens and the .ics handler; see feeds.hpp.
#include "documents/feeds.hpp"

#include "accounts/secrets.hpp"
#include "app/app.hpp"

namespace samen::documents {

namespace {

constexpr std::int64_t kUseRecordSeconds = 3600;

FeedToken token_of(const store::Row& r) {
  return {r.int64(0), r.int64(1), r.text(2), r.text(3), r.int64(4), r.opt_int64(5), r.opt_int64(6)};
}

constexpr const char* kColumns = "id, user_id, feed, label, created_at, last_used_at, revoked_at";

}  // namespace

std::string create_feed_token(store::Connection& c, std::int64_t user_id, const std::string& feed,
                              const std::string& label, std::int64_t now) {
  std::string raw = accounts::random_token();
  c.exec("INSERT INTO documents_feed_tokens (token_digest, user_id, feed, label, created_at) VALUES (?, ?, ?, ?, ?)",
         {accounts::token_digest(raw), user_id, feed, label.substr(0, 200), now});
  return raw;
}

std::vector<FeedToken> list_feed_tokens(store::Connection& c, std::int64_t user_id, const std::string& feed) {
  std::vector<FeedToken> out;
  auto r = c.exec(std::string("SELECT ") + kColumns +
                      " FROM documents_feed_tokens WHERE user_id = ? AND feed = ? ORDER BY created_at DESC, id DESC",
                  {user_id, feed});
  for (const auto& row : r.rows) out.push_back(token_of(row));
  return out;
}

bool revoke_feed_token(store::Connection& c, std::int64_t user_id, std::int64_t token_id, std::int64_t now) {
  return c.exec("UPDATE documents_feed_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                {now, token_id, user_id})
             .affected == 1;
}

std::optional<FeedCaller> feed_caller(store::Connection& c, const std::string& raw_token, const std::string& feed,
                                      std::int64_t now) {
  if (raw_token.empty() || raw_token.size() > 128) return std::nullopt;
  auto r = c.exec(std::string("SELECT ") + kColumns +
                      " FROM documents_feed_tokens WHERE token_digest = ? AND feed = ? AND revoked_at IS NULL",
                  {accounts::token_digest(raw_token), feed});
  if (r.empty()) return std::nullopt;
  FeedToken token = token_of(r.rows[0]);
  auto user = accounts::find_user(c, token.user_id);
  if (!user || user->disabled) return std::nullopt;
  // Calendar clients poll often; a use is recorded at most once an hour.
  if (!token.last_used_at || now - *token.last_used_at >= kUseRecordSeconds)
    c.exec("UPDATE documents_feed_tokens SET last_used_at = ? WHERE id = ?", {now, token.id});
  return FeedCaller{std::move(token), std::move(*user)};
}

app::Handler calendar_feed(std::string feed, CalendarSource source) {
  return [feed = std::move(feed), source = std::move(source)](app::Context& ctx) {
    std::string name = ctx.param("token");
    if (!name.ends_with(".ics")) throw app::HttpError(404, "not_found", "error.not_found");
    name.resize(name.size() - 4);
    std::optional<FeedCaller> caller;
    {
      auto lease = ctx.app.db().acquire();
      caller = feed_caller(*lease, name, feed, ctx.now);
    }
    if (!caller) throw app::HttpError(404, "not_found", "error.not_found");
    auto res = http::Response::text(200, write_icalendar(source(ctx, *caller), ctx.now), "text/calendar; charset=utf-8");
    res.set_header("Content-Disposition", "inline; filename=\"calendar.ics\"");
    res.set_header("Cache-Control", "private, no-store");
    return res;
  };
}

}  // namespace samen::documents

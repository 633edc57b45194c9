// The journal's calendar (lookback_handlers.hpp): the month page
// /journal/calendar (activities grouped by Brussels day, filter by level,
// the next ones coming), private iCalendar feed URLs a user makes and
// revokes on /journal/calendar/feeds (documents/feeds.hpp; a token may be
// limited to one level, journal_feed_teams), the feed itself and
// GET /api/v1/activities.ics for a bearer token. Events carry the title,
// type and level, the place and a link; never notes, agenda or decisions,
// so a feed passed on shows no text of restricted visibility.
#include <algorithm>
#include <cstdio>
#include <map>

#include "app/write.hpp"
#include "documents/feeds.hpp"
#include "journal/handlers.hpp"
#include "journal/lookback_handlers.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kFeedPastSeconds = 180 * 86400;
constexpr std::int64_t kMaxFeedEvents = 2000;
constexpr std::size_t kUpcoming = 10;

struct Month {
  int year = 0, month = 0;  // month 1-12
  std::string iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
  }
  Month next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }
  Month previous() const { return month == 1 ? Month{year - 1, 12} : Month{year, month - 1}; }
  // Brussels midnight of its first day, in unix seconds.
  std::int64_t start() const { return parse_local_date_time(iso() + "-01T00:00").value_or(0); }
};

// ?month=YYYY-MM, or the Brussels month of now; 400 for anything else.
Month month_param(const Context& ctx) {
  std::string text = text::trimmed(ctx.req.query_param("month").value_or(""));
  if (text.empty()) text = local_date_time(ctx.now).substr(0, 7);
  auto year = text.size() == 7 && text[4] == '-' ? parse_bounded(text.substr(0, 4), 1900, 2200) : std::nullopt;
  auto month = year ? parse_bounded(text.substr(5, 2), 1, 12) : std::nullopt;
  if (!year || !month) throw HttpError(400, "bad_request", "journal.lookback.error.month");
  return {static_cast<int>(*year), static_cast<int>(*month)};
}

std::string calendar_query(const std::string& team, const Month& m) {
  std::string q = "month=" + m.iso();
  if (!team.empty()) q += "&team=" + http::url_encode(team);
  return q;
}

// Active activities the viewer may see in [from, to), oldest first.
std::vector<Activity> visible_between(store::Connection& c, const Viewer& v, const std::string& team, std::int64_t from,
                                      std::int64_t to, std::int64_t limit) {
  ListFilter f;
  f.team_id = team;
  f.from = from;
  f.to = to;
  f.limit = limit;
  auto list = list_activities(c, v, f);
  std::reverse(list.items.begin(), list.items.end());  // the list is newest first
  return std::move(list.items);
}

void fill_activity(const Context& ctx, web::Dict* row, const core::Network& n, const std::vector<ActivityType>& types,
                   const Activity& a) {
  row->SetValue("ID", a.id);
  row->SetValue("TITLE", a.title);
  row->SetValue("DATETIME", local_date_time(a.starts_at));
  row->SetValue("TIME", i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::time) + " – " +
                            i18n::format_time(ctx.lang, a.ends_at(), i18n::DateStyle::time));
  row->SetValue("WHEN", i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::date_time));
  row->SetValue("TYPE", type_name(ctx, types, a.type));
  row->SetValue("LEVEL", level_label(ctx, n, a.team_id));
  row->SetValue("PLACE", a.place.empty() ? a.online_url : a.place);
}

}  // namespace

http::Response calendar_page(Context& ctx) {
  Month m = month_param(ctx);
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  std::string team = team_param(ctx, n);
  auto types = activity_types(*lease);

  web::Dict d = ctx.content_dict();
  add_team_options(ctx, d, n, team);
  d.SetValue("MONTH", m.iso());
  d.SetValue("MONTH_NAME", i18n::format_time(ctx.lang, m.start() + 15 * 86400, i18n::DateStyle::long_date));
  d.SetValue("PREV_HREF", "/journal/calendar?" + calendar_query(team, m.previous()));
  d.SetValue("NEXT_HREF", "/journal/calendar?" + calendar_query(team, m.next()));

  // The month, one group per Brussels day.
  auto month = visible_between(*lease, v, team, m.start(), m.next().start(), 0);
  std::string day;
  web::Dict* group = nullptr;
  for (const auto& a : month) {
    std::string this_day = local_date_time(a.starts_at).substr(0, 10);
    if (!group || this_day != day) {
      day = this_day;
      group = d.AddSectionDictionary("DAYS");
      group->SetValue("DAY_ISO", day);
      group->SetValue("DAY", i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::long_date));
    }
    fill_activity(ctx, group->AddSectionDictionary("ITEMS"), n, types, a);
  }
  if (month.empty()) d.ShowSection("MONTH_EMPTY");
  d.SetValue("MONTH_COUNT", ctx.tf("journal.count", {{"count", static_cast<std::int64_t>(month.size())}}));

  // What comes next, whatever month is shown.
  auto upcoming = visible_between(*lease, v, team, ctx.now, INT64_MAX / 2, 0);
  if (upcoming.size() > kUpcoming) upcoming.resize(kUpcoming);
  for (const auto& a : upcoming) fill_activity(ctx, d.AddSectionDictionary("UPCOMING"), n, types, a);
  if (upcoming.empty()) d.ShowSection("NO_UPCOMING");
  return ctx.page("journal_calendar", ctx.t("journal.lookback.calendar.title"), d);
}

// ---- the feeds ---------------------------------------------------------------------------------

documents::Calendar activities_calendar(app::App& app, store::Connection& c, const Viewer& v, const std::string& team,
                                        i18n::Lang lang, std::int64_t now) {
  core::Network n = core::load_network(c);
  auto types = activity_types(c);
  const auto& catalog = app.catalog();
  auto t = [&](std::string_view key) { return catalog.text(lang, key); };
  documents::Calendar cal;
  cal.name = t("journal.lookback.feed.name");
  if (!team.empty()) {
    std::string level = team == "brussels" ? t("journal.level.brussels")
                        : n.team(team)     ? n.team(team)->name.in(lang)
                                           : team;
    cal.name += " – " + level;
  }
  ListFilter f;
  f.team_id = team;
  f.from = now - kFeedPastSeconds;
  f.limit = kMaxFeedEvents;
  for (const auto& a : list_activities(c, v, f).items) cal.events.push_back(activity_event(app, a, types, n, lang));
  return cal;
}

documents::CalendarEvent activity_event(app::App& app, const Activity& a, const std::vector<ActivityType>& types,
                                        const core::Network& n, i18n::Lang lang) {
  const auto& catalog = app.catalog();
  std::string base = app.setting("public-url");
  while (base.ends_with('/')) base.pop_back();
  documents::CalendarEvent e;
  e.uid = "journal-activity-" + a.id + "@samen";
  e.starts_at = a.starts_at;
  e.ends_at = a.ends_at();
  e.summary = a.title;
  std::string type = a.type;
  for (const auto& ty : types)
    if (ty.code == a.type) type = ty.label(lang);
  std::string level = a.team_id.empty()     ? catalog.text(lang, "journal.level.brussels")
                      : n.team(a.team_id) ? n.team(a.team_id)->name.in(lang)
                                          : a.team_id;
  e.description = type + " · " + level;  // no notes: the feed may be read by anyone holding its URL
  e.location = a.place.empty() ? a.online_url : a.place;
  if (!base.empty()) e.url = base + "/journal/" + a.id;
  e.last_modified = a.updated_at;
  return e;
}

app::Handler activities_feed() {
  return documents::calendar_feed(kActivitiesFeed, [](Context& ctx, const documents::FeedCaller& caller) {
    auto lease = ctx.app.db().acquire();
    core::Network n = core::load_network(*lease);
    std::string team;
    auto r = lease->exec("SELECT team_id FROM journal_feed_teams WHERE token_id = ?", {caller.token.id});
    if (!r.empty()) team = r.rows[0].text(0);
    auto lang = i18n::parse_lang(caller.user.lang).value_or(i18n::kDefaultLang);
    return activities_calendar(ctx.app, *lease, viewer_of(caller.user, n), team, lang, ctx.now);
  });
}

http::Response api_calendar(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  std::string team = team_param(ctx, n);
  auto res = http::Response::text(
      200, documents::write_icalendar(activities_calendar(ctx.app, *lease, v, team, ctx.lang, ctx.now), ctx.now),
      "text/calendar; charset=utf-8");
  res.set_header("Content-Disposition", "inline; filename=\"activities.ics\"");
  res.set_header("Cache-Control", "private, no-store");
  return res;
}

// ---- feed tokens ---------------------------------------------------------------------------------

namespace {

http::Response feeds_view(Context& ctx, const std::string& new_url, int status) {
  const auto& user = *ctx.user();
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  std::map<std::int64_t, std::string> teams;
  for (const auto& r : lease->exec("SELECT f.token_id, f.team_id FROM journal_feed_teams f JOIN documents_feed_tokens t "
                                   "ON t.id = f.token_id WHERE t.user_id = ?", {user.id}).rows)
    teams[r.int64(0)] = r.text(1);
  web::Dict d = ctx.content_dict();
  add_team_options(ctx, d, n, "");
  if (!new_url.empty()) d.SetValueAndShowSection("NEW_URL", new_url, "CREATED");
  auto tokens = documents::list_feed_tokens(*lease, user.id, kActivitiesFeed);
  for (const auto& t : tokens) {
    auto* row = d.AddSectionDictionary("TOKENS");
    row->SetValue("TOKEN_ID", std::to_string(t.id));
    row->SetValue("LABEL", t.label.empty() ? ctx.t("journal.lookback.feeds.no_label") : t.label);
    row->SetValue("LEVEL", teams.count(t.id) ? level_label(ctx, n, teams[t.id]) : ctx.t("journal.filter.all_levels"));
    row->SetValue("CREATED", i18n::format_time(ctx.lang, t.created_at, i18n::DateStyle::date_time));
    row->SetValue("USED", t.last_used_at ? i18n::format_time(ctx.lang, *t.last_used_at, i18n::DateStyle::date_time)
                                         : ctx.t("journal.lookback.feeds.never"));
    if (t.revoked_at)
      row->SetValueAndShowSection("REVOKED", i18n::format_time(ctx.lang, *t.revoked_at, i18n::DateStyle::date_time),
                                  "IS_REVOKED");
    else
      row->ShowSection("MAY_REVOKE");
  }
  if (tokens.empty()) d.ShowSection("NO_TOKENS");
  return ctx.page("journal_feeds", ctx.t("journal.lookback.feeds.title"), d, status);
}

}  // namespace

http::Response feeds_page(Context& ctx) {
  viewer(ctx, core::Network{});  // 401 without a caller
  return feeds_view(ctx, "", 200);
}

http::Response create_feed_page(Context& ctx) {
  const auto& f = ctx.form();
  std::string label = text::trimmed(f.get("label"));
  std::string team = text::trimmed(f.get("team"));
  if (label.size() > 200) throw HttpError(422, "validation", "journal.lookback.error.label");
  std::string raw = app::write(ctx, [&](app::Change& change) {
    core::Network n = core::load_network(change.db);
    if (!team.empty() && team != "brussels" && !n.team(team))
      throw HttpError(422, "validation", "journal.lookback.error.team");
    std::string token = documents::create_feed_token(change.db, change.user().id, kActivitiesFeed, label, change.now());
    auto id = change.db.exec("SELECT id FROM documents_feed_tokens WHERE user_id = ? AND feed = ? ORDER BY id DESC LIMIT 1",
                             {change.user().id, std::string(kActivitiesFeed)}).rows.at(0).int64(0);
    if (!team.empty()) change.db.exec("INSERT INTO journal_feed_teams (token_id, team_id) VALUES (?, ?)", {id, team});
    change.audit("journal.feed_token.create", "documents.feed_token", std::to_string(id), team);
    return token;
  });
  std::string base = ctx.app.setting("public-url");
  while (base.ends_with('/')) base.pop_back();
  // The raw token is shown this once; only its digest is stored.
  return feeds_view(ctx, base + "/journal/feed/" + raw + ".ics", 200);
}

http::Response revoke_feed_page(Context& ctx) {
  auto id = parse_bounded(ctx.param("token"), 1, INT64_MAX);
  if (!id) throw HttpError(404, "not_found", "error.not_found");
  app::write(ctx, [&](app::Change& change) {
    if (!documents::revoke_feed_token(change.db, change.user().id, *id, change.now()))
      throw HttpError(404, "not_found", "error.not_found");
    change.audit("journal.feed_token.revoke", "documents.feed_token", std::to_string(*id));
  });
  return http::Response::redirect("/journal/calendar/feeds?done=journal_lookback_feed_revoked");
}

}  // namespace samen::journal

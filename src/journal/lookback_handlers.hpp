// Looking back on the journal: the calendar of activities and its private
// iCalendar feeds (calendar.cpp), full-text search over activities
// (search_pages.cpp, the engines behind journal/search.hpp) and the process
// report as print HTML and PDF (report.cpp). Every one of them reads
// activities through visible_sql()/may_see(), so a partner never meets a
// facilitators-only activity or another team's team-only one here either.
#pragma once
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/context.hpp"
#include "app/module.hpp"
#include "core/network.hpp"
#include "documents/calendar.hpp"
#include "journal/activity.hpp"
#include "journal/store.hpp"

namespace samen::journal {

// The feed name of journal calendar tokens (documents_feed_tokens.feed).
inline constexpr const char* kActivitiesFeed = "journal.activities";

// Calendar and feeds (calendar.cpp).
http::Response calendar_page(app::Context& ctx);       // GET /journal/calendar
http::Response feeds_page(app::Context& ctx);          // GET /journal/calendar/feeds
http::Response create_feed_page(app::Context& ctx);    // POST /journal/calendar/feeds
http::Response revoke_feed_page(app::Context& ctx);    // POST /journal/calendar/feeds/{token}/revoke
app::Handler activities_feed();                        // GET /journal/feed/{token} ("<token>.ics")
http::Response api_calendar(app::Context& ctx);        // GET /api/v1/activities.ics

// The calendar of what `v` may see: active activities from 180 days ago on
// (at most 2000), limited to a level when `team` is set ("brussels" or a team id).
documents::Calendar activities_calendar(app::App& app, store::Connection& c, const Viewer& v, const std::string& team,
                                        i18n::Lang lang, std::int64_t now);
// One activity as a feed event (title, type and level, place, link; never
// notes): the journal's feeds and the later modules' feeds of their activities.
documents::CalendarEvent activity_event(app::App& app, const Activity& a, const std::vector<ActivityType>& types,
                                        const core::Network& n, i18n::Lang lang);

// Search (search_pages.cpp).
http::Response search_page(app::Context& ctx);         // GET /journal/search?q=
struct SearchPage {
  std::int64_t total = 0;                // visible matches
  bool total_exact = true;               // false: an estimate, shown as "about"
  bool total_capped = false;             // more than `total` (the count stopped there)
  std::vector<Activity> items;           // this page, best first
  std::vector<std::string> highlight;    // words to mark
};
// The visible activities matching `text` (reads of facilitators-only ones audited);
// /journal/search and ?q= on /api/v1/activities (which wants the exact total).
SearchPage search_visible(app::Context& ctx, store::Connection& c, const Viewer& v, const std::string& text,
                          std::int64_t offset, std::int64_t limit, bool exact_total = false);

// The process report (report.cpp).
http::Response report_page(app::Context& ctx);         // GET /journal/report (?format=pdf)

// The hidden `journal-bench-data` command of bench/journal.sh (bench_data.cpp).
void add_bench_command(app::CommandLine& cl);

// Start-up of the looking-back part: the search engine (rebuilt when missing).
void start_lookback(app::App& app);

// Small shared pieces of these pages (lookback.cpp).
std::string level_label(const app::Context& ctx, const core::Network& n, const std::string& team_id);
std::string type_name(const app::Context& ctx, const std::vector<ActivityType>& types, const std::string& code);
// "" (every level), "brussels" or an existing team id from ?team=; 400 otherwise.
std::string team_param(const app::Context& ctx, const core::Network& n);
// Team choices for a <select name="team"> (every level, Brussels-wide, each team).
void add_team_options(const app::Context& ctx, web::Dict& d, const core::Network& n, const std::string& selected);

}  // namespace samen::journal
